#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

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

struct StoreOptions {
    FaultInjector* faults = nullptr;
    int migrateTo = -1; // -1: the latest schema; tests pin older versions to test upgrades
};

// The terminal's SQLite database: WAL, synchronous=FULL, foreign keys, numbered migrations.
// Every statement goes through exec() so failure injection sees all of them.
class Store {
public:
    // Opens (creating if needed) and migrates. A database from a newer Jifen is refused; a corrupt
    // one is moved aside (quarantined, never deleted) and reported as a storage error.
    static Result<std::unique_ptr<Store>> open(const QString& path, StoreOptions options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static int latestVersion();
    int schemaVersion() const { return m_version; }
    const QString& path() const { return m_path; }
    QSqlDatabase database() const;

    Result<QSqlQuery> prepare(const QString& sql);
    Status exec(QSqlQuery& query);
    Status exec(const QString& sql);

    bool inTransaction() const { return m_inTransaction; }

private:
    friend class UnitOfWork;
    Store(QString path, QString connection, FaultInjector* faults);
    Status configure();
    Status checkIntegrity();
    Status migrate(int target);
    Status storageError(const QString& what, const QString& detail) const;

    QString m_path;
    QString m_connection;
    FaultInjector* m_faults;
    int m_version = 0;
    bool m_inTransaction = false;
};

// One unit of work per operation: BEGIN IMMEDIATE on construction via begin(), rolled back on
// destruction unless commit() succeeded. There is no commit-by-default path.
class UnitOfWork {
public:
    explicit UnitOfWork(Store& store) : m_store(store) {}
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
