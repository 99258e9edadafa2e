// A point is never lost or counted twice across a crash: crash_worker runs ledger operations in a
// loop and is killed with SIGKILL at a random moment, many times over. After every kill the
// journal has no gap, the hash chain verifies, every balance equals its journal, and nothing
// that was committed before has changed (the journal only grows).

#include "clock.h"
#include "ledger.h"
#include "store.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace jifen;
using namespace Qt::StringLiterals;

// The error text of a failed result; empty when it succeeded. QVERIFY2 evaluates its message
// even when the check passes, so it must never call error() on a success.
template <typename T> QString errorOf(const jifen::Result<T>& r)
{
    return r.ok() ? QString() : r.error().message;
}

class CrashTest : public QObject {
    Q_OBJECT

private:
    QString m_worker;

private slots:
    void initTestCase()
    {
        m_worker = QDir(QCoreApplication::applicationDirPath()).filePath(u"crash_worker"_s);
        QVERIFY2(QFileInfo(m_worker).isExecutable(), qPrintable(m_worker));
    }

    void killedAtRandomMoments_data()
    {
        QTest::addColumn<int>("rounds");
        QTest::addColumn<int>("maxDelayMs");
        QTest::newRow("40 kills within 0-60 ms of the first commit") << 40 << 60;
        QTest::newRow("10 kills right at the first commit") << 10 << 0;
    }

    void killedAtRandomMoments()
    {
        QFETCH(int, rounds);
        QFETCH(int, maxDelayMs);
        // JIFEN_CRASH_SEED replays a failing run.
        bool fixed = false;
        const quint32 seed = qEnvironmentVariableIsSet("JIFEN_CRASH_SEED")
                                 ? static_cast<quint32>(qEnvironmentVariableIntValue("JIFEN_CRASH_SEED", &fixed))
                                 : QRandomGenerator::global()->generate();
        qInfo("crash seed %u (set JIFEN_CRASH_SEED=%u to replay)", seed, seed);
        QRandomGenerator rng(seed);

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        const QString dbPath = QDir(dir).filePath(u"jifen.db"_s);

        qint64 lastSeq = 0;
        QString lastHash;
        for (int round = 1; round <= rounds; ++round) {
            QProcess worker;
            worker.setProcessChannelMode(QProcess::SeparateChannels);
            worker.start(m_worker, {dir});
            QVERIFY2(worker.waitForStarted(30000), qPrintable(worker.errorString()));
            QByteArray said;
            while (!said.contains("ready\n")) {
                if (!worker.waitForReadyRead(30000)) {
                    worker.kill();
                    worker.waitForFinished(10000);
                    QFAIL(qPrintable(u"round %1: the worker never got ready (exit %2): %3"_s.arg(round)
                                         .arg(worker.exitCode())
                                         .arg(QString::fromUtf8(worker.readAllStandardError()))));
                }
                said += worker.readAllStandardOutput();
            }
            const int delay = maxDelayMs > 0 ? static_cast<int>(rng.bounded(maxDelayMs + 1)) : 0;
            if (delay > 0)
                QThread::msleep(static_cast<unsigned long>(delay)); // the fault itself, not a wait
            worker.kill();
            QVERIFY(worker.waitForFinished(30000));
            const QByteArray err = worker.readAllStandardError();
            QVERIFY2(worker.exitStatus() == QProcess::CrashExit,
                     qPrintable(u"round %1: the worker stopped on its own (exit %2) before the kill: %3"_s.arg(round)
                                    .arg(worker.exitCode())
                                    .arg(QString::fromUtf8(err))));
            QVERIFY2(err.isEmpty(), err.constData());

            auto store = Store::open(dbPath);
            QVERIFY2(store.ok(), qPrintable(u"round %1: %2"_s.arg(round).arg(errorOf(store))));
            FixedClock clock(QDateTime(QDate(2026, 3, 10), QTime(2, 0), Qt::UTC));
            Ledger ledger(*store.value(), clock);

            auto report = ledger.verify();
            QVERIFY2(report.ok(), qPrintable(errorOf(report)));
            QVERIFY2(report->ok(),
                     qPrintable(u"round %1 (seed %2, delay %3 ms): %4"_s.arg(round).arg(seed).arg(delay).arg(
                         report->problems.join(u"; "_s))));

            auto journal = ledger.journal();
            QVERIFY(journal.ok());
            const QList<JournalEntry>& entries = journal.value();
            QVERIFY(!entries.isEmpty());
            // Gapless from 1, and the journal only grows: what was there before is still there.
            QHash<QString, qint64> sums;
            for (qsizetype i = 0; i < entries.size(); ++i) {
                QCOMPARE(entries.at(i).seq, i + 1);
                sums[entries.at(i).memberUid] += entries.at(i).points.value();
            }
            QVERIFY2(entries.last().seq > lastSeq,
                     qPrintable(u"round %1: the journal did not grow past seq %2"_s.arg(round).arg(lastSeq)));
            if (lastSeq > 0)
                QCOMPARE(entries.at(lastSeq - 1).hash, lastHash);
            lastSeq = entries.last().seq;
            lastHash = entries.last().hash;

            // The member's balance, as a cashier sees it, is the sum of its journal.
            auto member = ledger.memberByPhone(u"13800138000"_s);
            QVERIFY2(member.ok(), qPrintable(errorOf(member)));
            QCOMPARE(member->balance.value(), sums.value(member->member.uid));
        }
        qInfo("%d kills survived; journal at seq %lld", rounds, lastSeq);
    }
};

QTEST_GUILESS_MAIN(CrashTest)
#include "tst_crash.moc"
