#include "sale_preview.h"

#include <algorithm>

namespace jifen {

namespace {

struct Line {
    SaleLine out;
    bool offsetEligible = true;
    bool customService = false;
    qint64 rate = 1;
};

} // namespace

Result<SalePreview> previewSale(const RuleSet& rules, const SalePreviewInput& input)
{
    if (input.amount.has_value() == !input.items.isEmpty())
        return Error::badInput(QStringLiteral("a sale is either an amount or items, not both and not neither"));
    if (input.offsetPoints < 0 || input.offsetPoints > Points::maxInput)
        return Error::badInput(QStringLiteral("points to offset must be from 0 to %1").arg(Points::maxInput));

    QList<Line> lines;
    if (input.amount) {
        auto cat = rules.category(input.category.isEmpty() ? input.merchantCategory : input.category);
        if (!cat)
            return cat.error();
        Line line;
        line.out.category = cat->code;
        line.out.unitPrice = *input.amount;
        lines.append(line);
    } else {
        for (const CartItem& item : input.items) {
            const Product* product = rules.program().product(item.sku);
            if (!product)
                return Error::notFound(
                    QStringLiteral("no product with SKU %1 in rule set %2").arg(item.sku).arg(rules.version()));
            if (item.quantity < 1 || item.quantity > 999)
                return Error::badInput(
                    QStringLiteral("quantity of %1 must be a whole number from 1 to 999").arg(product->sku));
            Line line;
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
    for (Line& line : lines) {
        auto cat = rules.category(line.out.category);
        if (!cat)
            return cat.error();
        line.rate = line.out.eco ? rules.program().green.ecoItemRate : cat->rate;
        const qint64 gross = line.out.unitPrice.fen() * line.out.quantity;
        if (gross > Money::maxFen)
            return Error::badInput(QStringLiteral("the line for %1 is too large").arg(line.out.sku));
        if (line.customService && customDiscount > 0)
            line.out.discount = Money::fromFen(mulDiv(gross, customDiscount, 100));
        line.out.total = Money::fromFen(gross) - line.out.discount;
        out.amount = out.amount + line.out.total;
        if (line.offsetEligible)
            out.eligible = out.eligible + line.out.total;
    }
    if (out.amount.fen() > Money::maxFen)
        return Error::badInput(QStringLiteral("the bill is too large (at most 99999999.99 yuan)"));

    const qint64 ppy = rules.offsetPointsPerYuan();
    out.offsetPoints = Points(input.offsetPoints);
    if (input.offsetPoints > 0) {
        if (!input.member)
            return Error::badInput(QStringLiteral("points can only offset a bill when a member is identified"));
        if (input.offsetPoints % ppy != 0)
            return Error::badInput(QStringLiteral("points offset in whole yuan: %1 points is not a multiple of %2")
                                       .arg(input.offsetPoints)
                                       .arg(ppy));
    }
    out.offsetAmount = Money::fromFen(input.offsetPoints / ppy * 100);
    if (out.offsetAmount > out.eligible)
        return Error::refused(
            QStringLiteral("points may pay at most %1 yuan of this bill").arg(out.eligible.toYuanString()));
    out.paid = out.amount - out.offsetAmount;

    // The offset spreads over the eligible lines in proportion; the last one takes the rest.
    QList<qint64> weights;
    for (const Line& line : lines)
        weights.append(line.offsetEligible ? line.out.total.fen() : 0);
    const QList<qint64> shares = proportionalShares(out.offsetAmount.fen(), weights);
    for (qsizetype i = 0; i < lines.size(); ++i)
        lines[i].out.offset = Money::fromFen(shares[i]);

    int bestPercent = 100;
    for (Line& line : lines) {
        const Money paid = line.out.total - line.out.offset;
        int percent = 100;
        if (const Promotion* p = rules.program().bestMultiplier(input.day, line.out.category, out.paid)) {
            percent = p->multiplierPercent;
            line.out.promotion = p->code;
            if (percent > bestPercent) {
                bestPercent = percent;
                out.promotion = p->code;
                out.promotionName = p->name;
            }
        }
        line.out.points = input.member ? pointsEarned(paid, line.rate, percent) : Points();
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
