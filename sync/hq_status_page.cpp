#include "hq_status_page.h"

#include "clock.h"

#include <QMap>
#include <QStringList>

#include <algorithm>

namespace jifen::sync {

namespace {

const char* kStyle = "body{font-family:sans-serif;margin:1.5em;color:#222}"
                     "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}"
                     "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
                     "td.n{text-align:right}.bad{color:#b00020;font-weight:bold}.ok{color:#1b5e20}"
                     ".note{color:#555;font-size:.9em;max-width:60em}"
                     "svg{display:block;margin:.6em 0}svg text{font-family:sans-serif;font-size:12px}"
                     "header{display:flex;gap:2em;align-items:baseline}";

QString page(const QString& title, const QString& body)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\"><title>%1</title>"
                          "<style>%2</style></head><body>\n%3\n</body></html>\n")
        .arg(htmlEscape(title), QString::fromLatin1(kStyle), body);
}

QString number(qint64 n)
{
    return QString::number(n);
}

QString skewText(const std::optional<qint64>& skew, bool* bad)
{
    *bad = false;
    if (!skew)
        return QStringLiteral("unknown");
    const qint64 s = *skew;
    *bad = s > 300 || s < -300; // beyond the ±5 minutes signed requests allow
    if (s == 0)
        return QStringLiteral("0 s");
    const qint64 a = s < 0 ? -s : s;
    QString size = a >= 86400  ? QStringLiteral("%1 d %2 h").arg(a / 86400).arg(a % 86400 / 3600)
                   : a >= 3600 ? QStringLiteral("%1 h %2 min").arg(a / 3600).arg(a % 3600 / 60)
                   : a >= 60   ? QStringLiteral("%1 min %2 s").arg(a / 60).arg(a % 60)
                               : QStringLiteral("%1 s").arg(a);
    return size + (s > 0 ? QStringLiteral(" ahead") : QStringLiteral(" behind"));
}

} // namespace

QString htmlEscape(const QString& text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '"':
            out += QStringLiteral("&quot;");
            break;
        case '\'':
            out += QStringLiteral("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString describeAge(const QDateTime& then, const QDateTime& now)
{
    if (!then.isValid())
        return QStringLiteral("never");
    const qint64 s = then.secsTo(now);
    if (s < 0)
        return QStringLiteral("in the future");
    if (s < 60)
        return QStringLiteral("just now");
    if (s < 3600)
        return QStringLiteral("%1 min ago").arg(s / 60);
    if (s < 86400)
        return QStringLiteral("%1 h %2 min ago").arg(s / 3600).arg(s % 3600 / 60);
    return QStringLiteral("%1 d %2 h ago").arg(s / 86400).arg(s % 86400 / 3600);
}

QString barChartSvg(const QString& title, const QList<ChartBar>& bars, qint64 scale)
{
    constexpr int labelWidth = 170, barWidth = 360, valueWidth = 170, rowHeight = 22, top = 22;
    if (scale <= 0) {
        for (const ChartBar& b : bars)
            scale = std::max({scale, b.value, b.limit.value_or(0)});
        scale = std::max<qint64>(scale, 1);
    }
    const int height = top + rowHeight * std::max<int>(1, bars.size()) + 6;
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%1\" height=\"%2\""
                                 " viewBox=\"0 0 %1 %2\" aria-label=\"%3\"><title>%3</title>"
                                 "<text x=\"0\" y=\"14\" font-weight=\"bold\">%3</text>")
                      .arg(labelWidth + barWidth + valueWidth)
                      .arg(height)
                      .arg(htmlEscape(title));
    if (bars.isEmpty())
        svg += QStringLiteral("<text x=\"0\" y=\"%1\">nothing to show</text>").arg(top + 14);
    auto length = [&](qint64 v) { return static_cast<int>(std::clamp<qint64>(v, 0, scale) * barWidth / scale); };
    for (int i = 0; i < bars.size(); ++i) {
        const ChartBar& b = bars.at(i);
        const int y = top + i * rowHeight;
        const bool over = b.limit && b.value > *b.limit;
        svg += QStringLiteral("<text x=\"0\" y=\"%1\">%2</text>").arg(y + 15).arg(htmlEscape(b.label));
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"16\" fill=\"%4\"/>")
                   .arg(labelWidth)
                   .arg(y + 3)
                   .arg(length(b.value))
                   .arg(over ? QStringLiteral("#c62828") : QStringLiteral("#2e7d32"));
        if (b.limit)
            svg += QStringLiteral("<line x1=\"%1\" x2=\"%1\" y1=\"%2\" y2=\"%3\" stroke=\"#222\" stroke-width=\"2\"/>")
                       .arg(labelWidth + length(*b.limit))
                       .arg(y + 1)
                       .arg(y + 21);
        const QString value = b.limit ? QStringLiteral("%1 / %2").arg(b.value).arg(*b.limit) : number(b.value);
        svg +=
            QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>").arg(labelWidth + barWidth + 8).arg(y + 15).arg(value);
    }
    return svg + QStringLiteral("</svg>");
}

