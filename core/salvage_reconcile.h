#pragma once

#include "error.h"

#include <QSqlDatabase>
#include <QStringList>

namespace jifen {

// Makes a salvaged ledger's derived tables agree with its recovered journal, which may stop
// before the damaged file's last entry. Rows that record work of lost entries (sales,
// redemptions, donations, refunds, deferred points, lots they created, cached request results)
// are removed, so that a retried request is carried out again instead of answered from a
// result that is no longer in the ledger; balances and lots are recomputed from the journal the
// way Ledger::verify() checks them. Runs inside the caller's open transaction on `db`; appends a
// line per kind of row removed to `*dropped`.
Status reconcileSalvaged(const QSqlDatabase& db, qint64 lastSeq, QStringList* dropped);

} // namespace jifen
