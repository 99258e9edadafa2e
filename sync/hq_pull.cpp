#include "hq_service.h"

#include "own_lots.h"
#include "ruleset.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace jifen::sync {

namespace {

constexpr int kDefaultPullMembers = 500;
constexpr int kMaxPullMembers = 2000;

// "rev/uid": the last member a terminal received, in (rev, uid) order.
bool parseCursor(const QString& text, qint64* rev, QString* uid)
{
    if (text.isEmpty()) {
        *rev = -1;
        uid->clear();
        return true;
    }
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0)
        return false;
    bool ok = false;
    *rev = text.left(slash).toLongLong(&ok);
    *uid = text.mid(slash + 1);
    return ok && *rev >= 0 && uid->size() <= 64;
}

} // namespace

Result<QJsonObject> HqService::pull(const QString& terminalId, const QJsonObject& request)
{
    qint64 rev = -1;
    QString uid;
    if (!parseCursor(request.value(QStringLiteral("cursor")).toString(), &rev, &uid))
        return Error::badInput(QStringLiteral("cursor is not one HQ gave out"));
    const qint64 limit = request.value(QStringLiteral("limit")).toInteger(kDefaultPullMembers);
    if (limit < 1 || limit > kMaxPullMembers)
        return Error::badInput(QStringLiteral("limit must be between 1 and %1").arg(kMaxPullMembers));
    const qint64 rulesetVersion = request.value(QStringLiteral("ruleset_version")).toInteger(0);
    const qint64 incidentCursor = request.value(QStringLiteral("incident_cursor")).toInteger(0);
    const QJsonValue ownLotsValue = request.value(QStringLiteral("own_lots"));
    const QString ownLots = ownLotsValue.isUndefined() ? QStringLiteral("all") : ownLotsValue.toString();
    if (ownLots != QStringLiteral("all") && ownLots != QStringLiteral("omit"))
        return Error::badInput(QStringLiteral("own_lots must be \"all\" or \"omit\""));
    const bool omitOwn = ownLots == QStringLiteral("omit");

    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    // One snapshot: the acknowledged seq must describe exactly the balances that go with it.
    if (m_db.isPostgres())
        JIFEN_TRY(m_db.execDirect(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")));
    auto t = m_db.run(QStringLiteral("SELECT acked_seq, store_id FROM terminals WHERE terminal_id = ?"), {terminalId});
    if (!t)
        return t.error();
    if (!t.value()->next())
        return Error::notFound(QStringLiteral("unknown terminal %1").arg(terminalId));
    const qint64 acked = t.value()->value(0).toLongLong();
    const QString storeId = t.value()->value(1).toString();
    t.value()->finish();

    auto q = m_db.run(QStringLiteral("SELECT m.uid, m.phone, m.card, m.name, m.kind, m.created_at, b.points,"
                                     " b.green_points, b.rev, m.consent_terms, m.consent_at FROM balances b"
                                     " JOIN members m ON m.uid = b.member_uid"
                                     " WHERE b.rev > ? OR (b.rev = ? AND b.member_uid > ?)"
                                     " ORDER BY b.rev, b.member_uid LIMIT ?"),
                      {rev, rev, uid, limit});
    if (!q)
        return q.error();
    QJsonArray members;
    QString cursor = request.value(QStringLiteral("cursor")).toString();
    const auto text = [](const QVariant& v) { return v.isNull() ? QJsonValue() : QJsonValue(v.toString()); };
    while (q.value()->next()) {
        QSqlQuery* r = q.value();
        members.append(QJsonObject{{QStringLiteral("member_id"), r->value(0).toString()},
                                   {QStringLiteral("phone"), r->value(1).toString()},
                                   {QStringLiteral("card"), r->value(2).toString()},
                                   {QStringLiteral("name"), r->value(3).toString()},
                                   {QStringLiteral("kind"), r->value(4).toString()},
                                   {QStringLiteral("created_at"), r->value(5).toString()},
                                   {QStringLiteral("balance"), r->value(6).toLongLong()},
                                   {QStringLiteral("green_balance"), r->value(7).toLongLong()},
                                   {QStringLiteral("consent_terms"), text(r->value(9))},
                                   {QStringLiteral("consent_at"), text(r->value(10))}});
        cursor = QStringLiteral("%1/%2").arg(r->value(8).toLongLong()).arg(r->value(0).toString());
    }
    q.value()->finish();
    for (qsizetype i = 0; i < members.size(); ++i) {
        QJsonObject m = members.at(i).toObject();
        // Lots overspent by offline terminals hold nothing a terminal could spend. With own_lots
        // "omit", the puller's own lots that no other terminal has moved are left out (it holds
        // them as HQ does) and only counted, so it can check that it really holds them all; its
        // own lots that others moved come even when spent, as that is news to it.
        auto lots = m_db.run(
            QStringLiteral("SELECT lot, green, original, remaining, earned_on, valid_through, creator, shared FROM"
                           " lots WHERE member_uid = ? AND (remaining > 0 OR creator = ?) ORDER BY lot"),
            {m.value(QStringLiteral("member_id")).toString(), omitOwn ? terminalId : QString()});
        if (!lots)
            return lots.error();
        QJsonArray list;
        OwnLotsTally omitted;
        while (lots.value()->next()) {
            QSqlQuery* r = lots.value();
            const qint64 remaining = r->value(3).toLongLong();
            if (omitOwn && r->value(6).toString() == terminalId && r->value(7).toInt() == 0) {
                const QString lot = r->value(0).toString();
                omitted.add(lot.mid(lot.lastIndexOf(QLatin1Char(':')) + 1).toLongLong(), remaining);
                continue;
            }
            list.append(QJsonObject{{QStringLiteral("lot"), r->value(0).toString()},
                                    {QStringLiteral("green"), r->value(1).toInt() != 0},
                                    {QStringLiteral("original"), r->value(2).toLongLong()},
                                    {QStringLiteral("remaining"), std::max<qint64>(remaining, 0)},
                                    {QStringLiteral("earned_on"), r->value(4).toString()},
                                    {QStringLiteral("valid_through"), r->value(5).toString()}});
        }
        m.insert(QStringLiteral("lots"), list);
        if (omitOwn)
            m.insert(QStringLiteral("own_lots"), QJsonObject{{QStringLiteral("count"), omitted.count()},
                                                             {QStringLiteral("remaining"), omitted.points()},
                                                             {QStringLiteral("digest"), omitted.digest()}});
        members[i] = m;
    }

    QJsonObject out{{QStringLiteral("acked_seq"), acked},  {QStringLiteral("members"), members},
                    {QStringLiteral("cursor"), cursor},    {QStringLiteral("more"), members.size() == limit},
                    {QStringLiteral("own_lots"), ownLots}, {QStringLiteral("hq_time"), now()}};

    auto rules = m_db.run(QStringLiteral("SELECT version, json FROM rulesets WHERE version > ? ORDER BY version DESC"
                                         " LIMIT 1"),
                          {rulesetVersion});
    if (!rules)
        return rules.error();
    if (rules.value()->next())
        out.insert(QStringLiteral("ruleset"),
                   QJsonObject{{QStringLiteral("version"), rules.value()->value(0).toInt()},
                               {QStringLiteral("json"), rules.value()->value(1).toString()}});
    rules.value()->finish();
    if (!out.contains(QStringLiteral("ruleset"))) {
        auto replacement = rulesetReplacement(rulesetVersion, request.value(QStringLiteral("ruleset_hash")).toString());
        if (!replacement)
            return replacement.error();
        if (!replacement->isEmpty())
            out.insert(QStringLiteral("ruleset"), replacement.value());
    }

    JIFEN_TRY(addAllowances(terminalId, m_clock.today().addMonths(-1).toString(QStringLiteral("yyyy-MM")), &out));

    auto incidents = m_db.run(
        QStringLiteral("SELECT i.id, i.kind, i.terminal_id, i.seq, i.member_uid, i.detail, i.created_at FROM"
                       " incidents i JOIN terminals t ON t.terminal_id = i.terminal_id WHERE t.store_id = ? AND"
                       " i.id > ? ORDER BY i.id LIMIT 200"),
        {storeId, incidentCursor});
    if (!incidents)
        return incidents.error();
    QJsonArray incidentList;
    qint64 lastIncident = incidentCursor;
    while (incidents.value()->next()) {
        QSqlQuery* r = incidents.value();
        lastIncident = r->value(0).toLongLong();
        incidentList.append(QJsonObject{
            {QStringLiteral("id"), lastIncident},
            {QStringLiteral("kind"), r->value(1).toString()},
            {QStringLiteral("terminal_id"), r->value(2).toString()},
            {QStringLiteral("seq"), r->value(3).isNull() ? QJsonValue() : QJsonValue(r->value(3).toLongLong())},
            {QStringLiteral("member_id"), r->value(4).isNull() ? QJsonValue() : r->value(4).toString()},
            {QStringLiteral("detail"), r->value(5).toString()},
            {QStringLiteral("created_at"), r->value(6).toString()}});
    }
    out.insert(QStringLiteral("incidents"), incidentList);

    const qint64 stockCursor = request.value(QStringLiteral("stock_cursor")).toInteger(0);
    auto deliveries = m_db.run(QStringLiteral("SELECT id, reward_code, quantity FROM stock_deliveries WHERE"
                                              " terminal_id = ? AND id > ? ORDER BY id LIMIT 200"),
                               {terminalId, stockCursor});
    if (!deliveries)
        return deliveries.error();
    QJsonArray deliveryList;
    qint64 lastDelivery = stockCursor;
    while (deliveries.value()->next()) {
        lastDelivery = deliveries.value()->value(0).toLongLong();
        deliveryList.append(QJsonObject{{QStringLiteral("delivery_id"), lastDelivery},
                                        {QStringLiteral("reward"), deliveries.value()->value(1).toString()},
                                        {QStringLiteral("quantity"), deliveries.value()->value(2).toLongLong()}});
    }
    out.insert(QStringLiteral("stock_deliveries"), deliveryList);
    out.insert(QStringLiteral("stock_cursor"), lastDelivery);
    out.insert(QStringLiteral("incident_cursor"), lastIncident);
    JIFEN_TRY(tx.commit());
    return out;
}

Result<int> HqService::publishRules(const QByteArray& json)
{
    auto parsed = RuleSet::fromJson(json);
    if (!parsed)
        return parsed.error();
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto latest = m_db.scalar(QStringLiteral("SELECT MAX(version) FROM rulesets"), {}, 0);
    if (!latest)
        return latest.error();
    if (parsed->version() <= latest->toInt()) {
        // A version is one content for good: the same file again is a no-op, anything else under
        // a published number is refused (terminals holding it would disagree with HQ).
        auto same = rulesetVersion(parsed->version());
        if (!same)
            return same.error();
        if (same.value() && same.value()->contentHash() == parsed->contentHash())
            return parsed->version();
        if (same.value())
            return Error::refused(QStringLiteral("rule set version %1 is already published with different content;"
                                                 " publish the change as version %2 or later")
                                      .arg(parsed->version())
                                      .arg(latest->toInt() + 1));
        return Error::refused(QStringLiteral("rule set version %1 is not newer than the published version %2")
                                  .arg(parsed->version())
                                  .arg(latest->toInt()));
    }
    JIFEN_TRY(m_db.run(QStringLiteral("INSERT INTO rulesets (version, json, published_at) VALUES (?, ?, ?)"),
                       {parsed->version(), QString::fromUtf8(parsed->json()), now()}));
    JIFEN_TRY(tx.commit());
    m_rulesets.erase(parsed->version()); // it may have been cached as missing
    return parsed->version();
}

} // namespace jifen::sync
