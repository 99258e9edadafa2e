#pragma once

// Helpers for the CLI suites that run the real binaries: a finished run, JSON and line parsing,
// and a dump of every table of a database (to prove a failed command changed nothing).

#include <QByteArray>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QStringList>

namespace jifen::test {

using namespace Qt::StringLiterals;

struct Run {
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
    QString describe() const
    {
        return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(exitCode).arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

// The environment a CLI run gets: nothing inherited that would change where it writes or what it
// logs, and "now" fixed.
inline QProcessEnvironment cliEnvironment(const QString& now)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"JIFEN_DATA_DIR"_s);
    env.remove(u"JOURNAL_STREAM"_s);
    env.remove(u"QT_LOGGING_RULES"_s);
    env.insert(u"JIFEN_CLOCK"_s, now);
    return env;
}

// Waits for a started run and collects what it did; one that does not end in two minutes is
// killed and reported as not run.
inline Run collect(QProcess& p, const QString& program)
{
    Run r;
    if (!p.waitForStarted(30000) || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = "could not run " + program.toUtf8();
        return r;
    }
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

inline QStringList lines(const QByteArray& text)
{
    QStringList out;
    for (const QString& l : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
        if (!l.isEmpty())
            out.append(l);
    }
    return out;
}

inline QJsonObject parseObject(const QByteArray& text, QString* problem)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.trimmed(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *problem = u"not one JSON object: %1 (%2)"_s.arg(QString::fromUtf8(text), pe.errorString());
        return {};
    }
    return doc.object();
}

// Every table, every row, in a stable order: the database as a reader sees it.
inline QString dumpDatabase(const QString& path)
{
    if (!QFileInfo::exists(path))
        return u"<no database>"_s;
    static int serial = 0;
    const QString connection = u"cli-harness-dump-%1"_s.arg(++serial);
    QString out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (!db.open())
            return u"<cannot open>"_s;
        QSqlQuery tables(db);
        tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
        QStringList names;
        while (tables.next())
            names.append(tables.value(0).toString());
        for (const QString& t : names) {
            QSqlQuery q(db);
            q.exec(u"SELECT * FROM \"%1\""_s.arg(t));
            const int columns = q.record().count();
            QStringList order;
            for (int i = 1; i <= columns; ++i)
                order.append(QString::number(i));
            q.exec(u"SELECT * FROM \"%1\" ORDER BY %2"_s.arg(t, order.join(u", "_s)));
            out += u"== "_s + t + QLatin1Char('\n');
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < columns; ++i)
                    row.append(q.value(i).isNull() ? u"NULL"_s : q.value(i).toString());
                out += row.join(QLatin1Char('|')) + QLatin1Char('\n');
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return out;
}

} // namespace jifen::test
