#include "commands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace jifen::cli {

Result<qint64> wholeFlag(const ParsedArgs& args, const QString& flag, qint64 min, qint64 max, qint64 fallback)
{
    if (!args.has(flag))
        return fallback;
    const QString text = args.value(flag).trimmed();
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,12}$"));
    if (!digits.match(text).hasMatch())
        return Error::badInput(QStringLiteral("--%1 must be a whole number, not \"%2\"").arg(flag, text));
    const qint64 n = text.toLongLong();
    if (n < min || n > max)
        return Error::badInput(QStringLiteral("--%1 must be between %2 and %3").arg(flag).arg(min).arg(max));
    return n;
}

namespace {

int init(Context& ctx, const ParsedArgs& args)
{
    // Checked before the data directory is touched, so bad input leaves no empty database behind.
    if (auto st = Ledger::checkIdentity(args.value(QStringLiteral("store")), args.value(QStringLiteral("terminal")),
                                        args.value(QStringLiteral("merchant-category")));
        !st)
        return ctx.fail(st.error());
    auto ledger = ctx.ledger(true);
    if (!ledger)
        return ctx.fail(ledger.error());
    auto st = (*ledger)->initialize(args.value(QStringLiteral("store")), args.value(QStringLiteral("terminal")),
                                    args.value(QStringLiteral("merchant-category")));
    if (!st)
        return ctx.fail(st.error());
    auto id = (*ledger)->identity();
    if (!id)
        return ctx.fail(id.error());
    auto rules = (*ledger)->rules();
    if (!rules)
        return ctx.fail(rules.error());
    return ctx.done({{QStringLiteral("store_id"), id->storeId},
                     {QStringLiteral("terminal_id"), id->terminalId},
                     {QStringLiteral("merchant_category"), id->merchantCategory},
                     {QStringLiteral("ruleset_version"), rules->version()},
                     {QStringLiteral("data_dir"), ctx.dataDir()}},
                    {QStringLiteral("terminal %1 of store %2 ready (%3), data in %4")
                         .arg(id->terminalId, id->storeId, id->merchantCategory, ctx.dataDir())});
}

int status(Context& ctx, const ParsedArgs&)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto id = (*ledger)->identity();
    if (!id)
        return ctx.fail(id.error());
    auto rules = (*ledger)->rules();
    if (!rules)
        return ctx.fail(rules.error());
    auto sync = (*ledger)->syncState();
    if (!sync)
        return ctx.fail(sync.error());
    QStringList text{
        QStringLiteral("terminal %1 of store %2 (%3)").arg(id->terminalId, id->storeId, id->merchantCategory),
        QStringLiteral("rule set %1, journal at seq %2").arg(rules->version()).arg(sync->lastSeq),
        sync->hqUrl.isEmpty() ? QStringLiteral("not enrolled with HQ: %1 entries not yet synced").arg(sync->pending())
                              : QStringLiteral("HQ %1: seq %2 acknowledged, %3 entries pending")
                                    .arg(sync->hqUrl)
                                    .arg(sync->ackedSeq)
                                    .arg(sync->pending()),
        QStringLiteral("last successful sync: %1")
            .arg(sync->lastSuccess.isEmpty() ? QStringLiteral("never") : sync->lastSuccess)};
    if (!sync->lastError.isEmpty())
        text.append(QStringLiteral("last error: %1").arg(sync->lastError));
    return ctx.done(
        {{QStringLiteral("store_id"), id->storeId},
         {QStringLiteral("terminal_id"), id->terminalId},
         {QStringLiteral("merchant_category"), id->merchantCategory},
         {QStringLiteral("ruleset_version"), rules->version()},
         {QStringLiteral("last_seq"), sync->lastSeq},
         {QStringLiteral("acked_seq"), sync->ackedSeq},
         {QStringLiteral("pending_entries"), sync->pending()},
         {QStringLiteral("hq"), sync->hqUrl.isEmpty() ? QJsonValue() : QJsonValue(sync->hqUrl)},
         {QStringLiteral("last_success"), sync->lastSuccess.isEmpty() ? QJsonValue() : QJsonValue(sync->lastSuccess)},
         {QStringLiteral("last_error"), sync->lastError.isEmpty() ? QJsonValue() : QJsonValue(sync->lastError)}},
        text);
}

