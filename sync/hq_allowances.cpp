#include "hq_service.h"

#include <QJsonArray>

namespace jifen::sync {

Status HqService::addAllowances(const QString& terminalId, const QString& fromMonth, QJsonObject* out)
{
    auto rows = m_db.run(QStringLiteral("SELECT month, points FROM allowances WHERE terminal_id = ? AND month >= ?"
                                        " ORDER BY month"),
                         {terminalId, fromMonth});
    if (!rows)
        return rows.error();
    QJsonArray list;
    while (rows.value()->next())
        list.append(QJsonObject{{QStringLiteral("month"), rows.value()->value(0).toString()},
                                {QStringLiteral("points"), rows.value()->value(1).toLongLong()}});
    rows.value()->finish();
    // Budgets are in use for this terminal once its merchant has one, or HQ has given it an
    // allowance: from then on it issues only what HQ allowed for the month, even before the
    // first allowance row for it exists (never on the rule set's initial allowance).
    auto assigned = m_db.scalar(
        QStringLiteral("SELECT (SELECT COUNT(*) FROM allowances WHERE terminal_id = ?) + (SELECT COUNT(*) FROM"
                       " budgets b JOIN stores s ON s.merchant_id = b.merchant_id JOIN terminals t ON"
                       " t.store_id = s.store_id WHERE t.terminal_id = ?)"),
        {terminalId, terminalId}, 0);
    if (!assigned)
        return assigned.error();
    out->insert(QStringLiteral("allowances"), list);
    out->insert(QStringLiteral("allowances_assigned"), assigned->toLongLong() > 0);
    return Ok{};
}

} // namespace jifen::sync
