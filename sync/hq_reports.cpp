#include "hq_service.h"

#include "identity.h"

#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QTimeZone>

namespace jifen::sync {

namespace {

// A business month (China time) as the range of journal times it covers.
Result<std::pair<QString, QString>> monthRange(const QString& month)
{
    static const QRegularExpression form(QStringLiteral("^([0-9]{4})-(0[1-9]|1[0-2])$"));
    const auto m = form.match(month);
    if (!m.hasMatch())
        return Error::badInput(QStringLiteral("month %1 is not in the form YYYY-MM").arg(month));
    const QDate first(m.captured(1).toInt(), m.captured(2).toInt(), 1);
    const QTimeZone china(8 * 3600);
    return std::pair{formatInstant(QDateTime(first, QTime(0, 0), china).toUTC()),
                     formatInstant(QDateTime(first.addMonths(1), QTime(0, 0), china).toUTC())};
}

// Points that come into being (not moved between members): earning, green grants, positive
// adjustments. Deferred earning is not issued until released.
const QString kIssued = QStringLiteral("kind IN ('earn', 'green-grant') OR (kind = 'adjust' AND points > 0)");

} // namespace

Result<QJsonObject> HqService::liabilityReport()
{
    auto q = m_db.run(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN points > 0 THEN points ELSE 0 END), 0),"
                                     " COALESCE(SUM(green_points), 0), COALESCE(SUM(CASE WHEN points < 0 THEN points"
                                     " ELSE 0 END), 0), COALESCE(SUM(CASE WHEN points < 0 THEN 1 ELSE 0 END), 0)"
                                     " FROM balances"));
    if (!q)
        return q.error();
    q.value()->next();
    QSqlQuery* r = q.value();
    QJsonObject out{{QStringLiteral("members"), r->value(0).toLongLong()},
                    {QStringLiteral("outstanding_points"), r->value(1).toLongLong()},
                    {QStringLiteral("green_points"), r->value(2).toLongLong()},
                    {QStringLiteral("owed_points"), -r->value(3).toLongLong()},
                    {QStringLiteral("members_in_debt"), r->value(4).toLongLong()},
                    {QStringLiteral("as_of"), now()}};
    r->finish();
    return out;
}

Result<QJsonObject> HqService::issuanceReport(const QString& month)
{
    auto range = monthRange(month);
    if (!range)
        return range.error();
    auto q = m_db.run(
        QStringLiteral("SELECT m.merchant_id, m.name, COALESCE(b.points, -1),"
                       " (SELECT COALESCE(SUM(a.points), 0) FROM allowances a JOIN terminals t ON t.terminal_id ="
                       " a.terminal_id JOIN stores s ON s.store_id = t.store_id WHERE s.merchant_id = m.merchant_id"
                       " AND a.month = ?),"
                       " (SELECT COALESCE(SUM(j.points), 0) FROM journal j JOIN terminals t ON t.terminal_id ="
                       " j.terminal_id JOIN stores s ON s.store_id = t.store_id WHERE s.merchant_id = m.merchant_id"
                       " AND j.terminal_time >= ? AND j.terminal_time < ? AND (%1))"
                       " FROM merchants m LEFT JOIN budgets b ON b.merchant_id = m.merchant_id AND b.month = ?"
                       " ORDER BY m.merchant_id")
            .arg(kIssued),
        {month, range->first, range->second, month});
    if (!q)
        return q.error();
    QJsonArray rows;
    while (q.value()->next()) {
        QSqlQuery* r = q.value();
        const qint64 budget = r->value(2).toLongLong();
        const qint64 issued = r->value(4).toLongLong();
        rows.append(QJsonObject{{QStringLiteral("merchant_id"), r->value(0).toString()},
                                {QStringLiteral("name"), r->value(1).toString()},
                                {QStringLiteral("budget"), budget < 0 ? QJsonValue() : QJsonValue(budget)},
                                {QStringLiteral("allocated"), r->value(3).toLongLong()},
                                {QStringLiteral("issued"), issued},
                                {QStringLiteral("within_budget"), budget >= 0 && issued <= budget}});
    }
    return QJsonObject{{QStringLiteral("month"), month}, {QStringLiteral("merchants"), rows}};
}

