// Redemption details: returning a redeemed reward restores its points to the lots they came from
// (with their original expiry) and its stock; partner rewards carry a voucher code; manager
// approval with PIN lockout; seasonal prices.

#include "fixture.h"

#include <QRegularExpression>

using namespace jifen;
using namespace jifen::test;

namespace {

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

const QString kManagerPin = u"2468"_s;

} // namespace

class TestReturnReward : public QObject {
    Q_OBJECT
private slots:
    void returnRestoresOriginalLots_data();
    void returnRestoresOriginalLots();
    void returnAfterLotExpiredExpiresAgain();
    void returnTwiceRefused();
    void returnUnknownRedemption_data();
    void returnUnknownRedemption();
    void stockRunsOutAndComesBack();
    void partnerVoucherCodes_data();
    void partnerVoucherCodes();
    void managerApproval_data();
    void managerApproval();
    void pinLockout();
    void seasonalPrice_data();
    void seasonalPrice();
};

void TestReturnReward::returnRestoresOriginalLots_data()
{
    QTest::addColumn<QString>("reward");
    QTest::addColumn<qint64>("price");
    QTest::addColumn<QString>("moves");      // restoring moves "seq:points", last consumed first
    QTest::addColumn<qint64>("stockBefore"); // -1: not stocked

    // Lots: seq 1 (300, Jan 2026, valid through 2029-01-31), seq 2 (300, Mar 2026, 2029-03-31).
    QTest::newRow("FRUIT-BOX 500 from Jan 300 + Mar 200") << "FRUIT-BOX" << qint64(500) << "2:200,1:300" << qint64(50);
    QTest::newRow("FRUIT-WASH 300 from Jan only") << "FRUIT-WASH" << qint64(300) << "1:300" << qint64(-1);
    QTest::newRow("BOOK-DISCOUNT 500 (partner) from Jan 300 + Mar 200")
        << "BOOK-DISCOUNT" << qint64(500) << "2:200,1:300" << qint64(-1);
}

void TestReturnReward::returnRestoresOriginalLots()
{
    QFETCH(QString, reward);
    QFETCH(qint64, price);
    QFETCH(QString, moves);
    QFETCH(qint64, stockBefore);

    JIFEN_FIXTURE(fx, QDate(2026, 1, 10));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"jan"_s, u"300.00"_s));
    fx.setToday(QDate(2026, 3, 5));
    JIFEN_VERIFY_OK(fx.sale(u"mar"_s, u"300.00"_s));
    fx.setToday(QDate(2026, 3, 20));
    QCOMPARE(stockOf(*fx.ledger, reward), stockBefore);

    JIFEN_REQUIRE(r, fx.redeem(u"r1"_s, reward));
    QCOMPARE(r->pointsSpent, Points(price));
    QCOMPARE(fx.balance(), 600 - price);
    if (stockBefore >= 0)
        QCOMPARE(stockOf(*fx.ledger, reward), stockBefore - 1);
    const auto redeemEntry = fx.lastEntry();
    QVERIFY(redeemEntry);

    fx.setToday(QDate(2026, 6, 1));
    JIFEN_REQUIRE(back, fx.returnReward(u"ret1"_s, u"r1"_s));
    QCOMPARE(back->pointsRestored, Points(price));
    QCOMPARE(back->balance, Points(600));
    QCOMPARE(stockOf(*fx.ledger, reward), stockBefore);

    const auto e = fx.lastEntry();
    QVERIFY(e);
    QCOMPARE(e->kind, EntryKind::Reverse);
    QCOMPARE(e->reversesSeq, redeemEntry->seq);
    QCOMPARE(e->points, Points(price));
    QCOMPARE(e->detail.value(u"reverses"_s).toString(), u"redeem"_s);
    QList<LotMove> expected;
    for (const QString& part : moves.split(u',')) {
        const auto f = part.split(u':');
        expected.append(LotMove{LotRef{u"T1"_s, f.at(0).toLongLong()}, Points(f.at(1).toLongLong())});
    }
    QCOMPARE(e->lots, expected);
    // Each restored move exactly undoes a consumed one.
    for (const LotMove& m : e->lots)
        QVERIFY(redeemEntry->lots.contains(LotMove{m.lot, -m.points}));

    // The points are valid through their original dates: 90 days before 2029-01-31 the Jan lot
    // (whole again) is expiring soon, and the Mar lot is not yet.
    fx.setToday(QDate(2028, 11, 10));
    JIFEN_REQUIRE(m, fx.ledger->memberByPhone(kPhone));
    QCOMPARE(m->balance, Points(600));
    QCOMPARE(m->expiringSoon.size(), 1);
    QCOMPARE(m->expiringSoon.first().validThrough, QDate(2029, 1, 31));
    QCOMPARE(m->expiringSoon.first().points, Points(300));
    fx.setToday(QDate(2029, 1, 5));
    JIFEN_REQUIRE(m2, fx.ledger->memberByPhone(kPhone));
    QCOMPARE(m2->expiringSoon.size(), 2);
    QCOMPARE(m2->expiringSoon.at(1).validThrough, QDate(2029, 3, 31));
    QCOMPARE(m2->expiringSoon.at(1).points, Points(300));
    JIFEN_VERIFY_LEDGER(fx);
}

