#include "commands.h"
#include "hq_network.h"
#include "online_redemption.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

namespace jifen::cli {

namespace {

int sale(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto offset = wholeFlag(args, QStringLiteral("offset-points"), 0, Points::maxInput, 0);
    if (!offset)
        return ctx.fail(offset.error());
    SaleRequest req;
    req.ref = args.value(QStringLiteral("ref"));
    req.phone = args.value(QStringLiteral("phone"));
    req.card = args.value(QStringLiteral("card"));
    req.amount = args.value(QStringLiteral("amount"));
    req.category = args.value(QStringLiteral("category"));
    req.offsetPoints = offset.value();
    req.items = args.all(QStringLiteral("item"));
    req.cashier = args.value(QStringLiteral("cashier"));
    req.tender = args.value(QStringLiteral("tender"));
    if ((args.has(QStringLiteral("phone")) && req.phone.isEmpty()) ||
        (args.has(QStringLiteral("card")) && req.card.isEmpty()))
        return ctx.fail(Error::badInput(QStringLiteral("the member's phone or card number is empty")));
    for (const QString& flag : {QStringLiteral("category"), QStringLiteral("cashier"), QStringLiteral("tender")}) {
        if (args.has(flag) && args.value(flag).trimmed().isEmpty())
            return ctx.fail(Error::badInput(QStringLiteral("--%1 is empty").arg(flag)));
    }
    // An empty --amount next to items would otherwise read as "no amount given".
    if (args.has(QStringLiteral("amount")) && req.amount.isEmpty())
        return ctx.fail(Error::badInput(QStringLiteral("amount is empty; give yuan like 12.50")));
    if (!args.has(QStringLiteral("amount")) && req.items.isEmpty())
        return ctx.fail(Error::badInput(QStringLiteral("give --amount YUAN or at least one --item SKU:QTY[:PRICE]")));
    auto r = (*ledger)->sale(req);
    if (!r)
        return ctx.fail(r.error());
    QStringList text{QStringLiteral("sale %1: %2 yuan").arg(r->ref, r->amount.toYuanString())};
    for (const SaleLine& l : r->lines) {
        if (l.sku.isEmpty()) // a bare amount is one line without a product
            continue;
        QString line = QStringLiteral("  %1 %2 x%3 @ %4 = %5 yuan")
                           .arg(l.sku, l.name)
                           .arg(l.quantity)
                           .arg(l.unitPrice.toYuanString(), l.total.toYuanString());
        if (l.discount.fen() != 0)
            line += QStringLiteral(" (tier discount %1)").arg(l.discount.toYuanString());
        if (l.offset.fen() != 0)
            line += QStringLiteral(", %1 paid with points").arg(l.offset.toYuanString());
        line += QStringLiteral(": +%1 %2")
                    .arg(l.points.value())
                    .arg(l.eco ? QStringLiteral("green points") : QStringLiteral("points"));
        if (!l.promotion.isEmpty())
            line += QStringLiteral(" [%1]").arg(l.promotion);
        text.append(line);
    }
    if (!r->promotion.isEmpty())
        text.append(QStringLiteral("promotion %1 (the highest multiplier; they never stack)").arg(r->promotion));
    if (r->offsetPoints.value() > 0)
        text.append(QStringLiteral("points offset %1 (-%2 yuan), paid %3 yuan")
                        .arg(r->offsetPoints.value())
                        .arg(r->offsetAmount.toYuanString(), r->paid.toYuanString()));
    if (r->memberUid.isEmpty())
        text.append(QStringLiteral("no member: no points earned"));
    else
        text.append(QStringLiteral("points earned %1 (green %2), balance %3")
                        .arg(r->pointsEarned.value())
                        .arg(r->greenEarned.value())
                        .arg(r->balance.value()));
    if (r->deferred.value() != 0)
        text.append(QStringLiteral("%1 points deferred: beyond this terminal's allowance, released when HQ grants more")
                        .arg(r->deferred.value()));
    return ctx.done(r->toJson(), text);
}

int redeem(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto qty = wholeFlag(args, QStringLiteral("qty"), 1, 100, 1);
    if (!qty)
        return ctx.fail(qty.error());
    RedeemRequest req;
    req.ref = args.value(QStringLiteral("ref"));
    req.phone = args.value(QStringLiteral("phone"));
    req.card = args.value(QStringLiteral("card"));
    req.reward = args.value(QStringLiteral("reward"));
    req.quantity = qty.value();
    req.pin = args.value(QStringLiteral("pin"));
    if ((args.has(QStringLiteral("phone")) && req.phone.isEmpty()) ||
        (args.has(QStringLiteral("card")) && req.card.isEmpty()))
        return ctx.fail(Error::badInput(QStringLiteral("the member's phone or card number is empty")));
    // Enrolled: HQ authorises when it answers, otherwise the offline limits decide.
    sync::HqNetworkAccessManager network;
    if (auto st = network.trustEnrolledCa(**ledger); !st)
        return ctx.fail(st.error());
    sync::OnlineRedemption online(**ledger, network, ctx.clock());
    QEventLoop loop;
    std::optional<Result<RedeemResult>> outcome;
    QObject::connect(&online, &sync::OnlineRedemption::finished, &loop,
                     [&](bool ok, const QJsonObject& result, ErrorCode code, const QString& message) {
                         outcome = ok ? Result<RedeemResult>(RedeemResult::fromJson(result))
                                      : Result<RedeemResult>(Error{code, message});
                         loop.quit();
                     });
    online.redeem(req);
    if (!outcome)
        loop.exec();
    const Result<RedeemResult>& r = *outcome;
    if (!r)
        return ctx.fail(r.error());
    QStringList text{QStringLiteral("redeemed %1 x %2 for %3 points, balance %4")
                         .arg(r->reward)
                         .arg(r->quantity)
                         .arg(r->pointsSpent.value())
                         .arg(r->balance.value())};
    if (!r->voucherCode.isEmpty())
        text.append(QStringLiteral("voucher code %1").arg(r->voucherCode));
    if (!r->approvedBy.isEmpty())
        text.append(QStringLiteral("approved by %1").arg(r->approvedBy));
    if (r->authorisation == QStringLiteral("offline"))
        text.append(QStringLiteral("decided offline (HQ not reachable), within the offline limits"));
    return ctx.done(r->toJson(), text);
}

int refund(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    RefundRequest req;
    req.ref = args.value(QStringLiteral("ref"));
    req.saleRef = args.value(QStringLiteral("of"));
    req.amount = args.value(QStringLiteral("amount"));
    if (args.has(QStringLiteral("amount")) && req.amount.isEmpty())
        return ctx.fail(Error::badInput(QStringLiteral("amount is empty; give yuan like 12.50")));
    auto r = (*ledger)->refund(req);
    if (!r)
        return ctx.fail(r.error());
    QStringList text{QStringLiteral("refund %1 of sale %2: %3 yuan").arg(r->ref, r->saleRef, r->amount.toYuanString()),
                     QStringLiteral("points reversed %1, offset points restored %2, balance %3")
                         .arg(r->pointsReversed.value())
                         .arg(r->offsetRestored.value())
                         .arg(r->balance.value())};
    if (r->balance.value() < 0)
        text.append(
            QStringLiteral("the member now owes %1 points; future earning repays them").arg(-r->balance.value()));
    return ctx.done(r->toJson(), text);
}

int returnReward(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto r = (*ledger)->returnReward({args.value(QStringLiteral("ref")), args.value(QStringLiteral("of"))});
    if (!r)
        return ctx.fail(r.error());
    return ctx.done(r->toJson(), {QStringLiteral("reward of %1 returned: %2 points restored, balance %3")
                                      .arg(r->redeemRef)
                                      .arg(r->pointsRestored.value())
                                      .arg(r->balance.value())});
}

} // namespace

QList<Command> ledgerCommands()
{
    const QString ref = QStringLiteral("ref");
    return {
        {{QStringLiteral("sale")},
         QStringLiteral("--ref R [--phone P | --card C] (--amount YUAN [--category C] | --item SKU:QTY[:PRICE] ...) "
                        "[--offset-points N] [--cashier NAME] [--tender cash|wechat|alipay|card]"),
         QStringLiteral("record a sale; a member earns points, and may offset part of the bill with points"),
         {{ref, QStringLiteral("phone"), QStringLiteral("card"), QStringLiteral("amount"), QStringLiteral("category"),
           QStringLiteral("offset-points"), QStringLiteral("item"), QStringLiteral("cashier"),
           QStringLiteral("tender")},
          {},
          {ref},
          {QStringLiteral("item")}},
         sale},
        {{QStringLiteral("redeem")},
         QStringLiteral("--ref R --phone P | --card C --reward CODE [--qty N] [--pin PIN]"),
         QStringLiteral("redeem a catalog reward with points"),
         {{ref, QStringLiteral("phone"), QStringLiteral("card"), QStringLiteral("reward"), QStringLiteral("qty"),
           QStringLiteral("pin")},
          {},
          {ref, QStringLiteral("reward")},
          {}},
         redeem},
        {{QStringLiteral("refund")},
         QStringLiteral("--ref R --of SALE_REF [--amount YUAN]"),
         QStringLiteral("refund a sale in full or in part; its points are reversed in proportion"),
         {{ref, QStringLiteral("of"), QStringLiteral("amount")}, {}, {ref, QStringLiteral("of")}, {}},
         refund},
        {{QStringLiteral("return-reward")},
         QStringLiteral("--ref R --of REDEEM_REF"),
         QStringLiteral("take back a redeemed reward (defective goods); its points return to their lots"),
         {{ref, QStringLiteral("of")}, {}, {ref, QStringLiteral("of")}, {}},
         returnReward},
    };
}

} // namespace jifen::cli
