// Loading a rule set (compliance lines 3 and 5): refused when it is not newer, turns points into
// cash, prices the offset above face value or gives points interest; malformed JSON or fields are
// bad input. A valid newer set becomes active, stocks its new rewards, and entries record the
// version they were computed with.

#include "fixture.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace jifen;
using namespace jifen::test;

namespace {

QJsonObject defaultRules()
{
    return QJsonDocument::fromJson(RuleSet::builtinDefaultJson()).object();
}

QByteArray toBytes(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The default rules at `version`, changed by `change`.
QByteArray variant(const QString& change, int version = 2)
{
    QJsonObject root = defaultRules();
    root.insert(u"version"_s, version);
    if (change == u"cash reward"_s) {
        QJsonArray catalog = root.value(u"catalog"_s).toArray();
        catalog.append(QJsonObject{
            {u"code"_s, u"CASH-10"_s}, {u"name"_s, u"现金10元"_s}, {u"kind"_s, u"cash"_s}, {u"points"_s, 1000}});
        root.insert(u"catalog"_s, catalog);
    } else if (change == u"cash value"_s) {
        QJsonArray catalog = root.value(u"catalog"_s).toArray();
        QJsonObject voucher = catalog.at(0).toObject();
        voucher.insert(u"cash_value"_s, 50);
        catalog.replace(0, voucher);
        root.insert(u"catalog"_s, catalog);
    } else if (change == u"offset 99"_s) {
        root.insert(u"offset"_s, QJsonObject{{u"points_per_yuan"_s, 99}});
    } else if (change == u"interest"_s) {
        root.insert(u"interest_rate"_s, 0.02);
    } else if (change == u"fractional rate"_s) {
        QJsonObject earn = root.value(u"earn"_s).toObject();
        QJsonObject cats = earn.value(u"categories"_s).toObject();
        QJsonObject general = cats.value(u"general"_s).toObject();
        general.insert(u"rate"_s, 1.5);
        cats.insert(u"general"_s, general);
        earn.insert(u"categories"_s, cats);
        root.insert(u"earn"_s, earn);
    } else if (change == u"product category"_s) {
        QJsonArray products = root.value(u"products"_s).toArray();
        QJsonObject p = products.at(0).toObject();
        p.insert(u"category"_s, u"spaceship"_s);
        products.replace(0, p);
        root.insert(u"products"_s, products);
    } else if (change == u"promotion category"_s) {
        QJsonArray promotions = root.value(u"promotions"_s).toArray();
        QJsonObject p = promotions.at(0).toObject();
        p.insert(u"categories"_s, QJsonArray{u"fruit"_s, u"spaceship"_s});
        promotions.replace(0, p);
        root.insert(u"promotions"_s, promotions);
    } else if (change == u"newer"_s) {
        // General earns 2 per yuan; a new stocked reward.
        QJsonObject earn = root.value(u"earn"_s).toObject();
        QJsonObject cats = earn.value(u"categories"_s).toObject();
        QJsonObject general = cats.value(u"general"_s).toObject();
        general.insert(u"rate"_s, 2);
        cats.insert(u"general"_s, general);
        earn.insert(u"categories"_s, cats);
        root.insert(u"earn"_s, earn);
        QJsonArray catalog = root.value(u"catalog"_s).toArray();
        catalog.append(QJsonObject{{u"code"_s, u"TEA-SET"_s},
                                   {u"name"_s, u"紫砂茶具"_s},
                                   {u"kind"_s, u"goods"_s},
                                   {u"points"_s, 2500},
                                   {u"stock"_s, 7}});
        root.insert(u"catalog"_s, catalog);
    }
    return toBytes(root);
}

qint64 stockOf(Ledger& ledger, const QString& code)
{
    auto c = ledger.catalogWithStock();
    if (!c)
        return -2;
    for (const auto& [reward, stock] : c.value()) {
        if (reward.code == code)
            return stock;
    }
    return -3;
}

} // namespace

class TestRulesLoad : public QObject {
    Q_OBJECT
private slots:
    void refusals_data();
    void refusals();
    void newerRuleSetBecomesActive();
    void entriesRecordTheirVersion();
};

void TestRulesLoad::refusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("code");

