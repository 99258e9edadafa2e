#pragma once

// jifen-hq's operations side, kept out of main.cpp: logging (--verbose), the configuration file
// (--config), and the backup command.

#include "error.h"

#include <QStringList>

#include <optional>

namespace jifen::hq {

// Consumes --verbose and --config FILE from `arguments` and installs logging. The file's settings
// (KEY=VALUE lines, # comments; JIFEN_HQ_DB, JIFEN_HQ_LISTEN) become --db and serve's --listen
// where the command line gives none, so the service and an operator's admin commands share one
// file. An unreadable file is not found (4); an unknown key or malformed line is bad input (2).
Result<QStringList> prepareArguments(QStringList arguments);

// Runs an operations command (`backup --out FILE`); std::nullopt when `command` is not one.
std::optional<int> runOpsCommand(const QString& command, const QStringList& flags, const QString& dbSpec, bool json);

// The usage lines these commands add to `jifen-hq --help`.
QString opsUsage();

} // namespace jifen::hq