int verify(Context& ctx, const ParsedArgs&)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto report = (*ledger)->verify();
    if (!report)
        return ctx.fail(report.error());
    if (!report->ok()) {
        // A ledger that does not verify is a storage integrity failure (exit 5), with each
        // problem listed so support can see what was touched.
        if (ctx.json()) {
            ctx.done(report->toJson(), {});
        } else {
            for (const QString& p : report->problems)
                ctx.printLine(p);
        }
        return ctx.fail(Error::storage(QStringLiteral("ledger verification failed: %1 problem(s), first: %2")
                                           .arg(report->problems.size())
                                           .arg(report->problems.first())));
    }
    return ctx.done(report->toJson(), {QStringLiteral("ledger verified: %1 entries, %2 members, %3 lots; hash chain "
                                                      "and every balance match")
                                           .arg(report->entries)
                                           .arg(report->members)
                                           .arg(report->lots)});
}

int journal(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto after = wholeFlag(args, QStringLiteral("after"), 0, std::numeric_limits<qint64>::max(), 0);
    if (!after)
        return ctx.fail(after.error());
    auto limit = wholeFlag(args, QStringLiteral("limit"), 1, 1000000, -1);
    if (!limit)
        return ctx.fail(limit.error());
    auto entries = (*ledger)->journal(after.value(), limit.value());
    if (!entries)
        return ctx.fail(entries.error());
    for (const JournalEntry& e : entries.value())
        ctx.printLine(QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact)));
    return 0;
}

int expire(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    std::optional<QDate> asOf;
    if (args.has(QStringLiteral("as-of"))) {
        auto d = parseDate(args.value(QStringLiteral("as-of")));
        if (!d)
            return ctx.fail(d.error());
        asOf = d.value();
    }
    auto r = (*ledger)->expire(asOf);
    if (!r)
        return ctx.fail(r.error());
    return ctx.done(r->toJson(), {QStringLiteral("as of %1: %2 points expired in %3 entries")
                                      .arg(r->asOf.toString(Qt::ISODate))
                                      .arg(r->pointsExpired.value())
                                      .arg(r->entries)});
}

int rulesShow(Context& ctx, const ParsedArgs&)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto rules = (*ledger)->rules();
    if (!rules)
        return ctx.fail(rules.error());
    QStringList text{QStringLiteral("rule set %1: %2").arg(rules->version()).arg(rules->name()),
                     QStringLiteral("offset: %1 points = 1 yuan; manager approval above %2 points")
                         .arg(rules->offsetPointsPerYuan())
                         .arg(rules->managerApprovalAbove().value())};
    for (const CategoryRule& c : rules->categories())
        text.append(QStringLiteral("  %1 (%2): %3 point(s) per yuan, valid %4 months")
                        .arg(c.code, c.name)
                        .arg(c.rate)
                        .arg(c.validityMonths));
    return ctx.done({{QStringLiteral("version"), rules->version()},
                     {QStringLiteral("rules"), QJsonDocument::fromJson(rules->json()).object()}},
                    text);
}

