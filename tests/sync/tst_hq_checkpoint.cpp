// HQ's WAL checkpoints on their own thread (sync/hq_checkpointer.h): commits no longer copy the
// WAL into the database themselves, the background checkpoint catches up after them, a reader
// holding an old snapshot delays it without blocking a commit, and everything committed is in the
// database file once HQ closes.

#include "hq_checkpointer.h"
#include "hq_database.h"
#include "hq_process.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace jifen;
using namespace jifen::sync;
using namespace jifen::test;

namespace {

struct Report {
    int walFrames = -1;
    int checkpointed = -1;
    QString error;
    int count = 0;
};

// The checkpointer signals from its own thread; a context object on this thread queues the
// reports here, so the test reads them without a race.
void watch(HqCheckpointer* c, QObject* context, Report* report)
{
    QObject::connect(c, &HqCheckpointer::checkpointed, context, [report](int wal, int done, const QString& error) {
        report->walFrames = wal;
        report->checkpointed = done;
        report->error = error;
        ++report->count;
    });
}

Status insertNonces(HqDatabase& db, int batch, int rows)
{
    HqTransaction tx(db);
    JIFEN_TRY(tx.begin());
    for (int r = 0; r < rows; ++r)
        JIFEN_TRY(db.run(QStringLiteral("INSERT INTO nonces (terminal_id, nonce, seen_at) VALUES (?, ?, ?)"),
                         {QStringLiteral("T1"), QStringLiteral("n-%1-%2").arg(batch).arg(r),
                          QStringLiteral("2026-11-23T00:00:00.000Z")}));
    return tx.commit();
}

qint64 countNonces(const QString& path)
{
    auto db = HqDatabase::open(path);
    if (!db)
        return -1;
    auto n = db.value()->scalar(QStringLiteral("SELECT COUNT(*) FROM nonces"));
    return n ? n->toLongLong() : -1;
}

} // namespace

class TstHqCheckpoint : public QObject {
    Q_OBJECT
private slots:
    void catchesUpAfterCommits_data()
    {
        QTest::addColumn<int>("batches");
        QTest::addColumn<int>("rows");
        QTest::newRow("one small commit") << 1 << 1;
        QTest::newRow("many small commits") << 200 << 2;
        QTest::newRow("a few large commits") << 5 << 4000;
    }
    void catchesUpAfterCommits()
    {
        QFETCH(int, batches);
        QFETCH(int, rows);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hq.db"));
        {
            auto db = HqDatabase::open(path);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
            QCOMPARE(db.value()->checkpointer(), nullptr);
            QVERIFY(db.value()->checkpointInBackground());
            QVERIFY(db.value()->checkpointer());
            // The commit itself no longer checkpoints.
            auto automatic = db.value()->scalar(QStringLiteral("PRAGMA wal_autocheckpoint"));
            QVERIFY(automatic);
            QCOMPARE(automatic->toInt(), 0);

            QObject context;
            Report report;
            watch(db.value()->checkpointer(), &context, &report);
            for (int b = 0; b < batches; ++b)
                QVERIFY(insertNonces(*db.value(), b, rows));
            // Requests coalesce, so there may be fewer checkpoints than commits, but the last
            // one sees every frame and copies all of them.
            QTRY_VERIFY_WITH_TIMEOUT(
                report.count > 0 && report.walFrames > 0 && report.checkpointed == report.walFrames, 20000);
            QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
            QVERIFY(report.count <= batches);
        }
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal"))); // the last close folded it in
        QCOMPARE(countNonces(path), qint64(batches) * rows);
    }

    void readerDelaysButNeverBlocks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hq.db"));
        auto db = HqDatabase::open(path);
        QVERIFY(db);
        QVERIFY(db.value()->checkpointInBackground());
        QObject context;
        Report report;
        watch(db.value()->checkpointer(), &context, &report);
        QVERIFY(insertNonces(*db.value(), 0, 100));
        QTRY_VERIFY_WITH_TIMEOUT(report.count > 0 && report.checkpointed == report.walFrames, 20000);

        // A reader's snapshot pins the frames committed after it: the checkpoint stops short.
        auto reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        reader.setDatabaseName(path);
        QVERIFY(reader.open());
        {
            QSqlQuery q(reader);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM nonces")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 100);
            const int before = report.count;
            QVERIFY(insertNonces(*db.value(), 1, 100)); // the writer is not held up
            QTRY_VERIFY_WITH_TIMEOUT(report.count > before, 20000);
            QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
            QVERIFY(report.checkpointed < report.walFrames);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM nonces")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 100); // still the reader's snapshot
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        reader.close();
        reader = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("reader"));

        // Once the reader has gone, the next commit's checkpoint copies everything.
        const int before = report.count;
        QVERIFY(insertNonces(*db.value(), 2, 1));
        QTRY_VERIFY_WITH_TIMEOUT(report.count > before && report.checkpointed == report.walFrames, 20000);
        db.value().reset();
        QCOMPARE(countNonces(path), 201);
    }

    void postgresNeedsNone()
    {
        if (qEnvironmentVariableIsEmpty("JIFEN_TEST_PG"))
            QSKIP("JIFEN_TEST_PG is not set (scripts/test.sh sets it with a throwaway cluster)");
        PgDatabase pg;
        QVERIFY(!pg.spec().isEmpty());
        auto db = HqDatabase::open(pg.spec());
        QVERIFY(db);
        QVERIFY(db.value()->checkpointInBackground());
        QCOMPARE(db.value()->checkpointer(), nullptr);
    }
};

QTEST_GUILESS_MAIN(TstHqCheckpoint)
#include "tst_hq_checkpoint.moc"
