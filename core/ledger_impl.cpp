#include "ledger_impl.h"

#include "identity.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlRecord>
#include <QUuid>

namespace jifen {

Result<TerminalIdentity> Ledger::Impl::identity()
{
    if (ident)
        return *ident;
    auto q = store.prepare(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('store_id', 'terminal_id', "
                                          "'merchant_category')"));
    if (!q)
        return q.error();
    JIFEN_TRY(store.exec(q.value()));
    TerminalIdentity id;
    while (q->next()) {
        const QString key = q->value(0).toString();
        if (key == QStringLiteral("store_id"))
            id.storeId = q->value(1).toString();
        else if (key == QStringLiteral("terminal_id"))
            id.terminalId = q->value(1).toString();
        else
            id.merchantCategory = q->value(1).toString();
    }
    if (id.terminalId.isEmpty())
        return Error::notFound(QCoreApplication::translate(
            "jifen::Ledger", "this terminal is not initialised; run `jifen init --store S --terminal T`"));
    ident = id;
    return id;
}

Result<RuleSet> Ledger::Impl::activeRules()
{
    // The version alone decides whether the cached rule set is still the active one.
    auto v = store.prepare(QStringLiteral("SELECT MAX(version) FROM rulesets"));
    if (!v)
        return v.error();
    JIFEN_TRY(store.exec(v.value()));
    const int version = v->next() ? v->value(0).toInt() : 0;
    v->finish();
    if (version == 0)
        return Error::notFound(
            QCoreApplication::translate("jifen::Ledger", "no rule set loaded; run `jifen init` first"));
    if (rules && rules->version() == version)
        return *rules;
    auto q = store.prepare(QStringLiteral("SELECT json FROM rulesets WHERE version = ?"));
    if (!q)
        return q.error();
    q->addBindValue(version);
    JIFEN_TRY(store.exec(q.value()));
    if (!q->next())
        return Error::notFound(
            QCoreApplication::translate("jifen::Ledger", "rule set %1 vanished while loading").arg(version));
    auto parsed = RuleSet::fromJson(q->value(0).toByteArray());
    if (!parsed)
        return Error::storage(QCoreApplication::translate("jifen::Ledger", "the stored rule set %1 no longer loads: %2")
                                  .arg(version)
                                  .arg(parsed.error().message));
    rules = parsed.value();
    return *rules;
}

Status Ledger::Impl::storeRuleSet(const RuleSet& rs)
{
    auto q = store.prepare(QStringLiteral("INSERT INTO rulesets (version, json, loaded_at) VALUES (?, ?, ?)"));
    if (!q)
        return q.error();
    q->addBindValue(rs.version());
    q->addBindValue(QString::fromUtf8(rs.json()));
    q->addBindValue(formatInstant(clock.nowUtc()));
    JIFEN_TRY(store.exec(q.value()));
    for (const Reward& r : rs.catalog()) {
        if (!r.stock)
            continue;
        // Stock is counted locally from the first rule set that names a reward; later rule sets
        // do not reset what was already given out.
        auto s = store.prepare(QStringLiteral("INSERT OR IGNORE INTO stock (reward_code, quantity) VALUES (?, ?)"));
        if (!s)
            return s.error();
        s->addBindValue(r.code);
        s->addBindValue(*r.stock);
        JIFEN_TRY(store.exec(s.value()));
    }
    return Ok{};
}

const QString& Ledger::Impl::memberColumns()
{
    static const QString columns =
        QStringLiteral("id, uid, phone, card, name, kind, created_at, consent_terms, consent_at");
    return columns;
}

Member Ledger::Impl::memberFromRow(const Statement& q)
{
    Member m;
    m.id = q.value(0).toLongLong();
    m.uid = q.value(1).toString();
    m.phone = q.value(2).toString();
    m.card = q.value(3).toString();
    m.name = q.value(4).toString();
    m.kind = memberKindFromName(q.value(5).toString()).value_or(MemberKind::Person);
    m.createdAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    m.consentTerms = q.value(7).toString();
    m.consentAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
    return m;
}

Result<std::optional<Member>> Ledger::Impl::findMember(const QString& column, const QString& value)
{
    auto q = store.prepare(QStringLiteral("SELECT %1 FROM members WHERE %2 = ?").arg(memberColumns(), column));
    if (!q)
        return q.error();
    q->addBindValue(value);
    JIFEN_TRY(store.exec(q.value()));
    if (!q->next())
        return std::optional<Member>();
    return std::optional<Member>(memberFromRow(q.value()));
}

Result<Member> Ledger::Impl::memberById(qint64 id)
{
    auto q = store.prepare(QStringLiteral("SELECT %1 FROM members WHERE id = ?").arg(memberColumns()));
    if (!q)
        return q.error();
    q->addBindValue(id);
    JIFEN_TRY(store.exec(q.value()));
    if (!q->next())
        return Error::notFound(QCoreApplication::translate("jifen::Ledger", "member #%1 not found").arg(id));
    return memberFromRow(q.value());
}

Result<Member> Ledger::Impl::requireMember(const QString& phone, const QString& card)
{
    if (!phone.isEmpty() && !card.isEmpty())
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "give either a phone number or a card number, not both"));
    if (phone.isEmpty() && card.isEmpty())
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "a member is needed: give --phone or --card"));
    Result<std::optional<Member>> found = std::optional<Member>();
    QString shown;
    if (!phone.isEmpty()) {
        auto p = normalizePhone(phone);
        if (!p)
            return p.error();
        shown = maskPhone(p.value());
        found = findMember(QStringLiteral("phone"), p.value());
    } else {
        auto c = normalizeCard(card);
        if (!c)
            return c.error();
        shown = QCoreApplication::translate("jifen::Ledger", "card %1").arg(c.value());
        found = findMember(QStringLiteral("card"), c.value());
    }
    if (!found)
        return found.error();
    if (!found.value())
        return Error::notFound(QCoreApplication::translate("jifen::Ledger", "no member with %1").arg(shown));
    return *found.value();
}

