#pragma once

#include "clock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace jifen::sync {

// Logged-in operators of the status page and the throttle on failed logins. In memory: a
// restart of jifen-hq logs every operator out. Time comes from the injected clock.
class OperatorSessions {
public:
    explicit OperatorSessions(const Clock& clock)
        : m_clock(clock)
    {}

    static constexpr qint64 kSessionSecs = qint64(8) * 3600;
    // After kMaxFailures failed logins within kFailureWindowSecs for one name, or from one
    // address, logins for it are refused until the window has passed.
    static constexpr int kMaxFailures = 5;
    static constexpr qint64 kFailureWindowSecs = qint64(15) * 60;

    // Seconds until a login for this name from this address may be tried again; 0: now.
    qint64 lockedForSecs(const QString& name, const QString& address);
    void recordFailure(const QString& name, const QString& address);
    // A successful login clears the name's failures and returns a new session token (64 hex
    // digits from the system's secure random source).
    QString start(const QString& name, const QString& address);
    // The operator a token belongs to, if it is known and has not expired.
    std::optional<QString> operatorFor(const QString& token);
    void end(const QString& token);

    qsizetype sessionCount() const { return m_sessions.size(); }

private:
    struct Session {
        QString name;
        QDateTime expires;
    };
    void prune();
    qint64 lockedFor(const QString& key);

    const Clock& m_clock;
    QHash<QByteArray, Session> m_sessions;       // by SHA-256 of the token
    QHash<QString, QList<QDateTime>> m_failures; // "name:N" / "addr:A" -> recent failure times
};

} // namespace jifen::sync
