#pragma once

#include "error.h"
#include "money.h"
#include "operations.h"
#include "ruleset.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace jifen {

// What a sale would come to, computed by the same rules Ledger::sale applies, without reading or
// writing any storage: the checkout shows it while the cart is being filled. It does not know the
// terminal's issuance allowance, so points that would be deferred beyond it are still counted.

struct CartItem {
    QString sku;
    qint64 quantity = 1;
    std::optional<Money> price; // a price typed at the till; absent: the product's price
};

struct SalePreviewInput {
    QList<CartItem> items;       // either items ...
    std::optional<Money> amount; // ... or an amount-only sale
    QString category;            // of the amount-only sale; empty: the merchant's category
    QString merchantCategory;
    bool member = false; // points are earned only with a member identified
    QString tierCode;    // the member's tier (its custom-service discount applies)
    qint64 offsetPoints = 0;
    QDate day; // the business date (promotions)
};

struct SalePreview {
    Money amount;   // the bill, after tier discounts
    Money eligible; // the part points may pay for (积分抵扣)
    Points offsetPoints;
    Money offsetAmount;
    Money paid;
    Points points; // ordinary + green
    Points green;
    QString promotion; // the highest multiplier that applies (code); empty: none
    QString promotionName;
    QList<SaleLine> lines;
};

Result<SalePreview> previewSale(const RuleSet& rules, const SalePreviewInput& input);

// A line of a bill as the rules price it. The sale, the preview and HQ's re-computation of a
// pushed sale all go through priceLines() and earnLines(): one copy of each formula.
struct PricedLine {
    SaleLine out; // sku, category, quantity, unitPrice and eco set by the caller
    bool offsetEligible = true;
    bool customService = false;
    qint64 rate = 1;         // set by priceLines: the category's rate, or the green rate when eco
    int validityMonths = 36; // set by priceLines: the category's
};

// Rates, the custom-service discount (percent) and the totals of `lines`; the bill and the part of
// it points may pay for.
Status priceLines(const RuleSet& rules, QList<PricedLine>& lines, int customDiscountPercent, Money* bill,
                  Money* eligible);

// Spreads `offset` over the eligible lines in proportion (the last takes the rest) and earns each
// line's points on what was paid for it at its rate times the best promotion for its category on
// `day` for a bill paying `paidBill` (never stacked; nothing without a member). Returns the highest
// promotion applied, or nullptr.
const Promotion* earnLines(const RuleSet& rules, QList<PricedLine>& lines, Money offset, Money paidBill, QDate day,
                           bool member);

// The most points that may offset a bill: whole yuan of the eligible part, within the balance.
qint64 maxOffsetPoints(const RuleSet& rules, Money eligible, Points balance);

// The "SKU:QTY[:PRICE]" items of a SaleRequest for these cart items.
QStringList saleItems(const QList<CartItem>& items);

} // namespace jifen
