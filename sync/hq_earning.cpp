#include "hq_service.h"

#include "journal.h"
#include "ruleset.h"

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

Status HqService::checkEarning(const QString& terminalId, const JournalEntry& e, QStringList* incidents)
{
    // Only a whole-bill sale is re-computed here: itemised sales carry per-line earning that HQ
    // checks adds up below, but their product rates are not re-derived yet.
    const QJsonObject d = e.detail;
    if (e.kind != EntryKind::Earn || e.memberUid.isEmpty() || !d.contains(QStringLiteral("paid_fen")))
        return Ok{};
    auto rs = rulesetVersion(e.rulesetVersion);
    if (!rs)
        return rs.error();
    if (!rs.value())
        return Ok{}; // a rule set HQ never saw (loaded at the terminal): nothing to compare with
    const qint64 recorded = e.points.value() + d.value(QStringLiteral("deferred")).toInteger(0);
    qint64 expected = 0;
    if (d.contains(QStringLiteral("items"))) {
        for (const QJsonValue& line : d.value(QStringLiteral("items")).toArray()) {
            if (!line.toObject().value(QStringLiteral("eco")).toBool())
                expected += line.toObject().value(QStringLiteral("points")).toInteger(0);
        }
    } else {
        const QString category = d.value(QStringLiteral("category")).toString();
        auto rule = rs.value()->category(category);
        if (!rule)
            expected = -1; // a category the rule set does not have earns nothing
        else {
            const qint64 paid = d.value(QStringLiteral("paid_fen")).toInteger(0);
            int percent = 100;
            if (const Promotion* p =
                    rs.value()->program().bestMultiplier(businessDate(e.terminalTime), category, Money::fromFen(paid)))
                percent = p->multiplierPercent;
            expected = pointsEarned(Money::fromFen(paid), rule->rate, percent).value();
        }
    }
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
