#include "expiry.h"
#include "identity.h"
#include "ledger_impl.h"

namespace jifen {

namespace {

QString saleFingerprint(const QString& memberKey, Money amount, const QString& category, qint64 offset)
{
    return QStringLiteral("%1|%2|%3|%4").arg(memberKey).arg(amount.fen()).arg(category).arg(offset);
}

} // namespace

Result<SaleResult> Ledger::sale(const SaleRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    auto amount = Money::parseYuan(request.amount);
    if (!amount)
        return amount.error();
    if (request.offsetPoints < 0)
        return Error::badInput(QStringLiteral("points to offset must not be negative"));
    if (request.offsetPoints > Points::maxInput)
        return Error::badInput(QStringLiteral("points to offset are too many"));
    auto id = d->identity();
    if (!id)
        return id.error();
    const QString categoryCode = request.category.isEmpty() ? id->merchantCategory : request.category;
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    auto cat = rs->category(categoryCode);
    if (!cat)
        return cat.error();

    std::optional<Member> member;
    QString memberKey;
    if (!request.phone.isEmpty() || !request.card.isEmpty()) {
        auto m = d->requireMember(request.phone, request.card);
        if (!m)
            return m.error();
        member = m.value();
        memberKey = m->uid;
    }
    const Points offset(request.offsetPoints);
    const qint64 ppy = rs->offsetPointsPerYuan();
    if (offset.value() > 0) {
        if (!member)
            return Error::badInput(QStringLiteral("points can only offset a bill when a member is identified"));
        if (offset.value() % ppy != 0)
            return Error::badInput(QStringLiteral("points offset in whole yuan: %1 points is not a multiple of %2")
                                       .arg(offset.value())
                                       .arg(ppy));
    }
    const Money offsetAmount = Money::fromFen(offset.value() / ppy * 100);
    if (offsetAmount > amount.value())
        return Error::refused(QStringLiteral("points may pay at most the bill: %1 points are %2 yuan, the bill is %3")
                                  .arg(offset.value())
                                  .arg(offsetAmount.toYuanString(), amount->toYuanString()));
    const QString fingerprint = saleFingerprint(memberKey, amount.value(), cat->code, offset.value());

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto prior = d->priorResult(ref.value(), QStringLiteral("sale"), fingerprint);
    if (!prior)
        return prior.error();
    if (prior.value())
        return SaleResult::fromJson(*prior.value());

    const QDate today = d->clock.today();
    if (member)
        JIFEN_TRY(d->expireLots(member->id, today));

    SaleResult result;
    result.ref = ref.value();
    result.memberUid = memberKey;
    result.amount = amount.value();
    result.offsetPoints = offset;
    result.offsetAmount = offsetAmount;
    result.paid = amount.value() - offsetAmount;
    qint64 offsetSeq = 0;
    if (offset.value() > 0) {
        auto bal = d->balanceOf(member->id);
        if (!bal)
            return bal.error();
        auto plan = d->planDebit(member->id, offset, SpendPolicy::OrdinaryFirst);
        if (!plan)
            return plan.error();
        if (plan->shortfall.value() > 0)
            return Error::refused(QStringLiteral("not enough points to offset: balance %1, asked %2")
                                      .arg(std::max<qint64>(0, bal->points.value()))
                                      .arg(offset.value()));
        EntryDraft draft;
        draft.kind = EntryKind::Offset;
        draft.member = member;
        draft.points = -offset;
        draft.greenPoints = -plan->fromGreen;
        draft.ref = ref.value();
        draft.rulesetVersion = rs->version();
        draft.detail = {{QStringLiteral("offset_fen"), offsetAmount.fen()},
                        {QStringLiteral("points_per_yuan"), ppy},
                        {QStringLiteral("amount_fen"), amount->fen()}};
        draft.lots = plan->moves;
        auto e = d->append(draft);
        if (!e)
            return e.error();
        offsetSeq = e->seq;
    }

    // Earn: whole points per whole yuan actually paid, rounded down; only with a member.
    const Points earned(member ? mulDiv(result.paid.fen(), cat->rate, 100) : 0);
    result.pointsEarned = earned;
    EntryDraft earn;
    earn.kind = EntryKind::Earn;
    earn.member = member;
    earn.points = earned;
    earn.ref = ref.value();
    earn.rulesetVersion = rs->version();
    earn.detail = {{QStringLiteral("amount_fen"), amount->fen()},
                   {QStringLiteral("paid_fen"), result.paid.fen()},
                   {QStringLiteral("category"), cat->code},
                   {QStringLiteral("rate"), cat->rate}};
    if (member && earned.value() > 0) {
        auto bal = d->balanceOf(member->id);
        if (!bal)
            return bal.error();
        const Points debt(std::max<qint64>(0, -bal->points.value()));
        NewLot lot;
        lot.earned = earned;
        lot.created = earned - std::min(earned, debt);
        lot.earnedOn = today;
        lot.validThrough = lotValidThrough(today, cat->validityMonths);
        earn.newLot = lot;
        earn.detail.insert(QStringLiteral("valid_through"), lot.validThrough.toString(Qt::ISODate));
        if (lot.created != earned)
            earn.detail.insert(QStringLiteral("debt_repaid"), (earned - lot.created).value());
    }
    auto earnEntry = d->append(earn);
    if (!earnEntry)
        return earnEntry.error();

    auto ins = d->store.prepare(QStringLiteral(
        "INSERT INTO sales (ref, member_id, category, amount_fen, offset_points, offset_fen, paid_fen, earned_points,"
        " earn_seq, offset_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!ins)
        return ins.error();
    ins->addBindValue(ref.value());
    ins->addBindValue(member ? QVariant(member->id) : QVariant(QMetaType(QMetaType::LongLong)));
    ins->addBindValue(cat->code);
    ins->addBindValue(amount->fen());
    ins->addBindValue(offset.value());
    ins->addBindValue(offsetAmount.fen());
    ins->addBindValue(result.paid.fen());
    ins->addBindValue(earned.value());
    ins->addBindValue(earnEntry->seq);
    ins->addBindValue(offsetSeq ? QVariant(offsetSeq) : QVariant(QMetaType(QMetaType::LongLong)));
    ins->addBindValue(formatInstant(d->clock.nowUtc()));
    JIFEN_TRY(d->store.exec(ins.value()));

    if (member) {
        auto bal = d->balanceOf(member->id);
        if (!bal)
            return bal.error();
        result.balance = bal->points;
    }
    JIFEN_TRY(d->recordResult(ref.value(), QStringLiteral("sale"), fingerprint, result.toJson()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

Result<RefundResult> Ledger::refund(const RefundRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    auto saleRef = normalizeRef(request.saleRef);
    if (!saleRef)
        return Error::badInput(QStringLiteral("--of: %1").arg(saleRef.error().message));
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
        " expired_excused, fully_refunded, earn_seq, offset_seq FROM sales WHERE ref = ?"));
    if (!s)
        return s.error();
    s->addBindValue(saleRef.value());
    JIFEN_TRY(d->store.exec(s.value()));
    if (!s->next())
        return Error::notFound(QStringLiteral("no sale with reference %1").arg(saleRef.value()));
    const qint64 memberId = s->value(0).toLongLong();
    const bool hasMember = !s->value(0).isNull();
    const qint64 paid = s->value(1).toLongLong();
    const qint64 earned = s->value(2).toLongLong();
    const qint64 offset = s->value(3).toLongLong();
    const qint64 refunded = s->value(4).toLongLong();
    const qint64 reversedSoFar = s->value(5).toLongLong();
    const qint64 restoredSoFar = s->value(6).toLongLong();
    const qint64 excusedSoFar = s->value(7).toLongLong();
    const bool fully = s->value(8).toInt() != 0;
    const qint64 earnSeq = s->value(9).toLongLong();
    const qint64 offsetSeq = s->value(10).toLongLong();
    s->finish();
    if (fully)
        return Error::refused(QStringLiteral("sale %1 is already fully refunded").arg(saleRef.value()));
    const qint64 refundable = paid - refunded;
    if (asked && paid == 0)
        return Error::refused(QStringLiteral("sale %1 was paid entirely with points; only a full refund (no --amount) "
                                             "is possible")
                                  .arg(saleRef.value()));
    if (asked && asked->fen() > refundable)
        return Error::refused(
            QStringLiteral("refund of %1 yuan is more than the %2 yuan still refundable on sale %3")
                .arg(asked->toYuanString(), Money::fromFen(refundable).toYuanString(), saleRef.value()));
    const qint64 amount = asked ? asked->fen() : refundable;
    const qint64 newRefunded = refunded + amount;
    const bool nowFully = newRefunded == paid;
    // The sale keeps floor(E * (P - R) / P) of its earned points after refunds totalling R of P;
    // each refund takes back the difference, so partial refunds sum exactly to E.
    const qint64 keepEarn = paid > 0 ? mulDiv(earned, paid - newRefunded, paid) : 0;
    const qint64 keepOffset = paid > 0 ? mulDiv(offset, paid - newRefunded, paid) : 0;
    const qint64 reverse = (earned - reversedSoFar) - keepEarn;
    const qint64 restore = (offset - restoredSoFar) - keepOffset;

    RefundResult result;
    result.ref = ref.value();
    result.saleRef = saleRef.value();
    result.amount = Money::fromFen(amount);
    result.fullyRefunded = nowFully;
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    qint64 excused = 0;
    std::optional<Member> member;
    if (hasMember) {
        auto m = d->memberById(memberId);
        if (!m)
            return m.error();
        member = m.value();
        JIFEN_TRY(d->expireLots(memberId, d->clock.today()));
    }
    if (member && reverse > 0) {
        auto earnEntry = d->entryBySeq(earnSeq);
        if (!earnEntry)
            return earnEntry.error(); // a failed read is not a missing entry
        if (!earnEntry.value())
            return Error::storage(QStringLiteral("the earn entry of sale %1 is missing").arg(saleRef.value()));
        const LotRef ownLot{(*earnEntry.value()).terminalId, earnSeq};
        auto lotRows = d->lotsByRef({ownLot});
        if (!lotRows)
            return lotRows.error();
        const LotRow& lot = lotRows->first();
        // Points of this sale that already expired are gone; taking them again would count the
        // loss twice, so they are excused from the reversal.
        auto exp = d->store.prepare(QStringLiteral("SELECT lots FROM journal WHERE member_id = ? AND kind = 'expire'"
                                                   " AND lots LIKE ?"));
        if (!exp)
            return exp.error();
        exp->addBindValue(memberId);
        exp->addBindValue(QStringLiteral("%") + ownLot.toString() + QStringLiteral("=%"));
        JIFEN_TRY(d->store.exec(exp.value()));
        qint64 expiredFromLot = 0;
        while (exp->next()) {
            for (const LotMove& m : lotMovesFromText(exp->value(0).toString()).value_or(QList<LotMove>())) {
                if (m.lot == ownLot)
                    expiredFromLot -= m.points.value();
            }
        }
        excused = std::min(reverse, std::max<qint64>(0, expiredFromLot - excusedSoFar));
        const Points charge(reverse - excused);

        QList<LotMove> moves;
        Points fromGreen;
        Points left = charge;
        if (lot.remaining.value() > 0 && left.value() > 0 && lot.validThrough >= d->clock.today()) {
            const Points take = std::min(left, lot.remaining);
            moves.append(LotMove{ownLot, -take});
            if (lot.green)
                fromGreen += take;
            left -= take;
        }
        if (left.value() > 0) {
            // Then any other lot; what no lot covers becomes debt: the balance goes negative and
            // future earning repays it. It is never silently dropped.
            auto plan = d->planDebit(memberId, left, SpendPolicy::OrdinaryFirst, ownLot);
            if (!plan)
                return plan.error();
            moves.append(plan->moves);
            fromGreen += plan->fromGreen;
        }
        EntryDraft draft;
        draft.kind = EntryKind::Reverse;
        draft.member = member;
        draft.points = -charge;
        draft.greenPoints = -fromGreen;
        draft.ref = ref.value();
        draft.reversesSeq = earnSeq;
        draft.rulesetVersion = rs->version();
        draft.detail = {{QStringLiteral("reverses"), QStringLiteral("earn")},
                        {QStringLiteral("sale_ref"), saleRef.value()},
                        {QStringLiteral("refund_fen"), amount},
                        {QStringLiteral("reversed"), reverse}};
        if (excused > 0)
            draft.detail.insert(QStringLiteral("already_expired"), excused);
        draft.lots = moves;
        JIFEN_TRY(d->append(draft));
        result.pointsReversed = charge;
    }
    if (member && restore > 0) {
        auto offsetEntry = d->entryBySeq(offsetSeq);
        if (!offsetEntry)
            return offsetEntry.error(); // a failed read is not a missing entry
        if (!offsetEntry.value())
            return Error::storage(QStringLiteral("the offset entry of sale %1 is missing").arg(saleRef.value()));
        QList<LotMove> alreadyBack;
        auto prev = d->store.prepare(QStringLiteral("SELECT lots FROM journal WHERE reverses_seq = ?"));
        if (!prev)
            return prev.error();
        prev->addBindValue(offsetSeq);
        JIFEN_TRY(d->store.exec(prev.value()));
        while (prev->next())
            alreadyBack.append(lotMovesFromText(prev->value(0).toString()).value_or(QList<LotMove>()));
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

    auto upd = d->store.prepare(QStringLiteral(
        "UPDATE sales SET refunded_fen = ?, points_reversed = ?, offset_restored = ?, expired_excused = ?,"
        " fully_refunded = ? WHERE ref = ?"));
    if (!upd)
        return upd.error();
    upd->addBindValue(newRefunded);
    upd->addBindValue(reversedSoFar + reverse);
    upd->addBindValue(restoredSoFar + restore);
    upd->addBindValue(excusedSoFar + excused);
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
