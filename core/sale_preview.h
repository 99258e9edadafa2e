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

// The most points that may offset a bill: whole yuan of the eligible part, within the balance.
qint64 maxOffsetPoints(const RuleSet& rules, Money eligible, Points balance);

// The "SKU:QTY[:PRICE]" items of a SaleRequest for these cart items.
QStringList saleItems(const QList<CartItem>& items);

} // namespace jifen
