#pragma once

#include "error.h"
#include "money.h"
#include "program_rules.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace jifen {

enum class RewardKind { Voucher, Service, Goods, Partner };

// A yearly window ("07-01" .. "08-31", inclusive) with its own price.
struct SeasonalPrice {
    int fromMonth = 1, fromDay = 1, toMonth = 12, toDay = 31;
    Points points;
    QString name;
    bool contains(QDate date) const;
};

struct Reward {
    QString code;
    QString name;
    RewardKind kind = RewardKind::Goods;
    Points points;
    bool greenOnly = false;
    bool requiresManager = false;
    std::optional<qint64> stock; // initial stock; absent: not stocked (services, vouchers)
    QString partner;
    QList<SeasonalPrice> seasonal;
    QStringList tags; // e.g. "pet": used to pick a statement's warm line

    Points priceOn(QDate date) const;
    bool issuesVoucherCode() const { return kind == RewardKind::Partner; }
};

struct CategoryRule {
    QString code;
    QString name;
    qint64 rate = 1; // points per whole yuan paid
    int validityMonths = 36;
};

struct Tier {
    QString code;
    QString name;
    Points minPoints12m;
};

// A versioned, validated rule set. Loading refuses anything that would break a compliance line
// (for example a negative rate, or points bought back as cash), so a bad file changes nothing.
class RuleSet {
public:
    static Result<RuleSet> fromJson(const QByteArray& json);
    static const QByteArray& builtinDefaultJson();

    int version() const { return m_version; }
    const QString& name() const { return m_name; }
    const QByteArray& json() const { return m_json; }
    // SHA-256 (hex) of the canonical JSON: two sets with the same version are the same set only
    // when their hashes agree (HQ and the terminals compare both).
    const QString& contentHash() const { return m_contentHash; }

    // Unknown categories are refused rather than silently earning at a default rate.
    Result<CategoryRule> category(const QString& code) const;
    const QMap<QString, CategoryRule>& categories() const { return m_categories; }
    qint64 offsetPointsPerYuan() const { return m_offsetPointsPerYuan; }
    Points managerApprovalAbove() const { return m_managerApprovalAbove; }
    // What one member may redeem per business day at an enrolled terminal that cannot reach HQ.
    Points offlineDailyLimit() const { return m_offlineDailyLimit; }
    int expiringSoonDays() const { return m_expiringSoonDays; }
    const QList<Tier>& tiers() const { return m_tiers; }
    const Tier& tierFor(Points earned12m) const;
    const QList<Reward>& catalog() const { return m_catalog; }
    const Reward* reward(const QString& code) const;
    // Products, promotions, tier benefits, green points, households, charities, surveys, budget.
    const ProgramRules& program() const { return m_program; }

private:
    int m_version = 0;
    QString m_name;
    QByteArray m_json;
    QString m_contentHash;
    QMap<QString, CategoryRule> m_categories;
    qint64 m_offsetPointsPerYuan = 100;
    Points m_managerApprovalAbove{10000};
    Points m_offlineDailyLimit{5000};
    int m_expiringSoonDays = 90;
    QList<Tier> m_tiers;
    QList<Reward> m_catalog;
    ProgramRules m_program;
};

QString rewardKindName(RewardKind kind);

} // namespace jifen
