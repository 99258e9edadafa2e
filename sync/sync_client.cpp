#include "sync_client.h"

#include "hq_request.h"
#include "logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

namespace jifen::sync {

SyncClient::SyncClient(Ledger& ledger, QNetworkAccessManager& network, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_network(network)
    , m_clock(clock)
{}

QNetworkReply* SyncClient::send(const QByteArray& method, const QString& path, const QByteArray& body, bool sign)
{
    qCDebug(lcSync).noquote() << method << m_state.hqUrl + path << body.size() << "bytes";
    return sendToHq(m_network, HqEndpoint{m_state.hqUrl, m_terminalId, sign ? m_state.key : QByteArray()}, method, path,
                    body, m_clock.nowUtc().addMSecs(m_offsetMs), m_requestTimeoutMs);
}

namespace {

// One of the client's own messages; `source` is marked QT_TRANSLATE_NOOP("jifen::SyncClient", ...).
Message clientMessage(const char* source)
{
    return Message::translated("jifen::SyncClient", source);
}

} // namespace

void SyncClient::fail(const Message& why)
{
    m_busy = false;
    m_prepared.reset();
    // The ledger and the log keep the English (`jifen status` prints it); the window gets the
    // cashier's language.
    qCWarning(lcSync).noquote() << "sync failed:" << why.english;
    (void)m_ledger.recordSyncResult(false, why.english);
    emit finished(false, why.text);
}

void SyncClient::fail(const Error& error)
{
    fail(Message::composed(error.message));
}

void SyncClient::enroll(const QString& hqUrl, const QString& code)
{
    auto id = m_ledger.identity();
    if (!id) {
        emit enrolled(false, id.error().message);
        return;
    }
    m_state.hqUrl = hqUrl;
    while (m_state.hqUrl.endsWith(QLatin1Char('/')))
        m_state.hqUrl.chop(1);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                      {QStringLiteral("terminal_id"), id->terminalId},
                                                      {QStringLiteral("store_id"), id->storeId}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply* reply = send(QByteArrayLiteral("POST"), QStringLiteral("/v1/enroll"), body, false);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError) {
            emit enrolled(false, hqReplyError(reply, data));
            return;
        }
        const QByteArray key = QByteArray::fromHex(
            QJsonDocument::fromJson(data).object().value(QStringLiteral("key")).toString().toLatin1());
        if (key.size() < 16) {
            emit enrolled(false, QCoreApplication::translate("jifen::SyncClient", "HQ sent no usable key"));
            return;
        }
        auto st = m_ledger.saveEnrollment(m_state.hqUrl, key);
        if (!st)
            return emit enrolled(false, st.error().message);
        // Budgets in use (HQ says so explicitly) before any allowance: the initial one never applies.
        const bool assigned =
            QJsonDocument::fromJson(data).object().value(QStringLiteral("allowances_assigned")).toBool();
        if (auto set = m_ledger.setAllowancesAssigned(assigned); !set)
            return emit enrolled(false, set.error().message);
        for (const auto& v : QJsonDocument::fromJson(data).object().value(QStringLiteral("allowances")).toArray()) {
            const QJsonObject a = v.toObject();
            auto set = m_ledger.setAllowance(a.value(QStringLiteral("points")).toInteger(),
                                             a.value(QStringLiteral("month")).toString());
            // The key is saved and the code spent: enrolment stands. The allowance comes again
            // with every pull, and the refusal is in the log.
            if (!set)
                qCWarning(lcSync).noquote() << "HQ's allowance for" << a.value(QStringLiteral("month")).toString()
                                            << "not applied:" << set.error().message;
        }
        emit enrolled(true, QString());
    });
}

void SyncClient::syncOnce()
{
    if (m_busy)
        return;
    auto state = m_ledger.syncState();
    if (!state) {
        emit finished(false, state.error().message);
        return;
    }
    auto id = m_ledger.identity();
    if (!id) {
        emit finished(false, id.error().message);
        return;
    }
    if (state->hqUrl.isEmpty() || state->key.isEmpty()) {
        emit finished(false, QCoreApplication::translate(
                                 "jifen::SyncClient",
                                 "this terminal is not enrolled with HQ; run `jifen enroll --hq URL --code CODE`"));
        return;
    }
    m_state = state.value();
    m_prepared.reset();
    m_terminalId = id->terminalId;
    m_pulled = {};
    m_expiryDone = false;
    m_pullEveryLot = false;
    m_warnings.clear();
    m_busy = true;
    fetchTime();
}

