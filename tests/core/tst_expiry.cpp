// Lot validity: a lot earned in month M is valid through the last day of month M + 36 (jewellery:
// M + 60), spendable on that day and expired from the next, in China Standard Time.

#include "expiry.h"
#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

class TestExpiry : public QObject {
    Q_OBJECT
private slots:
    void lotValidThrough_data();
    void lotValidThrough();
    void isExpired_data();
    void isExpired();
    void spendableOnLastDayExpiredAfter_data();
    void spendableOnLastDayExpiredAfter();
    void businessDayEndsAtMidnightChinaTime_data();
    void businessDayEndsAtMidnightChinaTime();
    void expireRefusesFutureDate_data();
    void expireRefusesFutureDate();
    void expireIsRepeatable();
    void expiringSoonWindow_data();
    void expiringSoonWindow();
};

void TestExpiry::lotValidThrough_data()
{
    QTest::addColumn<QDate>("earnedOn");
    QTest::addColumn<int>("months");
    QTest::addColumn<QDate>("validThrough");

    QTest::newRow("earned 2026-11-23, 36 months -> 2029-11-30") << QDate(2026, 11, 23) << 36 << QDate(2029, 11, 30);
    QTest::newRow("first of the month 2026-11-01") << QDate(2026, 11, 1) << 36 << QDate(2029, 11, 30);
    QTest::newRow("last of the month 2026-11-30") << QDate(2026, 11, 30) << 36 << QDate(2029, 11, 30);
    QTest::newRow("Jan 31 -> Jan 31") << QDate(2026, 1, 31) << 36 << QDate(2029, 1, 31);
    QTest::newRow("Dec 31 -> Dec 31") << QDate(2026, 12, 31) << 36 << QDate(2029, 12, 31);
    QTest::newRow("Dec 1, one month, crosses the year") << QDate(2026, 12, 1) << 1 << QDate(2027, 1, 31);
    QTest::newRow("29 Feb 2028 (leap) -> 2031-02-28") << QDate(2028, 2, 29) << 36 << QDate(2031, 2, 28);
    QTest::newRow("Feb 2025 -> 29 Feb 2028 (leap target)") << QDate(2025, 2, 10) << 36 << QDate(2028, 2, 29);
    QTest::newRow("Apr 30 -> Apr 30 (30-day month)") << QDate(2026, 4, 30) << 36 << QDate(2029, 4, 30);
    QTest::newRow("jewellery 60 months 2026-11-23 -> 2031-11-30") << QDate(2026, 11, 23) << 60 << QDate(2031, 11, 30);
    QTest::newRow("jewellery Feb 2027 -> 29 Feb 2032") << QDate(2027, 2, 15) << 60 << QDate(2032, 2, 29);
    QTest::newRow("jewellery 29 Feb 2028 -> 28 Feb 2033") << QDate(2028, 2, 29) << 60 << QDate(2033, 2, 28);
}

void TestExpiry::lotValidThrough()
{
    QFETCH(QDate, earnedOn);
    QFETCH(int, months);
    QFETCH(QDate, validThrough);
    QCOMPARE(jifen::lotValidThrough(earnedOn, months), validThrough);
    // Expired from the first day of the month after, never before.
    QVERIFY(!jifen::isExpired(validThrough, validThrough));
    QVERIFY(jifen::isExpired(validThrough, validThrough.addDays(1)));
    QCOMPARE(validThrough.addDays(1).day(), 1);
}

void TestExpiry::isExpired_data()
{
    QTest::addColumn<QDate>("validThrough");
    QTest::addColumn<QDate>("asOf");
    QTest::addColumn<bool>("expired");

    QTest::newRow("long before") << QDate(2029, 11, 30) << QDate(2026, 11, 23) << false;
    QTest::newRow("day before the last") << QDate(2029, 11, 30) << QDate(2029, 11, 29) << false;
    QTest::newRow("on the last valid day") << QDate(2029, 11, 30) << QDate(2029, 11, 30) << false;
    QTest::newRow("the day after") << QDate(2029, 11, 30) << QDate(2029, 12, 1) << true;
    QTest::newRow("a year after") << QDate(2029, 11, 30) << QDate(2030, 11, 30) << true;
}

