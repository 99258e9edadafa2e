#include "expiry.h"
#include "identity.h"
#include "ledger_impl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace jifen {

namespace {

Error compliance(int rule, const QString& name, const QString& detail)
{
    return Error::refused(
        QCoreApplication::translate("jifen::Ledger", "compliance rule %1 (%2): %3").arg(rule).arg(name, detail));
}

} // namespace

Status Ledger::Impl::requireOperator(const QString& name)
{
    auto q = store.prepare(QStringLiteral("SELECT 1 FROM operators WHERE name = ?"));
    if (!q)
        return q.error();
    q->addBindValue(name.trimmed());
    JIFEN_TRY(store.exec(q.value()));
    const bool found = q->next();
    q->finish();
    if (!found)
        return Error::notFound(
            QCoreApplication::translate("jifen::Ledger", "no operator named %1 on this terminal").arg(name.trimmed()));
    return Ok{};
}

Result<Points> Ledger::Impl::earned12m(qint64 memberId)
{
    // Points earned in the last 12 months, net of refunds; redeeming never demotes.
    auto t = store.prepare(
        QStringLiteral("SELECT COALESCE(SUM(points), 0) FROM journal WHERE member_id = ? AND terminal_time >= ?"
                       " AND (kind = 'earn' OR (kind = 'reverse' AND json_extract(detail, '$.reverses') = 'earn'))"));
    if (!t)
        return t.error();
    t->addBindValue(memberId);
    t->addBindValue(formatInstant(clock.nowUtc().addMonths(-12)));
    JIFEN_TRY(store.exec(t.value()));
    const Points earned = t->next() ? Points(t->value(0).toLongLong()) : Points();
    t->finish();
    return earned;
}

Result<Tier> Ledger::Impl::tierOf(qint64 memberId, const RuleSet& rs)
{
    auto earned = earned12m(memberId);
    if (!earned)
        return earned.error();
    return rs.tierFor(earned.value());
}

Result<Points> Ledger::Impl::writeGreenAction(const Member& member, Points points, const QString& ref,
                                              const QJsonObject& detail, const RuleSet& rs)
{
    JIFEN_TRY(expireMemberLots(member.id));
    auto allowance = allowanceFor(currentMonth(), rs);
    if (!allowance)
        return allowance.error();
    // Within the terminal's allowance; the rest is deferred, like any earning.
    const Points grant = std::min(points, std::max(Points(0), allowance->remaining()));
    JIFEN_TRY(useAllowance(currentMonth(), grant, rs));
    auto id = identity();
    if (!id)
        return id.error();
    auto cat = rs.category(id->merchantCategory);
    if (!cat)
        return cat.error();
    Grant g;
    g.kind = EntryKind::GreenGrant;
    g.member = member;
    g.points = grant;
    g.deferred = points - grant;
    g.green = true;
    g.earnedOn = clock.today();
    g.validThrough = lotValidThrough(g.earnedOn, cat->validityMonths);
    g.ref = ref;
    g.detail = detail;
    auto entry = writeGrant(g, rs);
    if (!entry)
        return entry.error();
    return grant;
}

Result<Points> Ledger::Impl::greenActionsThisMonth(qint64 memberId)
{
    auto q =
        store.prepare(QStringLiteral("SELECT COALESCE(SUM(points), 0) + COALESCE(SUM(json_extract(detail,"
                                     " '$.deferred')), 0) FROM journal WHERE member_id = ? AND kind = 'green-grant'"
                                     " AND terminal_time >= ?"));
    if (!q)
        return q.error();
    q->addBindValue(memberId);
    q->addBindValue(formatInstant(monthStartUtc(clock.today())));
    JIFEN_TRY(store.exec(q.value()));
    const Points used = q->next() ? Points(q->value(0).toLongLong()) : Points();
    q->finish();
    return used;
}

Result<QString> Ledger::Impl::householdOf(qint64 memberId)
{
    auto q = store.prepare(QStringLiteral("SELECT h.uid FROM household_members hm JOIN households h ON h.id ="
                                          " hm.household_id WHERE hm.member_id = ?"));
    if (!q)
        return q.error();
    q->addBindValue(memberId);
    JIFEN_TRY(store.exec(q.value()));
    const QString uid = q->next() ? q->value(0).toString() : QString();
    q->finish();
    return uid;
}

// ---- Green actions and adjustments: the only grants besides a sale ----

