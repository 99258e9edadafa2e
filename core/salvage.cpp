#include "salvage.h"

#include "logging.h"
#include "salvage_reconcile.h"
#include "store.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtEndian>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace jifen {

namespace {

// Rowids probed one by one past a damaged region before a table is taken to end there.
constexpr qint64 kProbeSpan = 20000;
constexpr qint64 kBatch = 500;

QString nextConnection(const char* what)
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("jifen-salvage-%1-%2").arg(QString::fromLatin1(what)).arg(counter.fetchAndAddRelaxed(1));
}

// A QSqlDatabase connection that is removed when it goes out of scope.
class Connection {
public:
    Connection(const QString& path, const char* what)
        : m_name(nextConnection(what))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
};

bool copyFile(const QString& from, const QString& to)
{
    QFile::remove(to);
    return QFile::copy(from, to) && QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
}

QStringList tablesOf(const QSqlDatabase& db, bool* ok)
{
    QSqlQuery q(db);
    QStringList names;
    *ok = q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
    while (*ok && q.next())
        names.append(q.value(0).toString());
    if (*ok && q.lastError().isValid())
        *ok = false;
    return names;
}

void put32(QByteArray& b, int at, quint32 v)
{
    qToBigEndian(v, reinterpret_cast<uchar*>(b.data() + at));
}

// A database header (the first 100 bytes) as SQLite writes it, for `pages` pages of `pageSize`.
QByteArray syntheticHeader(int pageSize, quint32 pages, bool wal)
{
    QByteArray h(100, '\0');
    h.replace(0, 16, QByteArray("SQLite format 3\0", 16));
    h[16] = char(pageSize == 65536 ? 0 : (pageSize >> 8) & 0xff);
    h[17] = char(pageSize == 65536 ? 1 : pageSize & 0xff);
    h[18] = h[19] = char(wal ? 2 : 1);
    h[21] = 64;
    h[22] = 32;
    h[23] = 32;
    put32(h, 24, 1); // change counter
    put32(h, 28, pages);
    put32(h, 40, 1); // schema cookie
    put32(h, 44, 4); // schema format
    put32(h, 56, 1); // UTF-8
    put32(h, 92, 1); // version-valid-for: equals the change counter, so the page count is used
    put32(h, 96, 3040001);
    return h;
}

// Reads every row of one table it can, into `rows` (column names in `columns`). Returns false
// when some rows could not be read.
bool readTable(const QSqlDatabase& db, const QString& table, QStringList* columns, QList<QVariantList>* rows)
{
    QSqlQuery probe(db);
    if (!probe.exec(QStringLiteral("SELECT * FROM \"%1\" LIMIT 0").arg(table)))
        return false;
    const QSqlRecord rec = probe.record();
    for (int i = 0; i < rec.count(); ++i)
        columns->append(rec.fieldName(i));
    probe.finish();
    const auto take = [&](QSqlQuery& q, int first) {
        QVariantList row;
        for (int i = 0; i < rec.count(); ++i)
            row.append(q.value(first + i));
        rows->append(row);
    };

    const bool hasRowid = probe.exec(QStringLiteral("SELECT rowid FROM \"%1\" LIMIT 0").arg(table));
    probe.finish();
    if (!hasRowid) { // WITHOUT ROWID: one scan, keeping what comes before any damage
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table)))
            return false;
        while (q.next())
            take(q, 0);
        return !q.lastError().isValid();
    }

    bool whole = true;
    qint64 cursor = std::numeric_limits<qint64>::min();
    QSqlQuery range(db);
    range.prepare(
        QStringLiteral("SELECT rowid, * FROM \"%1\" WHERE rowid > ? ORDER BY rowid LIMIT %2").arg(table).arg(kBatch));
    QSqlQuery point(db);
    point.prepare(QStringLiteral("SELECT rowid, * FROM \"%1\" WHERE rowid = ?").arg(table));
    for (;;) {
        range.bindValue(0, cursor);
        int got = 0;
        bool failed = !range.exec();
        while (!failed && range.next()) {
            cursor = range.value(0).toLongLong();
            take(range, 1);
            ++got;
        }
        if (!failed && range.lastError().isValid())
            failed = true;
        range.finish();
        if (!failed) {
            if (got < kBatch)
                return whole;
            continue;
        }
        // A damaged region: look for the next readable row one rowid at a time.
        whole = false;
        const qint64 from = cursor == std::numeric_limits<qint64>::min() ? 0 : cursor;
        bool found = false;
        for (qint64 id = from + 1; id <= from + kProbeSpan; ++id) {
            point.bindValue(0, id);
            if (point.exec() && point.next()) {
                take(point, 1);
                cursor = id;
                found = true;
                point.finish();
                break;
            }
            point.finish();
        }
        if (!found)
            return false;
    }
}

} // namespace

