// jifen-pos against a real jifen-hq (127.0.0.1, port 0): the sync indicator turns offline when HQ
// is killed and online again when it is restarted, driven by the SyncScheduler and "sync now"
// (F10); redemptions go through HQ while it answers and within the offline limits when it does
// not, with the ledger's refusal shown as it is.

#include "../sync/sync_harness.h"
#include "pos_fixture.h"
#include "redeem_screen.h"
#include "sync_scheduler.h"
#include "sync_status_widget.h"

#include <QTableWidget>

using namespace jifen;
using namespace jifen::test;

namespace {

void pressSyncNow(QWidget* window)
{
    QTest::keyClick(window, Qt::Key_F10);
}

QString syncState(QWidget* window)
{
    return labelText(window, "syncStateLabel");
}

// Identifies the member on the redemption screen and redeems `quantity` of the chosen reward by
// keys alone.
void redeemByKeys(PosMainWindow& window, const QString& phone, const QString& reward, int quantity)
{
    window.showRedeem();
    QTestEventList keys;
    keys.addKeyClick(Qt::Key_F2); // selects what the field holds
    keys.addKeyClicks(phone);
    keys.addKeyClick(Qt::Key_Return);
    keys.addKeyClick(Qt::Key_F4);
    keys.addKeyClick(Qt::Key_A, Qt::ControlModifier);
    keys.addKeyClicks(QString::number(quantity));
    keys.addKeyClick(Qt::Key_F3);
    keys.addKeyClick(Qt::Key_A, Qt::ControlModifier);
    keys.addKeyClicks(reward);
    keys.addKeyClick(Qt::Key_Return);
    typeKeys(keys, &window);
}

} // namespace

class TstPosSync : public QObject {
    Q_OBJECT
private slots:
    void indicatorFollowsHq();
    void redemptionOnlineAndOffline();
};

void TstPosSync::indicatorFollowsHq()
{
    Backend b(u"sqlite"_s);
    QVERIFY(b.hq->start());
    Terminal t(u"T1"_s);
    QString error;
    QVERIFY2(t.enroll(b.hq->url(), b.code(u"T1"_s), &error), qPrintable(error));

    PosMainWindow::Options options;
    options.network = &t.network;
    PosMainWindow window(*t.ledger, *t.clock, options);
    sync::SyncScheduler scheduler(*t.client, *t.ledger, *t.clock, {}, 1);
    window.attachSync(*t.client, scheduler);
    QSignalSpy online(&scheduler, &sync::SyncScheduler::onlineChanged);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    t.sell(1, 3, 2);
    pressSyncNow(&window);
    QTRY_COMPARE_WITH_TIMEOUT(syncState(&window), u"Online"_s, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(&window, "syncStatusLabel").startsWith(u"0 "_s), 30000);
    QVERIFY2(!labelText(&window, "syncStatusLabel").contains(u"never"_s),
             qPrintable(labelText(&window, "syncStatusLabel")));

    // HQ goes away: the next round fails and the indicator turns offline; sales queue up.
    b.hq->kill();
    t.sell(4, 2, 2);
    pressSyncNow(&window);
    QTRY_COMPARE_WITH_TIMEOUT(syncState(&window), u"Offline"_s, 30000);
    QCOMPARE(online.size(), 2);
    QVERIFY2(labelText(&window, "syncStatusLabel").startsWith(u"2 "_s),
             qPrintable(labelText(&window, "syncStatusLabel")));

    // HQ is back on the same port: "sync now" ignores the backoff and the queue drains.
    QVERIFY(b.hq->start());
    pressSyncNow(&window);
    QTRY_COMPARE_WITH_TIMEOUT(syncState(&window), u"Online"_s, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(&window, "syncStatusLabel").startsWith(u"0 "_s), 30000);
    QCOMPARE(online.size(), 3);
    QCOMPARE(b.journal(u"T1"_s).size(), terminalJournal(*t.ledger).size());
}

void TstPosSync::redemptionOnlineAndOffline()
{
    Backend b(u"sqlite"_s);
    QVERIFY(b.hq->start());
    Terminal t(u"T1"_s);
    QVERIFY(t.enroll(b.hq->url(), b.code(u"T1"_s)));
    QVERIFY(t.ledger->addMember({phone(0), QString(), u"会员"_s, u"person"_s}).ok());
    SaleRequest sale;
    sale.ref = u"s1"_s;
    sale.phone = phone(0);
    sale.amount = u"6000.00"_s;
    QVERIFY(t.ledger->sale(sale).ok());
    QString error;
    QVERIFY2(t.sync(&error), qPrintable(error));

    PosMainWindow::Options options;
    options.network = &t.network;
    PosMainWindow window(*t.ledger, *t.clock, options);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto* message = child<QLabel>(&window, "redeemMessageLabel");
    auto* authorisation = child<QLabel>(&window, "redeemAuthorisationLabel");

    // HQ answers: it reserves and commits.
    redeemByKeys(window, phone(0), u"FRUIT-WASH"_s, 1);
    QTRY_VERIFY_WITH_TIMEOUT(window.redeem()->lastResult().has_value(), 30000);
    QCOMPARE(window.redeem()->lastResult()->authorisation, u"hq"_s);
    QCOMPARE(authorisation->property("authorisation").toString(), u"hq"_s);

    // HQ is away: within the limits the redemption is decided offline and says so.
    b.hq->kill();
    redeemByKeys(window, phone(0), u"FRUIT-WASH"_s, 2);
    QTRY_COMPARE_WITH_TIMEOUT(window.redeem()->lastResult()->quantity, qint64(2), 30000);
    QCOMPARE(window.redeem()->lastResult()->authorisation, u"offline"_s);
    QCOMPARE(authorisation->property("authorisation").toString(), u"offline"_s);
    QVERIFY2(authorisation->text().contains(u"offline"_s), qPrintable(authorisation->text()));

    // Beyond the offline daily limit (5,000 points): the ledger's refusal, shown as it is.
    redeemByKeys(window, phone(0), u"FRUIT-WASH"_s, 15);
    QTRY_VERIFY_WITH_TIMEOUT(!window.redeem()->busy(), 30000);
    QVERIFY2(message->text().startsWith(u"Not redeemed: HQ cannot authorise this redemption now"_s),
             qPrintable(message->text()));
    QVERIFY2(message->text().contains(u"5000 points a day"_s), qPrintable(message->text()));
    QCOMPARE(window.redeem()->lastResult()->quantity, qint64(2)); // nothing new recorded
}

QTEST_MAIN(TstPosSync)
#include "tst_pos_sync.moc"
