#include "identity.h"
#include "ledger_impl.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace jifen {

namespace {

// Warm-line templates, by the activity they describe (resources/statements/warm_lines.json).
const QMap<QString, QString>& warmTemplates()
{
    static const QMap<QString, QString> templates = [] {
        QMap<QString, QString> out;
        QFile f(QStringLiteral(":/jifen/statements/warm_lines.json"));
        if (f.open(QIODevice::ReadOnly)) {
            for (const auto& v : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("lines")).toArray())
                out.insert(v.toObject().value(QStringLiteral("when")).toString(),
                           v.toObject().value(QStringLiteral("text")).toString());
        }
        return out;
    }();
    return templates;
}

QString fill(const QString& key, const QString& reward, const QString& charity, qint64 points)
{
    QString text = warmTemplates().value(key);
    text.replace(QStringLiteral("{reward}"), reward);
    text.replace(QStringLiteral("{charity}"), charity);
    text.replace(QStringLiteral("{points}"), QString::number(points));
    return text;
}

} // namespace

Result<StatementData> Ledger::statement(const QString& phone, const QString& card, int year, int month)
{
    ReadScope reading(d->store);
    const QDate first(year, month, 1);
    if (!first.isValid() || year < 2000 || year > 2999)
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "month %1-%2 is not a valid month").arg(year).arg(month));
    auto member = d->requireMember(phone, card);
    if (!member)
        return member.error();
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    const QString start = formatInstant(d->monthStartUtc(first));
    const QString end = formatInstant(d->monthStartUtc(first.addMonths(1)));
    StatementData s;
    s.memberUid = member->uid;
    s.phoneMasked = member->phone.isEmpty() ? QString() : maskPhone(member->phone);
    s.memberName = member->name;
    s.year = year;
    s.month = month;

    auto open = d->store.prepare(QStringLiteral("SELECT COALESCE(SUM(points), 0), COALESCE(SUM(green_points), 0)"
                                                " FROM journal WHERE member_id = ? AND terminal_time < ?"));
    if (!open)
        return open.error();
    open->addBindValue(member->id);
    open->addBindValue(start);
    JIFEN_TRY(d->store.exec(open.value()));
    Points greenOpening;
    if (open->next()) {
        s.opening = Points(open->value(0).toLongLong());
        greenOpening = Points(open->value(1).toLongLong());
    }
    open->finish();

    auto q = d->store.prepare(QStringLiteral(
        "SELECT kind, points, green_points, json_extract(detail, '$.reverses'), json_extract(detail, '$.reward'),"
        " json_extract(detail, '$.charity') FROM journal WHERE member_id = ? AND terminal_time >= ?"
        " AND terminal_time < ? ORDER BY seq"));
    if (!q)
        return q.error();
    q->addBindValue(member->id);
    q->addBindValue(start);
    q->addBindValue(end);
    JIFEN_TRY(d->store.exec(q.value()));
    QString lastReward, petReward, lastCharity;
    Points greenMoves;
    while (q->next()) {
        const auto kind = entryKindFromName(q->value(0).toString());
        const Points pts(q->value(1).toLongLong());
        const Points greenPts(q->value(2).toLongLong());
        const QString reverses = q->value(3).toString();
        greenMoves += greenPts;
        switch (kind.value_or(EntryKind::Adjust)) {
        case EntryKind::Earn:
            s.earned += pts;
            if (greenPts.value() > 0)
                s.greenEarned += greenPts;
            break;
        case EntryKind::Reverse:
            if (reverses == QStringLiteral("earn"))
                s.refunded += pts;
            else if (reverses == QStringLiteral("offset"))
                s.offset += pts;
            else
                s.redeemed += pts;
            break;
        case EntryKind::Redeem: {
            s.redeemed += pts;
            const Reward* reward = rs->reward(q->value(4).toString());
            lastReward = reward ? reward->name : q->value(4).toString();
            if (reward && reward->tags.contains(QStringLiteral("pet")))
                petReward = reward->name;
            break;
        }
        case EntryKind::Offset:
            s.offset += pts;
            break;
        case EntryKind::Expire:
            s.expired += pts;
            break;
        case EntryKind::TransferOut:
        case EntryKind::TransferIn:
            s.transferred += pts;
            break;
        case EntryKind::Donate: {
            s.donated += pts;
            const Charity* charity = rs->program().charity(q->value(5).toString());
            lastCharity = charity ? charity->name : q->value(5).toString();
            break;
        }
        case EntryKind::GreenGrant:
            s.green += pts;
            s.greenEarned += greenPts;
            break;
        case EntryKind::Adjust:
            s.adjusted += pts;
            break;
        }
    }
    q->finish();
    s.closing = s.opening + s.movements();
    s.greenClosing = greenOpening + greenMoves;

    // Points expiring within 90 days after the month, as they stood at its end: today's
    // remaining points with every later move of those lots undone.
    const QDate lastDay = first.addMonths(1).addDays(-1);
    auto lots = d->store.prepare(QStringLiteral("SELECT source_terminal, source_seq, valid_through, remaining FROM lots"
                                                " WHERE member_id = ? AND valid_through > ? AND valid_through <= ?"));
    if (!lots)
        return lots.error();
    lots->addBindValue(member->id);
    lots->addBindValue(lastDay.toString(Qt::ISODate));
    lots->addBindValue(lastDay.addDays(rs->expiringSoonDays()).toString(Qt::ISODate));
    JIFEN_TRY(d->store.exec(lots.value()));
    QHash<QString, std::pair<QDate, qint64>> atEnd; // lot -> (valid through, remaining at month end)
    while (lots->next())
        atEnd.insert(LotRef{lots->value(0).toString(), lots->value(1).toLongLong()}.toString(),
                     {QDate::fromString(lots->value(2).toString(), Qt::ISODate), lots->value(3).toLongLong()});
    lots->finish();
    if (!atEnd.isEmpty()) {
        auto later =
            d->store.prepare(QStringLiteral("SELECT lots FROM journal WHERE member_id = ? AND terminal_time >= ?"));
        if (!later)
            return later.error();
        later->addBindValue(member->id);
        later->addBindValue(end);
        JIFEN_TRY(d->store.exec(later.value()));
        while (later->next()) {
            for (const LotMove& m : lotMovesFromText(later->value(0).toString()).value_or(QList<LotMove>())) {
                auto it = atEnd.find(m.lot.toString());
                if (it != atEnd.end())
                    it->second -= m.points.value();
            }
        }
        later->finish();
    }
    QMap<QDate, qint64> byDate;
    for (const auto& [through, remaining] : std::as_const(atEnd)) {
        if (remaining > 0)
            byDate[through] += remaining;
    }
    Points expiring;
    for (auto it = byDate.cbegin(); it != byDate.cend(); ++it) {
        s.expiringSoon.append(ExpiringPoints{Points(it.value()), it.key()});
        expiring += Points(it.value());
    }

    // One warm line from the month's activity, the most personal first.
    if (!lastCharity.isEmpty())
        s.warmLine = fill(QStringLiteral("donated"), QString(), lastCharity, -s.donated.value());
    else if (!petReward.isEmpty())
        s.warmLine = fill(QStringLiteral("redeemed_pet"), petReward, QString(), 0);
    else if (!lastReward.isEmpty())
        s.warmLine = fill(QStringLiteral("redeemed"), lastReward, QString(), 0);
    else if (s.greenEarned.value() > 0)
        s.warmLine = fill(QStringLiteral("green"), QString(), QString(), s.greenEarned.value());
    else if (s.earned.value() > 0)
        s.warmLine = fill(QStringLiteral("earned"), QString(), QString(), s.earned.value());
    else if (expiring.value() > 0)
        s.warmLine = fill(QStringLiteral("expiring"), QString(), QString(), expiring.value());
    else
        s.warmLine = fill(QStringLiteral("quiet"), QString(), QString(), 0);
    return s;
}

