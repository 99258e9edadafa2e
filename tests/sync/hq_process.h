#pragma once

// Runs the real jifen-hq server on 127.0.0.1 (port 0) for integration tests, on SQLite or, when
// JIFEN_TEST_PG names a PostgreSQL database, on PostgreSQL.

#include <sys/prctl.h>

#include <csignal>

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

namespace jifen::test {

inline QString binDir()
{
    const QString env = qEnvironmentVariable("JIFEN_BIN_DIR");
    return env.isEmpty() ? QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../bin")) : env;
}

// The backends a data-driven test runs on: always SQLite; PostgreSQL when JIFEN_TEST_PG is set
// (scripts/test.sh starts a throwaway cluster and sets it, e.g. "postgresql:///?host=/tmp/pg").
inline QStringList backends()
{
    QStringList out{QStringLiteral("sqlite")};
    if (!qEnvironmentVariableIsEmpty("JIFEN_TEST_PG"))
        out.append(QStringLiteral("postgresql"));
    return out;
}

inline void addBackendRows(const char* name)
{
    QTest::addColumn<QString>("backend");
    QTest::newRow(QByteArray(name).append(" on sqlite").constData()) << QStringLiteral("sqlite");
    if (!qEnvironmentVariableIsEmpty("JIFEN_TEST_PG"))
        QTest::newRow(QByteArray(name).append(" on postgresql").constData()) << QStringLiteral("postgresql");
}

// A fresh PostgreSQL database for one test, dropped by its destructor.
class PgDatabase {
public:
    PgDatabase()
    {
        const QUrl base(qEnvironmentVariable("JIFEN_TEST_PG"));
        m_name = QStringLiteral("jifen_test_%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
        if (adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_name))) {
            QUrl url = base;
            url.setPath(QLatin1Char('/') + m_name);
            m_spec = url.toString();
        }
    }
    ~PgDatabase()
    {
        if (!m_spec.isEmpty())
            adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
    }
    const QString& spec() const { return m_spec; }

private:
    bool adminExec(const QString& sql)
    {
        const QUrl base(qEnvironmentVariable("JIFEN_TEST_PG"));
        const QString connection = QStringLiteral("pg-admin-") + m_name;
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            const QString host = QUrlQuery(base).queryItemValue(QStringLiteral("host"));
            db.setHostName(host.isEmpty() ? base.host() : host);
            if (base.port() > 0)
                db.setPort(base.port());
            db.setUserName(base.userName());
            db.setDatabaseName(QStringLiteral("postgres"));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    qWarning() << "postgres:" << q.lastError().text();
            } else {
                qWarning() << "postgres:" << db.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return ok;
    }
    QString m_name;
    QString m_spec;
};

class HqProcess {
public:
    // `dbSpec` empty: a fresh SQLite file in `dir`.
    HqProcess(const QString& dir, const QString& dbSpec)
        : m_db(dbSpec.isEmpty() ? QDir(dir).filePath(QStringLiteral("hq.db")) : dbSpec)
    {}
    ~HqProcess() { stop(); }

    const QString& db() const { return m_db; }
    QString url() const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
            .arg(m_port);
    }

    // Serve HTTPS with this PEM certificate and key (jifen-hq serve --tls-cert/--tls-key).
    void setTls(const QString& certificate, const QString& key)
    {
        m_tlsArgs = {QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"), key};
        m_tls = true;
    }

    // The environment of the server and of admin commands: JIFEN_CLOCK moves HQ's time.
    void setClock(const QString& instant) { m_clock = instant; }

    bool start()
    {
        m_process.setProcessEnvironment(environment());
        m_process.setProgram(QDir(binDir()).filePath(QStringLiteral("jifen-hq")));
        m_process.setArguments(
            QStringList{QStringLiteral("--db"), m_db, QStringLiteral("serve"), QStringLiteral("--listen"),
                        m_port ? QStringLiteral("127.0.0.1:%1").arg(m_port) : QStringLiteral("127.0.0.1:0")} +
            m_tlsArgs);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        // If the test process dies, the server must not outlive it.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        QByteArray seen;
        while (m_process.waitForReadyRead(15000)) {
            seen += m_process.readAllStandardOutput();
            const auto m = listening.match(QString::fromUtf8(seen));
            if (m.hasMatch()) {
                m_port = m.captured(1).toUShort();
                return true;
            }
        }
        qWarning() << "jifen-hq did not start:" << seen << m_process.readAllStandardError();
        return false;
    }
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                kill();
        }
    }

    // Runs an admin command against the same database; returns stdout, sets the exit code.
    // `input` goes to its stdin (jifen-hq operator add reads the password there).
    QByteArray admin(const QStringList& args, int* exitCode = nullptr, const QByteArray& input = {}) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QDir(binDir()).filePath(QStringLiteral("jifen-hq")),
                QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--json")} + args);
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        if (exitCode)
            *exitCode = p.exitCode();
        return p.readAllStandardOutput();
    }

private:
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!m_clock.isEmpty())
            env.insert(QStringLiteral("JIFEN_CLOCK"), m_clock);
        return env;
    }

    QString m_clock;
    QString m_db;
    QStringList m_tlsArgs;
    bool m_tls = false;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace jifen::test
