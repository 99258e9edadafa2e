#include "error.h"

namespace jifen {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadInput:
        return QStringLiteral("bad_input");
    case ErrorCode::Refused:
        return QStringLiteral("refused");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::Storage:
        return QStringLiteral("storage");
    case ErrorCode::Network:
        return QStringLiteral("network");
    }
    return QStringLiteral("unknown");
}

} // namespace jifen
