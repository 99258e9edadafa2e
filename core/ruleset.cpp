#include "ruleset.h"

#include "identity.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace jifen {

namespace {

Error ruleError(const QString& message)
{
    return Error::badInput(QCoreApplication::translate("jifen::RuleSet", "rule set refused: %1").arg(message));
}

// A well-formed rule set that would break a compliance line is refused, not merely bad input.
Error complianceError(int rule, const QString& message)
{
    return Error::refused(QCoreApplication::translate("jifen::RuleSet", "rule set refused by compliance rule %1: %2")
                              .arg(rule)
                              .arg(message));
}

// Integers only: a JSON number with a fraction (or out of range) is an error, never rounded.
Result<qint64> wholeNumber(const QJsonValue& v, const QString& what, qint64 min, qint64 max)
{
    if (!v.isDouble())
        return ruleError(QStringLiteral("%1 must be a whole number").arg(what));
    const QVariant var = v.toVariant();
    bool ok = false;
    const qint64 n = var.toLongLong(&ok);
    if (!ok || QJsonValue(static_cast<qint64>(n)) != v)
        return ruleError(QStringLiteral("%1 must be a whole number").arg(what));
    if (n < min || n > max)
        return ruleError(QStringLiteral("%1 must be between %2 and %3").arg(what).arg(min).arg(max));
    return n;
}

// The path of the first key anywhere in the document that would give points a financial
// attribute (interest, yield, dividends), or empty.
QString financialAttribute(const QJsonValue& v, const QString& path = QString())
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key().toLower();
            QString here = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
            for (const char* word : {"interest", "yield", "dividend", "apr"}) {
                if (key == QLatin1String(word) || key.startsWith(QLatin1String(word) + QLatin1Char('_')))
                    return here;
            }
            QString inner = financialAttribute(it.value(), here);
            if (!inner.isEmpty())
                return inner;
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            QString inner = financialAttribute(a.at(i), QStringLiteral("%1[%2]").arg(path).arg(i));
            if (!inner.isEmpty())
                return inner;
        }
    }
    return {};
}

Result<SeasonalPrice> parseSeason(const QJsonObject& o, const QString& reward)
{
    static const QRegularExpression md(QStringLiteral("^([0-9]{2})-([0-9]{2})$"));
    SeasonalPrice s;
    const auto from = md.match(o.value(QStringLiteral("from")).toString());
    const auto to = md.match(o.value(QStringLiteral("to")).toString());
    if (!from.hasMatch() || !to.hasMatch())
        return ruleError(QStringLiteral("seasonal price of %1 needs \"from\" and \"to\" as MM-DD").arg(reward));
    s.fromMonth = from.captured(1).toInt();
    s.fromDay = from.captured(2).toInt();
    s.toMonth = to.captured(1).toInt();
    s.toDay = to.captured(2).toInt();
    // 2024 is a leap year, so 02-29 is a valid window edge.
    if (!QDate(2024, s.fromMonth, s.fromDay).isValid() || !QDate(2024, s.toMonth, s.toDay).isValid())
        return ruleError(QStringLiteral("seasonal price of %1 has an impossible date").arg(reward));
    auto pts = wholeNumber(o.value(QStringLiteral("points")), reward + QStringLiteral(" seasonal points"), 1,
                           Points::maxInput);
    if (!pts)
        return pts.error();
    s.points = Points(pts.value());
    s.name = o.value(QStringLiteral("name")).toString();
    return s;
}

Result<Reward> parseReward(const QJsonObject& o)
{
    Reward r;
    auto code = normalizeCode(o.value(QStringLiteral("code")).toString(), QStringLiteral("reward code"));
    if (!code)
        return ruleError(code.error().message);
    r.code = code.value();
    auto name = normalizeName(o.value(QStringLiteral("name")).toString(), QStringLiteral("name of ") + r.code);
    if (!name)
        return ruleError(name.error().message);
    r.name = name.value();
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (kind == QStringLiteral("voucher"))
        r.kind = RewardKind::Voucher;
    else if (kind == QStringLiteral("service"))
        r.kind = RewardKind::Service;
    else if (kind == QStringLiteral("goods"))
        r.kind = RewardKind::Goods;
    else if (kind == QStringLiteral("partner"))
        r.kind = RewardKind::Partner;
    else if (kind == QStringLiteral("cash"))
        return complianceError(3, QStringLiteral("reward %1 would turn points into cash (no cash-out)").arg(r.code));
    else
        return ruleError(QStringLiteral("reward %1 has unknown kind \"%2\"").arg(r.code, kind));
    if (o.contains(QStringLiteral("cash_value")) || o.value(QStringLiteral("cash_equivalent")).toBool())
        return complianceError(3, QStringLiteral("reward %1 is a cash equivalent (no cash-out)").arg(r.code));
    auto pts = wholeNumber(o.value(QStringLiteral("points")), r.code + QStringLiteral(" points"), 1, Points::maxInput);
    if (!pts)
        return pts.error();
    r.points = Points(pts.value());
    r.greenOnly = o.value(QStringLiteral("green_only")).toBool(false);
    r.requiresManager = o.value(QStringLiteral("requires_manager")).toBool(false);
    r.partner = o.value(QStringLiteral("partner")).toString();
    for (const auto& t : o.value(QStringLiteral("tags")).toArray())
        r.tags.append(t.toString());
    if (o.contains(QStringLiteral("stock"))) {
        auto stock = wholeNumber(o.value(QStringLiteral("stock")), r.code + QStringLiteral(" stock"), 0, 100000000);
        if (!stock)
            return stock.error();
        r.stock = stock.value();
    }
    for (const auto& sv : o.value(QStringLiteral("seasonal_prices")).toArray()) {
        auto season = parseSeason(sv.toObject(), r.code);
        if (!season)
            return season.error();
        r.seasonal.append(season.value());
    }
    return r;
}

} // namespace

