#pragma once

#include <QList>
#include <QStringList>

namespace jifen {

// The schema as numbered steps. Step N takes a database from version N-1 to N; each step runs in
// one transaction together with its version bump, so a crash never re-runs a finished step.
// Never edit a released step: add a new one.
const QList<QStringList>& migrationSteps();

} // namespace jifen