// Returned after the lot's last day: the points go back to that lot, which is expired, so they
// expire again rather than gaining a new life.
void TestReturnReward::returnAfterLotExpiredExpiresAgain()
{
    JIFEN_FIXTURE(fx, QDate(2026, 1, 10));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"jan"_s, u"300.00"_s));
    JIFEN_VERIFY_OK(fx.redeem(u"r1"_s, u"FRUIT-WASH"_s));
    fx.setToday(QDate(2029, 2, 1));
    JIFEN_REQUIRE(back, fx.returnReward(u"ret1"_s, u"r1"_s));
    QCOMPARE(back->pointsRestored, Points(300));
    // Not spendable: the member sees 0.
    JIFEN_REQUIRE(m, fx.ledger->memberByPhone(kPhone));
    QCOMPARE(m->balance, Points(0));
    JIFEN_VERIFY_ERROR(fx.redeem(u"r2"_s, u"FRUIT-WASH"_s), ErrorCode::Refused);
    JIFEN_REQUIRE(expired, fx.ledger->expire());
    QCOMPARE(expired->pointsExpired, Points(300));
    QCOMPARE(fx.balance(), qint64(0));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestReturnReward::returnTwiceRefused()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"800.00"_s));
    JIFEN_VERIFY_OK(fx.redeem(u"r1"_s, u"FRUIT-BOX"_s));
    JIFEN_VERIFY_OK(fx.returnReward(u"ret1"_s, u"r1"_s));
    const qint64 before = fx.journalSize();
    const qint64 stock = stockOf(*fx.ledger, u"FRUIT-BOX"_s);
    QCOMPARE(stock, qint64(50));

    const auto twice = fx.returnReward(u"ret2"_s, u"r1"_s);
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, ErrorCode::Refused);
    QVERIFY2(twice.error().message.contains(u"already returned"_s), qPrintable(twice.error().message));
    QVERIFY2(twice.error().message.contains(u"ret1"_s), qPrintable(twice.error().message));
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(stockOf(*fx.ledger, u"FRUIT-BOX"_s), stock);
    QCOMPARE(fx.balance(), qint64(800));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestReturnReward::returnUnknownRedemption_data()
{
    QTest::addColumn<QString>("redeemRef");
    QTest::addColumn<int>("code");
    QTest::newRow("no such redemption") << "nope" << int(ErrorCode::NotFound);
    QTest::newRow("a sale is not a redemption") << "s1" << int(ErrorCode::NotFound);
    QTest::newRow("empty reference") << "" << int(ErrorCode::BadInput);
}

