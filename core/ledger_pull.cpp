#include "identity.h"
#include "ledger_impl.h"
#include "own_lots.h"

#include <QCoreApplication>
#include <QHash>

namespace jifen {

namespace {

QVariant nullableText(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

} // namespace

Result<Ledger::PullCursors> Ledger::pullCursors()
{
    ReadScope reading(d->store);
    PullCursors c;
    auto members = d->metaValue(QStringLiteral("pull_cursor"));
    if (!members)
        return members.error();
    auto incidents = d->metaValue(QStringLiteral("pull_incident_cursor"));
    if (!incidents)
        return incidents.error();
    auto stock = d->metaValue(QStringLiteral("pull_stock_cursor"));
    if (!stock)
        return stock.error();
    c.members = members.value();
    c.incidents = incidents->toLongLong();
    c.stock = stock->toLongLong();
    return c;
}

// The member's lots end as HQ lists them, and those HQ no longer lists hold nothing (spent, or
// overspent elsewhere) — except this terminal's own lots when HQ left them out: those it holds as
// HQ does, which HQ's tally of them must confirm. Only rows whose numbers change are written: after
// this terminal's own backlog most differ only in the confirmed base, and a page holds many lots.
// Returns false, having written nothing, when this terminal's own lots do not match HQ's tally.
static Result<bool> applyLots(Store& store, qint64 memberId, const QString& terminalId,
                              const Ledger::ConfirmedMember& in)
{
    struct Held {
        qint64 rowId = 0;
        qint64 remaining = 0;
        qint64 base = 0;
        bool listed = false;
    };
    QHash<std::pair<QString, qint64>, Held> held;
    {
        auto q = store.prepare(
            QStringLiteral("SELECT id, source_terminal, source_seq, remaining, base_remaining FROM lots WHERE"
                           " member_id = ?"));
        if (!q)
            return q.error();
        q->addBindValue(memberId);
        JIFEN_TRY(store.exec(q.value()));
        while (q->next())
            held.insert({q->value(1).toString(), q->value(2).toLongLong()},
                        Held{q->value(0).toLongLong(), q->value(3).toLongLong(), q->value(4).toLongLong()});
        q->finish();
    }
    for (const Ledger::ConfirmedLot& lot : in.lots) {
        if (auto it = held.find({lot.ref.terminalId, lot.ref.seq}); it != held.end())
            it->listed = true;
    }
    const auto ownOmitted = [&](const std::pair<QString, qint64>& key, const Held& h) {
        return in.ownLots && !h.listed && key.first == terminalId;
    };
    if (in.ownLots) {
        OwnLotsTally tally;
        for (auto it = held.cbegin(); it != held.cend(); ++it) {
            if (ownOmitted(it.key(), it.value()))
                tally.add(it.key().second, it->remaining);
        }
        if (tally.count() != in.ownLots->count || tally.points() != in.ownLots->remaining.value() ||
            tally.digest() != in.ownLots->digest)
            return false;
        // What this terminal holds in them is what HQ holds: confirmed, in one statement. The unary
        // plus keeps SQLite on the member's index: on (source_terminal, source_seq) it would walk
        // every lot this terminal ever issued, for each member of the page.
        auto confirm = store.prepare(QStringLiteral("UPDATE lots SET base_remaining = remaining WHERE member_id = ? AND"
                                                    " +source_terminal = ? AND base_remaining <> remaining"));
        if (!confirm)
            return confirm.error();
        confirm->addBindValue(memberId);
        confirm->addBindValue(terminalId);
        JIFEN_TRY(store.exec(confirm.value()));
        // Listed own lots were confirmed too; they are set to HQ's numbers below either way.
        for (auto it = held.begin(); it != held.end(); ++it) {
            if (it.key().first == terminalId)
                it->base = it->remaining;
        }
    }
    const auto setRemaining = [&store](qint64 rowId, qint64 remaining) -> Status {
        auto u = store.prepare(QStringLiteral("UPDATE lots SET remaining = ?, base_remaining = ? WHERE id = ?"));
        if (!u)
            return u.error();
        u->addBindValue(remaining);
        u->addBindValue(remaining);
        u->addBindValue(rowId);
        return store.exec(u.value());
    };
    for (const Ledger::ConfirmedLot& lot : in.lots) {
        if (auto it = held.find({lot.ref.terminalId, lot.ref.seq}); it != held.end()) {
            if (it->remaining != lot.remaining.value() || it->base != lot.remaining.value())
                JIFEN_TRY(setRemaining(it->rowId, lot.remaining.value()));
            it->remaining = it->base = lot.remaining.value();
            continue;
        }
        // A lot this terminal holds under another member is left as it is.
        auto l = store.prepare(QStringLiteral(
            "INSERT INTO lots (member_id, source_terminal, source_seq, green, original, remaining, earned_on,"
            " valid_through, base_remaining) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_terminal,"
            " source_seq) DO NOTHING"));
        if (!l)
            return l.error();
        for (const QVariant& v : {QVariant(memberId), QVariant(lot.ref.terminalId), QVariant(lot.ref.seq),
                                  QVariant(lot.green ? 1 : 0), QVariant(lot.original.value()),
                                  QVariant(lot.remaining.value()), QVariant(lot.earnedOn.toString(Qt::ISODate)),
                                  QVariant(lot.validThrough.toString(Qt::ISODate)), QVariant(lot.remaining.value())})
            l->addBindValue(v);
        JIFEN_TRY(store.exec(l.value()));
    }
    for (auto it = held.cbegin(); it != held.cend(); ++it) {
        if (!it->listed && !ownOmitted(it.key(), it.value()) && (it->remaining != 0 || it->base != 0))
            JIFEN_TRY(setRemaining(it->rowId, 0));
    }
    return true;
}

// One member as HQ confirmed it. Returns false when the member was left alone.
static Result<bool> applyMember(Ledger::Impl& d, const QString& terminalId, qint64 throughSeq,
                                const Ledger::ConfirmedMember& in, Ledger::PullApplied* out)
{
    Store& store = d.store;
    // A consent is kept only whole: the terms with the instant they were agreed to.
    const bool consented = !in.member.consentTerms.isEmpty() && in.member.consentAt.isValid();
    const QString consentAt = consented ? formatInstant(in.member.consentAt) : QString();
    auto existing = d.findMember(QStringLiteral("uid"), in.member.uid);
    if (!existing)
        return existing.error();
    qint64 id = 0;
    if (existing.value()) {
        id = existing.value()->id;
        // This terminal changed the member after the snapshot HQ took: HQ's numbers miss those
        // entries. Keep the local state; the member comes again once they are pushed.
        auto q = store.prepare(QStringLiteral("SELECT 1 FROM journal WHERE member_id = ? AND seq > ? LIMIT 1"));
        if (!q)
            return q.error();
        q->addBindValue(id);
        q->addBindValue(throughSeq);
        JIFEN_TRY(store.exec(q.value()));
        const bool newer = q->next();
        q->finish();
        if (newer) {
            ++out->skipped;
            return false;
        }
        // A consent is given once, at enrolment. This copy may have been pulled before this
        // terminal's software kept consents: fill it in, never overwrite one.
        if (consented && existing.value()->consentTerms.isEmpty()) {
            auto c = store.prepare(QStringLiteral("UPDATE members SET consent_terms = ?, consent_at = ? WHERE id = ?"));
            if (!c)
                return c.error();
            c->addBindValue(in.member.consentTerms);
            c->addBindValue(consentAt);
            c->addBindValue(id);
            JIFEN_TRY(store.exec(c.value()));
        }
    } else {
        // Two terminals can enrol one phone offline; HQ raised an incident for a person to merge
        // them. Until then the local member keeps the number.
        for (const auto& [column, value] :
             {std::pair{QStringLiteral("phone"), in.member.phone}, std::pair{QStringLiteral("card"), in.member.card}}) {
            if (value.isEmpty())
                continue;
            auto dup = d.findMember(column, value);
            if (!dup)
                return dup.error();
            if (dup.value()) {
                ++out->conflicts;
                return false;
            }
        }
        auto q = store.prepare(QStringLiteral("INSERT INTO members (uid, phone, card, name, kind, created_at, pushed,"
                                              " consent_terms, consent_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"));
        if (!q)
            return q.error();
        q->addBindValue(in.member.uid);
        q->addBindValue(nullableText(in.member.phone));
        q->addBindValue(nullableText(in.member.card));
        q->addBindValue(in.member.name);
        q->addBindValue(memberKindName(in.member.kind));
        q->addBindValue(formatInstant(in.member.createdAt));
        q->addBindValue(nullableText(consented ? in.member.consentTerms : QString()));
        q->addBindValue(nullableText(consentAt));
        JIFEN_TRY(store.exec(q.value()));
        id = q->lastInsertId().toLongLong();
        auto b =
            store.prepare(QStringLiteral("INSERT INTO balances (member_id, points, green_points) VALUES (?, 0, 0)"));
        if (!b)
            return b.error();
        b->addBindValue(id);
        JIFEN_TRY(store.exec(b.value()));
    }
    auto b = store.prepare(QStringLiteral("UPDATE balances SET points = ?, green_points = ?, base_points = ?,"
                                          " base_green = ?, base_seq = ? WHERE member_id = ?"));
    if (!b)
        return b.error();
    for (const QVariant& v : {QVariant(in.points.value()), QVariant(in.green.value()), QVariant(in.points.value()),
                              QVariant(in.green.value()), QVariant(throughSeq), QVariant(id)})
        b->addBindValue(v);
    JIFEN_TRY(store.exec(b.value()));
    auto lots = applyLots(store, id, terminalId, in);
    if (!lots)
        return lots.error();
    if (!lots.value()) {
        ++out->ownLotsMismatched;
        return false;
    }
    ++out->applied;
    return true;
}

Result<Ledger::PullApplied> Ledger::applyPull(const PullPage& page)
{
    for (const StockDelivery& delivery : page.deliveries) {
        if (!normalizeCode(delivery.reward, QStringLiteral("reward code")) || delivery.quantity < 1 ||
            delivery.quantity > 1000000)
            return Error::badInput(QCoreApplication::translate("jifen::Ledger", "HQ sent a malformed stock delivery"));
    }
    auto identity = d->identity();
    if (!identity)
        return identity.error();
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    PullApplied result;
    // HQ's snapshot cannot include entries this terminal never wrote.
    auto last = d->store.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM journal"));
    if (!last)
        return last.error();
    JIFEN_TRY(d->store.exec(last.value()));
    const qint64 lastSeq = last->next() ? last->value(0).toLongLong() : 0;
    last->finish();
    if (page.throughSeq < 0 || page.throughSeq > lastSeq)
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger",
                                        "HQ's snapshot claims this terminal's seq %1, but the journal ends at %2")
                .arg(page.throughSeq)
                .arg(lastSeq));
    for (const ConfirmedMember& m : page.members) {
        // A record this terminal cannot hold (HQ kept a duplicate enrolment without its phone, or
        // the data is malformed) is passed over, never a reason to stop pulling the rest.
        bool usable = !m.member.uid.isEmpty() && (!m.member.phone.isEmpty() || !m.member.card.isEmpty()) &&
                      (m.member.phone.isEmpty() || normalizePhone(m.member.phone).ok());
        for (const ConfirmedLot& lot : m.lots)
            usable =
                usable && lot.remaining.value() >= 0 && !lot.ref.terminalId.isEmpty() && lot.validThrough.isValid();
        if (!usable) {
            ++result.conflicts;
            continue;
        }
        auto applied = applyMember(*d, identity->terminalId, page.throughSeq, m, &result);
        if (!applied)
            return applied.error();
        if (result.ownLotsMismatched > 0)
            return result; // rolled back: the page comes again with every lot listed
    }
    for (const HqIncident& i : page.incidents) {
        auto q = d->store.prepare(QStringLiteral("INSERT OR IGNORE INTO hq_incidents (id, kind, terminal_id, seq,"
                                                 " member_uid, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        if (!q)
            return q.error();
        for (const QVariant& v : {QVariant(i.id), QVariant(i.kind), nullableText(i.terminalId),
                                  i.seq ? QVariant(i.seq) : QVariant(QMetaType(QMetaType::LongLong)),
                                  nullableText(i.memberUid), QVariant(i.detail), QVariant(i.createdAt)})
            q->addBindValue(v);
        JIFEN_TRY(d->store.exec(q.value()));
        ++result.incidents;
    }
    // Deliveries count once: the cursor moves in the same transaction that adds them.
    auto cursors = d->metaValue(QStringLiteral("pull_stock_cursor"));
    if (!cursors)
        return cursors.error();
    if (page.stockCursor > cursors->toLongLong()) {
        for (const StockDelivery& delivery : page.deliveries) {
            auto q = d->store.prepare(QStringLiteral("INSERT INTO stock (reward_code, quantity) VALUES (?, ?)"
                                                     " ON CONFLICT (reward_code) DO UPDATE SET quantity = quantity +"
                                                     " excluded.quantity"));
            if (!q)
                return q.error();
            q->addBindValue(delivery.reward);
            q->addBindValue(delivery.quantity);
            JIFEN_TRY(d->store.exec(q.value()));
            ++result.deliveries;
        }
        JIFEN_TRY(d->putMeta(QStringLiteral("pull_stock_cursor"), QString::number(page.stockCursor)));
    }
    JIFEN_TRY(d->putMeta(QStringLiteral("pull_cursor"), page.cursor));
    JIFEN_TRY(d->putMeta(QStringLiteral("pull_incident_cursor"), QString::number(page.incidentCursor)));
    JIFEN_TRY(uow.commit());
    return result;
}

Result<QList<HqIncident>> Ledger::hqIncidents(qint64 limit)
{
    ReadScope reading(d->store);
    auto q = d->store.prepare(QStringLiteral("SELECT id, kind, terminal_id, seq, member_uid, detail, created_at FROM"
                                             " hq_incidents ORDER BY id DESC LIMIT ?"));
    if (!q)
        return q.error();
    q->addBindValue(limit);
    JIFEN_TRY(d->store.exec(q.value()));
    QList<HqIncident> out;
    while (q->next())
        out.append(HqIncident{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                              q->value(3).toLongLong(), q->value(4).toString(), q->value(5).toString(),
                              q->value(6).toString()});
    return out;
}

} // namespace jifen
