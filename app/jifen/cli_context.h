#pragma once

#include "cli_args.h"
#include "clock.h"
#include "ledger.h"
#include "store.h"

#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace jifen::cli {

// Everything a command needs: where the data lives, how to print, and the ledger, opened on
// first use. Commands print through it so --json and exit codes stay uniform.
class Context {
public:
    Context(GlobalOptions options, std::unique_ptr<Clock> clock);
    ~Context();

    bool json() const { return m_options.json; }
    const QString& dataDir() const { return m_dataDir; }
    QString databasePath() const;
    const Clock& clock() const { return *m_clock; }

    // Opens the terminal's database; `create` only for init.
    Result<Ledger*> ledger(bool create = false);

    // Success: with --json the object, else the text lines. Returns exit code 0.
    int done(const QJsonObject& json, const QStringList& text);
    // Failure: one clear line on stderr (and the error object on stdout with --json).
    int fail(const Error& error);
    void printLine(const QString& line); // plain stdout line (journal lines)

private:
    GlobalOptions m_options;
    QString m_dataDir;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Ledger> m_ledger;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace jifen::cli
