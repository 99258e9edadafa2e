// Issuance within the budget (compliance line 2): every grant draws on the terminal's allowance
// for the month; earning beyond it is deferred (recorded, not spendable) and released, oldest
// first and with its original valid-through date, when more allowance arrives. Adjustments need a
// manager, a reason, room in the allowance (positive) and points to take (negative).

#include "fixture.h"

#include <QJsonDocument>

using namespace jifen;
using namespace jifen::test;

namespace {

// The earn entries released from deferred earning.
QList<JournalEntry> releases(Fixture& fx)
{
    QList<JournalEntry> out;
    for (const JournalEntry& e : fx.entriesOf(EntryKind::Earn)) {
        if (e.detail.contains(u"released_from"_s))
            out.append(e);
    }
    return out;
}

// The seq of the (ordinary) earn entry written by a sale.
qint64 earnSeqOf(Fixture& fx, const QString& ref)
{
    for (const JournalEntry& e : fx.entriesOf(EntryKind::Earn)) {
        if (e.ref == ref && !e.detail.contains(u"released_from"_s))
            return e.seq;
    }
    return -1;
}

} // namespace

class TestBudget : public QObject {
    Q_OBJECT
private slots:
    void defaultAllowance();
    void allowanceBoundary_data();
    void allowanceBoundary();
    void ordinaryTakesTheRoomBeforeGreen();
    void deferredIsNotSpendable();
    void releaseOldestFirstWithOriginalValidity();
    void refundAfterReleasedPointsExpiredTakesNothingTwice();
    void releaseAcrossMonthsKeepsValidThrough();
    void setAllowanceBelowUsedRefused_data();
    void setAllowanceBelowUsedRefused();
    void refundCancelsDeferredFirst();
    void fullRefundOfPartlyDeferredSale();
    void greenActionBeyondAllowanceDeferred();
    void adjustments_data();
    void adjustments();
    void negativeAdjustmentFirstExpiringFirst();
};

void TestBudget::defaultAllowance()
{
    JIFEN_FIXTURE(fx);
    JIFEN_REQUIRE(a, fx.ledger->allowance());
    QCOMPARE(a->month, u"2026-11"_s);
    QCOMPARE(a->granted, Points(1000000));
    QCOMPARE(a->used, Points(0));
    QCOMPARE(a->deferredPending, Points(0));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"123.45"_s));
    JIFEN_REQUIRE(b, fx.ledger->allowance(u"2026-11"_s));
    QCOMPARE(b->used, Points(123));
    QCOMPARE(b->remaining(), Points(1000000 - 123));
    // Another month has its own allowance.
    JIFEN_REQUIRE(dec, fx.ledger->allowance(u"2026-12"_s));
    QCOMPARE(dec->used, Points(0));
    QCOMPARE(dec->granted, Points(1000000));
}

void TestBudget::allowanceBoundary_data()
{
    QTest::addColumn<qint64>("granted");
    QTest::addColumn<QStringList>("sales"); // amounts, in order
    QTest::addColumn<qint64>("lastEarned");
    QTest::addColumn<qint64>("lastDeferred");
    QTest::addColumn<qint64>("balance");

    QTest::newRow("the room exactly used: nothing deferred")
        << qint64(1000) << QStringList{u"1000.00"_s} << qint64(1000) << qint64(0) << qint64(1000);
    QTest::newRow("one point beyond the room deferred")
        << qint64(1000) << QStringList{u"1001.00"_s} << qint64(1000) << qint64(1) << qint64(1000);
    QTest::newRow("room used exactly by two sales")
        << qint64(1000) << QStringList{u"600.00"_s, u"400.00"_s} << qint64(400) << qint64(0) << qint64(1000);
    QTest::newRow("after the room is used, one point deferred")
        << qint64(1000) << QStringList{u"1000.00"_s, u"1.00"_s} << qint64(0) << qint64(1) << qint64(1000);
    QTest::newRow("zero allowance: everything deferred")
        << qint64(0) << QStringList{u"250.00"_s} << qint64(0) << qint64(250) << qint64(0);
}