QString RecoveryReport::summary() const
{
    QString s = QStringLiteral("The ledger was damaged (%1) and quarantined as %2 (kept, never deleted). ")
                    .arg(reason, quarantined);
    s += QStringLiteral("Recovered %1 journal entries (up to seq %2)").arg(journalEntries).arg(lastSeq);
    if (journalGaps.isEmpty())
        s += QStringLiteral(" with no gap; ");
    else
        s += QStringLiteral("; UNREADABLE entries: seq %1; readable entries after the first gap (seq %2) could not "
                            "be chained and stay only in the quarantined file: report them to HQ; ")
                 .arg(journalGaps.join(QStringLiteral(", ")), afterGap.isEmpty() ? QStringLiteral("none") : afterGap);
    if (!dropped.isEmpty())
        s += QStringLiteral("records of the entries that were not recovered were dropped (%1) and balances "
                            "recomputed from the recovered journal; ")
                 .arg(dropped.join(QStringLiteral(", ")));
    if (hqAckedSeq > lastSeq)
        s += QStringLiteral("HQ already holds this terminal's entries up to seq %1, more than was recovered: do not "
                            "sell on this terminal before HQ support has restored its journal; ")
                 .arg(hqAckedSeq);
    if (!identity)
        s += QStringLiteral("the terminal's identity was unreadable: re-initialise and re-enrol; ");
    if (!damagedTables.isEmpty())
        s += QStringLiteral("rows lost in: %1; ").arg(damagedTables.join(QStringLiteral(", ")));
    s += QStringLiteral("run `jifen sync` now so HQ receives the unsynced entries, then `jifen verify`.");
    return s;
}

