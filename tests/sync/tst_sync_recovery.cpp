// A corrupted terminal database, end to end: a terminal synced part of its journal to the real
// jifen-hq, sold more offline, then its database file was damaged (the header, a journal page in
// the middle, a frame in the middle of the write-ahead log). The next `jifen sync` (the real CLI)
// quarantines the file — kept byte for byte, never deleted — rebuilds the ledger from what can be
// read, says so on stderr, and pushes the recovered entries: HQ's journal then equals the
// recovered journal, which is the terminal's pre-damage journal up to the first unreadable entry
// (all of it when only the header was damaged), and HQ's books verify.

#include "cli_harness.h"
#include "sync_harness.h"

#include <QRandomGenerator>
#include <QtEndian>

using namespace jifen;
using namespace jifen::test;

namespace {

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray out(n, '\0');
    for (auto& c : out)
        c = static_cast<char>(gen.bounded(256));
    return out;
}

bool overwrite(const QString& path, qint64 offset, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
        return false;
    return f.write(bytes) == bytes.size();
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Run runJifen(const QString& dataDir, const QStringList& args)
{
    QProcess p;
    p.setProcessEnvironment(cliEnvironment(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)));
    const QString program = QDir(binDir()).filePath(QStringLiteral("jifen"));
    p.start(program, QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    return collect(p, program);
}

} // namespace

class SyncRecoveryTest : public QObject {
    Q_OBJECT

private slots:
    void corruptedTerminalRecoveredAndPushed_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("damage");
        QStringList backends{QStringLiteral("sqlite")};
        if (!qEnvironmentVariableIsEmpty("JIFEN_TEST_PG"))
            backends.append(QStringLiteral("postgresql"));
        for (const QString& backend : backends) {
            for (const char* damage : {"header", "journal page", "wal frame"})
                QTest::addRow("%s, HQ on %s", damage, qPrintable(backend)) << backend << QString::fromLatin1(damage);
        }
    }

    void corruptedTerminalRecoveredAndPushed()
    {
        QFETCH(QString, backend);
        QFETCH(QString, damage);
        Backend b(backend);
        if (b.pg && b.pg->spec().isEmpty())
            QFAIL("cannot create a PostgreSQL test database");
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        t.sell(0, 120, 6);
        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error));
        const qint64 synced = t.ledger->syncState()->ackedSeq;
        QVERIFY(synced >= 120);

        const QString path = t.dir.filePath(QStringLiteral("jifen.db"));
        // The WAL case keeps a second connection open, so closing the ledger leaves the log as a
        // crash would: the offline sales only in jifen.db-wal.
        const QString holderName = QStringLiteral("holder");
        {
            QSqlDatabase holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), holderName);
            holder.setDatabaseName(path);
            QVERIFY(holder.open());
            QSqlQuery q(holder);
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        if (damage != QStringLiteral("wal frame")) // closing the ledger then checkpoints everything
            QSqlDatabase::database(holderName, false).close();
        t.sell(120, damage == QStringLiteral("wal frame") ? 40 : 200, 6);
        const QMap<qint64, QString> before = terminalJournal(*t.ledger);
        t.close();
        QByteArray walCopy;
        if (damage == QStringLiteral("wal frame"))
            walCopy = fileBytes(path + QStringLiteral("-wal"));
        const QByteArray dbCopy = fileBytes(path);
        QSqlDatabase::database(holderName, false).close();
        QSqlDatabase::removeDatabase(holderName);

        if (damage == QStringLiteral("header")) {
            QVERIFY(overwrite(path, 0, randomBytes(100, 1)));
        } else if (damage == QStringLiteral("journal page")) {
            // The page holding an offline entry well before the end.
            const qint64 victim = synced + 60;
            const qsizetype at = dbCopy.indexOf(before.value(victim).toLatin1());
            QVERIFY(at > 0);
            const int pageSize = (quint8(dbCopy.at(16)) << 8) | quint8(dbCopy.at(17));
            QVERIFY(overwrite(path, at / pageSize * pageSize, randomBytes(pageSize, 2)));
        } else {
            QVERIFY2(walCopy.size() > 32, "the offline sales are not in the write-ahead log");
            QFile::remove(path + QStringLiteral("-shm"));
            QVERIFY(overwrite(path, 0, dbCopy));
            QFile wal(path + QStringLiteral("-wal"));
            QVERIFY(wal.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(wal.write(walCopy), walCopy.size());
            wal.close();
            const int pageSize = int(qFromBigEndian<quint32>(walCopy.constData() + 8));
            const qint64 frames = (walCopy.size() - 32) / (24 + pageSize);
            QVERIFY(frames > 10);
            QVERIFY(overwrite(path + QStringLiteral("-wal"), 32 + frames / 2 * (24 + pageSize) + 24,
                              randomBytes(pageSize, 3)));
        }
        const QByteArray damaged = fileBytes(path);

        const Run run = runJifen(t.dir.path(), {QStringLiteral("sync")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("quarantined"), qPrintable(run.describe()));
        QVERIFY2(run.err.contains("Recovered"), qPrintable(run.describe()));

        // The damaged file is kept as it was.
        const QStringList kept = QDir(t.dir.path()).entryList({QStringLiteral("jifen.db.corrupt-*")}, QDir::Files);
        QVERIFY2(!kept.isEmpty(), "nothing was quarantined");
        QCOMPARE(fileBytes(t.dir.filePath(kept.filter(QRegularExpression(QStringLiteral("\\d$"))).value(0))), damaged);

        t.reopen();
        const QMap<qint64, QString> recovered = terminalJournal(*t.ledger);
        // Exactly the pre-damage journal up to the last recovered entry, and at least what HQ had.
        QVERIFY(!recovered.isEmpty());
        QCOMPARE(recovered.firstKey(), qint64(1));
        QCOMPARE(recovered.size(), qsizetype(recovered.lastKey()));
        for (auto it = recovered.cbegin(); it != recovered.cend(); ++it)
            QCOMPARE(it.value(), before.value(it.key()));
        QVERIFY2(recovered.lastKey() > synced, "no offline entry was recovered");
        // The terminal's own books agree with its recovered journal: records of the entries that
        // were lost (sales, their lots) are gone, balances recomputed.
        const auto own = t.ledger->verify();
        QVERIFY(own);
        QVERIFY2(own->problems.isEmpty(), qPrintable(own->problems.join(QLatin1Char('\n'))));
        // (A damaged log frame loses the later transactions whole, records and entries alike.)
        if (damage == QStringLiteral("journal page"))
            QVERIFY2(run.err.contains("were dropped"), qPrintable(run.describe()));
        if (damage == QStringLiteral("header"))
            QCOMPARE(recovered, before);
        else
            qInfo("recovered %lld of %lld entries (HQ had %lld)", recovered.lastKey(), before.lastKey(), synced);

        // HQ received them: its journal equals the recovered one, and its books verify.
        QCOMPARE(b.journal(QStringLiteral("T1")), recovered);
        QCOMPARE(t.ledger->syncState()->pending(), 0);
        QString report;
        QVERIFY2(b.verify(&report), qPrintable(report));
        // The terminal goes on selling and syncing from the recovered chain.
        t.sell(1000, 3, 6);
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(b.journal(QStringLiteral("T1")), terminalJournal(*t.ledger));
    }
};

QTEST_GUILESS_MAIN(SyncRecoveryTest)
#include "tst_sync_recovery.moc"
