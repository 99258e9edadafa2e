// The day report of a terminal: sales (count, total), points issued (ordinary, green), redeemed,
// offset, reversed, expired, deferred and donated on one business day in China time, and per
// cashier. Entries one second before or after the day belong to the neighbouring days.

#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

namespace {

const QDate kDay(2026, 11, 23);

std::optional<DayReport::Cashier> cashierRow(const DayReport& report, const QString& name)
{
    for (const DayReport::Cashier& c : report.cashiers) {
        if (c.name == name)
            return c;
    }
    return std::nullopt;
}

// B earns 40 in October 2023 (valid through 2026-10-31, expired on the day). On 2026-11-22 at
// 23:59:59 小张 sells 2000.00 to A. On the day:
//  00:00:00 s1 200.00 A 小李 (200)         09:00 s2 50.00 no member 小王 (0)
//  09:30    s7 60.00 A 小王 (60)           10:00 s3 30.00 A, 1000 points offset, no cashier (20)
//  11:00    training for A (100 green)    11:30 s4 organic apples A, no cashier (38 green)
//  12:00    A redeems FRUIT-WASH (300)    13:00 refund 50.00 of s1 (50 reversed)
//  14:00    expire (B's 40)               15:00 A donates 10
//  23:00    s6 10.00 A 小李 (10)
//  23:59:59 room for 5 more points, then s5 25.00 A, no cashier (5 issued, 20 deferred)
// On 2026-11-24 at 00:00:00 小张 sells 70.00 to A (all 70 deferred).
bool scenario(Fixture& fx)
{
    fx.setToday(QDate(2023, 10, 10));
    if (!fx.addManager() || !fx.addCashier(u"小李"_s, u"1357"_s) || !fx.addCashier(u"小王"_s, u"2468"_s) ||
        !fx.addCashier(u"小张"_s, u"3579"_s) || !fx.addMember() || !fx.addMember(kPhone2, u"李四"_s))
        return false;
    bool ok = fx.buy(u"old"_s, u"40.00"_s, kPhone2).ok();
    fx.setToday(kDay.addDays(-1), QTime(23, 59, 59));
    ok = ok && fx.buy(u"prev"_s, u"2000.00"_s, kPhone, QString(), 0, u"小张"_s).ok();
    fx.setToday(kDay, QTime(0, 0, 0));
    ok = ok && fx.buy(u"s1"_s, u"200.00"_s, kPhone, QString(), 0, u"小李"_s).ok();
    fx.setToday(kDay, QTime(9, 0));
    ok = ok && fx.buy(u"s2"_s, u"50.00"_s, QString(), QString(), 0, u"小王"_s).ok();
    fx.setToday(kDay, QTime(9, 30));
    ok = ok && fx.buy(u"s7"_s, u"60.00"_s, kPhone, QString(), 0, u"小王"_s).ok();
    fx.setToday(kDay, QTime(10, 0));
    ok = ok && fx.buy(u"s3"_s, u"30.00"_s, kPhone, QString(), 1000).ok();
    fx.setToday(kDay, QTime(11, 0));
    ok = ok && fx.green(u"g1"_s, u"training"_s).ok();
    fx.setToday(kDay, QTime(11, 30));
    ok = ok && fx.buyItems(u"s4"_s, {u"6901000000028:1"_s}).ok();
    fx.setToday(kDay, QTime(12, 0));
    ok = ok && fx.redeem(u"r1"_s, u"FRUIT-WASH"_s).ok();
    fx.setToday(kDay, QTime(13, 0));
    ok = ok && fx.refund(u"rf1"_s, u"s1"_s, u"50.00"_s).ok();
    fx.setToday(kDay, QTime(14, 0));
    auto expired = fx.ledger->expire();
    ok = ok && expired.ok() && expired->pointsExpired == Points(40);
    fx.setToday(kDay, QTime(15, 0));
    ok = ok && fx.donate(u"d1"_s, u"STRAY-ANIMALS"_s, 10).ok();
    fx.setToday(kDay, QTime(23, 0));
    ok = ok && fx.buy(u"s6"_s, u"10.00"_s, kPhone, QString(), 0, u"小李"_s).ok();
    fx.setToday(kDay, QTime(23, 59, 59));
    auto a = fx.ledger->allowance();
    ok = ok && a.ok() && fx.ledger->setAllowance(a->used.value() + 5).ok();
    auto s5 = fx.buy(u"s5"_s, u"25.00"_s);
    ok = ok && s5.ok() && s5->pointsEarned == Points(5) && s5->deferred == Points(20);
    fx.setToday(kDay.addDays(1), QTime(0, 0, 0));
    auto next = fx.buy(u"next"_s, u"70.00"_s, kPhone, QString(), 0, u"小张"_s);
    ok = ok && next.ok() && next->deferred == Points(70);
    return ok;
}

} // namespace

class TestDayReport : public QObject {
    Q_OBJECT
private slots:
    void totals_data();
    void totals();
    void perCashier();
    void emptyDay();
    void defaultsToToday();
};

