// A damaged database is never used and never deleted: Store::open reports a storage error and
// moves the file aside as jifen.db.corrupt-<stamp>, byte for byte as it was.

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
    QTest::newRow("first 100 bytes (the header) overwritten") << "header";
    QTest::newRow("magic string zeroed") << "magic";
    QTest::newRow("whole file replaced by random bytes") << "random";
    QTest::newRow("second page overwritten with random bytes") << "page2";
    QTest::newRow("a text file in its place") << "text";
}

void TestCorruption::corruptDatabaseQuarantined()
{
    QFETCH(QString, damage);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"jifen.db"_s);
    {
        FixedClock clock(cst(QDate(2026, 11, 23)));
        JIFEN_REQUIRE(store, Store::open(path));
        Ledger ledger(*store.value(), clock);
        JIFEN_VERIFY_OK(ledger.initialize(u"S1"_s, u"T1"_s, u"general"_s));
        JIFEN_VERIFY_OK(ledger.addMember(NewMember{kPhone, QString(), u"张三"_s}));
        for (int i = 0; i < 20; ++i)
            JIFEN_VERIFY_OK(ledger.sale(SaleRequest{u"s%1"_s.arg(i), kPhone, {}, u"100.00"_s, {}, {}, 0, {}, {}}));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"jifen.db"_s}); // WAL checkpointed away

    QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.size() >= 3 * 4096);
    if (damage == u"header"_s)
        bytes.replace(0, 100, randomBytes(100, 1));
    else if (damage == u"magic"_s)
        bytes.replace(0, 16, QByteArray(16, '\0'));
    else if (damage == u"random"_s)
        bytes = randomBytes(bytes.size(), 2);
    else if (damage == u"page2"_s)
        bytes.replace(4096, 4096, randomBytes(4096, 3));
    else
        bytes = QByteArrayLiteral("this is not a database\n");
    QVERIFY(writeFile(path, bytes));

    const auto opened = Store::open(path);
    QVERIFY2(!opened.ok(), "a corrupt database was opened");
    QCOMPARE(opened.error().code, ErrorCode::Storage);
    QVERIFY2(opened.error().message.contains(u"corrupt"_s), qPrintable(opened.error().message));
    QVERIFY2(opened.error().message.contains(u"quarantined"_s), qPrintable(opened.error().message));

    // The original path is free; the damaged bytes sit, unchanged, in jifen.db.corrupt-*.
    QVERIFY(!QFile::exists(path));
    const QStringList quarantined = QDir(dir.path()).entryList({u"jifen.db.corrupt-*"_s}, QDir::Files);
    QCOMPARE(quarantined.size(), 1);
    const QString moved = dir.filePath(quarantined.first());
    QVERIFY2(opened.error().message.contains(moved), qPrintable(opened.error().message));
    QVERIFY2(fileBytes(moved) == bytes, "the quarantined file does not hold the old bytes");

    // The terminal can start afresh at the same path; the quarantined file stays.
    {
        FixedClock clock(cst(QDate(2026, 11, 24)));
        JIFEN_REQUIRE(fresh, Store::open(path));
        Ledger ledger(*fresh.value(), clock);
        JIFEN_VERIFY_ERROR(ledger.identity(), ErrorCode::NotFound);
    }
    QVERIFY(QFile::exists(moved));
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