void TestBudget::allowanceBoundary()
{
    QFETCH(qint64, granted);
    QFETCH(QStringList, sales);
    QFETCH(qint64, lastEarned);
    QFETCH(qint64, lastDeferred);
    QFETCH(qint64, balance);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_REQUIRE(set, fx.ledger->setAllowance(granted));
    QCOMPARE(set->granted, Points(granted));
    qint64 deferredTotal = 0;
    for (qsizetype i = 0; i < sales.size(); ++i) {
        JIFEN_REQUIRE(r, fx.buy(u"s%1"_s.arg(i), sales.at(i)));
        deferredTotal += r->deferred.value();
        if (i + 1 == sales.size()) {
            QCOMPARE(r->pointsEarned, Points(lastEarned));
            QCOMPARE(r->deferred, Points(lastDeferred));
            QCOMPARE(r->balance, Points(balance));
            // The deferral is recorded in the earn entry's detail.
            if (lastDeferred > 0) {
                const qint64 seq = earnSeqOf(fx, u"s%1"_s.arg(i));
                QVERIFY(seq > 0);
                const auto all = fx.entries();
                const auto e =
                    std::find_if(all.cbegin(), all.cend(), [&](const JournalEntry& x) { return x.seq == seq; });
                QVERIFY(e != all.cend());
                QCOMPARE(e->points, Points(lastEarned));
                QVERIFY2(e->detail.contains(u"deferred"_s), QJsonDocument(e->detail).toJson().constData());
                QCOMPARE(e->detail.value(u"deferred"_s).toInteger(), lastDeferred);
            }
        }
    }
    QCOMPARE(fx.balance(), balance);
    JIFEN_REQUIRE(a, fx.ledger->allowance());
    QCOMPARE(a->used, Points(balance));
    QVERIFY(a->used <= a->granted);
    QCOMPARE(a->deferredPending, Points(deferredTotal));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestBudget::ordinaryTakesTheRoomBeforeGreen()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(50));
    // 西瓜 25 ordinary + 有机苹果 38 green = 63 points; room 50: 25 ordinary, 25 green, 13 deferred.
    JIFEN_REQUIRE(r, fx.buyItems(u"s1"_s, {u"6901000000011:1"_s, u"6901000000028:1"_s}));
    QCOMPARE(r->pointsEarned, Points(50));
    QCOMPARE(r->greenEarned, Points(25));
    QCOMPARE(r->deferred, Points(13));
    QCOMPARE(fx.balance(), qint64(50));
    QCOMPARE(fx.greenBalance(), qint64(25));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestBudget::deferredIsNotSpendable()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(300));
    JIFEN_REQUIRE(s, fx.buy(u"s1"_s, u"500.00"_s));
    QCOMPARE(s->pointsEarned, Points(300));
    QCOMPARE(s->deferred, Points(200));
    QCOMPARE(fx.balance(), qint64(300));
    JIFEN_REQUIRE(m, fx.ledger->memberByPhone(kPhone));
    QCOMPARE(m->balance, Points(300));

    // 500 points exist on paper, only 300 can be spent.
    JIFEN_VERIFY_ERROR(fx.redeem(u"r1"_s, u"FRUIT-BOX"_s), ErrorCode::Refused); // 500
    JIFEN_VERIFY_ERROR(fx.buy(u"s2"_s, u"10.00"_s, kPhone, QString(), 400), ErrorCode::Refused);
    JIFEN_VERIFY_OK(fx.redeem(u"r2"_s, u"FRUIT-WASH"_s)); // 300
    QCOMPARE(fx.balance(), qint64(0));
    JIFEN_REQUIRE(a, fx.ledger->allowance());
    QCOMPARE(a->deferredPending, Points(200));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestBudget::refundAfterReleasedPointsExpiredTakesNothingTwice()
{
    JIFEN_FIXTURE(fx, QDate(2026, 10, 10));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(0));
    JIFEN_REQUIRE(a, fx.buy(u"a"_s, u"150.00"_s)); // all 150 deferred, valid through 2029-10-31
    QCOMPARE(a->deferred, Points(150));
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(150)); // released into a lot of its own
    QCOMPARE(fx.balance(), qint64(150));
    fx.setToday(QDate(2029, 11, 1));
    JIFEN_REQUIRE(expired, fx.ledger->expire());
    QCOMPARE(expired->pointsExpired, Points(150));
    QCOMPARE(fx.balance(), qint64(0));
    // The refund takes back nothing: those 150 points are already gone.
    JIFEN_REQUIRE(refund, fx.ledger->refund(RefundRequest{u"f1"_s, u"a"_s, QString()}));
    QCOMPARE(refund->pointsReversed, Points(0));
    QCOMPARE(fx.balance(), qint64(0));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestBudget::releaseOldestFirstWithOriginalValidity()
{
    JIFEN_FIXTURE(fx, QDate(2026, 10, 10));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(100));
    JIFEN_REQUIRE(a, fx.buy(u"a"_s, u"150.00"_s)); // 100 granted, 50 deferred, valid through 2029-10-31
    QCOMPARE(a->deferred, Points(50));
    fx.setToday(QDate(2026, 10, 12));
    JIFEN_REQUIRE(b, fx.buy(u"b"_s, u"80.00"_s, kPhone, u"jewellery"_s)); // 80 deferred, valid through 2031-10-31
    QCOMPARE(b->pointsEarned, Points(0));
    QCOMPARE(b->deferred, Points(80));
    const qint64 seqA = earnSeqOf(fx, u"a"_s);
    const qint64 seqB = earnSeqOf(fx, u"b"_s);
    QVERIFY(seqA > 0 && seqB > seqA);

    // Room for 50: exactly the older deferral.
    fx.setToday(QDate(2026, 10, 20));
    JIFEN_REQUIRE(first, fx.ledger->setAllowance(150));
    QCOMPARE(first->granted, Points(150));
    QCOMPARE(first->used, Points(150));
    QCOMPARE(first->deferredPending, Points(80));
    QCOMPARE(fx.balance(), qint64(150));
    auto rel = releases(fx);
    QCOMPARE(rel.size(), 1);
    QCOMPARE(rel.at(0).detail.value(u"released_from"_s).toInteger(), seqA);
    QCOMPARE(rel.at(0).points, Points(50));
    QCOMPARE(rel.at(0).lots, (QList<LotMove>{LotMove{LotRef{u"T1"_s, rel.at(0).seq}, Points(50)}}));

    // Room for 80 more: the jewellery deferral.
    JIFEN_REQUIRE(second, fx.ledger->setAllowance(230));
    QCOMPARE(second->used, Points(230));
    QCOMPARE(second->deferredPending, Points(0));
    QCOMPARE(fx.balance(), qint64(230));
    rel = releases(fx);
    QCOMPARE(rel.size(), 2);
    QCOMPARE(rel.at(1).detail.value(u"released_from"_s).toInteger(), seqB);
    QCOMPARE(rel.at(1).points, Points(80));

    // More room releases nothing more.
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(1000));
    QCOMPARE(releases(fx).size(), 2);
    QCOMPARE(fx.balance(), qint64(230));

    // The released lots kept their valid-through dates: on 1 November 2029 the general 150
    // (2029-10-31) expire, the jewellery 80 (2031-10-31) do not.
    fx.setToday(QDate(2029, 9, 1));
    JIFEN_REQUIRE(m, fx.ledger->memberByPhone(kPhone));
    qint64 expiring = 0;
    for (const ExpiringPoints& e : m->expiringSoon) {
        QCOMPARE(e.validThrough, QDate(2029, 10, 31));
        expiring += e.points.value();
    }
    QCOMPARE(expiring, qint64(150));
    fx.setToday(QDate(2029, 11, 1));
    JIFEN_REQUIRE(exp, fx.ledger->expire());
    QCOMPARE(exp->pointsExpired, Points(150));
    QCOMPARE(fx.balance(), qint64(80));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestBudget::releaseAcrossMonthsKeepsValidThrough()
{
    // Deferred in October, released by November's allowance: still valid through October 2029.
    JIFEN_FIXTURE(fx, QDate(2026, 10, 30));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(0));
    JIFEN_REQUIRE(s, fx.buy(u"oct"_s, u"70.00"_s));
    QCOMPARE(s->deferred, Points(70));
    QCOMPARE(fx.balance(), qint64(0));

    fx.setToday(QDate(2026, 11, 2));
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(500));
    QCOMPARE(fx.balance(), qint64(70));
    const auto rel = releases(fx);
    QCOMPARE(rel.size(), 1);
    QCOMPARE(rel.at(0).detail.value(u"released_from"_s).toInteger(), earnSeqOf(fx, u"oct"_s));
    JIFEN_REQUIRE(nov, fx.ledger->allowance(u"2026-11"_s));
    QCOMPARE(nov->used, Points(70));
    QCOMPARE(nov->deferredPending, Points(0));

    fx.setToday(QDate(2029, 11, 1));
    JIFEN_REQUIRE(exp, fx.ledger->expire());
    QCOMPARE(exp->pointsExpired, Points(70));
    QCOMPARE(fx.balance(), qint64(0));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestBudget::setAllowanceBelowUsedRefused_data()
{
    QTest::addColumn<qint64>("points");
    QTest::addColumn<QString>("month");
    QTest::addColumn<int>("code"); // 0: accepted

    // 500 points were issued this month.
    QTest::newRow("exactly what was used") << qint64(500) << "" << 0;
    QTest::newRow("one below what was used") << qint64(499) << "" << int(ErrorCode::Refused);
    QTest::newRow("zero") << qint64(0) << "" << int(ErrorCode::Refused);
    QTest::newRow("the same month by name, one below") << qint64(499) << "2026-11" << int(ErrorCode::Refused);
    QTest::newRow("another month, zero") << qint64(0) << "2026-12" << 0;
    QTest::newRow("negative") << qint64(-1) << "" << int(ErrorCode::BadInput);
    QTest::newRow("not a month") << qint64(1000) << "2026-13" << int(ErrorCode::BadInput);
}

