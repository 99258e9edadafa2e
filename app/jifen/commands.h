#pragma once

#include "cli_args.h"
#include "cli_context.h"

#include <functional>

namespace jifen::cli {

struct Command {
    QStringList words; // "member", "add"
    QString usage;     // the flags, for --help
    QString summary;
    FlagSpec flags;
    std::function<int(Context&, const ParsedArgs&)> run;
};

// Each file contributes its commands; main() dispatches over all of them.
QList<Command> terminalCommands(); // init, status, verify, journal, expire, rules, catalog, operator
QList<Command> memberCommands();   // member add|show|list
QList<Command> ledgerCommands();   // sale, redeem, refund, return-reward
QList<Command> syncCommands();     // enroll, sync
QList<Command> opsCommands();      // backup, restore
QList<Command> exportCommands();   // export journal|members|report
QList<Command> programCommands();  // household, transfer, donate, green, adjust, survey, statement, report,
                                   // allowance, rules load

// Reads a whole positive number flag (--qty, --offset-points, --after) with a clear message.
Result<qint64> wholeFlag(const ParsedArgs& args, const QString& flag, qint64 min, qint64 max, qint64 fallback);

} // namespace jifen::cli
