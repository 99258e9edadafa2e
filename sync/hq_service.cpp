#include "hq_service.h"

#include "identity.h"
#include "journal.h"
#include "member.h"
#include "pin.h"
#include "ruleset.h"
#include "signing.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>

#include <optional>
#include <thread>
#include <vector>

namespace jifen::sync {

namespace {

QString sha256Hex(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString randomHex(int bytes)
{
    QByteArray b(bytes, '\0');
    for (auto& c : b)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(b.toHex());
}

bool isDebit(EntryKind kind, qint64 points)
{
    switch (kind) {
    case EntryKind::Redeem:
    case EntryKind::Offset:
    case EntryKind::Donate:
    case EntryKind::TransferOut:
        return true;
    case EntryKind::Adjust:
        return points < 0;
    default:
        return false;
    }
}

constexpr int kMaxEntriesPerPush = 5000;
// Below this a thread costs more than it saves (a counter's sale pushes a handful of entries).
constexpr qsizetype kParallelParseEntries = 512;

} // namespace

HqService::HqService(HqDatabase& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<QString> HqService::addTerminal(const QString& storeId, const QString& terminalId)
{
    auto store = normalizeCode(storeId, QStringLiteral("store id"));
    if (!store)
        return store.error();
    auto terminal = normalizeCode(terminalId, QStringLiteral("terminal id"));
    if (!terminal)
        return terminal.error();
    // Eight groups of readable digits: typed once at the terminal, useless once used.
    QString code;
    for (int i = 0; i < 4; ++i)
        code += QStringLiteral("%1%2")
                    .arg(i ? QStringLiteral("-") : QString())
                    .arg(QRandomGenerator::system()->bounded(10000), 4, 10, QLatin1Char('0'));
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto existing = m_db.scalar(QStringLiteral("SELECT COALESCE(enrolled_at, '') FROM terminals WHERE terminal_id = ?"),
                                {terminal.value()}, QStringLiteral("-"));
    if (!existing)
        return existing.error();
    if (existing->toString() != QStringLiteral("-")) {
        if (!existing->toString().isEmpty())
            return Error::refused(QStringLiteral("terminal %1 is already enrolled").arg(terminal.value()));
        JIFEN_TRY(m_db.run(QStringLiteral("UPDATE terminals SET code_hash = ?, store_id = ? WHERE terminal_id = ?"),
                           {sha256Hex(code.toLatin1()), store.value(), terminal.value()}));
    } else {
        JIFEN_TRY(
            m_db.run(QStringLiteral("INSERT INTO terminals (terminal_id, store_id, code_hash, last_hash, created_at)"
                                    " VALUES (?, ?, ?, ?, ?)"),
                     {terminal.value(), store.value(), sha256Hex(code.toLatin1()), genesisHash(),
                      formatInstant(m_clock.nowUtc())}));
    }
    JIFEN_TRY(tx.commit());
    return code;
}

Result<QJsonArray> HqService::terminals()
{
    auto q =
        m_db.run(QStringLiteral("SELECT terminal_id, store_id, enrolled_at, acked_seq, last_sync_at, clock_skew_secs"
                                " FROM terminals ORDER BY terminal_id"));
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next()) {
        out.append(
            QJsonObject{{QStringLiteral("terminal_id"), q->value(0).toString()},
                        {QStringLiteral("store_id"), q->value(1).toString()},
                        {QStringLiteral("enrolled"), !q->value(2).toString().isEmpty()},
                        {QStringLiteral("acked_seq"), q->value(3).toLongLong()},
                        {QStringLiteral("last_sync_at"), q->value(4).isNull() ? QJsonValue() : q->value(4).toString()},
                        {QStringLiteral("clock_skew_secs"),
                         q->value(5).isNull() ? QJsonValue() : QJsonValue(q->value(5).toLongLong())}});
    }
    return out;
}

Result<QJsonObject> HqService::enroll(const QJsonObject& request)
{
    const QString code = request.value(QStringLiteral("code")).toString().trimmed();
    const QString terminal = request.value(QStringLiteral("terminal_id")).toString();
    if (code.isEmpty() || terminal.isEmpty())
        return Error::badInput(QStringLiteral("enrolment needs code and terminal_id"));
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto q = m_db.run(QStringLiteral("SELECT store_id, code_hash FROM terminals WHERE terminal_id = ?"), {terminal});
    if (!q)
        return q.error();
    const bool found = q->next();
    const QString store = found ? q->value(0).toString() : QString();
    const QString codeHash = found ? q->value(1).toString() : QString();
    q->finish();
    // The same answer whether the terminal is unknown, the code wrong or already used.
    if (!found || codeHash.isEmpty() || !constantTimeEquals(codeHash.toLatin1(), sha256Hex(code.toLatin1()).toLatin1()))
        return Error::refused(
            QStringLiteral("enrolment code not valid for terminal %1 (wrong, or already used)").arg(terminal));
    const QString key = randomHex(32);
    JIFEN_TRY(m_db.run(
        QStringLiteral("UPDATE terminals SET code_hash = NULL, key_hex = ?, enrolled_at = ? WHERE terminal_id = ?"),
        {key, formatInstant(m_clock.nowUtc()), terminal}));
    // The allowances HQ already split for this terminal, and whether budgets are in use, come
    // with the key: it must not issue on the rule set's initial allowance before its first sync.
    QJsonObject answer{
        {QStringLiteral("terminal_id"), terminal}, {QStringLiteral("store_id"), store}, {QStringLiteral("key"), key}};
    JIFEN_TRY(addAllowances(terminal, QString(), &answer));
    JIFEN_TRY(tx.commit());
    return answer;
}

Result<QString> HqService::authenticate(const SignedRequest& r)
{
    auto unauthorised = [](const QString& why) { return Error::refused(QStringLiteral("unauthorised: %1").arg(why)); };
    if (r.terminalId.isEmpty() || r.signature.isEmpty() || r.timestamp.isEmpty() || r.nonce.isEmpty())
        return unauthorised(QStringLiteral("the request is not signed"));
    if (r.nonce.size() < 16 || r.nonce.size() > 64)
        return unauthorised(QStringLiteral("bad nonce"));
    const QDateTime stamp = QDateTime::fromString(r.timestamp, Qt::ISODateWithMs);
    if (!stamp.isValid())
        return unauthorised(QStringLiteral("bad timestamp"));
    const QDateTime now = m_clock.nowUtc();
    if (qAbs(stamp.msecsTo(now)) > kMaxClockSkewSecs * 1000)
        return unauthorised(
            QStringLiteral("the request time is more than 5 minutes from HQ time (%1)").arg(formatInstant(now)));
    auto key = m_db.scalar(QStringLiteral("SELECT key_hex FROM terminals WHERE terminal_id = ?"), {r.terminalId});
    if (!key)
        return key.error();
    if (key->isNull() || key->toString().isEmpty())
        return unauthorised(QStringLiteral("unknown or unenrolled terminal"));
    const QString expected =
        sign(QByteArray::fromHex(key->toString().toLatin1()),
             canonicalRequestFromDigest(r.method, r.path, r.bodyDigest.isEmpty() ? bodyDigest(r.body) : r.bodyDigest,
                                        r.timestamp, r.nonce));
    if (!constantTimeEquals(expected.toLatin1(), r.signature.toLower().toLatin1()))
        return unauthorised(QStringLiteral("bad signature"));
    // A nonce is accepted once; old ones are forgotten after the replay window has passed.
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto seen = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM nonces WHERE terminal_id = ? AND nonce = ?"),
                            {r.terminalId, r.nonce}, 0);
    if (!seen)
        return seen.error();
    if (seen->toInt() > 0)
        return unauthorised(QStringLiteral("replayed request"));
    JIFEN_TRY(m_db.run(QStringLiteral("INSERT INTO nonces (terminal_id, nonce, seen_at) VALUES (?, ?, ?)"),
                       {r.terminalId, r.nonce, formatInstant(now)}));
    JIFEN_TRY(m_db.run(QStringLiteral("DELETE FROM nonces WHERE seen_at < ?"),
                       {formatInstant(now.addSecs(-3 * kMaxClockSkewSecs))}));
    JIFEN_TRY(tx.commit());
    return r.terminalId;
}

Status HqService::raiseIncident(const QString& kind, const QString& terminalId, qint64 seq, const QString& memberUid,
                                const QString& detail)
{
    // The counter row stays locked until this transaction commits, so incidents become visible in
    // id order and a terminal's incident cursor never skips one.
    JIFEN_TRY(m_db.run(QStringLiteral("UPDATE counters SET value = value + 1 WHERE name = 'incident_id'")));
    auto next = m_db.scalar(QStringLiteral("SELECT value FROM counters WHERE name = 'incident_id'"));
    if (!next)
        return next.error();
    const qint64 id = next->toLongLong();
    JIFEN_TRY(
        m_db.run(QStringLiteral("INSERT INTO incidents (id, kind, terminal_id, seq, member_uid, detail, created_at)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                 {id, kind, terminalId, seq ? QVariant(seq) : QVariant(QMetaType(QMetaType::LongLong)),
                  memberUid.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(memberUid), detail,
                  formatInstant(m_clock.nowUtc())}));
    return Ok{};
}

Status HqService::storeMembers(const QString& terminalId, const QJsonArray& members, QStringList* incidents,
                               QSet<QString>* touched)
{
    for (const auto& v : members) {
        const QJsonObject m = v.toObject();
        const QString uid = m.value(QStringLiteral("member_id")).toString();
        if (uid.isEmpty() || uid.size() > 64)
            return Error::badInput(QStringLiteral("a member record needs member_id"));
        // Terminals pull what HQ stores: a record they could not hold is refused here.
        const QString rawPhone = m.value(QStringLiteral("phone")).toString();
        const QString rawCard = m.value(QStringLiteral("card")).toString();
        if ((rawPhone.isEmpty() && rawCard.isEmpty()) || (!rawPhone.isEmpty() && !normalizePhone(rawPhone)) ||
            (!rawCard.isEmpty() && !normalizeCard(rawCard)) ||
            !memberKindFromName(m.value(QStringLiteral("kind")).toString(QStringLiteral("person"))) ||
            !normalizeName(m.value(QStringLiteral("name")).toString(), QStringLiteral("name")))
            return Error::badInput(QStringLiteral("member %1: malformed phone, card, name or kind").arg(uid));
        // The consent as the terminal recorded it: terms and instant together, or neither (a
        // terminal older than consents sends no such keys).
        const QJsonValue terms = m.value(QStringLiteral("consent_terms"));
        const QJsonValue at = m.value(QStringLiteral("consent_at"));
        QVariant consentTerms{QMetaType(QMetaType::QString)}; // NULL unless a consent was given
        QVariant consentAt{QMetaType(QMetaType::QString)};
        const auto given = [](const QJsonValue& value) { return !value.isUndefined() && !value.isNull(); };
        if (given(terms) || given(at)) {
            const QString termsText = terms.toString();
            const QString atText = at.toString();
            auto instant = parseInstant(atText);
            // A bare date (ten characters) parses as that day's midnight: a consent names its instant.
            if (termsText.isEmpty() || termsText.size() > kMaxPrivacyTermsLength || atText.size() <= 10 || !instant)
                return Error::badInput(QStringLiteral("member %1: consent needs consent_terms (1 to %2 characters) and"
                                                      " consent_at (an ISO 8601 instant), or neither")
                                           .arg(uid)
                                           .arg(kMaxPrivacyTermsLength));
            consentTerms = termsText;
            consentAt = formatInstant(instant.value());
        }
        auto exists = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM members WHERE uid = ?"), {uid}, 0);
        if (!exists)
            return exists.error();
        if (exists->toInt() > 0)
            continue;
        QString phone = m.value(QStringLiteral("phone")).toString();
        QString card = m.value(QStringLiteral("card")).toString();
        // Two terminals may enrol the same phone or card offline: both records are kept, the
        // second without the duplicated identifier, and an incident asks someone to merge them.
        for (auto [column, value] :
             {std::pair{QStringLiteral("phone"), &phone}, std::pair{QStringLiteral("card"), &card}}) {
            if (value->isEmpty())
                continue;
            auto dup =
                m_db.scalar(QStringLiteral("SELECT uid FROM members WHERE %1 = ?").arg(column), {*value}, QString());
            if (!dup)
                return dup.error();
            if (dup->toString().isEmpty())
                continue;
            incidents->append(QStringLiteral("duplicate-member"));
            JIFEN_TRY(raiseIncident(
                QStringLiteral("duplicate-member"), terminalId, 0, uid,
                QStringLiteral("%1 %2 is already member %3")
                    .arg(column, column == QStringLiteral("phone") ? maskPhone(*value) : *value, dup->toString())));
            value->clear();
        }
        JIFEN_TRY(
            m_db.run(QStringLiteral("INSERT INTO members (uid, phone, card, name, kind, home_terminal, created_at,"
                                    " consent_terms, consent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {uid, phone.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(phone),
                      card.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(card),
                      m.value(QStringLiteral("name")).toString(),
                      m.value(QStringLiteral("kind")).toString(QStringLiteral("person")), terminalId,
                      m.value(QStringLiteral("created_at")).toString(), consentTerms, consentAt}));
        touched->insert(uid);
        // An entry of this member may have arrived first and made the row: keep what it holds.
        JIFEN_TRY(m_db.run(QStringLiteral("INSERT INTO balances (member_uid, points, green_points) VALUES (?, 0, 0)"
                                          " ON CONFLICT (member_uid) DO NOTHING"),
                           {uid}));
    }
    return Ok{};
}

Status HqService::stampRevisions(const QSet<QString>& members)
{
    if (members.isEmpty())
        return Ok{};
    // Taken last, just before commit: the counter row's lock orders the commits of concurrent
    // pushes, so a puller that has seen rev N has seen every rev below it.
    JIFEN_TRY(m_db.run(QStringLiteral("UPDATE counters SET value = value + 1 WHERE name = 'member_rev'")));
    auto rev = m_db.scalar(QStringLiteral("SELECT value FROM counters WHERE name = 'member_rev'"));
    if (!rev)
        return rev.error();
    QStringList sorted(members.begin(), members.end());
    sorted.sort();
    QVariantList uids;
    uids.reserve(sorted.size());
    for (const QString& uid : sorted)
        uids.append(uid);
    return m_db.runIn(QStringLiteral("UPDATE balances SET rev = ? WHERE member_uid IN (%1)"), {rev->toLongLong()},
                      uids);
}

Status HqService::storeEntries(const QString& terminalId, const QList<StagedEntry>& staged, const QString& now,
                               QStringList* incidents, QSet<QString>* touched)
{
    // Balances as they stand (for the overdraft check) and the lots an expiry moves (for the
    // expiry-overlap check) are read once; the entries' effects are then followed in memory in
    // entry order, summed per member and per lot, and written in a few multi-row statements.
    QHash<QString, qint64> balance;
    QHash<QString, qint64> lotLeft;
    {
        QSet<QString> seenMembers;
        QVariantList members;
        QVariantList expiring;
        for (const StagedEntry& s : staged) {
            const JournalEntry& e = *s.e;
            if (e.memberUid.isEmpty())
                continue;
            if (!seenMembers.contains(e.memberUid)) {
                seenMembers.insert(e.memberUid);
                members.append(e.memberUid);
            }
            if (e.kind != EntryKind::Expire)
                continue;
            for (const LotMove& m : e.lots) {
                const QString key = m.lot.toString();
                if (!lotLeft.contains(key)) {
                    lotLeft.insert(key, 0); // a lot HQ has no row for starts from nothing
                    expiring.append(key);
                }
            }
        }
        JIFEN_TRY(m_db.runIn(QStringLiteral("SELECT member_uid, points FROM balances WHERE member_uid IN (%1)"), {},
                             members,
                             [&](QSqlQuery& q) { balance.insert(q.value(0).toString(), q.value(1).toLongLong()); }));
        JIFEN_TRY(m_db.runIn(QStringLiteral("SELECT lot, remaining FROM lots WHERE lot IN (%1)"), {}, expiring,
                             [&](QSqlQuery& q) { lotLeft.insert(q.value(0).toString(), q.value(1).toLongLong()); }));
    }
    struct BalanceSum {
        qint64 points = 0;
        qint64 green = 0;
    };
    struct LotRow {
        QString member;
        qint64 remaining = 0;
        QString validThrough;
        int green = 0;
        qint64 original = 0;
        QString earnedOn;
        QString creator;
        int shared = 0; // moved by a terminal other than the one that created it
    };
    // Sorted keys: concurrent pushes lock the rows they share in the same order.
    std::map<QString, BalanceSum> balanceSums;
    std::map<QString, LotRow> lotRows;
    QVariantList journalRows;
    journalRows.reserve(staged.size() * 16);
    const QVariant nullText{QMetaType(QMetaType::QString)}; // braces: clang reads parentheses as a function
    const QVariant nullNumber{QMetaType(QMetaType::LongLong)};
    for (const StagedEntry& s : staged) {
        const JournalEntry& e = *s.e;
        journalRows << terminalId << e.seq << e.entryId << entryKindName(e.kind)
                    << (e.memberUid.isEmpty() ? nullText : QVariant(e.memberUid)) << e.points.value()
                    << e.greenPoints.value() << e.ref << (e.reversesSeq ? QVariant(e.reversesSeq) : nullNumber)
                    << e.rulesetVersion << s.time << now << s.detail << s.lots << e.prevHash << e.hash;
        if (e.memberUid.isEmpty())
            continue;
        BalanceSum& sum = balanceSums[e.memberUid];
        sum.points += e.points.value();
        sum.green += e.greenPoints.value();
        touched->insert(e.memberUid);
        qint64& points = balance[e.memberUid]; // a member without a row starts from nothing
        points += e.points.value();
        for (const LotMove& m : e.lots) {
            const QString key = m.lot.toString();
            const int foreign = m.lot.terminalId != terminalId ? 1 : 0;
            auto it = lotRows.find(key);
            if (it == lotRows.end()) {
                // The entry that creates a lot describes it; later moves only change what remains.
                const bool own = m.lot.terminalId == terminalId && m.lot.seq == e.seq;
                lotRows.emplace(key,
                                LotRow{e.memberUid, m.points.value(),
                                       own ? e.detail.value(QStringLiteral("valid_through")).toString() : QString(),
                                       own && e.greenPoints.value() > 0 ? 1 : 0, own ? m.points.value() : 0,
                                       own ? businessDate(e.terminalTime).toString(Qt::ISODate) : QString(),
                                       m.lot.terminalId, foreign});
            } else {
                it->second.remaining += m.points.value();
                it->second.shared |= foreign;
            }
            if (auto left = lotLeft.find(key); left != lotLeft.end())
                *left += m.points.value();
        }
        JIFEN_TRY(checkEarning(terminalId, e, incidents));
        if (e.kind == EntryKind::Expire) {
            // A terminal expired a lot another terminal had meanwhile spent from: the member
            // lost points twice. Kept as it happened, for a manager to settle.
            for (const LotMove& m : e.lots) {
                const qint64 left = lotLeft.value(m.lot.toString());
                if (left >= 0)
                    continue;
                incidents->append(QStringLiteral("expiry-overlap"));
                JIFEN_TRY(
                    raiseIncident(QStringLiteral("expiry-overlap"), terminalId, e.seq, e.memberUid,
                                  QStringLiteral("lot %1 expired below zero (%2)").arg(m.lot.toString()).arg(left)));
            }
        }
        if (e.kind == EntryKind::Redeem)
            JIFEN_TRY(m_db.run(QStringLiteral("UPDATE reservations SET state = 'settled' WHERE terminal_id = ?"
                                              " AND ref = ? AND state IN ('held', 'committed')"),
                               {terminalId, e.ref}));
        if (isDebit(e.kind, e.points.value()) && points < 0) {
            // Offline terminals together spent more than the member had. History is kept as it
            // happened; a manager reviews the incident.
            incidents->append(QStringLiteral("overdraft"));
            JIFEN_TRY(raiseIncident(QStringLiteral("overdraft"), terminalId, e.seq, e.memberUid,
                                    QStringLiteral("balance %1 after %2 of %3 points")
                                        .arg(points)
                                        .arg(entryKindName(e.kind))
                                        .arg(-e.points.value())));
        }
    }
    JIFEN_TRY(m_db.runRows(QStringLiteral("INSERT INTO journal (terminal_id, seq, entry_id, kind, member_uid, points,"
                                          " green_points, ref, reverses_seq, ruleset_version, terminal_time, hq_time,"
                                          " detail, lots, prev_hash, hash)"),
                           16, journalRows));
    QVariantList balanceValues;
    balanceValues.reserve(qsizetype(balanceSums.size()) * 3);
    for (const auto& [uid, sum] : balanceSums)
        balanceValues << uid << sum.points << sum.green;
    JIFEN_TRY(m_db.runRows(QStringLiteral("INSERT INTO balances (member_uid, points, green_points)"), 3, balanceValues,
                           QStringLiteral("ON CONFLICT (member_uid) DO UPDATE SET points = balances.points +"
                                          " excluded.points, green_points = balances.green_points +"
                                          " excluded.green_points")));
    QVariantList lotValues;
    lotValues.reserve(qsizetype(lotRows.size()) * 9);
    for (const auto& [lot, row] : lotRows)
        lotValues << lot << row.member << row.remaining << row.validThrough << row.green << row.original << row.earnedOn
                  << row.creator << row.shared;
    return m_db.runRows(
        QStringLiteral("INSERT INTO lots (lot, member_uid, remaining, valid_through, green, original,"
                       " earned_on, creator, shared)"),
        9, lotValues,
        QStringLiteral("ON CONFLICT (lot) DO UPDATE SET remaining = lots.remaining + excluded.remaining,"
                       " shared = CASE WHEN excluded.shared = 1 THEN 1 ELSE lots.shared END"));
}

Status HqService::parseEntries(const QJsonArray& entries, QList<JournalEntry>* parsed, std::vector<EntryForms>* forms)
{
    std::vector<std::optional<Error>> errors(size_t(entries.size()));
    JournalEntry* out = parsed->data(); // detached here, before two threads write into it
    auto work = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            auto e = JournalEntry::fromJson(entries.at(i).toObject());
            if (!e) {
                errors[size_t(i)] = e.error();
                continue;
            }
            EntryForms& f = (*forms)[size_t(i)];
            f.time = formatInstant(e->terminalTime);
            f.detail = e->detailText();
            f.lots = lotMovesToText(e->lots);
            f.hash = e->computeHash(f.time, f.detail, f.lots);
            out[i] = std::move(e).value();
        }
    };
    // Each entry's parse and hash depend on nothing but the entry, and they are a third of a large
    // push: a second thread takes half of a large batch. The chain is still checked in order.
    const qsizetype n = entries.size();
    if (n >= kParallelParseEntries) {
        std::thread other(work, n / 2, n);
        work(0, n / 2);
        other.join();
    } else {
        work(0, n);
    }
    for (const auto& error : errors) {
        if (error)
            return *error; // the first bad entry, as a sequential parse would have said
    }
    return Ok{};
}

