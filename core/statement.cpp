#include "statement.h"

namespace jifen {

namespace {

QString signedPoints(Points p)
{
    return p.value() > 0 ? QStringLiteral("+%1").arg(p.value()) : QString::number(p.value());
}

struct Line {
    const char* zh;
    const char* en;
    Points StatementData::*field;
};

constexpr Line kMovementLines[] = {
    {"消费获得", "earned", &StatementData::earned}, {"退货扣回", "refunded", &StatementData::refunded},
    {"兑换", "redeemed", &StatementData::redeemed}, {"积分抵扣", "offset", &StatementData::offset},
    {"过期", "expired", &StatementData::expired},   {"家庭转赠", "transferred", &StatementData::transferred},
    {"捐赠", "donated", &StatementData::donated},   {"绿色行动", "green actions", &StatementData::green},
    {"调整", "adjusted", &StatementData::adjusted},
};

} // namespace

QString statementText(const StatementData& s)
{
    QStringList lines{
        QStringLiteral("积分月结单 Monthly points statement  %1").arg(s.monthText()),
        QStringLiteral("会员 %1  %2").arg(s.memberName, s.phoneMasked),
        QString(),
        QStringLiteral("%1 %2").arg(QStringLiteral("期初余额 opening"), -28).arg(s.opening.value(), 10),
    };
    for (const Line& l : kMovementLines) {
        const Points v = s.*(l.field);
        lines.append(QStringLiteral("%1 %2")
                         .arg(QStringLiteral("%1 %2").arg(QString::fromUtf8(l.zh), QString::fromUtf8(l.en)), -28)
                         .arg(signedPoints(v), 10));
    }
    lines.append(QStringLiteral("%1 %2").arg(QStringLiteral("期末余额 closing"), -28).arg(s.closing.value(), 10));
    lines.append(QStringLiteral("%1 %2 (本月新增 +%3)")
                     .arg(QStringLiteral("其中绿色积分 green"), -28)
                     .arg(s.greenClosing.value(), 10)
                     .arg(s.greenEarned.value()));
    if (!s.expiringSoon.isEmpty()) {
        lines.append(QString());
        lines.append(QStringLiteral("即将到期 expiring within 90 days:"));
        for (const ExpiringPoints& e : s.expiringSoon)
            lines.append(QStringLiteral("  %1 积分，有效期至 %2")
                             .arg(e.points.value())
                             .arg(e.validThrough.toString(Qt::ISODate)));
    }
    lines.append(QString());
    lines.append(s.warmLine);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString statementHtml(const StatementData& s)
{
    QString rows;
    auto row = [&rows](const QString& label, const QString& value, bool strong = false) {
        const QString cell = strong ? QStringLiteral("<b>%1</b>") : QStringLiteral("%1");
        rows += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>\n")
                    .arg(cell.arg(label.toHtmlEscaped()), cell.arg(value.toHtmlEscaped()));
    };
    row(QStringLiteral("期初余额 Opening balance"), QString::number(s.opening.value()), true);
    for (const Line& l : kMovementLines)
        row(QStringLiteral("%1 %2").arg(QString::fromUtf8(l.zh), QString::fromUtf8(l.en)), signedPoints(s.*(l.field)));
    row(QStringLiteral("期末余额 Closing balance"), QString::number(s.closing.value()), true);
    row(QStringLiteral("其中绿色积分 Green points"),
        QStringLiteral("%1 (+%2)").arg(s.greenClosing.value()).arg(s.greenEarned.value()));
    QString expiring;
    for (const ExpiringPoints& e : s.expiringSoon)
        expiring += QStringLiteral("<li>%1 积分，有效期至 %2</li>")
                        .arg(e.points.value())
                        .arg(e.validThrough.toString(Qt::ISODate));
    if (!expiring.isEmpty())
        expiring = QStringLiteral("<h3>即将到期 Expiring within 90 days</h3><ul>%1</ul>").arg(expiring);
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
               "<title>积分月结单 %1</title></head>\n<body style=\"font-family: 'WenQuanYi Micro Hei', sans-serif\">\n"
               "<h2>积分月结单 Monthly points statement %1</h2>\n<p>会员 %2 %3</p>\n"
               "<table cellpadding=\"4\">\n%4</table>\n%5<p><i>%6</i></p>\n</body></html>\n")
        .arg(s.monthText(), s.memberName.toHtmlEscaped(), s.phoneMasked.toHtmlEscaped(), rows, expiring,
             s.warmLine.toHtmlEscaped());
}

} // namespace jifen