void SyncClient::fetchTime()
{
    const QDateTime sent = m_clock.nowUtc();
    QNetworkReply* reply = send(QByteArrayLiteral("GET"), QStringLiteral("/v1/time"), QByteArray(), false);
    connect(reply, &QNetworkReply::finished, this, [this, reply, sent] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            return fail(hqReplyMessage(reply, data));
        const QDateTime hq = QDateTime::fromString(
            QJsonDocument::fromJson(data).object().value(QStringLiteral("hq_time")).toString(), Qt::ISODateWithMs);
        if (!hq.isValid())
            return fail(clientMessage(QT_TRANSLATE_NOOP("jifen::SyncClient", "HQ sent no time")));
        // Our clock may be days off; requests are signed in HQ's time, entries keep ours.
        m_offsetMs = sent.msecsTo(hq);
        auto recorded = m_ledger.recordHqTime(hq);
        if (!recorded)
            return fail(recorded.error());
        m_hqDate = businessDate(hq);
        fetchStatus();
    });
}

void SyncClient::fetchStatus()
{
    QNetworkReply* reply = send(QByteArrayLiteral("GET"), QStringLiteral("/v1/status"), QByteArray(), true);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            return fail(hqReplyMessage(reply, data));
        const qint64 acked = QJsonDocument::fromJson(data).object().value(QStringLiteral("acked_seq")).toInteger(-1);
        if (acked < 0 || acked > m_state.lastSeq)
            return fail(clientMessage(
                            QT_TRANSLATE_NOOP("jifen::SyncClient",
                                              "HQ acknowledges seq %1 but this terminal's journal ends at %2; this "
                                              "terminal's database may have been replaced — do not push, call support"))
                            .arg(acked)
                            .arg(m_state.lastSeq));
        m_state.ackedSeq = acked;
        pushNext();
    });
}

namespace {

// At most `limit` of `all` whose `key` is not in `sent`; their keys are appended to `taken`.
QJsonArray unsent(const QJsonArray& all, const QString& key, const QStringList& sent, int limit, QStringList* taken)
{
    QJsonArray out;
    for (const auto& v : all) {
        const QString id = v.toObject().value(key).toString();
        if (out.size() >= limit)
            break;
        if (sent.contains(id))
            continue;
        out.append(v);
        taken->append(id);
    }
    return out;
}

} // namespace

Result<SyncClient::Batch> SyncClient::prepareBatch(qint64 afterSeq, const QStringList& sentMembers,
                                                   const QStringList& sentRefs)
{
    Batch batch;
    batch.afterSeq = afterSeq;
    auto entries = m_ledger.journalBatch(afterSeq, m_batchEntries, m_batchBytes);
    if (!entries)
        return entries.error();
    batch.entries = entries->count;
    batch.lastSeq = entries->lastSeq;
    auto members = m_ledger.unpushedMembers(m_batchEntries + sentMembers.size());
    if (!members)
        return members.error();
    const QJsonArray memberList =
        unsent(members.value(), QStringLiteral("member_id"), sentMembers, m_batchEntries, &batch.memberUids);
    auto answers = m_ledger.unpushedSurveyAnswers(m_batchEntries + sentRefs.size());
    if (!answers)
        return answers.error();
    const QJsonArray answerList =
        unsent(answers.value(), QStringLiteral("ref"), sentRefs, m_batchEntries, &batch.surveyRefs);
    if (batch.empty())
        return batch;
    // The entries go onto the wire as the ledger encoded them; only the small parts pass
    // through QJsonDocument. Keys in sorted order, as QJsonDocument would write them.
    batch.body.reserve(entries->json.size() + 256);
    batch.body.append("{\"entries\":")
        .append(entries->json)
        .append(",\"members\":")
        .append(QJsonDocument(memberList).toJson(QJsonDocument::Compact))
        .append(",\"protocol\":1,\"survey_answers\":")
        .append(QJsonDocument(answerList).toJson(QJsonDocument::Compact))
        .append(",\"terminal_clock\":\"")
        .append(formatInstant(m_clock.nowUtc()).toLatin1())
        .append("\"}");
    return batch;
}

