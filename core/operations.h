#pragma once

#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace jifen {

// Requests carry raw user input; the ledger validates every field and changes nothing when one
// is wrong. Results serialise to the JSON keys of the CLI contract, and a retried request gets
// back exactly the stored first result.

struct SaleRequest {
    QString ref;
    QString phone; // or card; both empty: a sale without a member
    QString card;
    QString amount;    // yuan, "123.45"; or items instead
    QStringList items; // "SKU:QTY[:PRICE]" from the rule set's product list
    QString category;  // empty: the terminal's merchant category (amount-only sales)
    qint64 offsetPoints = 0;
    QString cashier; // an operator's name, for the day report
    QString tender;  // cash | wechat | alipay | card: recorded only
};

struct SaleLine {
    QString sku;
    QString name;
    QString category;
    qint64 quantity = 1;
    Money unitPrice;
    Money discount; // tier discount on custom services
    Money total;    // after the discount
    Money offset;   // the part of this line paid with points
    bool eco = false;
    Points points; // what this line earned (green points when eco)
    QString promotion;
    QJsonObject toJson() const;
};

struct SaleResult {
    QString ref;
    QString memberUid;
    Money amount;
    Points offsetPoints;
    Money offsetAmount;
    Money paid;
    Points pointsEarned; // ordinary and green, granted now
    Points greenEarned;  // the green part
    Points deferred;     // earned beyond the terminal's allowance: recorded, released later
    Points balance;
    QString promotion; // the multiplier that applied (the highest; they never stack)
    QString tier;
    QList<SaleLine> lines;
    QJsonObject toJson() const;
    static SaleResult fromJson(const QJsonObject& o);
};

struct RedeemRequest {
    QString ref;
    QString phone;
    QString card;
    QString reward;
    qint64 quantity = 1;
    QString pin; // a manager's PIN, when the reward needs approval
    // HQ's reservation for this redemption (online). Empty at an enrolled terminal: decided
    // offline, within the offline limits.
    QString reservation;
};

// What a redemption would cost, and how much an enrolled terminal may redeem for the member
// without HQ today.
struct RedemptionQuote {
    QString memberUid;
    Points cost;
    bool enrolled = false;
    Points offlineRoom; // min(confirmed balance - unsynced spending, what is left of the daily limit)
    Points offlineDailyLimit;
};

struct RedeemResult {
    QString ref;
    QString reward;
    qint64 quantity = 1;
    Points pointsSpent;
    Points balance;
    QString voucherCode;
    QString approvedBy;
    QString authorisation; // "hq" (online), "offline" (within the limits) or "standalone" (not enrolled)
    QJsonObject toJson() const;
    static RedeemResult fromJson(const QJsonObject& o);
};

struct RefundRequest {
    QString ref;
    QString saleRef;
    QString amount; // empty: everything not yet refunded
};

struct RefundResult {
    QString ref;
    QString saleRef;
    Money amount;
    Points pointsReversed;
    Points offsetRestored;
    Points balance;
    bool fullyRefunded = false;
    QJsonObject toJson() const;
    static RefundResult fromJson(const QJsonObject& o);
};

struct ReturnRewardRequest {
    QString ref;
    QString redeemRef;
};

struct ReturnRewardResult {
    QString ref;
    QString redeemRef;
    Points pointsRestored;
    Points balance;
    QJsonObject toJson() const;
    static ReturnRewardResult fromJson(const QJsonObject& o);
};

struct ExpireResult {
    QDate asOf;
    Points pointsExpired;
    qint64 entries = 0;
    QJsonObject toJson() const;
};

struct VerifyReport {
    qint64 entries = 0;
    qint64 members = 0;
    qint64 lots = 0;
    QStringList problems;
    bool ok() const { return problems.isEmpty(); }
    QJsonObject toJson() const;
};

} // namespace jifen

namespace jifen {

// ---- The points program (households, transfers, donations, green points, surveys, budget) ----

struct AllowanceInfo {
    QString month; // YYYY-MM
    Points granted;
    Points used;
    Points deferredPending; // recorded, waiting for room
    Points remaining() const { return granted - used; }
    QJsonObject toJson() const;
};

struct ReleaseResult {
    Points released;
    qint64 entries = 0;
};

struct GreenRequest {
    QString ref;
    QString phone;
    QString card;
    QString action; // survey | training | share
    QString pin;
};

struct GrantResult {
    QString ref;
    QString action;
    Points points;   // granted now
    Points deferred; // beyond the terminal's allowance
    Points balance;
    Points greenBalance;
    QString approvedBy;
    QJsonObject toJson() const;
    static GrantResult fromJson(const QJsonObject& o);
};

struct AdjustRequest {
    QString ref;
    QString phone;
    QString card;
    qint64 points = 0; // signed
    QString reason;
    QString pin;
};

struct TransferRequest {
    QString ref;
    QString fromPhone;
    QString toPhone;
    qint64 points = 0;
    QString pin;
};

struct TransferResult {
    QString ref;
    Points points;
    Points fromBalance;
    Points toBalance;
    QString approvedBy;
    QJsonObject toJson() const;
    static TransferResult fromJson(const QJsonObject& o);
};

struct DonateRequest {
    QString ref;
    QString phone;
    QString card;
    QString charity;
    qint64 points = 0;
};

struct DonateResult {
    QString ref;
    QString charity;
    Points points;
    Points matchPoints; // the program's pledge
    Points balance;
    QJsonObject toJson() const;
    static DonateResult fromJson(const QJsonObject& o);
};

struct SurveyAnswerRequest {
    QString ref;
    QString phone;
    QString card;
    QString survey;
    QList<QPair<QString, QString>> answers; // question id -> answer
};

struct SurveyAnswerResult {
    QString ref;
    QString survey;
    qint64 answered = 0;
    Points greenPoints; // granted for answering, 0 when none or the monthly cap was reached
    QString note;
    QJsonObject toJson() const;
    static SurveyAnswerResult fromJson(const QJsonObject& o);
};

struct HouseholdInfo {
    QString householdId;
    QString headUid;
    QString headPhoneMasked;
    struct Member {
        QString uid;
        QString phoneMasked;
        QString name;
        Points balance;
        Points transferredOutThisMonth;
    };
    QList<Member> members;
    int maxMembers = 5;
    Points monthlyTransferLimit;
    QJsonObject toJson() const;
};

struct DayReport {
    QDate date;
    qint64 sales = 0;
    Money salesTotal;
    Points issued;      // ordinary points granted (earn, released)
    Points issuedGreen; // green points granted (eco goods, green actions)
    Points redeemed;
    Points offset;
    Points reversed;
    Points expired;
    Points deferred;
    Points donated;
    struct Cashier {
        QString name;
        qint64 sales = 0;
        Money total;
        Points points;
    };
    QList<Cashier> cashiers;
    // Points issued (ordinary and green) and redeemed in each hour of the day, China time; 24
    // entries, index = hour. For the manager's chart.
    struct Hour {
        Points issued;
        Points redeemed;
    };
    QList<Hour> hours;
    QJsonObject toJson() const;
};

struct CharityTotal {
    QString code;
    QString name;
    qint64 donations = 0;
    Points points;
    Points matchPoints;
};

} // namespace jifen
