#pragma once

#include <QDate>

namespace jifen {

// A lot earned in month M stays valid through the last day of month M + validityMonths and is
// expired from the first day of the month after. Returns that last valid day.
QDate lotValidThrough(QDate earnedOn, int validityMonths);

// True when a lot valid through `validThrough` is expired on business date `asOf`.
inline bool isExpired(QDate validThrough, QDate asOf)
{
    return asOf > validThrough;
}

} // namespace jifen