bool SeasonalPrice::contains(QDate date) const
{
    const int md = date.month() * 100 + date.day();
    const int from = fromMonth * 100 + fromDay;
    const int to = toMonth * 100 + toDay;
    if (from <= to)
        return md >= from && md <= to;
    return md >= from || md <= to; // a window across new year, e.g. 12-20 .. 02-10
}

Points Reward::priceOn(QDate date) const
{
    for (const SeasonalPrice& s : seasonal) {
        if (s.contains(date))
            return s.points;
    }
    return points;
}

QString rewardKindName(RewardKind kind)
{
    switch (kind) {
    case RewardKind::Voucher:
        return QStringLiteral("voucher");
    case RewardKind::Service:
        return QStringLiteral("service");
    case RewardKind::Goods:
        return QStringLiteral("goods");
    case RewardKind::Partner:
        return QStringLiteral("partner");
    }
    return {};
}

const QByteArray& RuleSet::builtinDefaultJson()
{
    static const QByteArray json = [] {
        QFile f(QStringLiteral(":/jifen/rules/default.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("the built-in rule set is missing from the resources");
        return f.readAll();
    }();
    return json;
}

Result<RuleSet> RuleSet::fromJson(const QByteArray& json)
{
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (doc.isNull())
        return ruleError(QStringLiteral("not valid JSON (%1 at offset %2)").arg(perr.errorString()).arg(perr.offset));
    if (!doc.isObject())
        return ruleError(QStringLiteral("the top level must be an object"));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toInt() != 1)
        return ruleError(QStringLiteral("unsupported \"format\" (this build reads format 1)"));
    if (const QString where = financialAttribute(root); !where.isEmpty())
        return complianceError(5,
                               QStringLiteral("points carry no interest or other financial attribute (%1)").arg(where));

    RuleSet rs;
    auto version = wholeNumber(root.value(QStringLiteral("version")), QStringLiteral("version"), 1, 1000000000);
    if (!version)
        return version.error();
    rs.m_version = static_cast<int>(version.value());
    rs.m_name = root.value(QStringLiteral("name")).toString();
    rs.m_json = QJsonDocument(root).toJson(QJsonDocument::Compact);
    rs.m_contentHash = QString::fromLatin1(QCryptographicHash::hash(rs.m_json, QCryptographicHash::Sha256).toHex());

    const QJsonObject earn = root.value(QStringLiteral("earn")).toObject();
    auto defaultRate =
        wholeNumber(earn.value(QStringLiteral("default_rate")), QStringLiteral("earn.default_rate"), 0, 100);
    if (!defaultRate)
        return defaultRate.error();
    auto defaultValidity = wholeNumber(earn.value(QStringLiteral("default_validity_months")),
                                       QStringLiteral("earn.default_validity_months"), 1, 120);
    if (!defaultValidity)
        return defaultValidity.error();
    const QJsonObject cats = earn.value(QStringLiteral("categories")).toObject();
    if (cats.isEmpty())
        return ruleError(QStringLiteral("earn.categories must name at least one merchant category"));
    for (auto it = cats.begin(); it != cats.end(); ++it) {
        auto code = normalizeCode(it.key(), QStringLiteral("category code"));
        if (!code)
            return ruleError(code.error().message);
        const QJsonObject c = it.value().toObject();
        CategoryRule rule;
        rule.code = code.value();
        rule.name = c.value(QStringLiteral("name")).toString(rule.code);
        rule.rate = defaultRate.value();
        rule.validityMonths = static_cast<int>(defaultValidity.value());
        if (c.contains(QStringLiteral("rate"))) {
            auto rate = wholeNumber(c.value(QStringLiteral("rate")), rule.code + QStringLiteral(" rate"), 0, 100);
            if (!rate)
                return rate.error();
            rule.rate = rate.value();
        }
        if (c.contains(QStringLiteral("validity_months"))) {
            auto months = wholeNumber(c.value(QStringLiteral("validity_months")),
                                      rule.code + QStringLiteral(" validity_months"), 1, 120);
            if (!months)
                return months.error();
            rule.validityMonths = static_cast<int>(months.value());
        }
        rs.m_categories.insert(rule.code, rule);
    }

    // An offset rate below 100 points per yuan would make a point worth more than a fen's face
    // value, which the program treats as a cash equivalent.
    auto ppy = wholeNumber(root.value(QStringLiteral("offset")).toObject().value(QStringLiteral("points_per_yuan")),
                           QStringLiteral("offset.points_per_yuan"), 1, 100000);
    if (!ppy)
        return ppy.error();
    if (ppy.value() < 100)
        return complianceError(
            3, QStringLiteral("offset.points_per_yuan %1 is above face value (no cash-out)").arg(ppy.value()));
    rs.m_offsetPointsPerYuan = ppy.value();

    auto approval = wholeNumber(
        root.value(QStringLiteral("redemption")).toObject().value(QStringLiteral("manager_approval_above_points")),
        QStringLiteral("redemption.manager_approval_above_points"), 0, Points::maxInput);
    if (!approval)
        return approval.error();
    rs.m_managerApprovalAbove = Points(approval.value());
    const QJsonObject redemption = root.value(QStringLiteral("redemption")).toObject();
    if (redemption.contains(QStringLiteral("offline_daily_limit_points"))) {
        auto limit = wholeNumber(redemption.value(QStringLiteral("offline_daily_limit_points")),
                                 QStringLiteral("redemption.offline_daily_limit_points"), 0, Points::maxInput);
        if (!limit)
            return limit.error();
        rs.m_offlineDailyLimit = Points(limit.value());
    }

    if (root.contains(QStringLiteral("expiring_soon_days"))) {
        auto days =
            wholeNumber(root.value(QStringLiteral("expiring_soon_days")), QStringLiteral("expiring_soon_days"), 1, 366);
        if (!days)
            return days.error();
        rs.m_expiringSoonDays = static_cast<int>(days.value());
    }

    for (const auto& tv : root.value(QStringLiteral("tiers")).toArray()) {
        const QJsonObject t = tv.toObject();
        auto code = normalizeCode(t.value(QStringLiteral("code")).toString(), QStringLiteral("tier code"));
        if (!code)
            return ruleError(code.error().message);
        auto min = wholeNumber(t.value(QStringLiteral("min_points_12m")),
                               code.value() + QStringLiteral(" min_points_12m"), 0, Points::maxInput);
        if (!min)
            return min.error();
        if (!rs.m_tiers.isEmpty() && min.value() <= rs.m_tiers.last().minPoints12m.value())
            return ruleError(QStringLiteral("tiers must be listed with increasing min_points_12m"));
        rs.m_tiers.append(
            Tier{code.value(), t.value(QStringLiteral("name")).toString(code.value()), Points(min.value())});
    }
    if (rs.m_tiers.isEmpty() || rs.m_tiers.first().minPoints12m.value() != 0)
        return ruleError(QStringLiteral("tiers must start with a tier at min_points_12m 0"));

    QMap<QString, bool> seen;
    for (const auto& rv : root.value(QStringLiteral("catalog")).toArray()) {
        auto reward = parseReward(rv.toObject());
        if (!reward)
            return reward.error();
        if (seen.contains(reward->code))
            return ruleError(QStringLiteral("reward %1 is listed twice").arg(reward->code));
        seen.insert(reward->code, true);
        rs.m_catalog.append(reward.value());
    }
    QStringList tierCodes;
    for (const Tier& t : rs.m_tiers)
        tierCodes.append(t.code);
    auto program = parseProgramRules(root, tierCodes, rs.m_categories.keys());
    if (!program)
        return program.error();
    rs.m_program = program.value();
    for (auto it = rs.m_program.rewardFestival.cbegin(); it != rs.m_program.rewardFestival.cend(); ++it) {
        if (!rs.reward(it.key()))
            return ruleError(QStringLiteral("promotion %1 unlocks unknown reward %2").arg(it.value(), it.key()));
    }
    return rs;
}

Result<CategoryRule> RuleSet::category(const QString& code) const
{
    const auto it = m_categories.constFind(code);
    if (it == m_categories.cend())
        return Error::badInput(
            QCoreApplication::translate("jifen::RuleSet", "unknown merchant category \"%1\" (rule set %2 knows: %3)")
                .arg(code)
                .arg(m_version)
                .arg(m_categories.keys().join(QStringLiteral(", "))));
    return it.value();
}

const Tier& RuleSet::tierFor(Points earned12m) const
{
    const Tier* best = &m_tiers.first();
    for (const Tier& t : m_tiers) {
        if (earned12m >= t.minPoints12m)
            best = &t;
    }
    return *best;
}

const Reward* RuleSet::reward(const QString& code) const
{
    for (const Reward& r : m_catalog) {
        if (r.code == code)
            return &r;
    }
    return nullptr;
}

} // namespace jifen
