#pragma once

#include "error.h"

#include <QString>

namespace jifen {

// Online backups of a SQLite database (the terminal's ledger, HQ's embedded database).
//
// The source is opened as a plain SQLite connection, never through Store: a backup neither runs
// migrations nor switches journal modes, so the copy taken before an upgrade is the schema the old
// version wrote. VACUUM INTO reads inside one read transaction, so the copy is consistent while
// other processes keep writing (WAL).
struct SqliteFileInfo {
    int schemaVersion = 0; // PRAGMA user_version
    qint64 bytes = 0;
    QString integrity; // "ok" or the first problem PRAGMA quick_check reported
};

struct BackupResult {
    QString out; // absolute path of the copy
    SqliteFileInfo info;
};

// Copies `source` to `target`. Refuses (3) when `target` exists: a backup never overwrites. The copy
// is written next to the target under a temporary name, checked (quick_check), then renamed into
// place, so a failure (disk full) leaves no half-written file named `target`. Missing source or
// target directory: not found (4); SQLite failures: storage (5).
Result<BackupResult> backupSqlite(const QString& source, const QString& target);

// Opens `path` read-only-in-practice (no writes) and reports its schema version and integrity. Not a
// SQLite database: bad input (2).
Result<SqliteFileInfo> inspectSqlite(const QString& path);

// One scalar from a plain connection to `path` (no Store, no migrations): backup and restore read
// the journal position of a file this way. Empty QVariant when the query returns no row.
Result<QVariant> querySqliteScalar(const QString& path, const QString& sql);

} // namespace jifen
