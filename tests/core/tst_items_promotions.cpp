// Items sales and promotions: each line earns on what was paid for it (floored per line); points
// offset only eligible lines; the highest promotion multiplier for the line's category applies
// when the whole bill (after offset) reaches its minimum, never stacked; the top tier's discount
// on custom services; festival rewards redeemable only while their festival runs.

#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

namespace {

// Default products.
const QString kWatermelon = u"6901000000011"_s; // 西瓜 25.00 fruit
const QString kApples = u"6901000000028"_s;     // 有机苹果 38.00 fruit, eco
const QString kRice = u"6901000000035"_s;       // 大米 45.00 supermarket
const QString kOil = u"6901000000059"_s;        // 食用油 69.90 supermarket
const QString kNecklace = u"6901000000066"_s;   // 金项链 5000.00 jewellery
const QString kCustom = u"6901000000073"_s;     // 珠宝私人定制 10000.00 jewellery, custom, not offset-eligible
const QString kBubbleTea = u"6901000000080"_s;  // 珍珠奶茶 16.00 tea
const QString kWater = u"6901000000097"_s;      // 矿泉水 2.00 convenience

QString item(const QString& sku, int qty, const QString& price = QString())
{
    return price.isEmpty() ? u"%1:%2"_s.arg(sku).arg(qty) : u"%1:%2:%3"_s.arg(sku).arg(qty).arg(price);
}

QList<qint64> linePoints(const SaleResult& r)
{
    QList<qint64> out;
    for (const SaleLine& l : r.lines)
        out.append(l.points.value());
    return out;
}

} // namespace

class TestItemsPromotions : public QObject {
    Q_OBJECT
private slots:
    void itemEarning_data();
    void itemEarning();
    void itemRefusals_data();
    void itemRefusals();
    void offsetOnlyOnEligibleLines_data();
    void offsetOnlyOnEligibleLines();
    void offsetSpreadInProportion();
    void promotions_data();
    void promotions();
    void minimumBillIsAfterOffset_data();
    void minimumBillIsAfterOffset();
    void diamondDiscountOnCustomService_data();
    void diamondDiscountOnCustomService();
    void redeemingNeverDemotes();
    void festivalRewards_data();
    void festivalRewards();
};

void TestItemsPromotions::itemEarning_data()
{
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<qint64>("amountFen");
    QTest::addColumn<QList<qint64>>("lines"); // points per line

    QTest::newRow("one watermelon") << QStringList{item(kWatermelon, 1)} << qint64(2500) << QList<qint64>{25};
    QTest::newRow("three watermelons, oil, water") << QStringList{item(kWatermelon, 3), item(kOil, 1), item(kWater, 1)}
                                                   << qint64(14690) << QList<qint64>{75, 69, 2};
    QTest::newRow("per-line flooring: 10.50 + 10.50 earn 10 + 10, not 21")
        << QStringList{item(kWatermelon, 1, u"10.50"_s), item(kRice, 1, u"10.50"_s)} << qint64(2100)
        << QList<qint64>{10, 10};
    QTest::newRow("price override (weighed goods) 2 x 12.34")
        << QStringList{item(kWatermelon, 2, u"12.34"_s)} << qint64(2468) << QList<qint64>{24};
    QTest::newRow("quantity 999 (the maximum)")
        << QStringList{item(kWater, 999)} << qint64(199800) << QList<qint64>{1998};
    QTest::newRow("quantity 1 (the minimum) of the necklace")
        << QStringList{item(kNecklace, 1)} << qint64(500000) << QList<qint64>{5000};
    QTest::newRow("custom service at list price (no tier discount)")
        << QStringList{item(kCustom, 1)} << qint64(1000000) << QList<qint64>{10000};
    QTest::newRow("a price override of 0.01 earns nothing")
        << QStringList{item(kRice, 1, u"0.01"_s)} << qint64(1) << QList<qint64>{0};
}

