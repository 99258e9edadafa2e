#pragma once

#include "sync_client.h"

#include <QDateTime>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace jifen::sync {

// When the terminal syncs: soon after each committed change while HQ answers (opportunistic),
// every few minutes otherwise, with exponential backoff and jitter after failures so a thousand
// terminals coming back at once do not stampede HQ, and once a night at a configured hour
// (default 02:00, China time) whatever the backoff says. Sync never blocks a sale: rounds run
// on the event loop and a round in progress is never started twice.
//
// Time comes from the Clock; the QTimer only wakes poll() up, so tests step a FixedClock and call
// poll() themselves.
class SyncScheduler : public QObject {
    Q_OBJECT
public:
    struct Settings {
        int nightlyHour = 2;                        // 0..23, China Standard Time
        qint64 idleIntervalMs = qint64{5} * 60'000; // between rounds when all is well
        qint64 afterChangeMs = 2'000;               // a committed change is pushed this soon while online
        qint64 backoffBaseMs = 5'000;
        qint64 backoffMaxMs = qint64{10} * 60'000;
    };

    SyncScheduler(SyncClient& client, Ledger& ledger, const Clock& clock, Settings settings,
                  quint32 jitterSeed = QRandomGenerator::system()->generate(), QObject* parent = nullptr);

    // Starts the wake-up timer (production); tests call poll() instead.
    void start(int wakeIntervalMs = 1000);
    // Starts a round if one is due. Returns true when it started one.
    bool poll();
    // "Sync now" from the UI or CLI: a round at once, backoff or not.
    void syncNow();

    bool online() const { return m_online; }
    int failures() const { return m_failures; }
    QDateTime nextAttempt() const { return m_next; }
    QDateTime nextNightly() const { return m_nextNightly; }

    // The wait after `failures` failed rounds in a row: base * 2^(failures-1), capped, with up to
    // 25% taken off at random (the jitter) so retries spread out.
    static qint64 backoffMs(int failures, qint64 baseMs, qint64 maxMs, quint32 random);

signals:
    void onlineChanged(bool online);
    void roundFinished(bool ok, const QString& error);

private:
    void changed();
    void finished(bool ok, const QString& error);
    QDateTime nightlyAfter(const QDateTime& instant) const;

    SyncClient& m_client;
    const Clock& m_clock;
    Settings m_settings;
    QRandomGenerator m_random;
    QTimer m_timer;
    bool m_online = false;
    bool m_changedDuringRound = false;
    int m_failures = 0;
    QDateTime m_next;
    QDateTime m_nextNightly;
};

} // namespace jifen::sync
