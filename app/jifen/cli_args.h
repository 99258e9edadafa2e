#pragma once

#include "clock.h"
#include "error.h"

#include <memory>

#include <QMap>
#include <QString>
#include <QStringList>

namespace jifen::cli {

// What one subcommand accepts. Flags are spelled --name; a value flag takes the next argument
// (or --name=value), so "--amount -5" reaches the amount parser and gets its clear message.
struct FlagSpec {
    QStringList values;      // flags that take a value
    QStringList switches;    // flags without a value
    QStringList required;    // value flags that must be present
    QStringList repeatable;  // value flags that may repeat
    QString positional = {}; // a value flag that one bare argument may give instead ("rules load FILE")
};

struct ParsedArgs {
    QMap<QString, QStringList> values;
    QStringList switches;

    bool has(const QString& flag) const { return values.contains(flag) || switches.contains(flag); }
    QString value(const QString& flag) const { return values.value(flag).value(0); }
    QStringList all(const QString& flag) const { return values.value(flag); }
};

// Global options accepted anywhere on the line: --data-dir DIR, --json, --help, --version, --verbose.
struct GlobalOptions {
    QString dataDir;
    bool json = false;
    bool help = false;
    bool version = false;
    bool verbose = false; // log jifen.* categories down to debug on stderr
    QStringList rest;     // command words and their flags, in order
};

Result<GlobalOptions> extractGlobals(const QStringList& arguments);

// Splits the leading command words ("member", "add") from the flags that follow.
QStringList commandWords(const QStringList& rest);

Result<ParsedArgs> parseFlags(const QStringList& tokens, const FlagSpec& spec);

// JIFEN_CLOCK fixes "now" for tests and drills (both executables); otherwise the system clock.
Result<std::unique_ptr<Clock>> clockFromEnvironment();

} // namespace jifen::cli
