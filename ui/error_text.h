#pragma once

#include "error.h"

#include <QString>

#include <algorithm>
#include <limits>

namespace jifen {

// What the person at the counter can do about an error from core, by its code, in their
// language: the screens show "<translated prefix>: <core's message>. <next step>".
QString nextStep(ErrorCode code);
// `what` is the translated prefix with core's message already in it.
QString withNextStep(const QString& what, ErrorCode code);

// The count that picks a plural form in tr("… %n point(s) …", nullptr, n): points are qint64,
// tr() takes an int.
inline int countOf(qint64 n)
{
    return static_cast<int>(std::clamp<qint64>(n, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

} // namespace jifen
