// Schema migrations: a database of any older schema opens, upgrades in place and keeps every entry
// (and its members, with no consent recorded for them); a database from a newer Jifen is refused
// and left exactly as it was.

#include "fixture.h"

#include <QDir>
#include <QFile>

using namespace jifen;
using namespace jifen::test;

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int userVersion(const QString& path)
{
    int version = -1;
    const QString name = u"jifen-test-version"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"PRAGMA user_version"_s) && q.next())
                version = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

// The members table as its CREATE statement now reads.
QString membersTableSql(const QString& path)
{
    QString sql;
    const QString name = u"jifen-test-members-sql"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT sql FROM sqlite_master WHERE name = 'members'"_s) && q.next())
                sql = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return sql;
}

} // namespace

// The first schema today's sale code can write to.
constexpr int kSalesSchema = 3;
// Redemptions record HQ's reservation (v6).
constexpr int kRedeemSchema = 6;
// Every read of a member names its consent columns (v8).
constexpr int kConsentSchema = 8;

class TestMigration : public QObject {
    Q_OBJECT
private slots:
    void upgradeKeepsData_data();
    void upgradeKeepsData();
    void newerDatabaseRefused_data();
    void newerDatabaseRefused();
};

void TestMigration::upgradeKeepsData_data()
{
    QTest::addColumn<int>("fromVersion");
    for (int v = 1; v <= Store::latestVersion(); ++v)
        QTest::addRow("from schema v%d to v%d", v, Store::latestVersion()) << v;
}

void TestMigration::upgradeKeepsData()
{
    QFETCH(int, fromVersion);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"jifen.db"_s);
    FixedClock clock(cst(QDate(2026, 11, 23)));

    QStringList hashes;
    QJsonObject firstSale;
    QString membersSql; // before v8: the old members table, to prove it is restored exactly
    {
        JIFEN_REQUIRE(store, Store::open(path, StoreOptions{.migrateTo = fromVersion}));
        QCOMPARE(store.value()->schemaVersion(), fromVersion);
        // Today's code cannot touch a member without the consent columns, so an older schema
        // lends them while it writes; they are dropped again below, and the upgrade meets the
        // old members table holding its rows.
        if (fromVersion < kConsentSchema) {
            membersSql = membersTableSql(path);
            QVERIFY(!membersSql.isEmpty());
            JIFEN_VERIFY_OK(store.value()->exec(u"ALTER TABLE members ADD COLUMN consent_terms TEXT"_s));
            JIFEN_VERIFY_OK(store.value()->exec(u"ALTER TABLE members ADD COLUMN consent_at TEXT"_s));
        }
        Ledger ledger(*store.value(), clock);
        JIFEN_VERIFY_OK(ledger.initialize(u"S1"_s, u"T1"_s, u"general"_s));
        JIFEN_VERIFY_OK(ledger.addMember(NewMember{kPhone, QString(), u"张三"_s}));
        // Today's ledger code writes the newest tables (allowances: v3), so it can only make
        // sales on a schema that has them; older schemas carry the terminal and its members.
        if (fromVersion >= kSalesSchema) {
            JIFEN_REQUIRE(sale, ledger.sale(SaleRequest{u"s1"_s, kPhone, {}, u"1234.56"_s, {}, {}, 0, {}, {}}));
            firstSale = sale->toJson();
            JIFEN_VERIFY_OK(ledger.sale(SaleRequest{u"s2"_s, kPhone, {}, u"50.00"_s, {}, {}, 500, {}, {}}));
            if (fromVersion >= kRedeemSchema)
                JIFEN_VERIFY_OK(ledger.redeem(RedeemRequest{u"r1"_s, kPhone, {}, u"FRUIT-WASH"_s, 1, {}, {}}));
            JIFEN_VERIFY_OK(ledger.refund(RefundRequest{u"f1"_s, u"s1"_s, u"34.56"_s}));
        }
        JIFEN_REQUIRE(entries, ledger.journal());
        for (const JournalEntry& e : entries.value())
            hashes.append(e.hash);
        QCOMPARE(hashes.size(), fromVersion >= kRedeemSchema ? 5 : fromVersion >= kSalesSchema ? 4 : 0);
    }
    if (fromVersion < kConsentSchema) {
        const QString err = rawSql(path, {u"ALTER TABLE members DROP COLUMN consent_at"_s,
                                          u"ALTER TABLE members DROP COLUMN consent_terms"_s});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(membersTableSql(path), membersSql);
    }
    QCOMPARE(userVersion(path), fromVersion);

    for (int reopen = 0; reopen < 2; ++reopen) {
        JIFEN_REQUIRE(store, Store::open(path));
        QCOMPARE(store.value()->schemaVersion(), Store::latestVersion());
        Ledger ledger(*store.value(), clock);
        JIFEN_REQUIRE(id, ledger.identity());
        QCOMPARE(id->terminalId, u"T1"_s);
        JIFEN_REQUIRE(entries, ledger.journal());
        QStringList after;
        for (const JournalEntry& e : entries.value())
            after.append(e.hash);
        if (reopen == 0)
            QCOMPARE(after, hashes);
        JIFEN_REQUIRE(m, ledger.memberByPhone(kPhone));
        // A member enrolled before consents were kept has none recorded, not an invented one.
        QCOMPARE(m->member.consentTerms, QString());
        QVERIFY(!m->member.consentAt.isValid());
        // 1234 earned, 500 offset, 45 earned, 300 redeemed, 35 reversed (reopen 1: plus 10 from s3).
        const qint64 redeemed = fromVersion >= kRedeemSchema ? 300 : 0;
        const qint64 before = fromVersion >= kSalesSchema ? 1234 - 500 + 45 - redeemed - 35 : 0;
        QCOMPARE(m->balance, Points(before + (reopen == 1 ? 10 : 0)));
        JIFEN_REQUIRE(report, ledger.verify());
        QVERIFY2(report->ok(), joined(report->problems).constData());
        // The upgraded schema is fully usable: the newest tables too (operators: v2).
        if (reopen == 0) {
            JIFEN_VERIFY_OK(ledger.addOperator(u"王经理"_s, u"manager"_s, u"2468"_s));
            JIFEN_VERIFY_OK(ledger.sale(SaleRequest{u"s3"_s, kPhone, {}, u"10.00"_s, {}, {}, 0, {}, {}}));
            NewMember consenting{kPhone2, QString(), u"李四"_s};
            consenting.consented = true;
            JIFEN_VERIFY_OK(ledger.addMember(consenting));
        }
        JIFEN_REQUIRE(later, ledger.memberByPhone(kPhone2));
        QCOMPARE(later->member.consentTerms, kPrivacyTermsVersion);
        QCOMPARE(later->member.consentAt, clock.nowUtc());
        JIFEN_REQUIRE(ops, ledger.listOperators());
        QCOMPARE(ops->size(), 1);
        // A retry of a sale made before the upgrade still gets its first result.
        if (fromVersion >= kSalesSchema) {
            JIFEN_REQUIRE(retry, ledger.sale(SaleRequest{u"s1"_s, kPhone, {}, u"1234.56"_s, {}, {}, 0, {}, {}}));
            QCOMPARE(retry->toJson(), firstSale);
        }
    }
    QCOMPARE(userVersion(path), Store::latestVersion());
}

