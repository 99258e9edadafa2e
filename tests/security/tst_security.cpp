// Security of the terminal CLI, against the real binaries:
// - PIN brute force: five wrong manager PINs lock approvals; the right PIN is refused while locked
//   (for every command that takes a PIN) and works once the lockout has passed (JIFEN_CLOCK moved).
// - Injection and traversal: SQL-injection, path-traversal, shell and format strings in every text
//   field and file name of the CLI. Each run either fails with a clear one-line error and changes
//   nothing (database dump and files compared before/after), or stores the text verbatim / writes
//   exactly the file named, and the ledger still verifies.
// - Phone numbers: a scripted day (members, sales, redemption, refund, statements in three formats,
//   reports, exports, sync to a real jifen-hq, all with --verbose) never shows a full phone number in
//   any output, file or log.

#include "cli_harness.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/prctl.h>

#include <csignal>
#include <functional>

using namespace Qt::StringLiterals;
using namespace jifen::test;

namespace {

const QString kPhone = u"13800138000"_s;
const QString kPhone2 = u"13900139000"_s;
const QString kNow = u"2026-03-10T10:00:00+08:00"_s;
const QString kPin = u"2468"_s;

// What a successful run of a row may have done.
enum class Effect {
    Store, // wrote to the ledger: the text must be in the database verbatim
    Read,  // changes nothing, success or not
    File,  // may write exactly the file named, nothing in the database
    Dir,   // may create exactly the data directory named
};

struct Template {
    const char* name;
    Effect effect;
    std::function<QStringList(const QString&)> args; // without --data-dir, unless rawArgs
    bool rawArgs = false;
};

const QList<Template>& templates()
{
    static const QList<Template> all = {
        {"member name", Effect::Store,
         [](const QString& x) {
             return QStringList{u"member"_s, u"add"_s, u"--phone"_s, u"13700137000"_s, u"--name"_s, x};
         }},
        {"member card", Effect::Store,
         [](const QString& x) {
             return QStringList{u"member"_s, u"add"_s, u"--phone"_s, u"13700137001"_s,
                                u"--card"_s, x,        u"--name"_s,  u"王五"_s};
         }},
        {"sale ref", Effect::Store,
         [](const QString& x) {
             return QStringList{u"sale"_s, u"--ref"_s, x, u"--phone"_s, kPhone, u"--amount"_s, u"10"_s};
         }},
        {"sale cashier", Effect::Store,
         [](const QString& x) {
             return QStringList{u"sale"_s,    u"--ref"_s,     u"s-cashier"_s,
                                u"--phone"_s, kPhone,         u"--amount"_s,
                                u"10"_s,      u"--cashier"_s, x};
         }},
        {"redeem ref", Effect::Store,
         [](const QString& x) {
             return QStringList{u"redeem"_s, u"--ref"_s, x, u"--phone"_s, kPhone, u"--reward"_s, u"VOUCHER-50"_s};
         }},
        {"reward code", Effect::Store,
         [](const QString& x) {
             return QStringList{u"redeem"_s, u"--ref"_s, u"r-code"_s, u"--phone"_s, kPhone, u"--reward"_s, x};
         }},
        {"refund of", Effect::Store,
         [](const QString& x) {
             return QStringList{u"refund"_s, u"--ref"_s, u"rf-1"_s, u"--of"_s, x, u"--amount"_s, u"1"_s};
         }},
        {"adjust reason", Effect::Store,
         [](const QString& x) {
             return QStringList{u"adjust"_s, u"--ref"_s,    u"adj-1"_s, u"--phone"_s, kPhone, u"--points"_s,
                                u"5"_s,      u"--reason"_s, x,          u"--pin"_s,   kPin};
         }},
        {"operator name", Effect::Store,
         [](const QString& x) {
             return QStringList{u"operator"_s, u"add"_s,     u"--name"_s, x,
                                u"--role"_s,   u"cashier"_s, u"--pin"_s,  u"1357"_s};
         }},
        {"member phone", Effect::Read,
         [](const QString& x) {
             return QStringList{u"member"_s, u"show"_s, u"--phone"_s, x};
         }},
        {"member card lookup", Effect::Read,
         [](const QString& x) {
             return QStringList{u"member"_s, u"show"_s, u"--card"_s, x};
         }},
        {"rules file", Effect::Read,
         [](const QString& x) {
             return QStringList{u"rules"_s, u"load"_s, x};
         }},
        {"export out", Effect::File,
         [](const QString& x) {
             return QStringList{u"export"_s, u"journal"_s, u"--format"_s, u"csv"_s, u"--out"_s, x};
         }},
        {"statement out", Effect::File,
         [](const QString& x) {
             return QStringList{u"statement"_s, u"--phone"_s, kPhone, u"--month"_s, u"2026-03"_s, u"--out"_s, x};
         }},
        {"backup out", Effect::File,
         [](const QString& x) {
             return QStringList{u"backup"_s, u"--out"_s, x};
         }},
        {"data dir status", Effect::Read,
         [](const QString& x) {
             return QStringList{u"--data-dir"_s, x, u"status"_s};
         },
         true},
        {"data dir init", Effect::Dir,
         [](const QString& x) {
             return QStringList{u"--data-dir"_s, x, u"init"_s, u"--store"_s, u"S2"_s, u"--terminal"_s, u"T2"_s};
         },
         true},
    };
    return all;
}

// {SANDBOX} is replaced by the row's sandbox directory (an existing file "victim" lives there).
const QList<QPair<const char*, QString>>& hostileStrings()
{
    static const QList<QPair<const char*, QString>> all = {
        {"sql quote", u"' OR '1'='1"_s},
        {"sql drop", u"x'); DROP TABLE journal; --"_s},
        {"sql double quote", u"\"; DELETE FROM members; --"_s},
        {"sql union", u"1 UNION SELECT pin_hash FROM operators --"_s},
        {"sql chinese", u"名字'; DROP TABLE members;--"_s},
        {"traversal", u"../../../../etc/passwd"_s},
        {"traversal encoded", u"..%2F..%2F..%2Fetc%2Fshadow"_s},
        {"absolute existing", u"{SANDBOX}/victim"_s},
        {"shell", u"$(touch pwned)`touch pwned2`"_s},
        {"format", u"%s%s%n%x%1"_s},
        {"long", QString(5000, QLatin1Char('A'))},
    };
    return all;
}

// Every file under `root` except the data directory: path -> SHA-256 of its bytes.
QMap<QString, QByteArray> snapshot(const QString& root, const QString& skip)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path == skip || path.startsWith(skip + QLatin1Char('/')))
            continue;
        QFile f(path);
        if (it.fileInfo().isDir()) {
            out.insert(path, "<dir>");
        } else if (f.open(QIODevice::ReadOnly)) {
            out.insert(path, QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
        } else {
            out.insert(path, "<unreadable>");
        }
    }
    return out;
}

