#include "ledger_impl.h"

#include <QHash>
#include <QJsonDocument>

namespace jifen {

// Recomputes everything derived from the journal and compares: the hash chain, seq continuity,
// every member's balance, and every lot's remaining points. Read-only.
Result<VerifyReport> Ledger::verify()
{
    ReadScope reading(d->store);
    VerifyReport report;
    // Members pulled from HQ start from HQ's confirmed numbers: only this terminal's entries after
    // base_seq count on top of them.
    QHash<qint64, qint64> baseSeq;
    {
        auto base = d->store.prepare(QStringLiteral("SELECT member_id, base_seq FROM balances WHERE base_seq > 0"));
        if (!base)
            return base.error();
        JIFEN_TRY(d->store.exec(base.value()));
        while (base->next())
            baseSeq.insert(base->value(0).toLongLong(), base->value(1).toLongLong());
    }
    auto q = d->store.prepare(QStringLiteral(
        "SELECT j.seq, j.entry_id, j.terminal_id, j.kind, m.uid, j.points, j.green_points, j.ref, j.reverses_seq,"
        " j.ruleset_version, j.terminal_time, j.detail, j.lots, j.prev_hash, j.hash, j.member_id"
        " FROM journal j LEFT JOIN members m ON m.id = j.member_id ORDER BY j.seq"));
    if (!q)
        return q.error();
    JIFEN_TRY(d->store.exec(q.value()));
    struct Sum {
        qint64 points = 0;
        qint64 green = 0;
    };
    QHash<qint64, Sum> memberSums;
    QHash<QString, qint64> lotSums;
    QString prevHash = genesisHash();
    qint64 expectedSeq = 1;
    auto problem = [&](const QString& text) {
        if (report.problems.size() < 1000)
            report.problems.append(text);
    };
    while (q->next()) {
        JournalEntry e;
        e.seq = q->value(0).toLongLong();
        e.entryId = q->value(1).toString();
        e.terminalId = q->value(2).toString();
        const auto kind = entryKindFromName(q->value(3).toString());
        if (!kind)
            problem(QStringLiteral("entry %1 has an unknown kind \"%2\"").arg(e.seq).arg(q->value(3).toString()));
        e.kind = kind.value_or(EntryKind::Adjust);
        e.memberUid = q->value(4).toString();
        e.points = Points(q->value(5).toLongLong());
        e.greenPoints = Points(q->value(6).toLongLong());
        e.ref = q->value(7).toString();
        e.reversesSeq = q->value(8).toLongLong();
        e.rulesetVersion = q->value(9).toInt();
        e.terminalTime = QDateTime::fromString(q->value(10).toString(), Qt::ISODateWithMs);
        e.detail = QJsonDocument::fromJson(q->value(11).toByteArray()).object();
        const auto lots = lotMovesFromText(q->value(12).toString());
        if (!lots)
            problem(QStringLiteral("entry %1 has unreadable lot moves").arg(e.seq));
        e.lots = lots.value_or(QList<LotMove>());
        e.prevHash = q->value(13).toString();
        e.hash = q->value(14).toString();

        if (e.seq != expectedSeq)
            problem(QStringLiteral("gap in the journal: expected seq %1, found %2").arg(expectedSeq).arg(e.seq));
        expectedSeq = e.seq + 1;
        if (e.prevHash != prevHash)
            problem(QStringLiteral("hash chain broken at seq %1: it does not follow the entry before it").arg(e.seq));
        if (e.computeHash() != e.hash)
            problem(QStringLiteral("entry %1 was altered: its content no longer matches its hash").arg(e.seq));
        prevHash = e.hash;

        const qint64 memberId = q->value(15).isNull() ? 0 : q->value(15).toLongLong();
        if (memberId && e.seq > baseSeq.value(memberId, 0)) {
            Sum& s = memberSums[memberId];
            s.points += e.points.value();
            s.green += e.greenPoints.value();
            for (const LotMove& m : e.lots)
                lotSums[m.lot.toString()] += m.points.value();
        }
        ++report.entries;
    }
    q->finish();

    auto b = d->store.prepare(
        QStringLiteral("SELECT b.member_id, b.points, b.green_points,"
                       " (SELECT COALESCE(SUM(remaining), 0) FROM lots l WHERE l.member_id = b.member_id),"
                       " (SELECT COALESCE(SUM(remaining), 0) FROM lots l WHERE l.member_id = b.member_id"
                       " AND l.green = 1), b.base_points, b.base_green,"
                       " (SELECT COALESCE(SUM(base_remaining), 0) FROM lots l WHERE l.member_id = b.member_id),"
                       " (SELECT COALESCE(SUM(base_remaining), 0) FROM lots l WHERE l.member_id = b.member_id"
                       " AND l.green = 1) FROM balances b"));
    if (!b)
        return b.error();
    JIFEN_TRY(d->store.exec(b.value()));
    while (b->next()) {
        const qint64 id = b->value(0).toLongLong();
        const qint64 points = b->value(1).toLongLong();
        const qint64 green = b->value(2).toLongLong();
        Sum s = memberSums.value(id);
        const qint64 basePoints = b->value(5).toLongLong();
        const qint64 baseGreen = b->value(6).toLongLong();
        s.points += basePoints;
        s.green += baseGreen;
        // Offline terminals may together have overspent a member: HQ's lots then no longer add
        // up to its balance, and neither can ours until a manager settles the overdraft.
        const bool baseAddsUp = b->value(7).toLongLong() == std::max<qint64>(0, basePoints) &&
                                b->value(8).toLongLong() == std::max<qint64>(0, baseGreen);
        if (points != s.points || green != s.green)
            problem(QStringLiteral("member #%1: balance %2 (green %3) but the journal sums to %4 (green %5)")
                        .arg(id)
                        .arg(points)
                        .arg(green)
                        .arg(s.points)
                        .arg(s.green));
        if (baseAddsUp &&
            (b->value(3).toLongLong() != std::max<qint64>(0, points) || b->value(4).toLongLong() != green))
            problem(QStringLiteral("member #%1: lots hold %2 (green %3) for a balance of %4 (green %5)")
                        .arg(id)
                        .arg(b->value(3).toLongLong())
                        .arg(b->value(4).toLongLong())
                        .arg(points)
                        .arg(green));
        memberSums.remove(id);
        ++report.members;
    }
    for (auto it = memberSums.cbegin(); it != memberSums.cend(); ++it)
        problem(QStringLiteral("member #%1 has journal entries but no balance").arg(it.key()));

    auto l =
        d->store.prepare(QStringLiteral("SELECT source_terminal, source_seq, remaining - base_remaining FROM lots"));
    if (!l)
        return l.error();
    JIFEN_TRY(d->store.exec(l.value()));
    while (l->next()) {
        const QString key = LotRef{l->value(0).toString(), l->value(1).toLongLong()}.toString();
        if (l->value(2).toLongLong() != lotSums.value(key))
            problem(QStringLiteral("lot %1 holds %2 but its moves sum to %3")
                        .arg(key)
                        .arg(l->value(2).toLongLong())
                        .arg(lotSums.value(key)));
        lotSums.remove(key);
        ++report.lots;
    }
    for (auto it = lotSums.cbegin(); it != lotSums.cend(); ++it)
        problem(QStringLiteral("journal moves points of lot %1, which does not exist").arg(it.key()));
    return report;
}

} // namespace jifen
