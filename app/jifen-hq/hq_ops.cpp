#include "hq_ops.h"

#include "backup.h"
#include "cli_args.h"
#include "logging.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

namespace jifen::hq {

namespace {

const QString kDbKey = QStringLiteral("JIFEN_HQ_DB");
const QString kListenKey = QStringLiteral("JIFEN_HQ_LISTEN");

Result<QMap<QString, QString>> readConfig(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error::notFound(QStringLiteral("cannot read the configuration %1: %2").arg(path, file.errorString()));
    QMap<QString, QString> settings;
    static const QRegularExpression assignment(QStringLiteral("^([A-Z_][A-Z0-9_]*)=(.*)$"));
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QRegularExpressionMatch m = assignment.match(line);
        if (!m.hasMatch())
            return Error::badInput(QStringLiteral("%1 line %2: expected KEY=VALUE").arg(path).arg(number));
        const QString key = m.captured(1);
        if (key != kDbKey && key != kListenKey)
            return Error::badInput(QStringLiteral("%1 line %2: unknown setting %3 (known: %4, %5)")
                                       .arg(path)
                                       .arg(number)
                                       .arg(key, kDbKey, kListenKey));
        QString value = m.captured(2).trimmed();
        if (value.size() >= 2 && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))) &&
            value.endsWith(value.front()))
            value = value.mid(1, value.size() - 2);
        settings.insert(key, value);
    }
    return settings;
}

// Prints like main.cpp's commands: one JSON object with --json, else text; errors one line.
int finish(bool json, const Result<QJsonObject>& result, const QStringList& text)
{
    QTextStream out(stdout);
    if (!result) {
        const Error& e = result.error();
        QTextStream(stderr) << "jifen-hq: " << e.message << '\n';
        if (json)
            out << QString::fromUtf8(
                       QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                                  QJsonObject{{QStringLiteral("code"), errorCodeName(e.code)},
                                                              {QStringLiteral("exit_code"), static_cast<int>(e.code)},
                                                              {QStringLiteral("message"), e.message}}}})
                           .toJson(QJsonDocument::Compact))
                << '\n';
        return static_cast<int>(e.code);
    }
    if (json)
        out << QString::fromUtf8(QJsonDocument(result.value()).toJson(QJsonDocument::Compact)) << '\n';
    else
        for (const QString& line : text)
            out << line << '\n';
    return 0;
}

bool isPostgres(const QString& spec)
{
    return spec.startsWith(QStringLiteral("postgresql://")) || spec.startsWith(QStringLiteral("postgres://"));
}

} // namespace

Result<QStringList> prepareArguments(QStringList arguments)
{
    const bool verbose = arguments.removeAll(QStringLiteral("--verbose")) > 0;
    // A server's info lines (one per request) are what an operator reads in the journal.
    installLogging({QStringLiteral("jifen-hq"), verbose, QtInfoMsg, false});

    qCDebug(lcCli).noquote() << "jifen-hq" << arguments.join(QLatin1Char(' '));
    const qsizetype at = arguments.indexOf(QStringLiteral("--config"));
    if (at < 0)
        return arguments;
    if (at + 1 >= arguments.size())
        return Error::badInput(QStringLiteral("--config needs a file"));
    const QString path = arguments.at(at + 1);
    arguments.remove(at, 2);
    auto settings = readConfig(path);
    if (!settings)
        return settings.error();
    qCDebug(lcCli) << "configuration" << path << "sets" << settings->keys();
    if (settings->contains(kDbKey) && !arguments.contains(QStringLiteral("--db")))
        arguments << QStringLiteral("--db") << settings->value(kDbKey);
    const QStringList words = cli::commandWords(arguments);
    if (settings->contains(kListenKey) && words.value(0) == QStringLiteral("serve") &&
        !arguments.contains(QStringLiteral("--listen")))
        arguments << QStringLiteral("--listen") << settings->value(kListenKey);
    return arguments;
}

std::optional<int> runOpsCommand(const QString& command, const QStringList& flags, const QString& dbSpec, bool json)
{
    if (command != QStringLiteral("backup"))
        return std::nullopt;
    cli::FlagSpec spec;
    spec.values = {QStringLiteral("out")};
    spec.required = {QStringLiteral("out")};
    auto args = cli::parseFlags(flags, spec);
    if (!args)
        return finish(json, args.error(), {});
    if (isPostgres(dbSpec))
        return finish(json,
                      Error::refused(QStringLiteral("HQ runs on PostgreSQL: back it up with pg_dump (see "
                                                    "docs/operations.md, \"Backup\"); `backup` copies the embedded "
                                                    "SQLite database only")),
                      {});
    auto copy = backupSqlite(dbSpec, args->value(QStringLiteral("out")));
    if (!copy)
        return finish(json, copy.error(), {});
    const QJsonObject o{{QStringLiteral("out"), copy->out},
                        {QStringLiteral("source"), QFileInfo(dbSpec).absoluteFilePath()},
                        {QStringLiteral("bytes"), copy->info.bytes},
                        {QStringLiteral("schema_version"), copy->info.schemaVersion},
                        {QStringLiteral("integrity"), copy->info.integrity}};
    return finish(json, o,
                  {QStringLiteral("HQ database backed up to %1 (%2 bytes, schema %3, integrity %4)")
                       .arg(copy->out)
                       .arg(copy->info.bytes)
                       .arg(copy->info.schemaVersion)
                       .arg(copy->info.integrity)});
}

QString opsUsage()
{
    return QStringLiteral("  backup --out FILE                     copy the SQLite database online (PostgreSQL: "
                          "use pg_dump)\n"
                          "Global: --verbose (debug logs on stderr), --config FILE (JIFEN_HQ_DB=..., "
                          "JIFEN_HQ_LISTEN=...)\n");
}

} // namespace jifen::hq