Result<DayReport> Ledger::dayReport(std::optional<QDate> date)
{
    ReadScope reading(d->store);
    DayReport r;
    r.date = date.value_or(d->clock.today());
    if (!r.date.isValid())
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "the report date is not a valid date"));
    const QString start = formatInstant(QDateTime(r.date, QTime(0, 0), QTimeZone(8 * 3600)).toUTC());
    const QString end = formatInstant(QDateTime(r.date.addDays(1), QTime(0, 0), QTimeZone(8 * 3600)).toUTC());

    auto sales = d->store.prepare(QStringLiteral(
        "SELECT COALESCE(cashier, ''), COUNT(*), SUM(amount_fen), SUM(earned_points + green_earned) FROM sales"
        " WHERE created_at >= ? AND created_at < ? GROUP BY COALESCE(cashier, '') ORDER BY 1"));
    if (!sales)
        return sales.error();
    sales->addBindValue(start);
    sales->addBindValue(end);
    JIFEN_TRY(d->store.exec(sales.value()));
    while (sales->next()) {
        DayReport::Cashier c{sales->value(0).toString(), sales->value(1).toLongLong(),
                             Money::fromFen(sales->value(2).toLongLong()), Points(sales->value(3).toLongLong())};
        r.sales += c.sales;
        r.salesTotal = r.salesTotal + c.total;
        r.cashiers.append(c);
    }
    sales->finish();

    auto q = d->store.prepare(QStringLiteral(
        "SELECT kind, points, green_points, json_extract(detail, '$.reverses'), COALESCE(json_extract(detail,"
        " '$.deferred'), 0), COALESCE(json_extract(detail, '$.green'), 0), terminal_time FROM journal"
        " WHERE terminal_time >= ? AND terminal_time < ?"));
    if (!q)
        return q.error();
    q->addBindValue(start);
    q->addBindValue(end);
    JIFEN_TRY(d->store.exec(q.value()));
    r.hours.resize(24);
    while (q->next()) {
        const auto kind = entryKindFromName(q->value(0).toString()).value_or(EntryKind::Adjust);
        const Points pts(q->value(1).toLongLong());
        const auto at = parseInstant(q->value(6).toString());
        DayReport::Hour& hour = r.hours[at ? at->toTimeZone(QTimeZone(8 * 3600)).time().hour() : 0];
        if (kind == EntryKind::Earn || kind == EntryKind::GreenGrant || (kind == EntryKind::Adjust && pts.value() > 0))
            hour.issued += pts;
        else if (kind == EntryKind::Redeem)
            hour.redeemed -= pts;
        const QString reverses = q->value(3).toString();
        const bool green = q->value(5).toBool() || kind == EntryKind::GreenGrant;
        r.deferred += Points(q->value(4).toLongLong());
        switch (kind) {
        case EntryKind::Earn:
        case EntryKind::GreenGrant:
            (green ? r.issuedGreen : r.issued) += pts;
            break;
        case EntryKind::Adjust:
            if (pts.value() > 0)
                r.issued += pts;
            break;
        case EntryKind::Redeem:
            r.redeemed -= pts;
            break;
        case EntryKind::Offset:
            r.offset -= pts;
            break;
        case EntryKind::Reverse:
            if (reverses == QStringLiteral("earn"))
                r.reversed -= pts;
            else if (reverses == QStringLiteral("offset"))
                r.offset -= pts;
            else
                r.redeemed -= pts;
            break;
        case EntryKind::Expire:
            r.expired -= pts;
            break;
        case EntryKind::Donate:
            r.donated -= pts;
            break;
        case EntryKind::TransferOut:
        case EntryKind::TransferIn:
            break;
        }
    }
    return r;
}

