#include "ledger_impl.h"

#include <QCoreApplication>
#include <QMap>

namespace jifen {

Result<ExpireResult> Ledger::Impl::expireLots(qint64 memberId, QDate asOf)
{
    ExpireResult result;
    result.asOf = asOf;
    auto self = identity();
    if (!self)
        return self.error();
    const QString memberFilter = memberId ? QStringLiteral(" AND member_id = ?") : QString();
    // Each lot is expired by the terminal that issued it, once: if every terminal holding a copy
    // pulled from HQ expired it too, HQ would take the points away several times.
    auto q =
        store.prepare(QStringLiteral("SELECT member_id, source_terminal, source_seq, green, remaining, valid_through"
                                     " FROM lots WHERE remaining > 0 AND valid_through < ? AND source_terminal = ?%1"
                                     " ORDER BY member_id, valid_through, id")
                          .arg(memberFilter));
    if (!q)
        return q.error();
    q->addBindValue(asOf.toString(Qt::ISODate));
    q->addBindValue(self->terminalId);
    if (memberId)
        q->addBindValue(memberId);
    JIFEN_TRY(store.exec(q.value()));
    struct Pending {
        QList<LotMove> moves;
        Points total;
        Points green;
        QString earliest;
    };
    QMap<qint64, Pending> byMember;
    while (q->next()) {
        Pending& p = byMember[q->value(0).toLongLong()];
        const Points pts(q->value(4).toLongLong());
        p.moves.append(LotMove{LotRef{q->value(1).toString(), q->value(2).toLongLong()}, -pts});
        p.total += pts;
        if (q->value(3).toInt() != 0)
            p.green += pts;
    }
    q->finish();
    if (byMember.isEmpty())
        return result;
    auto rs = activeRules();
    if (!rs)
        return rs.error();
    for (auto it = byMember.cbegin(); it != byMember.cend(); ++it) {
        auto member = memberById(it.key());
        if (!member)
            return member.error();
        EntryDraft draft;
        draft.kind = EntryKind::Expire;
        draft.member = member.value();
        draft.points = -it->total;
        draft.greenPoints = -it->green;
        draft.ref = QStringLiteral("expire:") + asOf.toString(Qt::ISODate);
        draft.rulesetVersion = rs->version();
        draft.detail = {{QStringLiteral("as_of"), asOf.toString(Qt::ISODate)}};
        draft.lots = it->moves;
        JIFEN_TRY(append(draft));
        result.pointsExpired += it->total;
        ++result.entries;
    }
    return result;
}

Status Ledger::Impl::expireMemberLots(qint64 memberId)
{
    QDate cutoff = clock.today();
    auto q = store.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'hq_date_seen'"));
    if (!q)
        return q.error();
    JIFEN_TRY(store.exec(q.value()));
    if (q->next()) {
        const QDate seen = QDate::fromString(q->value(0).toString(), Qt::ISODate);
        if (seen.isValid() && seen < cutoff)
            cutoff = seen;
    }
    q->finish();
    auto r = expireLots(memberId, cutoff);
    if (!r)
        return r.error();
    return Ok{};
}

Result<ExpireResult> Ledger::expire(std::optional<QDate> asOf)
{
    const QDate today = d->clock.today();
    const QDate date = asOf.value_or(today);
    if (!date.isValid())
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "the expiry date is not a valid date"));
    if (date > today)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger",
                                        "cannot expire points as of %1, which is after today (%2): points are "
                                        "never taken before their time")
                .arg(date.toString(Qt::ISODate), today.toString(Qt::ISODate)));
    JIFEN_TRY(d->identity());
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto result = d->expireLots(0, date);
    if (!result)
        return result.error();
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

} // namespace jifen