void TestMigration::newerDatabaseRefused_data()
{
    QTest::addColumn<bool>("writtenByJifen"); // false: a plain SQLite file in rollback-journal mode
    QTest::addColumn<int>("versionsAhead");

    QTest::newRow("Jifen database one schema ahead") << true << 1;
    QTest::newRow("Jifen database 100 schemas ahead") << true << 100;
    QTest::newRow("rollback-journal database one schema ahead") << false << 1;
}

void TestMigration::newerDatabaseRefused()
{
    QFETCH(bool, writtenByJifen);
    QFETCH(int, versionsAhead);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"jifen.db"_s);
    const int newer = Store::latestVersion() + versionsAhead;

    if (writtenByJifen) {
        FixedClock clock(cst(QDate(2026, 11, 23)));
        JIFEN_REQUIRE(store, Store::open(path));
        Ledger ledger(*store.value(), clock);
        JIFEN_VERIFY_OK(ledger.initialize(u"S1"_s, u"T1"_s, u"general"_s));
        JIFEN_VERIFY_OK(ledger.addMember(NewMember{kPhone, QString(), u"张三"_s}));
        JIFEN_VERIFY_OK(ledger.sale(SaleRequest{u"s1"_s, kPhone, {}, u"100.00"_s, {}, {}, 0, {}, {}}));
    } else {
        const QString err = rawSql(path, {u"PRAGMA journal_mode=DELETE"_s, u"CREATE TABLE future (x TEXT)"_s,
                                          u"INSERT INTO future VALUES ('from the future')"_s});
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }
    const QString err = rawSql(path, {u"PRAGMA user_version = %1"_s.arg(newer)});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QCOMPARE(userVersion(path), newer);

    const QByteArray bytes = fileBytes(path);
    QVERIFY(!bytes.isEmpty());
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
    QCOMPARE(filesBefore, QStringList{u"jifen.db"_s});

    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto opened = Store::open(path);
        QVERIFY2(!opened.ok(), "a database from a newer Jifen was opened");
        QCOMPARE(opened.error().code, ErrorCode::Storage);
        QVERIFY2(opened.error().message.contains(u"newer"_s), qPrintable(opened.error().message));
        QVERIFY2(opened.error().message.contains(QString::number(newer)), qPrintable(opened.error().message));
        // Left in place, untouched: same bytes, nothing quarantined, nothing added.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files, QDir::Name), filesBefore);
        QVERIFY2(fileBytes(path) == bytes, "the refused database file was modified");
        QCOMPARE(userVersion(path), newer);
    }
}

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