Result<QJsonObject> HqService::settlementReport(const QString& month)
{
    auto range = monthRange(month);
    if (!range)
        return range.error();
    // Which merchant each terminal belongs to; a lot is named after the terminal that issued it.
    QHash<QString, QString> merchantOf;
    {
        auto t = m_db.run(QStringLiteral("SELECT t.terminal_id, COALESCE(s.merchant_id, '') FROM terminals t LEFT JOIN"
                                         " stores s ON s.store_id = t.store_id"));
        if (!t)
            return t.error();
        while (t.value()->next())
            merchantOf.insert(t.value()->value(0).toString(), t.value()->value(1).toString());
    }
    auto q = m_db.run(QStringLiteral("SELECT terminal_id, lots FROM journal WHERE kind IN ('redeem', 'offset') AND"
                                     " terminal_time >= ? AND terminal_time < ?"),
                      {range->first, range->second});
    if (!q)
        return q.error();
    QMap<std::pair<QString, QString>, qint64> flows; // (issuer, redeemer) -> points
    while (q.value()->next()) {
        const QString redeemer = merchantOf.value(q.value()->value(0).toString());
        const auto moves = lotMovesFromText(q.value()->value(1).toString());
        if (!moves)
            continue;
        for (const LotMove& m : *moves) {
            if (m.points.value() < 0)
                flows[{merchantOf.value(m.lot.terminalId), redeemer}] += -m.points.value();
        }
    }
    QJsonArray rows;
    for (auto it = flows.cbegin(); it != flows.cend(); ++it) {
        if (it.key().first == it.key().second)
            continue; // spent where it was issued: nothing to settle
        rows.append(QJsonObject{{QStringLiteral("issued_by"), it.key().first},
                                {QStringLiteral("redeemed_at"), it.key().second},
                                {QStringLiteral("points"), it.value()}});
    }
    return QJsonObject{{QStringLiteral("month"), month}, {QStringLiteral("flows"), rows}};
}

Result<QJsonObject> HqService::greenReport(const QString& month)
{
    auto range = monthRange(month);
    if (!range)
        return range.error();
    auto q = m_db.run(QStringLiteral("SELECT COALESCE(s.merchant_id, ''), COALESCE(SUM(CASE WHEN j.green_points > 0"
                                     " THEN j.green_points ELSE 0 END), 0), COALESCE(SUM(CASE WHEN j.green_points < 0"
                                     " THEN -j.green_points ELSE 0 END), 0) FROM journal j JOIN terminals t ON"
                                     " t.terminal_id = j.terminal_id LEFT JOIN stores s ON s.store_id = t.store_id"
                                     " WHERE j.terminal_time >= ? AND j.terminal_time < ? GROUP BY s.merchant_id"
                                     " ORDER BY 1"),
                      {range->first, range->second});
    if (!q)
        return q.error();
    QJsonArray rows;
    while (q.value()->next())
        rows.append(QJsonObject{{QStringLiteral("merchant_id"), q.value()->value(0).toString()},
                                {QStringLiteral("green_issued"), q.value()->value(1).toLongLong()},
                                {QStringLiteral("green_spent_or_expired"), q.value()->value(2).toLongLong()}});
    auto total = m_db.scalar(QStringLiteral("SELECT COALESCE(SUM(green_points), 0) FROM balances"), {}, 0);
    if (!total)
        return total.error();
    return QJsonObject{{QStringLiteral("month"), month},
                       {QStringLiteral("merchants"), rows},
                       {QStringLiteral("green_outstanding"), total->toLongLong()}};
}

Result<QJsonObject> HqService::charityReport()
{
    auto q = m_db.run(QStringLiteral("SELECT detail, points FROM journal WHERE kind = 'donate'"));
    if (!q)
        return q.error();
    struct Total {
        qint64 donations = 0, points = 0, matched = 0;
    };
    QMap<QString, Total> totals;
    while (q.value()->next()) {
        const QJsonObject d = QJsonDocument::fromJson(q.value()->value(0).toByteArray()).object();
        Total& t = totals[d.value(QStringLiteral("charity")).toString()];
        ++t.donations;
        t.points += -q.value()->value(1).toLongLong();
        t.matched += d.value(QStringLiteral("match_points")).toInteger();
    }
    QJsonArray rows;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        rows.append(QJsonObject{{QStringLiteral("charity"), it.key()},
                                {QStringLiteral("donations"), it->donations},
                                {QStringLiteral("points"), it->points},
                                {QStringLiteral("match_points"), it->matched}});
    return QJsonObject{{QStringLiteral("charities"), rows}};
}

