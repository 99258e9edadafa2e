#pragma once

#include "error.h"

#include <QString>

namespace jifen {

// Mainland mobile numbers: 11 digits, "1" then 3-9 then nine digits. Spaces, dashes and a
// leading +86 are tolerated on input and removed.
Result<QString> normalizePhone(const QString& input);

// "13800138000" -> "138****8000". The only form a phone number takes in logs and output.
QString maskPhone(const QString& phone);

// Member card numbers as printed on the card's barcode: 4-32 letters, digits or dashes.
Result<QString> normalizeCard(const QString& input);

// A free-text name (member, operator, store): 1-64 characters, no control characters.
Result<QString> normalizeName(const QString& input, const QString& what);

// A client reference (--ref): 1-64 of [A-Za-z0-9._:-]. It makes a retried write harmless.
Result<QString> normalizeRef(const QString& input);

// Codes of stores, terminals, categories, rewards: 1-32 of [A-Za-z0-9_-].
Result<QString> normalizeCode(const QString& input, const QString& what);

} // namespace jifen