Result<QJsonObject> HqService::push(const QString& terminalId, const QJsonObject& request)
{
    const QJsonArray entries = request.value(QStringLiteral("entries")).toArray();
    if (entries.size() > kMaxEntriesPerPush)
        return Error::badInput(QStringLiteral("at most %1 entries per push").arg(kMaxEntriesPerPush));
    QList<JournalEntry> parsed(entries.size());
    std::vector<EntryForms> forms(entries.size());
    JIFEN_TRY(parseEntries(entries, &parsed, &forms));
    const QString now = formatInstant(m_clock.nowUtc());
    QStringList incidentKinds;
    // Problems that refuse the push still leave an incident behind, written after the rollback.
    struct Refusal {
        QString kind;
        qint64 seq;
        QString member;
        QString detail;
        Error error;
    };
    std::optional<Refusal> refusal;
    qint64 acked = 0;
    {
        HqTransaction tx(m_db);
        JIFEN_TRY(tx.begin());
        auto t =
            // Two pushes of one terminal at once (a retry racing its original) take turns here.
            m_db.run(m_db.isPostgres()
                         ? QStringLiteral("SELECT acked_seq, last_hash FROM terminals WHERE terminal_id = ? FOR UPDATE")
                         : QStringLiteral("SELECT acked_seq, last_hash FROM terminals WHERE terminal_id = ?"),
                     {terminalId});
        if (!t)
            return t.error();
        if (!t->next())
            return Error::notFound(QStringLiteral("unknown terminal %1").arg(terminalId));
        acked = t->value(0).toLongLong();
        QString lastHash = t->value(1).toString();
        t->finish();
        QSet<QString> touched;
        JIFEN_TRY(
            storeMembers(terminalId, request.value(QStringLiteral("members")).toArray(), &incidentKinds, &touched));
        for (const auto& v : request.value(QStringLiteral("survey_answers")).toArray()) {
            const QJsonObject a = v.toObject();
            const QString ref = a.value(QStringLiteral("ref")).toString();
            const QString survey = a.value(QStringLiteral("survey")).toString();
            if (ref.isEmpty() || ref.size() > 64 || survey.isEmpty() || survey.size() > 64)
                return Error::badInput(QStringLiteral("a survey answer needs ref and survey"));
            JIFEN_TRY(m_db.run(
                QStringLiteral("INSERT INTO survey_answers (terminal_id, ref, member_uid, survey, answers,"
                               " created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (terminal_id, ref)"
                               " DO NOTHING"),
                {terminalId, ref, a.value(QStringLiteral("member_id")).toString(), survey,
                 QString::fromUtf8(
                     QJsonDocument(a.value(QStringLiteral("answers")).toObject()).toJson(QJsonDocument::Compact)),
                 a.value(QStringLiteral("created_at")).toString()}));
        }
        // Entries HQ may already have (a retry after a lost reply): their stored hashes, in one
        // query. Entries staged below join the map, so a repeat within the batch is seen too.
        QHash<qint64, QString> storedHashes;
        {
            QVariantList seqs;
            QSet<qint64> wanted;
            for (const JournalEntry& e : parsed) {
                if (e.terminalId == terminalId && e.seq <= acked && !wanted.contains(e.seq)) {
                    wanted.insert(e.seq);
                    seqs.append(e.seq);
                }
            }
            JIFEN_TRY(m_db.runIn(
                QStringLiteral("SELECT seq, hash FROM journal WHERE terminal_id = ? AND seq IN (%1)"), {terminalId},
                seqs, [&](QSqlQuery& q) { storedHashes.insert(q.value(0).toLongLong(), q.value(1).toString()); }));
        }
        // Every entry is checked before anything is written: a refusal or a gap leaves nothing
        // of the batch behind, as the rollback did when the checks ran between the writes.
        QList<StagedEntry> staged;
        staged.reserve(parsed.size());
        for (qsizetype i = 0; i < parsed.size(); ++i) {
            const JournalEntry& e = parsed.at(i);
            if (e.terminalId != terminalId) {
                refusal =
                    Refusal{QStringLiteral("foreign-entry"), e.seq, e.memberUid,
                            QStringLiteral("terminal %1 pushed an entry of terminal %2").arg(terminalId, e.terminalId),
                            Error::refused(QStringLiteral("entries of another terminal are refused"))};
                break;
            }
            if (e.seq <= acked) {
                if (storedHashes.value(e.seq) == e.hash)
                    continue; // already here: a retry after a lost reply
                refusal = Refusal{QStringLiteral("seq-reused"), e.seq, e.memberUid,
                                  QStringLiteral("seq %1 already holds a different entry").arg(e.seq),
                                  Error::refused(QStringLiteral("seq %1 already holds a different entry").arg(e.seq))};
                break;
            }
            if (e.seq != acked + 1)
                return Error::refused(QStringLiteral("gap: expected seq %1, got %2").arg(acked + 1).arg(e.seq));
            // The text forms were made once, hashed in parseEntries, and are stored below.
            EntryForms& f = forms[size_t(i)];
            if (e.prevHash != lastHash || f.hash != e.hash) {
                refusal = Refusal{QStringLiteral("chain-broken"), e.seq, e.memberUid,
                                  QStringLiteral("entry %1 does not verify against the chain").arg(e.seq),
                                  Error::refused(QStringLiteral("entry %1 breaks the hash chain").arg(e.seq))};
                break;
            }
            storedHashes.insert(e.seq, e.hash);
            acked = e.seq;
            lastHash = e.hash;
            staged.append(StagedEntry{&e, std::move(f.time), std::move(f.detail), std::move(f.lots)});
        }
        if (!refusal) {
            JIFEN_TRY(storeEntries(terminalId, staged, now, &incidentKinds, &touched));
            JIFEN_TRY(stampRevisions(touched));
            const QDateTime terminalClock =
                QDateTime::fromString(request.value(QStringLiteral("terminal_clock")).toString(), Qt::ISODateWithMs);
            JIFEN_TRY(m_db.run(QStringLiteral("UPDATE terminals SET acked_seq = ?, last_hash = ?, last_sync_at = ?,"
                                              " clock_skew_secs = ? WHERE terminal_id = ?"),
                               {acked, lastHash, now,
                                terminalClock.isValid() ? QVariant(m_clock.nowUtc().secsTo(terminalClock))
                                                        : QVariant(QMetaType(QMetaType::LongLong)),
                                terminalId}));
            JIFEN_TRY(tx.commit());
        }
    }
    if (refusal) {
        HqTransaction tx(m_db);
        JIFEN_TRY(tx.begin());
        JIFEN_TRY(raiseIncident(refusal->kind, terminalId, refusal->seq, refusal->member, refusal->detail));
        JIFEN_TRY(tx.commit());
        return refusal->error;
    }
    return QJsonObject{{QStringLiteral("acked_seq"), acked},
                       {QStringLiteral("hq_time"), now},
                       {QStringLiteral("incidents"), QJsonArray::fromStringList(incidentKinds)}};
}