Result<QJsonObject> HqService::surveyReport()
{
    auto q = m_db.run(QStringLiteral("SELECT survey, answers FROM survey_answers"));
    if (!q)
        return q.error();
    // survey -> question -> answer -> count
    QMap<QString, QMap<QString, QMap<QString, qint64>>> counts;
    QMap<QString, qint64> respondents;
    while (q.value()->next()) {
        const QString survey = q.value()->value(0).toString();
        ++respondents[survey];
        const QJsonObject answers = QJsonDocument::fromJson(q.value()->value(1).toByteArray()).object();
        for (auto it = answers.constBegin(); it != answers.constEnd(); ++it) {
            const QJsonArray many = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
            for (const QJsonValue& a : many)
                ++counts[survey][it.key()][a.toVariant().toString()];
        }
    }
    QJsonArray surveys;
    for (auto s = counts.cbegin(); s != counts.cend(); ++s) {
        QJsonObject questions;
        for (auto qn = s->cbegin(); qn != s->cend(); ++qn) {
            QJsonObject answers;
            for (auto a = qn->cbegin(); a != qn->cend(); ++a)
                answers.insert(a.key(), a.value());
            questions.insert(qn.key(), answers);
        }
        surveys.append(QJsonObject{{QStringLiteral("survey"), s.key()},
                                   {QStringLiteral("respondents"), respondents.value(s.key())},
                                   {QStringLiteral("questions"), questions}});
    }
    return QJsonObject{{QStringLiteral("surveys"), surveys}};
}

Result<QJsonObject> HqService::expiryReport()
{
    const QString today = m_clock.today().toString(Qt::ISODate);
    auto q = m_db.run(QStringLiteral("SELECT lot, member_uid, remaining, valid_through FROM lots WHERE remaining > 0"
                                     " AND valid_through IS NOT NULL AND valid_through <> '' AND valid_through < ?"
                                     " ORDER BY lot"),
                      {today});
    if (!q)
        return q.error();
    QMap<QString, std::pair<qint64, qint64>> byTerminal; // lots, points
    QJsonArray lots;
    while (q.value()->next()) {
        QSqlQuery* r = q.value();
        const QString lot = r->value(0).toString();
        auto& t = byTerminal[lot.left(lot.lastIndexOf(QLatin1Char(':')))];
        ++t.first;
        t.second += r->value(2).toLongLong();
        if (lots.size() < 1000)
            lots.append(QJsonObject{{QStringLiteral("lot"), lot},
                                    {QStringLiteral("member_id"), r->value(1).toString()},
                                    {QStringLiteral("points"), r->value(2).toLongLong()},
                                    {QStringLiteral("valid_through"), r->value(3).toString()}});
    }
    QJsonArray terminals;
    for (auto it = byTerminal.cbegin(); it != byTerminal.cend(); ++it)
        terminals.append(QJsonObject{{QStringLiteral("terminal_id"), it.key()},
                                     {QStringLiteral("lots"), it->first},
                                     {QStringLiteral("points"), it->second}});
    return QJsonObject{
        {QStringLiteral("hq_date"), today}, {QStringLiteral("terminals"), terminals}, {QStringLiteral("lots"), lots}};
}

Result<QJsonObject> HqService::statement(const QString& phone, const QString& month)
{
    auto range = monthRange(month);
    if (!range)
        return range.error();
    auto p = normalizePhone(phone);
    if (!p)
        return p.error();
    auto m = m_db.run(QStringLiteral("SELECT uid, name FROM members WHERE phone = ?"), {p.value()});
    if (!m)
        return m.error();
    if (!m.value()->next())
        return Error::notFound(QStringLiteral("no member with %1").arg(maskPhone(p.value())));
    const QString uid = m.value()->value(0).toString();
    const QString name = m.value()->value(1).toString();
    m.value()->finish();
    auto opening = m_db.scalar(
        QStringLiteral("SELECT COALESCE(SUM(points), 0) FROM journal WHERE member_uid = ? AND terminal_time < ?"),
        {uid, range->first}, 0);
    if (!opening)
        return opening.error();
    auto q = m_db.run(QStringLiteral("SELECT kind, COALESCE(SUM(points), 0), COALESCE(SUM(green_points), 0), COUNT(*)"
                                     " FROM journal WHERE member_uid = ? AND terminal_time >= ? AND terminal_time < ?"
                                     " GROUP BY kind ORDER BY kind"),
                      {uid, range->first, range->second});
    if (!q)
        return q.error();
    QJsonObject movements;
    qint64 closing = opening->toLongLong();
    while (q.value()->next()) {
        QSqlQuery* r = q.value();
        closing += r->value(1).toLongLong();
        movements.insert(r->value(0).toString(), QJsonObject{{QStringLiteral("points"), r->value(1).toLongLong()},
                                                             {QStringLiteral("green_points"), r->value(2).toLongLong()},
                                                             {QStringLiteral("entries"), r->value(3).toLongLong()}});
    }
    return QJsonObject{{QStringLiteral("member_id"), uid},
                       {QStringLiteral("phone_masked"), maskPhone(p.value())},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("month"), month},
                       {QStringLiteral("opening"), opening->toLongLong()},
                       {QStringLiteral("movements"), movements},
                       {QStringLiteral("closing"), closing}};
}

} // namespace jifen::sync