    QTest::newRow("version 1 again: not newer") << variant(QString(), 1) << int(ErrorCode::Refused);
    QTest::newRow("a cash reward") << variant(u"cash reward"_s) << int(ErrorCode::Refused);
    QTest::newRow("a reward with a cash_value") << variant(u"cash value"_s) << int(ErrorCode::Refused);
    QTest::newRow("offset at 99 points per yuan (above face value)")
        << variant(u"offset 99"_s) << int(ErrorCode::Refused);
    QTest::newRow("an interest_rate") << variant(u"interest"_s) << int(ErrorCode::Refused);
    QTest::newRow("malformed JSON") << QByteArray("{\"format\": 1, \"version\": 2,") << int(ErrorCode::BadInput);
    QTest::newRow("not an object") << QByteArray("[1, 2, 3]") << int(ErrorCode::BadInput);
    QTest::newRow("a fractional earn rate") << variant(u"fractional rate"_s) << int(ErrorCode::BadInput);
    QTest::newRow("a product in an unknown category") << variant(u"product category"_s) << int(ErrorCode::BadInput);
    QTest::newRow("a promotion for an unknown category")
        << variant(u"promotion category"_s) << int(ErrorCode::BadInput);
}

void TestRulesLoad::refusals()
{
    QFETCH(QByteArray, json);
    QFETCH(int, code);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    const auto r = fx.ledger->loadRules(json);
    QVERIFY2(!r.ok(), "the rule set was loaded");
    QCOMPARE(int(r.error().code), code);
    // Nothing changed: version 1 still earns 1 point per yuan.
    JIFEN_REQUIRE(active, fx.ledger->rules());
    QCOMPARE(active->version(), 1);
    QCOMPARE(active->offsetPointsPerYuan(), qint64(100));
    QVERIFY(!active->reward(u"CASH-10"_s));
    JIFEN_REQUIRE(s, fx.buy(u"s1"_s, u"100.00"_s));
    QCOMPARE(s->pointsEarned, Points(100));
    QCOMPARE(fx.lastEntry()->rulesetVersion, 1);
}

void TestRulesLoad::newerRuleSetBecomesActive()
{
    JIFEN_FIXTURE(fx);
    QCOMPARE(stockOf(*fx.ledger, u"TEA-SET"_s), qint64(-3));
    JIFEN_REQUIRE(loaded, fx.ledger->loadRules(variant(u"newer"_s)));
    QCOMPARE(loaded->version(), 2);
    JIFEN_REQUIRE(active, fx.ledger->rules());
    QCOMPARE(active->version(), 2);
    QVERIFY(active->reward(u"TEA-SET"_s));
    QCOMPARE(active->category(u"general"_s)->rate, qint64(2));
    QCOMPARE(stockOf(*fx.ledger, u"TEA-SET"_s), qint64(7));
    QCOMPARE(stockOf(*fx.ledger, u"FRUIT-BOX"_s), qint64(50));

    // Loading the same version again is refused; a version 3 is accepted.
    JIFEN_VERIFY_ERROR(fx.ledger->loadRules(variant(u"newer"_s)), ErrorCode::Refused);
    JIFEN_VERIFY_ERROR(fx.ledger->loadRules(variant(QString(), 1)), ErrorCode::Refused);
    JIFEN_REQUIRE(v3, fx.ledger->loadRules(variant(QString(), 3)));
    QCOMPARE(v3->version(), 3);
    JIFEN_REQUIRE(now, fx.ledger->rules());
    QCOMPARE(now->version(), 3);
    QCOMPARE(now->category(u"general"_s)->rate, qint64(1));
}

void TestRulesLoad::entriesRecordTheirVersion()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_REQUIRE(before, fx.buy(u"s1"_s, u"100.00"_s));
    QCOMPARE(before->pointsEarned, Points(100));
    QCOMPARE(fx.lastEntry()->rulesetVersion, 1);

    JIFEN_VERIFY_OK(fx.ledger->loadRules(variant(u"newer"_s)));
    JIFEN_REQUIRE(after, fx.buy(u"s2"_s, u"1200.00"_s));
    QCOMPARE(after->pointsEarned, Points(2400)); // general now earns 2 per yuan
    const auto e = fx.lastEntry();
    QVERIFY(e);
    QCOMPARE(e->kind, EntryKind::Earn);
    QCOMPARE(e->rulesetVersion, 2);
    // The new reward can be redeemed and its stock goes down.
    JIFEN_REQUIRE(r, fx.redeem(u"r1"_s, u"TEA-SET"_s));
    QCOMPARE(r->pointsSpent, Points(2500));
    QCOMPARE(fx.balance(), qint64(0));
    QCOMPARE(stockOf(*fx.ledger, u"TEA-SET"_s), qint64(6));
    QCOMPARE(fx.lastEntry()->rulesetVersion, 2);
    // Earlier entries keep the version they were computed with.
    QCOMPARE(fx.entriesOf(EntryKind::Earn).first().rulesetVersion, 1);
    JIFEN_VERIFY_LEDGER(fx);
}

QTEST_GUILESS_MAIN(TestRulesLoad)
#include "tst_rules_load.moc"