Result<QJsonObject> HqService::terminalStatus(const QString& terminalId)
{
    auto acked = m_db.scalar(QStringLiteral("SELECT acked_seq FROM terminals WHERE terminal_id = ?"), {terminalId}, -1);
    if (!acked)
        return acked.error();
    if (acked->toLongLong() < 0)
        return Error::notFound(QStringLiteral("unknown terminal %1").arg(terminalId));
    return QJsonObject{{QStringLiteral("terminal_id"), terminalId},
                       {QStringLiteral("acked_seq"), acked->toLongLong()},
                       {QStringLiteral("hq_time"), formatInstant(m_clock.nowUtc())}};
}

Result<QJsonObject> HqService::memberByPhone(const QString& phone)
{
    auto p = normalizePhone(phone);
    if (!p)
        return p.error();
    auto q = m_db.run(
        QStringLiteral("SELECT m.uid, m.name, m.kind, m.card, COALESCE(b.points, 0), COALESCE(b.green_points, 0),"
                       " m.consent_terms, m.consent_at FROM members m LEFT JOIN balances b ON b.member_uid = m.uid"
                       " WHERE m.phone = ?"),
        {p.value()});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("no member with %1").arg(maskPhone(p.value())));
    QJsonObject out{{QStringLiteral("member_id"), q->value(0).toString()},
                    {QStringLiteral("phone_masked"), maskPhone(p.value())},
                    {QStringLiteral("name"), q->value(1).toString()},
                    {QStringLiteral("kind"), q->value(2).toString()},
                    {QStringLiteral("card"), q->value(3).isNull() ? QJsonValue() : q->value(3).toString()},
                    {QStringLiteral("balance"), q->value(4).toLongLong()},
                    {QStringLiteral("green_balance"), q->value(5).toLongLong()},
                    {QStringLiteral("consent"), q->value(6).isNull()
                                                    ? QJsonValue()
                                                    : QJsonObject{{QStringLiteral("terms"), q->value(6).toString()},
                                                                  {QStringLiteral("at"), q->value(7).toString()}}}};
    q.value()->finish();
    auto lots = m_db.run(QStringLiteral("SELECT valid_through, SUM(remaining) FROM lots WHERE member_uid = ? AND"
                                        " remaining > 0 AND valid_through >= ? AND valid_through <= ? GROUP BY"
                                        " valid_through ORDER BY valid_through"),
                         {out.value(QStringLiteral("member_id")).toString(), m_clock.today().toString(Qt::ISODate),
                          m_clock.today().addDays(90).toString(Qt::ISODate)});
    if (!lots)
        return lots.error();
    QJsonArray soon;
    while (lots.value()->next())
        soon.append(QJsonObject{{QStringLiteral("points"), lots.value()->value(1).toLongLong()},
                                {QStringLiteral("expires_on"), lots.value()->value(0).toString()}});
    out.insert(QStringLiteral("expiring_soon"), soon);
    // HQ does not rank tiers yet: tier rules come with rule-set publishing (the terminal computes them).
    out.insert(QStringLiteral("tier"), QJsonValue());
    return out;
}

