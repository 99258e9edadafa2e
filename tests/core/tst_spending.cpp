// Spending order: redemptions consume lots first-expiring-first (by valid-through date, not by
// when the lot was created); green-only rewards take green lots only.
//
// Waiting for green earning (issue 3): no operation creates green lots yet, and writing one behind
// the ledger's back would break verify(). When green earning lands, add here:
//  - an ordinary reward consumes all ordinary lots before any green lot (ORDER BY green, ...);
//  - ECO-BAG / LOW-CARBON-TRIP consume green lots first-expiring-first and never ordinary ones;
//  - JournalEntry::greenPoints of the redeem entry equals the green part of its lot moves.
// Until then only the green-only refusal with ordinary points is testable.

#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

namespace {

// "1:-300,3:-200" -> lot moves on terminal T1.
QList<LotMove> movesFromSpec(const QString& spec)
{
    QList<LotMove> moves;
    for (const QString& part : spec.split(u',', Qt::SkipEmptyParts)) {
        const auto fields = part.split(u':');
        moves.append(LotMove{LotRef{u"T1"_s, fields.at(0).toLongLong()}, Points(fields.at(1).toLongLong())});
    }
    return moves;
}

} // namespace

class TestSpending : public QObject {
    Q_OBJECT
private slots:
    void firstExpiringFirst_data();
    void firstExpiringFirst();
    void greenOnlyRefusedWithOrdinaryPoints_data();
    void greenOnlyRefusedWithOrdinaryPoints();
    void refusedRedemptions_data();
    void refusedRedemptions();

private:
    // Three 300-point lots: seq 1 general (2026-01-10, valid through 2029-01-31), seq 2 jewellery
    // (2026-01-15, valid through 2031-01-31), seq 3 general (2026-03-05, valid through 2029-03-31).
    static bool threeLots(Fixture& fx);
};

bool TestSpending::threeLots(Fixture& fx)
{
    fx.setToday(QDate(2026, 1, 10));
    if (!fx.addMember() || !fx.sale(u"jan"_s, u"300.00"_s))
        return false;
    fx.setToday(QDate(2026, 1, 15));
    if (!fx.sale(u"jan-jewel"_s, u"300.00"_s, kPhone, 0, u"jewellery"_s))
        return false;
    fx.setToday(QDate(2026, 3, 5));
    if (!fx.sale(u"mar"_s, u"300.00"_s))
        return false;
    fx.setToday(QDate(2026, 3, 10));
    return fx.balance() == 900;
}

void TestSpending::firstExpiringFirst_data()
{
    QTest::addColumn<QStringList>("redemptions"); // "CODE" or "CODE*qty", in order
    QTest::addColumn<QDate>("lastOn");            // date of the last redemption
    QTest::addColumn<QString>("lastMoves");       // lot moves of the last redemption

    const QDate march(2026, 3, 10);
    QTest::newRow("300 points: the Jan lot whole") << QStringList{u"FRUIT-WASH"_s} << march << "1:-300";
    QTest::newRow("500 points: Jan then Mar, not the older jewellery lot")
        << QStringList{u"FRUIT-BOX"_s} << march << "1:-300,3:-200";
    QTest::newRow("a second spend continues with Mar, then jewellery")
        << QStringList{u"FRUIT-BOX"_s, u"FRUIT-WASH"_s} << march << "3:-100,2:-200";
    QTest::newRow("quantity 2 (600 points): Jan and Mar") << QStringList{u"FRUIT-WASH*2"_s} << march << "1:-300,3:-300";
    QTest::newRow("everything (900 points): Jan, Mar, jewellery")
        << QStringList{u"FRUIT-WASH*3"_s} << march << "1:-300,3:-300,2:-300";
    QTest::newRow("after Jan expires, Mar comes first")
        << QStringList{u"FRUIT-WASH"_s} << QDate(2029, 2, 1) << "3:-300";
    QTest::newRow("after Jan and Mar expire, jewellery is left")
        << QStringList{u"FRUIT-WASH"_s} << QDate(2029, 4, 1) << "2:-300";
}

