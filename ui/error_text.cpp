#include "error_text.h"

#include <QCoreApplication>

namespace jifen {

QString nextStep(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadInput:
        return QCoreApplication::translate("jifen::ErrorText", "Correct the entry and try again.");
    case ErrorCode::Refused:
        return QCoreApplication::translate("jifen::ErrorText",
                                           "Nothing was recorded; ask the manager if it should be allowed.");
    case ErrorCode::NotFound:
        return QCoreApplication::translate("jifen::ErrorText", "Check the number, or scan again.");
    case ErrorCode::Storage:
        return QCoreApplication::translate("jifen::ErrorText",
                                           "Nothing was recorded. Try once more; if it fails again, call the manager "
                                           "(the terminal's storage may be full or damaged).");
    case ErrorCode::Network:
        return QCoreApplication::translate("jifen::ErrorText",
                                           "Check the network cable or Wi-Fi; the terminal keeps working offline and "
                                           "syncs by itself.");
    }
    return QString();
}

QString withNextStep(const QString& what, ErrorCode code)
{
    const QString step = nextStep(code);
    return step.isEmpty() ? what : what + QLatin1Char(' ') + step;
}

} // namespace jifen
