// The checkout's preview (previewSale) must say exactly what Ledger::sale then commits: the same
// bill, offset, paid amount, points, green points and promotion, line by line.

#include "fixture.h"
#include "sale_preview.h"

using namespace jifen;
using namespace jifen::test;

class TstSalePreview : public QObject {
    Q_OBJECT
private slots:
    void previewMatchesSale_data();
    void previewMatchesSale();
    void refusals_data();
    void refusals();
    void maxOffset();
};

namespace {

const QString kWatermelon = u"6901000000011"_s;
const QString kApple = u"6901000000028"_s; // eco
const QString kRice = u"6901000000035"_s;
const QString kCustom = u"6901000000073"_s; // custom service, not offset-eligible
const QString kTea = u"6901000000080"_s;

QList<CartItem> cart(std::initializer_list<std::pair<QString, qint64>> items)
{
    QList<CartItem> out;
    for (const auto& [sku, qty] : items)
        out.append(CartItem{sku, qty, std::nullopt});
    return out;
}

} // namespace

void TstSalePreview::previewMatchesSale_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QList<CartItem>>("items");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<bool>("member");
    QTest::addColumn<qint64>("priorEarn"); // points earned before, in yuan of a general sale

    const QDate plain(2026, 11, 23);
    const QDate marketDay(2026, 11, 27);
    const QDate saturday(2026, 11, 28);
    QTest::newRow("one item") << plain << cart({{kWatermelon, 2}}) << QString() << qint64(0) << true << qint64(0);
    QTest::newRow("mixed eco and ordinary")
        << plain << cart({{kWatermelon, 2}, {kApple, 1}}) << QString() << qint64(0) << true << qint64(0);
    QTest::newRow("market day doubles over 100 yuan")
        << marketDay << cart({{kWatermelon, 3}, {kRice, 1}}) << QString() << qint64(0) << true << qint64(0);
    QTest::newRow("market day under the threshold")
        << marketDay << cart({{kWatermelon, 1}}) << QString() << qint64(0) << true << qint64(0);
    QTest::newRow("tea weekend 1.5x") << saturday << cart({{kTea, 2}}) << QString() << qint64(0) << true << qint64(0);
    QTest::newRow("offset spread over lines")
        << plain << cart({{kWatermelon, 3}, {kApple, 2}}) << QString() << qint64(3000) << true << qint64(5000);
    QTest::newRow("offset with a non-eligible line")
        << plain << cart({{kCustom, 1}, {kWatermelon, 1}}) << QString() << qint64(2000) << true << qint64(3000);
    QTest::newRow("amount only") << plain << QList<CartItem>() << u"123.45"_s << qint64(0) << true << qint64(0);
    QTest::newRow("amount only with offset")
        << plain << QList<CartItem>() << u"88.80"_s << qint64(5000) << true << qint64(6000);
    QTest::newRow("no member earns nothing")
        << plain << cart({{kWatermelon, 4}}) << QString() << qint64(0) << false << qint64(0);
}

void TstSalePreview::previewMatchesSale()
{
    QFETCH(QDate, day);
    QFETCH(QList<CartItem>, items);
    QFETCH(QString, amount);
    QFETCH(qint64, offset);
    QFETCH(bool, member);
    QFETCH(qint64, priorEarn);

    Fixture f(day);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.addMember());
    if (priorEarn > 0)
        QVERIFY(f.sale(u"PRIOR"_s, QString::number(priorEarn)));
    auto rules = f.ledger->rules();
    QVERIFY(rules);
    auto summary = f.ledger->memberByPhone(kPhone);
    QVERIFY(summary);
    auto ident = f.ledger->identity();
    QVERIFY(ident);

    SalePreviewInput in;
    in.items = items;
    if (!amount.isEmpty())
        in.amount = Money::parseYuan(amount).value();
    in.merchantCategory = ident->merchantCategory;
    in.member = member;
    in.tierCode = summary->tierCode;
    in.offsetPoints = offset;
    in.day = f.clock.today();
    auto preview = previewSale(rules.value(), in);
    QVERIFY2(preview, qPrintable(preview ? QString() : preview.error().message));

    SaleRequest r;
    r.ref = u"S-1"_s;
    r.phone = member ? kPhone : QString();
    r.amount = amount;
    r.items = saleItems(items);
    r.offsetPoints = offset;
    auto sale = f.ledger->sale(r);
    QVERIFY2(sale, qPrintable(sale ? QString() : sale.error().message));

    QCOMPARE(preview->amount, sale->amount);
    QCOMPARE(preview->offsetAmount, sale->offsetAmount);
    QCOMPARE(preview->paid, sale->paid);
    QCOMPARE(preview->points, sale->pointsEarned + sale->deferred);
    QCOMPARE(preview->green, sale->greenEarned);
    QCOMPARE(preview->promotion, sale->promotion);
    if (!items.isEmpty()) {
        QCOMPARE(preview->lines.size(), sale->lines.size());
        for (qsizetype i = 0; i < preview->lines.size(); ++i) {
            QCOMPARE(preview->lines[i].total, sale->lines[i].total);
            QCOMPARE(preview->lines[i].offset, sale->lines[i].offset);
            QCOMPARE(preview->lines[i].points, sale->lines[i].points);
        }
    }
    QVERIFY(preview->points.value() > 0 || !member);
}

void TstSalePreview::refusals_data()
{
    QTest::addColumn<QList<CartItem>>("items");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<bool>("member");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("unknown sku") << cart({{u"999"_s, 1}}) << qint64(0) << true << ErrorCode::NotFound;
    QTest::newRow("quantity zero") << cart({{kWatermelon, 0}}) << qint64(0) << true << ErrorCode::BadInput;
    QTest::newRow("offset not whole yuan") << cart({{kWatermelon, 1}}) << qint64(150) << true << ErrorCode::BadInput;
    QTest::newRow("offset without member") << cart({{kWatermelon, 1}}) << qint64(100) << false << ErrorCode::BadInput;
    QTest::newRow("offset above the bill") << cart({{kWatermelon, 1}}) << qint64(2600) << true << ErrorCode::Refused;
    QTest::newRow("empty cart") << QList<CartItem>() << qint64(0) << true << ErrorCode::BadInput;
}

void TstSalePreview::refusals()
{
    QFETCH(QList<CartItem>, items);
    QFETCH(qint64, offset);
    QFETCH(bool, member);
    QFETCH(ErrorCode, code);
    auto rules = RuleSet::fromJson(RuleSet::builtinDefaultJson());
    QVERIFY(rules);
    SalePreviewInput in;
    in.items = items;
    in.merchantCategory = u"fruit"_s;
    in.member = member;
    in.offsetPoints = offset;
    in.day = QDate(2026, 11, 23);
    auto preview = previewSale(rules.value(), in);
    QVERIFY(!preview);
    QCOMPARE(preview.error().code, code);
}

void TstSalePreview::maxOffset()
{
    auto rules = RuleSet::fromJson(RuleSet::builtinDefaultJson());
    QVERIFY(rules);
    QCOMPARE(maxOffsetPoints(rules.value(), Money::fromFen(2550), Points(10000)), 2500); // by the bill
    QCOMPARE(maxOffsetPoints(rules.value(), Money::fromFen(99900), Points(1234)), 1200); // by the balance
    QCOMPARE(maxOffsetPoints(rules.value(), Money::fromFen(99900), Points(-50)), 0);     // in debt
}

QTEST_GUILESS_MAIN(TstSalePreview)
#include "tst_sale_preview.moc"
