#pragma once

#include "money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace jifen {

enum class MemberKind { Person, Enterprise, Institution };
QString memberKindName(MemberKind kind);
std::optional<MemberKind> memberKindFromName(const QString& name);

struct Member {
    qint64 id = 0; // local row id
    QString uid;   // program-wide member id
    QString phone; // full number: never print it, use maskPhone()
    QString card;
    QString name;
    MemberKind kind = MemberKind::Person;
    QDateTime createdAt;
};

struct ExpiringPoints {
    Points points;
    QDate validThrough; // last day the points can be spent
};

struct MemberSummary {
    Member member;
    Points balance;      // all spendable points (ordinary + green); negative while in debt
    Points greenBalance; // the green part of balance
    QString tierCode;
    QString tierName;
    Points earned12m;
    QList<ExpiringPoints> expiringSoon;
};

struct NewMember {
    QString phone; // raw input; normalised by the ledger
    QString card;
    QString name;
    QString kind = QStringLiteral("person");
};

} // namespace jifen
