// Refunds reverse the points a sale earned, in proportion; partial refunds add up exactly to what
// was earned; spent points become a debt (never silently dropped); points that paid part of the
// bill go back to the lots they came from.

#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

class TestRefund : public QObject {
    Q_OBJECT
private slots:
    void partialRefundsSumToEarned_data();
    void partialRefundsSumToEarned();
    void refundLimits();
    void refundUnknownSale_data();
    void refundUnknownSale();
    void refundAfterPointsSpentLeavesDebt_data();
    void refundAfterPointsSpentLeavesDebt();
    void offsetRestoredToOriginalLots_data();
    void offsetRestoredToOriginalLots();
    void refundOfExpiredPointsIsExcused();
};

void TestRefund::partialRefundsSumToEarned_data()
{
    QTest::addColumn<QString>("paid");
    QTest::addColumn<QStringList>("parts");      // yuan; "*": everything still refundable
    QTest::addColumn<QList<qint64>>("reversed"); // points reversed by each part

    QTest::newRow("1234.56 in 3 uneven parts (100, 34.56, 1100)")
        << "1234.56" << QStringList{u"100.00"_s, u"34.56"_s, u"1100.00"_s} << QList<qint64>{100, 35, 1099};
    QTest::newRow("1234.56 in 3 equal thirds")
        << "1234.56" << QStringList{u"411.52"_s, u"411.52"_s, u"411.52"_s} << QList<qint64>{412, 411, 411};
    QTest::newRow("1234.56: one fen, then the rest")
        << "1234.56" << QStringList{u"0.01"_s, u"*"_s} << QList<qint64>{1, 1233};
    QTest::newRow("9.99 in three 3.33 parts")
        << "9.99" << QStringList{u"3.33"_s, u"3.33"_s, u"3.33"_s} << QList<qint64>{3, 3, 3};
    QTest::newRow("100.50: 0.50, 0.50 (reverses 0), rest")
        << "100.50" << QStringList{u"0.50"_s, u"0.50"_s, u"*"_s} << QList<qint64>{1, 0, 99};
    QTest::newRow("10.00: three fen, then the rest")
        << "10.00" << QStringList{u"0.01"_s, u"0.01"_s, u"0.01"_s, u"*"_s} << QList<qint64>{1, 0, 0, 9};
    QTest::newRow("1.00: 0.33, 0.33, 0.34")
        << "1.00" << QStringList{u"0.33"_s, u"0.33"_s, u"0.34"_s} << QList<qint64>{1, 0, 0};
    QTest::newRow("0.99 earns nothing, refunds nothing")
        << "0.99" << QStringList{u"0.50"_s, u"*"_s} << QList<qint64>{0, 0};
    QTest::newRow("full refund in one go") << "1234.56" << QStringList{u"*"_s} << QList<qint64>{1234};
    QTest::newRow("full refund by amount") << "1234.56" << QStringList{u"1234.56"_s} << QList<qint64>{1234};
}

void TestRefund::partialRefundsSumToEarned()
{
    QFETCH(QString, paid);
    QFETCH(QStringList, parts);
    QFETCH(QList<qint64>, reversed);
    QCOMPARE(parts.size(), reversed.size());

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_REQUIRE(sale, fx.sale(u"s1"_s, paid));
    const qint64 earned = sale->pointsEarned.value();
    QCOMPARE(earned, Money::parseYuan(paid)->fen() / 100);

    qint64 total = 0;
    qint64 refundedFen = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString amount = parts.at(i) == u"*"_s ? QString() : parts.at(i);
        JIFEN_REQUIRE(r, fx.refund(u"rf%1"_s.arg(i), u"s1"_s, amount));
        QCOMPARE(r->pointsReversed, Points(reversed.at(i)));
        QCOMPARE(r->offsetRestored, Points(0));
        refundedFen += r->amount.fen();
        total += r->pointsReversed.value();
        QCOMPARE(r->balance, Points(earned - total));
        QCOMPARE(r->fullyRefunded, i == parts.size() - 1);
    }
    QCOMPARE(refundedFen, Money::parseYuan(paid)->fen());
    QCOMPARE(total, earned);
    QCOMPARE(fx.balance(), qint64(0));
    // Every reversal points back at the earn entry and takes from its lot.
    for (const JournalEntry& e : fx.entries()) {
        if (e.kind != EntryKind::Reverse)
            continue;
        QCOMPARE(e.reversesSeq, qint64(1));
        QCOMPARE(e.lots.size(), 1);
        QCOMPARE(e.lots.first().lot, (LotRef{u"T1"_s, 1}));
        QCOMPARE(e.lots.first().points, e.points);
    }
    // Once fully refunded, nothing more.
    JIFEN_VERIFY_ERROR(fx.refund(u"again"_s, u"s1"_s), ErrorCode::Refused);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestRefund::refundLimits()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"100.00"_s));
    JIFEN_REQUIRE(first, fx.refund(u"rf1"_s, u"s1"_s, u"60.00"_s));
    QCOMPARE(first->pointsReversed, Points(60));
    QVERIFY(!first->fullyRefunded);

    // More than the 40.00 still refundable: refused, nothing written.
    const qint64 before = fx.journalSize();
    const auto tooMuch = fx.refund(u"rf2"_s, u"s1"_s, u"40.01"_s);
    QVERIFY(!tooMuch.ok());
    QCOMPARE(tooMuch.error().code, ErrorCode::Refused);
    QVERIFY2(tooMuch.error().message.contains(u"40.00"_s), qPrintable(tooMuch.error().message));
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(fx.balance(), qint64(40));

    // The full refund after a partial one takes the rest (the refused ref is still free).
    JIFEN_REQUIRE(rest, fx.refund(u"rf2"_s, u"s1"_s));
    QCOMPARE(rest->amount.toYuanString(), u"40.00"_s);
    QCOMPARE(rest->pointsReversed, Points(40));
    QVERIFY(rest->fullyRefunded);
    QCOMPARE(fx.balance(), qint64(0));

    // Already fully refunded: refused, whatever is asked.
    const qint64 after = fx.journalSize();
    for (const QString& amount : {QString(), u"0.01"_s}) {
        const auto again = fx.refund(u"rf3"_s, u"s1"_s, amount);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Refused);
        QVERIFY2(again.error().message.contains(u"already fully refunded"_s), qPrintable(again.error().message));
    }
    QCOMPARE(fx.journalSize(), after);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestRefund::refundUnknownSale_data()
{
    QTest::addColumn<QString>("saleRef");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<int>("code");
    QTest::newRow("no such sale") << "nope"
                                  << "" << int(ErrorCode::NotFound);
    QTest::newRow("empty sale ref") << ""
                                    << "" << int(ErrorCode::BadInput);
    QTest::newRow("bad amount") << "s1"
                                << "1.234" << int(ErrorCode::BadInput);
    QTest::newRow("zero amount") << "s1"
                                 << "0" << int(ErrorCode::BadInput);
}