QByteArray renderLoginPage(const QString& message, const QString& name)
{
    QString body = QStringLiteral("<h1>Jifen HQ — operator login</h1>\n");
    if (!message.isEmpty())
        body += QStringLiteral("<p id=\"login-error\" class=\"bad\">%1</p>\n").arg(htmlEscape(message));
    body += QStringLiteral(
                "<form method=\"post\" action=\"/login\">"
                "<p><label>Name <input name=\"name\" autocomplete=\"username\" value=\"%1\" required></label></p>"
                "<p><label>Password <input name=\"password\" type=\"password\""
                " autocomplete=\"current-password\" required></label></p>"
                "<p><button id=\"login\" type=\"submit\">Log in</button></p></form>")
                .arg(htmlEscape(name));
    return page(QStringLiteral("Jifen HQ login"), body).toUtf8();
}

QByteArray renderStatusPage(const HqStatus& s, const QString& operatorName)
{
    QString b;
    b +=
        QStringLiteral("<header><h1>Jifen HQ status</h1><span>HQ time %1 · %2</span>"
                       "<span>operator <b id=\"operator\">%3</b></span>"
                       "<form method=\"post\" action=\"/logout\"><button id=\"logout\" type=\"submit\">Log out</button>"
                       "</form></header>\n")
            .arg(htmlEscape(formatInstant(s.generatedAt)), htmlEscape(s.backend), htmlEscape(operatorName));

    // Terminals.
    b += QStringLiteral("<h2>Terminals</h2>\n<table id=\"terminals\"><tr><th>Terminal</th><th>Store</th>"
                        "<th>Enrolled</th><th>Acknowledged seq</th><th>Last sync</th><th>Clock skew</th>"
                        "<th>Unsynced entries</th></tr>\n");
    QList<ChartBar> seqBars;
    for (const HqStatus::Terminal& t : s.terminals) {
        const bool overdue =
            t.enrolled && (!t.lastSync.isValid() || t.lastSync.secsTo(s.generatedAt) > HqStatus::kOverdueSecs);
        bool skewBad = false;
        const QString skew = skewText(t.clockSkewSecs, &skewBad);
        b += QStringLiteral("<tr data-terminal=\"%1\"><td>%1</td><td>%2</td><td>%3</td><td class=\"n\">%4</td>"
                            "<td%5>%6</td><td%7>%8</td><td>%9</td></tr>\n")
                 .arg(htmlEscape(t.terminalId), htmlEscape(t.storeId),
                      t.enrolled ? QStringLiteral("yes") : QStringLiteral("waiting for enrolment"), number(t.ackedSeq),
                      overdue ? QStringLiteral(" class=\"bad\"") : QString(),
                      htmlEscape(describeAge(t.lastSync, s.generatedAt)) +
                          (t.lastSync.isValid() ? QStringLiteral(" (%1)").arg(formatInstant(t.lastSync)) : QString()) +
                          (overdue ? QStringLiteral(" — overdue") : QString()),
                      skewBad ? QStringLiteral(" class=\"bad\"") : QString(), htmlEscape(skew),
                      overdue ? QStringLiteral("unknown, may be many") : QStringLiteral("unknown"));
        seqBars.append({t.terminalId, t.ackedSeq, std::nullopt});
    }
    if (s.terminals.isEmpty())
        b += QStringLiteral("<tr><td colspan=\"7\">no terminals registered</td></tr>\n");
    b += QStringLiteral("</table>\n<p class=\"note\">Unsynced entries: HQ cannot count them. A terminal reports"
                        " its acknowledged seq but not its newest one (protocol 1), so entries recorded after its"
                        " last push are invisible here; <code>jifen status</code> on the terminal shows the exact"
                        " number. A terminal that has not synced for 24 hours is marked overdue. Clock skew is the"
                        " terminal's clock minus HQ's at its last push; beyond ±5 minutes it is shown in red (the"
                        " terminal still syncs: it signs with HQ's time).</p>\n");
    b += barChartSvg(QStringLiteral("Entries acknowledged per terminal"), seqBars);

    // Liability.
    b += QStringLiteral(
             "<h2>Liability</h2>\n<table id=\"liability\"><tr><th>Members with a balance</th>"
             "<td class=\"n\">%1</td></tr><tr><th>Outstanding points</th><td class=\"n\" "
             "id=\"liability-points\">%2</td></tr>"
             "<tr><th>of which green points</th><td class=\"n\" id=\"liability-green\">%3</td></tr></table>\n")
             .arg(number(s.members), number(s.liabilityPoints), number(s.liabilityGreen));
    b += barChartSvg(QStringLiteral("Outstanding points"),
                     {{QStringLiteral("ordinary"), s.liabilityPoints - s.liabilityGreen, std::nullopt},
                      {QStringLiteral("green"), s.liabilityGreen, std::nullopt}});

    // Budget use.
    b += QStringLiteral("<h2>Budget use</h2>\n<table id=\"budget\"><tr><th>Month</th><th>Terminal</th>"
                        "<th>Points issued</th><th>Allowance</th><th>Used</th></tr>\n");
    QList<ChartBar> budgetBars;
    const QString thisMonth = chinaMonth(s.generatedAt);
    for (const HqStatus::Budget& row : s.budget) {
        const bool over = row.allowance && row.issued > *row.allowance;
        const QString used = row.allowance && *row.allowance > 0
                                 ? QStringLiteral("%1%").arg(row.issued * 100 / *row.allowance)
                                 : QStringLiteral("—");
        b += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"n\">%3</td><td class=\"n\">%4</td>"
                            "<td class=\"n%5\">%6</td></tr>\n")
                 .arg(htmlEscape(row.month), htmlEscape(row.terminalId), number(row.issued),
                      row.allowance ? number(*row.allowance) : QStringLiteral("not set"),
                      over ? QStringLiteral(" bad") : QString(), used);
        if (row.month == thisMonth)
            budgetBars.append({row.terminalId, row.issued, row.allowance});
    }
    if (s.budget.isEmpty())
        b +=
            QStringLiteral("<tr><td colspan=\"5\">no allowances and no points issued in the last %1 months</td></tr>\n")
                .arg(HqStatus::kBudgetMonths);
    b += QStringLiteral("</table>\n<p class=\"note\">Points issued: earned points in HQ's journal by the terminal's"
                        " own time, per month in China time; entries not yet pushed are not counted. Allowances"
                        " are set with <code>jifen-hq allowance set</code>.</p>\n");
    b += barChartSvg(QStringLiteral("Issued this month (%1) against the allowance").arg(thisMonth), budgetBars);

    // Incidents.
    b += QStringLiteral("<h2>Incidents</h2>\n<p id=\"incident-count\">%1 incident(s)%2</p>\n")
             .arg(s.incidentCount)
             .arg(s.incidentCount > s.incidents.size() ? QStringLiteral(", the newest %1 shown").arg(s.incidents.size())
                                                       : QString());
    QMap<QString, qint64> byKind;
    b += QStringLiteral("<table id=\"incidents\"><tr><th>#</th><th>Kind</th><th>Terminal</th><th>Seq</th>"
                        "<th>Member</th><th>Detail</th><th>Raised</th></tr>\n");
    for (const HqStatus::Incident& i : s.incidents) {
        byKind[i.kind] += 1;
        const QString member = i.memberId.isEmpty()     ? QString()
                               : i.memberName.isEmpty() ? i.memberId
                                                        : QStringLiteral("%1 (%2)").arg(i.memberName, i.memberId);
        b += QStringLiteral("<tr><td class=\"n\">%1</td><td>%2</td><td>%3</td><td class=\"n\">%4</td><td>%5</td>"
                            "<td>%6</td><td>%7</td></tr>\n")
                 .arg(number(i.id), htmlEscape(i.kind), htmlEscape(i.terminalId), i.seq ? number(*i.seq) : QString(),
                      htmlEscape(member), htmlEscape(i.detail), htmlEscape(i.createdAt));
    }
    b += QStringLiteral("</table>\n");
    QList<ChartBar> kindBars;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        kindBars.append({it.key(), it.value(), std::nullopt});
    b += barChartSvg(QStringLiteral("Incidents shown, by kind"), kindBars);
    return page(QStringLiteral("Jifen HQ status"), b).toUtf8();
}

} // namespace jifen::sync
