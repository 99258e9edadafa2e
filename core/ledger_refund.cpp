#include "identity.h"
#include "ledger_impl.h"

#include <QCoreApplication>

namespace jifen {

namespace {

struct Reversal {
    Points charged;   // taken from the member's balance
    Points cancelled; // still-deferred points cancelled (never granted, so no balance change)
    Points excused;   // already expired: not taken twice
};

} // namespace

// Takes back `amount` points of the earn entry at `earnSeq`: first what is still deferred, then
// what already expired is excused, then the entry's own lot, other lots, and debt.
static Result<Reversal> reverseEarn(Ledger::Impl& d, const Member& member, qint64 earnSeq, Points amount,
                                    const QString& ref, const QString& saleRef, qint64 refundFen, const RuleSet& rs)
{
    Reversal r;
    auto entry = d.entryBySeq(earnSeq);
    if (!entry)
        return entry.error(); // a failed read is not a missing entry
    if (!entry.value())
        return Error::storage(QCoreApplication::translate("jifen::Ledger", "the earn entry %1 of sale %2 is missing")
                                  .arg(earnSeq)
                                  .arg(saleRef));
    const LotRef ownLot{(*entry.value()).terminalId, earnSeq};

    auto pend = d.store.prepare(QStringLiteral("SELECT pending FROM deferred WHERE seq = ?"));
    if (!pend)
        return pend.error();
    pend->addBindValue(earnSeq);
    JIFEN_TRY(d.store.exec(pend.value()));
    const Points pending(pend->next() ? pend->value(0).toLongLong() : 0);
    pend->finish();
    r.cancelled = std::min(amount, pending);
    if (r.cancelled.value() > 0) {
        auto u = d.store.prepare(QStringLiteral("UPDATE deferred SET pending = pending - ? WHERE seq = ?"));
        if (!u)
            return u.error();
        u->addBindValue(r.cancelled.value());
        u->addBindValue(earnSeq);
        JIFEN_TRY(d.store.exec(u.value()));
    }
    Points left = amount - r.cancelled;

    // Points of this lot that already expired are gone; taking them again would count the loss
    // twice. Earlier reversals of the same entry may already have excused some of them.
    // An earn whose points were all deferred never created a lot.
    auto exists = d.store.prepare(QStringLiteral("SELECT 1 FROM lots WHERE source_terminal = ? AND source_seq = ?"));
    if (!exists)
        return exists.error();
    exists->addBindValue(ownLot.terminalId);
    exists->addBindValue(ownLot.seq);
    JIFEN_TRY(d.store.exec(exists.value()));
    const bool hasLot = exists->next();
    exists->finish();
    QList<LotRow> rows;
    if (hasLot) {
        auto found = d.lotsByRef({ownLot});
        if (!found)
            return found.error();
        rows = found.value();
    }
    // The sale's points live in its own lot and in the lots of any release of its deferred
    // points; what expired from those is gone already and is not taken a second time.
    QList<LotRef> saleLots;
    if (hasLot)
        saleLots.append(ownLot);
    auto released = d.store.prepare(QStringLiteral("SELECT terminal_id, seq FROM journal WHERE member_id = ? AND"
                                                   " kind = 'earn' AND json_extract(detail, '$.released_from') = ?"));
    if (!released)
        return released.error();
    released->addBindValue(member.id);
    released->addBindValue(earnSeq);
    JIFEN_TRY(d.store.exec(released.value()));
    while (released->next())
        saleLots.append(LotRef{released->value(0).toString(), released->value(1).toLongLong()});
    released->finish();
    qint64 expiredFromLot = 0;
    for (const LotRef& lotRef : saleLots) {
        auto exp = d.store.prepare(QStringLiteral("SELECT lots FROM journal WHERE member_id = ? AND kind = 'expire'"
                                                  " AND lots LIKE ?"));
        if (!exp)
            return exp.error();
        exp->addBindValue(member.id);
        exp->addBindValue(QStringLiteral("%") + lotRef.toString() + QStringLiteral("=%"));
        JIFEN_TRY(d.store.exec(exp.value()));
        while (exp->next()) {
            for (const LotMove& m : lotMovesFromText(exp->value(0).toString()).value_or(QList<LotMove>())) {
                if (m.lot == lotRef)
                    expiredFromLot -= m.points.value();
            }
        }
        exp->finish();
    }
    if (!saleLots.isEmpty()) {
        auto prev = d.store.prepare(QStringLiteral("SELECT COALESCE(SUM(json_extract(detail, '$.already_expired')), 0)"
                                                   " FROM journal WHERE reverses_seq = ?"));
        if (!prev)
            return prev.error();
        prev->addBindValue(earnSeq);
        JIFEN_TRY(d.store.exec(prev.value()));
        expiredFromLot -= prev->next() ? prev->value(0).toLongLong() : 0;
        prev->finish();
    }
    r.excused = std::min(left, Points(std::max<qint64>(0, expiredFromLot)));
    r.charged = left - r.excused;
    if (r.charged.value() == 0 && r.cancelled.value() == 0 && r.excused.value() == 0)
        return r;

    QList<LotMove> moves;
    Points fromGreen;
    Points need = r.charged;
    if (hasLot) {
        const LotRow& lot = rows.first();
        if (lot.remaining.value() > 0 && need.value() > 0 && lot.validThrough >= d.clock.today()) {
            const Points take = std::min(need, lot.remaining);
            moves.append(LotMove{ownLot, -take});
            if (lot.green)
                fromGreen += take;
            need -= take;
        }
    }
    if (need.value() > 0) {
        // Then any other lot; what no lot covers becomes debt: the balance goes negative and
        // future earning repays it. It is never silently dropped.
        auto plan = d.planDebit(member.id, need, SpendPolicy::OrdinaryFirst, ownLot);
        if (!plan)
            return plan.error();
        moves.append(plan->moves);
        fromGreen += plan->fromGreen;
    }
    EntryDraft draft;
    draft.kind = EntryKind::Reverse;
    draft.member = member;
    draft.points = -r.charged;
    draft.greenPoints = -fromGreen;
    draft.ref = ref;
    draft.reversesSeq = earnSeq;
    draft.rulesetVersion = rs.version();
    draft.detail = {{QStringLiteral("reverses"), QStringLiteral("earn")},
                    {QStringLiteral("sale_ref"), saleRef},
                    {QStringLiteral("refund_fen"), refundFen},
                    {QStringLiteral("reversed"), amount.value()}};
    if (r.excused.value() > 0)
        draft.detail.insert(QStringLiteral("already_expired"), r.excused.value());
    if (r.cancelled.value() > 0)
        draft.detail.insert(QStringLiteral("deferred_cancelled"), r.cancelled.value());
    draft.lots = moves;
    JIFEN_TRY(d.append(draft));
    return r;
}

Result<RefundResult> Ledger::refund(const RefundRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    auto saleRef = normalizeRef(request.saleRef);
    if (!saleRef)
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "--of: %1").arg(saleRef.error().message));
    std::optional<Money> asked;
    if (!request.amount.isEmpty()) {
        auto a = Money::parseYuan(request.amount);
        if (!a)
            return a.error();
        asked = a.value();
    }
    const QString fingerprint =
        QStringLiteral("%1|%2").arg(saleRef.value(), asked ? QString::number(asked->fen()) : QStringLiteral("all"));

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto prior = d->priorResult(ref.value(), QStringLiteral("refund"), fingerprint);
    if (!prior)
        return prior.error();
    if (prior.value())
        return RefundResult::fromJson(*prior.value());

    auto s = d->store.prepare(QStringLiteral(
        "SELECT member_id, paid_fen, earned_points, offset_points, refunded_fen, points_reversed, offset_restored,"
        " fully_refunded, earn_seq, offset_seq, green_earned, green_reversed, green_seq FROM sales WHERE ref = ?"));
    if (!s)
        return s.error();
    s->addBindValue(saleRef.value());
    JIFEN_TRY(d->store.exec(s.value()));
    if (!s->next())
        return Error::notFound(
            QCoreApplication::translate("jifen::Ledger", "no sale with reference %1").arg(saleRef.value()));
    const bool hasMember = !s->value(0).isNull();
    const qint64 memberId = s->value(0).toLongLong();
    const qint64 paid = s->value(1).toLongLong();
    const qint64 earned = s->value(2).toLongLong();
    const qint64 offset = s->value(3).toLongLong();
    const qint64 refunded = s->value(4).toLongLong();
    const qint64 reversedSoFar = s->value(5).toLongLong();
    const qint64 restoredSoFar = s->value(6).toLongLong();
    const bool fully = s->value(7).toInt() != 0;
    const qint64 earnSeq = s->value(8).toLongLong();
    const qint64 offsetSeq = s->value(9).toLongLong();
    const qint64 greenEarned = s->value(10).toLongLong();
    const qint64 greenReversedSoFar = s->value(11).toLongLong();
    const qint64 greenSeq = s->value(12).toLongLong();
    s->finish();
    if (fully)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger", "sale %1 is already fully refunded").arg(saleRef.value()));
    const qint64 refundable = paid - refunded;
    if (asked && paid == 0)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger",
                                        "sale %1 was paid entirely with points; only a full refund (no --amount) "
                                        "is possible")
                .arg(saleRef.value()));
    if (asked && asked->fen() > refundable)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger",
                                        "refund of %1 yuan is more than the %2 yuan still refundable on sale %3")
                .arg(asked->toYuanString(), Money::fromFen(refundable).toYuanString(), saleRef.value()));
    const qint64 amount = asked ? asked->fen() : refundable;
    const qint64 newRefunded = refunded + amount;
    const bool nowFully = newRefunded == paid;
    // The sale keeps floor(E * (P - R) / P) of its earned points after refunds totalling R of P;
    // each refund takes back the difference, so partial refunds sum exactly to E.
    auto keep = [&](qint64 total) { return paid > 0 ? mulDiv(total, paid - newRefunded, paid) : 0; };
    const qint64 reverse = (earned - reversedSoFar) - keep(earned);
    const qint64 reverseGreen = (greenEarned - greenReversedSoFar) - keep(greenEarned);
    const qint64 restore = (offset - restoredSoFar) - keep(offset);

    RefundResult result;
    result.ref = ref.value();
    result.saleRef = saleRef.value();
    result.amount = Money::fromFen(amount);
    result.fullyRefunded = nowFully;
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    std::optional<Member> member;
    if (hasMember) {
        auto m = d->memberById(memberId);
        if (!m)
            return m.error();
        member = m.value();
        JIFEN_TRY(d->expireMemberLots(memberId));
    }
    if (member && reverse > 0) {
        auto r = reverseEarn(*d, *member, earnSeq, Points(reverse), ref.value(), saleRef.value(), amount, rs.value());
        if (!r)
            return r.error();
        result.pointsReversed += r->charged;
    }
    if (member && reverseGreen > 0) {
        auto r =
            reverseEarn(*d, *member, greenSeq, Points(reverseGreen), ref.value(), saleRef.value(), amount, rs.value());
        if (!r)
            return r.error();
        result.pointsReversed += r->charged;
    }
    if (member && restore > 0) {
        auto offsetEntry = d->entryBySeq(offsetSeq);
        if (!offsetEntry)
            return offsetEntry.error();
        if (!offsetEntry.value())
            return Error::storage(QCoreApplication::translate("jifen::Ledger", "the offset entry of sale %1 is missing")
                                      .arg(saleRef.value()));
        QList<LotMove> alreadyBack;
        auto prev = d->store.prepare(QStringLiteral("SELECT lots FROM journal WHERE reverses_seq = ?"));
        if (!prev)
            return prev.error();
        prev->addBindValue(offsetSeq);
        JIFEN_TRY(d->store.exec(prev.value()));
        while (prev->next())
            alreadyBack.append(lotMovesFromText(prev->value(0).toString()).value_or(QList<LotMove>()));
        prev->finish();
        auto bal = d->balanceOf(memberId);
        if (!bal)
            return bal.error();
        Points green;
        auto moves = d->planRestore((*offsetEntry.value()).lots, alreadyBack, Points(restore),
                                    Points(std::max<qint64>(0, -bal->points.value())), &green);
        if (!moves)
            return moves.error();
        EntryDraft draft;
        draft.kind = EntryKind::Reverse;
        draft.member = member;
        draft.points = Points(restore);
        draft.greenPoints = green;
        draft.ref = ref.value();
        draft.reversesSeq = offsetSeq;
        draft.rulesetVersion = rs->version();
        draft.detail = {{QStringLiteral("reverses"), QStringLiteral("offset")},
                        {QStringLiteral("sale_ref"), saleRef.value()},
                        {QStringLiteral("refund_fen"), amount}};
        draft.lots = moves.value();
        JIFEN_TRY(d->append(draft));
        result.offsetRestored = Points(restore);
    }

    auto upd =
        d->store.prepare(QStringLiteral("UPDATE sales SET refunded_fen = ?, points_reversed = ?, offset_restored = ?,"
                                        " green_reversed = ?, fully_refunded = ? WHERE ref = ?"));
    if (!upd)
        return upd.error();
    upd->addBindValue(newRefunded);
    upd->addBindValue(reversedSoFar + reverse);
    upd->addBindValue(restoredSoFar + restore);
    upd->addBindValue(greenReversedSoFar + reverseGreen);
    upd->addBindValue(nowFully ? 1 : 0);
    upd->addBindValue(saleRef.value());
    JIFEN_TRY(d->store.exec(upd.value()));
    auto ins = d->store.prepare(QStringLiteral("INSERT INTO refunds (ref, sale_ref, amount_fen, points_reversed,"
                                               " offset_restored, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!ins)
        return ins.error();
    ins->addBindValue(ref.value());
    ins->addBindValue(saleRef.value());
    ins->addBindValue(amount);
    ins->addBindValue(result.pointsReversed.value());
    ins->addBindValue(result.offsetRestored.value());
    ins->addBindValue(formatInstant(d->clock.nowUtc()));
    JIFEN_TRY(d->store.exec(ins.value()));
    if (member) {
        auto bal = d->balanceOf(memberId);
        if (!bal)
            return bal.error();
        result.balance = bal->points;
    }
    JIFEN_TRY(d->recordResult(ref.value(), QStringLiteral("refund"), fingerprint, result.toJson()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

} // namespace jifen