Result<QJsonArray> HqService::incidents()
{
    auto q = m_db.run(QStringLiteral("SELECT id, kind, terminal_id, seq, member_uid, detail, created_at FROM incidents"
                                     " ORDER BY id"));
    if (!q)
        return q.error();
    QJsonArray out;
    while (q.value()->next()) {
        QSqlQuery* r = q.value();
        out.append(QJsonObject{
            {QStringLiteral("id"), r->value(0).toLongLong()},
            {QStringLiteral("kind"), r->value(1).toString()},
            {QStringLiteral("terminal_id"), r->value(2).toString()},
            {QStringLiteral("seq"), r->value(3).isNull() ? QJsonValue() : QJsonValue(r->value(3).toLongLong())},
            {QStringLiteral("member_id"), r->value(4).isNull() ? QJsonValue() : r->value(4).toString()},
            {QStringLiteral("detail"), r->value(5).toString()},
            {QStringLiteral("created_at"), r->value(6).toString()}});
    }
    return out;
}

Result<QJsonObject> HqService::verify()
{
    QStringList problems;
    auto q = m_db.run(QStringLiteral("SELECT b.member_uid, b.points, b.green_points, COALESCE(SUM(j.points), 0),"
                                     " COALESCE(SUM(j.green_points), 0) FROM balances b LEFT JOIN journal j ON"
                                     " j.member_uid = b.member_uid GROUP BY b.member_uid, b.points, b.green_points"));
    if (!q)
        return q.error();
    qint64 members = 0;
    while (q.value()->next()) {
        QSqlQuery* r = q.value();
        ++members;
        if (r->value(1).toLongLong() != r->value(3).toLongLong() ||
            r->value(2).toLongLong() != r->value(4).toLongLong())
            problems.append(QStringLiteral("member %1: balance %2 but journal sums to %3")
                                .arg(r->value(0).toString())
                                .arg(r->value(1).toLongLong())
                                .arg(r->value(3).toLongLong()));
    }
    return QJsonObject{{QStringLiteral("ok"), problems.isEmpty()},
                       {QStringLiteral("members"), members},
                       {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

} // namespace jifen::sync
