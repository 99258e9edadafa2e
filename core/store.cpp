#include "store.h"

#include "logging.h"
#include "migrations.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

namespace jifen {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("jifen-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

// SQLite primary result codes that mean the file itself is damaged.
bool isCorruption(const QSqlError& error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    return code == 11 /* SQLITE_CORRUPT */ || code == 26 /* SQLITE_NOTADB */;
}

} // namespace

Store::Store(QString path, QString connection, FaultInjector* faults)
    : m_path(std::move(path))
    , m_connection(std::move(connection))
    , m_faults(faults)
{}

Store::~Store()
{
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

int Store::latestVersion()
{
    return static_cast<int>(migrationSteps().size());
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

Result<std::unique_ptr<Store>> Store::open(const QString& path, StoreOptions options)
{
    const int target = options.migrateTo < 0 ? latestVersion() : options.migrateTo;
    const QString connection = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    std::unique_ptr<Store> store(new Store(path, connection, options.faults));
    QSqlDatabase db = store->database();
    if (!db.open())
        return Error::storage(QCoreApplication::translate("jifen::Store", "cannot open database %1: %2")
                                  .arg(path, db.lastError().text()));

    bool corrupt = false;
    QString detail;
    // A log damaged in the middle reads as a shorter, healthy database: SQLite stops at the
    // damaged frame. Caught here, before anything reads it.
    if (walDamaged(path, &detail))
        corrupt = true;
    if (!corrupt) {
        QSqlQuery probe(db);
        if (!probe.exec(QStringLiteral("PRAGMA quick_check"))) {
            corrupt = isCorruption(probe.lastError());
            detail = probe.lastError().text();
        } else if (probe.next() && probe.value(0).toString() != QStringLiteral("ok")) {
            corrupt = true;
            detail = probe.value(0).toString();
        }
    }
    if (corrupt) {
        db.close();
        store.reset();
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmsszzz"));
        const QString moved = quarantineDatabase(path, stamp);
        qCWarning(lcCore) << "database" << path << "is corrupt (" << detail << "); quarantined as" << moved;
        auto salvaged = salvageDatabase(moved, path);
        if (salvaged) {
            auto recovered = Store::open(path, options);
            if (recovered) {
                salvaged->reason = detail;
                qCWarning(lcCore).noquote() << salvaged->summary();
                recovered.value()->m_recovery = salvaged.value();
                return recovered;
            }
            salvaged = recovered.error();
        }
        return Error::storage(
            QCoreApplication::translate("jifen::Store",
                                        "database %1 is corrupt (%2); it was quarantined as %3 and nothing was "
                                        "deleted; nothing could be salvaged from it (%4). Restore a backup or "
                                        "re-initialise the terminal.")
                .arg(path, detail, moved, salvaged.error().message));
    }
    if (!detail.isEmpty())
        return Error::storage(
            QCoreApplication::translate("jifen::Store", "cannot read database %1: %2").arg(path, detail));

    JIFEN_TRY(store->configure());
    const int before = store->m_version;
    JIFEN_TRY(store->migrate(target));
    if (store->m_version != before)
        qCInfo(lcCore, "database %s migrated from schema %d to %d", qUtf8Printable(path), before, store->m_version);
    qCDebug(lcCore, "opened %s (schema %d)", qUtf8Printable(path), store->m_version);
    return store;
}

Status Store::configure()
{
    QSqlQuery q(database());
    // The version is checked first: a database from a newer Jifen is refused before anything (such
    // as switching it to WAL, which rewrites its header) touches the file.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return storageError(QStringLiteral("read the schema version"), q.lastError().text());
    m_version = q.value(0).toInt();
    if (m_version > latestVersion())
        return Error::storage(
            QCoreApplication::translate("jifen::Store",
                                        "database %1 was written by a newer Jifen (schema %2, this build knows %3); "
                                        "upgrade Jifen instead of opening it with this version")
                .arg(m_path)
                .arg(m_version)
                .arg(latestVersion()));
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return storageError(QStringLiteral("enable WAL"), q.lastError().text());
    if (q.value(0).toString().toLower() != QStringLiteral("wal"))
        return storageError(QStringLiteral("enable WAL"),
                            QStringLiteral("journal mode is %1").arg(q.value(0).toString()));
    // A pull confirms up to thousands of lots in one transaction; with SQLite's 2 MiB default
    // cache, the pages it dirties spill to the WAL and are read back before the commit.
    for (const char* pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-32768"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return storageError(QString::fromLatin1(pragma), q.lastError().text());
    }
    return Ok{};
}

Status Store::migrate(int target)
{
    const auto& steps = migrationSteps();
    while (m_version < target) {
        const int next = m_version + 1;
        UnitOfWork uow(*this);
        JIFEN_TRY(uow.begin());
        for (const QString& sql : steps.at(next - 1))
            JIFEN_TRY(exec(sql));
        JIFEN_TRY(exec(QStringLiteral("PRAGMA user_version = %1").arg(next)));
        JIFEN_TRY(uow.commit());
        m_version = next;
    }
    return Ok{};
}

Status Store::storageError(const QString& what, const QString& detail) const
{
    return Error::storage(
        QCoreApplication::translate("jifen::Store", "storage failure (%1) in %2: %3").arg(what, m_path, detail));
}

Result<Statement> Store::prepare(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        it->second->finish();
        return Statement(it->second.get());
    }
    auto q = std::make_unique<QSqlQuery>(database());
    q->setForwardOnly(true);
    if (!q->prepare(sql))
        return Error::storage(
            QCoreApplication::translate("jifen::Store", "storage failure preparing a statement in %1: %2")
                .arg(m_path, q->lastError().text()));
    QSqlQuery* raw = q.get();
    m_statements.emplace(sql, std::move(q));
    return Statement(raw);
}

void Store::finishAll()
{
    for (auto& [sql, q] : m_statements)
        q->finish();
}

Status Store::exec(Statement& statement)
{
    return execQuery(statement.query());
}

Status Store::execQuery(QSqlQuery& query)
{
    if (m_faults && m_faults->nextShouldFail())
        return Error::storage(QStringLiteral("storage failure (injected) in %1").arg(m_path));
    if (!query.exec())
        return Error::storage(QCoreApplication::translate("jifen::Store", "storage failure in %1: %2")
                                  .arg(m_path, query.lastError().text()));
    return Ok{};
}

Status Store::exec(const QString& sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    return exec(statement.value());
}

UnitOfWork::~UnitOfWork()
{
    m_store.finishAll();
    if (m_active) {
        QSqlQuery q(m_store.database());
        q.exec(QStringLiteral("ROLLBACK")); // best effort: SQLite also rolls back when the connection closes
        m_store.m_inTransaction = false;
    }
}

Status UnitOfWork::begin()
{
    // IMMEDIATE takes the write lock now, so two processes (GUI and CLI) never deadlock upgrading.
    JIFEN_TRY(m_store.exec(QStringLiteral("BEGIN IMMEDIATE")));
    m_active = true;
    m_store.m_inTransaction = true;
    return Ok{};
}

Status UnitOfWork::commit()
{
    m_store.finishAll();
    JIFEN_TRY(m_store.exec(QStringLiteral("COMMIT")));
    m_active = false;
    m_store.m_inTransaction = false;
    return Ok{};
}

QString quarantineDatabase(const QString& path, const QString& stamp)
{
    QString target = QStringLiteral("%1.corrupt-%2").arg(path, stamp);
    QFile::rename(path, target);
    for (const char* suffix : {"-wal", "-shm"}) {
        const QString side = path + QString::fromLatin1(suffix);
        if (QFileInfo::exists(side))
            QFile::rename(side, target + QString::fromLatin1(suffix));
    }
    return target;
}

} // namespace jifen