void TestExpiry::isExpired()
{
    QFETCH(QDate, validThrough);
    QFETCH(QDate, asOf);
    QFETCH(bool, expired);
    QCOMPARE(jifen::isExpired(validThrough, asOf), expired);
}

void TestExpiry::spendableOnLastDayExpiredAfter_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QDate>("earnedOn");
    QTest::addColumn<QDate>("validThrough");

    QTest::newRow("general, earned 2026-11-23") << "general" << QDate(2026, 11, 23) << QDate(2029, 11, 30);
    QTest::newRow("general, earned 2026-12-31") << "general" << QDate(2026, 12, 31) << QDate(2029, 12, 31);
    QTest::newRow("general, earned 29 Feb 2028") << "general" << QDate(2028, 2, 29) << QDate(2031, 2, 28);
    QTest::newRow("jewellery, earned 2026-11-23") << "jewellery" << QDate(2026, 11, 23) << QDate(2031, 11, 30);
}

// A 700-point lot: on its last valid day 300 are spent; the day after, the 400 left are expired
// (by an expire entry, never silently) and nothing can be spent from it any more.
void TestExpiry::spendableOnLastDayExpiredAfter()
{
    QFETCH(QString, category);
    QFETCH(QDate, earnedOn);
    QFETCH(QDate, validThrough);

    JIFEN_FIXTURE(fx, earnedOn, category);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_REQUIRE(sale, fx.sale(u"s1"_s, u"700.00"_s));
    QCOMPARE(sale->pointsEarned, Points(700));
    const auto earn = fx.lastEntry();
    QVERIFY(earn);
    QCOMPARE(earn->kind, EntryKind::Earn);
    QCOMPARE(earn->detail.value(u"valid_through"_s).toString(), validThrough.toString(Qt::ISODate));

    // The last valid day, just before midnight China time: still spendable.
    fx.setToday(validThrough, QTime(23, 59, 59));
    JIFEN_REQUIRE(expireEarly, fx.ledger->expire(validThrough));
    QCOMPARE(expireEarly->entries, qint64(0));
    QCOMPARE(expireEarly->pointsExpired, Points(0));
    JIFEN_REQUIRE(redeem, fx.redeem(u"r1"_s, u"FRUIT-WASH"_s));
    QCOMPARE(redeem->pointsSpent, Points(300));
    QCOMPARE(redeem->balance, Points(400));

    // The day after: the rest cannot be spent; the refused redemption writes nothing.
    fx.setToday(validThrough.addDays(1), QTime(0, 0));
    const qint64 before = fx.journalSize();
    JIFEN_VERIFY_ERROR(fx.redeem(u"r2"_s, u"FRUIT-WASH"_s), ErrorCode::Refused);
    JIFEN_VERIFY_ERROR(fx.sale(u"s2"_s, u"10.00"_s, kPhone, 100), ErrorCode::Refused);
    QCOMPARE(fx.journalSize(), before);
    // Expiring as of the last valid day still takes nothing.
    JIFEN_REQUIRE(expireOnLastDay, fx.ledger->expire(validThrough));
    QCOMPARE(expireOnLastDay->entries, qint64(0));
    QCOMPARE(fx.journalSize(), before);

    JIFEN_REQUIRE(expired, fx.ledger->expire());
    QCOMPARE(expired->asOf, validThrough.addDays(1));
    QCOMPARE(expired->entries, qint64(1));
    QCOMPARE(expired->pointsExpired, Points(400));
    QCOMPARE(fx.journalSize(), before + 1);
    const auto e = fx.lastEntry();
    QVERIFY(e);
    QCOMPARE(e->kind, EntryKind::Expire);
    QCOMPARE(e->points, Points(-400));
    QCOMPARE(e->lots.size(), 1);
    QCOMPARE(e->lots.first(), (LotMove{LotRef{u"T1"_s, earn->seq}, Points(-400)}));
    QCOMPARE(fx.balance(), qint64(0));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestExpiry::businessDayEndsAtMidnightChinaTime_data()
{
    QTest::addColumn<QTime>("timeCst");
    QTest::addColumn<int>("dayOffset"); // from the last valid day
    QTest::addColumn<bool>("spendable");

    QTest::newRow("last day 00:00 CST") << QTime(0, 0) << 0 << true;
    QTest::newRow("last day 23:59:59 CST (15:59:59 UTC)") << QTime(23, 59, 59) << 0 << true;
    QTest::newRow("next day 00:00 CST (still the last day in UTC)") << QTime(0, 0) << 1 << false;
    QTest::newRow("next day 07:59 CST") << QTime(7, 59) << 1 << false;
}

// The business date is China Standard Time: 2029-12-01 00:00 CST is 2029-11-30 16:00 UTC, and the
// lot valid through 2029-11-30 is expired then, although the UTC date is still the 30th.
void TestExpiry::businessDayEndsAtMidnightChinaTime()
{
    QFETCH(QTime, timeCst);
    QFETCH(int, dayOffset);
    QFETCH(bool, spendable);

    const QDate last(2029, 11, 30);
    JIFEN_FIXTURE(fx, QDate(2026, 11, 23));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"300.00"_s));
    fx.setToday(last.addDays(dayOffset), timeCst);
    QCOMPARE(fx.clock.today(), last.addDays(dayOffset));
    const auto r = fx.redeem(u"r1"_s, u"FRUIT-WASH"_s);
    QCOMPARE(r.ok(), spendable);
    if (!spendable)
        QCOMPARE(r.error().code, ErrorCode::Refused);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestExpiry::expireRefusesFutureDate_data()
{
    QTest::addColumn<int>("daysAhead");
    QTest::newRow("tomorrow") << 1;
    QTest::newRow("next year") << 365;
    QTest::newRow("after the lot's last day") << 3 * 366 + 30;
}

