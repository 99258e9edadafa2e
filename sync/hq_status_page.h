#pragma once

#include "hq_status.h"

#include <QByteArray>
#include <QString>

namespace jifen::sync {

// The operator status page as pure functions from HQ's data to HTML (UTF-8). Self-contained:
// inline CSS and server-generated SVG charts, no script, nothing fetched from anywhere. Every
// piece of data is escaped.

QString htmlEscape(const QString& text);

// The login form; `message` (may be empty) says why the last attempt failed.
QByteArray renderLoginPage(const QString& message, const QString& name = {});

QByteArray renderStatusPage(const HqStatus& status, const QString& operatorName);

// One horizontal bar chart as an inline <svg>: a bar per row, its length value/scale of the
// chart's width (scale 0: the largest value). A row with a limit draws it as a tick and turns
// its bar red when the value passes it.
struct ChartBar {
    QString label;
    qint64 value = 0;
    std::optional<qint64> limit;
};
QString barChartSvg(const QString& title, const QList<ChartBar>& bars, qint64 scale = 0);

// "2 d 3 h ago", "5 min ago", "just now"; "never" for an invalid time.
QString describeAge(const QDateTime& then, const QDateTime& now);

} // namespace jifen::sync
