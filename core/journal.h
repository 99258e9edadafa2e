#pragma once

#include "error.h"
#include "money.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace jifen {

enum class EntryKind { Earn, Redeem, Offset, Reverse, Expire, Adjust, TransferOut, TransferIn, Donate, GreenGrant };

QString entryKindName(EntryKind kind);
std::optional<EntryKind> entryKindFromName(const QString& name);

// A lot is named by the entry that granted it: (terminal, seq) is unique across the program, so
// HQ and other terminals can refer to the same lot.
struct LotRef {
    QString terminalId;
    qint64 seq = 0;
    QString toString() const { return terminalId + QLatin1Char(':') + QString::number(seq); }
    bool operator==(const LotRef&) const = default;
};

// One change to one lot: negative when an entry consumes it, positive when it creates or
// restores it. Every lot's remaining points equal the sum of its moves.
struct LotMove {
    LotRef lot;
    Points points;
    bool operator==(const LotMove&) const = default;
};

struct JournalEntry {
    qint64 seq = 0;
    QString entryId;
    QString terminalId;
    EntryKind kind = EntryKind::Earn;
    QString memberUid;  // empty for a sale without a member
    Points points;      // signed change of the member's balance
    Points greenPoints; // the part of `points` that changed green lots
    QString ref;
    qint64 reversesSeq = 0; // 0: reverses nothing
    int rulesetVersion = 0;
    QDateTime terminalTime;
    QJsonObject detail; // what the entry was computed from (amounts, reward, expiry)
    QList<LotMove> lots;
    QString prevHash;
    QString hash;

    // The stable byte form the hash chain covers; field order and formats never change.
    QByteArray canonical() const;
    QString computeHash() const; // hex SHA-256 over prevHash and canonical()
    // The same, from the stored text forms of the instant, detail and lots already computed
    // (formatInstant(terminalTime), detailText(), lotMovesToText(lots)): HQ hashes and stores
    // them without serialising twice.
    QByteArray canonical(const QString& time, const QString& detailJson, const QString& lotsText) const;
    QString computeHash(const QString& time, const QString& detailJson, const QString& lotsText) const;
    QString detailText() const; // compact JSON, keys sorted
    QJsonObject toJson() const;
    // The inverse of toJson(), for entries arriving over the wire: refuses anything malformed.
    static Result<JournalEntry> fromJson(const QJsonObject& o);
};

QString lotMovesToText(const QList<LotMove>& moves);
std::optional<QList<LotMove>> lotMovesFromText(const QString& text);

inline const QString& genesisHash()
{
    static const QString zeros(64, QLatin1Char('0'));
    return zeros;
}

} // namespace jifen