void TestExpiry::expireRefusesFutureDate()
{
    QFETCH(int, daysAhead);
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"100.00"_s));
    const qint64 before = fx.journalSize();
    const auto r = fx.ledger->expire(fx.clock.today().addDays(daysAhead));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::Refused);
    QVERIFY2(r.error().message.contains(u"after today"_s), qPrintable(r.error().message));
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(fx.balance(), qint64(100));
    JIFEN_VERIFY_ERROR(fx.ledger->expire(QDate()), ErrorCode::BadInput);
}

void TestExpiry::expireIsRepeatable()
{
    JIFEN_FIXTURE(fx, QDate(2026, 1, 15));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.addMember(kPhone2, u"李四"_s));
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"100.00"_s));
    JIFEN_VERIFY_OK(fx.sale(u"s2"_s, u"250.00"_s, kPhone2));
    fx.setToday(QDate(2026, 2, 10));
    JIFEN_VERIFY_OK(fx.sale(u"s3"_s, u"40.00"_s)); // valid through 2029-02-28

    fx.setToday(QDate(2029, 2, 1));
    JIFEN_REQUIRE(first, fx.ledger->expire());
    QCOMPARE(first->entries, qint64(2)); // one per member
    QCOMPARE(first->pointsExpired, Points(350));
    QCOMPARE(fx.balance(), qint64(40));
    QCOMPARE(fx.balance(kPhone2), qint64(0));
    const qint64 after = fx.journalSize();
    JIFEN_REQUIRE(second, fx.ledger->expire());
    QCOMPARE(second->entries, qint64(0));
    QCOMPARE(fx.journalSize(), after);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestExpiry::expiringSoonWindow_data()
{
    QTest::addColumn<int>("daysBeforeLast");
    QTest::addColumn<bool>("listed");

    QTest::newRow("91 days before: not yet") << 91 << false;
    QTest::newRow("90 days before: listed") << 90 << true;
    QTest::newRow("on the last day: listed") << 0 << true;
}

void TestExpiry::expiringSoonWindow()
{
    QFETCH(int, daysBeforeLast);
    QFETCH(bool, listed);
    const QDate last(2029, 11, 30);
    JIFEN_FIXTURE(fx, QDate(2026, 11, 23));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"123.00"_s));
    fx.setToday(last.addDays(-daysBeforeLast));
    JIFEN_REQUIRE(m, fx.ledger->memberByPhone(kPhone));
    QCOMPARE(m->balance, Points(123));
    if (listed) {
        QCOMPARE(m->expiringSoon.size(), 1);
        QCOMPARE(m->expiringSoon.first().points, Points(123));
        QCOMPARE(m->expiringSoon.first().validThrough, last);
    } else {
        QVERIFY(m->expiringSoon.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestExpiry)
#include "tst_expiry.moc"
