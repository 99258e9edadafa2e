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
    QJsonArray items;
    for (const SaleLine& l : lines)
        items.append(l.toJson());
    return {{QStringLiteral("ref"), ref},
            {QStringLiteral("member_id"), memberUid.isEmpty() ? QJsonValue() : QJsonValue(memberUid)},
            {QStringLiteral("amount"), amount.toYuanString()},
            {QStringLiteral("offset_points"), offsetPoints.value()},
            {QStringLiteral("offset_amount"), offsetAmount.toYuanString()},
            {QStringLiteral("paid"), paid.toYuanString()},
            {QStringLiteral("points_earned"), pointsEarned.value()},
            {QStringLiteral("green_earned"), greenEarned.value()},
            {QStringLiteral("deferred"), deferred.value()},
            {QStringLiteral("promotion"), promotion.isEmpty() ? QJsonValue() : QJsonValue(promotion)},
            {QStringLiteral("tier"), tier.isEmpty() ? QJsonValue() : QJsonValue(tier)},
            {QStringLiteral("items"), items},
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
    r.greenEarned = pts(o, "green_earned");
    r.deferred = pts(o, "deferred");
    r.promotion = o.value(QStringLiteral("promotion")).toString();
    r.tier = o.value(QStringLiteral("tier")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject i = v.toObject();
        SaleLine l;
        l.sku = i.value(QStringLiteral("sku")).toString();
        l.name = i.value(QStringLiteral("name")).toString();
        l.category = i.value(QStringLiteral("category")).toString();
        l.quantity = i.value(QStringLiteral("quantity")).toInteger();
        l.unitPrice = yuan(i, "unit_price");
        l.discount = yuan(i, "discount");
        l.total = yuan(i, "total");
        l.offset = yuan(i, "offset");
        l.eco = i.value(QStringLiteral("eco")).toBool();
        l.points = pts(i, "points");
        l.promotion = i.value(QStringLiteral("promotion")).toString();
        r.lines.append(l);
    }
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
    if (!authorisation.isEmpty())
        o.insert(QStringLiteral("authorisation"), authorisation);
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
    r.authorisation = o.value(QStringLiteral("authorisation")).toString();
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

QJsonObject AllowanceInfo::toJson() const
{
    return {{QStringLiteral("month"), month},
            {QStringLiteral("granted"), granted.value()},
            {QStringLiteral("used"), used.value()},
            {QStringLiteral("remaining"), remaining().value()},
            {QStringLiteral("deferred_pending"), deferredPending.value()}};
}

QJsonObject GrantResult::toJson() const
{
    QJsonObject o{{QStringLiteral("ref"), ref},
                  {QStringLiteral("action"), action},
                  {QStringLiteral("points"), points.value()},
                  {QStringLiteral("deferred"), deferred.value()},
                  {QStringLiteral("balance"), balance.value()},
                  {QStringLiteral("green_balance"), greenBalance.value()}};
    if (!approvedBy.isEmpty())
        o.insert(QStringLiteral("approved_by"), approvedBy);
    return o;
}

GrantResult GrantResult::fromJson(const QJsonObject& o)
{
    GrantResult r;
    r.ref = o.value(QStringLiteral("ref")).toString();
    r.action = o.value(QStringLiteral("action")).toString();
    r.points = pts(o, "points");
    r.deferred = pts(o, "deferred");
    r.balance = pts(o, "balance");
    r.greenBalance = pts(o, "green_balance");
    r.approvedBy = o.value(QStringLiteral("approved_by")).toString();
    return r;
}

QJsonObject TransferResult::toJson() const
{
    return {{QStringLiteral("ref"), ref},
            {QStringLiteral("points"), points.value()},
            {QStringLiteral("from_balance"), fromBalance.value()},
            {QStringLiteral("to_balance"), toBalance.value()},
            {QStringLiteral("approved_by"), approvedBy}};
}

TransferResult TransferResult::fromJson(const QJsonObject& o)
{
    TransferResult r;
    r.ref = o.value(QStringLiteral("ref")).toString();
    r.points = pts(o, "points");
    r.fromBalance = pts(o, "from_balance");
    r.toBalance = pts(o, "to_balance");
    r.approvedBy = o.value(QStringLiteral("approved_by")).toString();
    return r;
}

QJsonObject DonateResult::toJson() const
{
    return {{QStringLiteral("ref"), ref},
            {QStringLiteral("charity"), charity},
            {QStringLiteral("points"), points.value()},
            {QStringLiteral("match_points"), matchPoints.value()},
            {QStringLiteral("balance"), balance.value()}};
}

DonateResult DonateResult::fromJson(const QJsonObject& o)
{
    DonateResult r;
    r.ref = o.value(QStringLiteral("ref")).toString();
    r.charity = o.value(QStringLiteral("charity")).toString();
    r.points = pts(o, "points");
    r.matchPoints = pts(o, "match_points");
    r.balance = pts(o, "balance");
    return r;
}

QJsonObject SurveyAnswerResult::toJson() const
{
    QJsonObject o{{QStringLiteral("ref"), ref},
                  {QStringLiteral("survey"), survey},
                  {QStringLiteral("answered"), answered},
                  {QStringLiteral("green_points"), greenPoints.value()}};
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

SurveyAnswerResult SurveyAnswerResult::fromJson(const QJsonObject& o)
{
    SurveyAnswerResult r;
    r.ref = o.value(QStringLiteral("ref")).toString();
    r.survey = o.value(QStringLiteral("survey")).toString();
    r.answered = o.value(QStringLiteral("answered")).toInteger();
    r.greenPoints = pts(o, "green_points");
    r.note = o.value(QStringLiteral("note")).toString();
    return r;
}

QJsonObject HouseholdInfo::toJson() const
{
    QJsonArray list;
    for (const Member& m : members)
        list.append(QJsonObject{{QStringLiteral("member_id"), m.uid},
                                {QStringLiteral("phone_masked"), m.phoneMasked},
                                {QStringLiteral("name"), m.name},
                                {QStringLiteral("balance"), m.balance.value()},
                                {QStringLiteral("transferred_out_this_month"), m.transferredOutThisMonth.value()},
                                {QStringLiteral("head"), m.uid == headUid}});
    return {{QStringLiteral("household_id"), householdId},
            {QStringLiteral("head_member_id"), headUid},
            {QStringLiteral("head_phone_masked"), headPhoneMasked},
            {QStringLiteral("members"), list},
            {QStringLiteral("max_members"), maxMembers},
            {QStringLiteral("monthly_transfer_limit"), monthlyTransferLimit.value()}};
}

QJsonObject DayReport::toJson() const
{
    QJsonArray list;
    for (const Cashier& c : cashiers)
        list.append(QJsonObject{{QStringLiteral("cashier"), c.name.isEmpty() ? QJsonValue() : QJsonValue(c.name)},
                                {QStringLiteral("sales"), c.sales},
                                {QStringLiteral("total"), c.total.toYuanString()},
                                {QStringLiteral("points"), c.points.value()}});
    return {{QStringLiteral("date"), date.toString(Qt::ISODate)},
            {QStringLiteral("sales"), sales},
            {QStringLiteral("sales_total"), salesTotal.toYuanString()},
            {QStringLiteral("issued"), issued.value()},
            {QStringLiteral("issued_green"), issuedGreen.value()},
            {QStringLiteral("redeemed"), redeemed.value()},
            {QStringLiteral("offset"), offset.value()},
            {QStringLiteral("reversed"), reversed.value()},
            {QStringLiteral("expired"), expired.value()},
            {QStringLiteral("deferred"), deferred.value()},
            {QStringLiteral("donated"), donated.value()},
            {QStringLiteral("cashiers"), list}};
}

} // namespace jifen