void TestBudget::setAllowanceBelowUsedRefused()
{
    QFETCH(qint64, points);
    QFETCH(QString, month);
    QFETCH(int, code);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"500.00"_s));
    const auto r = fx.ledger->setAllowance(points, month);
    const bool realMonth = month != u"2026-13"_s;
    JIFEN_REQUIRE(now, fx.ledger->allowance(realMonth ? month : QString()));
    if (code == 0) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->granted, Points(points));
        QCOMPARE(now->granted, Points(points));
        return;
    }
    QVERIFY2(!r.ok(), "the allowance was set");
    QCOMPARE(int(r.error().code), code);
    QCOMPARE(now->granted, Points(1000000));
    QCOMPARE(now->used, Points(month == u"2026-12"_s ? 0 : 500));
}

void TestBudget::refundCancelsDeferredFirst()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(100));
    JIFEN_REQUIRE(s, fx.buy(u"s1"_s, u"150.00"_s)); // 100 granted, 50 deferred
    QCOMPARE(s->deferred, Points(50));

    // Refunding 50.00 takes back 50 points: the deferred ones, not the granted.
    JIFEN_REQUIRE(r, fx.refund(u"rf1"_s, u"s1"_s, u"50.00"_s));
    QCOMPARE(r->pointsReversed, Points(0));
    QCOMPARE(r->balance, Points(100));
    QCOMPARE(fx.balance(), qint64(100));
    JIFEN_REQUIRE(a, fx.ledger->allowance());
    QCOMPARE(a->deferredPending, Points(0));

    // Nothing is left to release.
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(1000));
    QCOMPARE(releases(fx).size(), 0);
    QCOMPARE(fx.balance(), qint64(100));

    // The rest of the refund reverses granted points.
    JIFEN_REQUIRE(rest, fx.refund(u"rf2"_s, u"s1"_s));
    QCOMPARE(rest->pointsReversed, Points(100));
    QVERIFY(rest->fullyRefunded);
    QCOMPARE(fx.balance(), qint64(0));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestBudget::fullRefundOfPartlyDeferredSale()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(100));
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"150.00"_s));
    JIFEN_REQUIRE(r, fx.refund(u"rf1"_s, u"s1"_s));
    QCOMPARE(r->pointsReversed, Points(100));
    QCOMPARE(fx.balance(), qint64(0));
    JIFEN_REQUIRE(a, fx.ledger->allowance());
    QCOMPARE(a->deferredPending, Points(0));
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(1000));
    QCOMPARE(fx.balance(), qint64(0));
    QCOMPARE(releases(fx).size(), 0);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestBudget::greenActionBeyondAllowanceDeferred()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(60));
    JIFEN_REQUIRE(g, fx.green(u"g1"_s, u"training"_s));
    QCOMPARE(g->points, Points(60));
    QCOMPARE(g->deferred, Points(40));
    QCOMPARE(fx.greenBalance(), qint64(60));
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(100));
    QCOMPARE(fx.greenBalance(), qint64(100));
    QCOMPARE(fx.balance(), qint64(100));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestBudget::adjustments_data()
{
    QTest::addColumn<qint64>("points");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<int>("code"); // 0: accepted

    // The member holds 500 points; the allowance has room for 1000 more.
    const QString pin = kApproverPin;
    const QString why = u"系统故障补录积分"_s;
    QTest::newRow("+1000: exactly the room") << qint64(1000) << why << pin << 0;
    QTest::newRow("+1001: beyond the room") << qint64(1001) << why << pin << int(ErrorCode::Refused);
    QTest::newRow("+1 with a one-character reason") << qint64(1) << u"补"_s << pin << 0;
    QTest::newRow("-500: exactly the balance") << qint64(-500) << why << pin << 0;
    QTest::newRow("-501: beyond the balance") << qint64(-501) << why << pin << int(ErrorCode::Refused);
    QTest::newRow("reason of 200 characters") << qint64(10) << QString(200, u'因') << pin << 0;
    QTest::newRow("reason of 201 characters") << qint64(10) << QString(201, u'因') << pin << int(ErrorCode::BadInput);
    // A grant without a reason breaks compliance line 1 (points only from consumption, recorded
    // actions or reasoned adjustments): refused, like every compliance refusal.
    QTest::newRow("no reason") << qint64(10) << "" << pin << int(ErrorCode::Refused);
    QTest::newRow("blank reason") << qint64(10) << "   " << pin << int(ErrorCode::Refused);
    QTest::newRow("no PIN") << qint64(10) << why << "" << int(ErrorCode::Refused);
    QTest::newRow("wrong PIN") << qint64(10) << why << "0000" << int(ErrorCode::Refused);
    QTest::newRow("a cashier's PIN") << qint64(10) << why << "1357" << int(ErrorCode::Refused);
    QTest::newRow("zero points") << qint64(0) << why << pin << int(ErrorCode::BadInput);
}