void TestItemsPromotions::itemEarning()
{
    QFETCH(QStringList, items);
    QFETCH(qint64, amountFen);
    QFETCH(QList<qint64>, lines);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_REQUIRE(r, fx.buyItems(u"s1"_s, items));
    QCOMPARE(r->amount, Money::fromFen(amountFen));
    QCOMPARE(r->paid, Money::fromFen(amountFen));
    QCOMPARE(linePoints(r.value()), lines);
    qint64 total = 0;
    for (qint64 p : lines)
        total += p;
    QCOMPARE(r->pointsEarned, Points(total));
    QCOMPARE(r->promotion, QString());
    QCOMPARE(r->tier, u"member"_s);
    QCOMPARE(r->lines.size(), items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QStringList parts = items.at(i).split(u':');
        QCOMPARE(r->lines.at(i).sku, parts.at(0));
        QCOMPARE(r->lines.at(i).quantity, parts.at(1).toLongLong());
        if (parts.size() == 3)
            QCOMPARE(r->lines.at(i).unitPrice, Money::parseYuan(parts.at(2)).value());
        QCOMPARE(r->lines.at(i).total.fen(), r->lines.at(i).unitPrice.fen() * r->lines.at(i).quantity);
    }
    QCOMPARE(fx.balance(), total);
    // A retry returns the same receipt.
    JIFEN_REQUIRE(retry, fx.buyItems(u"s1"_s, items));
    QCOMPARE(linePoints(retry.value()), lines);
    QCOMPARE(fx.balance(), total);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestItemsPromotions::itemRefusals_data()
{
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<int>("code");

    QTest::newRow("unknown SKU") << QStringList{u"6901000009999:1"_s} << "" << int(ErrorCode::NotFound);
    QTest::newRow("an unknown SKU among known ones")
        << QStringList{item(kWatermelon, 1), u"NOPE-1:1"_s} << "" << int(ErrorCode::NotFound);
    QTest::newRow("quantity 0") << QStringList{item(kWatermelon, 0)} << "" << int(ErrorCode::BadInput);
    QTest::newRow("quantity 1000") << QStringList{item(kWater, 1000)} << "" << int(ErrorCode::BadInput);
    QTest::newRow("negative quantity") << QStringList{kWatermelon + u":-1"_s} << "" << int(ErrorCode::BadInput);
    QTest::newRow("no quantity") << QStringList{kWatermelon} << "" << int(ErrorCode::BadInput);
    QTest::newRow("price not in yuan") << QStringList{item(kWatermelon, 1, u"abc"_s)} << "" << int(ErrorCode::BadInput);
    QTest::newRow("price with three decimals")
        << QStringList{item(kWatermelon, 1, u"1.234"_s)} << "" << int(ErrorCode::BadInput);
    QTest::newRow("amount and items together")
        << QStringList{item(kWatermelon, 1)} << "25.00" << int(ErrorCode::BadInput);
    QTest::newRow("neither amount nor items") << QStringList{} << "" << int(ErrorCode::BadInput);
}

void TestItemsPromotions::itemRefusals()
{
    QFETCH(QStringList, items);
    QFETCH(QString, amount);
    QFETCH(int, code);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    const qint64 before = fx.journalSize();
    SaleRequest request;
    request.ref = u"s1"_s;
    request.phone = kPhone;
    request.amount = amount;
    request.items = items;
    const auto r = fx.ledger->sale(request);
    QVERIFY2(!r.ok(), "the sale was recorded");
    QCOMPARE(int(r.error().code), code);
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(fx.balance(), qint64(0));
    JIFEN_VERIFY_OK(fx.buyItems(u"s1"_s, {item(kWatermelon, 1)})); // the reference is still free
}

void TestItemsPromotions::offsetOnlyOnEligibleLines_data()
{
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("code"); // 0: accepted
    QTest::addColumn<QList<qint64>>("lineOffsetFen");
    QTest::addColumn<qint64>("earned");

    // The member holds 3000 points.
    const QStringList mixed{item(kCustom, 1), item(kWatermelon, 1)};
    QTest::newRow("2500 points pay exactly the watermelon, not the custom piece")
        << mixed << qint64(2500) << 0 << QList<qint64>{0, 2500} << qint64(10000);
    QTest::newRow("2600 points: more than the eligible 25.00")
        << mixed << qint64(2600) << int(ErrorCode::Refused) << QList<qint64>{} << qint64(0);
    QTest::newRow("100 points on the custom piece alone")
        << QStringList{item(kCustom, 1)} << qint64(100) << int(ErrorCode::Refused) << QList<qint64>{} << qint64(0);
    QTest::newRow("the necklace is eligible: 3000 points")
        << QStringList{item(kNecklace, 1)} << qint64(3000) << 0 << QList<qint64>{3000} << qint64(4970);
}

void TestItemsPromotions::offsetOnlyOnEligibleLines()
{
    QFETCH(QStringList, items);
    QFETCH(qint64, offset);
    QFETCH(int, code);
    QFETCH(QList<qint64>, lineOffsetFen);
    QFETCH(qint64, earned);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"float"_s, u"3000.00"_s));
    const qint64 before = fx.journalSize();
    const auto r = fx.buyItems(u"s1"_s, items, kPhone, offset);
    if (code != 0) {
        QVERIFY2(!r.ok(), "the offset was accepted");
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(fx.journalSize(), before);
        QCOMPARE(fx.balance(), qint64(3000));
        return;
    }
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QList<qint64> offsets;
    for (const SaleLine& l : r->lines)
        offsets.append(l.offset.fen());
    QCOMPARE(offsets, lineOffsetFen);
    QCOMPARE(r->offsetPoints, Points(offset));
    QCOMPARE(r->pointsEarned, Points(earned));
    QCOMPARE(fx.balance(), 3000 - offset + earned);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestItemsPromotions::offsetSpreadInProportion()
{
    // 10.00 over watermelons 50.00 and rice 45.00: floor(1000 x 5000 / 9500) = 526 fen on the
    // first line, the remaining 474 on the last. Points per line: floor(44.74) + floor(40.26).
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"float"_s, u"1000.00"_s));
    JIFEN_REQUIRE(r, fx.buyItems(u"s1"_s, {item(kWatermelon, 2), item(kRice, 1)}, kPhone, 1000));
    QCOMPARE(r->lines.size(), 2);
    QCOMPARE(r->lines.at(0).offset, Money::fromFen(526));
    QCOMPARE(r->lines.at(1).offset, Money::fromFen(474));
    QCOMPARE(linePoints(r.value()), (QList<qint64>{44, 40}));
    QCOMPARE(r->pointsEarned, Points(84)); // a bill-level floor would give 85
    QCOMPARE(r->paid, Money::fromFen(8500));
    QCOMPARE(fx.balance(), qint64(1000 - 1000 + 84));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestItemsPromotions::promotions_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QStringList>("items"); // empty: an amount sale
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("category");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<QString>("promotion");

    const QDate market(2026, 11, 27); // a Friday and a market day
    const QStringList none;
    const QString fruit = u"fruit"_s, general = u"general"_s, tea = u"tea"_s;
    QTest::newRow("MARKET-DAY 11-27: fruit 100.00 doubled")
        << market << none << "100.00" << fruit << qint64(200) << "MARKET-DAY";
    QTest::newRow("MARKET-DAY 11-27: supermarket 100.00 doubled") << market << none << "100.00"
                                                                  << "supermarket" << qint64(200) << "MARKET-DAY";
    QTest::newRow("11-26, the day before: fruit 100.00")
        << market.addDays(-1) << none << "100.00" << fruit << qint64(100) << "";
    QTest::newRow("11-28, the day after: fruit 100.00")
        << market.addDays(1) << none << "100.00" << fruit << qint64(100) << "";
    QTest::newRow("MARKET-DAY: fruit 99.99, below the minimum bill")
        << market << none << "99.99" << fruit << qint64(99) << "";
    QTest::newRow("MARKET-DAY: general 100.00, not a market category")
        << market << none << "100.00" << general << qint64(100) << "";
    QTest::newRow("MARKET-DAY: 4 watermelons (exactly 100.00)") << market << QStringList{item(kWatermelon, 4)} << ""
                                                                << "" << qint64(200) << "MARKET-DAY";
    QTest::newRow("MARKET-DAY: watermelon 25.00 + tea 80.00, only the fruit line doubled")
        << market << QStringList{item(kWatermelon, 1), item(kBubbleTea, 5)} << ""
        << "" << qint64(130) << "MARKET-DAY";
    QTest::newRow("MARKET-DAY: eco apples 114.00 earn doubled green") << market << QStringList{item(kApples, 3)} << ""
                                                                      << "" << qint64(228) << "MARKET-DAY";
    QTest::newRow("MARKET-DAY 2027-01-27, the last one")
        << QDate(2027, 1, 27) << none << "100.00" << fruit << qint64(200) << "MARKET-DAY";
    QTest::newRow("TEA-WEEKEND Saturday: 2 teas 32.00 x1.5")
        << QDate(2026, 11, 28) << QStringList{item(kBubbleTea, 2)} << ""
        << "" << qint64(48) << "TEA-WEEKEND";
    QTest::newRow("TEA-WEEKEND Sunday: 2 teas 32.00 x1.5")
        << QDate(2026, 11, 29) << QStringList{item(kBubbleTea, 2)} << ""
        << "" << qint64(48) << "TEA-WEEKEND";
    QTest::newRow("Friday: 2 teas 32.00, no weekend bonus")
        << QDate(2026, 11, 27) << QStringList{item(kBubbleTea, 2)} << ""
        << "" << qint64(32) << "";
    QTest::newRow("TEA-WEEKEND Saturday: tea exactly 30.00")
        << QDate(2026, 11, 28) << none << "30.00" << tea << qint64(45) << "TEA-WEEKEND";
    QTest::newRow("TEA-WEEKEND Saturday: tea 29.99, below the minimum")
        << QDate(2026, 11, 28) << none << "29.99" << tea << qint64(29) << "";
    QTest::newRow("SPRING-2027 first day 01-28: general 10.00 doubled")
        << QDate(2027, 1, 28) << none << "10.00" << general << qint64(20) << "SPRING-2027";
    QTest::newRow("SPRING-2027 last day 02-14: general 10.00 doubled")
        << QDate(2027, 2, 14) << none << "10.00" << general << qint64(20) << "SPRING-2027";
    QTest::newRow("01-27, the day before spring: general 10.00")
        << QDate(2027, 1, 27) << none << "10.00" << general << qint64(10) << "";
    QTest::newRow("02-15, the day after spring: general 10.00")
        << QDate(2027, 2, 15) << none << "10.00" << general << qint64(10) << "";
    QTest::newRow("SPRING-2027: jewellery 100.00 doubled (every category)")
        << QDate(2027, 2, 1) << none << "100.00"
        << "jewellery" << qint64(200) << "SPRING-2027";
    QTest::newRow("never stacked: tea on a spring Saturday, 200% beats 150%")
        << QDate(2027, 1, 30) << QStringList{item(kBubbleTea, 2)} << ""
        << "" << qint64(64) << "SPRING-2027";
    QTest::newRow("never stacked: tea 30.00 on a spring Sunday")
        << QDate(2027, 1, 31) << none << "30.00" << tea << qint64(60) << "SPRING-2027";
}