void TestReturnReward::returnUnknownRedemption()
{
    QFETCH(QString, redeemRef);
    QFETCH(int, code);
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"800.00"_s));
    const auto r = fx.returnReward(u"ret1"_s, redeemRef);
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().code), code);
    QCOMPARE(fx.journalSize(), qint64(1));
}

void TestReturnReward::stockRunsOutAndComesBack()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.ledger->addOperator(u"王经理"_s, u"manager"_s, kManagerPin));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"30000.00"_s));
    // 50 boxes cost 25000 points: above 10000, so a manager approves.
    JIFEN_REQUIRE(all, fx.redeem(u"r-all"_s, u"FRUIT-BOX"_s, kPhone, 50, kManagerPin));
    QCOMPARE(all->pointsSpent, Points(25000));
    QCOMPARE(all->approvedBy, u"王经理"_s);
    QCOMPARE(stockOf(*fx.ledger, u"FRUIT-BOX"_s), qint64(0));

    const qint64 before = fx.journalSize();
    const auto none = fx.redeem(u"r-one"_s, u"FRUIT-BOX"_s);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, ErrorCode::Refused);
    QVERIFY2(none.error().message.contains(u"out of stock"_s), qPrintable(none.error().message));
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(fx.balance(), qint64(5000));

    JIFEN_VERIFY_OK(fx.returnReward(u"ret"_s, u"r-all"_s));
    QCOMPARE(stockOf(*fx.ledger, u"FRUIT-BOX"_s), qint64(50));
    QCOMPARE(fx.balance(), qint64(30000));
    JIFEN_VERIFY_OK(fx.redeem(u"r-one"_s, u"FRUIT-BOX"_s));
    QCOMPARE(stockOf(*fx.ledger, u"FRUIT-BOX"_s), qint64(49));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestReturnReward::partnerVoucherCodes_data()
{
    QTest::addColumn<QString>("reward");
    QTest::addColumn<QString>("prefix"); // empty: no voucher code

    QTest::newRow("CINEMA-TICKET (partner cinema)") << "CINEMA-TICKET"
                                                    << "CINE";
    QTest::newRow("MILK-TEA (partner tea)") << "MILK-TEA"
                                            << "TEA";
    QTest::newRow("RIDE-COUPON (partner ride)") << "RIDE-COUPON"
                                                << "RIDE";
    QTest::newRow("BOOK-DISCOUNT (partner books)") << "BOOK-DISCOUNT"
                                                   << "BOOK";
    QTest::newRow("FRUIT-WASH (service, no code)") << "FRUIT-WASH"
                                                   << "";
    QTest::newRow("VOUCHER-50 (own voucher, no code)") << "VOUCHER-50"
                                                       << "";
}

void TestReturnReward::partnerVoucherCodes()
{
    QFETCH(QString, reward);
    QFETCH(QString, prefix);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"5000.00"_s));
    JIFEN_REQUIRE(a, fx.redeem(u"r1"_s, reward));
    const auto entry = fx.lastEntry();
    QVERIFY(entry);
    if (prefix.isEmpty()) {
        QVERIFY(a->voucherCode.isEmpty());
        QVERIFY(!entry->detail.contains(u"voucher_code"_s));
        return;
    }
    // PARTNER-XXXX-XXXX-XXXX, without look-alike characters (0, O, 1, I).
    const QRegularExpression form(u"^%1-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$"_s.arg(prefix));
    QVERIFY2(form.match(a->voucherCode).hasMatch(), qPrintable(a->voucherCode));
    QCOMPARE(entry->detail.value(u"voucher_code"_s).toString(), a->voucherCode);
    // Each redemption gets its own code; a retry gets the same one back.
    JIFEN_REQUIRE(b, fx.redeem(u"r2"_s, reward));
    QVERIFY(form.match(b->voucherCode).hasMatch());
    QVERIFY(b->voucherCode != a->voucherCode);
    JIFEN_REQUIRE(retry, fx.redeem(u"r1"_s, reward));
    QCOMPARE(retry->voucherCode, a->voucherCode);
}

