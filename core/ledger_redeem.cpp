#include "identity.h"
#include "ledger_impl.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>

namespace jifen {

namespace {

// Partner vouchers carry a code the partner checks at its own counter: unguessable, and free of
// look-alike characters (0/O, 1/I) so it can be read aloud or typed.
QString newVoucherCode(const QString& partner)
{
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    QString code = partner.left(4).toUpper() + QLatin1Char('-');
    for (int i = 0; i < 12; ++i) {
        if (i == 4 || i == 8)
            code += QLatin1Char('-');
        code += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]);
    }
    return code;
}

} // namespace

Result<Ledger::Impl::OfflineRoom> Ledger::Impl::offlineRoom(qint64 memberId, const RuleSet& rs)
{
    OfflineRoom room;
    room.dailyLimit = rs.offlineDailyLimit();
    auto key = metaValue(QStringLiteral("hq_key"));
    if (!key)
        return key.error();
    auto ackedText = metaValue(QStringLiteral("hq_acked_seq"));
    if (!ackedText)
        return ackedText.error();
    room.enrolled = !key->isEmpty();
    const qint64 acked = ackedText->toLongLong();
    if (!room.enrolled)
        return room;
    auto bal = balanceOf(memberId);
    if (!bal)
        return bal.error();
    // What HQ has confirmed, less what this terminal spent since: points earned here but not yet
    // synced are not spent offline, and never count twice.
    auto credits = store.prepare(
        QStringLiteral("SELECT COALESCE(SUM(points), 0) FROM journal WHERE member_id = ? AND seq > ? AND points > 0"));
    if (!credits)
        return credits.error();
    credits->addBindValue(memberId);
    credits->addBindValue(acked);
    JIFEN_TRY(store.exec(credits.value()));
    const qint64 unsyncedCredits = credits->next() ? credits->value(0).toLongLong() : 0;
    credits->finish();
    room.confirmed = Points(std::max<qint64>(0, bal->points.value() - unsyncedCredits));
    // Today's offline spending: redemptions HQ did not authorise, and the points offsets, donations
    // and household transfers, which are always decided here.
    const QString dayStart = formatInstant(QDateTime(clock.today(), QTime(0, 0), QTimeZone(8 * 3600)).toUTC());
    auto today = store.prepare(QStringLiteral(
        "SELECT (SELECT COALESCE(SUM(points), 0) FROM redemptions WHERE member_id = ? AND reservation IS NULL"
        " AND created_at >= ?) + (SELECT COALESCE(-SUM(points), 0) FROM journal WHERE member_id = ?"
        " AND kind IN ('offset', 'donate', 'transfer-out') AND terminal_time >= ?)"));
    if (!today)
        return today.error();
    today->addBindValue(memberId);
    today->addBindValue(dayStart);
    today->addBindValue(memberId);
    today->addBindValue(dayStart);
    JIFEN_TRY(store.exec(today.value()));
    const qint64 used = today->next() ? today->value(0).toLongLong() : 0;
    today->finish();
    room.dailyLeft = Points(std::max<qint64>(0, room.dailyLimit.value() - used));
    return room;
}

Status Ledger::Impl::requireOfflineRoom(qint64 memberId, const RuleSet& rs, Points cost, const QString& what)
{
    auto room = offlineRoom(memberId, rs);
    if (!room)
        return room.error();
    if (!room->enrolled)
        return Ok{};
    if (cost > room->confirmed)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger",
                                        "%1 spends points without HQ, and offline only points HQ has confirmed can "
                                        "be spent: %2 available, %3 needed (points earned since the last sync "
                                        "count once synced). Sync first, or spend fewer points")
                .arg(what)
                .arg(room->confirmed.value())
                .arg(cost.value()));
    if (cost > room->dailyLeft)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger",
                                        "%1 spends points without HQ, and offline a member may spend at most %2 "
                                        "points a day (redemptions, offsets, donations and transfers): %3 left "
                                        "today, %4 needed")
                .arg(what)
                .arg(room->dailyLimit.value())
                .arg(room->dailyLeft.value())
                .arg(cost.value()));
    return Ok{};
}

