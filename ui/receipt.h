#pragma once

#include "member.h"
#include "money.h"
#include "operations.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace jifen {

// Everything a sale's or a redemption's receipt shows, already decided: the encoder only lays it
// out. Phone numbers are masked before they get here.
struct ReceiptData {
    enum class Kind { Sale, Redemption };
    Kind kind = Kind::Sale;
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
    // A redemption: the reward, how many, what they cost and the partner's voucher code, if any.
    QString rewardName;
    qint64 rewardQuantity = 0;
    Points pointsSpent;
    QString voucherCode;
};

// The receipt of a committed sale. `after` is the member as read after the commit (balance,
// expiring soon); `productName` names amount-only lines.
ReceiptData receiptForSale(const SaleResult& sale, const std::optional<MemberSummary>& after, const QString& storeName,
                           const QString& terminalId, const QString& cashier, const QString& tender,
                           const QString& promotionName, const QDateTime& time);

// The receipt of a committed redemption; `after` is the member as read after the commit.
ReceiptData receiptForRedemption(const RedeemResult& redemption, const QString& rewardName,
                                 const std::optional<MemberSummary>& after, const QString& storeName,
                                 const QString& terminalId, const QString& cashier, const QDateTime& time);

// A tender code as the cashier reads it ("微信支付" in Chinese).
QString tenderDisplayName(const QString& tender);

} // namespace jifen
