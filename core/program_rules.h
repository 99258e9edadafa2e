#pragma once

#include "error.h"
#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace jifen {

// The parts of a rule set beyond earn rates and the catalog: the merchant's products,
// promotions, tier benefits, green points, households, charities, surveys and the budget.
// All amounts are integers: money in fen, multipliers and ratios in percent.

struct Product {
    QString sku; // barcode or shop code
    QString name;
    Money price;
    QString category;
    bool eco = false;           // eco-labelled: earns green points
    bool offsetEligible = true; // points may pay for it (积分抵扣)
    bool customService = false; // custom / made-to-order: top tiers get their discount
};

// A date window, inclusive, either by full dates or repeating yearly by month-day.
struct DateWindow {
    QDate from; // invalid: open
    QDate to;
    QList<QDate> dates;  // specific days (market days); empty: every day in the window
    QList<int> weekdays; // 1 = Monday .. 7; empty: any weekday
    bool contains(QDate day) const;
};

struct Promotion {
    QString code;
    QString name;
    int multiplierPercent = 100; // 200 = double points; 100 = none
    Money minBill;               // the bill must reach this (after offset) for the multiplier
    QStringList categories;      // empty: every category
    DateWindow window;
    QStringList unlocksRewards; // festival gift boxes redeemable only while it runs
};

struct TierBenefit {
    int customDiscountPercent = 0; // off custom / made-to-order services
    bool namedAdvisor = false;
};

struct GreenRules {
    QMap<QString, qint64> actionPoints; // survey, training, share -> points per action
    qint64 monthlyCap = 0;              // green points a member may get from actions in a month
    qint64 ecoItemRate = 1;             // green points per whole yuan paid for eco items
};

struct HouseholdRules {
    int maxMembers = 5;
    qint64 monthlyTransferLimit = 5000; // points a member may send out per month
};

struct Charity {
    QString code;
    QString name;
    int matchPercent = 0; // the program pledges this share of each donation
};

struct SurveyQuestion {
    QString id;
    QString text;
    QStringList options; // empty: free text
};

struct Survey {
    QString code;
    QString title;
    QList<SurveyQuestion> questions;
    QString greenAction; // answering grants this green action, if set
};

struct BudgetRules {
    qint64 initialTerminalAllowance = 0; // granted to a new terminal until HQ assigns one
};

struct ProgramRules {
    QList<Product> products;
    QList<Promotion> promotions;
    QMap<QString, TierBenefit> tierBenefits; // by tier code
    GreenRules green;
    HouseholdRules households;
    QList<Charity> charities;
    QList<Survey> surveys;
    BudgetRules budget;
    QMap<QString, QString> rewardFestival; // reward code -> promotion code that unlocks it

    const Product* product(const QString& sku) const;
    const Charity* charity(const QString& code) const;
    const Survey* survey(const QString& code) const;
    // The best applicable multiplier for a bill in this category on this day (never stacked).
    const Promotion* bestMultiplier(QDate day, const QString& category, Money bill) const;
    bool festivalActive(const QString& promotionCode, QDate day) const;
};

// Whole points earned on a paid amount at `rate` points per yuan times a promotion's
// multiplier (percent: 100 = none). Terminals and HQ's re-computation use this one formula.
inline Points pointsEarned(Money paid, qint64 rate, int percent)
{
    return Points(mulDiv(paid.fen(), rate * percent, 10000));
}

Result<ProgramRules> parseProgramRules(const QJsonObject& root, const QStringList& tierCodes,
                                       const QStringList& categoryCodes);

} // namespace jifen
