#include "expiry.h"

namespace jifen {

QDate lotValidThrough(QDate earnedOn, int validityMonths)
{
    const QDate firstOfTarget = QDate(earnedOn.year(), earnedOn.month(), 1).addMonths(validityMonths);
    return firstOfTarget.addDays(firstOfTarget.daysInMonth() - 1);
}

} // namespace jifen
