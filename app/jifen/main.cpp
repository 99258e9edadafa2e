#include "cli_context.h"
#include "commands.h"
#include "identity.h"
#include "logging.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <memory>

using namespace jifen;
using namespace jifen::cli;

namespace {

QList<Command> allCommands()
{
    QList<Command> all = terminalCommands();
    all.append(memberCommands());
    all.append(ledgerCommands());
    all.append(programCommands());
    all.append(syncCommands());
    all.append(opsCommands());
    all.append(exportCommands());
    return all;
}

// Only `statement --format pdf` lays out text, which needs Qt GUI (fonts); every other command
// runs on a QCoreApplication. Decided from the raw arguments, before the application exists.
bool needsGui(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    auto globals = extractGlobals(arguments);
    if (!globals || commandWords(globals->rest).value(0) != QStringLiteral("statement"))
        return false;
    const QStringList& rest = globals->rest;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest.at(i) == QStringLiteral("--format=pdf") ||
            (rest.at(i) == QStringLiteral("--format") && rest.value(i + 1) == QStringLiteral("pdf")))
            return true;
    }
    return false;
}

QString helpText(const QList<Command>& commands)
{
    QString text =
        QStringLiteral("jifen - the Jifen points terminal (command line)\n\n"
                       "usage: jifen [--data-dir DIR] [--json] COMMAND [OPTIONS]\n\n"
                       "Global options (anywhere on the line):\n"
                       "  --data-dir DIR   terminal data directory (default: $JIFEN_DATA_DIR or the app-data dir)\n"
                       "  --json           print one JSON object (journal: one per line)\n"
                       "  --verbose        log what happens (jifen.* categories, debug) on stderr\n"
                       "  --help, --version\n\n"
                       "Commands:\n");
    for (const Command& c : commands)
        text += QStringLiteral("  %1 %2\n      %3\n").arg(c.words.join(QLatin1Char(' ')), c.usage, c.summary);
    text += QStringLiteral("\nExit codes: 0 ok, 2 bad usage or input, 3 refused by a rule, 4 not found, 5 storage "
                           "failure, 6 network or sync failure.\n");
    return text;
}

// The flags of a command for the debug log: PINs never, phone numbers masked. A phone typed with
// spaces or dashes ("+86 138-0013-8000", which normalizePhone accepts) is masked here: the log
// handler only recognises a number written as one run of digits.
QString describeFlags(const ParsedArgs& args)
{
    QStringList parts;
    for (auto it = args.values.cbegin(); it != args.values.cend(); ++it) {
        const bool secret = it.key() == QStringLiteral("pin");
        for (const QString& v : it.value()) {
            const Result<QString> phone = normalizePhone(v);
            const QString shown = secret ? QStringLiteral("***") : phone ? maskPhone(phone.value()) : v;
            parts.append(QStringLiteral("--%1=%2").arg(it.key(), shown));
        }
    }
    for (const QString& sw : args.switches)
        parts.append(QStringLiteral("--") + sw);
    return parts.join(QLatin1Char(' '));
}

bool hasVerbose(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--verbose") == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    // stderr carries one error line per failed command, so by default only critical log lines join
    // it; under systemd (the sync timer) stderr is the journal and info lines are wanted. Qt GUI's
    // own chatter (no XDG_RUNTIME_DIR under cron, font fallbacks) is dropped unless --verbose or
    // JIFEN_DEBUG.
    installLogging(
        {QStringLiteral("jifen"), hasVerbose(argc, argv), loggingToJournal() ? QtInfoMsg : QtCriticalMsg, true});
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        // A terminal's cron job or a support shell has no display: render off screen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("jifen"));
    QCoreApplication::setOrganizationName(QStringLiteral("jifen"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JIFEN_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    QTextStream out(stdout);
    QTextStream err(stderr);

    auto globals = extractGlobals(arguments);
    auto clock = clockFromEnvironment();
    // A malformed line still honours --json, so scripts always get the error object.
    const bool json = globals.ok() ? globals->json : arguments.contains(QStringLiteral("--json"));
    if (!globals || !clock) {
        Context early(GlobalOptions{QString(), json, false, false, false, {}}, std::make_unique<SystemClock>());
        return early.fail(!globals ? globals.error() : clock.error());
    }
    const QList<Command> commands = allCommands();
    if (globals->version) {
        out << "jifen " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    const QStringList words = commandWords(globals->rest);
    if (globals->help || words.isEmpty()) {
        out << helpText(commands);
        return words.isEmpty() && !globals->help ? 2 : 0;
    }
    Context ctx(globals.value(), std::move(clock.value()));
    // The longest matching command wins ("member add" over "member").
    const Command* match = nullptr;
    for (const Command& c : commands) {
        if (words.mid(0, c.words.size()) == c.words && (!match || c.words.size() > match->words.size()))
            match = &c;
    }
    // A command with a positional argument ("rules load FILE") takes one more word.
    const auto extra = match ? words.size() - match->words.size() : 0;
    if (!match || extra > (match->flags.positional.isEmpty() ? 0 : 1)) {
        return ctx.fail(Error::badInput(
            QStringLiteral("unknown command \"%1\"; see `jifen --help`").arg(words.join(QLatin1Char(' ')))));
    }
    auto parsed = parseFlags(globals->rest.mid(match->words.size()), match->flags);
    if (!parsed)
        return ctx.fail(
            Error::badInput(QStringLiteral("%1 (usage: jifen %2 %3)")
                                .arg(parsed.error().message, match->words.join(QLatin1Char(' ')), match->usage)));
    qCDebug(lcCli).noquote() << "jifen" << words.join(QLatin1Char(' ')) << "in" << ctx.dataDir()
                             << describeFlags(parsed.value());
    const int code = match->run(ctx, parsed.value());
    qCDebug(lcCli).noquote() << "jifen" << words.join(QLatin1Char(' ')) << "exit" << code;
    return code;
}
