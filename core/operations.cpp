#include "operations.h"

#include <QJsonArray>

namespace jifen {

namespace {
Points pts(const QJsonObject& o, const char* key)
{
    return Points(o.value(QLatin1String(key)).toInteger());
}
// Stored results were written by toJson(); "0.00" (not a valid input amount) reads back as zero.
Money yuan(const QJsonObject& o, const char* key)
{
    auto m = Money::parseYuan(o.value(QLatin1String(key)).toString());
    return m.ok() ? m.value() : Money();
}
} // namespace

QJsonObject SaleResult::toJson() const
{
    return {{QStringLiteral("ref"), ref},
            {QStringLiteral("member_id"), memberUid.isEmpty() ? QJsonValue() : QJsonValue(memberUid)},
            {QStringLiteral("amount"), amount.toYuanString()},
            {QStringLiteral("offset_points"), offsetPoints.value()},
            {QStringLiteral("offset_amount"), offsetAmount.toYuanString()},
            {QStringLiteral("paid"), paid.toYuanString()},
            {QStringLiteral("points_earned"), pointsEarned.value()},
            {QStringLiteral("balance"), balance.value()}};
}

SaleResult SaleResult::fromJson(const QJsonObject& o)
{
    SaleResult r;
    r.ref = o.value(QStringLiteral("ref")).toString();
    r.memberUid = o.value(QStringLiteral("member_id")).toString();
    r.amount = yuan(o, "amount");
    r.offsetPoints = pts(o, "offset_points");
    r.offsetAmount = yuan(o, "offset_amount");
    r.paid = yuan(o, "paid");
    r.pointsEarned = pts(o, "points_earned");
    r.balance = pts(o, "balance");
    return r;
}

QJsonObject RedeemResult::toJson() const
{
    QJsonObject o{{QStringLiteral("ref"), ref},
                  {QStringLiteral("reward"), reward},
                  {QStringLiteral("quantity"), quantity},
                  {QStringLiteral("points_spent"), pointsSpent.value()},
                  {QStringLiteral("balance"), balance.value()}};
    if (!voucherCode.isEmpty())
        o.insert(QStringLiteral("voucher_code"), voucherCode);
    if (!approvedBy.isEmpty())
        o.insert(QStringLiteral("approved_by"), approvedBy);
    return o;
}

RedeemResult RedeemResult::fromJson(const QJsonObject& o)
{
    RedeemResult r;
    r.ref = o.value(QStringLiteral("ref")).toString();
    r.reward = o.value(QStringLiteral("reward")).toString();
    r.quantity = o.value(QStringLiteral("quantity")).toInteger();
    r.pointsSpent = pts(o, "points_spent");
    r.balance = pts(o, "balance");
    r.voucherCode = o.value(QStringLiteral("voucher_code")).toString();
    r.approvedBy = o.value(QStringLiteral("approved_by")).toString();
    return r;
}

QJsonObject RefundResult::toJson() const
{
    return {{QStringLiteral("ref"), ref},
            {QStringLiteral("sale_ref"), saleRef},
            {QStringLiteral("amount"), amount.toYuanString()},
            {QStringLiteral("points_reversed"), pointsReversed.value()},
            {QStringLiteral("offset_restored"), offsetRestored.value()},
            {QStringLiteral("balance"), balance.value()},
            {QStringLiteral("fully_refunded"), fullyRefunded}};
}

RefundResult RefundResult::fromJson(const QJsonObject& o)
{
    RefundResult r;
    r.ref = o.value(QStringLiteral("ref")).toString();
    r.saleRef = o.value(QStringLiteral("sale_ref")).toString();
    r.amount = yuan(o, "amount");
    r.pointsReversed = pts(o, "points_reversed");
    r.offsetRestored = pts(o, "offset_restored");
    r.balance = pts(o, "balance");
    r.fullyRefunded = o.value(QStringLiteral("fully_refunded")).toBool();
    return r;
}

QJsonObject ReturnRewardResult::toJson() const
{
    return {{QStringLiteral("ref"), ref},
            {QStringLiteral("redeem_ref"), redeemRef},
            {QStringLiteral("points_restored"), pointsRestored.value()},
            {QStringLiteral("balance"), balance.value()}};
}

ReturnRewardResult ReturnRewardResult::fromJson(const QJsonObject& o)
{
    ReturnRewardResult r;
    r.ref = o.value(QStringLiteral("ref")).toString();
    r.redeemRef = o.value(QStringLiteral("redeem_ref")).toString();
    r.pointsRestored = pts(o, "points_restored");
    r.balance = pts(o, "balance");
    return r;
}

QJsonObject ExpireResult::toJson() const
{
    return {{QStringLiteral("as_of"), asOf.toString(Qt::ISODate)},
            {QStringLiteral("points_expired"), pointsExpired.value()},
            {QStringLiteral("entries"), entries}};
}

QJsonObject VerifyReport::toJson() const
{
    return {{QStringLiteral("ok"), ok()},
            {QStringLiteral("entries"), entries},
            {QStringLiteral("members"), members},
            {QStringLiteral("lots"), lots},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

} // namespace jifen