QStringList changed(const QMap<QString, QByteArray>& before, const QMap<QString, QByteArray>& after)
{
    QStringList out;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            out.append(it.key());
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            out.append(it.key() + u" (removed)"_s);
    }
    return out;
}

} // namespace

class TstSecurity : public QObject {
    Q_OBJECT

private:
    QString m_binDir;
    QTemporaryDir m_root;
    QString m_template; // a data dir with a manager, two members and sales; copied per test

    Run exec(const QString& program, const QStringList& args, const QString& clock = kNow,
             const QString& cwd = QString(), const QString& stderrFile = QString())
    {
        QProcess p;
        QProcessEnvironment env = cliEnvironment(clock);
        p.setProcessEnvironment(env);
        if (!cwd.isEmpty())
            p.setWorkingDirectory(cwd);
        if (!stderrFile.isEmpty())
            p.setStandardErrorFile(stderrFile, QIODevice::Append);
        p.start(QDir(m_binDir).filePath(program), args);
        return collect(p, program);
    }

    Run jifen(const QString& dir, const QStringList& args, const QString& clock = kNow, const QString& cwd = QString())
    {
        return exec(u"jifen"_s, QStringList{u"--data-dir"_s, dir} + args, clock, cwd);
    }

    QString copyTemplate(const QString& to)
    {
        QDir().mkpath(to);
        for (const QFileInfo& f : QDir(m_template).entryInfoList(QDir::Files))
            QFile::copy(f.absoluteFilePath(), QDir(to).filePath(f.fileName()));
        return QDir(to).filePath(u"jifen.db"_s);
    }