void TestDayReport::totals_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<qint64>("sales");
    QTest::addColumn<qint64>("totalFen");
    QTest::addColumn<QList<qint64>>("points"); // issued, green, redeemed, offset, reversed, expired, deferred, donated

    QTest::newRow("the day") << kDay << qint64(7) << qint64(41300)
                             << QList<qint64>{295, 138, 300, 1000, 50, 40, 20, 10};
    QTest::newRow("the day before (one sale at 23:59:59)")
        << kDay.addDays(-1) << qint64(1) << qint64(200000) << QList<qint64>{2000, 0, 0, 0, 0, 0, 0, 0};
    QTest::newRow("the day after (one sale at 00:00:00, deferred)")
        << kDay.addDays(1) << qint64(1) << qint64(7000) << QList<qint64>{0, 0, 0, 0, 0, 0, 70, 0};
}

void TestDayReport::totals()
{
    QFETCH(QDate, date);
    QFETCH(qint64, sales);
    QFETCH(qint64, totalFen);
    QFETCH(QList<qint64>, points);

    JIFEN_FIXTURE(fx, QDate(2023, 10, 10));
    QVERIFY(scenario(fx));
    JIFEN_REQUIRE(r, fx.ledger->dayReport(date));
    QCOMPARE(r->date, date);
    QCOMPARE(r->sales, sales);
    QCOMPARE(r->salesTotal, Money::fromFen(totalFen));
    // Amounts are compared as magnitudes: program.md does not fix their sign in the report.
    QCOMPARE(r->issued.value(), points.at(0));
    QCOMPARE(r->issuedGreen.value(), points.at(1));
    QCOMPARE(qAbs(r->redeemed.value()), points.at(2));
    QCOMPARE(qAbs(r->offset.value()), points.at(3));
    QCOMPARE(qAbs(r->reversed.value()), points.at(4));
    QCOMPARE(qAbs(r->expired.value()), points.at(5));
    QCOMPARE(r->deferred.value(), points.at(6));
    QCOMPARE(qAbs(r->donated.value()), points.at(7));
}

void TestDayReport::perCashier()
{
    JIFEN_FIXTURE(fx, QDate(2023, 10, 10));
    QVERIFY(scenario(fx));
    JIFEN_REQUIRE(r, fx.ledger->dayReport(kDay));

    const auto li = cashierRow(r.value(), u"小李"_s);
    QVERIFY(li);
    QCOMPARE(li->sales, qint64(2));
    QCOMPARE(li->total, Money::fromFen(21000));
    QCOMPARE(li->points, Points(210));
    const auto wang = cashierRow(r.value(), u"小王"_s);
    QVERIFY(wang);
    QCOMPARE(wang->sales, qint64(2));
    QCOMPARE(wang->total, Money::fromFen(11000));
    QCOMPARE(wang->points, Points(60));
    // 小张 sold only one second before and one second after the day.
    const auto zhang = cashierRow(r.value(), u"小张"_s);
    QVERIFY(!zhang || zhang->sales == 0);

    JIFEN_REQUIRE(before, fx.ledger->dayReport(kDay.addDays(-1)));
    const auto zhangBefore = cashierRow(before.value(), u"小张"_s);
    QVERIFY(zhangBefore);
    QCOMPARE(zhangBefore->sales, qint64(1));
    QCOMPARE(zhangBefore->total, Money::fromFen(200000));
    QCOMPARE(zhangBefore->points, Points(2000));
    QVERIFY(!cashierRow(before.value(), u"小李"_s) || cashierRow(before.value(), u"小李"_s)->sales == 0);
}

void TestDayReport::emptyDay()
{
    JIFEN_FIXTURE(fx, QDate(2023, 10, 10));
    QVERIFY(scenario(fx));
    JIFEN_REQUIRE(r, fx.ledger->dayReport(kDay.addDays(2)));
    QCOMPARE(r->sales, qint64(0));
    QCOMPARE(r->salesTotal, Money());
    QCOMPARE(r->issued, Points(0));
    QCOMPARE(r->issuedGreen, Points(0));
    QCOMPARE(r->redeemed, Points(0));
    QCOMPARE(r->deferred, Points(0));
    for (const DayReport::Cashier& c : r->cashiers)
        QCOMPARE(c.sales, qint64(0));
}

void TestDayReport::defaultsToToday()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addCashier(u"小李"_s));
    JIFEN_VERIFY_OK(fx.addMember());
    fx.setToday(kDay, QTime(8, 0));
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"88.00"_s, kPhone, QString(), 0, u"小李"_s));
    JIFEN_REQUIRE(r, fx.ledger->dayReport());
    QCOMPARE(r->date, kDay);
    QCOMPARE(r->sales, qint64(1));
    QCOMPARE(r->salesTotal, Money::fromFen(8800));
    QCOMPARE(r->issued, Points(88));
    // The cashier must be an operator: a stranger's sale is not recorded.
    const auto stranger = fx.buy(u"s2"_s, u"1.00"_s, kPhone, QString(), 0, u"路人甲"_s);
    QVERIFY2(!stranger.ok(), "a sale by a cashier who is not an operator was recorded");
    JIFEN_REQUIRE(again, fx.ledger->dayReport());
    QCOMPARE(again->sales, qint64(1));
}

QTEST_GUILESS_MAIN(TestDayReport)
#include "tst_day_report.moc"
