// The rule-set loader: RuleSet::fromJson must refuse any malformed or non-compliant file with an
// error and never crash; a rule set it accepts must load again from its own stored JSON, to the
// same version.
#include "fuzz_targets.h"
#include "ruleset.h"

namespace jifen::fuzz {

int ruleSet(const std::uint8_t* data, std::size_t size)
{
    auto rs = RuleSet::fromJson(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (!rs) {
        check(!rs.error().message.isEmpty(), "a refusal without a message");
        return 0;
    }
    auto again = RuleSet::fromJson(rs.value().json());
    check(again.ok(), "an accepted rule set's own JSON is refused", again ? QString() : again.error().message);
    check(again.value().version() == rs.value().version(), "the version changes on reload");
    check(again.value().json() == rs.value().json(), "the stored JSON changes on reload");
    for (const Reward& r : rs.value().catalog())
        check(rs.value().reward(r.code) != nullptr, "a catalog reward cannot be found by its code", r.code);
    (void)rs.value().tierFor(Points(0));
    (void)rs.value().tierFor(Points(Points::maxInput));
    return 0;
}

} // namespace jifen::fuzz

JIFEN_FUZZ_ENTRY(ruleSet)