    qint64 balance(const QString& dir, const QString& clock = kNow)
    {
        const Run r = jifen(dir, {u"--json"_s, u"member"_s, u"show"_s, u"--phone"_s, kPhone}, clock);
        QString problem;
        const QJsonObject o = parseObject(r.out, &problem);
        return problem.isEmpty() ? o.value(u"balance"_s).toInteger(-1) : -1;
    }

private slots:
    void initTestCase()
    {
        m_binDir = qEnvironmentVariable("JIFEN_BIN_DIR");
        QVERIFY2(QFileInfo::exists(QDir(m_binDir).filePath(u"jifen"_s)), "set JIFEN_BIN_DIR to the built binaries");
        QVERIFY(m_root.isValid());
        m_template = m_root.filePath(u"template"_s);
        const QList<QStringList> steps{
            {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s},
            {u"operator"_s, u"add"_s, u"--name"_s, u"王经理"_s, u"--role"_s, u"manager"_s, u"--pin"_s, kPin},
            {u"member"_s, u"add"_s, u"--phone"_s, kPhone, u"--name"_s, u"张三"_s},
            {u"member"_s, u"add"_s, u"--phone"_s, kPhone2, u"--card"_s, u"CARD-7"_s, u"--name"_s, u"李四"_s},
            {u"sale"_s, u"--ref"_s, u"s1"_s, u"--phone"_s, kPhone, u"--amount"_s, u"30000"_s},
            {u"sale"_s, u"--ref"_s, u"s2"_s, u"--phone"_s, kPhone2, u"--amount"_s, u"120.50"_s},
        };
        for (const QStringList& s : steps) {
            const Run r = jifen(m_template, s);
            QVERIFY2(r.exitCode == 0, qPrintable(s.join(u' ') + u"\n"_s + r.describe()));
        }
        QVERIFY2(balance(m_template) >= 20000, "the template member needs 20,000 points for JW-CLEAN");
    }

