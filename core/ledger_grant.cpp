#include "clock.h"
#include "ledger_impl.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

namespace jifen {

QDateTime Ledger::Impl::monthStartUtc(QDate day) const
{
    return QDateTime(QDate(day.year(), day.month(), 1), QTime(0, 0), QTimeZone(8 * 3600)).toUTC();
}

Result<AllowanceInfo> Ledger::Impl::allowanceFor(const QString& month, const RuleSet& rs, bool withPending)
{
    AllowanceInfo info;
    info.month = month;
    auto q = store.prepare(QStringLiteral("SELECT granted, used FROM allowances WHERE month = ?"));
    if (!q)
        return q.error();
    q->addBindValue(month);
    JIFEN_TRY(store.exec(q.value()));
    const bool assigned = q->next();
    if (assigned) {
        info.granted = Points(q->value(0).toLongLong());
        info.used = Points(q->value(1).toLongLong());
    }
    q->finish();
    if (!assigned) { // only a month without its row needs the default (not the sale's usual path)
        auto fallback = defaultAllowance(rs);
        if (!fallback)
            return fallback.error();
        info.granted = fallback.value();
    }
    if (!withPending)
        return info;
    auto p = store.prepare(QStringLiteral("SELECT COALESCE(SUM(pending), 0) FROM deferred WHERE pending > 0"));
    if (!p)
        return p.error();
    JIFEN_TRY(store.exec(p.value()));
    info.deferredPending = p->next() ? Points(p->value(0).toLongLong()) : Points();
    return info;
}

Result<Points> Ledger::Impl::defaultAllowance(const RuleSet& rs)
{
    // Once HQ splits a merchant's budget between its terminals, an enrolled terminal issues only
    // what HQ allowed it for the month: a month HQ has not split yet allows nothing (earning is
    // deferred, then released when the allowance arrives), so offline terminals together never
    // exceed the budget. Until then (a standalone terminal, or a program without budgets) the
    // rule set's initial allowance applies.
    auto key = metaValue(QStringLiteral("hq_key"));
    if (!key)
        return key.error();
    auto assigned = metaValue(QStringLiteral("allowances_assigned"));
    if (!assigned)
        return assigned.error();
    const bool bounded = !key->isEmpty() && !assigned->isEmpty();
    return Points(bounded ? 0 : rs.program().budget.initialTerminalAllowance);
}

Status Ledger::Impl::useAllowance(const QString& month, Points points, const RuleSet& rs)
{
    auto fallback = defaultAllowance(rs);
    if (!fallback)
        return fallback.error();
    auto q = store.prepare(QStringLiteral(
        "INSERT INTO allowances (month, granted, used, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(month) DO UPDATE SET used = used + excluded.used, updated_at = excluded.updated_at"));
    if (!q)
        return q.error();
    q->addBindValue(month);
    q->addBindValue(fallback->value());
    q->addBindValue(points.value());
    q->addBindValue(formatInstant(clock.nowUtc()));
    return store.exec(q.value());
}

Result<JournalEntry> Ledger::Impl::writeGrant(const Grant& grant, const RuleSet& rs)
{
    auto bal = balanceOf(grant.member.id);
    if (!bal)
        return bal.error();
    const Points debt(std::max<qint64>(0, -bal->points.value()));
    EntryDraft draft;
    draft.kind = grant.kind;
    draft.member = grant.member;
    draft.points = grant.points;
    draft.ref = grant.ref;
    draft.reversesSeq = grant.reversesSeq;
    draft.rulesetVersion = rs.version();
    draft.detail = grant.detail;
    if (grant.points.value() > 0) {
        // A member in debt repays it first; only the rest becomes spendable points.
        NewLot lot;
        lot.green = grant.green;
        lot.earned = grant.points;
        lot.created = grant.points - std::min(grant.points, debt);
        lot.earnedOn = grant.earnedOn;
        lot.validThrough = grant.validThrough;
        draft.newLot = lot;
        draft.greenPoints = grant.green ? lot.created : Points();
        draft.detail.insert(QStringLiteral("valid_through"), lot.validThrough.toString(Qt::ISODate));
        if (lot.created != grant.points)
            draft.detail.insert(QStringLiteral("debt_repaid"), (grant.points - lot.created).value());
    }
    if (grant.green)
        draft.detail.insert(QStringLiteral("green"), true);
    if (grant.deferred.value() > 0)
        draft.detail.insert(QStringLiteral("deferred"), grant.deferred.value());
    auto entry = append(draft);
    if (!entry)
        return entry.error();
    if (grant.deferred.value() > 0) {
        auto q = store.prepare(QStringLiteral("INSERT INTO deferred (seq, member_id, sale_ref, green, points, pending,"
                                              " earned_on, valid_through) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!q)
            return q.error();
        q->addBindValue(entry->seq);
        q->addBindValue(grant.member.id);
        q->addBindValue(grant.saleRef.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(grant.saleRef));
        q->addBindValue(grant.green ? 1 : 0);
        q->addBindValue(grant.deferred.value());
        q->addBindValue(grant.deferred.value());
        q->addBindValue(grant.earnedOn.toString(Qt::ISODate));
        q->addBindValue(grant.validThrough.toString(Qt::ISODate));
        JIFEN_TRY(store.exec(q.value()));
    }
    return entry;
}

Result<ReleaseResult> Ledger::Impl::releaseDeferred(const RuleSet& rs)
{
    ReleaseResult result;
    auto allowance = allowanceFor(currentMonth(), rs);
    if (!allowance)
        return allowance.error();
    Points room = allowance->remaining();
    if (room.value() <= 0)
        return result;
    auto q = store.prepare(QStringLiteral("SELECT seq, member_id, sale_ref, green, pending, earned_on, valid_through"
                                          " FROM deferred WHERE pending > 0 ORDER BY seq"));
    if (!q)
        return q.error();
    JIFEN_TRY(store.exec(q.value()));
    struct Row {
        qint64 seq, memberId;
        QString saleRef;
        bool green;
        Points pending;
        QDate earnedOn, validThrough;
    };
    QList<Row> rows;
    while (q->next() && room.value() > 0) {
        Row r{q->value(0).toLongLong(),
              q->value(1).toLongLong(),
              q->value(2).toString(),
              q->value(3).toInt() != 0,
              Points(q->value(4).toLongLong()),
              QDate::fromString(q->value(5).toString(), Qt::ISODate),
              QDate::fromString(q->value(6).toString(), Qt::ISODate)};
        r.pending = std::min(r.pending, room);
        room -= r.pending;
        rows.append(r);
    }
    q->finish();
    for (const Row& r : rows) {
        auto member = memberById(r.memberId);
        if (!member)
            return member.error();
        Grant g;
        g.member = member.value();
        g.points = r.pending;
        g.green = r.green;
        g.earnedOn = r.earnedOn;
        g.validThrough = r.validThrough; // the original date: waiting never extends validity
        g.ref = QStringLiteral("release:%1").arg(r.seq);
        g.reversesSeq = 0;
        g.detail = {{QStringLiteral("released_from"), r.seq}};
        if (!r.saleRef.isEmpty())
            g.detail.insert(QStringLiteral("sale_ref"), r.saleRef);
        JIFEN_TRY(writeGrant(g, rs));
        auto u = store.prepare(QStringLiteral("UPDATE deferred SET pending = pending - ? WHERE seq = ?"));
        if (!u)
            return u.error();
        u->addBindValue(r.pending.value());
        u->addBindValue(r.seq);
        JIFEN_TRY(store.exec(u.value()));
        JIFEN_TRY(useAllowance(currentMonth(), r.pending, rs));
        result.released += r.pending;
        ++result.entries;
    }
    return result;
}

Result<AllowanceInfo> Ledger::allowance(const QString& month)
{
    ReadScope reading(d->store);
    static const QRegularExpression form(QStringLiteral("^[0-9]{4}-(0[1-9]|1[0-2])$"));
    const QString m = month.isEmpty() ? d->currentMonth() : month;
    if (!form.match(m).hasMatch())
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "month %1 is not in the form YYYY-MM").arg(m));
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    return d->allowanceFor(m, rs.value());
}

Result<AllowanceInfo> Ledger::setAllowance(qint64 points, const QString& month)
{
    static const QRegularExpression form(QStringLiteral("^[0-9]{4}-(0[1-9]|1[0-2])$"));
    const QString m = month.isEmpty() ? d->currentMonth() : month;
    if (!form.match(m).hasMatch())
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "month %1 is not in the form YYYY-MM").arg(m));
    if (points < 0 || points > 1000000000000LL)
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "an allowance is a whole number of points from 0 to 10^12"));
    JIFEN_TRY(d->identity());
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    auto current = d->allowanceFor(m, rs.value());
    if (!current)
        return current.error();
    if (points < current->used.value())
        return Error::refused(QCoreApplication::translate(
                                  "jifen::Ledger", "the %1 allowance cannot go below the %2 points already issued")
                                  .arg(m)
                                  .arg(current->used.value()));
    auto q = d->store.prepare(QStringLiteral(
        "INSERT INTO allowances (month, granted, used, updated_at) VALUES (?, ?, 0, ?)"
        " ON CONFLICT(month) DO UPDATE SET granted = excluded.granted, updated_at = excluded.updated_at"));
    if (!q)
        return q.error();
    q->addBindValue(m);
    q->addBindValue(points);
    q->addBindValue(formatInstant(d->clock.nowUtc()));
    JIFEN_TRY(d->store.exec(q.value()));
    JIFEN_TRY(d->putMeta(QStringLiteral("allowances_assigned"), QStringLiteral("1")));
    if (m == d->currentMonth()) {
        auto released = d->releaseDeferred(rs.value());
        if (!released)
            return released.error();
    }
    auto after = d->allowanceFor(m, rs.value());
    if (!after)
        return after.error();
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return after;
}

Status Ledger::setAllowancesAssigned(bool assigned)
{
    JIFEN_TRY(d->identity());
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto before = d->metaValue(QStringLiteral("allowances_assigned"));
    if (!before)
        return before.error();
    if (assigned == !before->isEmpty())
        return Ok{}; // nothing changes
    if (assigned) {
        // Rows written on the initial allowance (this month and later) were never HQ's to give.
        auto q = d->store.prepare(
            QStringLiteral("UPDATE allowances SET granted = used, updated_at = ? WHERE month >= ? AND granted > used"));
        if (!q)
            return q.error();
        q->addBindValue(formatInstant(d->clock.nowUtc()));
        q->addBindValue(d->currentMonth());
        JIFEN_TRY(d->store.exec(q.value()));
    }
    JIFEN_TRY(d->putMeta(QStringLiteral("allowances_assigned"), assigned ? QStringLiteral("1") : QString()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return Ok{};
}

} // namespace jifen
