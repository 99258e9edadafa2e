#pragma once

#include "error.h"

#include <QString>

namespace jifen {

// What the person at the counter can do about an error from core, by its code, in their
// language: the screens show "<translated prefix>: <core's message>. <next step>".
QString nextStep(ErrorCode code);
// `what` is the translated prefix with core's message already in it.
QString withNextStep(const QString& what, ErrorCode code);

} // namespace jifen
