#pragma once

#include "error.h"
#include "salvage.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>
#include <unordered_map>

namespace jifen {

// Storage failure injection: fail the Nth SQL statement executed from now on. Tests use it to
// prove that every failure reaches the caller and leaves the ledger as it was.
class FaultInjector {
public:
    void failStatement(qint64 n) { m_failAt = m_executed + n; }
    void clear() { m_failAt = -1; }
    qint64 executed() const { return m_executed; }
    bool fired() const { return m_fired; }
    // Counts one statement; true when this one must fail.
    bool nextShouldFail()
    {
        ++m_executed;
        if (m_failAt >= 0 && m_executed == m_failAt) {
            m_fired = true;
            return true;
        }
        return false;
    }

private:
    qint64 m_executed = 0;
    qint64 m_failAt = -1;
    bool m_fired = false;
};

// A prepared statement owned by the Store's cache. Preparing the same SQL again returns the same
// statement, reset; so a statement must be used to completion before its SQL is prepared again.
class Statement {
public:
    explicit Statement(QSqlQuery* query)
        : m_query(query)
    {}
    // Positional from 0 for every hand-out: QSqlQuery::addBindValue only rewinds on exec(), so a
    // cached statement whose exec() was skipped (an error path) would append past its parameters.
    void addBindValue(const QVariant& value) { m_query->bindValue(m_nextBind++, value); }
    void bindValue(int pos, const QVariant& value) { m_query->bindValue(pos, value); }
    bool next() { return m_query->next(); }
    QVariant value(int index) const { return m_query->value(index); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    QVariant lastInsertId() const { return m_query->lastInsertId(); }
    void finish() { m_query->finish(); }
    QSqlQuery& query() { return *m_query; }

private:
    QSqlQuery* m_query;
    int m_nextBind = 0;
};

struct StoreOptions {
    FaultInjector* faults = nullptr;
    int migrateTo = -1; // -1: the latest schema; tests pin older versions to test upgrades
};

// The terminal's SQLite database: WAL, synchronous=FULL, foreign keys, numbered migrations.
// Every statement goes through exec() so failure injection sees all of them.
class Store {
public:
    // Opens (creating if needed) and migrates. A database from a newer Jifen is refused. A corrupt
    // one (or one whose write-ahead log is damaged in the middle) is moved aside (quarantined, never
    // deleted); what can still be read of it is salvaged into a new database at the same path,
    // which is opened with recovery() saying what was saved. When nothing can be saved the open
    // fails with a storage error naming the quarantined file.
    static Result<std::unique_ptr<Store>> open(const QString& path, StoreOptions options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static int latestVersion();
    int schemaVersion() const { return m_version; }
    const QString& path() const { return m_path; }
    // Set when this open rebuilt the database from a quarantined one.
    const std::optional<RecoveryReport>& recovery() const { return m_recovery; }
    QSqlDatabase database() const;

    // Prepared once per connection and cached: preparing is most of the cost of a small write.
    Result<Statement> prepare(const QString& sql);
    Status exec(Statement& statement);
    Status exec(const QString& sql);
    // Resets every cached statement so none keeps an old read snapshot open (WAL).
    void finishAll();

    bool inTransaction() const { return m_inTransaction; }

private:
    friend class UnitOfWork;
    Store(QString path, QString connection, FaultInjector* faults);
    Status configure();
    Status checkIntegrity();
    Status migrate(int target);
    Status storageError(const QString& what, const QString& detail) const;
    Status execQuery(QSqlQuery& query);

    QString m_path;
    QString m_connection;
    FaultInjector* m_faults;
    int m_version = 0;
    bool m_inTransaction = false;
    std::optional<RecoveryReport> m_recovery;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

// Resets the cached statements when a read-only operation ends, so no snapshot stays open.
class ReadScope {
public:
    explicit ReadScope(Store& store)
        : m_store(store)
    {}
    ~ReadScope() { m_store.finishAll(); }
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;

private:
    Store& m_store;
};

// One unit of work per operation: BEGIN IMMEDIATE on construction via begin(), rolled back on
// destruction unless commit() succeeded. There is no commit-by-default path.
class UnitOfWork {
public:
    explicit UnitOfWork(Store& store)
        : m_store(store)
    {}
    ~UnitOfWork();
    UnitOfWork(const UnitOfWork&) = delete;
    UnitOfWork& operator=(const UnitOfWork&) = delete;

    Status begin();
    Status commit();

private:
    Store& m_store;
    bool m_active = false;
};

// Moves a damaged database (and its -wal/-shm) aside; returns the new path.
QString quarantineDatabase(const QString& path, const QString& stamp);

} // namespace jifen
