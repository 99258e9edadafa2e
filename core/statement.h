#pragma once

#include "member.h"
#include "money.h"

#include <QDate>
#include <QList>
#include <QString>

namespace jifen {

// A member's monthly statement. Every journal entry of the month falls in exactly one movement
// line, so opening + the sum of the movements = closing, always.
struct StatementData {
    QString memberUid;
    QString phoneMasked;
    QString memberName;
    int year = 0;
    int month = 0;
    Points opening;
    Points earned;      // sales (ordinary and green points from eco goods)
    Points refunded;    // earned points taken back by refunds (negative)
    Points redeemed;    // rewards, net of returned rewards (negative)
    Points offset;      // points that paid part of a bill, net of refunds (negative)
    Points expired;     // (negative)
    Points transferred; // household transfers in minus out
    Points donated;     // (negative)
    Points green;       // green actions granted by a manager
    Points adjusted;    // manager adjustments
    Points closing;
    Points greenEarned; // all green points that arrived this month (eco goods and actions)
    Points greenClosing;
    QList<ExpiringPoints> expiringSoon; // within 90 days after the month
    QString warmLine;

    Points movements() const
    {
        return earned + refunded + redeemed + offset + expired + transferred + donated + green + adjusted;
    }
    QString monthText() const { return QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0')); }
};

QString statementText(const StatementData& s);
QString statementHtml(const StatementData& s);

} // namespace jifen
