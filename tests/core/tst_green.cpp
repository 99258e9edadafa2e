// Green points (绿色积分): eco-labelled goods earn green points into green lots; green-only rewards
// spend only green lots and ordinary rewards spend ordinary lots first; green actions (survey 50,
// training 100, share 30) need a manager's PIN and stop at the monthly cap of 300 per member.

#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

namespace {

// The lots a list of entries created (their own seq on terminal T1).
QList<LotRef> lotsOf(const QList<JournalEntry>& entries)
{
    QList<LotRef> refs;
    for (const JournalEntry& e : entries)
        refs.append(LotRef{e.terminalId, e.seq});
    return refs;
}

qint64 sumMoves(const JournalEntry& e)
{
    qint64 sum = 0;
    for (const LotMove& m : e.lots)
        sum += m.points.value();
    return sum;
}

} // namespace

class TestGreen : public QObject {
    Q_OBJECT
private slots:
    void ecoItemsEarnGreen_data();
    void ecoItemsEarnGreen();
    void greenOnlyRewardSpendsOnlyGreenLots_data();
    void greenOnlyRewardSpendsOnlyGreenLots();
    void ordinaryRewardSpendsOrdinaryLotsFirst();
    void actionPoints_data();
    void actionPoints();
    void actionNeedsManager_data();
    void actionNeedsManager();
    void monthlyCap_data();
    void monthlyCap();
    void capCountsActionsNotEcoGoods();
    void capStartsAgainNextMonth();
};

void TestGreen::ecoItemsEarnGreen_data()
{
    QTest::addColumn<QString>("kind"); // member kind
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<qint64>("ordinary");
    QTest::addColumn<qint64>("green");

    const QStringList apple{u"6901000000028:1"_s};                       // 有机苹果 38.00, eco
    const QStringList mixed{u"6901000000042:2"_s, u"6901000000035:1"_s}; // 洗衣液 2 x 29.90 eco, 大米 45.00
    const QStringList watermelon{u"6901000000011:1"_s};                  // 西瓜 25.00
    QTest::newRow("person: organic apples earn 38 green") << "person" << apple << qint64(0) << qint64(38);
    QTest::newRow("person: eco detergent x2 (59.80) green, rice ordinary")
        << "person" << mixed << qint64(45) << qint64(59);
    QTest::newRow("person: watermelon earns no green") << "person" << watermelon << qint64(25) << qint64(0);
    QTest::newRow("enterprise: organic apples earn 38 green") << "enterprise" << apple << qint64(0) << qint64(38);
    QTest::newRow("institution: eco detergent and rice") << "institution" << mixed << qint64(45) << qint64(59);
}

void TestGreen::ecoItemsEarnGreen()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, items);
    QFETCH(qint64, ordinary);
    QFETCH(qint64, green);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.ledger->addMember(NewMember{kPhone, QString(), u"绿色小学"_s, kind}));
    JIFEN_REQUIRE(r, fx.buyItems(u"s1"_s, items));
    QCOMPARE(r->pointsEarned, Points(ordinary + green));
    QCOMPARE(r->greenEarned, Points(green));
    QCOMPARE(r->deferred, Points(0));
    qint64 greenLines = 0;
    for (const SaleLine& line : r->lines) {
        if (line.eco)
            greenLines += line.points.value();
    }
    QCOMPARE(greenLines, green);
    QCOMPARE(fx.balance(), ordinary + green);
    QCOMPARE(fx.greenBalance(), green);

    // The green points sit in an earn entry of their own, whose lot is green.
    qint64 earnedGreen = 0;
    qint64 earnedAll = 0;
    bool greenEntry = false;
    for (const JournalEntry& e : fx.entriesOf(EntryKind::Earn)) {
        earnedGreen += e.greenPoints.value();
        earnedAll += e.points.value();
        if (e.greenPoints.value() > 0) {
            greenEntry = true;
            QCOMPARE(e.greenPoints, e.points); // a green entry holds green points only
        }
    }
    QCOMPARE(earnedGreen, green);
    QCOMPARE(earnedAll, ordinary + green);
    QCOMPARE(greenEntry, green > 0);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestGreen::greenOnlyRewardSpendsOnlyGreenLots_data()
{
    QTest::addColumn<QString>("reward");
    QTest::addColumn<qint64>("price");
    QTest::newRow("ECO-BAG (goods) 200") << "ECO-BAG" << qint64(200);
    QTest::newRow("LOW-CARBON-TRIP (partner) 300") << "LOW-CARBON-TRIP" << qint64(300);
}