Result<RedemptionQuote> Ledger::quoteRedemption(const RedeemRequest& request)
{
    auto code = normalizeCode(request.reward, QCoreApplication::translate("jifen::Ledger", "reward code"));
    if (!code)
        return code.error();
    if (request.quantity < 1 || request.quantity > 100)
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "quantity must be between 1 and 100"));
    ReadScope reading(d->store);
    auto member = d->requireMember(request.phone, request.card);
    if (!member)
        return member.error();
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    const Reward* reward = rs->reward(code.value());
    if (!reward)
        return Error::notFound(QCoreApplication::translate("jifen::Ledger", "no reward %1 in the catalog (rule set %2)")
                                   .arg(code.value())
                                   .arg(rs->version()));
    auto room = d->offlineRoom(member->id, rs.value());
    if (!room)
        return room.error();
    RedemptionQuote quote;
    quote.memberUid = member->uid;
    quote.cost = Points(reward->priceOn(d->clock.today()).value() * request.quantity);
    quote.enrolled = room->enrolled;
    quote.offlineRoom = std::min(room->confirmed, room->dailyLeft);
    quote.offlineDailyLimit = room->dailyLimit;
    return quote;
}

Result<RedeemResult> Ledger::redeem(const RedeemRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    auto code = normalizeCode(request.reward, QCoreApplication::translate("jifen::Ledger", "reward code"));
    if (!code)
        return code.error();
    if (request.quantity < 1 || request.quantity > 100)
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "quantity must be between 1 and 100"));
    static const QRegularExpression reservationForm(QStringLiteral("^[0-9a-f]{16,64}$"));
    if (!request.reservation.isEmpty() && !reservationForm.match(request.reservation).hasMatch())
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "a reservation id is 16 to 64 lowercase hex digits"));
    auto key = Ledger::Impl::memberKey(request.phone, request.card);
    if (!key)
        return key.error();
    const QString fingerprint = QStringLiteral("%1|%2|%3").arg(key.value(), code.value()).arg(request.quantity);
    {
        // A retry of a finished redemption answers at once: no lookups, no approval again.
        ReadScope reading(d->store);
        auto prior = d->priorResult(ref.value(), QStringLiteral("redeem"), fingerprint);
        if (!prior)
            return prior.error();
        if (prior.value())
            return RedeemResult::fromJson(*prior.value());
    }
    auto member = d->requireMember(request.phone, request.card);
    if (!member)
        return member.error();
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    const Reward* reward = rs->reward(code.value());
    if (!reward)
        return Error::notFound(QCoreApplication::translate("jifen::Ledger", "no reward %1 in the catalog (rule set %2)")
                                   .arg(code.value())
                                   .arg(rs->version()));
    const QDate today = d->clock.today();
    if (const QString festival = rs->program().rewardFestival.value(reward->code);
        !festival.isEmpty() && !rs->program().festivalActive(festival, today))
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger",
                                        "%1 is a festival reward of %2 and can be redeemed only while it runs")
                .arg(reward->code, festival));
    const Points unit = reward->priceOn(today);
    const Points cost(unit.value() * request.quantity);
    QString approvedBy;
    if (reward->requiresManager || cost > rs->managerApprovalAbove()) {
        auto approver = d->checkManagerPin(request.pin);
        if (!approver)
            return approver.error();
        approvedBy = approver.value();
    }

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto prior = d->priorResult(ref.value(), QStringLiteral("redeem"), fingerprint);
    if (!prior)
        return prior.error();
    if (prior.value())
        return RedeemResult::fromJson(*prior.value());
    JIFEN_TRY(d->expireMemberLots(member->id));

    if (reward->stock) {
        auto s = d->store.prepare(QStringLiteral("SELECT quantity FROM stock WHERE reward_code = ?"));
        if (!s)
            return s.error();
        s->addBindValue(reward->code);
        JIFEN_TRY(d->store.exec(s.value()));
        const qint64 left = s->next() ? s->value(0).toLongLong() : 0;
        if (left < request.quantity)
            return Error::refused(QCoreApplication::translate("jifen::Ledger", "%1 is out of stock (%2 left, %3 asked)")
                                      .arg(reward->code)
                                      .arg(left)
                                      .arg(request.quantity));
    }
    auto bal = d->balanceOf(member->id);
    if (!bal)
        return bal.error();
    const SpendPolicy policy = reward->greenOnly ? SpendPolicy::GreenOnly : SpendPolicy::OrdinaryFirst;
    auto plan = d->planDebit(member->id, cost, policy);
    if (!plan)
        return plan.error();
    if (plan->shortfall.value() > 0) {
        if (reward->greenOnly)
            return Error::refused(
                QCoreApplication::translate("jifen::Ledger", "%1 takes green points only: green balance %2, price %3")
                    .arg(reward->code)
                    .arg(std::max<qint64>(0, bal->green.value()))
                    .arg(cost.value()));
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger", "not enough points for %1: balance %2, price %3")
                .arg(reward->code)
                .arg(std::max<qint64>(0, bal->points.value()))
                .arg(cost.value()));
    }

    auto room = d->offlineRoom(member->id, rs.value());
    if (!room)
        return room.error();
    if (room->enrolled && request.reservation.isEmpty()) {
        if (cost > room->confirmed)
            return Error::refused(
                QCoreApplication::translate(
                    "jifen::Ledger",
                    "HQ cannot authorise this redemption now, and offline only points HQ has confirmed "
                    "can be spent: %1 available, %2 needed (points earned since the last sync count once "
                    "synced). Sync, or redeem when HQ is reachable")
                    .arg(room->confirmed.value())
                    .arg(cost.value()));
        if (cost > room->dailyLeft)
            return Error::refused(
                QCoreApplication::translate("jifen::Ledger",
                                            "HQ cannot authorise this redemption now, and offline a member may "
                                            "redeem at most %1 points a day: %2 left today, %3 needed. Redeem "
                                            "when HQ is reachable")
                    .arg(room->dailyLimit.value())
                    .arg(room->dailyLeft.value())
                    .arg(cost.value()));
    }

    RedeemResult result;
    result.ref = ref.value();
    result.reward = reward->code;
    result.authorisation = !request.reservation.isEmpty() ? QStringLiteral("hq")
                           : room->enrolled               ? QStringLiteral("offline")
                                                          : QStringLiteral("standalone");
    result.quantity = request.quantity;
    result.pointsSpent = cost;
    result.approvedBy = approvedBy;
    if (reward->issuesVoucherCode())
        result.voucherCode = newVoucherCode(reward->partner.isEmpty() ? reward->code : reward->partner);

    EntryDraft draft;
    draft.kind = EntryKind::Redeem;
    draft.member = member.value();
    draft.points = -cost;
    draft.greenPoints = -plan->fromGreen;
    draft.ref = ref.value();
    draft.rulesetVersion = rs->version();
    draft.detail = {{QStringLiteral("reward"), reward->code},
                    {QStringLiteral("quantity"), request.quantity},
                    {QStringLiteral("unit_points"), unit.value()}};
    if (!approvedBy.isEmpty())
        draft.detail.insert(QStringLiteral("approved_by"), approvedBy);
    if (!result.voucherCode.isEmpty())
        draft.detail.insert(QStringLiteral("voucher_code"), result.voucherCode);
    if (!request.reservation.isEmpty())
        draft.detail.insert(QStringLiteral("reservation"), request.reservation);
    draft.lots = plan->moves;
    auto entry = d->append(draft);
    if (!entry)
        return entry.error();

    if (reward->stock) {
        auto s = d->store.prepare(QStringLiteral("UPDATE stock SET quantity = quantity - ? WHERE reward_code = ?"));
        if (!s)
            return s.error();
        s->addBindValue(request.quantity);
        s->addBindValue(reward->code);
        JIFEN_TRY(d->store.exec(s.value()));
    }
    auto ins = d->store.prepare(QStringLiteral(
        "INSERT INTO redemptions (ref, member_id, reward_code, qty, points, seq, voucher_code, approved_by, created_at,"
        " reservation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!ins)
        return ins.error();
    ins->addBindValue(ref.value());
    ins->addBindValue(member->id);
    ins->addBindValue(reward->code);
    ins->addBindValue(request.quantity);
    ins->addBindValue(cost.value());
    ins->addBindValue(entry->seq);
    ins->addBindValue(result.voucherCode.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                   : QVariant(result.voucherCode));
    ins->addBindValue(approvedBy.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(approvedBy));
    ins->addBindValue(formatInstant(d->clock.nowUtc()));
    ins->addBindValue(request.reservation.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                    : QVariant(request.reservation));
    JIFEN_TRY(d->store.exec(ins.value()));

    auto after = d->balanceOf(member->id);
    if (!after)
        return after.error();
    result.balance = after->points;
    JIFEN_TRY(d->recordResult(ref.value(), QStringLiteral("redeem"), fingerprint, result.toJson()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

Result<ReturnRewardResult> Ledger::returnReward(const ReturnRewardRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    auto of = normalizeRef(request.redeemRef);
    if (!of)
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "--of: %1").arg(of.error().message));
    const QString fingerprint = of.value();

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto prior = d->priorResult(ref.value(), QStringLiteral("return-reward"), fingerprint);
    if (!prior)
        return prior.error();
    if (prior.value())
        return ReturnRewardResult::fromJson(*prior.value());

    auto r = d->store.prepare(
        QStringLiteral("SELECT member_id, reward_code, qty, points, seq, returned_ref FROM redemptions WHERE ref = ?"));
    if (!r)
        return r.error();
    r->addBindValue(of.value());
    JIFEN_TRY(d->store.exec(r.value()));
    if (!r->next())
        return Error::notFound(
            QCoreApplication::translate("jifen::Ledger", "no redemption with reference %1").arg(of.value()));
    const qint64 memberId = r->value(0).toLongLong();
    const QString rewardCode = r->value(1).toString();
    const qint64 qty = r->value(2).toLongLong();
    const Points points(r->value(3).toLongLong());
    const qint64 redeemSeq = r->value(4).toLongLong();
    const QString returnedRef = r->value(5).toString();
    r->finish();
    if (!returnedRef.isEmpty())
        return Error::refused(QCoreApplication::translate("jifen::Ledger", "redemption %1 was already returned (%2)")
                                  .arg(of.value(), returnedRef));

    auto member = d->memberById(memberId);
    if (!member)
        return member.error();
    auto redeemEntry = d->entryBySeq(redeemSeq);
    if (!redeemEntry)
        return redeemEntry.error(); // a failed read is not a missing entry
    if (!redeemEntry.value())
        return Error::storage(
            QCoreApplication::translate("jifen::Ledger", "the journal entry of redemption %1 is missing")
                .arg(of.value()));
    auto bal = d->balanceOf(memberId);
    if (!bal)
        return bal.error();
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    // Points go back to the very lots they came from, with their original expiry.
    Points green;
    auto moves = d->planRestore((*redeemEntry.value()).lots, {}, points,
                                Points(std::max<qint64>(0, -bal->points.value())), &green);
    if (!moves)
        return moves.error();
    EntryDraft draft;
    draft.kind = EntryKind::Reverse;
    draft.member = member.value();
    draft.points = points;
    draft.greenPoints = green;
    draft.ref = ref.value();
    draft.reversesSeq = redeemSeq;
    draft.rulesetVersion = rs->version();
    draft.detail = {{QStringLiteral("reverses"), QStringLiteral("redeem")},
                    {QStringLiteral("redeem_ref"), of.value()},
                    {QStringLiteral("reward"), rewardCode},
                    {QStringLiteral("quantity"), qty}};
    draft.lots = moves.value();
    JIFEN_TRY(d->append(draft));

    auto s = d->store.prepare(QStringLiteral("UPDATE stock SET quantity = quantity + ? WHERE reward_code = ?"));
    if (!s)
        return s.error();
    s->addBindValue(qty);
    s->addBindValue(rewardCode);
    JIFEN_TRY(d->store.exec(s.value()));
    auto u = d->store.prepare(QStringLiteral("UPDATE redemptions SET returned_ref = ? WHERE ref = ?"));
    if (!u)
        return u.error();
    u->addBindValue(ref.value());
    u->addBindValue(of.value());
    JIFEN_TRY(d->store.exec(u.value()));

    ReturnRewardResult result;
    result.ref = ref.value();
    result.redeemRef = of.value();
    result.pointsRestored = points;
    auto after = d->balanceOf(memberId);
    if (!after)
        return after.error();
    result.balance = after->points;
    JIFEN_TRY(d->recordResult(ref.value(), QStringLiteral("return-reward"), fingerprint, result.toJson()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

} // namespace jifen