Result<GrantResult> Ledger::grantGreen(const GreenRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    auto member = d->requireMember(request.phone, request.card);
    if (!member)
        return member.error();
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    const auto& actions = rs->program().green.actionPoints;
    if (!actions.contains(request.action))
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "green action \"%1\" is not one of %2")
                                   .arg(request.action, actions.keys().join(QStringLiteral(", "))));
    const QString fingerprint = QStringLiteral("%1|%2").arg(member->uid, request.action);
    {
        auto prior = d->priorResult(ref.value(), QStringLiteral("green"), fingerprint);
        if (!prior)
            return prior.error();
        if (prior.value())
            return GrantResult::fromJson(*prior.value());
    }
    auto approver = d->checkManagerPin(request.pin);
    if (!approver)
        return approver.error();

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto prior = d->priorResult(ref.value(), QStringLiteral("green"), fingerprint);
    if (!prior)
        return prior.error();
    if (prior.value())
        return GrantResult::fromJson(*prior.value());
    const Points points(actions.value(request.action));
    const Points cap(rs->program().green.monthlyCap);
    auto used = d->greenActionsThisMonth(member->id);
    if (!used)
        return used.error();
    if (used.value() + points > cap)
        return compliance(
            1, QCoreApplication::translate("jifen::Ledger", "points only for consumption or recorded green actions"),
            QCoreApplication::translate("jifen::Ledger",
                                        "the monthly cap of %1 green points from actions is reached (%2 this month, "
                                        "%3 more asked)")
                .arg(cap.value())
                .arg(used->value())
                .arg(points.value()));
    auto granted = d->writeGreenAction(
        member.value(), points, ref.value(),
        {{QStringLiteral("action"), request.action}, {QStringLiteral("approved_by"), approver.value()}}, rs.value());
    if (!granted)
        return granted.error();
    const Points grant = granted.value();

    GrantResult result;
    result.ref = ref.value();
    result.action = request.action;
    result.points = grant;
    result.deferred = points - grant;
    result.approvedBy = approver.value();
    auto bal = d->balanceOf(member->id);
    if (!bal)
        return bal.error();
    result.balance = bal->points;
    result.greenBalance = bal->green;
    JIFEN_TRY(d->recordResult(ref.value(), QStringLiteral("green"), fingerprint, result.toJson()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

Result<GrantResult> Ledger::adjust(const AdjustRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    if (request.points == 0 || request.points > Points::maxInput || request.points < -Points::maxInput)
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "an adjustment is a non-zero whole number of points"));
    const QString reason = request.reason.trimmed();
    if (reason.isEmpty())
        return compliance(
            1, QCoreApplication::translate("jifen::Ledger", "points only for consumption or recorded actions"),
            QCoreApplication::translate("jifen::Ledger", "an adjustment needs a reason (--reason)"));
    if (reason.size() > 200)
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "the reason is longer than 200 characters"));
    auto member = d->requireMember(request.phone, request.card);
    if (!member)
        return member.error();
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    const QString fingerprint = QStringLiteral("%1|%2|%3").arg(member->uid).arg(request.points).arg(reason);
    {
        auto prior = d->priorResult(ref.value(), QStringLiteral("adjust"), fingerprint);
        if (!prior)
            return prior.error();
        if (prior.value())
            return GrantResult::fromJson(*prior.value());
    }
    auto approver = d->checkManagerPin(request.pin);
    if (!approver)
        return approver.error();

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto prior = d->priorResult(ref.value(), QStringLiteral("adjust"), fingerprint);
    if (!prior)
        return prior.error();
    if (prior.value())
        return GrantResult::fromJson(*prior.value());
    JIFEN_TRY(d->expireMemberLots(member->id));
    const QJsonObject detail{{QStringLiteral("reason"), reason}, {QStringLiteral("approved_by"), approver.value()}};
    if (request.points > 0) {
        auto allowance = d->allowanceFor(d->currentMonth(), rs.value());
        if (!allowance)
            return allowance.error();
        if (allowance->remaining().value() < request.points)
            return compliance(
                2, QCoreApplication::translate("jifen::Ledger", "issuance within the marketing budget"),
                QCoreApplication::translate("jifen::Ledger",
                                            "this terminal has %1 points of allowance left this month, the adjustment "
                                            "asks %2")
                    .arg(std::max<qint64>(0, allowance->remaining().value()))
                    .arg(request.points));
        JIFEN_TRY(d->useAllowance(d->currentMonth(), Points(request.points), rs.value()));
        auto id = d->identity();
        if (!id)
            return id.error();
        auto cat = rs->category(id->merchantCategory);
        if (!cat)
            return cat.error();
        Ledger::Impl::Grant g;
        g.kind = EntryKind::Adjust;
        g.member = member.value();
        g.points = Points(request.points);
        g.earnedOn = d->clock.today();
        g.validThrough = lotValidThrough(g.earnedOn, cat->validityMonths);
        g.ref = ref.value();
        g.detail = detail;
        JIFEN_TRY(d->writeGrant(g, rs.value()));
    } else {
        auto plan = d->planDebit(member->id, Points(-request.points), SpendPolicy::OrdinaryFirst);
        if (!plan)
            return plan.error();
        if (plan->shortfall.value() > 0)
            return Error::refused(
                QCoreApplication::translate("jifen::Ledger",
                                            "an adjustment cannot take more than the balance (%1 available, %2 asked)")
                    .arg(plan->fromLots.value())
                    .arg(-request.points));
        EntryDraft draft;
        draft.kind = EntryKind::Adjust;
        draft.member = member.value();
        draft.points = Points(request.points);
        draft.greenPoints = -plan->fromGreen;
        draft.ref = ref.value();
        draft.rulesetVersion = rs->version();
        draft.detail = detail;
        draft.lots = plan->moves;
        JIFEN_TRY(d->append(draft));
    }
    GrantResult result;
    result.ref = ref.value();
    result.action = QStringLiteral("adjust");
    result.points = Points(request.points);
    result.approvedBy = approver.value();
    auto bal = d->balanceOf(member->id);
    if (!bal)
        return bal.error();
    result.balance = bal->points;
    result.greenBalance = bal->green;
    JIFEN_TRY(d->recordResult(ref.value(), QStringLiteral("adjust"), fingerprint, result.toJson()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

// ---- Donations ----

Result<DonateResult> Ledger::donate(const DonateRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    if (request.points <= 0 || request.points > Points::maxInput)
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "a donation is a positive whole number of points"));
    auto member = d->requireMember(request.phone, request.card);
    if (!member)
        return member.error();
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    const Charity* charity = rs->program().charity(request.charity);
    if (!charity)
        return Error::notFound(
            QCoreApplication::translate("jifen::Ledger", "no registered charity %1").arg(request.charity));
    const QString fingerprint = QStringLiteral("%1|%2|%3").arg(member->uid, charity->code).arg(request.points);

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto prior = d->priorResult(ref.value(), QStringLiteral("donate"), fingerprint);
    if (!prior)
        return prior.error();
    if (prior.value())
        return DonateResult::fromJson(*prior.value());
    JIFEN_TRY(d->expireMemberLots(member->id));
    auto plan = d->planDebit(member->id, Points(request.points), SpendPolicy::OrdinaryFirst);
    if (!plan)
        return plan.error();
    if (plan->shortfall.value() > 0)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger", "not enough points to donate: balance %1, asked %2")
                .arg(plan->fromLots.value())
                .arg(request.points));
    JIFEN_TRY(d->requireOfflineRoom(member->id, rs.value(), Points(request.points),
                                    QCoreApplication::translate("jifen::Ledger", "a donation")));
    DonateResult result;
    result.ref = ref.value();
    result.charity = charity->code;
    result.points = Points(request.points);
    result.matchPoints = Points(mulDiv(request.points, charity->matchPercent, 100));
    EntryDraft draft;
    draft.kind = EntryKind::Donate;
    draft.member = member.value();
    draft.points = -result.points;
    draft.greenPoints = -plan->fromGreen;
    draft.ref = ref.value();
    draft.rulesetVersion = rs->version();
    draft.detail = {{QStringLiteral("charity"), charity->code},
                    {QStringLiteral("match_points"), result.matchPoints.value()}};
    draft.lots = plan->moves;
    auto entry = d->append(draft);
    if (!entry)
        return entry.error();
    auto ins = d->store.prepare(QStringLiteral("INSERT INTO donations (ref, member_id, charity, points, match_points,"
                                               " seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (!ins)
        return ins.error();
    ins->addBindValue(ref.value());
    ins->addBindValue(member->id);
    ins->addBindValue(charity->code);
    ins->addBindValue(request.points);
    ins->addBindValue(result.matchPoints.value());
    ins->addBindValue(entry->seq);
    ins->addBindValue(formatInstant(d->clock.nowUtc()));
    JIFEN_TRY(d->store.exec(ins.value()));
    auto bal = d->balanceOf(member->id);
    if (!bal)
        return bal.error();
    result.balance = bal->points;
    JIFEN_TRY(d->recordResult(ref.value(), QStringLiteral("donate"), fingerprint, result.toJson()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

Result<QList<CharityTotal>> Ledger::charityTotals()
{
    ReadScope reading(d->store);
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    QList<CharityTotal> out;
    for (const Charity& c : rs->program().charities)
        out.append(CharityTotal{c.code, c.name, 0, Points(), Points()});
    auto q = d->store.prepare(QStringLiteral("SELECT charity, COUNT(*), SUM(points), SUM(match_points) FROM donations"
                                             " GROUP BY charity ORDER BY charity"));
    if (!q)
        return q.error();
    JIFEN_TRY(d->store.exec(q.value()));
    while (q->next()) {
        const QString code = q->value(0).toString();
        auto it = std::find_if(out.begin(), out.end(), [&](const CharityTotal& t) { return t.code == code; });
        if (it == out.end()) // a charity an older rule set registered
            it = out.insert(out.end(), CharityTotal{code, code, 0, Points(), Points()});
        it->donations = q->value(1).toLongLong();
        it->points = Points(q->value(2).toLongLong());
        it->matchPoints = Points(q->value(3).toLongLong());
    }
    return out;
}

} // namespace jifen
