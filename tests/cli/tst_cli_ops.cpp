// Operations: --version and logging on both executables, backup and restore, export. Run against
// the real binaries; every run's stdout and stderr is checked for an unmasked phone number.

#include "cli_harness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSqlError>
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
        QProcessEnvironment env = cliEnvironment(kNow);
        for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
            env.insert(it.key(), it.value());
        p.setProcessEnvironment(env);
        p.start(QDir(m_binDir).filePath(program), args);
        Run r = collect(p, program);
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

    static bool execSql(const QString& path, const QString& sql, bool mustChangeRows = true)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"ops-test-sql"_s);
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql) && (!mustChangeRows || q.numRowsAffected() > 0);
                if (!ok)
                    qWarning().noquote() << sql << q.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(u"ops-test-sql"_s);
        return ok;
    }

    QJsonObject json(const Run& r)
    {
        QString problem;
        QJsonObject o = parseObject(r.out, &problem);
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

    // A backup restored into an empty data directory verifies and has the same balances and
    // journal as the original.
    void backupRestoreRoundTrip()
    {
        QTemporaryDir dir;
        const QString original = dir.filePath(u"original"_s);
        QVERIFY(setUpTerminal(original));
        const QString file = dir.filePath(u"backup.db"_s);
        const Run b = jifen(original, {u"--json"_s, u"backup"_s, u"--out"_s, file});
        QVERIFY2(b.exitCode == 0, qPrintable(b.describe()));
        const QJsonObject bo = json(b);
        for (const QString& k : {u"out"_s, u"bytes"_s, u"schema_version"_s, u"integrity"_s, u"last_seq"_s})
            QVERIFY2(bo.contains(k), qPrintable(k));
        QCOMPARE(bo.value(u"out"_s).toString(), QFileInfo(file).absoluteFilePath());
        QCOMPARE(bo.value(u"integrity"_s).toString(), u"ok"_s);
        QCOMPARE(bo.value(u"bytes"_s).toInteger(), QFileInfo(file).size());
        QVERIFY(bo.value(u"last_seq"_s).toInteger() >= 3);
        // A sale after the backup is not in it.
        QCOMPARE(
            jifen(original, {u"sale"_s, u"--ref"_s, u"s3"_s, u"--phone"_s, kPhone, u"--amount"_s, u"7"_s}).exitCode, 0);

        const QString restored = dir.filePath(u"restored"_s);
        const Run r = jifen(restored, {u"--json"_s, u"restore"_s, u"--from"_s, file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject ro = json(r);
        QCOMPARE(ro.value(u"terminal_id"_s).toString(), u"T1"_s);
        QCOMPARE(ro.value(u"last_seq"_s).toInteger(), bo.value(u"last_seq"_s).toInteger());
        QVERIFY(ro.value(u"replaced"_s).isNull());

        const Run v = jifen(restored, {u"--json"_s, u"verify"_s});
        QVERIFY2(v.exitCode == 0, qPrintable(v.describe()));
        QCOMPARE(json(v).value(u"ok"_s).toBool(), true);
        // Balances equal those of the original before the later sale: s3 took 7 points.
        const Run a = jifen(restored, {u"--json"_s, u"member"_s, u"show"_s, u"--phone"_s, kPhone});
        const Run o = jifen(original, {u"--json"_s, u"member"_s, u"show"_s, u"--phone"_s, kPhone});
        QCOMPARE(json(a).value(u"balance"_s).toInteger(), json(o).value(u"balance"_s).toInteger() - 7);
        const Run a2 = jifen(restored, {u"--json"_s, u"member"_s, u"show"_s, u"--card"_s, u"CARD-7"_s});
        const Run o2 = jifen(original, {u"--json"_s, u"member"_s, u"show"_s, u"--card"_s, u"CARD-7"_s});
        QCOMPARE(json(a2).value(u"balance"_s), json(o2).value(u"balance"_s));
        QCOMPARE(json(a2).value(u"green_balance"_s), json(o2).value(u"green_balance"_s));
        // The journal up to the backup is the same entries, hashes included.
        const QStringList restoredJournal = lines(jifen(restored, {u"journal"_s}).out);
        const QStringList originalJournal = lines(jifen(original, {u"journal"_s}).out);
        QCOMPARE(restoredJournal.size(), originalJournal.size() - 1);
        QCOMPARE(restoredJournal, originalJournal.mid(0, restoredJournal.size()));
        // And the restored terminal keeps working.
        QCOMPARE(
            jifen(restored, {u"sale"_s, u"--ref"_s, u"s9"_s, u"--phone"_s, kPhone, u"--amount"_s, u"1"_s}).exitCode, 0);
    }

    void backupRefusals_data()
    {
        QTest::addColumn<QString>("target"); // @DIR@ replaced by the temporary directory
        QTest::addColumn<bool>("initialised");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("existing file is never overwritten") << u"@DIR@/existing.db"_s << true << 3;
        QTest::newRow("missing directory") << u"@DIR@/no/such/dir/b.db"_s << true << 4;
        QTest::newRow("no ledger to back up") << u"@DIR@/b.db"_s << false << 4;
    }
    void backupRefusals()
    {
        QFETCH(QString, target);
        QFETCH(bool, initialised);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString data = dir.filePath(u"data"_s);
        if (initialised)
            QVERIFY(setUpTerminal(data));
        QFile existing(dir.filePath(u"existing.db"_s));
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("keep me");
        existing.close();
        const QString out = QString(target).replace(u"@DIR@"_s, dir.path());
        const QStringList before = QDir(dir.path()).entryList(QDir::Files);
        const Run r = jifen(data, {u"--json"_s, u"backup"_s, u"--out"_s, out});
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(json(r).value(u"error"_s).toObject().value(u"exit_code"_s).toInt(), exitCode);
        QCOMPARE(lines(r.err).size(), 1);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), before); // no partial file left behind
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("keep me"));
    }

    // restore never loses a ledger: it refuses to replace one without --force, keeps it aside with
    // --force, and replaces nothing when the backup is unusable.
    void restoreRefusals_data()
    {
        QTest::addColumn<QString>("from"); // "backup", "text", "missing", "tampered"
        QTest::addColumn<bool>("force");
        QTest::addColumn<int>("ackedSeq"); // HQ's acked seq recorded in the current ledger; 0: none
        QTest::addColumn<int>("exitCode");
        QTest::newRow("existing ledger without --force") << u"backup"_s << false << 0 << 3;
        QTest::newRow("existing ledger with --force") << u"backup"_s << true << 0 << 0;
        QTest::newRow("backup behind HQ's acked seq") << u"backup"_s << true << 999 << 3;
        QTest::newRow("not a database") << u"text"_s << true << 0 << 2;
        QTest::newRow("missing file") << u"missing"_s << true << 0 << 4;
        QTest::newRow("backup that fails verify") << u"tampered"_s << true << 0 << 5;
    }
    void restoreRefusals()
    {
        QFETCH(QString, from);
        QFETCH(bool, force);
        QFETCH(int, ackedSeq);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString data = dir.filePath(u"data"_s);
        QVERIFY(setUpTerminal(data));
        const QString file = dir.filePath(u"b.db"_s);
        QCOMPARE(jifen(data, {u"backup"_s, u"--out"_s, file}).exitCode, 0);
        QCOMPARE(jifen(data, {u"sale"_s, u"--ref"_s, u"after"_s, u"--phone"_s, kPhone, u"--amount"_s, u"3"_s}).exitCode,
                 0);
        if (from == u"text"_s) {
            QFile::remove(file);
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        } else if (from == u"missing"_s) {
            QFile::remove(file);
        } else if (from == u"tampered"_s) {
            QVERIFY(execSql(file, u"DROP TRIGGER journal_no_update"_s, false));
            QVERIFY(execSql(file, u"UPDATE journal SET points = points + 1000 WHERE seq = 3"_s));
        }
        if (ackedSeq > 0)
            QVERIFY(execSql(dir.filePath(u"data/jifen.db"_s),
                            u"INSERT OR REPLACE INTO meta (key, value) VALUES ('hq_acked_seq', '%1')"_s.arg(ackedSeq)));
        const QString dump = dumpDatabase(dir.filePath(u"data/jifen.db"_s));
        QStringList args{u"--json"_s, u"restore"_s, u"--from"_s, file};
        if (force)
            args.append(u"--force"_s);
        const Run r = jifen(data, args);
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
        const QStringList replaced = QDir(data).entryList({u"jifen.db.replaced-*"_s}, QDir::Files);
        QVERIFY2(QDir(data).entryList({u"*.restoring-*"_s}, QDir::Files).isEmpty(), "staging files are removed");
        if (exitCode != 0) {
            QCOMPARE(lines(r.err).size(), 1);
            QCOMPARE(dumpDatabase(dir.filePath(u"data/jifen.db"_s)), dump); // untouched
            QVERIFY(replaced.isEmpty());
            return;
        }
        // Replaced: the old ledger (with the later sale) is kept aside, whole.
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(json(r).value(u"replaced"_s).toString(), QDir(data).filePath(replaced.first()));
        QCOMPARE(dumpDatabase(QDir(data).filePath(replaced.first())), dump);
        QVERIFY(!lines(jifen(data, {u"journal"_s}).out).join(QLatin1Char('\n')).contains(u"\"after\""_s));
        QCOMPARE(jifen(data, {u"verify"_s}).exitCode, 0);
    }

    void hqBackup()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"hq.db"_s);
        QCOMPARE(exec(u"jifen-hq"_s,
                      {u"--db"_s, db, u"terminal"_s, u"add"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s})
                     .exitCode,
                 0);
        const QString out = dir.filePath(u"hq-backup.db"_s);
        const Run r = exec(u"jifen-hq"_s, {u"--db"_s, db, u"--json"_s, u"backup"_s, u"--out"_s, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject o = json(r);
        QCOMPARE(o.value(u"integrity"_s).toString(), u"ok"_s);
        QCOMPARE(o.value(u"out"_s).toString(), out);
        // The copy is a working HQ database with the terminal in it.
        const Run list = exec(u"jifen-hq"_s, {u"--db"_s, out, u"--json"_s, u"terminal"_s, u"list"_s});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(json(list).value(u"terminals"_s).toArray().size(), 1);
        const Run again = exec(u"jifen-hq"_s, {u"--db"_s, db, u"backup"_s, u"--out"_s, out});
        QCOMPARE(again.exitCode, 3);
        const Run pg = exec(u"jifen-hq"_s,
                            {u"--db"_s, u"postgresql://nobody@/x"_s, u"backup"_s, u"--out"_s, dir.filePath(u"p"_s)});
        QCOMPARE(pg.exitCode, 3);
        QVERIFY2(pg.err.contains("pg_dump"), pg.err.constData());
        QVERIFY(!QFileInfo::exists(dir.filePath(u"p"_s)));
    }

    // Each export in each format: the columns, one row per record, phones masked.
    void exportFormats_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QStringList>("columns");
        const QStringList journal{u"seq"_s,          u"entry_id"_s,        u"terminal_id"_s,   u"kind"_s,
                                  u"member_id"_s,    u"points"_s,          u"green_points"_s,  u"ref"_s,
                                  u"reverses_seq"_s, u"ruleset_version"_s, u"terminal_time"_s, u"detail"_s,
                                  u"lots"_s,         u"prev_hash"_s,       u"hash"_s};
        const QStringList members{u"member_id"_s, u"phone_masked"_s, u"card"_s,          u"name"_s,      u"kind"_s,
                                  u"tier"_s,      u"balance"_s,      u"green_balance"_s, u"created_at"_s};
        const QStringList report{u"date"_s,         u"sales"_s,    u"sales_total"_s, u"issued"_s,
                                 u"issued_green"_s, u"redeemed"_s, u"offset"_s,      u"reversed"_s,
                                 u"expired"_s,      u"deferred"_s, u"donated"_s,     u"cashiers"_s};
        QTest::newRow("journal") << u"journal"_s << QStringList{} << 3 << journal;
        QTest::newRow("members") << u"members"_s << QStringList{} << 2 << members;
        QTest::newRow("report, today") << u"report"_s << QStringList{} << 1 << report;
        QTest::newRow("report, three days")
            << u"report"_s << QStringList{u"--from"_s, u"2026-03-08"_s, u"--to"_s, u"2026-03-10"_s} << 3 << report;
    }
    void exportFormats()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, extra);
        QFETCH(int, rows);
        QFETCH(QStringList, columns);
        QTemporaryDir dir;
        const QString data = dir.filePath(u"data"_s);
        QVERIFY(setUpTerminal(data));

        // JSON to a file: the summary on stdout, the document in the file.
        const QString jsonFile = dir.filePath(u"out.json"_s);
        const Run j = jifen(
            data, QStringList{u"--json"_s, u"export"_s, kind, u"--format"_s, u"json"_s, u"--out"_s, jsonFile} + extra);
        QVERIFY2(j.exitCode == 0, qPrintable(j.describe()));
        const QJsonObject summary = json(j);
        QCOMPARE(summary.value(u"count"_s).toInt(), rows);
        QCOMPARE(summary.value(u"out"_s).toString(), jsonFile);
        QFile jf(jsonFile);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QByteArray jsonText = jf.readAll();
        QVERIFY(!jsonText.contains(kPhone.toUtf8()) && !jsonText.contains(kPhone2.toUtf8()));
        const QJsonObject doc = json(Run{0, QProcess::NormalExit, jsonText, {}});
        QCOMPARE(doc.value(u"export"_s).toString(), kind);
        const QJsonArray list = doc.value(u"rows"_s).toArray();
        QCOMPARE(list.size(), rows);
        for (const auto& row : list)
            QCOMPARE(row.toObject().keys().size(), columns.size());
        for (const QString& c : columns)
            QVERIFY2(list.first().toObject().contains(c), qPrintable(c));

        // JSON on stdout is the same document.
        const Run stdoutJson = jifen(data, QStringList{u"export"_s, kind, u"--format"_s, u"json"_s} + extra);
        QCOMPARE(stdoutJson.exitCode, 0);
        QCOMPARE(json(stdoutJson), doc);

        // CSV on stdout: the header, then one line per row (no field here spans lines).
        const Run c = jifen(data, QStringList{u"export"_s, kind, u"--format"_s, u"csv"_s} + extra);
        QVERIFY2(c.exitCode == 0, qPrintable(c.describe()));
        const QStringList csvLines = QString::fromUtf8(c.out).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(csvLines.first(), columns.join(QLatin1Char(',')));
        QCOMPARE(csvLines.size(), rows + 1);
        if (kind == u"members"_s) {
            const QString all = QString::fromUtf8(c.out);
            QVERIFY2(all.contains(u"138****8000"_s) && all.contains(u"139****9000"_s), qPrintable(all));
            // Quoted, quotes doubled, and a leading = neutralised for spreadsheets.
            QVERIFY2(all.contains(u",\"'=李四,\"\"x\"\"\","_s), qPrintable(all));
            QCOMPARE(list.at(1).toObject().value(u"name"_s).toString(), u"=李四,\"x\""_s); // JSON keeps it as typed
        }
        if (kind == u"journal"_s) { // the export is the journal, entry for entry
            const QStringList journalLines = lines(jifen(data, {u"journal"_s}).out);
            QCOMPARE(journalLines.size(), rows);
            for (int i = 0; i < rows; ++i)
                QCOMPARE(json(Run{0, QProcess::NormalExit, journalLines.at(i).toUtf8(), {}}), list.at(i).toObject());
        }
    }

    // Bad input is exit 2 and writes nothing; an existing file is refused (3); no ledger is 4.
    void exportRefusals_data()
    {
        QTest::addColumn<QStringList>("args"); // after --data-dir; @OUT@ is the output path
        QTest::addColumn<bool>("initialised");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unknown format") << QStringList{u"export"_s, u"members"_s, u"--format"_s,
                                                       u"xml"_s,    u"--out"_s,   u"@OUT@"_s}
                                        << true << 2;
        QTest::newRow("format missing") << QStringList{u"export"_s, u"members"_s, u"--out"_s, u"@OUT@"_s} << true << 2;
        QTest::newRow("unknown kind") << QStringList{u"export"_s, u"lots"_s,  u"--format"_s,
                                                     u"csv"_s,    u"--out"_s, u"@OUT@"_s}
                                      << true << 2;
        QTest::newRow("bad date") << QStringList{u"export"_s, u"report"_s,     u"--format"_s, u"csv"_s,
                                                 u"--from"_s, u"2026-02-30"_s, u"--out"_s,    u"@OUT@"_s}
                                  << true << 2;
        QTest::newRow("from after to") << QStringList{u"export"_s, u"report"_s,     u"--format"_s, u"json"_s,
                                                      u"--from"_s, u"2026-03-10"_s, u"--to"_s,     u"2026-03-01"_s,
                                                      u"--out"_s,  u"@OUT@"_s}
                                       << true << 2;
        QTest::newRow("--json with CSV on stdout")
            << QStringList{u"--json"_s, u"export"_s, u"journal"_s, u"--format"_s, u"csv"_s} << true << 2;
        QTest::newRow("flag of another export") << QStringList{u"export"_s, u"members"_s,    u"--format"_s, u"csv"_s,
                                                               u"--from"_s, u"2026-03-01"_s, u"--out"_s,    u"@OUT@"_s}
                                                << true << 2;
        QTest::newRow("existing file") << QStringList{u"export"_s, u"journal"_s, u"--format"_s,
                                                      u"csv"_s,    u"--out"_s,   u"@EXISTING@"_s}
                                       << true << 3;
        QTest::newRow("no ledger") << QStringList{u"export"_s, u"journal"_s, u"--format"_s,
                                                  u"csv"_s,    u"--out"_s,   u"@OUT@"_s}
                                   << false << 4;
    }
    void exportRefusals()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, initialised);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString data = dir.filePath(u"data"_s);
        if (initialised)
            QVERIFY(setUpTerminal(data));
        const QString out = dir.filePath(u"export.out"_s);
        const QString existing = dir.filePath(u"existing.csv"_s);
        QFile e(existing);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("keep me");
        e.close();
        for (QString& a : args)
            a.replace(u"@OUT@"_s, out).replace(u"@EXISTING@"_s, existing);
        const QStringList before = QDir(dir.path()).entryList(QDir::Files);
        const Run r = jifen(data, args);
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
        QCOMPARE(lines(r.err).size(), 1);
        QVERIFY2(!r.out.contains(",") || args.contains(u"--json"_s), "no data on stdout after an error");
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), before); // nothing written
        QVERIFY(e.open(QIODevice::ReadOnly));
        QCOMPARE(e.readAll(), QByteArray("keep me"));
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
