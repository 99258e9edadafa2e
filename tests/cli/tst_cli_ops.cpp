// Operations: --version and logging on both executables, backup and restore, export. Run against
// the real binaries; every run's stdout and stderr is checked for an unmasked phone number.

#include "cli_harness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace jifen::test;

namespace {

const QString kPhone = u"13800138000"_s;
const QString kPhone2 = u"13900139000"_s;
const QString kNow = u"2026-03-10T10:00:00+08:00"_s;

} // namespace

class CliOps : public QObject {
    Q_OBJECT

private:
    QString m_binDir;
    QStringList m_leaks;

    Run exec(const QString& program, const QStringList& args, const QMap<QString, QString>& extraEnv = {},
             const QString& stderrFile = QString())
    {
        QProcess p;
        if (!stderrFile.isEmpty())
            p.setStandardErrorFile(stderrFile);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"JIFEN_DATA_DIR"_s);
        env.remove(u"JOURNAL_STREAM"_s);
        env.remove(u"QT_LOGGING_RULES"_s);
        env.insert(u"JIFEN_CLOCK"_s, kNow);
        for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        p.setProcessEnvironment(env);
        p.start(QDir(m_binDir).filePath(program), args);
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
        if (!stderrFile.isEmpty()) {
            QFile f(stderrFile);
            if (f.open(QIODevice::ReadOnly))
                r.err = f.readAll();
        }
        for (const QString& phone : {kPhone, kPhone2}) {
            if (r.out.contains(phone.toUtf8()) || r.err.contains(phone.toUtf8()))
                m_leaks.append(u"%1 %2 printed a full phone number:\n%3"_s.arg(program, args.join(QLatin1Char(' ')),
                                                                               r.describe()));
        }
        return r;
    }

    Run jifen(const QString& dir, const QStringList& args, const QMap<QString, QString>& env = {},
              const QString& stderrFile = QString())
    {
        return exec(u"jifen"_s, QStringList{u"--data-dir"_s, dir} + args, env, stderrFile);
    }

    // A terminal with two members, sales, a redemption and a refund.
    bool setUpTerminal(const QString& dir)
    {
        const QList<QStringList> steps{
            {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s},
            {u"member"_s, u"add"_s, u"--phone"_s, kPhone, u"--name"_s, u"张三"_s},
            {u"member"_s, u"add"_s, u"--phone"_s, kPhone2, u"--card"_s, u"CARD-7"_s, u"--name"_s, u"=李四,\"x\""_s},
            {u"sale"_s, u"--ref"_s, u"s1"_s, u"--phone"_s, kPhone, u"--amount"_s, u"500"_s},
            {u"sale"_s, u"--ref"_s, u"s2"_s, u"--phone"_s, kPhone2, u"--amount"_s, u"120.50"_s},
            {u"refund"_s, u"--ref"_s, u"r1"_s, u"--of"_s, u"s2"_s, u"--amount"_s, u"20"_s},
        };
        for (const QStringList& s : steps) {
            const Run r = jifen(dir, s);
            if (r.exitCode != 0) {
                qWarning().noquote() << "set-up step failed:" << s.join(QLatin1Char(' ')) << r.describe();
                return false;
            }
        }
        return true;
    }

    QJsonObject json(const Run& r)
    {
        QString problem;
        const QJsonObject o = parseObject(r.out, &problem);
        if (!problem.isEmpty())
            qWarning().noquote() << problem;
        return o;
    }