Result<Balance> Ledger::Impl::balanceOf(qint64 memberId)
{
    auto q = store.prepare(QStringLiteral("SELECT points, green_points FROM balances WHERE member_id = ?"));
    if (!q)
        return q.error();
    q->addBindValue(memberId);
    JIFEN_TRY(store.exec(q.value()));
    if (!q->next())
        return Balance{};
    return Balance{Points(q->value(0).toLongLong()), Points(q->value(1).toLongLong())};
}

Result<QString> Ledger::Impl::memberKey(const QString& phone, const QString& card)
{
    if (!phone.isEmpty()) {
        auto p = normalizePhone(phone);
        if (!p)
            return p.error();
        return QStringLiteral("phone:") + p.value();
    }
    if (!card.isEmpty()) {
        auto c = normalizeCard(card);
        if (!c)
            return c.error();
        return QStringLiteral("card:") + c.value();
    }
    return QString();
}

Result<std::optional<QJsonObject>> Ledger::Impl::priorResult(const QString& ref, const QString& op,
                                                             const QString& fingerprint)
{
    auto q = store.prepare(QStringLiteral("SELECT operation, fingerprint, result FROM requests WHERE ref = ?"));
    if (!q)
        return q.error();
    q->addBindValue(ref);
    JIFEN_TRY(store.exec(q.value()));
    if (!q->next())
        return std::optional<QJsonObject>();
    if (q->value(0).toString() != op || q->value(1).toString() != fingerprint)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger",
                                        "reference %1 was already used for a different %2; a retry must repeat "
                                        "the same request, a new request needs a new --ref")
                .arg(ref, q->value(0).toString()));
    return std::optional<QJsonObject>(QJsonDocument::fromJson(q->value(2).toByteArray()).object());
}

