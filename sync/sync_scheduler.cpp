#include "sync_scheduler.h"

#include <QTimeZone>

namespace jifen::sync {

SyncScheduler::SyncScheduler(SyncClient& client, Ledger& ledger, const Clock& clock, Settings settings,
                             quint32 jitterSeed, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_settings(settings)
    , m_random(jitterSeed)
{
    m_settings.nightlyHour = std::clamp(m_settings.nightlyHour, 0, 23);
    m_next = m_clock.nowUtc(); // the first round as soon as the terminal starts
    m_nextNightly = nightlyAfter(m_clock.nowUtc());
    connect(&m_client, &SyncClient::finished, this, &SyncScheduler::finished);
    connect(&ledger, &Ledger::committed, this, &SyncScheduler::changed);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::poll);
}

qint64 SyncScheduler::backoffMs(int failures, qint64 baseMs, qint64 maxMs, quint32 random)
{
    if (failures <= 0)
        return 0;
    qint64 wait = baseMs;
    for (int i = 1; i < failures && wait < maxMs; ++i)
        wait *= 2;
    wait = std::min(wait, maxMs);
    return wait - (wait / 4) * (random % 1001) / 1000;
}

QDateTime SyncScheduler::nightlyAfter(const QDateTime& instant) const
{
    const QTimeZone china(8 * 3600);
    const QDateTime local = instant.toTimeZone(china);
    QDateTime at(local.date(), QTime(m_settings.nightlyHour, 0), china);
    if (at <= local)
        at = at.addDays(1);
    return at.toUTC();
}

void SyncScheduler::start(int wakeIntervalMs)
{
    m_timer.start(wakeIntervalMs);
    poll();
}

bool SyncScheduler::poll()
{
    if (m_client.busy())
        return false;
    m_changedDuringRound = false;
    const QDateTime now = m_clock.nowUtc();
    if (now >= m_nextNightly) {
        m_nextNightly = nightlyAfter(now);
    } else if (now < m_next) {
        return false;
    }
    m_client.syncOnce();
    return true;
}

void SyncScheduler::syncNow()
{
    m_next = m_clock.nowUtc();
    poll();
}

void SyncScheduler::changed()
{
    if (m_client.busy())
        m_changedDuringRound = true;
    // Opportunistic: while HQ answers, a new entry travels within seconds. Offline, the backoff
    // decides; a sale never waits either way.
    if (!m_online)
        return;
    const QDateTime soon = m_clock.nowUtc().addMSecs(m_settings.afterChangeMs);
    if (soon < m_next)
        m_next = soon;
}

void SyncScheduler::finished(bool ok, const QString& error)
{
    const QDateTime now = m_clock.nowUtc();
    if (ok) {
        m_failures = 0;
        // A change committed while the round ran still travels within seconds.
        const QDateTime idle = now.addMSecs(m_settings.idleIntervalMs);
        m_next = m_changedDuringRound ? std::min(idle, now.addMSecs(m_settings.afterChangeMs)) : idle;
    } else {
        ++m_failures;
        m_next =
            now.addMSecs(backoffMs(m_failures, m_settings.backoffBaseMs, m_settings.backoffMaxMs, m_random.generate()));
    }
    if (ok != m_online) {
        m_online = ok;
        emit onlineChanged(ok);
    }
    emit roundFinished(ok, error);
}

} // namespace jifen::sync
