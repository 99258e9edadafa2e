#include "receipt.h"

#include "identity.h"

#include <QCoreApplication>

namespace jifen {

namespace {

// What the member looks like once the sale or redemption is committed, when it could be read.
void withMemberAfter(ReceiptData& r, const std::optional<MemberSummary>& after)
{
    if (!after)
        return;
    r.phoneMasked = maskPhone(after->member.phone);
    r.memberName = after->member.name;
    r.balance = after->balance;
    r.greenBalance = after->greenBalance;
    r.expiringSoon = after->expiringSoon;
}

} // namespace

ReceiptData receiptForSale(const SaleResult& sale, const std::optional<MemberSummary>& after, const QString& storeName,
                           const QString& terminalId, const QString& cashier, const QString& tender,
                           const QString& promotionName, const QDateTime& time)
{
    ReceiptData r;
    r.storeName = storeName;
    r.terminalId = terminalId;
    r.ref = sale.ref;
    r.time = time;
    r.cashier = cashier;
    for (const SaleLine& l : sale.lines) {
        ReceiptData::Line line;
        line.name = l.name.isEmpty() ? QCoreApplication::translate("Receipt", "Goods") : l.name;
        line.quantity = l.quantity;
        line.unitPrice = l.unitPrice;
        line.total = l.total;
        r.lines.append(line);
    }
    r.amount = sale.amount;
    r.offsetPoints = sale.offsetPoints;
    r.offsetAmount = sale.offsetAmount;
    r.paid = sale.paid;
    r.tender = tender;
    r.promotionName = promotionName;
    r.member = !sale.memberUid.isEmpty();
    r.earned = sale.pointsEarned;
    r.greenEarned = sale.greenEarned;
    r.deferred = sale.deferred;
    r.balance = sale.balance;
    withMemberAfter(r, after);
    return r;
}

ReceiptData receiptForRedemption(const RedeemResult& redemption, const QString& rewardName,
                                 const std::optional<MemberSummary>& after, const QString& storeName,
                                 const QString& terminalId, const QString& cashier, const QDateTime& time)
{
    ReceiptData r;
    r.kind = ReceiptData::Kind::Redemption;
    r.storeName = storeName;
    r.terminalId = terminalId;
    r.ref = redemption.ref;
    r.time = time;
    r.cashier = cashier;
    r.rewardName = rewardName.isEmpty() ? redemption.reward : rewardName;
    r.rewardQuantity = redemption.quantity;
    r.pointsSpent = redemption.pointsSpent;
    r.voucherCode = redemption.voucherCode;
    r.member = true;
    r.balance = redemption.balance;
    withMemberAfter(r, after);
    return r;
}

QString tenderDisplayName(const QString& tender)
{
    if (tender == QLatin1String("wechat"))
        return QCoreApplication::translate("Receipt", "WeChat Pay");
    if (tender == QLatin1String("alipay"))
        return QCoreApplication::translate("Receipt", "Alipay");
    if (tender == QLatin1String("card"))
        return QCoreApplication::translate("Receipt", "Bank card");
    return QCoreApplication::translate("Receipt", "Cash");
}

} // namespace jifen