void TestRefund::refundUnknownSale()
{
    QFETCH(QString, saleRef);
    QFETCH(QString, amount);
    QFETCH(int, code);
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"100.00"_s));
    const auto r = fx.refund(u"rf1"_s, saleRef, amount);
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().code), code);
    QCOMPARE(fx.journalSize(), qint64(1));
    QCOMPARE(fx.balance(), qint64(100));
}

void TestRefund::refundAfterPointsSpentLeavesDebt_data()
{
    QTest::addColumn<QString>("refundAmount"); // empty: full
    QTest::addColumn<qint64>("debt");          // balance after the refund, negated
    QTest::addColumn<QString>("laterSale");
    QTest::addColumn<qint64>("balanceAfter");

    // 1000 earned, 1000 spent on VOUCHER-50, then the sale is refunded.
    QTest::newRow("full refund: debt 1000, a 1500 sale repays it") << "" << qint64(1000) << "1500.00" << qint64(500);
    QTest::newRow("half refund: debt 500, a 200 sale does not clear it")
        << "500.00" << qint64(500) << "200.00" << qint64(-300);
    QTest::newRow("full refund: debt 1000, a 1000 sale clears it exactly")
        << "" << qint64(1000) << "1000.00" << qint64(0);
}

void TestRefund::refundAfterPointsSpentLeavesDebt()
{
    QFETCH(QString, refundAmount);
    QFETCH(qint64, debt);
    QFETCH(QString, laterSale);
    QFETCH(qint64, balanceAfter);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"1000.00"_s));
    JIFEN_VERIFY_OK(fx.redeem(u"r1"_s, u"VOUCHER-50"_s));
    QCOMPARE(fx.balance(), qint64(0));

    JIFEN_REQUIRE(r, fx.refund(u"rf1"_s, u"s1"_s, refundAmount));
    QCOMPARE(r->pointsReversed, Points(debt)); // reversed in full, not capped at the balance
    QCOMPARE(r->balance, Points(-debt));
    QCOMPARE(fx.balance(), -debt);
    const auto reverse = fx.lastEntry();
    QVERIFY(reverse);
    QCOMPARE(reverse->kind, EntryKind::Reverse);
    QCOMPARE(reverse->points, Points(-debt));
    QVERIFY(reverse->lots.isEmpty()); // no lot had anything left
    JIFEN_VERIFY_LEDGER(fx);

    // Nothing can be spent while in debt.
    JIFEN_VERIFY_ERROR(fx.redeem(u"r2"_s, u"FRUIT-WASH"_s), ErrorCode::Refused);

    // The next sale repays the debt before anything goes into a new lot.
    fx.clock.advanceDays(3);
    JIFEN_REQUIRE(later, fx.sale(u"s2"_s, laterSale));
    const qint64 earned = later->pointsEarned.value();
    QCOMPARE(later->balance, Points(balanceAfter));
    QCOMPARE(fx.balance(), balanceAfter);
    const auto earn = fx.lastEntry();
    QVERIFY(earn);
    QCOMPARE(earn->points, Points(earned));
    const qint64 intoLot = std::max<qint64>(0, earned - debt);
    QCOMPARE(earn->lots, (QList<LotMove>{LotMove{LotRef{u"T1"_s, earn->seq}, Points(intoLot)}}));
    QCOMPARE(earn->detail.value(u"debt_repaid"_s).toInteger(), std::min(earned, debt));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestRefund::offsetRestoredToOriginalLots_data()
{
    QTest::addColumn<QString>("refundAmount");  // of the 8.00 paid in cash
    QTest::addColumn<QString>("restoredMoves"); // "seq:points" of the restoring entry
    QTest::addColumn<qint64>("balance");

    // Lots: seq 1 (1000, Jan), seq 2 (500, Mar). The sale of 20.00 pays 12.00 with 1200 points
    // (seq 1 -1000, seq 2 -200), 8.00 in cash, and earns 8 (lot seq 4).
    QTest::newRow("full refund: Mar lot first, then Jan") << ""
                                                          << "2:200,1:1000" << qint64(1500);
    QTest::newRow("half refund: 600 points, Mar then Jan") << "4.00"
                                                           << "2:200,1:400" << qint64(1500 - 600 + 4);
    QTest::newRow("a quarter: 300 points, Mar then Jan") << "2.00"
                                                         << "2:200,1:100" << qint64(1500 - 900 + 6);
    QTest::newRow("an eighth: 150 points, Mar only") << "1.00"
                                                     << "2:150" << qint64(1500 - 1050 + 7);
}

