#include "backup.h"

#include "logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace jifen {

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("jifen-backup-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Runs `body` on a plain connection to `path` and removes the connection afterwards.
template <typename T> Result<T> withConnection(const QString& path, const std::function<Result<T>(QSqlDatabase&)>& body)
{
    const QString name = nextConnectionName();
    Result<T> result = Error::storage(QStringLiteral("not run"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            result = Error::storage(
                QCoreApplication::translate("jifen::Backup", "cannot open %1: %2").arg(path, db.lastError().text()));
        else
            result = body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// The first read of a file failed. Only SQLITE_NOTADB (26) means the file is not a database (bad
// input); any other failure (an I/O error on a full disk, a lock, a read-only directory) is storage.
Error firstReadError(const QString& path, const QSqlError& e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    if (ok && (code & 0xff) == 26)
        return Error::badInput(
            QCoreApplication::translate("jifen::Backup", "%1 is not a SQLite database (%2)").arg(path, e.text()));
    return Error::storage(QCoreApplication::translate("jifen::Backup", "cannot read %1: %2").arg(path, e.text()));
}

Result<SqliteFileInfo> inspect(QSqlDatabase& db, const QString& path)
{
    SqliteFileInfo info;
    QSqlQuery q(db);
    // The first read of a file that is not SQLite fails here ("file is not a database").
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return firstReadError(path, q.lastError());
    info.schemaVersion = q.value(0).toInt();
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
        return Error::storage(
            QCoreApplication::translate("jifen::Backup", "cannot check %1: %2").arg(path, q.lastError().text()));
    info.integrity = q.value(0).toString();
    q.finish();
    info.bytes = QFileInfo(path).size();
    return info;
}

} // namespace

Result<SqliteFileInfo> inspectSqlite(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return Error::notFound(QCoreApplication::translate("jifen::Backup", "%1 does not exist").arg(path));
    return withConnection<SqliteFileInfo>(path, [&](QSqlDatabase& db) { return inspect(db, path); });
}

Result<QVariant> querySqliteScalar(const QString& path, const QString& sql)
{
    return withConnection<QVariant>(path, [&](QSqlDatabase& db) -> Result<QVariant> {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return Error::storage(
                QCoreApplication::translate("jifen::Backup", "cannot read %1: %2").arg(path, q.lastError().text()));
        return q.next() ? q.value(0) : QVariant();
    });
}

Result<BackupResult> backupSqlite(const QString& source, const QString& target)
{
    if (!QFileInfo(source).isFile())
        return Error::notFound(QCoreApplication::translate("jifen::Backup", "no database at %1").arg(source));
    const QFileInfo targetInfo(target);
    const QString out = targetInfo.absoluteFilePath();
    if (targetInfo.exists() || targetInfo.isSymLink())
        return Error::refused(
            QCoreApplication::translate("jifen::Backup", "%1 already exists; a backup never overwrites a file")
                .arg(out));
    if (!targetInfo.absoluteDir().exists())
        return Error::notFound(
            QCoreApplication::translate("jifen::Backup", "directory %1 does not exist").arg(targetInfo.absolutePath()));
    if (QFileInfo(source).canonicalFilePath() == out)
        return Error::badInput(
            QCoreApplication::translate("jifen::Backup", "the backup cannot be the database itself"));

    const QString partial = QStringLiteral("%1.partial-%2").arg(out).arg(QCoreApplication::applicationPid());
    QFile::remove(partial);
    auto copied = withConnection<bool>(source, [&](QSqlDatabase& db) -> Result<bool> {
        QSqlQuery q(db);
        // Check it is a database before asking SQLite to copy it.
        if (!q.exec(QStringLiteral("PRAGMA user_version")))
            return firstReadError(source, q.lastError());
        q.finish();
        if (!q.prepare(QStringLiteral("VACUUM INTO ?")))
            return Error::storage(QCoreApplication::translate("jifen::Backup", "cannot back up %1: %2")
                                      .arg(source, q.lastError().text()));
        q.addBindValue(partial);
        if (!q.exec())
            return Error::storage(QCoreApplication::translate("jifen::Backup", "backup of %1 failed: %2")
                                      .arg(source, q.lastError().text()));
        return true;
    });
    if (!copied) {
        QFile::remove(partial);
        return copied.error();
    }
    auto info = inspectSqlite(partial);
    if (!info || info->integrity != QStringLiteral("ok")) {
        QFile::remove(partial);
        return Error::storage(
            QCoreApplication::translate("jifen::Backup", "the copy of %1 did not pass its integrity check: %2")
                .arg(source, info ? info->integrity : info.error().message));
    }
    // rename() never replaces an existing file: a target created meanwhile is not overwritten.
    if (!QFile::rename(partial, out)) {
        QFile::remove(partial);
        return Error::storage(
            QCoreApplication::translate("jifen::Backup", "cannot move the backup into place at %1").arg(out));
    }
    qCInfo(lcOps) << "backed up" << source << "to" << out << info->bytes << "bytes, schema" << info->schemaVersion;
    return BackupResult{out, info.value()};
}

} // namespace jifen