    // Five wrong PINs lock approvals for five minutes, for every command that takes a PIN.
    void pinBruteForceHitsTheLockout()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.path();
        const QString db = copyTemplate(dir);
        const qint64 before = balance(dir);
        const QString journalBefore = dumpDatabase(db).section(u"== journal\n"_s, 1).section(u"== "_s, 0, 0);
        auto redeem = [&](const QString& ref, const QString& pin, const QString& clock) {
            return jifen(
                dir,
                {u"redeem"_s, u"--ref"_s, ref, u"--phone"_s, kPhone, u"--reward"_s, u"JW-CLEAN"_s, u"--pin"_s, pin},
                clock);
        };
        for (int i = 1; i <= 5; ++i) {
            const Run r = redeem(u"pin-%1"_s.arg(i), u"000%1"_s.arg(i), kNow);
            QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
            QVERIFY2(r.err.contains("wrong manager PIN"), qPrintable(r.describe()));
            if (i == 5)
                QVERIFY2(r.err.contains("locked"), qPrintable(r.describe()));
        }
        // The right PIN while locked: refused, for redeem and for adjust alike.
        Run r = redeem(u"pin-right"_s, kPin, kNow);
        QVERIFY2(r.exitCode == 3 && r.err.contains("locked"), qPrintable(r.describe()));
        r = jifen(dir, {u"adjust"_s, u"--ref"_s, u"adj-locked"_s, u"--phone"_s, kPhone, u"--points"_s, u"5"_s,
                        u"--reason"_s, u"goodwill"_s, u"--pin"_s, kPin});
        QVERIFY2(r.exitCode == 3 && r.err.contains("locked"), qPrintable(r.describe()));
        // Four minutes on: still locked. Nothing was spent or journaled by any refused attempt.
        r = redeem(u"pin-right"_s, kPin, u"2026-03-10T10:04:00+08:00"_s);
        QVERIFY2(r.exitCode == 3 && r.err.contains("locked"), qPrintable(r.describe()));
        QCOMPARE(balance(dir), before);
        QCOMPARE(dumpDatabase(db).section(u"== journal\n"_s, 1).section(u"== "_s, 0, 0), journalBefore);
        // Six minutes on: the lockout is over and the right PIN works.
        r = redeem(u"pin-right"_s, kPin, u"2026-03-10T10:06:00+08:00"_s);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(balance(dir, u"2026-03-10T10:06:00+08:00"_s), before - 20000);
        QCOMPARE(jifen(dir, {u"verify"_s}, u"2026-03-10T10:06:00+08:00"_s).exitCode, 0);
    }

    void hostileText_data()
    {
        QTest::addColumn<int>("templateIndex");
        QTest::addColumn<QString>("text");
        for (int t = 0; t < templates().size(); ++t) {
            for (const auto& s : hostileStrings())
                QTest::newRow(
                    qPrintable(u"%1: %2"_s.arg(QLatin1String(templates().at(t).name), QLatin1String(s.first))))
                    << t << s.second;
        }
    }

    void hostileText()
    {
        QFETCH(int, templateIndex);
        QFETCH(QString, text);
        const Template& tpl = templates().at(templateIndex);
        QTemporaryDir sandbox;
        QVERIFY(sandbox.isValid());
        const QString dataDir = sandbox.filePath(u"data"_s);
        const QString db = copyTemplate(dataDir);
        const QString cwd = sandbox.filePath(u"w/1/2/3/4/5"_s); // ../../../../ stays inside the sandbox
        QVERIFY(QDir().mkpath(cwd));
        {
            QFile victim(sandbox.filePath(u"victim"_s));
            QVERIFY(victim.open(QIODevice::WriteOnly));
            victim.write("an existing file\n");
        }
        const QString value = QString(text).replace(u"{SANDBOX}"_s, sandbox.path());
        const QString dumpBefore = dumpDatabase(db);
        const auto filesBefore = snapshot(sandbox.path(), dataDir);

        const QStringList args =
            tpl.rawArgs ? tpl.args(value) : QStringList{u"--data-dir"_s, dataDir} + tpl.args(value);
        const Run r = exec(u"jifen"_s, args, kNow, cwd);

        QCOMPARE(r.status, QProcess::NormalExit);
        // 5: a name the file system refuses (too long, a missing directory) is a storage error.
        QVERIFY2(QList<int>({0, 2, 3, 4, 5}).contains(r.exitCode), qPrintable(r.describe()));
        const QStringList changedFiles = changed(filesBefore, snapshot(sandbox.path(), dataDir));
        const QString target = QDir::cleanPath(QDir(cwd).absoluteFilePath(value));
        if (r.exitCode != 0) {
            // A clear error: one line on stderr that says what is wrong; nothing changed.
            QVERIFY2(lines(r.err).size() == 1 && r.err.startsWith("jifen: "), qPrintable(r.describe()));
            QCOMPARE(dumpDatabase(db), dumpBefore);
            QVERIFY2(changedFiles.isEmpty(), qPrintable(changedFiles.join(u'\n')));
            return;
        }
        switch (tpl.effect) {
        case Effect::Store:
            QVERIFY2(dumpDatabase(db).contains(value), "accepted text is not stored verbatim");
            QVERIFY2(changedFiles.isEmpty(), qPrintable(changedFiles.join(u'\n')));
            break;
        case Effect::Read:
            QCOMPARE(dumpDatabase(db), dumpBefore);
            QVERIFY2(changedFiles.isEmpty(), qPrintable(changedFiles.join(u'\n')));
            break;
        case Effect::File:
            QCOMPARE(dumpDatabase(db), dumpBefore);
            QVERIFY2(changedFiles.size() <= 1, qPrintable(changedFiles.join(u'\n')));
            for (const QString& f : changedFiles)
                QCOMPARE(f, target);
            QVERIFY2(QFileInfo(target).isFile(), qPrintable(target));
            break;
        case Effect::Dir:
            QCOMPARE(dumpDatabase(db), dumpBefore);
            QVERIFY(!changedFiles.isEmpty());
            for (const QString& f : changedFiles)
                QVERIFY2(f == target || f.startsWith(target + u'/') || target.startsWith(f + u'/'),
                         qPrintable(f + u" is outside "_s + target));
            QCOMPARE(exec(u"jifen"_s, {u"--data-dir"_s, value, u"verify"_s}, kNow, cwd).exitCode, 0);
            return;
        }
        QCOMPARE(jifen(dataDir, {u"verify"_s}).exitCode, 0);
    }

    // A scripted day, everything with --verbose, and a sync to a real HQ whose log is kept: no full
    // phone number in any output, written file or log (PDF statements read back with pdftotext).
    void phoneNeverUnmasked()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(u"data"_s);
        copyTemplate(dir);
        const QString hqDb = tmp.filePath(u"hq.db"_s);
        const QString hqLog = tmp.filePath(u"hq.log"_s);
        const QString outDir = tmp.filePath(u"out"_s);
        QVERIFY(QDir().mkpath(outDir));
        QList<QPair<QString, QByteArray>> outputs; // what, bytes

        auto admin = [&](const QStringList& args) {
            Run r = exec(u"jifen-hq"_s, QStringList{u"--db"_s, hqDb, u"--json"_s, u"--verbose"_s} + args);
            outputs.append({u"jifen-hq "_s + args.join(u' '), r.out + r.err});
            return r;
        };
        Run added = admin({u"terminal"_s, u"add"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s});
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
        QString problem;
        const QString code = parseObject(added.out, &problem).value(u"code"_s).toString();
        QVERIFY2(!code.isEmpty(), qPrintable(problem));

        QProcess hq;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"JIFEN_CLOCK"_s, kNow);
        env.remove(u"QT_LOGGING_RULES"_s);
        hq.setProcessEnvironment(env);
        hq.setStandardErrorFile(hqLog);
        hq.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        hq.start(QDir(m_binDir).filePath(u"jifen-hq"_s),
                 {u"--db"_s, hqDb, u"--verbose"_s, u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(hq.waitForStarted(10000));
        static const QRegularExpression listening(u"listening on (127\\.0\\.0\\.1:\\d+)"_s);
        QByteArray banner;
        QString address;
        while (address.isEmpty() && hq.waitForReadyRead(15000)) {
            banner += hq.readAllStandardOutput();
            address = listening.match(QString::fromUtf8(banner)).captured(1);
        }
        QVERIFY2(!address.isEmpty(), banner.constData());
        outputs.append({u"jifen-hq serve stdout"_s, banner});

        const QString statementPdf = QDir(outDir).filePath(u"statement.pdf"_s);
        const QList<QStringList> day{
            {u"enroll"_s, u"--hq"_s, u"http://"_s + address, u"--code"_s, code},
            {u"member"_s, u"add"_s, u"--phone"_s, u"+86 137-0013-7000"_s, u"--name"_s, u"王五"_s},
            {u"sale"_s, u"--ref"_s, u"d1"_s, u"--phone"_s, kPhone, u"--item"_s, u"6901000000011:2"_s},
            {u"sale"_s, u"--ref"_s, u"d2"_s, u"--phone"_s, kPhone2, u"--amount"_s, u"88"_s},
            {u"sale"_s, u"--ref"_s, u"d3"_s, u"--phone"_s, u"13700137000"_s, u"--amount"_s, u"66"_s},
            {u"sync"_s}, // HQ confirms the points the online redemption below spends
            {u"redeem"_s, u"--ref"_s, u"d4"_s, u"--phone"_s, kPhone, u"--reward"_s, u"VOUCHER-50"_s},
            {u"refund"_s, u"--ref"_s, u"d5"_s, u"--of"_s, u"d2"_s, u"--amount"_s, u"8"_s},
            {u"member"_s, u"show"_s, u"--phone"_s, kPhone},
            {u"member"_s, u"show"_s, u"--card"_s, u"CARD-7"_s},
            {u"member"_s, u"list"_s},
            {u"journal"_s},
            {u"statement"_s, u"--phone"_s, kPhone, u"--month"_s, u"2026-03"_s},
            {u"statement"_s, u"--phone"_s, kPhone, u"--month"_s, u"2026-03"_s, u"--format"_s, u"html"_s, u"--out"_s,
             QDir(outDir).filePath(u"statement.html"_s)},
            {u"statement"_s, u"--phone"_s, kPhone2, u"--month"_s, u"2026-03"_s, u"--format"_s, u"pdf"_s, u"--out"_s,
             statementPdf},
            {u"report"_s, u"day"_s},
            {u"export"_s, u"journal"_s, u"--format"_s, u"csv"_s, u"--out"_s, QDir(outDir).filePath(u"journal.csv"_s)},
            {u"export"_s, u"members"_s, u"--format"_s, u"csv"_s, u"--out"_s, QDir(outDir).filePath(u"members.csv"_s)},
            {u"export"_s, u"members"_s, u"--format"_s, u"json"_s},
            {u"export"_s, u"report"_s, u"--format"_s, u"json"_s, u"--out"_s, QDir(outDir).filePath(u"report.json"_s)},
            {u"sync"_s},
            {u"status"_s},
            {u"sync"_s},
        };
        // Read-only steps run once more with --json.
        auto readOnly = [](const QStringList& step) {
            const QString& first = step.first();
            if (step.contains(u"--out"_s))
                return false;
            if (first == u"member"_s)
                return step.at(1) != u"add"_s;
            if (first == u"export"_s)
                return step.contains(u"json"_s);
            return first == u"status"_s || first == u"sync"_s || first == u"report"_s || first == u"statement"_s;
        };
        for (const QStringList& step : day) {
            for (const bool json : {false, true}) {
                if (json && !readOnly(step))
                    continue;
                QStringList args = QStringList{u"--verbose"_s} + step;
                if (json)
                    args.prepend(u"--json"_s);
                const Run r = jifen(dir, args);
                QVERIFY2(r.exitCode == 0, qPrintable(step.join(u' ') + u"\n"_s + r.describe()));
                outputs.append({u"jifen "_s + args.join(u' '), r.out + r.err});
            }
        }
        admin({u"member"_s, u"show"_s, u"--phone"_s, kPhone});
        admin({u"incidents"_s});
        admin({u"terminal"_s, u"list"_s});
        admin({u"verify"_s});
        hq.terminate();
        QVERIFY(hq.waitForFinished(10000));
        outputs.append({u"jifen-hq serve stdout (end)"_s, hq.readAllStandardOutput()});

        // Every file written: the exports and statements, HQ's log; everything in the data dir but
        // the databases themselves (which hold the numbers by design).
        for (const QString& root : {outDir, dir, tmp.path()}) {
            for (const QFileInfo& f : QDir(root).entryInfoList(QDir::Files)) {
                if (f.fileName().contains(u".db"_s))
                    continue;
                QFile file(f.absoluteFilePath());
                QVERIFY(file.open(QIODevice::ReadOnly));
                outputs.append({f.absoluteFilePath(), file.readAll()});
            }
        }
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (!pdftotext.isEmpty()) {
            QProcess p;
            p.start(pdftotext, {statementPdf, u"-"_s});
            QVERIFY(p.waitForFinished(30000));
            const QByteArray text = p.readAllStandardOutput();
            QVERIFY2(text.contains("139****9000"), text.constData()); // the PDF was read: masked phone
            outputs.append({u"pdftotext statement.pdf"_s, text});
        }
        QVERIFY2(QFile(hqLog).size() > 0, "jifen-hq --verbose logged nothing");

        // A full number also counts when written with spaces or dashes between its digits.
        QStringList leaks;
        for (const QString& phone : {kPhone, kPhone2, u"13700137000"_s}) {
            QStringList digits;
            for (const QChar c : phone)
                digits.append(QString(c));
            const QRegularExpression written(digits.join(u"[ -]?"_s));
            for (const auto& [what, bytes] : outputs) {
                if (written.match(QString::fromUtf8(bytes)).hasMatch())
                    leaks.append(u"%1 shows %2"_s.arg(what, phone));
            }
        }
        QVERIFY2(outputs.size() > 40, qPrintable(QString::number(outputs.size())));
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TstSecurity)
#include "tst_security.moc"
