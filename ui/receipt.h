#pragma once

#include "member.h"
#include "money.h"
#include "operations.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace jifen {

// Everything a sale's receipt shows, already decided: the encoder only lays it out. Phone numbers
// are masked before they get here.
struct ReceiptData {
    QString storeName;
    QString terminalId;
    QString ref;
    QDateTime time; // shown in China Standard Time
    QString cashier;
    struct Line {
        QString name;
        qint64 quantity = 1;
        Money unitPrice;
        Money total;
    };
    QList<Line> lines;
    Money amount;
    Points offsetPoints;
    Money offsetAmount;
    Money paid;
    QString tender; // cash | wechat | alipay | card
    QString promotionName;
    bool member = false;
    QString phoneMasked;
    QString memberName;
    Points earned;
    Points greenEarned;
    Points deferred;
    Points balance;
    Points greenBalance;
    QList<ExpiringPoints> expiringSoon;
};

// The receipt of a committed sale. `after` is the member as read after the commit (balance,
// expiring soon); `productName` names amount-only lines.
ReceiptData receiptForSale(const SaleResult& sale, const std::optional<MemberSummary>& after, const QString& storeName,
                           const QString& terminalId, const QString& cashier, const QString& tender,
                           const QString& promotionName, const QDateTime& time);

// A tender code as the cashier reads it ("微信支付" in Chinese).
QString tenderDisplayName(const QString& tender);

} // namespace jifen
