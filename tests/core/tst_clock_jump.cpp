// A terminal's clock may jump ahead (a flat clock battery, a typo). Once the terminal has talked
// to HQ, its automatic expiry never runs past the last date HQ confirmed, so such a jump hides
// lapsed-looking points from spending but never destroys them.

#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

class TestClockJump : public QObject {
    Q_OBJECT
private slots:
    void jumpAheadDoesNotExpire_data()
    {
        QTest::addColumn<int>("yearsAhead");
        QTest::addColumn<bool>("enrolled");
        QTest::addColumn<bool>("expiresOnJump");
        QTest::newRow("standalone terminal, clock 5 years ahead: local clock rules") << 5 << false << true;
        QTest::newRow("terminal that saw HQ, clock 5 years ahead: nothing expires") << 5 << true << false;
        QTest::newRow("terminal that saw HQ, clock 1 year ahead: nothing lapsed") << 1 << true << false;
    }
    void jumpAheadDoesNotExpire()
    {
        QFETCH(int, yearsAhead);
        QFETCH(bool, enrolled);
        QFETCH(bool, expiresOnJump);
        JIFEN_FIXTURE(fx);
        JIFEN_VERIFY_OK(fx.addMember());
        JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"500.00"_s)); // 500 points valid through 2029-11-30
        if (enrolled)
            JIFEN_VERIFY_OK(fx.ledger->recordHqTime(fx.clock.nowUtc()));
        fx.clock.set(cst(QDate(2026 + yearsAhead, 11, 23)));

        JIFEN_VERIFY_OK(fx.sale(u"s2"_s, u"10.00"_s));
        const bool expired = !fx.entriesOf(EntryKind::Expire).isEmpty();
        QCOMPARE(expired, expiresOnJump);
        JIFEN_VERIFY_LEDGER(fx);

        if (enrolled && yearsAhead >= 5) {
            // Still not spendable while the clock says they lapsed...
            JIFEN_VERIFY_ERROR(fx.ledger->redeem(RedeemRequest{u"r1"_s, kPhone, {}, u"FRUIT-WASH"_s, 1, {}, {}}),
                               ErrorCode::Refused);
            // ...and once HQ confirms the date, they expire for real.
            JIFEN_VERIFY_OK(fx.ledger->recordHqTime(fx.clock.nowUtc()));
            JIFEN_VERIFY_OK(fx.sale(u"s3"_s, u"10.00"_s));
            QCOMPARE(fx.entriesOf(EntryKind::Expire).size(), 1);
            QCOMPARE(fx.entriesOf(EntryKind::Expire).first().points, Points(-500));
            JIFEN_VERIFY_LEDGER(fx);
        }
    }
};

QTEST_GUILESS_MAIN(TestClockJump)
#include "tst_clock_jump.moc"