void TestGreen::greenOnlyRewardSpendsOnlyGreenLots()
{
    QFETCH(QString, reward);
    QFETCH(qint64, price);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"1000.00"_s)); // 1000 ordinary points
    JIFEN_VERIFY_OK(fx.green(u"g1"_s, u"training"_s));
    JIFEN_VERIFY_OK(fx.green(u"g2"_s, u"training"_s));
    JIFEN_VERIFY_OK(fx.green(u"g3"_s, u"training"_s)); // 300 green points in three lots
    QCOMPARE(fx.balance(), qint64(1300));
    QCOMPARE(fx.greenBalance(), qint64(300));
    const QList<LotRef> greenLots = lotsOf(fx.entriesOf(EntryKind::GreenGrant));
    QCOMPARE(greenLots.size(), 3);

    JIFEN_REQUIRE(r, fx.redeem(u"r1"_s, reward));
    QCOMPARE(r->pointsSpent, Points(price));
    QCOMPARE(fx.greenBalance(), 300 - price);
    QCOMPARE(fx.balance(), 1300 - price); // the ordinary 1000 untouched
    const auto redeem = fx.lastEntry();
    QVERIFY(redeem);
    QCOMPARE(redeem->kind, EntryKind::Redeem);
    QCOMPARE(redeem->greenPoints, Points(-price));
    QCOMPARE(sumMoves(*redeem), -price);
    for (const LotMove& m : redeem->lots)
        QVERIFY2(greenLots.contains(m.lot), qPrintable(m.lot.toString() + u" is not a green lot"_s));

    // What is left in green lots is not enough for a second one, however many ordinary points.
    const qint64 before = fx.journalSize();
    const auto again = fx.redeem(u"r2"_s, reward);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Refused);
    QCOMPARE(fx.journalSize(), before);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestGreen::ordinaryRewardSpendsOrdinaryLotsFirst()
{
    // The green lot is older (expires first), yet the ordinary one is spent first.
    JIFEN_FIXTURE(fx, QDate(2026, 10, 15));
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_REQUIRE(g, fx.green(u"g1"_s, u"training"_s)); // 100 green, October
    QCOMPARE(g->points, Points(100));
    fx.setToday(QDate(2026, 11, 23));
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"450.00"_s)); // 450 ordinary, November
    const qint64 greenSeq = fx.entriesOf(EntryKind::GreenGrant).first().seq;
    const qint64 earnSeq = fx.entriesOf(EntryKind::Earn).last().seq;

    JIFEN_REQUIRE(r, fx.redeem(u"r1"_s, u"FRUIT-BOX"_s)); // 500 points
    QCOMPARE(r->pointsSpent, Points(500));
    const auto redeem = fx.lastEntry();
    QVERIFY(redeem);
    QCOMPARE(redeem->lots, (QList<LotMove>{LotMove{LotRef{u"T1"_s, earnSeq}, Points(-450)},
                                           LotMove{LotRef{u"T1"_s, greenSeq}, Points(-50)}}));
    QCOMPARE(redeem->greenPoints, Points(-50));
    QCOMPARE(fx.balance(), qint64(50));
    QCOMPARE(fx.greenBalance(), qint64(50));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestGreen::actionPoints_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("action");
    QTest::addColumn<qint64>("points");

    QTest::newRow("person: eco survey 50") << "person"
                                           << "survey" << qint64(50);
    QTest::newRow("person: eco training 100") << "person"
                                              << "training" << qint64(100);
    QTest::newRow("person: sharing 30") << "person"
                                        << "share" << qint64(30);
    QTest::newRow("enterprise: eco training 100") << "enterprise"
                                                  << "training" << qint64(100);
    QTest::newRow("institution (school): sharing 30") << "institution"
                                                      << "share" << qint64(30);
    QTest::newRow("institution (community): survey 50") << "institution"
                                                        << "survey" << qint64(50);
}

