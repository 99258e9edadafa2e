// A damaged database is never used and never deleted: Store::open moves the file aside as
// jifen.db.corrupt-<stamp>, byte for byte as it was, and rebuilds the ledger at the same path from
// what can still be read (a damaged header is rewritten in a copy); when nothing can be read it
// reports a storage error naming the quarantined file.

#include "fixture.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

using namespace jifen;
using namespace jifen::test;

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator gen(seed); // fixed seed: the same garbage on every run
    QByteArray out(n, '\0');
    for (auto& c : out)
        c = static_cast<char>(gen.bounded(256));
    return out;
}

} // namespace

class TestCorruption : public QObject {
    Q_OBJECT
private slots:
    void corruptDatabaseQuarantined_data();
    void corruptDatabaseQuarantined();
    void healthyDatabaseNotQuarantined();
};

void TestCorruption::corruptDatabaseQuarantined_data()
{
    QTest::addColumn<QString>("damage");
    // "all": every entry recovered; "prefix": the entries before the damage; "some": any; "none":
    // open fails
    QTest::addColumn<QString>("expected");
    QTest::newRow("first 100 bytes (the header) overwritten") << "header"
                                                              << "all";
    QTest::newRow("magic string zeroed") << "magic"
                                         << "all";
    QTest::newRow("whole file replaced by random bytes") << "random"
                                                         << "none";
    QTest::newRow("second page overwritten with random bytes") << "page2"
                                                               << "some";
    QTest::newRow("a journal page in the middle overwritten") << "journal page"
                                                              << "prefix";
    QTest::newRow("a text file in its place") << "text"
                                              << "none";
}