void TestItemsPromotions::promotions()
{
    QFETCH(QDate, day);
    QFETCH(QStringList, items);
    QFETCH(QString, amount);
    QFETCH(QString, category);
    QFETCH(qint64, points);
    QFETCH(QString, promotion);

    JIFEN_FIXTURE(fx, day);
    JIFEN_VERIFY_OK(fx.addMember());
    auto r = items.isEmpty() ? fx.buy(u"s1"_s, amount, kPhone, category) : fx.buyItems(u"s1"_s, items);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(r->pointsEarned, Points(points));
    QCOMPARE(r->promotion, promotion);
    QCOMPARE(fx.balance(), points);
    if (!items.isEmpty()) {
        // Each doubled line names the promotion; the sale names the highest.
        for (const SaleLine& l : r->lines) {
            if (!l.promotion.isEmpty())
                QVERIFY2(l.promotion == promotion || promotion.isEmpty(), qPrintable(l.promotion));
        }
    }
    if (!promotion.isEmpty()) {
        // The journal records which promotion the sale's points were computed with.
        bool recorded = false;
        for (const JournalEntry& e : fx.entriesOf(EntryKind::Earn))
            recorded = recorded || e.detail.value(u"promotion"_s).toString() == promotion;
        QVERIFY2(recorded, "no earn entry records the promotion");
    }
    JIFEN_VERIFY_LEDGER(fx);
}