void TestGreen::actionPoints()
{
    QFETCH(QString, kind);
    QFETCH(QString, action);
    QFETCH(qint64, points);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.ledger->addMember(NewMember{kPhone, QString(), u"阳光社区"_s, kind}));
    JIFEN_REQUIRE(r, fx.green(u"g1"_s, action));
    QCOMPARE(r->action, action);
    QCOMPARE(r->points, Points(points));
    QCOMPARE(r->deferred, Points(0));
    QCOMPARE(r->balance, Points(points));
    QCOMPARE(r->greenBalance, Points(points));
    QCOMPARE(r->approvedBy, kManagerName);
    QCOMPARE(fx.balance(), points);
    QCOMPARE(fx.greenBalance(), points);

    const auto e = fx.lastEntry();
    QVERIFY(e);
    QCOMPARE(e->kind, EntryKind::GreenGrant);
    QCOMPARE(entryKindName(e->kind), u"green-grant"_s);
    QCOMPARE(e->points, Points(points));
    QCOMPARE(e->greenPoints, Points(points));
    QCOMPARE(e->lots, (QList<LotMove>{LotMove{LotRef{u"T1"_s, e->seq}, Points(points)}}));
    QCOMPARE(e->detail.value(u"approved_by"_s).toString(), kManagerName);

    // A retry with the same reference grants nothing more.
    JIFEN_REQUIRE(again, fx.green(u"g1"_s, action));
    QCOMPARE(again->points, Points(points));
    QCOMPARE(fx.greenBalance(), points);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestGreen::actionNeedsManager_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<int>("code");

    QTest::newRow("no PIN") << "training"
                            << "" << int(ErrorCode::Refused);
    QTest::newRow("wrong PIN") << "training"
                               << "0000" << int(ErrorCode::Refused);
    QTest::newRow("a cashier's PIN") << "training"
                                     << "1357" << int(ErrorCode::Refused);
    QTest::newRow("unknown action, manager's PIN") << "planting" << QString(kApproverPin) << 0; // any error
    QTest::newRow("empty action, manager's PIN") << "" << QString(kApproverPin) << 0;
}

void TestGreen::actionNeedsManager()
{
    QFETCH(QString, action);
    QFETCH(QString, pin);
    QFETCH(int, code);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addCashier(u"小李"_s, u"1357"_s));
    JIFEN_VERIFY_OK(fx.addMember());
    const qint64 before = fx.journalSize();
    const auto r = fx.green(u"g1"_s, action, kPhone, pin);
    QVERIFY2(!r.ok(), "the green action was granted");
    if (code != 0)
        QCOMPARE(int(r.error().code), code);
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(fx.greenBalance(), qint64(0));
    // The reference is still free.
    JIFEN_REQUIRE(ok, fx.green(u"g1"_s, u"share"_s));
    QCOMPARE(ok->points, Points(30));
}

