#include "program_rules.h"

#include "clock.h"
#include "identity.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace jifen {

namespace {

Error ruleError(const QString& message)
{
    return Error::badInput(QCoreApplication::translate("jifen::RuleSet", "rule set refused: %1").arg(message));
}

Result<qint64> whole(const QJsonObject& o, const QString& key, const QString& what, qint64 min, qint64 max,
                     std::optional<qint64> fallback = std::nullopt)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() && fallback)
        return *fallback;
    const qint64 n = v.toInteger(std::numeric_limits<qint64>::min());
    if (!v.isDouble() || n == std::numeric_limits<qint64>::min() || QJsonValue(n) != v)
        return ruleError(QStringLiteral("%1 must be a whole number").arg(what));
    if (n < min || n > max)
        return ruleError(QStringLiteral("%1 must be between %2 and %3").arg(what).arg(min).arg(max));
    return n;
}

Result<Money> yuanField(const QJsonObject& o, const QString& key, const QString& what, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() && !required)
        return Money();
    if (!v.isString())
        return ruleError(QStringLiteral("%1 must be a yuan string like \"12.50\"").arg(what));
    auto m = Money::parseYuan(v.toString());
    if (!m)
        return ruleError(QStringLiteral("%1: %2").arg(what, m.error().message));
    return m.value();
}

Result<DateWindow> parseWindow(const QJsonObject& o, const QString& what)
{
    DateWindow w;
    for (const auto& [key, target] :
         {std::pair{QStringLiteral("from"), &w.from}, std::pair{QStringLiteral("to"), &w.to}}) {
        if (!o.contains(key))
            continue;
        auto d = parseDate(o.value(key).toString());
        if (!d)
            return ruleError(QStringLiteral("%1 %2: %3").arg(what, key, d.error().message));
        *target = d.value();
    }
    if (w.from.isValid() && w.to.isValid() && w.from > w.to)
        return ruleError(QStringLiteral("%1 ends before it starts").arg(what));
    for (const auto& dv : o.value(QStringLiteral("dates")).toArray()) {
        auto d = parseDate(dv.toString());
        if (!d)
            return ruleError(QStringLiteral("%1 dates: %2").arg(what, d.error().message));
        w.dates.append(d.value());
    }
    for (const auto& wv : o.value(QStringLiteral("weekdays")).toArray()) {
        const int day = wv.toInt();
        if (day < 1 || day > 7)
            return ruleError(QStringLiteral("%1 weekdays are 1 (Monday) to 7 (Sunday)").arg(what));
        w.weekdays.append(day);
    }
    return w;
}

