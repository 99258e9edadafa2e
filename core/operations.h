#pragma once

#include "money.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace jifen {

// Requests carry raw user input; the ledger validates every field and changes nothing when one
// is wrong. Results serialise to the JSON keys of the CLI contract, and a retried request gets
// back exactly the stored first result.

struct SaleRequest {
    QString ref;
    QString phone; // or card; both empty: a sale without a member
    QString card;
    QString amount;   // yuan, "123.45"
    QString category; // empty: the terminal's merchant category
    qint64 offsetPoints = 0;
    QString operatorName;
};

struct SaleResult {
    QString ref;
    QString memberUid;
    Money amount;
    Points offsetPoints;
    Money offsetAmount;
    Money paid;
    Points pointsEarned;
    Points balance;
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
};

struct RedeemResult {
    QString ref;
    QString reward;
    qint64 quantity = 1;
    Points pointsSpent;
    Points balance;
    QString voucherCode;
    QString approvedBy;
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