void TestBudget::adjustments()
{
    QFETCH(qint64, points);
    QFETCH(QString, reason);
    QFETCH(QString, pin);
    QFETCH(int, code);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addCashier(u"小李"_s, u"1357"_s));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"500.00"_s));
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(1500));
    const qint64 before = fx.journalSize();

    const auto r = fx.adjust(u"adj1"_s, points, reason, kPhone, pin);
    if (code != 0) {
        QVERIFY2(!r.ok(), "the adjustment was accepted");
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(fx.journalSize(), before);
        QCOMPARE(fx.balance(), qint64(500));
        JIFEN_REQUIRE(a, fx.ledger->allowance());
        QCOMPARE(a->used, Points(500));
        return;
    }
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(r->points, Points(points));
    QCOMPARE(r->deferred, Points(0));
    QCOMPARE(r->approvedBy, kManagerName);
    QCOMPARE(r->balance, Points(500 + points));
    QCOMPARE(fx.balance(), 500 + points);
    QCOMPARE(fx.journalSize(), before + 1);
    const auto e = fx.lastEntry();
    QVERIFY(e);
    QCOMPARE(e->kind, EntryKind::Adjust);
    QCOMPARE(e->points, Points(points));
    QCOMPARE(e->greenPoints, Points(0));
    QCOMPARE(e->detail.value(u"approved_by"_s).toString(), kManagerName);
    QCOMPARE(e->detail.value(u"reason"_s).toString(), reason);
    JIFEN_REQUIRE(a, fx.ledger->allowance());
    QCOMPARE(a->used, Points(500 + std::max<qint64>(points, 0)));
    if (points > 0) // a new ordinary lot
        QCOMPARE(e->lots, (QList<LotMove>{LotMove{LotRef{u"T1"_s, e->seq}, Points(points)}}));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestBudget::negativeAdjustmentFirstExpiringFirst()
{
    JIFEN_FIXTURE(fx, QDate(2026, 1, 10));
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"jewel"_s, u"300.00"_s, kPhone, u"jewellery"_s)); // seq: valid through 2031-01-31
    fx.setToday(QDate(2026, 3, 5));
    JIFEN_VERIFY_OK(fx.buy(u"mar"_s, u"300.00"_s)); // valid through 2029-03-31
    const qint64 jewel = earnSeqOf(fx, u"jewel"_s);
    const qint64 mar = earnSeqOf(fx, u"mar"_s);
    JIFEN_REQUIRE(r, fx.adjust(u"adj"_s, -400, u"重复积分冲正"_s));
    QCOMPARE(r->balance, Points(200));
    QCOMPARE(fx.lastEntry()->lots, (QList<LotMove>{LotMove{LotRef{u"T1"_s, mar}, Points(-300)},
                                                   LotMove{LotRef{u"T1"_s, jewel}, Points(-100)}}));
    JIFEN_VERIFY_LEDGER(fx);
}

QTEST_GUILESS_MAIN(TestBudget)
#include "tst_budget.moc"
