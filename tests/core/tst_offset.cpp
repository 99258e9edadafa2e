// Points offset (积分抵扣): points pay part of a bill in whole yuan at 100 points per yuan, never
// more than the bill or the balance, only for a member; a refused offset changes nothing.

#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

class TestOffset : public QObject {
    Q_OBJECT
private slots:
    void offsetLimits_data();
    void offsetLimits();
    void offsetExactlyTheBalance();
    void offsetConsumesFirstExpiringLots();
    void offsetIsAtRuleSetRate();
    void offlineRoomBoundsEveryOfflineSpend_data();
    void offlineRoomBoundsEveryOfflineSpend();
};

void TestOffset::offsetLimits_data()
{
    QTest::addColumn<QString>("phone"); // empty: no member
    QTest::addColumn<QString>("amount");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("code"); // 0: accepted, else the ErrorCode
    QTest::addColumn<QString>("message");

    // The member holds 1000 points.
    QTest::newRow("100 points off 10.00 accepted") << kPhone << "10.00" << qint64(100) << 0 << "";
    QTest::newRow("1000 points (the whole balance) accepted") << kPhone << "20.00" << qint64(1000) << 0 << "";
    QTest::newRow("points equal to the bill accepted") << kPhone << "3.00" << qint64(300) << 0 << "";
    QTest::newRow("150 points: not whole yuan")
        << kPhone << "10.00" << qint64(150) << int(ErrorCode::BadInput) << "not a multiple of 100";
    QTest::newRow("1 point: not whole yuan")
        << kPhone << "10.00" << qint64(1) << int(ErrorCode::BadInput) << "not a multiple of 100";
    QTest::newRow("negative points") << kPhone << "10.00" << qint64(-100) << int(ErrorCode::BadInput)
                                     << "must not be negative";
    QTest::newRow("more points than the bill")
        << kPhone << "9.99" << qint64(1000) << int(ErrorCode::Refused) << "at most the bill";
    QTest::newRow("400 points on a 3.00 bill")
        << kPhone << "3.00" << qint64(400) << int(ErrorCode::Refused) << "at most the bill";
    QTest::newRow("more points than the balance")
        << kPhone << "50.00" << qint64(1100) << int(ErrorCode::Refused) << "not enough points";
    QTest::newRow("offset without a member") << ""
                                             << "50.00" << qint64(100) << int(ErrorCode::BadInput) << "member";
    QTest::newRow("absurdly many points")
        << kPhone << "50.00" << qint64(2000000000) << int(ErrorCode::BadInput) << "too many";
}

void TestOffset::offsetLimits()
{
    QFETCH(QString, phone);
    QFETCH(QString, amount);
    QFETCH(qint64, offset);
    QFETCH(int, code);
    QFETCH(QString, message);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"float"_s, u"1000.00"_s));
    const auto before = fx.entries();
    const qint64 balanceBefore = fx.balance();
    QCOMPARE(balanceBefore, qint64(1000));

    const auto r = fx.sale(u"s1"_s, amount, phone, offset);
    if (code == 0) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->offsetPoints, Points(offset));
        QCOMPARE(r->offsetAmount.fen(), offset);
        QCOMPARE(r->paid.fen(), Money::parseYuan(amount)->fen() - offset);
        QCOMPARE(fx.balance(), balanceBefore - offset + r->pointsEarned.value());
        JIFEN_VERIFY_LEDGER(fx);
        return;
    }
    QVERIFY2(!r.ok(), "the offset was accepted");
    QCOMPARE(int(r.error().code), code);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    // Nothing changed: same journal, same balance, and the reference is still free.
    const auto after = fx.entries();
    QCOMPARE(after.size(), before.size());
    QCOMPARE(after.last().hash, before.last().hash);
    QCOMPARE(fx.balance(), balanceBefore);
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"1.00"_s));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestOffset::offsetExactlyTheBalance()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"a"_s, u"300.00"_s));
    fx.setToday(QDate(2026, 12, 5));
    JIFEN_VERIFY_OK(fx.sale(u"b"_s, u"200.00"_s));
    QCOMPARE(fx.balance(), qint64(500));

    // The whole balance pays 5.00 of a 5.00 bill: nothing paid in cash, nothing earned.
    JIFEN_REQUIRE(r, fx.sale(u"c"_s, u"5.00"_s, kPhone, 500));
    QCOMPARE(r->paid.fen(), qint64(0));
    QCOMPARE(r->pointsEarned, Points(0));
    QCOMPARE(r->balance, Points(0));
    QCOMPARE(fx.balance(), qint64(0));
    // One more point is refused.
    JIFEN_VERIFY_ERROR(fx.sale(u"d"_s, u"5.00"_s, kPhone, 100), ErrorCode::Refused);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestOffset::offsetConsumesFirstExpiringLots()
{
    JIFEN_FIXTURE(fx, QDate(2026, 1, 10));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"jan"_s, u"300.00"_s)); // seq 1, valid through 2029-01-31
    fx.setToday(QDate(2026, 3, 2));
    JIFEN_VERIFY_OK(fx.sale(u"mar"_s, u"300.00"_s)); // seq 2, valid through 2029-03-31

    JIFEN_REQUIRE(r, fx.sale(u"pay"_s, u"10.00"_s, kPhone, 400));
    QCOMPARE(r->pointsEarned, Points(6));
    const auto all = fx.entries();
    QCOMPARE(all.size(), 4);
    const JournalEntry& offset = all.at(2);
    QCOMPARE(offset.kind, EntryKind::Offset);
    QCOMPARE(offset.lots.size(), 2);
    QCOMPARE(offset.lots.at(0), (LotMove{LotRef{u"T1"_s, 1}, Points(-300)}));
    QCOMPARE(offset.lots.at(1), (LotMove{LotRef{u"T1"_s, 2}, Points(-100)}));
    QCOMPARE(offset.detail.value(u"points_per_yuan"_s).toInteger(), qint64(100));
    QCOMPARE(offset.detail.value(u"offset_fen"_s).toInteger(), qint64(400));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestOffset::offsetIsAtRuleSetRate()
{
    JIFEN_FIXTURE(fx);
    JIFEN_REQUIRE(rules, fx.ledger->rules());
    QCOMPARE(rules->offsetPointsPerYuan(), qint64(100));
}

