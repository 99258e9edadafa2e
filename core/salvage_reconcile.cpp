#include "salvage_reconcile.h"

#include "journal.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace jifen {

namespace {

// The statements below run against a scratch copy inside one transaction: the first failure
// ends the reconciliation and the caller rolls everything back.
class Runner {
public:
    Runner(const QSqlDatabase& db, qint64 lastSeq)
        : m_db(db)
        , m_lastSeq(lastSeq)
    {}

    // Runs `sql` with every ":last" replaced by the last recovered seq (an integer of ours, so
    // spelled into the text); returns the rows changed.
    Result<int> run(QString sql, const QVariantList& binds = {})
    {
        sql.replace(QStringLiteral(":last"), QString::number(m_lastSeq));
        QSqlQuery q(m_db);
        if (!q.prepare(sql))
            return fail(q, sql);
        for (const QVariant& v : binds)
            q.addBindValue(v);
        if (!q.exec())
            return fail(q, sql);
        return q.numRowsAffected();
    }

    QSqlQuery query() const { return QSqlQuery(m_db); }

    Error fail(const QSqlQuery& q, const QString& sql) const
    {
        return Error::storage(
            QCoreApplication::translate("jifen::Salvage", "cannot reconcile the salvaged ledger (%1): %2")
                .arg(sql.left(60), q.lastError().text()));
    }

private:
    QSqlDatabase m_db;
    qint64 m_lastSeq;
};

// Requests whose every outcome is a journal entry under the request's own ref: without that
// entry the request did not happen, as far as the recovered ledger knows.
const QString kAlwaysJournaled = QStringLiteral("('adjust', 'donate', 'green', 'redeem', 'return-reward', 'transfer')");
const QString kLostRef = QStringLiteral("ref NOT IN (SELECT ref FROM journal)");

// Balances and lots recomputed from the recovered journal, as Ledger::verify() checks them: what
// HQ confirmed (base_*) plus this terminal's entries after the member's base_seq.
Status recompute(Runner& r)
{
    QSqlQuery q = r.query();
    const QString read = QStringLiteral("SELECT j.member_id, j.lots FROM journal j JOIN balances b"
                                        " ON b.member_id = j.member_id WHERE j.seq > b.base_seq AND j.lots <> '[]'");
    if (!q.exec(read))
        return r.fail(q, read);
    QHash<QString, qint64> moved;
    while (q.next()) {
        const auto moves = lotMovesFromText(q.value(1).toString());
        if (!moves) // the entry's hash would not verify either; Ledger::verify() names it
            continue;
        for (const LotMove& m : moves.value())
            moved[m.lot.toString()] += m.points.value();
    }
    q.finish();
    // Members with entries but no balance row lost it in the damage.
    JIFEN_TRY(
        r.run(QStringLiteral("INSERT INTO balances (member_id) SELECT DISTINCT member_id FROM journal"
                             " WHERE member_id IS NOT NULL AND member_id NOT IN (SELECT member_id FROM balances)")));
    JIFEN_TRY(r.run(QStringLiteral("UPDATE balances SET"
                                   " points = base_points + COALESCE((SELECT SUM(j.points) FROM journal j"
                                   " WHERE j.member_id = balances.member_id AND j.seq > balances.base_seq), 0),"
                                   " green_points = base_green + COALESCE((SELECT SUM(j.green_points) FROM journal j"
                                   " WHERE j.member_id = balances.member_id AND j.seq > balances.base_seq), 0)")));
    const QString lots = QStringLiteral("SELECT id, source_terminal, source_seq, base_remaining FROM lots");
    if (!q.exec(lots))
        return r.fail(q, lots);
    QList<std::pair<qint64, qint64>> remaining;
    while (q.next()) {
        const QString key = LotRef{q.value(1).toString(), q.value(2).toLongLong()}.toString();
        remaining.append({q.value(0).toLongLong(), q.value(3).toLongLong() + moved.value(key)});
    }
    q.finish();
    for (const auto& [id, points] : remaining) {
        // A lot can only go negative if an entry consuming it was recovered without the one that
        // created it, which the unbroken chain from seq 1 rules out; clamp rather than refuse.
        JIFEN_TRY(
            r.run(QStringLiteral("UPDATE lots SET remaining = ? WHERE id = ?"), {std::max<qint64>(0, points), id}));
    }
    return Ok{};
}

} // namespace