Result<Product> parseProduct(const QJsonObject& o, const QStringList& categories)
{
    Product p;
    static const QRegularExpression skuForm(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    p.sku = o.value(QStringLiteral("sku")).toString();
    if (!skuForm.match(p.sku).hasMatch())
        return ruleError(QStringLiteral("product sku \"%1\" must be 1-32 letters, digits, _ or -").arg(p.sku));
    auto name = normalizeName(o.value(QStringLiteral("name")).toString(), QStringLiteral("name of product ") + p.sku);
    if (!name)
        return ruleError(name.error().message);
    p.name = name.value();
    auto price = yuanField(o, QStringLiteral("price"), QStringLiteral("price of ") + p.sku, true);
    if (!price)
        return price.error();
    p.price = price.value();
    p.category = o.value(QStringLiteral("category")).toString();
    if (!categories.contains(p.category))
        return ruleError(QStringLiteral("product %1 has unknown category \"%2\"").arg(p.sku, p.category));
    p.eco = o.value(QStringLiteral("eco")).toBool(false);
    p.offsetEligible = o.value(QStringLiteral("offset_eligible")).toBool(true);
    p.customService = o.value(QStringLiteral("custom_service")).toBool(false);
    return p;
}

Result<Promotion> parsePromotion(const QJsonObject& o, const QStringList& categories)
{
    Promotion p;
    auto code = normalizeCode(o.value(QStringLiteral("code")).toString(), QStringLiteral("promotion code"));
    if (!code)
        return ruleError(code.error().message);
    p.code = code.value();
    p.name = o.value(QStringLiteral("name")).toString(p.code);
    auto pct =
        whole(o, QStringLiteral("multiplier_percent"), p.code + QStringLiteral(" multiplier_percent"), 100, 1000, 100);
    if (!pct)
        return pct.error();
    p.multiplierPercent = static_cast<int>(pct.value());
    auto minBill = yuanField(o, QStringLiteral("min_bill"), p.code + QStringLiteral(" min_bill"), false);
    if (!minBill)
        return minBill.error();
    p.minBill = minBill.value();
    for (const auto& c : o.value(QStringLiteral("categories")).toArray()) {
        if (!categories.contains(c.toString()))
            return ruleError(QStringLiteral("promotion %1 names unknown category \"%2\"").arg(p.code, c.toString()));
        p.categories.append(c.toString());
    }
    auto window = parseWindow(o, QStringLiteral("promotion ") + p.code);
    if (!window)
        return window.error();
    p.window = window.value();
    for (const auto& r : o.value(QStringLiteral("unlocks_rewards")).toArray())
        p.unlocksRewards.append(r.toString());
    if (p.multiplierPercent == 100 && p.unlocksRewards.isEmpty())
        return ruleError(QStringLiteral("promotion %1 neither multiplies points nor unlocks a reward").arg(p.code));
    return p;
}

Result<Survey> parseSurvey(const QJsonObject& o, const GreenRules& green)
{
    Survey s;
    auto code = normalizeCode(o.value(QStringLiteral("code")).toString(), QStringLiteral("survey code"));
    if (!code)
        return ruleError(code.error().message);
    s.code = code.value();
    s.title = o.value(QStringLiteral("title")).toString(s.code);
    s.greenAction = o.value(QStringLiteral("green_action")).toString();
    if (!s.greenAction.isEmpty() && !green.actionPoints.contains(s.greenAction))
        return ruleError(QStringLiteral("survey %1 grants unknown green action \"%2\"").arg(s.code, s.greenAction));
    for (const auto& qv : o.value(QStringLiteral("questions")).toArray()) {
        const QJsonObject q = qv.toObject();
        SurveyQuestion question;
        auto id = normalizeCode(q.value(QStringLiteral("id")).toString(), QStringLiteral("question id"));
        if (!id)
            return ruleError(id.error().message);
        question.id = id.value();
        question.text = q.value(QStringLiteral("text")).toString();
        for (const auto& opt : q.value(QStringLiteral("options")).toArray())
            question.options.append(opt.toString());
        s.questions.append(question);
    }
    if (s.questions.isEmpty())
        return ruleError(QStringLiteral("survey %1 has no questions").arg(s.code));
    return s;
}

} // namespace

bool DateWindow::contains(QDate day) const
{
    if (from.isValid() && day < from)
        return false;
    if (to.isValid() && day > to)
        return false;
    if (!dates.isEmpty() && !dates.contains(day))
        return false;
    if (!weekdays.isEmpty() && !weekdays.contains(day.dayOfWeek()))
        return false;
    return true;
}

const Product* ProgramRules::product(const QString& sku) const
{
    for (const Product& p : products) {
        if (p.sku == sku)
            return &p;
    }
    return nullptr;
}

const Charity* ProgramRules::charity(const QString& code) const
{
    for (const Charity& c : charities) {
        if (c.code == code)
            return &c;
    }
    return nullptr;
}

const Survey* ProgramRules::survey(const QString& code) const
{
    for (const Survey& s : surveys) {
        if (s.code == code)
            return &s;
    }
    return nullptr;
}

const Promotion* ProgramRules::bestMultiplier(QDate day, const QString& category, Money bill) const
{
    const Promotion* best = nullptr;
    for (const Promotion& p : promotions) {
        if (p.multiplierPercent <= 100 || !p.window.contains(day) || bill < p.minBill)
            continue;
        if (!p.categories.isEmpty() && !p.categories.contains(category))
            continue;
        if (!best || p.multiplierPercent > best->multiplierPercent)
            best = &p;
    }
    return best;
}

bool ProgramRules::festivalActive(const QString& promotionCode, QDate day) const
{
    for (const Promotion& p : promotions) {
        if (p.code == promotionCode && p.window.contains(day))
            return true;
    }
    return false;
}