void TestItemsPromotions::minimumBillIsAfterOffset_data()
{
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("earned");
    QTest::addColumn<QString>("promotion");

    QTest::newRow("4 watermelons (100.00) less 1.00 offset: 99.00, no multiplier")
        << QStringList{item(kWatermelon, 4)} << qint64(100) << qint64(99) << "";
    QTest::newRow("5 watermelons (125.00) less 25.00 offset: exactly 100.00, doubled")
        << QStringList{item(kWatermelon, 5)} << qint64(2500) << qint64(200) << "MARKET-DAY";
}

void TestItemsPromotions::minimumBillIsAfterOffset()
{
    QFETCH(QStringList, items);
    QFETCH(qint64, offset);
    QFETCH(qint64, earned);
    QFETCH(QString, promotion);

    JIFEN_FIXTURE(fx, QDate(2026, 11, 20));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"float"_s, u"3000.00"_s));
    fx.setToday(QDate(2026, 11, 27));
    JIFEN_REQUIRE(r, fx.buyItems(u"s1"_s, items, kPhone, offset));
    QCOMPARE(r->pointsEarned, Points(earned));
    QCOMPARE(r->promotion, promotion);
    QCOMPARE(fx.balance(), 3000 - offset + earned);
}

void TestItemsPromotions::diamondDiscountOnCustomService_data()
{
    QTest::addColumn<QString>("earnedBefore"); // yuan earned (1 point per yuan) before, general
    QTest::addColumn<QString>("tier");
    QTest::addColumn<qint64>("discountFen");

    QTest::newRow("exactly 50,000 earned: diamond, 10% off") << "50000.00"
                                                             << "diamond" << qint64(100000);
    QTest::newRow("49,999 earned: gold, no discount") << "49999.00"
                                                      << "gold" << qint64(0);
    QTest::newRow("70,000 earned: diamond, 10% off") << "70000.00"
                                                     << "diamond" << qint64(100000);
}

