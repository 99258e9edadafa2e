#include "operator_sessions.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

namespace jifen::sync {

namespace {

QByteArray tokenKey(const QString& token)
{
    return QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256);
}

QString nameKey(const QString& name)
{
    return QStringLiteral("name:") + name.toLower();
}

QString addressKey(const QString& address)
{
    return QStringLiteral("addr:") + address;
}

} // namespace

void OperatorSessions::prune()
{
    const QDateTime now = m_clock.nowUtc();
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it->expires <= now ? m_sessions.erase(it) : std::next(it);
    const QDateTime windowStart = now.addSecs(-kFailureWindowSecs);
    for (auto it = m_failures.begin(); it != m_failures.end();) {
        it->removeIf([&](const QDateTime& at) { return at <= windowStart; });
        it = it->isEmpty() ? m_failures.erase(it) : std::next(it);
    }
}

qint64 OperatorSessions::lockedFor(const QString& key)
{
    const QList<QDateTime> failures = m_failures.value(key);
    if (failures.size() < kMaxFailures)
        return 0;
    // Locked until the oldest failure that still counts leaves the window.
    const QDateTime until = failures.at(failures.size() - kMaxFailures).addSecs(kFailureWindowSecs);
    return std::max<qint64>(1, m_clock.nowUtc().secsTo(until));
}

qint64 OperatorSessions::lockedForSecs(const QString& name, const QString& address)
{
    prune();
    return std::max(lockedFor(nameKey(name)), lockedFor(addressKey(address)));
}

void OperatorSessions::recordFailure(const QString& name, const QString& address)
{
    const QDateTime now = m_clock.nowUtc();
    m_failures[nameKey(name)].append(now);
    m_failures[addressKey(address)].append(now);
}

QString OperatorSessions::start(const QString& name, const QString& address)
{
    prune();
    m_failures.remove(nameKey(name));
    Q_UNUSED(address); // an address keeps its failures: one good login must not unlock guessing others
    QByteArray raw(32, '\0');
    for (auto& c : raw)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    const QString token = QString::fromLatin1(raw.toHex());
    m_sessions.insert(tokenKey(token), Session{name, m_clock.nowUtc().addSecs(kSessionSecs)});
    return token;
}

std::optional<QString> OperatorSessions::operatorFor(const QString& token)
{
    if (token.isEmpty())
        return std::nullopt;
    const auto it = m_sessions.constFind(tokenKey(token));
    if (it == m_sessions.constEnd())
        return std::nullopt;
    if (it->expires <= m_clock.nowUtc()) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    return it->name;
}

void OperatorSessions::end(const QString& token)
{
    m_sessions.remove(tokenKey(token));
}

} // namespace jifen::sync
