// HqService's queries for the operator status page, and operator accounts.

#include "hq_status.h"

#include "clock.h"
#include "hq_service.h"
#include "pin.h"

#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <map>

namespace jifen::sync {

QString chinaMonth(const QDateTime& utc)
{
    return businessDate(utc).toString(QStringLiteral("yyyy-MM"));
}

Result<HqStatus> HqService::status()
{
    HqStatus s;
    s.generatedAt = m_clock.nowUtc();
    s.backend = m_db.describe();
    auto terminals =
        m_db.run(QStringLiteral("SELECT terminal_id, store_id, enrolled_at, acked_seq, last_sync_at, clock_skew_secs"
                                " FROM terminals ORDER BY terminal_id"));
    if (!terminals)
        return terminals.error();
    while (terminals.value()->next()) {
        QSqlQuery* q = terminals.value();
        HqStatus::Terminal t;
        t.terminalId = q->value(0).toString();
        t.storeId = q->value(1).toString();
        t.enrolled = !q->value(2).toString().isEmpty();
        t.ackedSeq = q->value(3).toLongLong();
        if (!q->value(4).isNull()) {
            auto at = parseInstant(q->value(4).toString());
            if (at)
                t.lastSync = at.value();
        }
        if (!q->value(5).isNull())
            t.clockSkewSecs = q->value(5).toLongLong();
        s.terminals.append(t);
    }

    auto count = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM incidents"), {}, 0);
    if (!count)
        return count.error();
    s.incidentCount = count->toLongLong();
    auto incidents = m_db.run(
        QStringLiteral("SELECT i.id, i.kind, i.terminal_id, i.seq, i.member_uid, m.name, i.detail, i.created_at"
                       " FROM incidents i LEFT JOIN members m ON m.uid = i.member_uid ORDER BY i.id DESC LIMIT ?"),
        {HqStatus::kMaxIncidents});
    if (!incidents)
        return incidents.error();
    while (incidents.value()->next()) {
        QSqlQuery* q = incidents.value();
        HqStatus::Incident i;
        i.id = q->value(0).toLongLong();
        i.kind = q->value(1).toString();
        i.terminalId = q->value(2).toString();
        if (!q->value(3).isNull())
            i.seq = q->value(3).toLongLong();
        i.memberId = q->value(4).toString();
        i.memberName = q->value(5).toString();
        i.detail = q->value(6).toString();
        i.createdAt = q->value(7).toString();
        s.incidents.append(i);
    }

    auto liability = m_db.run(
        QStringLiteral("SELECT COUNT(*), COALESCE(SUM(points), 0), COALESCE(SUM(green_points), 0) FROM balances"));
    if (!liability)
        return liability.error();
    if (liability.value()->next()) {
        s.members = liability.value()->value(0).toLongLong();
        s.liabilityPoints = liability.value()->value(1).toLongLong();
        s.liabilityGreen = liability.value()->value(2).toLongLong();
    }
    liability.value()->finish();

    // Budget use: months are China time like the terminals' allowances, so the journal's UTC
    // terminal times are bucketed here rather than in SQL (portable to both backends).
    const QDate thisMonth = businessDate(s.generatedAt);
    const QDate firstMonth = QDate(thisMonth.year(), thisMonth.month(), 1).addMonths(1 - HqStatus::kBudgetMonths);
    const QString since = formatInstant(QDateTime(firstMonth, QTime(0, 0), QTimeZone(8 * 3600)).toUTC());
    const QString oldestMonth = firstMonth.toString(QStringLiteral("yyyy-MM"));
    std::map<std::pair<QString, QString>, HqStatus::Budget> budget; // (month, terminal)
    auto allowances =
        m_db.run(QStringLiteral("SELECT terminal_id, month, points FROM allowances WHERE month >= ?"), {oldestMonth});
    if (!allowances)
        return allowances.error();
    while (allowances.value()->next()) {
        QSqlQuery* q = allowances.value();
        HqStatus::Budget& b = budget[{q->value(1).toString(), q->value(0).toString()}];
        b.terminalId = q->value(0).toString();
        b.month = q->value(1).toString();
        b.allowance = q->value(2).toLongLong();
    }
    auto earned = m_db.run(QStringLiteral("SELECT terminal_id, terminal_time, points FROM journal"
                                          " WHERE kind = 'earn' AND points > 0 AND terminal_time >= ?"),
                           {since});
    if (!earned)
        return earned.error();
    while (earned.value()->next()) {
        QSqlQuery* q = earned.value();
        auto at = parseInstant(q->value(1).toString());
        if (!at)
            continue;
        const QString month = chinaMonth(at.value());
        HqStatus::Budget& b = budget[{month, q->value(0).toString()}];
        b.terminalId = q->value(0).toString();
        b.month = month;
        b.issued += q->value(2).toLongLong();
    }
    for (const auto& [key, row] : budget)
        s.budget.append(row);
    // Newest month first, terminals in order within a month.
    std::sort(s.budget.begin(), s.budget.end(), [](const HqStatus::Budget& a, const HqStatus::Budget& b) {
        return a.month != b.month ? a.month > b.month : a.terminalId < b.terminalId;
    });
    return s;
}

namespace {

constexpr int kMinPasswordLength = 10;

QByteArray randomSalt()
{
    QByteArray salt(16, '\0');
    for (auto& c : salt)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return salt;
}

} // namespace

Status HqService::addOperator(const QString& name, const QString& password)
{
    static const QRegularExpression nameForm(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!nameForm.match(name).hasMatch())
        return Error::badInput(QStringLiteral("an operator name is 1 to 64 letters, digits, '.', '_' or '-'"));
    if (password.size() < kMinPasswordLength)
        return Error::badInput(QStringLiteral("the password must have at least %1 characters").arg(kMinPasswordLength));
    const QByteArray salt = randomSalt();
    const QByteArray hash = pbkdf2Sha256(password.toUtf8(), salt, kPinIterations);
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto exists = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM operators WHERE name = ?"), {name}, 0);
    if (!exists)
        return exists.error();
    if (exists->toLongLong() > 0)
        return Error::refused(QStringLiteral("operator %1 already exists").arg(name));
    JIFEN_TRY(m_db.run(QStringLiteral("INSERT INTO operators (name, salt, hash, iterations, created_at)"
                                      " VALUES (?, ?, ?, ?, ?)"),
                       {name, QString::fromLatin1(salt.toHex()), QString::fromLatin1(hash.toHex()), kPinIterations,
                        formatInstant(m_clock.nowUtc())}));
    return tx.commit();
}

Result<bool> HqService::checkOperator(const QString& name, const QString& password)
{
    auto q = m_db.run(QStringLiteral("SELECT salt, hash, iterations FROM operators WHERE name = ?"), {name});
    if (!q)
        return q.error();
    QByteArray salt = QByteArray(16, 'x');
    QByteArray expected;
    int iterations = kPinIterations;
    const bool known = q.value()->next();
    if (known) {
        salt = QByteArray::fromHex(q.value()->value(0).toString().toLatin1());
        expected = QByteArray::fromHex(q.value()->value(1).toString().toLatin1());
        iterations = q.value()->value(2).toInt();
    }
    q.value()->finish();
    const QByteArray hash = pbkdf2Sha256(password.toUtf8(), salt, iterations);
    return known && constantTimeEquals(hash, expected);
}

} // namespace jifen::sync