void TestItemsPromotions::diamondDiscountOnCustomService()
{
    QFETCH(QString, earnedBefore);
    QFETCH(QString, tier);
    QFETCH(qint64, discountFen);

    JIFEN_FIXTURE(fx, QDate(2026, 11, 20));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"float"_s, earnedBefore));
    fx.setToday(QDate(2026, 11, 23));
    JIFEN_REQUIRE(m, fx.ledger->memberByPhone(kPhone));
    QCOMPARE(m->tierCode, tier);

    // The custom piece is discounted; the necklace (not custom) is not.
    JIFEN_REQUIRE(r, fx.buyItems(u"s1"_s, {item(kCustom, 1), item(kNecklace, 1)}));
    QCOMPARE(r->tier, tier);
    QCOMPARE(r->lines.size(), 2);
    QCOMPARE(r->lines.at(0).discount, Money::fromFen(discountFen));
    QCOMPARE(r->lines.at(0).total, Money::fromFen(1000000 - discountFen));
    QCOMPARE(r->lines.at(1).discount, Money());
    QCOMPARE(r->lines.at(1).total, Money::fromFen(500000));
    QCOMPARE(r->amount, Money::fromFen(1500000 - discountFen));
    QCOMPARE(r->pointsEarned, Points((1500000 - discountFen) / 100));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestItemsPromotions::redeemingNeverDemotes()
{
    JIFEN_FIXTURE(fx, QDate(2026, 11, 20));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"float"_s, u"50000.00"_s));
    JIFEN_VERIFY_OK(fx.redeem(u"r1"_s, u"JW-VOUCHER-1000"_s)); // 10000 points
    JIFEN_VERIFY_OK(fx.redeem(u"r2"_s, u"JW-VOUCHER-1000"_s));
    QCOMPARE(fx.balance(), qint64(30000));
    JIFEN_REQUIRE(m, fx.ledger->memberByPhone(kPhone));
    QCOMPARE(m->tierCode, u"diamond"_s);
    QCOMPARE(m->earned12m, Points(50000));
    JIFEN_REQUIRE(r, fx.buyItems(u"s1"_s, {item(kCustom, 1)}));
    QCOMPARE(r->lines.at(0).discount, Money::fromFen(100000));
}

