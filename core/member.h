#pragma once

#include "money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace jifen {

// The version of the privacy terms a member agrees to at enrolment (ui/enrol_dialog.cpp shows
// them). It must change whenever that text changes: each recorded consent names the version agreed
// to, and a consent to other terms than the member saw proves nothing.
inline const QString kPrivacyTermsVersion = QStringLiteral("1");
// The longest terms version HQ accepts in a member record.
constexpr qsizetype kMaxPrivacyTermsLength = 16;

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
    // The privacy-terms version the member agreed to, and when (UTC). Kept so the program can show
    // a member's consent (PIPL); empty and invalid: none recorded (members enrolled before it was).
    QString consentTerms;
    QDateTime consentAt;
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
    bool consented = false; // agreed to the privacy terms of kPrivacyTermsVersion, now
};

} // namespace jifen