Result<RuleSet> Ledger::loadRules(const QByteArray& json)
{
    auto parsed = RuleSet::fromJson(json);
    if (!parsed)
        return parsed.error();
    JIFEN_TRY(d->identity());
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto active = d->activeRules();
    if (!active)
        return active.error();
    if (parsed->version() <= active->version())
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger", "rule set version %1 is not newer than the active version %2")
                .arg(parsed->version())
                .arg(active->version()));
    auto id = d->identity();
    if (!id)
        return id.error();
    if (!parsed->categories().contains(id->merchantCategory))
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger",
                                        "rule set %1 has no category \"%2\", this terminal's merchant category")
                .arg(parsed->version())
                .arg(id->merchantCategory));
    JIFEN_TRY(d->storeRuleSet(parsed.value()));
    JIFEN_TRY(uow.commit());
    return parsed;
}

Result<RuleSet> Ledger::replaceRules(const QByteArray& json)
{
    auto parsed = RuleSet::fromJson(json);
    if (!parsed)
        return parsed.error();
    auto id = d->identity();
    if (!id)
        return id.error();
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto active = d->activeRules();
    if (!active)
        return active.error();
    if (parsed->version() != active->version())
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger", "rule set version %1 is not the active version %2")
                .arg(parsed->version())
                .arg(active->version()));
    if (parsed->contentHash() == active->contentHash())
        return parsed; // already the same content
    if (!parsed->categories().contains(id->merchantCategory))
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger",
                                        "rule set %1 has no category \"%2\", this terminal's merchant category")
                .arg(parsed->version())
                .arg(id->merchantCategory));
    auto del = d->store.prepare(QStringLiteral("DELETE FROM rulesets WHERE version = ?"));
    if (!del)
        return del.error();
    del->addBindValue(parsed->version());
    JIFEN_TRY(d->store.exec(del.value()));
    JIFEN_TRY(d->storeRuleSet(parsed.value()));
    d->rules.reset(); // the cache knows versions only
    JIFEN_TRY(uow.commit());
    return parsed;
}

} // namespace jifen
