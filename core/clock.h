#pragma once

#include "error.h"

#include <QDate>
#include <QDateTime>

namespace jifen {

// Time is a seam: expiry, promotions, budgets and the nightly sync all depend on "now", and
// tests and drills must be able to fix or step it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    QDate today() const; // the business date, in China Standard Time
};

class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime now)
        : m_now(std::move(now))
    {}
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime& now) { m_now = now.toUTC(); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }
    void advanceDays(qint64 days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};

// Business dates are in China Standard Time (UTC+8, no daylight saving).
QDate businessDate(const QDateTime& instant);

// ISO 8601 instant ("2026-11-23T10:00:00+08:00", "...Z"); a bare date means 00:00 CST.
Result<QDateTime> parseInstant(const QString& text);

// "YYYY-MM-DD", a real calendar date.
Result<QDate> parseDate(const QString& text);

// UTC, millisecond precision: the form times take in the journal and on the wire.
QString formatInstant(const QDateTime& instant);

} // namespace jifen
