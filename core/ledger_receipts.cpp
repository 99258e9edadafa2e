#include "ledger_impl.h"

#include <QJsonDocument>

namespace jifen {

Result<std::optional<RecordedSale>> Ledger::lastSale()
{
    ReadScope reading(d->store);
    // Instants tie when the clock stands still (tests, a clock set back); the journal's seq then
    // orders sales with a member, and the reference the rest.
    auto q = d->store.prepare(QStringLiteral(
        "SELECT s.member_id, s.cashier, s.tender, s.created_at, r.result FROM sales s"
        " JOIN requests r ON r.ref = s.ref AND r.operation = 'sale'"
        " ORDER BY s.created_at DESC, COALESCE(s.earn_seq, s.offset_seq, s.green_seq, 0) DESC, s.ref DESC LIMIT 1"));
    if (!q)
        return q.error();
    JIFEN_TRY(d->store.exec(q.value()));
    if (!q->next())
        return std::optional<RecordedSale>();
    RecordedSale out;
    const bool hasMember = !q->value(0).isNull();
    const qint64 memberId = q->value(0).toLongLong();
    out.cashier = q->value(1).toString();
    out.tender = q->value(2).toString();
    auto time = parseInstant(q->value(3).toString());
    if (!time)
        return time.error();
    out.time = time.value();
    out.sale = SaleResult::fromJson(QJsonDocument::fromJson(q->value(4).toByteArray()).object());
    q->finish();
    if (hasMember) {
        auto member = d->memberById(memberId);
        if (!member)
            return member.error();
        auto summary = d->summarize(member.value());
        if (!summary)
            return summary.error();
        out.member = summary.value();
    }
    return std::optional<RecordedSale>(out);
}

} // namespace jifen