Result<RecoveryReport> salvageDatabase(const QString& damaged, const QString& target)
{
    RecoveryReport report;
    report.quarantined = damaged;
    if (QFileInfo::exists(target))
        return Error::storage(
            QCoreApplication::translate("jifen::Salvage", "cannot salvage into %1: the file exists").arg(target));

    // Work on a copy: the quarantined file stays byte for byte as it was.
    const QString scratch = target + QStringLiteral(".salvage-tmp");
    const auto cleanScratch = [&] {
        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(scratch + QString::fromLatin1(suffix));
    };
    cleanScratch();
    if (!copyFile(damaged, scratch))
        return Error::storage(
            QCoreApplication::translate("jifen::Salvage", "cannot copy %1 to salvage it").arg(damaged));
    const bool hasWal = QFileInfo::exists(damaged + QStringLiteral("-wal"));
    if (hasWal && !copyFile(damaged + QStringLiteral("-wal"), scratch + QStringLiteral("-wal")))
        return Error::storage(
            QCoreApplication::translate("jifen::Salvage", "cannot copy %1-wal to salvage it").arg(damaged));

    std::map<QString, std::pair<QStringList, QList<QVariantList>>> salvaged;
    {
        QStringList tables;
        bool readable = false;
        {
            Connection source(scratch, "source");
            if (source.isOpen())
                tables = tablesOf(source.db(), &readable);
        }
        if (!readable) {
            // The header itself may be what is damaged: rewrite it and try the usual page sizes.
            QFile f(scratch);
            const qint64 size = QFileInfo(scratch).size();
            for (int pageSize : {4096, 1024, 2048, 8192, 16384, 32768, 65536}) {
                if (size < pageSize || !f.open(QIODevice::ReadWrite))
                    continue;
                f.write(syntheticHeader(pageSize, quint32(size / pageSize), hasWal));
                f.close();
                QFile::remove(scratch + QStringLiteral("-shm"));
                Connection source(scratch, "source");
                if (source.isOpen())
                    tables = tablesOf(source.db(), &readable);
                if (readable) {
                    qCInfo(lcCore, "salvage: rewrote the damaged header of %s (page size %d)", qUtf8Printable(damaged),
                           pageSize);
                    break;
                }
            }
        }
        if (!readable) {
            cleanScratch();
            return Error::storage(
                QCoreApplication::translate("jifen::Salvage", "nothing in %1 is readable (not even its list of tables)")
                    .arg(damaged));
        }
        Connection source(scratch, "source");
        for (const QString& table : tables) {
            QStringList columns;
            QList<QVariantList> rows;
            if (!readTable(source.db(), table, &columns, &rows))
                report.damagedTables.append(table);
            salvaged[table] = {columns, rows};
        }
    }
    cleanScratch();

    // The identity and the journal are what matter; without either there is nothing to save.
    const auto& meta = salvaged[QStringLiteral("meta")];
    for (const QVariantList& row : meta.second) {
        const int key = meta.first.indexOf(QStringLiteral("key"));
        if (key >= 0 && row.value(key).toString() == QStringLiteral("terminal_id"))
            report.identity = true;
    }
    const auto journal = salvaged[QStringLiteral("journal")];
    const int seqColumn = journal.first.indexOf(QStringLiteral("seq"));
    std::set<qint64> seqs;
    for (const QVariantList& row : journal.second)
        seqs.insert(row.value(seqColumn).toLongLong());
    if (!report.identity && seqs.empty())
        return Error::storage(QCoreApplication::translate(
                                  "jifen::Salvage", "neither the identity nor any journal entry of %1 is readable")
                                  .arg(damaged));
    qint64 expected = 1;
    for (qint64 seq : seqs) {
        if (seq > expected)
            report.journalGaps.append(seq - 1 == expected ? QString::number(expected)
                                                          : QStringLiteral("%1-%2").arg(expected).arg(seq - 1));
        expected = seq + 1;
    }
    // The recovered journal is the unbroken chain from seq 1: HQ accepts a push only in seq order
    // with each entry chained to the one before. Entries after a gap stay in the quarantined file
    // and are named in the report.
    qint64 prefixEnd = 0;
    for (qint64 seq : seqs) {
        if (seq != prefixEnd + 1)
            break;
        prefixEnd = seq;
    }
    if (prefixEnd < (seqs.empty() ? 0 : *seqs.rbegin()))
        report.afterGap = QStringLiteral("%1-%2").arg(*seqs.upper_bound(prefixEnd)).arg(*seqs.rbegin());
    auto& rows = salvaged[QStringLiteral("journal")].second;
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [&](const QVariantList& row) { return row.value(seqColumn).toLongLong() > prefixEnd; }),
               rows.end());
    report.journalEntries = prefixEnd;
    report.lastSeq = prefixEnd;
    const int keyColumn = meta.first.indexOf(QStringLiteral("key"));
    const int valueColumn = meta.first.indexOf(QStringLiteral("value"));
    for (const QVariantList& row : meta.second) {
        if (row.value(keyColumn).toString() == QStringLiteral("hq_acked_seq"))
            report.hqAckedSeq = row.value(valueColumn).toLongLong();
    }

    // A fresh database with the current schema, then every salvaged row, as it was.
    {
        auto fresh = Store::open(target);
        if (!fresh)
            return fresh.error();
    }
    Status written = Ok{};
    {
        Connection out(target, "target");
        QSqlDatabase db = out.db();
        QSqlQuery q(db);
        bool tablesOk = false;
        const QStringList known = tablesOf(db, &tablesOk);
        if (!out.isOpen() || !tablesOk || !q.exec(QStringLiteral("PRAGMA foreign_keys=OFF")) ||
            !q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            written =
                Error::storage(QCoreApplication::translate("jifen::Salvage", "cannot write the salvaged ledger %1: %2")
                                   .arg(target, q.lastError().text()));
        for (auto it = salvaged.begin(); written.ok() && it != salvaged.end(); ++it) {
            const QString& table = it->first;
            if (!known.contains(table) || it->second.second.isEmpty())
                continue;
            QSqlQuery cols(db);
            cols.exec(QStringLiteral("SELECT * FROM \"%1\" LIMIT 0").arg(table));
            const QSqlRecord rec = cols.record();
            cols.finish();
            QList<int> picked;
            QStringList names;
            for (int i = 0; i < it->second.first.size(); ++i) {
                if (rec.contains(it->second.first.at(i))) {
                    picked.append(i);
                    names.append(QStringLiteral("\"%1\"").arg(it->second.first.at(i)));
                }
            }
            QStringList marks;
            for (int i = 0; i < picked.size(); ++i)
                marks.append(QStringLiteral("?"));
            QSqlQuery insert(db);
            insert.prepare(QStringLiteral("INSERT OR REPLACE INTO \"%1\" (%2) VALUES (%3)")
                               .arg(table, names.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
            for (const QVariantList& row : it->second.second) {
                for (int i = 0; i < picked.size(); ++i)
                    insert.bindValue(i, row.value(picked.at(i)));
                if (!insert.exec()) {
                    // A row the damage garbled (a broken constraint): lost like an unreadable one.
                    if (!report.damagedTables.contains(table))
                        report.damagedTables.append(table);
                }
            }
        }
        if (written.ok())
            written = reconcileSalvaged(db, prefixEnd, &report.dropped);
        if (written.ok() && !q.exec(QStringLiteral("COMMIT")))
            written =
                Error::storage(QCoreApplication::translate("jifen::Salvage", "cannot write the salvaged ledger %1: %2")
                                   .arg(target, q.lastError().text()));
        if (!written.ok())
            q.exec(QStringLiteral("ROLLBACK"));
    }
    if (!written.ok()) {
        for (const char* suffix : {"", "-wal", "-shm"})
            QFile::remove(target + QString::fromLatin1(suffix));
        return written.error();
    }
    return report;
}

namespace {

struct WalChecksum {
    quint32 s0 = 0;
    quint32 s1 = 0;
};

WalChecksum walChecksum(bool bigEndian, const uchar* data, qsizetype n, WalChecksum c)
{
    for (qsizetype i = 0; i + 8 <= n; i += 8) {
        const quint32 x0 = bigEndian ? qFromBigEndian<quint32>(data + i) : qFromLittleEndian<quint32>(data + i);
        const quint32 x1 = bigEndian ? qFromBigEndian<quint32>(data + i + 4) : qFromLittleEndian<quint32>(data + i + 4);
        c.s0 += x0 + c.s1;
        c.s1 += x1 + c.s0;
    }
    return c;
}

} // namespace

bool walDamaged(const QString& path, QString* detail)
{
    QFile f(path + QStringLiteral("-wal"));
    if (!f.open(QIODevice::ReadOnly) || f.size() < 32)
        return false;
    const QByteArray bytes = f.readAll();
    const auto* b = reinterpret_cast<const uchar*>(bytes.constData());
    const quint32 magic = qFromBigEndian<quint32>(b);
    if (magic != 0x377f0682 && magic != 0x377f0683)
        return false; // not a log SQLite would read; SQLite ignores it too
    const bool bigEndian = magic == 0x377f0683;
    const quint32 pageSize = qFromBigEndian<quint32>(b + 8);
    const quint32 salt1 = qFromBigEndian<quint32>(b + 16);
    const quint32 salt2 = qFromBigEndian<quint32>(b + 20);
    WalChecksum header = walChecksum(bigEndian, b, 24, {});
    if (header.s0 != qFromBigEndian<quint32>(b + 24) || header.s1 != qFromBigEndian<quint32>(b + 28))
        return false; // an invalid header: SQLite treats the log as empty, as after a reset
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return false;
    const qsizetype frameSize = 24 + qsizetype(pageSize);
    const qsizetype frames = (bytes.size() - 32) / frameSize;
    const auto frameAt = [&](qsizetype i) { return b + 32 + i * frameSize; };
    const auto saltsMatch = [&](qsizetype i) {
        return qFromBigEndian<quint32>(frameAt(i) + 8) == salt1 && qFromBigEndian<quint32>(frameAt(i) + 12) == salt2;
    };
    const auto validFrom = [&](qsizetype i, WalChecksum seed) {
        const uchar* fr = frameAt(i);
        WalChecksum c = walChecksum(bigEndian, fr, 8, seed);
        c = walChecksum(bigEndian, fr + 24, pageSize, c);
        return saltsMatch(i) && c.s0 == qFromBigEndian<quint32>(fr + 16) && c.s1 == qFromBigEndian<quint32>(fr + 20);
    };
    const auto stored = [&](qsizetype i) {
        return WalChecksum{qFromBigEndian<quint32>(frameAt(i) + 16), qFromBigEndian<quint32>(frameAt(i) + 20)};
    };
    WalChecksum running = header;
    qsizetype bad = -1;
    for (qsizetype i = 0; i < frames; ++i) {
        if (!validFrom(i, running)) {
            bad = i;
            break;
        }
        running = stored(i);
    }
    if (bad < 0)
        return false;
    for (qsizetype j = bad + 1; j < frames; ++j) {
        if (validFrom(j, stored(j - 1))) {
            if (detail)
                *detail = QStringLiteral("write-ahead log frame %1 of %2 is damaged; intact frames follow it")
                              .arg(bad + 1)
                              .arg(frames);
            return true;
        }
    }
    return false;
}

} // namespace jifen
