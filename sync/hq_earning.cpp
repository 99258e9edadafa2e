#include "hq_service.h"

#include "journal.h"
#include "ruleset.h"
#include "sale_preview.h"

#include <QJsonArray>

#include <limits>

namespace jifen::sync {

Result<const RuleSet*> HqService::rulesetVersion(int version)
{
    // Looked up once per version, including the versions HQ does not have: a push of a thousand
    // entries under a terminal-local rule set must not query and parse a thousand times.
    if (auto it = m_rulesets.find(version); it != m_rulesets.end())
        return it->second ? &*it->second : nullptr;
    auto stored = m_db.scalar(QStringLiteral("SELECT json FROM rulesets WHERE version = ?"), {version}, QString());
    if (!stored)
        return stored.error();
    // Every terminal starts on the built-in set, which HQ need not have published.
    static const int builtin = RuleSet::fromJson(RuleSet::builtinDefaultJson()).value().version();
    const QByteArray json = !stored->toString().isEmpty() ? stored->toString().toUtf8()
                            : version == builtin          ? RuleSet::builtinDefaultJson()
                                                          : QByteArray();
    auto parsed = json.isEmpty() ? Result<RuleSet>(Error::notFound(QString())) : RuleSet::fromJson(json);
    auto& slot = m_rulesets[version];
    if (parsed)
        slot = parsed.value();
    return slot ? &*slot : nullptr;
}

Result<QJsonObject> HqService::rulesetReplacement(qint64 version, const QString& terminalHash)
{
    // A terminal on HQ's newest version whose copy differs (loaded locally under a published
    // number, or an older HQ accepted two contents): HQ's content replaces it.
    if (terminalHash.isEmpty() || version < 1 || version > std::numeric_limits<int>::max())
        return QJsonObject();
    // A version missing when a push looked it up may have been published since (by another process).
    if (auto it = m_rulesets.find(int(version)); it != m_rulesets.end() && !it->second)
        m_rulesets.erase(it);
    auto rs = rulesetVersion(int(version));
    if (!rs)
        return rs.error();
    if (!rs.value() || rs.value()->contentHash() == terminalHash)
        return QJsonObject();
    return QJsonObject{{QStringLiteral("version"), rs.value()->version()},
                       {QStringLiteral("json"), QString::fromUtf8(rs.value()->json())},
                       {QStringLiteral("hash"), rs.value()->contentHash()},
                       {QStringLiteral("replaces"), terminalHash}};
}

namespace {

// The ordinary points a pushed sale should have earned under `rules`, re-derived through the same
// priceLines()/earnLines() the terminal's sale runs; -1 when the recorded sale cannot be priced
// under them (an unknown product or category, or totals that do not add up).
qint64 expectedEarning(const RuleSet& rules, const QJsonObject& d, QDate day)
{
    QList<PricedLine> lines;
    const qint64 amountFen = d.value(QStringLiteral("amount_fen")).toInteger(-1);
    const qint64 paidFen = d.value(QStringLiteral("paid_fen")).toInteger(-1);
    if (d.contains(QStringLiteral("items"))) {
        for (const QJsonValue& value : d.value(QStringLiteral("items")).toArray()) {
            const QJsonObject item = value.toObject();
            const Product* product = rules.program().product(item.value(QStringLiteral("sku")).toString());
            auto price = Money::parseYuan(item.value(QStringLiteral("unit_price")).toString());
            const qint64 quantity = item.value(QStringLiteral("quantity")).toInteger(0);
            if (!product || !price || quantity < 1 || quantity > 999)
                return -1;
            PricedLine line;
            line.out.sku = product->sku;
            line.out.category = product->category;
            line.out.quantity = quantity;
            line.out.unitPrice = price.value();
            line.out.eco = product->eco;
            line.offsetEligible = product->offsetEligible;
            line.customService = product->customService;
            lines.append(line);
        }
    } else {
        PricedLine line;
        line.out.category = d.value(QStringLiteral("category")).toString();
        line.out.unitPrice = Money::fromFen(amountFen);
        lines.append(line);
    }
    if (lines.isEmpty() || amountFen < 0 || paidFen < 0 || paidFen > amountFen)
        return -1;
    const int customDiscount =
        rules.program().tierBenefits.value(d.value(QStringLiteral("tier")).toString()).customDiscountPercent;
    Money bill;
    Money eligible;
    if (!priceLines(rules, lines, customDiscount, &bill, &eligible) || bill.fen() != amountFen ||
        amountFen - paidFen > eligible.fen())
        return -1;
    earnLines(rules, lines, Money::fromFen(amountFen - paidFen), Money::fromFen(paidFen), day, true);
    qint64 expected = 0;
    for (const PricedLine& line : lines)
        expected += line.out.eco ? 0 : line.out.points.value();
    return expected;
}

} // namespace

Status HqService::checkEarning(const QString& terminalId, const JournalEntry& e, QStringList* incidents)
{
    // A sale's ordinary points (granted plus deferred), whole-bill or itemised, against its
    // re-derivation under the rule set version the terminal recorded. Green points of eco lines
    // are their own entry.
    const QJsonObject d = e.detail;
    if (e.kind != EntryKind::Earn || e.memberUid.isEmpty() || !d.contains(QStringLiteral("paid_fen")))
        return Ok{};
    auto rs = rulesetVersion(e.rulesetVersion);
    if (!rs)
        return rs.error();
    if (!rs.value())
        return Ok{}; // a rule set HQ never saw (loaded at the terminal): nothing to compare with
    const qint64 recorded = e.points.value() + d.value(QStringLiteral("deferred")).toInteger(0);
    const qint64 expected = expectedEarning(*rs.value(), d, businessDate(e.terminalTime));
    if (expected == recorded)
        return Ok{};
    incidents->append(QStringLiteral("earn-mismatch"));
    return raiseIncident(QStringLiteral("earn-mismatch"), terminalId, e.seq, e.memberUid,
                         QStringLiteral("entry %1 earned %2 points; rule set %3 gives %4")
                             .arg(e.seq)
                             .arg(recorded)
                             .arg(e.rulesetVersion)
                             .arg(expected));
}

} // namespace jifen::sync