QTEST_GUILESS_MAIN(TestOffset)
#include "tst_offset.moc"

// Once enrolled, offsets, donations and household transfers spend points without asking HQ, so the
// same offline room as a redemption bounds them: HQ-confirmed points less unsynced spending, and
// redemption.offline_daily_limit_points (5000) a member a day, offsets and redemptions counted together.
void TestOffset::offlineRoomBoundsEveryOfflineSpend_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<QString>("message"); // empty: accepted

    for (const QString& kind : {u"offset"_s, u"donation"_s, u"transfer"_s}) {
        QTest::newRow(qPrintable(kind + u": the 1000 left today"_s)) << kind << qint64(1000) << QString();
        QTest::newRow(qPrintable(kind + u": 1100, beyond the day"_s))
            << kind << qint64(1100)
            << u"at most 5000 points a day (redemptions, offsets, donations and "
               "transfers): 1000 left today, 1100 needed"_s;
        QTest::newRow(qPrintable(kind + u": points HQ has not confirmed"_s))
            << kind << qint64(-100) << u"only points HQ has confirmed can be spent: 0 available, 100 needed"_s;
    }
}

void TestOffset::offlineRoomBoundsEveryOfflineSpend()
{
    QFETCH(QString, kind);
    QFETCH(qint64, points);
    QFETCH(QString, message);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.addMember(kPhone2, u"李四"_s));
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.ledger->createHousehold(kPhone));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhone, kPhone2));
    JIFEN_VERIFY_OK(fx.sale(u"float"_s, u"8000.00"_s));
    // Enrolled, and HQ has acknowledged everything so far: 8000 points confirmed.
    JIFEN_VERIFY_OK(fx.ledger->saveEnrollment(u"http://127.0.0.1:1"_s, QByteArray(32, 'k')));
    JIFEN_VERIFY_OK(fx.ledger->recordPushed(fx.lastEntry()->seq, {}));
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"40.00"_s, kPhone, 4000)); // 4000 of today's 5000
    QString from = kPhone;
    if (points < 0) { // the other member holds only points earned since the last push
        points = -points;
        JIFEN_VERIFY_OK(fx.sale(u"s2"_s, u"200.00"_s, kPhone2));
        from = kPhone2;
    }
    const auto before = fx.entries();
    const qint64 balanceBefore = fx.balance(from);

    auto spend = [&]() -> Status {
        if (kind == u"offset"_s) {
            auto r = fx.sale(u"x"_s, u"20.00"_s, from, points);
            return r ? Status(Ok{}) : Status(r.error());
        }
        if (kind == u"donation"_s) {
            auto r = fx.donate(u"x"_s, u"TREE-PLANTING"_s, points, from);
            return r ? Status(Ok{}) : Status(r.error());
        }
        auto r = fx.transfer(u"x"_s, from, from == kPhone ? kPhone2 : kPhone, points);
        return r ? Status(Ok{}) : Status(r.error());
    };
    const Status done = spend();
    if (message.isEmpty()) {
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().message));
        QVERIFY(fx.balance(from) < balanceBefore);
        JIFEN_VERIFY_LEDGER(fx);
        return;
    }
    QVERIFY2(!done.ok(), "the offline spend was accepted");
    QCOMPARE(done.error().code, ErrorCode::Refused);
    QVERIFY2(done.error().message.contains(message), qPrintable(done.error().message));
    QCOMPARE(fx.entries().size(), before.size());
    QCOMPARE(fx.balance(from), balanceBefore);
    // A redemption draws on the same room: what the offset used is gone for it too.
    const auto quote = fx.ledger->quoteRedemption(RedeemRequest{u"q"_s, kPhone, QString(), u"FRUIT-WASH"_s, 1, {}, {}});
    QVERIFY2(quote.ok(), quote.ok() ? "" : qPrintable(quote.error().message));
    QCOMPARE(quote->offlineRoom, Points(1000));
}
