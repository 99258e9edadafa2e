// When the terminal syncs: backoff with jitter after failures, opportunistic rounds after a
// change while HQ answers, and the nightly round at its hour. Time is a FixedClock stepped by
// the test; poll() is called directly instead of waiting for the timer.

#include "sync_harness.h"
#include "sync_scheduler.h"

#include <QTimeZone>

using namespace jifen;
using namespace jifen::test;

namespace {

QDateTime cst(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone(8 * 3600)).toUTC();
}

// A terminal on a fixed clock, not enrolled unless a test enrols it.
struct FixedTerminal {
    QTemporaryDir dir;
    FixedClock clock;
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    QNetworkAccessManager network;
    std::unique_ptr<sync::SyncClient> client;

    explicit FixedTerminal(const QDateTime& now)
        : clock(now)
    {
        store = Store::open(dir.filePath(QStringLiteral("jifen.db"))).value();
        ledger = std::make_unique<Ledger>(*store, clock);
        const auto st = ledger->initialize(QStringLiteral("S1"), QStringLiteral("T1"), QStringLiteral("fruit"));
        Q_ASSERT(st.ok());
        client = std::make_unique<sync::SyncClient>(*ledger, network, clock);
    }
};

} // namespace

class TestSyncScheduler : public QObject {
    Q_OBJECT
private slots:
    void backoff_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<quint32>("random");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("no failure: no wait") << 0 << 0u << qint64(0);
        QTest::newRow("first failure: the base") << 1 << 0u << qint64(5000);
        QTest::newRow("second: doubled") << 2 << 0u << qint64(10000);
        QTest::newRow("fifth: 16x") << 5 << 0u << qint64(80000);
        QTest::newRow("many: capped at 10 minutes") << 40 << 0u << qint64(600000);
        QTest::newRow("full jitter takes a quarter off") << 2 << 1000u << qint64(7500);
        QTest::newRow("half jitter") << 2 << 500u << qint64(8750);
        QTest::newRow("jitter wraps at 1001") << 1 << 1001u << qint64(5000);
    }
    void backoff()
    {
        QFETCH(int, failures);
        QFETCH(quint32, random);
        QFETCH(qint64, expected);
        QCOMPARE(sync::SyncScheduler::backoffMs(failures, 5000, 600000, random), expected);
    }

    void failuresBackOff()
    {
        FixedTerminal t(cst(2026, 11, 23, 10, 0));
        sync::SyncScheduler scheduler(*t.client, *t.ledger, t.clock, {}, 42);
        QSignalSpy rounds(&scheduler, &sync::SyncScheduler::roundFinished);
        // Not enrolled: every round fails at once, like an unreachable HQ.
        QVERIFY(scheduler.poll());
        QCOMPARE(rounds.size(), 1);
        QCOMPARE(rounds.first().at(0).toBool(), false);
        QCOMPARE(scheduler.failures(), 1);
        QVERIFY(!scheduler.online());
        qint64 wait = t.clock.nowUtc().msecsTo(scheduler.nextAttempt());
        QVERIFY2(wait >= 3750 && wait <= 5000, qPrintable(QString::number(wait)));
        QVERIFY(!scheduler.poll()); // not due yet
        t.clock.advanceSecs(5);
        QVERIFY(scheduler.poll());
        QCOMPARE(scheduler.failures(), 2);
        wait = t.clock.nowUtc().msecsTo(scheduler.nextAttempt());
        QVERIFY2(wait >= 7500 && wait <= 10000, qPrintable(QString::number(wait)));
        // "Sync now" does not wait for the backoff.
        scheduler.syncNow();
        QCOMPARE(scheduler.failures(), 3);
        // Offline, a sale does not bring the next round forward.
        const QDateTime next = scheduler.nextAttempt();
        QVERIFY(t.ledger->addMember({phone(1), QString(), QStringLiteral("会员"), QStringLiteral("person")}).ok());
        SaleRequest sale;
        sale.ref = QStringLiteral("s1");
        sale.phone = phone(1);
        sale.amount = QStringLiteral("10.00");
        QVERIFY(t.ledger->sale(sale).ok());
        QCOMPARE(scheduler.nextAttempt(), next);
    }

    void nightlyRoundAtItsHour_data()
    {
        QTest::addColumn<int>("hour");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("nightly");
        QTest::newRow("default 02:00, before it") << 2 << cst(2026, 11, 23, 1, 0) << cst(2026, 11, 23, 2, 0);
        QTest::newRow("default 02:00, just after it") << 2 << cst(2026, 11, 23, 2, 1) << cst(2026, 11, 24, 2, 0);
        QTest::newRow("23:00 on the last day of the year") << 23 << cst(2026, 12, 31, 23, 30) << cst(2027, 1, 1, 23, 0);
        QTest::newRow("an hour out of range is clamped") << 99 << cst(2026, 11, 23, 10, 0) << cst(2026, 11, 23, 23, 0);
    }
    void nightlyRoundAtItsHour()
    {
        QFETCH(int, hour);
        QFETCH(QDateTime, start);
        QFETCH(QDateTime, nightly);
        FixedTerminal t(start);
        sync::SyncScheduler::Settings settings;
        settings.nightlyHour = hour;
        settings.backoffBaseMs = 48LL * 3600 * 1000; // a backoff far longer than a day
        settings.backoffMaxMs = settings.backoffBaseMs;
        sync::SyncScheduler scheduler(*t.client, *t.ledger, t.clock, settings, 7);
        QCOMPARE(scheduler.nextNightly(), nightly);
        QVERIFY(scheduler.poll()); // fails: the backoff now says "in two days"
        t.clock.set(nightly.addSecs(-1));
        QVERIFY(!scheduler.poll());
        t.clock.set(nightly);
        QVERIFY(scheduler.poll()); // the nightly round runs anyway
        QCOMPARE(scheduler.nextNightly(), nightly.addDays(1));
    }

    void changesTravelSoonWhileOnline()
    {
        QTemporaryDir hqDir;
        HqProcess hq(hqDir.path(), QString());
        QVERIFY(hq.start());
        int exit = -1;
        const QString code = QJsonDocument::fromJson(
                                 hq.admin({QStringLiteral("terminal"), QStringLiteral("add"), QStringLiteral("--store"),
                                           QStringLiteral("S1"), QStringLiteral("--terminal"), QStringLiteral("T1")},
                                          &exit))
                                 .object()
                                 .value(QStringLiteral("code"))
                                 .toString();
        QCOMPARE(exit, 0);
        FixedTerminal t(QDateTime::currentDateTimeUtc());
        QSignalSpy enrolled(t.client.get(), &sync::SyncClient::enrolled);
        t.client->enroll(hq.url(), code);
        QVERIFY(enrolled.wait(30000));
        QVERIFY(enrolled.first().at(0).toBool());

        sync::SyncScheduler scheduler(*t.client, *t.ledger, t.clock, {}, 1);
        QSignalSpy online(&scheduler, &sync::SyncScheduler::onlineChanged);
        QSignalSpy rounds(&scheduler, &sync::SyncScheduler::roundFinished);
        QVERIFY(scheduler.poll());
        QVERIFY(rounds.wait(30000));
        QVERIFY2(rounds.first().at(0).toBool(), qPrintable(rounds.first().at(1).toString()));
        QCOMPARE(online.size(), 1);
        QVERIFY(scheduler.online());
        QCOMPARE(t.clock.nowUtc().msecsTo(scheduler.nextAttempt()), 5 * 60'000);

        QVERIFY(t.ledger->addMember({phone(1), QString(), QStringLiteral("会员"), QStringLiteral("person")}).ok());
        SaleRequest sale;
        sale.ref = QStringLiteral("s1");
        sale.phone = phone(1);
        sale.amount = QStringLiteral("10.00");
        QVERIFY(t.ledger->sale(sale).ok());
        QCOMPARE(t.clock.nowUtc().msecsTo(scheduler.nextAttempt()), 2'000);
        t.clock.advanceSecs(2);
        QVERIFY(scheduler.poll());
        QVERIFY(rounds.wait(30000));
        QVERIFY(rounds.last().at(0).toBool());
        QCOMPARE(t.ledger->syncState()->pending(), 0);

        // HQ goes away: the indicator turns offline after the next round.
        hq.kill();
        scheduler.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!scheduler.online(), 30000);
        QCOMPARE(online.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "tst_sync_scheduler.moc"