void SyncClient::pushNext()
{
    Batch batch;
    if (m_prepared && m_prepared->afterSeq == m_state.ackedSeq) {
        batch = std::move(*m_prepared);
    } else {
        auto prepared = prepareBatch(m_state.ackedSeq, {}, {});
        if (!prepared)
            return fail(prepared.error());
        batch = std::move(prepared.value());
    }
    m_prepared.reset();
    if (batch.empty()) {
        auto pushed = m_ledger.recordPushed(m_state.ackedSeq, {});
        if (!pushed)
            return fail(pushed.error());
        pullNext();
        return;
    }
    QNetworkReply* reply = send(QByteArrayLiteral("POST"), QStringLiteral("/v1/push"), batch.body, true);
    const qint64 lastSent = batch.lastSeq;
    const QStringList memberUids = batch.memberUids;
    const QStringList surveyRefs = batch.surveyRefs;
    if (lastSent < m_state.lastSeq) {
        // More is waiting: read and encode it while HQ stores this batch. Queued, so the request
        // is handed to the network first.
        QTimer::singleShot(
            0, this, [this, inFlight = QPointer<QNetworkReply>(reply), lastSent, memberUids, surveyRefs] {
                if (!m_busy || !inFlight || inFlight->isFinished())
                    return;
                auto next = prepareBatch(lastSent, memberUids, surveyRefs);
                if (next) // a failure here is met again, and reported, when the batch is read at its turn
                    m_prepared = std::move(next.value());
            });
    }
    connect(reply, &QNetworkReply::finished, this, [this, reply, memberUids, surveyRefs, lastSent] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            return fail(hqReplyMessage(reply, data));
        const qint64 acked = QJsonDocument::fromJson(data).object().value(QStringLiteral("acked_seq")).toInteger(-1);
        // Never record as delivered what was not sent.
        if (acked < m_state.ackedSeq || acked > lastSent)
            return fail(
                clientMessage(QT_TRANSLATE_NOOP("jifen::SyncClient", "HQ acknowledged seq %1 for a push of %2..%3"))
                    .arg(acked)
                    .arg(m_state.ackedSeq + 1)
                    .arg(lastSent));
        auto st = m_ledger.recordPushed(acked, memberUids, surveyRefs);
        if (!st)
            return fail(st.error());
        m_state.ackedSeq = acked;
        qCInfo(lcSync) << "HQ acknowledged seq" << acked << "of" << m_state.lastSeq;
        emit progress(acked, m_state.lastSeq);
        pushNext();
    });
}

} // namespace jifen::sync

