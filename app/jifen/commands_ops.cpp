// Operations commands: backup, restore (export lives in commands_export.cpp).

#include "backup.h"
#include "commands.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace jifen::cli {

namespace {

// The journal position of a ledger file, read without Store (no migration, no WAL switch).
struct LedgerPosition {
    QString terminalId;
    qint64 lastSeq = 0;
    qint64 ackedSeq = 0;
};

Result<LedgerPosition> readPosition(Ledger& ledger)
{
    auto id = ledger.identity();
    if (!id)
        return id.error();
    auto sync = ledger.syncState();
    if (!sync)
        return sync.error();
    return LedgerPosition{id->terminalId, sync->lastSeq, sync->ackedSeq};
}

int backup(Context& ctx, const ParsedArgs& args)
{
    if (!QFileInfo::exists(ctx.databasePath()))
        return ctx.fail(Error::notFound(QStringLiteral("no terminal data in %1").arg(ctx.dataDir())));
    auto copy = backupSqlite(ctx.databasePath(), args.value(QStringLiteral("out")));
    if (!copy)
        return ctx.fail(copy.error());
    // The copy's own journal position: what a restore of it would bring back.
    auto last = querySqliteScalar(copy->out, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM journal"));
    const qint64 lastSeq = last ? last->toLongLong() : 0;
    return ctx.done({{QStringLiteral("out"), copy->out},
                     {QStringLiteral("bytes"), copy->info.bytes},
                     {QStringLiteral("schema_version"), copy->info.schemaVersion},
                     {QStringLiteral("integrity"), copy->info.integrity},
                     {QStringLiteral("last_seq"), lastSeq}},
                    {QStringLiteral("ledger backed up to %1 (%2 bytes, schema %3, journal through seq %4)")
                         .arg(copy->out)
                         .arg(copy->info.bytes)
                         .arg(copy->info.schemaVersion)
                         .arg(lastSeq)});
}

// Moves a database and its -wal/-shm aside under `target`; never deletes.
bool moveAside(const QString& path, const QString& target)
{
    if (!QFile::rename(path, target))
        return false;
    for (const char* suffix : {"-wal", "-shm"}) {
        const QString side = path + QString::fromLatin1(suffix);
        if (QFileInfo::exists(side))
            QFile::rename(side, target + QString::fromLatin1(suffix));
    }
    return true;
}

// Restore: the backup is copied into the data directory under a staging name, opened (migrated to
// this version's schema if it is older) and verified there; only a copy that verifies replaces
// anything. An existing ledger is never deleted: with --force it is moved aside as
// jifen.db.replaced-STAMP. A backup that ends before the seq HQ already acknowledged from this
// same terminal is refused even with --force: new entries would reuse seqs HQ holds.
int restore(Context& ctx, const ParsedArgs& args)
{
    const QString from = QFileInfo(args.value(QStringLiteral("from"))).absoluteFilePath();
    const bool force = args.has(QStringLiteral("force"));
    auto info = inspectSqlite(from);
    if (!info)
        return ctx.fail(info.error());
    if (info->integrity != QStringLiteral("ok"))
        return ctx.fail(Error::storage(QStringLiteral("%1 fails its integrity check: %2").arg(from, info->integrity)));
    auto hasJournal = querySqliteScalar(
        from,
        QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('journal', 'meta')"));
    if (!hasJournal)
        return ctx.fail(hasJournal.error());
    if (hasJournal->toInt() != 2 || info->schemaVersion < 1)
        return ctx.fail(Error::badInput(QStringLiteral("%1 is not a Jifen terminal ledger").arg(from)));
    if (info->schemaVersion > Store::latestVersion())
        return ctx.fail(Error::refused(QStringLiteral("%1 was written by a newer Jifen (schema %2, this build knows "
                                                      "%3); restore it with that version")
                                           .arg(from)
                                           .arg(info->schemaVersion)
                                           .arg(Store::latestVersion())));

    const QString live = ctx.databasePath();
    const bool exists = QFileInfo::exists(live);
    if (exists && !force)
        return ctx.fail(Error::refused(
            QStringLiteral("%1 already holds a ledger; restoring would replace it. Stop the cashier app and the "
                           "sync timer, then repeat with --force (the current ledger is kept as %2.replaced-…)")
                .arg(ctx.dataDir(), QFileInfo(live).fileName())));
    if (!QDir().mkpath(ctx.dataDir()))
        return ctx.fail(Error::storage(QStringLiteral("cannot create the data directory %1").arg(ctx.dataDir())));

    const QString stamp = ctx.clock().nowUtc().toString(QStringLiteral("yyyyMMddThhmmss")) + QLatin1Char('-') +
                          QString::number(QCoreApplication::applicationPid());
    const QString staged = live + QStringLiteral(".restoring-") + stamp;
    if (!QFile::copy(from, staged))
        return ctx.fail(Error::storage(QStringLiteral("cannot copy %1 into %2").arg(from, ctx.dataDir())));
    auto discard = [&](const Error& e) {
        for (const QString& f : {staged, staged + QStringLiteral("-wal"), staged + QStringLiteral("-shm")})
            QFile::remove(f);
        return ctx.fail(e);
    };

    LedgerPosition restored;
    {
        auto store = Store::open(staged);
        if (!store)
            return discard(store.error());
        Ledger ledger(*store.value(), ctx.clock());
        auto report = ledger.verify();
        if (!report)
            return discard(report.error());
        if (!report->ok())
            return discard(Error::storage(QStringLiteral("%1 does not verify (%2 problem(s), first: %3); nothing was "
                                                         "restored")
                                              .arg(from)
                                              .arg(report->problems.size())
                                              .arg(report->problems.value(0))));
        auto pos = readPosition(ledger);
        if (!pos)
            return discard(pos.error());
        restored = pos.value();
    } // closed: its WAL is checkpointed into the file before the rename

    QString replaced;
    if (exists) {
        // Read what the current ledger knows of HQ; a ledger too damaged to open is simply replaced.
        std::optional<LedgerPosition> current;
        {
            auto store = Store::open(live);
            if (store) {
                Ledger ledger(*store.value(), ctx.clock());
                auto pos = readPosition(ledger);
                if (pos)
                    current = pos.value();
            }
        } // closed before the move, so its WAL is checkpointed and removed
        if (current && current->terminalId == restored.terminalId && current->ackedSeq > restored.lastSeq)
            return discard(
                Error::refused(QStringLiteral("the backup ends at seq %1 but HQ has acknowledged seq %2 from terminal "
                                              "%3: entries %4..%2 exist only at HQ and restoring would reuse their "
                                              "numbers")
                                   .arg(restored.lastSeq)
                                   .arg(current->ackedSeq)
                                   .arg(restored.terminalId)
                                   .arg(restored.lastSeq + 1)));
        if (QFileInfo::exists(live)) { // a corrupt one was quarantined by the open above
            replaced = live + QStringLiteral(".replaced-") + stamp;
            if (!moveAside(live, replaced))
                return discard(Error::storage(QStringLiteral("cannot move the current ledger aside")));
        }
    }
    if (!QFile::rename(staged, live))
        return discard(Error::storage(QStringLiteral("cannot move the restored ledger into place at %1").arg(live)));
    qCInfo(lcOps) << "restored" << from << "into" << live << "through seq" << restored.lastSeq
                  << (replaced.isEmpty() ? QString() : QStringLiteral("previous ledger kept as ") + replaced);
    QStringList text{QStringLiteral("ledger of terminal %1 restored from %2: journal through seq %3, HQ had "
                                    "acknowledged seq %4 when it was taken")
                         .arg(restored.terminalId, from)
                         .arg(restored.lastSeq)
                         .arg(restored.ackedSeq)};
    if (!replaced.isEmpty())
        text.append(QStringLiteral("the previous ledger is kept as %1").arg(replaced));
    text.append(QStringLiteral("before the next sale, check that HQ's acknowledged seq for %1 (`jifen-hq terminal "
                               "list`) is not beyond %2")
                    .arg(restored.terminalId)
                    .arg(restored.lastSeq));
    return ctx.done({{QStringLiteral("from"), from},
                     {QStringLiteral("terminal_id"), restored.terminalId},
                     {QStringLiteral("last_seq"), restored.lastSeq},
                     {QStringLiteral("acked_seq"), restored.ackedSeq},
                     {QStringLiteral("schema_version"), Store::latestVersion()},
                     {QStringLiteral("replaced"), replaced.isEmpty() ? QJsonValue() : QJsonValue(replaced)}},
                    text);
}

} // namespace

QList<Command> opsCommands()
{
    return {
        {{QStringLiteral("backup")},
         QStringLiteral("--out FILE"),
         QStringLiteral("consistent online copy of the ledger (never overwrites FILE)"),
         {{QStringLiteral("out")}, {}, {QStringLiteral("out")}, {}},
         backup},
        {{QStringLiteral("restore")},
         QStringLiteral("--from FILE [--force]"),
         QStringLiteral("verify a backup and make it this terminal's ledger (--force: replace one, kept aside)"),
         {{QStringLiteral("from")}, {QStringLiteral("force")}, {QStringLiteral("from")}, {}},
         restore},
    };
}

} // namespace jifen::cli