Status Ledger::Impl::recordResult(const QString& ref, const QString& op, const QString& fingerprint,
                                  const QJsonObject& result)
{
    auto q =
        store.prepare(QStringLiteral("INSERT INTO requests (ref, operation, fingerprint, result) VALUES (?, ?, ?, ?)"));
    if (!q)
        return q.error();
    q->addBindValue(ref);
    q->addBindValue(op);
    q->addBindValue(fingerprint);
    q->addBindValue(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)));
    return store.exec(q.value());
}

Result<JournalEntry> Ledger::Impl::append(EntryDraft draft)
{
    auto id = identity();
    if (!id)
        return id.error();
    auto last = store.prepare(QStringLiteral("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"));
    if (!last)
        return last.error();
    JIFEN_TRY(store.exec(last.value()));
    JournalEntry e;
    e.seq = 1;
    e.prevHash = genesisHash();
    if (last->next()) {
        e.seq = last->value(0).toLongLong() + 1;
        e.prevHash = last->value(1).toString();
    }
    last->finish();
    e.entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.terminalId = id->terminalId;
    e.kind = draft.kind;
    e.memberUid = draft.member ? draft.member->uid : QString();
    e.points = draft.points;
    e.greenPoints = draft.greenPoints;
    e.ref = draft.ref;
    e.reversesSeq = draft.reversesSeq;
    e.rulesetVersion = draft.rulesetVersion;
    e.terminalTime = clock.nowUtc();
    e.detail = draft.detail;
    e.lots = draft.lots;
    const LotRef ownLot{e.terminalId, e.seq};
    if (draft.newLot && draft.newLot->earned.value() > 0)
        e.lots.append(LotMove{ownLot, draft.newLot->created});
    e.hash = e.computeHash();

    auto ins = store.prepare(QStringLiteral(
        "INSERT INTO journal (seq, entry_id, terminal_id, kind, member_id, points, green_points, ref, reverses_seq,"
        " ruleset_version, terminal_time, detail, lots, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!ins)
        return ins.error();
    ins->addBindValue(e.seq);
    ins->addBindValue(e.entryId);
    ins->addBindValue(e.terminalId);
    ins->addBindValue(entryKindName(e.kind));
    ins->addBindValue(draft.member ? QVariant(draft.member->id) : QVariant(QMetaType(QMetaType::LongLong)));
    ins->addBindValue(e.points.value());
    ins->addBindValue(e.greenPoints.value());
    ins->addBindValue(e.ref);
    ins->addBindValue(e.reversesSeq ? QVariant(e.reversesSeq) : QVariant(QMetaType(QMetaType::LongLong)));
    ins->addBindValue(e.rulesetVersion);
    ins->addBindValue(formatInstant(e.terminalTime));
    ins->addBindValue(QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact)));
    ins->addBindValue(lotMovesToText(e.lots));
    ins->addBindValue(e.prevHash);
    ins->addBindValue(e.hash);
    JIFEN_TRY(store.exec(ins.value()));

    if (draft.newLot && draft.newLot->earned.value() > 0) {
        auto lot = store.prepare(QStringLiteral(
            "INSERT INTO lots (member_id, source_terminal, source_seq, green, original, remaining, earned_on,"
            " valid_through) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!lot)
            return lot.error();
        lot->addBindValue(draft.member->id);
        lot->addBindValue(ownLot.terminalId);
        lot->addBindValue(ownLot.seq);
        lot->addBindValue(draft.newLot->green ? 1 : 0);
        lot->addBindValue(draft.newLot->earned.value());
        lot->addBindValue(draft.newLot->created.value());
        lot->addBindValue(draft.newLot->earnedOn.toString(Qt::ISODate));
        lot->addBindValue(draft.newLot->validThrough.toString(Qt::ISODate));
        JIFEN_TRY(store.exec(lot.value()));
    }
    for (const LotMove& m : draft.lots) {
        auto upd = store.prepare(QStringLiteral("UPDATE lots SET remaining = remaining + ? WHERE source_terminal = ? "
                                                "AND source_seq = ? AND member_id = ?"));
        if (!upd)
            return upd.error();
        upd->addBindValue(m.points.value());
        upd->addBindValue(m.lot.terminalId);
        upd->addBindValue(m.lot.seq);
        upd->addBindValue(draft.member ? draft.member->id : 0);
        JIFEN_TRY(store.exec(upd.value()));
        if (upd->numRowsAffected() != 1)
            return Error::storage(
                QCoreApplication::translate("jifen::Ledger", "lot %1 of this member is missing").arg(m.lot.toString()));
    }
    if (draft.member && (e.points.value() != 0 || e.greenPoints.value() != 0)) {
        auto bal = store.prepare(QStringLiteral(
            "UPDATE balances SET points = points + ?, green_points = green_points + ? WHERE member_id = ?"));
        if (!bal)
            return bal.error();
        bal->addBindValue(e.points.value());
        bal->addBindValue(e.greenPoints.value());
        bal->addBindValue(draft.member->id);
        JIFEN_TRY(store.exec(bal.value()));
        if (bal->numRowsAffected() != 1)
            return Error::storage(
                QCoreApplication::translate("jifen::Ledger", "the balance row of member %1 is missing")
                    .arg(e.memberUid));
    }
    pendingSeq = e.seq;
    return e;
}

const QString& Ledger::Impl::entryColumns()
{
    static const QString columns = QStringLiteral(
        "SELECT j.seq, j.entry_id, j.terminal_id, j.kind, m.uid, j.points, j.green_points, j.ref, j.reverses_seq,"
        " j.ruleset_version, j.terminal_time, j.detail, j.lots, j.prev_hash, j.hash"
        " FROM journal j LEFT JOIN members m ON m.id = j.member_id");
    return columns;
}

JournalEntry Ledger::Impl::entryFromRow(const Statement& q)
{
    JournalEntry e;
    e.seq = q.value(0).toLongLong();
    e.entryId = q.value(1).toString();
    e.terminalId = q.value(2).toString();
    e.kind = entryKindFromName(q.value(3).toString()).value_or(EntryKind::Adjust);
    e.memberUid = q.value(4).toString();
    e.points = Points(q.value(5).toLongLong());
    e.greenPoints = Points(q.value(6).toLongLong());
    e.ref = q.value(7).toString();
    e.reversesSeq = q.value(8).toLongLong();
    e.rulesetVersion = q.value(9).toInt();
    e.terminalTime = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    e.detail = QJsonDocument::fromJson(q.value(11).toByteArray()).object();
    e.lots = lotMovesFromText(q.value(12).toString()).value_or(QList<LotMove>());
    e.prevHash = q.value(13).toString();
    e.hash = q.value(14).toString();
    return e;
}

Result<std::optional<JournalEntry>> Ledger::Impl::entryBySeq(qint64 seq)
{
    auto q = store.prepare(entryColumns() + QStringLiteral(" WHERE j.seq = ?"));
    if (!q)
        return q.error();
    q->addBindValue(seq);
    JIFEN_TRY(store.exec(q.value()));
    if (!q->next())
        return std::optional<JournalEntry>();
    return std::optional<JournalEntry>(entryFromRow(q.value()));
}

Result<QList<LotRow>> Ledger::Impl::spendableLots(qint64 memberId, SpendPolicy policy)
{
    // Ordinary spending takes ordinary lots before green ones; within each, first-expiring first.
    const QString where = policy == SpendPolicy::GreenOnly ? QStringLiteral(" AND green = 1") : QString();
    auto q = store.prepare(QStringLiteral("SELECT id, source_terminal, source_seq, green, original, remaining,"
                                          " valid_through FROM lots WHERE member_id = ? AND remaining > 0"
                                          " AND valid_through >= ?%1 ORDER BY green, valid_through, id")
                               .arg(where));
    if (!q)
        return q.error();
    q->addBindValue(memberId);
    q->addBindValue(clock.today().toString(Qt::ISODate));
    JIFEN_TRY(store.exec(q.value()));
    QList<LotRow> lots;
    while (q->next()) {
        LotRow r;
        r.id = q->value(0).toLongLong();
        r.ref = LotRef{q->value(1).toString(), q->value(2).toLongLong()};
        r.green = q->value(3).toInt() != 0;
        r.original = Points(q->value(4).toLongLong());
        r.remaining = Points(q->value(5).toLongLong());
        r.validThrough = QDate::fromString(q->value(6).toString(), Qt::ISODate);
        lots.append(r);
    }
    return lots;
}

Result<DebitPlan> Ledger::Impl::planDebit(qint64 memberId, Points amount, SpendPolicy policy,
                                          std::optional<LotRef> skip)
{
    auto lots = spendableLots(memberId, policy);
    if (!lots)
        return lots.error();
    DebitPlan plan;
    Points left = amount;
    for (const LotRow& lot : lots.value()) {
        if (left.value() <= 0)
            break;
        if (skip && lot.ref == *skip)
            continue;
        const Points take = std::min(left, lot.remaining);
        plan.moves.append(LotMove{lot.ref, -take});
        plan.fromLots += take;
        if (lot.green)
            plan.fromGreen += take;
        left -= take;
    }
    plan.shortfall = left;
    return plan;
}

Result<QList<LotRow>> Ledger::Impl::lotsByRef(const QList<LotRef>& refs)
{
    QList<LotRow> rows;
    for (const LotRef& ref : refs) {
        auto q = store.prepare(QStringLiteral("SELECT id, green, original, remaining, valid_through FROM lots"
                                              " WHERE source_terminal = ? AND source_seq = ?"));
        if (!q)
            return q.error();
        q->addBindValue(ref.terminalId);
        q->addBindValue(ref.seq);
        JIFEN_TRY(store.exec(q.value()));
        if (!q->next())
            return Error::storage(
                QCoreApplication::translate("jifen::Ledger", "lot %1 is missing").arg(ref.toString()));
        LotRow r;
        r.id = q->value(0).toLongLong();
        r.ref = ref;
        r.green = q->value(1).toInt() != 0;
        r.original = Points(q->value(2).toLongLong());
        r.remaining = Points(q->value(3).toLongLong());
        r.validThrough = QDate::fromString(q->value(4).toString(), Qt::ISODate);
        rows.append(r);
    }
    return rows;
}

Result<QList<LotMove>> Ledger::Impl::planRestore(const QList<LotMove>& consumed, const QList<LotMove>& alreadyBack,
                                                 Points amount, Points debt, Points* green)
{
    // A member in debt repays it first; only the rest goes back into lots.
    Points left = amount - std::min(amount, debt);
    QList<LotRef> refs;
    for (const LotMove& m : consumed)
        refs.append(m.lot);
    auto rows = lotsByRef(refs);
    if (!rows)
        return rows.error();
    QList<LotMove> moves;
    *green = Points(0);
    for (qsizetype i = consumed.size() - 1; i >= 0 && left.value() > 0; --i) {
        const LotMove& m = consumed.at(i);
        Points back;
        for (const LotMove& b : alreadyBack) {
            if (b.lot == m.lot)
                back += b.points;
        }
        const Points room = -m.points - back;
        const Points give = std::min(left, room);
        if (give.value() <= 0)
            continue;
        moves.append(LotMove{m.lot, give});
        if (rows->at(i).green)
            *green += give;
        left -= give;
    }
    return moves;
}

void Ledger::Impl::emitIfCommitted(Ledger* q)
{
    if (pendingSeq > lastCommittedSeq) {
        lastCommittedSeq = pendingSeq;
        emit q->committed(pendingSeq);
    }
}

} // namespace jifen
