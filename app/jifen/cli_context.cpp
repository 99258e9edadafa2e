#include "cli_context.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

namespace jifen::cli {

Context::Context(GlobalOptions options, std::unique_ptr<Clock> clock)
    : m_options(std::move(options))
    , m_clock(std::move(clock))
    , m_out(stdout)
    , m_err(stderr)
{
    m_dataDir = m_options.dataDir;
    if (m_dataDir.isEmpty())
        m_dataDir = qEnvironmentVariable("JIFEN_DATA_DIR");
    if (m_dataDir.isEmpty())
        m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Context::~Context()
{
    m_ledger.reset();
    m_store.reset();
}

QString Context::databasePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("jifen.db"));
}

Result<Ledger*> Context::ledger(bool create)
{
    if (m_ledger)
        return m_ledger.get();
    const QString path = databasePath();
    if (!create && !QFileInfo::exists(path))
        return Error::notFound(
            QStringLiteral("no terminal data in %1; run `jifen init --store S --terminal T` first").arg(m_dataDir));
    if (create && !QDir().mkpath(m_dataDir))
        return Error::storage(QStringLiteral("cannot create the data directory %1").arg(m_dataDir));
    auto store = Store::open(path);
    if (!store)
        return store.error();
    m_store = std::move(store.value());
    // The ledger was rebuilt from a damaged file just now: say so once, on stderr, whatever the
    // command (its output on stdout stays what scripts expect).
    if (const auto& recovery = m_store->recovery()) {
        m_err << "jifen: warning: " << recovery->summary() << '\n';
        m_err.flush();
    }
    m_ledger = std::make_unique<Ledger>(*m_store, *m_clock);
    return m_ledger.get();
}

int Context::done(const QJsonObject& json, const QStringList& text)
{
    if (m_options.json) {
        m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) << '\n';
    } else {
        for (const QString& line : text)
            m_out << line << '\n';
    }
    m_out.flush();
    return 0;
}

int Context::fail(const Error& error)
{
    m_err << "jifen: " << error.message << '\n';
    m_err.flush();
    if (m_options.json) {
        const QJsonObject o{
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), errorCodeName(error.code)},
                                                  {QStringLiteral("exit_code"), static_cast<int>(error.code)},
                                                  {QStringLiteral("message"), error.message}}}};
        m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
        m_out.flush();
    }
    return static_cast<int>(error.code);
}

void Context::printLine(const QString& line)
{
    m_out << line << '\n';
}

} // namespace jifen::cli