void TestReturnReward::managerApproval_data()
{
    QTest::addColumn<QString>("reward");
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("approved");
    QTest::addColumn<QString>("message");

    QTest::newRow("JW-CLEAN with the manager's PIN") << "JW-CLEAN" << qint64(1) << kManagerPin << true << "";
    QTest::newRow("JW-CLEAN with a wrong PIN") << "JW-CLEAN" << qint64(1) << "1111" << false << "wrong manager PIN";
    QTest::newRow("JW-CLEAN without a PIN") << "JW-CLEAN" << qint64(1) << "" << false << "manager";
    QTest::newRow("JW-CLEAN with a cashier's PIN") << "JW-CLEAN" << qint64(1) << "1357" << false << "wrong manager PIN";
    QTest::newRow("JW-VOUCHER-1000 at exactly 10000 needs no PIN")
        << "JW-VOUCHER-1000" << qint64(1) << "" << true << "";
    QTest::newRow("11 VOUCHER-50 (11000) without a PIN") << "VOUCHER-50" << qint64(11) << "" << false << "manager";
    QTest::newRow("11 VOUCHER-50 (11000) with the PIN") << "VOUCHER-50" << qint64(11) << kManagerPin << true << "";
}

void TestReturnReward::managerApproval()
{
    QFETCH(QString, reward);
    QFETCH(qint64, quantity);
    QFETCH(QString, pin);
    QFETCH(bool, approved);
    QFETCH(QString, message);

    JIFEN_FIXTURE(fx, QDate(2026, 11, 23), u"jewellery"_s);
    JIFEN_VERIFY_OK(fx.ledger->addOperator(u"王经理"_s, u"manager"_s, kManagerPin));
    JIFEN_VERIFY_OK(fx.ledger->addOperator(u"小李"_s, u"cashier"_s, u"1357"_s));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"25000.00"_s));
    const qint64 before = fx.journalSize();

    const auto r = fx.redeem(u"r1"_s, reward, kPhone, quantity, pin);
    if (approved) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(fx.journalSize(), before + 1);
        QCOMPARE(fx.balance(), 25000 - r->pointsSpent.value());
        const bool needed = !pin.isEmpty();
        QCOMPARE(r->approvedBy, needed ? u"王经理"_s : QString());
        QCOMPARE(fx.lastEntry()->detail.value(u"approved_by"_s).toString(), r->approvedBy);
    } else {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Refused);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QCOMPARE(fx.journalSize(), before);
        QCOMPARE(fx.balance(), qint64(25000));
    }
    JIFEN_VERIFY_LEDGER(fx);
}

