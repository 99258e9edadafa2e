#pragma once

#include "error.h"

#include <QString>
#include <QStringList>

namespace jifen {

// What was saved from a quarantined (damaged) terminal database.
struct RecoveryReport {
    QString quarantined;       // the damaged file, kept as it was
    QString reason;            // why it was quarantined
    qint64 journalEntries = 0; // journal entries recovered
    qint64 lastSeq = 0;        // the highest seq recovered
    QStringList journalGaps;   // seq ranges that could not be read ("12-15"); empty: the journal is whole
    QString afterGap;          // readable entries after the first gap, not recovered ("17-40"); empty: none
    QStringList damagedTables; // tables where some rows could not be read
    QStringList dropped;       // records of lost entries removed ("3 sale(s)")
    qint64 hqAckedSeq = 0;     // what HQ had acknowledged before the damage
    bool identity = false;     // the terminal's identity (and enrolment) was recovered

    // One paragraph for the cashier's screen and the log.
    QString summary() const;
};

// Rebuilds a terminal database at `target` (which must not exist) from what can still be read in
// the quarantined file `damaged`, which is never written: a copy is read, with its header
// rewritten when the header itself is damaged. Every table is copied row by row, skipping the
// regions SQLite reports as corrupt, into a freshly migrated schema; journal entries keep their
// seq, entry id and hashes, so they can be pushed to HQ as they were. Only the unbroken chain
// from seq 1 is recovered: entries after an unreadable one are reported, not copied, and the
// records they made are dropped (salvage_reconcile.h). Fails (and leaves no file at `target`)
// when nothing of the ledger — no identity and no journal entry — is readable.
Result<RecoveryReport> salvageDatabase(const QString& damaged, const QString& target);

// True when a write-ahead log beside `path` was damaged in the middle: a frame of the current
// log fails its checksum although a later frame, chained from it, is intact. SQLite would stop
// reading at the damaged frame and silently drop every transaction after it. (A torn last write
// after a crash is not damage: nothing valid follows it.)
bool walDamaged(const QString& path, QString* detail = nullptr);

} // namespace jifen
