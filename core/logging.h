#pragma once

#include <QLoggingCategory>
#include <QString>

// Jifen's logging categories. Every log line goes to stderr through installLogging()'s handler,
// which masks any mainland mobile number it finds: a phone number never reaches a log unmasked,
// whatever a caller passed in. Under systemd (JOURNAL_STREAM naming stderr) stderr is the journal
// and each line carries its syslog priority ("<6>") so `journalctl -p` filters work.
Q_DECLARE_LOGGING_CATEGORY(lcCore) // jifen.core: storage, migrations, quarantine
Q_DECLARE_LOGGING_CATEGORY(lcSync) // jifen.sync: the terminal's sync client
Q_DECLARE_LOGGING_CATEGORY(lcHq)   // jifen.hq: HQ's server and database
Q_DECLARE_LOGGING_CATEGORY(lcCli)  // jifen.cli: command dispatch in jifen and jifen-hq
Q_DECLARE_LOGGING_CATEGORY(lcOps)  // jifen.ops: backup, restore, export

namespace jifen {

struct LogOptions {
    QString program;                 // "jifen", "jifen-hq": the prefix of each line off the journal
    bool verbose = false;            // --verbose: jifen.* down to debug
    QtMsgType threshold = QtInfoMsg; // without --verbose: the lowest jifen.* level shown
    bool quietQt = false;            // drop Qt's own (non-jifen) messages below critical unless verbose
};

// Installs the filter rules and the stderr handler. QT_LOGGING_RULES still overrides the rules.
void installLogging(const LogOptions& options);

// True when stderr is the stream systemd connected to the journal (JOURNAL_STREAM names its
// device and inode, and they match stderr's).
bool loggingToJournal();

// Replaces every mainland mobile number (11 digits 1[3-9]..., optionally +86/86 before it) in
// `text` with its masked form (138****8000).
QString maskPhonesInText(const QString& text);

// One formatted log line, without the trailing newline: what the handler writes.
QString formatLogLine(QtMsgType type, const char* category, const QString& message, const QString& program,
                      bool journal);

} // namespace jifen