void TestReturnReward::pinLockout()
{
    JIFEN_FIXTURE(fx, QDate(2026, 11, 23), u"jewellery"_s);
    JIFEN_VERIFY_OK(fx.ledger->addOperator(u"王经理"_s, u"manager"_s, kManagerPin));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"50000.00"_s));
    const qint64 before = fx.journalSize();

    for (int i = 1; i <= 5; ++i) {
        const auto wrong = fx.redeem(u"r1"_s, u"JW-CLEAN"_s, kPhone, 1, u"0000"_s);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::Refused);
        if (i < 5)
            QVERIFY2(wrong.error().message.contains(u"%1 of 5"_s.arg(i)), qPrintable(wrong.error().message));
        else
            QVERIFY2(wrong.error().message.contains(u"locked"_s), qPrintable(wrong.error().message));
    }
    // Locked for five minutes, even with the right PIN.
    const auto locked = fx.redeem(u"r1"_s, u"JW-CLEAN"_s, kPhone, 1, kManagerPin);
    QVERIFY(!locked.ok());
    QCOMPARE(locked.error().code, ErrorCode::Refused);
    QVERIFY2(locked.error().message.contains(u"locked"_s), qPrintable(locked.error().message));
    fx.clock.advanceSecs(4 * 60 + 59);
    const auto stillLocked = fx.ledger->approveAsManager(kManagerPin);
    QVERIFY(!stillLocked.ok());
    QVERIFY2(stillLocked.error().message.contains(u"locked"_s), qPrintable(stillLocked.error().message));
    QCOMPARE(fx.journalSize(), before);

    // Five minutes after the fifth wrong PIN: open again, and the count starts afresh.
    fx.clock.advanceSecs(1);
    JIFEN_REQUIRE(ok, fx.redeem(u"r1"_s, u"JW-CLEAN"_s, kPhone, 1, kManagerPin));
    QCOMPARE(ok->approvedBy, u"王经理"_s);
    QCOMPARE(ok->pointsSpent, Points(20000));
    const auto wrongAgain = fx.ledger->approveAsManager(u"0000"_s);
    QVERIFY(!wrongAgain.ok());
    QVERIFY2(wrongAgain.error().message.contains(u"1 of 5"_s), qPrintable(wrongAgain.error().message));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestReturnReward::seasonalPrice_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("timeCst");
    QTest::addColumn<qint64>("price");

    QTest::newRow("06-30: 500") << QDate(2026, 6, 30) << QTime(12, 0) << qint64(500);
    QTest::newRow("06-30 23:59 CST: 500") << QDate(2026, 6, 30) << QTime(23, 59) << qint64(500);
    QTest::newRow("07-01 00:00 CST (06-30 in UTC): 400") << QDate(2026, 7, 1) << QTime(0, 0) << qint64(400);
    QTest::newRow("07-01: 400") << QDate(2026, 7, 1) << QTime(12, 0) << qint64(400);
    QTest::newRow("08-15: 400") << QDate(2026, 8, 15) << QTime(12, 0) << qint64(400);
    QTest::newRow("08-31: 400") << QDate(2026, 8, 31) << QTime(12, 0) << qint64(400);
    QTest::newRow("09-01: 500") << QDate(2026, 9, 1) << QTime(12, 0) << qint64(500);
    QTest::newRow("01-01: 500") << QDate(2027, 1, 1) << QTime(12, 0) << qint64(500);
    QTest::newRow("leap year 07-01: 400") << QDate(2028, 7, 1) << QTime(12, 0) << qint64(400);
}

void TestReturnReward::seasonalPrice()
{
    QFETCH(QDate, date);
    QFETCH(QTime, timeCst);
    QFETCH(qint64, price);

    JIFEN_FIXTURE(fx, QDate(2026, 6, 1));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"1000.00"_s));
    fx.setToday(date, timeCst);
    JIFEN_REQUIRE(rules, fx.ledger->rules());
    const Reward* box = rules->reward(u"FRUIT-BOX"_s);
    QVERIFY(box);
    QCOMPARE(box->priceOn(date), Points(price));

    JIFEN_REQUIRE(r, fx.redeem(u"r1"_s, u"FRUIT-BOX"_s));
    QCOMPARE(r->pointsSpent, Points(price));
    QCOMPARE(r->balance, Points(1000 - price));
    QCOMPARE(fx.lastEntry()->detail.value(u"unit_points"_s).toInteger(), price);
    // The return gives back what was paid, whatever the price is on the day of the return.
    fx.setToday(QDate(2026, 12, 1));
    JIFEN_REQUIRE(back, fx.returnReward(u"ret"_s, u"r1"_s));
    QCOMPARE(back->pointsRestored, Points(price));
    QCOMPARE(fx.balance(), qint64(1000));
    JIFEN_VERIFY_LEDGER(fx);
}

QTEST_GUILESS_MAIN(TestReturnReward)
#include "tst_return_reward.moc"
