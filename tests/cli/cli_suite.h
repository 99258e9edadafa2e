#pragma once

// What tst_cli_contract and tst_cli_program share: the built `jifen` run on a data directory, with
// every run that prints a phone number in full noted; the error contract a failed run keeps; and
// what a user or a reader of the database can observe of a terminal.

#include "cli_harness.h"
#include "error.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QList>
#include <QProcess>
#include <QTest>

#include <utility>

namespace jifen::test {

class JifenCli {
public:
    // `phones`: numbers no run may print in full.
    explicit JifenCli(QStringList phones)
        : m_phones(std::move(phones))
    {}

    // The built binary: JIFEN_BIN_DIR (set by ctest), or ../../bin when run by hand from
    // build/tests/bin.
    bool locate()
    {
        QString binDir = qEnvironmentVariable("JIFEN_BIN_DIR");
        if (binDir.isEmpty())
            binDir = QDir(QCoreApplication::applicationDirPath()).filePath(u"../../bin"_s);
        m_bin = QDir(binDir).filePath(u"jifen"_s);
        return QFileInfo(m_bin).isExecutable();
    }
    const QString& bin() const { return m_bin; }

    // `jifen [--data-dir DIR] ARGS` in `env` (cliEnvironment() and what the suite changes).
    Run run(const QString& dataDir, const QStringList& args, const QProcessEnvironment& env)
    {
        QStringList all;
        if (!dataDir.isEmpty())
            all << u"--data-dir"_s << dataDir;
        all += args;
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(m_bin, all);
        const Run r = collect(p, u"jifen"_s);
        for (const QString& phone : m_phones) {
            if (r.out.contains(phone.toUtf8()) || r.err.contains(phone.toUtf8())) {
                m_leaks.append(
                    u"jifen %1 printed the full phone number:\n%2"_s.arg(all.join(QLatin1Char(' ')), r.describe()));
                break;
            }
        }
        return r;
    }

    // The runs that printed a phone number in full since the last call.
    QStringList takeLeaks() { return std::exchange(m_leaks, {}); }

private:
    QStringList m_phones;
    QString m_bin;
    QStringList m_leaks;
};

// The error contract: exit code `expected`, one line on stderr naming the problem (containing
// `needle` when given), nothing on stdout; with --json, exactly one line on stdout holding one
// error object whose code and exit_code agree with the exit status and whose message is the one
// on stderr.
inline void checkErrorContract(const Run& r, int expected, bool json, const QString& needle = QString())
{
    QCOMPARE(r.status, QProcess::NormalExit);
    QVERIFY2(r.exitCode == expected, qPrintable(r.describe()));
    const QStringList errLines = lines(r.err);
    QVERIFY2(errLines.size() == 1, qPrintable(u"stderr must be one line\n"_s + r.describe()));
    QVERIFY2(errLines.first().size() > u"jifen: "_s.size() + 5, qPrintable(r.describe()));
    if (!needle.isEmpty())
        QVERIFY2(errLines.first().contains(needle, Qt::CaseInsensitive),
                 qPrintable(u"the message must name the rule (\"%1\")\n"_s.arg(needle) + r.describe()));
    if (!json) {
        QVERIFY2(r.out.isEmpty(), qPrintable(u"stdout must be empty on error\n"_s + r.describe()));
        return;
    }
    QVERIFY2(lines(r.out).size() == 1, qPrintable(r.describe()));
    QString problem;
    const QJsonObject o = parseObject(r.out, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(o.keys(), QStringList{u"error"_s});
    const QJsonObject e = o.value(u"error"_s).toObject();
    QVERIFY2(e.value(u"code"_s).isString(), qPrintable(r.describe()));
    QVERIFY2(e.value(u"message"_s).isString(), qPrintable(r.describe()));
    QVERIFY(!e.value(u"message"_s).toString().isEmpty());
    QCOMPARE(e.value(u"code"_s).toString(), jifen::errorCodeName(static_cast<jifen::ErrorCode>(expected)));
    QCOMPARE(e.value(u"exit_code"_s).toInt(-1), expected);
    // The message on stdout is the one on stderr.
    QVERIFY2(errLines.first().contains(e.value(u"message"_s).toString()), qPrintable(r.describe()));
}

// Runs each of `steps` on the terminal in `dir` through `jifen` (a suite's runner). False, with the
// run in the log, at the first that does not exit 0.
template <typename Jifen> bool runSteps(const QString& dir, const QList<QStringList>& steps, Jifen&& jifen)
{
    for (const QStringList& s : steps) {
        const Run r = jifen(dir, s);
        if (r.exitCode != 0 || r.status != QProcess::NormalExit) {
            qWarning().noquote() << "step failed:" << s.join(QLatin1Char(' ')) << r.describe();
            return false;
        }
    }
    return true;
}

// Everything a user or a reader of the database can observe of the terminal in `dir`: its files,
// what each of `commands` prints (run by `jifen`, a suite's runner), and every table.
template <typename Jifen> QString observe(const QString& dir, const QList<QStringList>& commands, Jifen&& jifen)
{
    QString s;
    QStringList files = QDir(dir).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    files.removeIf([](const QString& f) { return f.endsWith(u"-wal"_s) || f.endsWith(u"-shm"_s); });
    s += u"files: "_s + files.join(QLatin1Char(' ')) + QLatin1Char('\n');
    if (!QFileInfo::exists(QDir(dir).filePath(u"jifen.db"_s)))
        return s;
    for (const QStringList& args : commands) {
        const Run r = jifen(dir, args);
        s += u"$ jifen %1 -> %2\n"_s.arg(args.join(QLatin1Char(' '))).arg(r.exitCode);
        s += QString::fromUtf8(r.out) + QString::fromUtf8(r.err);
    }
    s += dumpDatabase(QDir(dir).filePath(u"jifen.db"_s));
    return s;
}

} // namespace jifen::test