private slots:
    void initTestCase()
    {
        m_binDir = qEnvironmentVariable("JIFEN_BIN_DIR");
        QVERIFY2(QFileInfo::exists(QDir(m_binDir).filePath(u"jifen"_s)), "set JIFEN_BIN_DIR to the built binaries");
        QVERIFY(QFileInfo::exists(QDir(m_binDir).filePath(u"jifen-hq"_s)));
    }

    void cleanupTestCase() { QVERIFY2(m_leaks.isEmpty(), qPrintable(m_leaks.join(u"\n\n"_s))); }

    void versionFromTheProject_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("jifen") << u"jifen"_s;
        QTest::newRow("jifen-hq") << u"jifen-hq"_s;
    }
    void versionFromTheProject()
    {
        QFETCH(QString, program);
        const Run r = exec(program, {u"--version"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QString::fromUtf8(r.out), program + u" "_s + QStringLiteral(JIFEN_EXPECTED_VERSION) + u"\n"_s);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    }

    // Without --verbose a successful command writes nothing on stderr; with it, the command and
    // storage are logged by category, phone numbers masked.
    void verboseLogsByCategory()
    {
        QTemporaryDir dir;
        QVERIFY(setUpTerminal(dir.path()));
        const QStringList show{u"member"_s, u"show"_s, u"--phone"_s, kPhone};
        const Run quiet = jifen(dir.path(), show);
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY2(quiet.err.isEmpty(), quiet.err.constData());

        const Run loud = jifen(dir.path(), QStringList{u"--verbose"_s} + show);
        QCOMPARE(loud.exitCode, 0);
        QCOMPARE(loud.out, quiet.out); // logging never touches stdout
        const QString err = QString::fromUtf8(loud.err);
        QVERIFY2(err.contains(u" jifen jifen.cli debug: jifen member show"_s), qPrintable(err));
        QVERIFY2(err.contains(u"--phone=138****8000"_s), qPrintable(err));
        QVERIFY2(err.contains(u" jifen jifen.core debug: opened "_s), qPrintable(err));

        // PINs are never logged, not even masked digits of them.
        const Run op = jifen(dir.path(), {u"--verbose"_s, u"operator"_s, u"add"_s, u"--name"_s, u"王经理"_s,
                                          u"--role"_s, u"manager"_s, u"--pin"_s, u"864209"_s});
        QCOMPARE(op.exitCode, 0);
        QVERIFY2(!op.err.contains("864209"), op.err.constData());
        QVERIFY2(op.err.contains("--pin=***"), op.err.constData());
    }

    // Under systemd stderr is the journal (JOURNAL_STREAM names its device and inode): lines carry
    // a syslog priority and info is on by default. A JOURNAL_STREAM inherited by a process whose
    // stderr goes elsewhere is ignored.
    void journalStreamLines_data()
    {
        QTest::addColumn<bool>("matching");
        QTest::newRow("stderr is the journal") << true;
        QTest::newRow("inherited, stderr redirected") << false;
    }
    void journalStreamLines()
    {
        QFETCH(bool, matching);
        QTemporaryDir dir;
        const QString errFile = dir.filePath(u"stderr.log"_s);
        QFile touch(errFile);
        QVERIFY(touch.open(QIODevice::WriteOnly));
        touch.close();
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(errFile).constData(), &st), 0);
        const QString stream = u"%1:%2"_s.arg(static_cast<qulonglong>(st.st_dev))
                                   .arg(static_cast<qulonglong>(st.st_ino) + (matching ? 0 : 1));
        const Run r = jifen(dir.filePath(u"data"_s), {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s},
                            {{u"JOURNAL_STREAM"_s, stream}}, errFile);
        QCOMPARE(r.exitCode, 0);
        if (!matching) {
            QVERIFY2(r.err.isEmpty(), r.err.constData());
            return;
        }
        const QStringList errLines = lines(r.err);
        QVERIFY2(!errLines.isEmpty(), "the migration of a new ledger is logged at info");
        for (const QString& l : errLines)
            QVERIFY2(l.startsWith(u"<6>jifen."_s) || l.startsWith(u"<4>jifen."_s), qPrintable(l));
        QVERIFY2(r.err.contains("<6>jifen.core: database"), r.err.constData());
    }

    // A failed command still prints exactly one line on stderr by default (the CLI contract).
    void failureStaysOneLine()
    {
        QTemporaryDir dir;
        QVERIFY(setUpTerminal(dir.path()));
        const Run r = jifen(dir.path(), {u"member"_s, u"show"_s, u"--phone"_s, u"13700137000"_s});
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(lines(r.err).size(), 1);
    }

    void hqVerboseMasksPhones()
    {
        QTemporaryDir dir;
        const Run r = exec(u"jifen-hq"_s, {u"--verbose"_s, u"--db"_s, dir.filePath(u"hq.db"_s), u"member"_s, u"show"_s,
                                           u"--phone"_s, kPhone});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains("jifen-hq jifen.cli debug: jifen-hq"), r.err.constData());
        QVERIFY2(r.err.contains("138****8000"), r.err.constData());
    }

    // --config FILE gives the database (and serve's listen address) to every command.
    void hqConfigFile_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("database from the file") << u"# HQ\nJIFEN_HQ_DB=@DIR@/from-config.db\n"_s << 0;
        QTest::newRow("quoted value") << u"JIFEN_HQ_DB=\"@DIR@/from-config.db\"\nJIFEN_HQ_LISTEN=127.0.0.1:0\n"_s << 0;
        QTest::newRow("unknown key") << u"JIFEN_HQ_DATABASE=@DIR@/x.db\n"_s << 2;
        QTest::newRow("not an assignment") << u"just words\n"_s << 2;
    }
    void hqConfigFile()
    {
        QFETCH(QString, content);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString conf = dir.filePath(u"hq.conf"_s);
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QString(content).replace(u"@DIR@"_s, dir.path()).toUtf8());
        f.close();
        const Run r = exec(u"jifen-hq"_s, {u"--config"_s, conf, u"--json"_s, u"terminal"_s, u"list"_s});
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(QFileInfo::exists(dir.filePath(u"from-config.db"_s)), exitCode == 0);
        if (exitCode != 0)
            QCOMPARE(json(r).value(u"error"_s).toObject().value(u"exit_code"_s).toInt(), exitCode);
        const Run missing = exec(u"jifen-hq"_s, {u"--config"_s, dir.filePath(u"nope.conf"_s), u"verify"_s});
        QCOMPARE(missing.exitCode, 4);
    }
};

QTEST_GUILESS_MAIN(CliOps)
#include "tst_cli_ops.moc"
