#include "hq_service.h"

#include <QRandomGenerator>

namespace jifen::sync {

namespace {

QString newReservationId()
{
    QByteArray b(16, '\0');
    for (auto& c : b)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(b.toHex());
}

QJsonObject reservationJson(const QString& id, const QString& state, qint64 points, const QString& expiresAt)
{
    return {{QStringLiteral("reservation_id"), id},
            {QStringLiteral("state"), state},
            {QStringLiteral("points"), points},
            {QStringLiteral("expires_at"), expiresAt}};
}

} // namespace

Result<QJsonObject> HqService::reserve(const QString& terminalId, const QJsonObject& request)
{
    const QString member = request.value(QStringLiteral("member_id")).toString();
    const QString ref = request.value(QStringLiteral("ref")).toString();
    const qint64 points = request.value(QStringLiteral("points")).toInteger(0);
    if (member.isEmpty() || member.size() > 64 || ref.isEmpty() || ref.size() > 64)
        return Error::badInput(QStringLiteral("a reservation needs member_id and ref"));
    if (points < 1 || points > 1000000000LL)
        return Error::badInput(QStringLiteral("points must be a whole number from 1 to 10^9"));
    const QDateTime nowUtc = m_clock.nowUtc();
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    // Two terminals reserving for one member take turns on the member's balance row.
    auto balance =
        m_db.run(m_db.isPostgres() ? QStringLiteral("SELECT points FROM balances WHERE member_uid = ? FOR UPDATE")
                                   : QStringLiteral("SELECT points FROM balances WHERE member_uid = ?"),
                 {member});
    if (!balance)
        return balance.error();
    if (!balance.value()->next())
        return Error::notFound(QStringLiteral("HQ does not know member %1 yet (not synced)").arg(member));
    const qint64 points0 = balance.value()->value(0).toLongLong();
    balance.value()->finish();

    auto prior = m_db.run(QStringLiteral("SELECT id, state, points, expires_at FROM reservations WHERE terminal_id = ?"
                                         " AND ref = ?"),
                          {terminalId, ref});
    if (!prior)
        return prior.error();
    if (prior.value()->next()) {
        QSqlQuery* r = prior.value();
        const QJsonObject existing = reservationJson(r->value(0).toString(), r->value(1).toString(),
                                                     r->value(2).toLongLong(), r->value(3).toString());
        r->finish();
        const QString state = existing.value(QStringLiteral("state")).toString();
        const bool lapsed = state == QStringLiteral("void") ||
                            (state == QStringLiteral("held") &&
                             existing.value(QStringLiteral("expires_at")).toString() <= formatInstant(nowUtc));
        if (!lapsed) {
            if (existing.value(QStringLiteral("points")).toInteger() != points)
                return Error::refused(QStringLiteral("ref %1 already reserved %2 points")
                                          .arg(ref)
                                          .arg(existing.value(QStringLiteral("points")).toInteger()));
            return existing; // the same request again: the same answer
        }
        // A voided or timed-out reservation authorises nothing: the retry reserves afresh.
        JIFEN_TRY(
            m_db.run(QStringLiteral("DELETE FROM reservations WHERE terminal_id = ? AND ref = ?"), {terminalId, ref}));
    } else {
        prior.value()->finish();
    }

    // Held reservations count until they time out; committed ones until their entry arrives.
    auto held = m_db.scalar(QStringLiteral("SELECT COALESCE(SUM(points), 0) FROM reservations WHERE member_uid = ? AND"
                                           " ((state = 'held' AND expires_at > ?) OR state = 'committed')"),
                            {member, formatInstant(nowUtc)}, 0);
    if (!held)
        return held.error();
    const qint64 available = points0 - held->toLongLong();
    if (points > available)
        return Error::refused(QStringLiteral("not enough confirmed points: %1 available at HQ, %2 asked")
                                  .arg(std::max<qint64>(0, available))
                                  .arg(points));
    const QString id = newReservationId();
    const QString expires = formatInstant(nowUtc.addSecs(kReservationSecs));
    JIFEN_TRY(m_db.run(QStringLiteral("INSERT INTO reservations (id, terminal_id, member_uid, ref, points, state,"
                                      " created_at, expires_at) VALUES (?, ?, ?, ?, ?, 'held', ?, ?)"),
                       {id, terminalId, member, ref, points, formatInstant(nowUtc), expires}));
    JIFEN_TRY(tx.commit());
    QJsonObject out = reservationJson(id, QStringLiteral("held"), points, expires);
    out.insert(QStringLiteral("available_after"), available - points);
    return out;
}

Result<QJsonObject> HqService::finishReservation(const QString& terminalId, const QJsonObject& request, bool commit)
{
    const QString id = request.value(QStringLiteral("reservation_id")).toString();
    if (id.isEmpty() || id.size() > 64)
        return Error::badInput(QStringLiteral("reservation_id is required"));
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto q = m_db.run(QStringLiteral("SELECT state, points, expires_at FROM reservations WHERE id = ? AND"
                                     " terminal_id = ?"),
                      {id, terminalId});
    if (!q)
        return q.error();
    if (!q.value()->next())
        return Error::notFound(QStringLiteral("no reservation %1 for this terminal").arg(id));
    const QString state = q.value()->value(0).toString();
    const qint64 points = q.value()->value(1).toLongLong();
    const QString expires = q.value()->value(2).toString();
    q.value()->finish();
    const QString wanted = commit ? QStringLiteral("committed") : QStringLiteral("void");
    // Only a held reservation changes, and the condition is in the UPDATE itself: on PostgreSQL a
    // push settling it at the same moment either goes first (nothing is updated here) or waits.
    // A commit after the timeout still counts: the terminal has recorded the redemption, and its
    // entry will arrive in a push whatever HQ answers here.
    if (state == QStringLiteral("held"))
        JIFEN_TRY(m_db.run(QStringLiteral("UPDATE reservations SET state = ? WHERE id = ? AND state = 'held'"),
                           {wanted, id}));
    auto current = m_db.scalar(QStringLiteral("SELECT state FROM reservations WHERE id = ?"), {id}, QString());
    if (!current)
        return current.error();
    const QString next = current->toString();
    if (commit && next == QStringLiteral("void"))
        return Error::refused(QStringLiteral("reservation %1 was voided").arg(id));
    if (!commit && next != QStringLiteral("void"))
        return Error::refused(QStringLiteral("reservation %1 is already %2").arg(id, next));
    JIFEN_TRY(tx.commit());
    return reservationJson(id, next, points, expires);
}

} // namespace jifen::sync