int catalogList(Context& ctx, const ParsedArgs&)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto catalog = (*ledger)->catalogWithStock();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto rules = (*ledger)->rules();
    if (!rules)
        return ctx.fail(rules.error());
    const QDate today = ctx.clock().today();
    QJsonArray arr;
    QStringList text;
    for (const auto& [reward, stock] : catalog.value()) {
        const Points price = reward.priceOn(today);
        const bool approval = reward.requiresManager || price > rules->managerApprovalAbove();
        QJsonObject o{{QStringLiteral("code"), reward.code},
                      {QStringLiteral("name"), reward.name},
                      {QStringLiteral("kind"), rewardKindName(reward.kind)},
                      {QStringLiteral("points"), price.value()},
                      {QStringLiteral("regular_points"), reward.points.value()},
                      {QStringLiteral("green_only"), reward.greenOnly},
                      {QStringLiteral("needs_manager"), approval},
                      {QStringLiteral("stock"), stock < 0 ? QJsonValue() : QJsonValue(stock)}};
        arr.append(o);
        text.append(QStringLiteral("%1  %2 points%3  %4%5%6")
                        .arg(reward.code, -16)
                        .arg(price.value(), 6)
                        .arg(price != reward.points ? QStringLiteral(" (seasonal)") : QString(), reward.name)
                        .arg(reward.greenOnly ? QStringLiteral("  [green points only]") : QString())
                        .arg(stock < 0 ? QString() : QStringLiteral("  stock %1").arg(stock)));
    }
    return ctx.done({{QStringLiteral("rewards"), arr}, {QStringLiteral("ruleset_version"), rules->version()}}, text);
}

int operatorAdd(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    const QString name = args.value(QStringLiteral("name"));
    const QString role = args.value(QStringLiteral("role"));
    auto st = (*ledger)->addOperator(name, role, args.value(QStringLiteral("pin")));
    if (!st)
        return ctx.fail(st.error());
    return ctx.done({{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("role"), role}},
                    {QStringLiteral("%1 %2 added").arg(role, name.trimmed())});
}

int operatorList(Context& ctx, const ParsedArgs&)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto ops = (*ledger)->listOperators();
    if (!ops)
        return ctx.fail(ops.error());
    QJsonArray arr;
    QStringList text;
    for (const OperatorInfo& o : ops.value()) {
        arr.append(QJsonObject{{QStringLiteral("name"), o.name}, {QStringLiteral("role"), operatorRoleName(o.role)}});
        text.append(QStringLiteral("%1  %2").arg(operatorRoleName(o.role), -8).arg(o.name));
    }
    if (text.isEmpty())
        text.append(QStringLiteral("no operators"));
    return ctx.done({{QStringLiteral("operators"), arr}}, text);
}

} // namespace

QList<Command> terminalCommands()
{
    return {
        {{QStringLiteral("init")},
         QStringLiteral("--store S --terminal T [--merchant-category C]"),
         QStringLiteral("set up this terminal's ledger with the built-in rule set"),
         {{QStringLiteral("store"), QStringLiteral("terminal"), QStringLiteral("merchant-category")},
          {},
          {QStringLiteral("store"), QStringLiteral("terminal")},
          {}},
         init},
        {{QStringLiteral("status")},
         QString(),
         QStringLiteral("terminal identity, rule set and journal position"),
         {},
         status},
        {{QStringLiteral("verify")},
         QString(),
         QStringLiteral("recompute the hash chain and every balance"),
         {},
         verify},
        {{QStringLiteral("journal")},
         QStringLiteral("[--after SEQ] [--limit N]"),
         QStringLiteral("journal entries as JSON lines"),
         {{QStringLiteral("after"), QStringLiteral("limit")}, {}, {}, {}},
         journal},
        {{QStringLiteral("expire")},
         QStringLiteral("[--as-of YYYY-MM-DD]"),
         QStringLiteral("turn expired lots into expire entries"),
         {{QStringLiteral("as-of")}, {}, {}, {}},
         expire},
        {{QStringLiteral("rules"), QStringLiteral("show")},
         QString(),
         QStringLiteral("the active rule set"),
         {},
         rulesShow},
        {{QStringLiteral("catalog"), QStringLiteral("list")},
         QString(),
         QStringLiteral("rewards with today's price and stock"),
         {},
         catalogList},
        {{QStringLiteral("operator"), QStringLiteral("add")},
         QStringLiteral("--name N --role cashier|manager --pin PIN"),
         QStringLiteral("register a cashier or manager (PIN stored as PBKDF2)"),
         {{QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("pin")},
          {},
          {QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("pin")},
          {}},
         operatorAdd},
        {{QStringLiteral("operator"), QStringLiteral("list")},
         QString(),
         QStringLiteral("cashiers and managers"),
         {},
         operatorList},
    };
}

} // namespace jifen::cli