Result<ProgramRules> parseProgramRules(const QJsonObject& root, const QStringList& tierCodes,
                                       const QStringList& categoryCodes)
{
    ProgramRules r;
    for (const auto& pv : root.value(QStringLiteral("products")).toArray()) {
        auto p = parseProduct(pv.toObject(), categoryCodes);
        if (!p)
            return p.error();
        if (r.product(p->sku))
            return ruleError(QStringLiteral("product %1 is listed twice").arg(p->sku));
        r.products.append(p.value());
    }
    for (const auto& pv : root.value(QStringLiteral("promotions")).toArray()) {
        auto p = parsePromotion(pv.toObject(), categoryCodes);
        if (!p)
            return p.error();
        for (const QString& reward : p->unlocksRewards)
            r.rewardFestival.insert(reward, p->code);
        r.promotions.append(p.value());
    }
    const QJsonObject benefits = root.value(QStringLiteral("tier_benefits")).toObject();
    for (auto it = benefits.begin(); it != benefits.end(); ++it) {
        if (!tierCodes.contains(it.key()))
            return ruleError(QStringLiteral("tier_benefits names unknown tier \"%1\"").arg(it.key()));
        const QJsonObject b = it.value().toObject();
        auto pct = whole(b, QStringLiteral("custom_discount_percent"),
                         it.key() + QStringLiteral(" custom_discount_percent"), 0, 50, 0);
        if (!pct)
            return pct.error();
        r.tierBenefits.insert(
            it.key(), TierBenefit{static_cast<int>(pct.value()), b.value(QStringLiteral("named_advisor")).toBool()});
    }
    const QJsonObject green = root.value(QStringLiteral("green")).toObject();
    const QJsonObject actions = green.value(QStringLiteral("actions")).toObject();
    for (auto it = actions.begin(); it != actions.end(); ++it) {
        auto code = normalizeCode(it.key(), QStringLiteral("green action"));
        if (!code)
            return ruleError(code.error().message);
        auto pts = whole(actions, it.key(), QStringLiteral("green action ") + it.key(), 1, 100000);
        if (!pts)
            return pts.error();
        r.green.actionPoints.insert(code.value(), pts.value());
    }
    auto cap = whole(green, QStringLiteral("monthly_cap"), QStringLiteral("green.monthly_cap"), 0, 10000000, 0);
    if (!cap)
        return cap.error();
    r.green.monthlyCap = cap.value();
    auto ecoRate = whole(green, QStringLiteral("eco_item_rate"), QStringLiteral("green.eco_item_rate"), 0, 100, 1);
    if (!ecoRate)
        return ecoRate.error();
    r.green.ecoItemRate = ecoRate.value();

    const QJsonObject households = root.value(QStringLiteral("households")).toObject();
    auto maxMembers =
        whole(households, QStringLiteral("max_members"), QStringLiteral("households.max_members"), 2, 20, 5);
    if (!maxMembers)
        return maxMembers.error();
    r.households.maxMembers = static_cast<int>(maxMembers.value());
    auto limit = whole(households, QStringLiteral("monthly_transfer_limit"),
                       QStringLiteral("households.monthly_transfer_limit"), 0, Points::maxInput, 5000);
    if (!limit)
        return limit.error();
    r.households.monthlyTransferLimit = limit.value();

    for (const auto& cv : root.value(QStringLiteral("charities")).toArray()) {
        const QJsonObject c = cv.toObject();
        auto code = normalizeCode(c.value(QStringLiteral("code")).toString(), QStringLiteral("charity code"));
        if (!code)
            return ruleError(code.error().message);
        auto match =
            whole(c, QStringLiteral("match_percent"), code.value() + QStringLiteral(" match_percent"), 0, 100, 0);
        if (!match)
            return match.error();
        r.charities.append(Charity{code.value(), c.value(QStringLiteral("name")).toString(code.value()),
                                   static_cast<int>(match.value())});
    }
    for (const auto& sv : root.value(QStringLiteral("surveys")).toArray()) {
        auto s = parseSurvey(sv.toObject(), r.green);
        if (!s)
            return s.error();
        r.surveys.append(s.value());
    }
    auto allowance =
        whole(root.value(QStringLiteral("budget")).toObject(), QStringLiteral("initial_terminal_allowance"),
              QStringLiteral("budget.initial_terminal_allowance"), 0, 1000000000000LL, 0);
    if (!allowance)
        return allowance.error();
    r.budget.initialTerminalAllowance = allowance.value();
    return r;
}

} // namespace jifen
