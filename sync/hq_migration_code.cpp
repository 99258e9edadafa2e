#include "clock.h"
#include "hq_database.h"
#include "journal.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace jifen::sync {

namespace {

// The names of the lots a migration step has to fill in, read before it updates them.
Result<QStringList> lotNames(HqDatabase& db, const QString& where)
{
    auto q = db.run(QStringLiteral("SELECT lot FROM lots WHERE ") + where);
    if (!q)
        return q.error();
    QStringList lots;
    while (q.value()->next())
        lots.append(q.value()->value(0).toString());
    q.value()->finish();
    return lots;
}

} // namespace

Status HqDatabase::afterStep(int version)
{
    if (version == 6)
        return rebuildLotMetadata();
    if (version == 8) {
        // Step 8's creator for the lots stored before it, from their names ("terminal:seq"). They
        // stay shared, so a puller is sent them all, spent ones included (remaining 0): without a
        // creator its own spent lots would be neither listed nor counted, and every "omit" page
        // would fail the terminal's check.
        auto lots = lotNames(*this, QStringLiteral("creator IS NULL"));
        if (!lots)
            return lots.error();
        for (const QString& lot : lots.value()) {
            const qsizetype colon = lot.lastIndexOf(QLatin1Char(':'));
            if (colon > 0)
                JIFEN_TRY(run(QStringLiteral("UPDATE lots SET creator = ? WHERE lot = ?"), {lot.left(colon), lot}));
        }
    }
    return Ok{};
}

Status HqDatabase::rebuildLotMetadata()
{
    // A lot is described by the entry that created it (its own move: lot "terminal:seq" of that
    // entry), exactly as a push describes it today: green when the entry moved green points,
    // original = that move, earned on the entry's business date, valid through its detail's date.
    auto lots = lotNames(*this, QStringLiteral("original = 0 AND (earned_on IS NULL OR earned_on = '')"));
    if (!lots)
        return lots.error();
    for (const QString& lot : lots.value()) {
        const qsizetype colon = lot.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const qint64 seq = lot.mid(colon + 1).toLongLong(&ok);
        if (colon <= 0 || !ok)
            continue; // not a lot name HQ wrote: left as it is
        const QString terminal = lot.left(colon);
        auto e =
            run(QStringLiteral("SELECT green_points, terminal_time, detail, lots FROM journal WHERE terminal_id = ?"
                               " AND seq = ?"),
                {terminal, seq});
        if (!e)
            return e.error();
        if (!e.value()->next()) {
            e.value()->finish();
            continue; // its entry never reached HQ: nothing to rebuild from
        }
        const qint64 green = e.value()->value(0).toLongLong();
        const auto time = parseInstant(e.value()->value(1).toString());
        const QJsonObject detail = QJsonDocument::fromJson(e.value()->value(2).toString().toUtf8()).object();
        const auto moves = lotMovesFromText(e.value()->value(3).toString());
        e.value()->finish();
        if (!time || !moves)
            return Error::storage(QStringLiteral("HQ journal entry %1 cannot be read to rebuild its lot").arg(lot));
        for (const LotMove& m : *moves) {
            if (m.lot.terminalId != terminal || m.lot.seq != seq)
                continue;
            JIFEN_TRY(run(QStringLiteral("UPDATE lots SET green = ?, original = ?, earned_on = ?, valid_through ="
                                         " CASE WHEN valid_through IS NULL OR valid_through = '' THEN ? ELSE"
                                         " valid_through END WHERE lot = ?"),
                          {green > 0 ? 1 : 0, m.points.value(), businessDate(time.value()).toString(Qt::ISODate),
                           detail.value(QStringLiteral("valid_through")).toString(), lot}));
        }
    }
    return Ok{};
}

} // namespace jifen::sync
