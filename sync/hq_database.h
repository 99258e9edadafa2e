#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <unordered_map>

namespace jifen {
class FaultInjector;
}

namespace jifen::sync {

class HqCheckpointer;

// HQ's database: the embedded SQLite file by default, or PostgreSQL ("postgresql://user@host:port/db"
// or "postgresql:///db?host=/socket/dir"). The same numbered migrations run on both; SQL here
// sticks to what both understand.
class HqDatabase {
public:
    // Migrates to the newest schema step, or only up to `upToStep` (tests of upgrades).
    // `faults` (tests): every statement HQ executes — prepared, direct, BEGIN and COMMIT, never
    // ROLLBACK — is counted by it, and the one it names fails without reaching the database.
    static Result<std::unique_ptr<HqDatabase>> open(const QString& spec, FaultInjector* faults = nullptr,
                                                    int upToStep = -1);
    ~HqDatabase();
    HqDatabase(const HqDatabase&) = delete;
    HqDatabase& operator=(const HqDatabase&) = delete;

    bool isPostgres() const { return m_postgres; }
    QString describe() const { return m_describe; }
    // HQ's own connection (tests read through it, so an uncommitted change left behind shows).
    QSqlDatabase database() const { return QSqlDatabase::database(m_connection, false); }

    // Runs one statement with positional values; the query is ready for next() afterwards.
    // Statements are prepared once and cached: a statement must be read to the end (or be
    // finished) before the same SQL runs again.
    Result<QSqlQuery*> run(const QString& sql, const QVariantList& values = {});
    // One value of the first row, or `fallback` when there is none.
    Result<QVariant> scalar(const QString& sql, const QVariantList& values = {}, const QVariant& fallback = {});

    // Many rows in a few statements: `head` (an INSERT up to its column list) + " VALUES (?, ...),
    // ..." + `tail` (such as an ON CONFLICT clause), over `values` holding `columns` values per
    // row, row after row. Chunks have power-of-two sizes (at most 256 rows and within SQLite's
    // 32766 variables), so only a handful of statements are prepared and cached.
    Status runRows(const QString& head, int columns, const QVariantList& values, const QString& tail = {});
    // `sql` with its "%1" replaced by "?, ?, ..." for each chunk of `list` (chunked like
    // runRows), `before` bound ahead of the list; `row` sees each result row.
    Status runIn(const QString& sql, const QVariantList& before, const QVariantList& list,
                 const std::function<void(QSqlQuery&)>& row = {});

    Status begin();
    Status commit();
    void rollback();
    void finishAll();
    // Unprepared: transaction control and DDL (PostgreSQL cannot PREPARE them).
    Status execDirect(const QString& sql);

    // SQLite, for a long-running server: WAL checkpoints move from inside commits to a thread of
    // their own (hq_checkpointer.h). A no-op on PostgreSQL. Null until enabled.
    Status checkpointInBackground();
    HqCheckpointer* checkpointer() const { return m_checkpointer.get(); }

private:
    HqDatabase(QString connection, QString spec, bool postgres, QString describe, FaultInjector* faults);
    Status migrate(int upToStep);
    // The part of a schema step SQL alone cannot do, inside the step's transaction
    // (hq_migration_code.cpp). `version`: the step just applied.
    Status afterStep(int version);
    Status rebuildLotMetadata();
    // True when the fault injector says this statement fails.
    bool injectedFailure();

    std::unique_ptr<HqCheckpointer> m_checkpointer;
    QString m_connection;
    QString m_spec;
    bool m_postgres;
    QString m_describe;
    FaultInjector* m_faults;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

// Rolls back unless commit() succeeded.
class HqTransaction {
public:
    explicit HqTransaction(HqDatabase& db)
        : m_db(db)
    {}
    ~HqTransaction()
    {
        if (m_active)
            m_db.rollback();
    }
    HqTransaction(const HqTransaction&) = delete;
    HqTransaction& operator=(const HqTransaction&) = delete;
    Status begin()
    {
        JIFEN_TRY(m_db.begin());
        m_active = true;
        return Ok{};
    }
    Status commit()
    {
        JIFEN_TRY(m_db.commit());
        m_active = false;
        return Ok{};
    }

private:
    HqDatabase& m_db;
    bool m_active = false;
};

} // namespace jifen::sync