void TestRefund::offsetRestoredToOriginalLots()
{
    QFETCH(QString, refundAmount);
    QFETCH(QString, restoredMoves);
    QFETCH(qint64, balance);

    JIFEN_FIXTURE(fx, QDate(2026, 1, 10));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"jan"_s, u"1000.00"_s));
    fx.setToday(QDate(2026, 3, 10));
    JIFEN_VERIFY_OK(fx.sale(u"mar"_s, u"500.00"_s));
    fx.setToday(QDate(2026, 4, 1));
    JIFEN_REQUIRE(sale, fx.sale(u"pay"_s, u"20.00"_s, kPhone, 1200));
    QCOMPARE(sale->paid.toYuanString(), u"8.00"_s);
    QCOMPARE(sale->pointsEarned, Points(8));
    const auto afterSale = fx.entries();
    QCOMPARE(afterSale.size(), 4);
    QCOMPARE(afterSale.at(2).kind, EntryKind::Offset);
    QCOMPARE(afterSale.at(2).lots,
             (QList<LotMove>{LotMove{LotRef{u"T1"_s, 1}, Points(-1000)}, LotMove{LotRef{u"T1"_s, 2}, Points(-200)}}));

    fx.setToday(QDate(2026, 4, 2));
    JIFEN_REQUIRE(r, fx.refund(u"back"_s, u"pay"_s, refundAmount));
    QCOMPARE(r->balance, Points(balance));
    QCOMPARE(fx.balance(), balance);

    QList<LotMove> expected;
    qint64 restored = 0;
    for (const QString& part : restoredMoves.split(u',')) {
        const auto f = part.split(u':');
        expected.append(LotMove{LotRef{u"T1"_s, f.at(0).toLongLong()}, Points(f.at(1).toLongLong())});
        restored += f.at(1).toLongLong();
    }
    QCOMPARE(r->offsetRestored, Points(restored));
    const auto all = fx.entries();
    const auto restoring = std::find_if(all.cbegin(), all.cend(), [](const JournalEntry& e) {
        return e.kind == EntryKind::Reverse && e.reversesSeq == 3;
    });
    QVERIFY(restoring != all.cend());
    QCOMPARE(restoring->points, Points(restored));
    QCOMPARE(restoring->lots, expected);

    // The restored points keep their lots' original expiry: the Jan lot's share expires with it.
    fx.setToday(QDate(2029, 2, 1));
    JIFEN_REQUIRE(expired, fx.ledger->expire());
    qint64 janLeft = 1000 - 1000;
    for (const LotMove& m : expected) {
        if (m.lot.seq == 1)
            janLeft += m.points.value();
    }
    QCOMPARE(expired->pointsExpired, Points(janLeft));
    JIFEN_VERIFY_LEDGER(fx);
}

// Points of a sale that already expired are gone; a later refund does not take them again.
void TestRefund::refundOfExpiredPointsIsExcused()
{
    JIFEN_FIXTURE(fx, QDate(2026, 1, 10));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"old"_s, u"300.00"_s));
    fx.setToday(QDate(2029, 2, 1));
    JIFEN_VERIFY_OK(fx.sale(u"new"_s, u"50.00"_s));
    QCOMPARE(fx.balance(), qint64(50)); // the 300 expired on the way
    JIFEN_REQUIRE(r, fx.refund(u"rf"_s, u"old"_s));
    QVERIFY(r->fullyRefunded);
    QCOMPARE(r->pointsReversed, Points(0));
    QCOMPARE(fx.balance(), qint64(50));
    JIFEN_VERIFY_LEDGER(fx);
}

QTEST_GUILESS_MAIN(TestRefund)
#include "tst_refund.moc"