Status reconcileSalvaged(const QSqlDatabase& db, qint64 lastSeq, QStringList* dropped)
{
    Runner r(db, lastSeq);
    const auto note = [&](const Result<int>& n, const char* what) -> Status {
        if (!n)
            return n.error();
        if (n.value() > 0)
            dropped->append(QStringLiteral("%1 %2").arg(n.value()).arg(QString::fromLatin1(what)));
        return Ok{};
    };
    const QString lostSale = QStringLiteral("(earn_seq > :last OR offset_seq > :last OR green_seq > :last)");

    // Refunds of lost sales, and refunds that reversed points through an entry that was lost: the
    // sale they refunded gets its refundable amount back.
    JIFEN_TRY(note(
        r.run(QStringLiteral("DELETE FROM refunds WHERE sale_ref IN (SELECT ref FROM sales WHERE %1)").arg(lostSale)),
        "refund(s) of lost sales"));
    const QString lostRefund = QStringLiteral("%1 AND (points_reversed <> 0 OR offset_restored <> 0)").arg(kLostRef);
    JIFEN_TRY(r.run(QStringLiteral("UPDATE sales SET"
                                   " refunded_fen = refunded_fen - (SELECT SUM(amount_fen) FROM refunds f"
                                   " WHERE f.sale_ref = sales.ref AND %1),"
                                   " points_reversed = points_reversed - (SELECT SUM(points_reversed) FROM refunds f"
                                   " WHERE f.sale_ref = sales.ref AND %1),"
                                   " offset_restored = offset_restored - (SELECT SUM(offset_restored) FROM refunds f"
                                   " WHERE f.sale_ref = sales.ref AND %1),"
                                   " fully_refunded = 0"
                                   " WHERE ref IN (SELECT sale_ref FROM refunds WHERE %1)")
                        .arg(lostRefund)));
    JIFEN_TRY(note(r.run(QStringLiteral("DELETE FROM refunds WHERE %1").arg(lostRefund)), "refund(s)"));
    JIFEN_TRY(note(r.run(QStringLiteral("DELETE FROM sales WHERE %1").arg(lostSale)), "sale(s)"));
    JIFEN_TRY(note(r.run(QStringLiteral("DELETE FROM redemptions WHERE seq > :last")), "redemption(s)"));
    JIFEN_TRY(
        note(r.run(QStringLiteral("UPDATE redemptions SET returned_ref = NULL"
                                  " WHERE returned_ref IS NOT NULL AND returned_ref NOT IN (SELECT ref FROM journal)")),
             "reward return(s)"));
    JIFEN_TRY(note(r.run(QStringLiteral("DELETE FROM donations WHERE seq > :last")), "donation(s)"));
    JIFEN_TRY(note(r.run(QStringLiteral("DELETE FROM survey_answers WHERE green_seq > :last")), "survey answer(s)"));
    JIFEN_TRY(note(r.run(QStringLiteral("DELETE FROM deferred WHERE seq > :last")), "deferred earning(s)"));
    JIFEN_TRY(note(r.run(QStringLiteral("DELETE FROM lots WHERE source_seq > :last AND source_terminal ="
                                        " (SELECT value FROM meta WHERE key = 'terminal_id')")),
                   "lot(s)"));
    // Cached results of requests that are no longer in the ledger: a retry carries them out again.
    JIFEN_TRY(note(r.run(QStringLiteral("DELETE FROM requests WHERE %1 AND (operation IN %2"
                                        " OR (operation = 'sale' AND ref NOT IN (SELECT ref FROM sales))"
                                        " OR (operation = 'refund' AND ref NOT IN (SELECT ref FROM refunds))"
                                        " OR (operation = 'survey' AND ref NOT IN (SELECT ref FROM survey_answers)))")
                             .arg(kLostRef, kAlwaysJournaled)),
                   "cached request result(s)"));
    return recompute(r);
}

} // namespace jifen