void TestSpending::firstExpiringFirst()
{
    QFETCH(QStringList, redemptions);
    QFETCH(QDate, lastOn);
    QFETCH(QString, lastMoves);

    JIFEN_FIXTURE(fx);
    QVERIFY(threeLots(fx));
    int n = 0;
    qint64 spent = 0;
    for (const QString& spec : redemptions) {
        const auto parts = spec.split(u'*');
        const qint64 qty = parts.size() > 1 ? parts.at(1).toLongLong() : 1;
        if (++n == redemptions.size())
            fx.setToday(lastOn);
        JIFEN_REQUIRE(r, fx.redeem(u"r%1"_s.arg(n), parts.at(0), kPhone, qty));
        spent += r->pointsSpent.value();
    }
    const auto entries = fx.entries();
    const auto redeem = std::find_if(entries.crbegin(), entries.crend(),
                                     [](const JournalEntry& e) { return e.kind == EntryKind::Redeem; });
    QVERIFY(redeem != entries.crend());
    QCOMPARE(redeem->lots, movesFromSpec(lastMoves));
    // The moves add up to the price, and the ordinary lots hold no green points.
    qint64 moved = 0;
    for (const LotMove& m : redeem->lots)
        moved += m.points.value();
    QCOMPARE(moved, redeem->points.value());
    QCOMPARE(redeem->greenPoints, Points(0));

    qint64 expired = 0;
    for (const JournalEntry& e : entries) {
        if (e.kind == EntryKind::Expire)
            expired -= e.points.value();
    }
    QCOMPARE(fx.balance(), 900 - spent - expired);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestSpending::greenOnlyRefusedWithOrdinaryPoints_data()
{
    QTest::addColumn<QString>("reward");
    QTest::addColumn<qint64>("price");
    QTest::newRow("ECO-BAG (goods, stocked)") << "ECO-BAG" << qint64(200);
    QTest::newRow("LOW-CARBON-TRIP (partner)") << "LOW-CARBON-TRIP" << qint64(300);
}

void TestSpending::greenOnlyRefusedWithOrdinaryPoints()
{
    QFETCH(QString, reward);
    QFETCH(qint64, price);

    JIFEN_FIXTURE(fx);
    QVERIFY(threeLots(fx)); // 900 ordinary points, far more than the price
    JIFEN_REQUIRE(catalogBefore, fx.ledger->catalogWithStock());
    const auto entry = std::find_if(catalogBefore->cbegin(), catalogBefore->cend(),
                                    [&](const auto& p) { return p.first.code == reward; });
    QVERIFY(entry != catalogBefore->cend());
    QVERIFY(entry->first.greenOnly);
    QCOMPARE(entry->first.points, Points(price));
    const qint64 before = fx.journalSize();

    const auto r = fx.redeem(u"g1"_s, reward);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Refused);
    QVERIFY2(r.error().message.contains(u"green points only"_s), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(u"green balance 0"_s), qPrintable(r.error().message));
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(fx.balance(), qint64(900));
    JIFEN_REQUIRE(catalogAfter, fx.ledger->catalogWithStock());
    QCOMPARE(catalogAfter->size(), catalogBefore->size());
    for (qsizetype i = 0; i < catalogBefore->size(); ++i)
        QCOMPARE(catalogAfter->at(i).second, catalogBefore->at(i).second);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestSpending::refusedRedemptions_data()
{
    QTest::addColumn<QString>("reward");
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("not enough points (VOUCHER-50 costs 1000)")
        << "VOUCHER-50" << qint64(1) << int(ErrorCode::Refused) << "not enough points";
    QTest::newRow("above 10000 points needs a manager (21 FRUIT-BOX)")
        << "FRUIT-BOX" << qint64(21) << int(ErrorCode::Refused) << "manager";
    QTest::newRow("quantity 0") << "FRUIT-WASH" << qint64(0) << int(ErrorCode::BadInput) << "quantity";
    QTest::newRow("quantity 101") << "FRUIT-WASH" << qint64(101) << int(ErrorCode::BadInput) << "quantity";
    QTest::newRow("unknown reward") << "GOLD-BAR" << qint64(1) << int(ErrorCode::NotFound) << "GOLD-BAR";
}

void TestSpending::refusedRedemptions()
{
    QFETCH(QString, reward);
    QFETCH(qint64, quantity);
    QFETCH(int, code);
    QFETCH(QString, message);

    JIFEN_FIXTURE(fx);
    QVERIFY(threeLots(fx));
    const qint64 before = fx.journalSize();
    const auto r = fx.redeem(u"x1"_s, reward, kPhone, quantity);
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().code), code);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(fx.balance(), qint64(900));
    JIFEN_VERIFY_LEDGER(fx);
}

QTEST_GUILESS_MAIN(TestSpending)
#include "tst_spending.moc"