namespace jifen::sync {

namespace {

// A member record from HQ's pull, or nothing and why.
std::optional<Ledger::ConfirmedMember> memberFromWire(const QJsonObject& o, Message* why)
{
    Ledger::ConfirmedMember m;
    m.member.uid = o.value(QStringLiteral("member_id")).toString();
    m.member.phone = o.value(QStringLiteral("phone")).toString();
    m.member.card = o.value(QStringLiteral("card")).toString();
    m.member.name = o.value(QStringLiteral("name")).toString();
    const auto kind = memberKindFromName(o.value(QStringLiteral("kind")).toString());
    if (!kind) {
        *why = clientMessage(QT_TRANSLATE_NOOP("jifen::SyncClient", "HQ sent member %1 of an unknown kind"))
                   .arg(m.member.uid);
        return std::nullopt;
    }
    m.member.kind = *kind;
    m.member.createdAt = QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
    // Absent (an HQ older than consents) or null: none recorded. The ledger keeps only a whole one.
    m.member.consentTerms = o.value(QStringLiteral("consent_terms")).toString();
    m.member.consentAt = QDateTime::fromString(o.value(QStringLiteral("consent_at")).toString(), Qt::ISODateWithMs);
    m.points = Points(o.value(QStringLiteral("balance")).toInteger());
    m.green = Points(o.value(QStringLiteral("green_balance")).toInteger());
    for (const auto& v : o.value(QStringLiteral("lots")).toArray()) {
        const QJsonObject l = v.toObject();
        const QString ref = l.value(QStringLiteral("lot")).toString();
        const qsizetype colon = ref.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        Ledger::ConfirmedLot lot;
        lot.ref = LotRef{ref.left(colon), colon > 0 ? ref.mid(colon + 1).toLongLong(&ok) : 0};
        if (!ok) {
            *why =
                clientMessage(QT_TRANSLATE_NOOP("jifen::SyncClient", "HQ sent a malformed lot reference %1")).arg(ref);
            return std::nullopt;
        }
        lot.green = l.value(QStringLiteral("green")).toBool();
        lot.original = Points(l.value(QStringLiteral("original")).toInteger());
        lot.remaining = Points(l.value(QStringLiteral("remaining")).toInteger());
        lot.earnedOn = QDate::fromString(l.value(QStringLiteral("earned_on")).toString(), Qt::ISODate);
        lot.validThrough = QDate::fromString(l.value(QStringLiteral("valid_through")).toString(), Qt::ISODate);
        if (!lot.earnedOn.isValid())
            lot.earnedOn = lot.validThrough;
        m.lots.append(lot);
    }
    // Absent or incomplete in an "omit" page: a count no terminal matches, so the page is pulled
    // again with every lot rather than this terminal's own lots being taken as spent.
    const QJsonObject own = o.value(QStringLiteral("own_lots")).toObject();
    m.ownLots = Ledger::OwnLotsOmitted{own.value(QStringLiteral("count")).toInteger(-1),
                                       Points(own.value(QStringLiteral("remaining")).toInteger()),
                                       own.value(QStringLiteral("digest")).toString()};
    return m;
}

} // namespace

void SyncClient::pullNext()
{
    auto cursors = m_ledger.pullCursors();
    if (!cursors)
        return fail(cursors.error());
    auto rules = m_ledger.rules();
    if (!rules)
        return fail(rules.error());
    const QByteArray body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("protocol"), 1},
                        {QStringLiteral("cursor"), cursors->members},
                        {QStringLiteral("incident_cursor"), cursors->incidents},
                        {QStringLiteral("stock_cursor"), cursors->stock},
                        {QStringLiteral("ruleset_version"), rules->version()},
                        {QStringLiteral("ruleset_hash"), rules->contentHash()},
                        {QStringLiteral("limit"), m_pullPageSize},
                        // HQ would send back the lots of our own backlog, which we hold;
                        // its tally of them is checked instead.
                        {QStringLiteral("own_lots"), m_pullEveryLot ? QStringLiteral("all") : QStringLiteral("omit")}})
            .toJson(QJsonDocument::Compact);
    QNetworkReply* reply = send(QByteArrayLiteral("POST"), QStringLiteral("/v1/pull"), body, true);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            return fail(hqReplyMessage(reply, data));
        const QJsonObject o = QJsonDocument::fromJson(data).object();
        // An HQ that does not know own_lots lists every lot, as own_lots "all" does.
        const bool ownLotsOmitted = o.value(QStringLiteral("own_lots")).toString() == QStringLiteral("omit");
        Ledger::PullPage page;
        page.throughSeq = o.value(QStringLiteral("acked_seq")).toInteger(-1);
        page.cursor = o.value(QStringLiteral("cursor")).toString();
        page.incidentCursor = o.value(QStringLiteral("incident_cursor")).toInteger();
        for (const auto& v : o.value(QStringLiteral("members")).toArray()) {
            Message why;
            auto m = memberFromWire(v.toObject(), &why);
            if (!m)
                return fail(why);
            if (!ownLotsOmitted)
                m->ownLots.reset();
            page.members.append(*m);
        }
        for (const auto& v : o.value(QStringLiteral("incidents")).toArray()) {
            const QJsonObject i = v.toObject();
            page.incidents.append(HqIncident{
                i.value(QStringLiteral("id")).toInteger(), i.value(QStringLiteral("kind")).toString(),
                i.value(QStringLiteral("terminal_id")).toString(), i.value(QStringLiteral("seq")).toInteger(),
                i.value(QStringLiteral("member_id")).toString(), i.value(QStringLiteral("detail")).toString(),
                i.value(QStringLiteral("created_at")).toString()});
        }
        page.stockCursor = o.value(QStringLiteral("stock_cursor")).toInteger();
        for (const auto& v : o.value(QStringLiteral("stock_deliveries")).toArray())
            page.deliveries.append(Ledger::StockDelivery{v[QStringLiteral("reward")].toString(),
                                                         v[QStringLiteral("quantity")].toInteger()});
        auto applied = m_ledger.applyPull(page);
        if (!applied)
            return fail(applied.error());
        if (applied->ownLotsMismatched > 0) {
            if (m_pullEveryLot)
                return fail(clientMessage(QT_TRANSLATE_NOOP(
                    "jifen::SyncClient", "HQ sent this terminal's own lots left out of a full pull")));
            // This terminal does not hold its own lots as HQ has them (a restored or salvaged
            // database): nothing was applied; the page comes again with every lot listed.
            qCWarning(lcSync) << "own lots differ from HQ's tally for" << applied->ownLotsMismatched
                              << "member(s); pulling every lot";
            m_pulled.ownLotsMismatched += applied->ownLotsMismatched;
            m_pullEveryLot = true;
            return pullNext();
        }
        m_pulled.applied += applied->applied;
        m_pulled.skipped += applied->skipped;
        m_pulled.conflicts += applied->conflicts;
        m_pulled.incidents += applied->incidents;
        if (o.contains(QStringLiteral("ruleset"))) {
            const QJsonObject rs = o.value(QStringLiteral("ruleset")).toObject();
            const bool replaces = rs.contains(QStringLiteral("replaces"));
            if (replaces)
                m_warnings.append(
                    QCoreApplication::translate("jifen::SyncClient",
                                                "rule set %1 here differed from HQ's; HQ's content replaces it")
                        .arg(rs.value(QStringLiteral("version")).toInteger()));
            const QByteArray json = rs.value(QStringLiteral("json")).toString().toUtf8();
            auto loaded = replaces ? m_ledger.replaceRules(json) : m_ledger.loadRules(json);
            // A rule set this terminal cannot use (not newer, or without its merchant category)
            // must not stop sync; it is reported and HQ's operator fixes it.
            if (!loaded)
                m_warnings.append(QCoreApplication::translate("jifen::SyncClient", "rule set %1 not loaded: %2")
                                      .arg(rs.value(QStringLiteral("version")).toInteger())
                                      .arg(loaded.error().message));
        }
        if (o.contains(QStringLiteral("allowances_assigned"))) {
            auto set = m_ledger.setAllowancesAssigned(o.value(QStringLiteral("allowances_assigned")).toBool());
            if (!set)
                return fail(set.error());
        }
        for (const auto& v : o.value(QStringLiteral("allowances")).toArray()) {
            const QJsonObject a = v.toObject();
            auto set = m_ledger.setAllowance(a.value(QStringLiteral("points")).toInteger(),
                                             a.value(QStringLiteral("month")).toString());
            if (!set)
                m_warnings.append(QCoreApplication::translate("jifen::SyncClient", "allowance %1 not applied: %2")
                                      .arg(a.value(QStringLiteral("month")).toString(), set.error().message));
        }
        if (o.value(QStringLiteral("more")).toBool() && !page.members.isEmpty())
            return pullNext();
        if (!m_expiryDone) {
            // HQ's date is the authority for expiry. It runs after the pull, on lots as HQ has
            // them (another terminal may have spent part of one), never past this terminal's own
            // date; its entries are pushed at once.
            m_expiryDone = true;
            auto expired = m_ledger.expire(std::min(m_hqDate, m_clock.today()));
            if (!expired)
                return fail(expired.error());
            if (expired->entries > 0) {
                auto state = m_ledger.syncState();
                if (!state)
                    return fail(state.error());
                m_state.lastSeq = state->lastSeq;
                return pushNext();
            }
        }
        auto recorded = m_ledger.recordSyncResult(true, QString());
        if (!recorded)
            return fail(recorded.error());
        m_busy = false;
        emit finished(true, QString());
    });
}

} // namespace jifen::sync