void TestItemsPromotions::festivalRewards_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("reward");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("MOONCAKE-BOX the day before MID-AUTUMN (09-19)") << QDate(2026, 9, 19) << "MOONCAKE-BOX" << false;
    QTest::newRow("MOONCAKE-BOX on the first day (09-20)") << QDate(2026, 9, 20) << "MOONCAKE-BOX" << true;
    QTest::newRow("MOONCAKE-BOX on the last day (10-08)") << QDate(2026, 10, 8) << "MOONCAKE-BOX" << true;
    QTest::newRow("MOONCAKE-BOX the day after (10-09)") << QDate(2026, 10, 9) << "MOONCAKE-BOX" << false;
    QTest::newRow("SPRING-GIFT-BOX the day before SPRING-2027 (01-27)")
        << QDate(2027, 1, 27) << "SPRING-GIFT-BOX" << false;
    QTest::newRow("SPRING-GIFT-BOX on the first day (01-28)") << QDate(2027, 1, 28) << "SPRING-GIFT-BOX" << true;
    QTest::newRow("SPRING-GIFT-BOX on the last day (02-14)") << QDate(2027, 2, 14) << "SPRING-GIFT-BOX" << true;
    QTest::newRow("SPRING-GIFT-BOX the day after (02-15)") << QDate(2027, 2, 15) << "SPRING-GIFT-BOX" << false;
    QTest::newRow("SPRING-GIFT-BOX during mid-autumn") << QDate(2026, 10, 1) << "SPRING-GIFT-BOX" << false;
}

void TestItemsPromotions::festivalRewards()
{
    QFETCH(QDate, day);
    QFETCH(QString, reward);
    QFETCH(bool, allowed);

    JIFEN_FIXTURE(fx, QDate(2026, 9, 1));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"float"_s, u"5000.00"_s));
    fx.setToday(day);
    const qint64 before = fx.journalSize();
    const auto r = fx.redeem(u"r1"_s, reward);
    if (allowed) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->reward, reward);
        QCOMPARE(fx.balance(), 5000 - r->pointsSpent.value());
        return;
    }
    QVERIFY2(!r.ok(), "a festival reward was redeemed outside its festival");
    QCOMPARE(r.error().code, ErrorCode::Refused);
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(fx.balance(), qint64(5000));
}

QTEST_GUILESS_MAIN(TestItemsPromotions)
#include "tst_items_promotions.moc"
