#include "sale_preview.h"

#include <algorithm>

#include <QCoreApplication>

namespace jifen {

Status priceLines(const RuleSet& rules, QList<PricedLine>& lines, int customDiscountPercent, Money* bill,
                  Money* eligible)
{
    *bill = Money();
    *eligible = Money();
    for (PricedLine& line : lines) {
        auto cat = rules.category(line.out.category);
        if (!cat)
            return cat.error();
        line.rate = line.out.eco ? rules.program().green.ecoItemRate : cat->rate;
        line.validityMonths = cat->validityMonths;
        const qint64 gross = line.out.unitPrice.fen() * line.out.quantity;
        if (gross > Money::maxFen)
            return Error::badInput(
                QCoreApplication::translate("jifen::SalePreview", "the line for %1 is too large").arg(line.out.sku));
        line.out.discount = line.customService && customDiscountPercent > 0
                                ? Money::fromFen(mulDiv(gross, customDiscountPercent, 100))
                                : Money();
        line.out.total = Money::fromFen(gross) - line.out.discount;
        *bill = *bill + line.out.total;
        if (line.offsetEligible)
            *eligible = *eligible + line.out.total;
    }
    return Ok{};
}

const Promotion* earnLines(const RuleSet& rules, QList<PricedLine>& lines, Money offset, Money paidBill, QDate day,
                           bool member)
{
    QList<qint64> weights;
    for (const PricedLine& line : lines)
        weights.append(line.offsetEligible ? line.out.total.fen() : 0);
    const QList<qint64> shares = proportionalShares(offset.fen(), weights);
    const Promotion* best = nullptr;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        SaleLine& out = lines[i].out;
        out.offset = Money::fromFen(shares[i]);
        int percent = 100;
        if (const Promotion* p = rules.program().bestMultiplier(day, out.category, paidBill)) {
            percent = p->multiplierPercent;
            out.promotion = p->code;
            if (percent > (best ? best->multiplierPercent : 100))
                best = p;
        }
        out.points = member ? pointsEarned(out.total - out.offset, lines[i].rate, percent) : Points();
    }
    return best;
}

Result<SalePreview> previewSale(const RuleSet& rules, const SalePreviewInput& input)
{
    if (input.amount.has_value() == !input.items.isEmpty())
        return Error::badInput(QCoreApplication::translate(
            "jifen::SalePreview", "a sale is either an amount or items, not both and not neither"));
    if (input.offsetPoints < 0 || input.offsetPoints > Points::maxInput)
        return Error::badInput(
            QCoreApplication::translate("jifen::SalePreview", "points to offset must be from 0 to %1")
                .arg(Points::maxInput));

    QList<PricedLine> lines;
    if (input.amount) {
        auto cat = rules.category(input.category.isEmpty() ? input.merchantCategory : input.category);
        if (!cat)
            return cat.error();
        PricedLine line;
        line.out.category = cat->code;
        line.out.unitPrice = *input.amount;
        lines.append(line);
    } else {
        for (const CartItem& item : input.items) {
            const Product* product = rules.program().product(item.sku);
            if (!product)
                return Error::notFound(
                    QCoreApplication::translate("jifen::SalePreview", "no product with SKU %1 in rule set %2")
                        .arg(item.sku)
                        .arg(rules.version()));
            if (item.quantity < 1 || item.quantity > 999)
                return Error::badInput(QCoreApplication::translate(
                                           "jifen::SalePreview", "quantity of %1 must be a whole number from 1 to 999")
                                           .arg(product->sku));
            PricedLine line;
            line.out.sku = product->sku;
            line.out.name = product->name;
            line.out.category = product->category;
            line.out.quantity = item.quantity;
            line.out.unitPrice = item.price.value_or(product->price);
            line.out.eco = product->eco;
            line.offsetEligible = product->offsetEligible;
            line.customService = product->customService;
            lines.append(line);
        }
    }

    const int customDiscount =
        input.member ? rules.program().tierBenefits.value(input.tierCode).customDiscountPercent : 0;
    SalePreview out;
    JIFEN_TRY(priceLines(rules, lines, customDiscount, &out.amount, &out.eligible));
    if (out.amount.fen() > Money::maxFen)
        return Error::badInput(
            QCoreApplication::translate("jifen::SalePreview", "the bill is too large (at most 99999999.99 yuan)"));

    const qint64 ppy = rules.offsetPointsPerYuan();
    out.offsetPoints = Points(input.offsetPoints);
    if (input.offsetPoints > 0) {
        if (!input.member)
            return Error::badInput(QCoreApplication::translate(
                "jifen::SalePreview", "points can only offset a bill when a member is identified"));
        if (input.offsetPoints % ppy != 0)
            return Error::badInput(
                QCoreApplication::translate("jifen::SalePreview",
                                            "points offset in whole yuan: %1 points is not a multiple of %2")
                    .arg(input.offsetPoints)
                    .arg(ppy));
    }
    out.offsetAmount = Money::fromFen(input.offsetPoints / ppy * 100);
    if (out.offsetAmount > out.eligible)
        return Error::refused(
            QCoreApplication::translate("jifen::SalePreview", "points may pay at most %1 yuan of this bill")
                .arg(out.eligible.toYuanString()));
    out.paid = out.amount - out.offsetAmount;

    if (const Promotion* p = earnLines(rules, lines, out.offsetAmount, out.paid, input.day, input.member)) {
        out.promotion = p->code;
        out.promotionName = p->name;
    }
    for (const PricedLine& line : lines) {
        out.points += line.out.points;
        if (line.out.eco)
            out.green += line.out.points;
        out.lines.append(line.out);
    }
    return out;
}

qint64 maxOffsetPoints(const RuleSet& rules, Money eligible, Points balance)
{
    const qint64 ppy = rules.offsetPointsPerYuan();
    const qint64 byBill = eligible.fen() / 100;
    const qint64 byBalance = std::max<qint64>(0, balance.value()) / ppy;
    return std::min(byBill, byBalance) * ppy;
}

QStringList saleItems(const QList<CartItem>& items)
{
    QStringList out;
    for (const CartItem& item : items) {
        QString s = item.sku + QLatin1Char(':') + QString::number(item.quantity);
        if (item.price)
            s += QLatin1Char(':') + item.price->toYuanString();
        out.append(s);
    }
    return out;
}

} // namespace jifen