void TestCorruption::corruptDatabaseQuarantined()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"jifen.db"_s);
    QStringList journal; // seq:hash before the damage
    {
        FixedClock clock(cst(QDate(2026, 11, 23)));
        JIFEN_REQUIRE(store, Store::open(path));
        Ledger ledger(*store.value(), clock);
        JIFEN_VERIFY_OK(ledger.initialize(u"S1"_s, u"T1"_s, u"general"_s));
        JIFEN_VERIFY_OK(ledger.addMember(NewMember{kPhone, QString(), u"张三"_s}));
        const int sales = damage == u"journal page"_s ? 300 : 20;
        for (int i = 0; i < sales; ++i)
            JIFEN_VERIFY_OK(ledger.sale(SaleRequest{u"s%1"_s.arg(i), kPhone, {}, u"100.00"_s, {}, {}, 0, {}, {}}));
        for (const JournalEntry& e : ledger.journal().value())
            journal.append(u"%1:%2"_s.arg(e.seq).arg(e.hash));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"jifen.db"_s}); // WAL checkpointed away

    QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.size() >= qsizetype(3) * 4096);
    if (damage == u"header"_s)
        bytes.replace(0, 100, randomBytes(100, 1));
    else if (damage == u"magic"_s)
        bytes.replace(0, 16, QByteArray(16, '\0'));
    else if (damage == u"random"_s)
        bytes = randomBytes(bytes.size(), 2);
    else if (damage == u"page2"_s)
        bytes.replace(4096, 4096, randomBytes(4096, 3));
    else if (damage == u"journal page"_s) {
        const qsizetype at = bytes.indexOf(journal.at(200).section(u':', 1).toLatin1()); // entry 201's hash
        QVERIFY(at > 0);
        bytes.replace(at / 4096 * 4096, 4096, randomBytes(4096, 4));
    } else
        bytes = QByteArrayLiteral("this is not a database\n");
    QVERIFY(writeFile(path, bytes));

    const auto opened = Store::open(path);
    const QStringList quarantined = QDir(dir.path()).entryList({u"jifen.db.corrupt-*"_s}, QDir::Files);
    QCOMPARE(quarantined.size(), 1);
    const QString moved = dir.filePath(quarantined.first());
    QVERIFY2(fileBytes(moved) == bytes, "the quarantined file does not hold the old bytes");

    if (expected == u"none"_s) {
        QVERIFY2(!opened.ok(), "a database with nothing readable was opened");
        QCOMPARE(opened.error().code, ErrorCode::Storage);
        QVERIFY2(opened.error().message.contains(u"corrupt"_s), qPrintable(opened.error().message));
        QVERIFY2(opened.error().message.contains(u"quarantined"_s), qPrintable(opened.error().message));
        QVERIFY2(opened.error().message.contains(moved), qPrintable(opened.error().message));
        // The original path is free: the terminal can start afresh; the quarantined file stays.
        QVERIFY(!QFile::exists(path));
        FixedClock clock(cst(QDate(2026, 11, 24)));
        JIFEN_REQUIRE(fresh, Store::open(path));
        Ledger ledger(*fresh.value(), clock);
        JIFEN_VERIFY_ERROR(ledger.identity(), ErrorCode::NotFound);
        QVERIFY(fileBytes(moved) == bytes);
        return;
    }

    // Salvaged: a new ledger at the same path, saying where the damaged file went.
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    const auto& recovery = opened.value()->recovery();
    QVERIFY(recovery.has_value());
    QCOMPARE(recovery->quarantined, moved);
    QVERIFY2(recovery->summary().contains(moved), qPrintable(recovery->summary()));
    FixedClock clock(cst(QDate(2026, 11, 24)));
    Ledger ledger(*opened.value(), clock);
    QStringList recovered;
    for (const JournalEntry& e : ledger.journal().value())
        recovered.append(u"%1:%2"_s.arg(e.seq).arg(e.hash));
    QCOMPARE(recovered, journal.mid(0, recovered.size())); // a prefix, entry for entry
    QCOMPARE(qint64(recovered.size()), recovery->lastSeq);
    if (expected == u"all"_s) {
        QCOMPARE(recovered, journal);
        QVERIFY(recovery->identity);
        QVERIFY(recovery->journalGaps.isEmpty());
        JIFEN_REQUIRE(report, ledger.verify());
        QVERIFY2(report->ok(), qPrintable(report->problems.join(u"; "_s)));
        JIFEN_REQUIRE(m, ledger.memberByPhone(kPhone));
        QCOMPARE(m->balance, Points(2000));
        // It goes on from there: the next sale chains to the recovered journal.
        JIFEN_VERIFY_OK(ledger.sale(SaleRequest{u"after"_s, kPhone, {}, u"1.00"_s, {}, {}, 0, {}, {}}));
        JIFEN_REQUIRE(again, ledger.verify());
        QVERIFY(again->ok());
    } else {
        qInfo("%s", qPrintable(recovery->summary()));
    }
    if (expected == u"prefix"_s) {
        // The sales after the damage are gone from the ledger with their entries: the books agree
        // with the recovered journal, a retried lost sale is carried out again, and new sales chain on.
        QVERIFY(recovered.size() > 1 && recovered.size() < 201);
        QVERIFY2(!recovery->dropped.isEmpty(), qPrintable(recovery->summary()));
        JIFEN_REQUIRE(report, ledger.verify());
        QVERIFY2(report->ok(), qPrintable(report->problems.join(u"; "_s)));
        JIFEN_REQUIRE(m, ledger.memberByPhone(kPhone));
        QCOMPARE(m->balance, Points(100 * recovered.size()));
        const QString lost = u"s%1"_s.arg(recovered.size()); // the sale that wrote entry size + 1
        JIFEN_REQUIRE(retried, ledger.sale(SaleRequest{lost, kPhone, {}, u"100.00"_s, {}, {}, 0, {}, {}}));
        QCOMPARE(retried->balance, Points(100 * (recovered.size() + 1)));
        JIFEN_VERIFY_OK(ledger.sale(SaleRequest{u"after"_s, kPhone, {}, u"1.00"_s, {}, {}, 0, {}, {}}));
        JIFEN_REQUIRE(again, ledger.verify());
        QVERIFY2(again->ok(), qPrintable(again->problems.join(u"; "_s)));
    }
    QVERIFY(fileBytes(moved) == bytes);
}

void TestCorruption::healthyDatabaseNotQuarantined()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s1"_s, u"100.00"_s));
    const QString path = fx.dbPath();
    fx.ledger.reset();
    fx.store.reset();
    JIFEN_REQUIRE(again, Store::open(path));
    QVERIFY(QDir(fx.dir.path()).entryList({u"*.corrupt-*"_s}, QDir::Files).isEmpty());
    Ledger ledger(*again.value(), fx.clock);
    JIFEN_REQUIRE(m, ledger.memberByPhone(kPhone));
    QCOMPARE(m->balance, Points(100));
}

QTEST_GUILESS_MAIN(TestCorruption)
#include "tst_corruption.moc"
