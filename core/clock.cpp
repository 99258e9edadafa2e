#include "clock.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <cstdio>

namespace jifen {

namespace {
constexpr int kChinaOffsetSecs = 8 * 3600;
}

QDate Clock::today() const
{
    return businessDate(nowUtc());
}

QDate businessDate(const QDateTime& instant)
{
    return instant.toUTC().addSecs(kChinaOffsetSecs).date();
}

Result<QDate> parseDate(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    const QString t = text.trimmed();
    if (!form.match(t).hasMatch())
        return Error::badInput(
            QCoreApplication::translate("jifen::Clock", "date %1 is not in the form YYYY-MM-DD").arg(t));
    const QDate d = QDate::fromString(t, Qt::ISODate);
    if (!d.isValid())
        return Error::badInput(QCoreApplication::translate("jifen::Clock", "date %1 does not exist").arg(t));
    return d;
}

Result<QDateTime> parseInstant(const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() == 10) {
        auto d = parseDate(t);
        if (!d)
            return d.error();
        return QDateTime(d.value(), QTime(0, 0), QTimeZone(kChinaOffsetSecs)).toUTC();
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        return Error::badInput(QCoreApplication::translate(
                                   "jifen::Clock", "time %1 is not an ISO 8601 instant like 2026-11-23T10:00:00+08:00")
                                   .arg(t));
    if (dt.timeSpec() == Qt::LocalTime) // no offset given: read it as China Standard Time
        dt = QDateTime(dt.date(), dt.time(), QTimeZone(kChinaOffsetSecs));
    return dt.toUTC();
}

QString formatInstant(const QDateTime& instant)
{
    // Hand-rolled: QDateTime::toString was a measurable share of a sale's cost, and this format
    // ("2026-11-23T02:00:00.000Z") never varies.
    const QDateTime utc = instant.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year(), d.month(), d.day(),
                                t.hour(), t.minute(), t.second(), t.msec());
    return QString::fromLatin1(buf, n);
}

} // namespace jifen