void TestGreen::monthlyCap_data()
{
    QTest::addColumn<QStringList>("actions"); // granted in order, all in November
    QTest::addColumn<bool>("lastGranted");
    QTest::addColumn<qint64>("total"); // green points from actions afterwards

    const QString t = u"training"_s, s = u"survey"_s, h = u"share"_s;
    QTest::newRow("training x3 reaches exactly 300") << QStringList{t, t, t} << true << qint64(300);
    QTest::newRow("training x3 then share: refused") << QStringList{t, t, t, h} << false << qint64(300);
    QTest::newRow("share x10 reaches exactly 300") << QStringList(10, h) << true << qint64(300);
    QTest::newRow("share x11: the eleventh refused") << QStringList(11, h) << false << qint64(300);
    QTest::newRow("250 then survey reaches exactly 300") << QStringList{t, t, s, s} << true << qint64(300);
    QTest::newRow("290 then survey (would be 340): refused") << QStringList{t, t, h, h, h, s} << false << qint64(290);
    QTest::newRow("290 then share (would be 320): refused") << QStringList{t, t, h, h, h, h} << false << qint64(290);
}

void TestGreen::monthlyCap()
{
    QFETCH(QStringList, actions);
    QFETCH(bool, lastGranted);
    QFETCH(qint64, total);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addMember());
    qint64 journal = fx.journalSize();
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const auto r = fx.green(u"g%1"_s.arg(i), actions.at(i));
        if (i + 1 < actions.size() || lastGranted) {
            QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(u"action %1: "_s.arg(i) + r.error().message));
            QCOMPARE(fx.journalSize(), ++journal);
            continue;
        }
        QVERIFY2(!r.ok(), "the action past the monthly cap was granted");
        QCOMPARE(r.error().code, ErrorCode::Refused);
        QVERIFY2(r.error().message.contains(u"300"_s), qPrintable(r.error().message));
        QCOMPARE(fx.journalSize(), journal);
    }
    QCOMPARE(fx.greenBalance(), total);
    QCOMPARE(fx.balance(), total);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestGreen::capCountsActionsNotEcoGoods()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_REQUIRE(sale, fx.buyItems(u"s1"_s, {u"6901000000028:3"_s})); // 114 green from eco goods
    QCOMPARE(sale->greenEarned, Points(114));
    for (int i = 0; i < 3; ++i)
        JIFEN_VERIFY_OK(fx.green(u"g%1"_s.arg(i), u"training"_s));
    QCOMPARE(fx.greenBalance(), qint64(414));
    JIFEN_VERIFY_ERROR(fx.green(u"g9"_s, u"share"_s), ErrorCode::Refused);
    // Eco goods still earn green past the action cap.
    JIFEN_REQUIRE(more, fx.buyItems(u"s2"_s, {u"6901000000028:1"_s}));
    QCOMPARE(more->greenEarned, Points(38));
    QCOMPARE(fx.greenBalance(), qint64(452));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestGreen::capStartsAgainNextMonth()
{
    // The cap counts per business month in China time: 23:59 on 30 November is still November.
    JIFEN_FIXTURE(fx, QDate(2026, 11, 30));
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addMember());
    fx.setToday(QDate(2026, 11, 30), QTime(23, 59, 0));
    for (int i = 0; i < 3; ++i)
        JIFEN_VERIFY_OK(fx.green(u"nov%1"_s.arg(i), u"training"_s));
    JIFEN_VERIFY_ERROR(fx.green(u"nov-share"_s, u"share"_s), ErrorCode::Refused);

    fx.setToday(QDate(2026, 12, 1), QTime(0, 0, 0));
    JIFEN_REQUIRE(dec, fx.green(u"dec-share"_s, u"share"_s));
    QCOMPARE(dec->points, Points(30));
    for (int i = 0; i < 2; ++i)
        JIFEN_VERIFY_OK(fx.green(u"dec%1"_s.arg(i), u"training"_s));
    JIFEN_VERIFY_OK(fx.green(u"dec-survey"_s, u"survey"_s)); // 30 + 200 + 50 = 280
    JIFEN_VERIFY_ERROR(fx.green(u"dec-survey2"_s, u"survey"_s), ErrorCode::Refused);
    QCOMPARE(fx.greenBalance(), qint64(580));
    JIFEN_VERIFY_LEDGER(fx);
}

QTEST_GUILESS_MAIN(TestGreen)
#include "tst_green.moc"
