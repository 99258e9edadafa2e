#include "identity.h"
#include "ledger_impl.h"

#include <QCoreApplication>
#include <QUuid>

namespace jifen {

namespace {

Error unrelated(const QString& detail)
{
    return Error::refused(
        QCoreApplication::translate(
            "jifen::Ledger",
            "compliance rule 4 (no transfer between unrelated members): %1; points move only inside one "
            "household")
            .arg(detail));
}

} // namespace

static Result<HouseholdInfo> describeHousehold(Ledger::Impl& d, const QString& householdUid)
{
    auto rs = d.activeRules();
    if (!rs)
        return rs.error();
    HouseholdInfo info;
    info.householdId = householdUid;
    info.maxMembers = rs->program().households.maxMembers;
    info.monthlyTransferLimit = Points(rs->program().households.monthlyTransferLimit);
    auto q = d.store.prepare(QStringLiteral(
        "SELECT m.uid, m.phone, m.name, b.points, h.head_member_id = m.id,"
        " (SELECT COALESCE(-SUM(j.points), 0) FROM journal j WHERE j.member_id = m.id AND j.kind = 'transfer-out'"
        "  AND j.terminal_time >= ?)"
        " FROM households h JOIN household_members hm ON hm.household_id = h.id JOIN members m ON m.id = hm.member_id"
        " JOIN balances b ON b.member_id = m.id WHERE h.uid = ? ORDER BY hm.joined_at, m.id"));
    if (!q)
        return q.error();
    q->addBindValue(formatInstant(d.monthStartUtc(d.clock.today())));
    q->addBindValue(householdUid);
    JIFEN_TRY(d.store.exec(q.value()));
    while (q->next()) {
        HouseholdInfo::Member m{q->value(0).toString(), maskPhone(q->value(1).toString()), q->value(2).toString(),
                                Points(q->value(3).toLongLong()), Points(q->value(5).toLongLong())};
        if (q->value(4).toInt() != 0) {
            info.headUid = m.uid;
            info.headPhoneMasked = m.phoneMasked;
        }
        info.members.append(m);
    }
    q->finish();
    return info;
}

Result<HouseholdInfo> Ledger::createHousehold(const QString& headPhone)
{
    auto head = d->requireMember(headPhone, QString());
    if (!head)
        return head.error();
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto current = d->householdOf(head->id);
    if (!current)
        return current.error();
    if (!current->isEmpty())
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger", "%1 is already in a household").arg(maskPhone(head->phone)));
    const QString uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = formatInstant(d->clock.nowUtc());
    auto h =
        d->store.prepare(QStringLiteral("INSERT INTO households (uid, head_member_id, created_at) VALUES (?, ?, ?)"));
    if (!h)
        return h.error();
    h->addBindValue(uid);
    h->addBindValue(head->id);
    h->addBindValue(now);
    JIFEN_TRY(d->store.exec(h.value()));
    const qint64 householdId = h->lastInsertId().toLongLong();
    auto m = d->store.prepare(
        QStringLiteral("INSERT INTO household_members (member_id, household_id, joined_at) VALUES (?, ?, ?)"));
    if (!m)
        return m.error();
    m->addBindValue(head->id);
    m->addBindValue(householdId);
    m->addBindValue(now);
    JIFEN_TRY(d->store.exec(m.value()));
    auto info = describeHousehold(*d, uid);
    if (!info)
        return info.error();
    JIFEN_TRY(uow.commit());
    return info;
}

static Result<std::pair<qint64, QString>> headedHousehold(Ledger::Impl& d, const Member& head)
{
    auto q = d.store.prepare(QStringLiteral("SELECT id, uid FROM households WHERE head_member_id = ?"));
    if (!q)
        return q.error();
    q->addBindValue(head.id);
    JIFEN_TRY(d.store.exec(q.value()));
    if (!q->next())
        return Error::notFound(
            QCoreApplication::translate("jifen::Ledger", "%1 does not head a household").arg(maskPhone(head.phone)));
    std::pair<qint64, QString> out{q->value(0).toLongLong(), q->value(1).toString()};
    q->finish();
    return out;
}

Result<HouseholdInfo> Ledger::addToHousehold(const QString& headPhone, const QString& memberPhone)
{
    auto head = d->requireMember(headPhone, QString());
    if (!head)
        return head.error();
    auto member = d->requireMember(memberPhone, QString());
    if (!member)
        return member.error();
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto household = headedHousehold(*d, head.value());
    if (!household)
        return household.error();
    auto current = d->householdOf(member->id);
    if (!current)
        return current.error();
    if (*current == household->second)
        return Error::refused(QCoreApplication::translate("jifen::Ledger", "%1 is already in this household")
                                  .arg(maskPhone(member->phone)));
    if (!current->isEmpty())
        return Error::refused(QCoreApplication::translate("jifen::Ledger", "%1 is already in another household")
                                  .arg(maskPhone(member->phone)));
    auto count = d->store.prepare(QStringLiteral("SELECT COUNT(*) FROM household_members WHERE household_id = ?"));
    if (!count)
        return count.error();
    count->addBindValue(household->first);
    JIFEN_TRY(d->store.exec(count.value()));
    const qint64 size = count->next() ? count->value(0).toLongLong() : 0;
    count->finish();
    if (size >= rs->program().households.maxMembers)
        return Error::refused(QCoreApplication::translate("jifen::Ledger", "the household is full (%1 members at most)")
                                  .arg(rs->program().households.maxMembers));
    auto m = d->store.prepare(
        QStringLiteral("INSERT INTO household_members (member_id, household_id, joined_at) VALUES (?, ?, ?)"));
    if (!m)
        return m.error();
    m->addBindValue(member->id);
    m->addBindValue(household->first);
    m->addBindValue(formatInstant(d->clock.nowUtc()));
    JIFEN_TRY(d->store.exec(m.value()));
    auto info = describeHousehold(*d, household->second);
    if (!info)
        return info.error();
    JIFEN_TRY(uow.commit());
    return info;
}

Result<HouseholdInfo> Ledger::removeFromHousehold(const QString& headPhone, const QString& memberPhone)
{
    auto head = d->requireMember(headPhone, QString());
    if (!head)
        return head.error();
    auto member = d->requireMember(memberPhone, QString());
    if (!member)
        return member.error();
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto household = headedHousehold(*d, head.value());
    if (!household)
        return household.error();
    if (member->id == head->id)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger", "the head cannot leave the household they head"));
    auto current = d->householdOf(member->id);
    if (!current)
        return current.error();
    if (*current != household->second)
        return Error::notFound(
            QCoreApplication::translate("jifen::Ledger", "%1 is not in this household").arg(maskPhone(member->phone)));
    auto del = d->store.prepare(QStringLiteral("DELETE FROM household_members WHERE member_id = ?"));
    if (!del)
        return del.error();
    del->addBindValue(member->id);
    JIFEN_TRY(d->store.exec(del.value()));
    auto info = describeHousehold(*d, household->second);
    if (!info)
        return info.error();
    JIFEN_TRY(uow.commit());
    return info;
}

Result<HouseholdInfo> Ledger::household(const QString& phone)
{
    ReadScope reading(d->store);
    auto member = d->requireMember(phone, QString());
    if (!member)
        return member.error();
    auto uid = d->householdOf(member->id);
    if (!uid)
        return uid.error();
    if (uid->isEmpty())
        return Error::notFound(
            QCoreApplication::translate("jifen::Ledger", "%1 is not in a household").arg(maskPhone(member->phone)));
    return describeHousehold(*d, uid.value());
}

Result<TransferResult> Ledger::transfer(const TransferRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    if (request.points <= 0 || request.points > Points::maxInput)
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "a transfer is a positive whole number of points"));
    auto from = d->requireMember(request.fromPhone, QString());
    if (!from)
        return from.error();
    auto to = d->requireMember(request.toPhone, QString());
    if (!to)
        return to.error();
    if (from->id == to->id)
        return unrelated(QCoreApplication::translate("jifen::Ledger", "a member cannot transfer to themselves"));
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    const QString fingerprint = QStringLiteral("%1|%2|%3").arg(from->uid, to->uid).arg(request.points);
    {
        auto prior = d->priorResult(ref.value(), QStringLiteral("transfer"), fingerprint);
        if (!prior)
            return prior.error();
        if (prior.value())
            return TransferResult::fromJson(*prior.value());
    }
    // Checked before the PIN (a clear refusal without asking a manager) and again inside the unit
    // of work, since membership may change while the PIN is checked.
    // Whole sentences, not a verb spliced into one: a translation may need another word order.
    auto requireSameHousehold = [&](const char* refusal) -> Status {
        auto fromHousehold = d->householdOf(from->id);
        if (!fromHousehold)
            return fromHousehold.error();
        auto toHousehold = d->householdOf(to->id);
        if (!toHousehold)
            return toHousehold.error();
        if (fromHousehold->isEmpty() || *fromHousehold != *toHousehold)
            return unrelated(QCoreApplication::translate("jifen::Ledger", refusal)
                                 .arg(maskPhone(from->phone), maskPhone(to->phone)));
        return Ok{};
    };
    JIFEN_TRY(requireSameHousehold(QT_TRANSLATE_NOOP("jifen::Ledger", "%1 and %2 are not in the same household")));
    auto approver = d->checkManagerPin(request.pin);
    if (!approver)
        return approver.error();

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto prior = d->priorResult(ref.value(), QStringLiteral("transfer"), fingerprint);
    if (!prior)
        return prior.error();
    if (prior.value())
        return TransferResult::fromJson(*prior.value());
    JIFEN_TRY(
        requireSameHousehold(QT_TRANSLATE_NOOP("jifen::Ledger", "%1 and %2 are no longer in the same household")));
    auto sent = d->store.prepare(QStringLiteral("SELECT COALESCE(-SUM(points), 0) FROM journal WHERE member_id = ?"
                                                " AND kind = 'transfer-out' AND terminal_time >= ?"));
    if (!sent)
        return sent.error();
    sent->addBindValue(from->id);
    sent->addBindValue(formatInstant(d->monthStartUtc(d->clock.today())));
    JIFEN_TRY(d->store.exec(sent.value()));
    const qint64 sentThisMonth = sent->next() ? sent->value(0).toLongLong() : 0;
    sent->finish();
    const qint64 limit = rs->program().households.monthlyTransferLimit;
    if (sentThisMonth + request.points > limit)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger",
                                        "the monthly transfer limit is %1 points; %2 already sent this month")
                .arg(limit)
                .arg(sentThisMonth));
    JIFEN_TRY(d->expireMemberLots(from->id));
    JIFEN_TRY(d->expireMemberLots(to->id));
    auto plan = d->planDebit(from->id, Points(request.points), SpendPolicy::OrdinaryFirst);
    if (!plan)
        return plan.error();
    if (plan->shortfall.value() > 0)
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger", "not enough points to transfer: balance %1, asked %2")
                .arg(plan->fromLots.value())
                .arg(request.points));
    JIFEN_TRY(d->requireOfflineRoom(from->id, rs.value(), Points(request.points),
                                    QCoreApplication::translate("jifen::Ledger", "a transfer")));
    EntryDraft out;
    out.kind = EntryKind::TransferOut;
    out.member = from.value();
    out.points = -Points(request.points);
    out.greenPoints = -plan->fromGreen;
    out.ref = ref.value();
    out.rulesetVersion = rs->version();
    out.detail = {{QStringLiteral("to"), to->uid}, {QStringLiteral("approved_by"), approver.value()}};
    out.lots = plan->moves;
    auto outEntry = d->append(out);
    if (!outEntry)
        return outEntry.error();
    // One transfer-in per consumed lot, each a lot with the same valid-through and green flag:
    // moving points never extends their life.
    QList<LotRef> refs;
    for (const LotMove& m : plan->moves)
        refs.append(m.lot);
    auto lots = d->lotsByRef(refs);
    if (!lots)
        return lots.error();
    for (qsizetype i = 0; i < plan->moves.size(); ++i) {
        const LotRow& source = lots->at(i);
        Ledger::Impl::Grant g;
        g.kind = EntryKind::TransferIn;
        g.member = to.value();
        g.points = -plan->moves.at(i).points;
        g.green = source.green;
        g.earnedOn = d->clock.today();
        g.validThrough = source.validThrough;
        g.ref = ref.value();
        g.reversesSeq = 0;
        g.detail = {{QStringLiteral("from"), from->uid},
                    {QStringLiteral("from_lot"), source.ref.toString()},
                    {QStringLiteral("transfer_seq"), outEntry->seq}};
        JIFEN_TRY(d->writeGrant(g, rs.value()));
    }
    TransferResult result;
    result.ref = ref.value();
    result.points = Points(request.points);
    result.approvedBy = approver.value();
    auto fromBal = d->balanceOf(from->id);
    if (!fromBal)
        return fromBal.error();
    auto toBal = d->balanceOf(to->id);
    if (!toBal)
        return toBal.error();
    result.fromBalance = fromBal->points;
    result.toBalance = toBal->points;
    JIFEN_TRY(d->recordResult(ref.value(), QStringLiteral("transfer"), fingerprint, result.toJson()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

} // namespace jifen
