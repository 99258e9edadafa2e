#include "member.h"

namespace jifen {

QString memberKindName(MemberKind kind)
{
    switch (kind) {
    case MemberKind::Person:
        return QStringLiteral("person");
    case MemberKind::Enterprise:
        return QStringLiteral("enterprise");
    case MemberKind::Institution:
        return QStringLiteral("institution");
    }
    return {};
}

std::optional<MemberKind> memberKindFromName(const QString& name)
{
    for (MemberKind k : {MemberKind::Person, MemberKind::Enterprise, MemberKind::Institution}) {
        if (memberKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

} // namespace jifen
