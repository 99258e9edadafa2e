// Disk full and a read-only data directory, against the real `jifen`:
// - "Disk full": the CLI runs in a child process whose RLIMIT_FSIZE is set (SIGXFSZ ignored, so a
//   write past the limit fails with EFBIG as on a full disk instead of killing the process). Every
//   write command either completes or fails with a clear storage error (exit 5, one line); the
//   ledger is unchanged by a failure and verifies; no half-written --out file is left; the same
//   command succeeds once the limit is lifted.
// - Read-only: the data directory chmod 0500. As root (whom chmod does not stop) the CLI runs as
//   `nobody` on a data directory it owns; if writes still get through, the test is skipped.

#include "cli_harness.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace jifen::test;

namespace {

const QString kPhone = u"13800138000"_s;
const QString kNow = u"2026-03-10T10:00:00+08:00"_s;
constexpr uid_t kNobody = 65534;

// What the child does between fork and exec (async-signal-safe calls only).
struct ChildLimits {
    qint64 fileSizeLimit = -1; // bytes; -1: none
    bool asNobody = false;
};

} // namespace

class TstStorageLimits : public QObject {
    Q_OBJECT

private:
    QString m_binDir;
    QTemporaryDir m_root;
    QString m_template;

    Run jifen(const QString& dir, const QStringList& args, ChildLimits limits = {})
    {
        QProcess p;
        p.setProcessEnvironment(cliEnvironment(kNow));
        p.setWorkingDirectory(m_root.path());
        p.setChildProcessModifier([limits] {
            if (limits.fileSizeLimit >= 0) {
                ::signal(SIGXFSZ, SIG_IGN); // kept across exec: writes fail with EFBIG instead
                const rlimit rl{static_cast<rlim_t>(limits.fileSizeLimit), static_cast<rlim_t>(limits.fileSizeLimit)};
                ::setrlimit(RLIMIT_FSIZE, &rl);
            }
            if (limits.asNobody) {
                if (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
                    ::_exit(126);
            }
        });
        p.start(QDir(m_binDir).filePath(u"jifen"_s), QStringList{u"--data-dir"_s, dir} + args);
        return collect(p, u"jifen"_s);
    }

    QString copyTemplate(const QString& to)
    {
        QDir().mkpath(to);
        for (const QFileInfo& f : QDir(m_template).entryInfoList(QDir::Files))
            QFile::copy(f.absoluteFilePath(), QDir(to).filePath(f.fileName()));
        return QDir(to).filePath(u"jifen.db"_s);
    }

    // The write commands of a working day; {OUT} is a file that must not exist yet.
    static QList<QPair<const char*, QStringList>> commands()
    {
        return {
            {"sale", {u"sale"_s, u"--ref"_s, u"full-1"_s, u"--phone"_s, kPhone, u"--amount"_s, u"88.50"_s}},
            {"item sale",
             {u"sale"_s, u"--ref"_s, u"full-2"_s, u"--phone"_s, kPhone, u"--item"_s, u"6901000000011:3"_s}},
            {"member add", {u"member"_s, u"add"_s, u"--phone"_s, u"13900139000"_s, u"--name"_s, u"李四"_s}},
            {"redeem", {u"redeem"_s, u"--ref"_s, u"full-3"_s, u"--phone"_s, kPhone, u"--reward"_s, u"VOUCHER-50"_s}},
            {"refund", {u"refund"_s, u"--ref"_s, u"full-4"_s, u"--of"_s, u"s1"_s, u"--amount"_s, u"100"_s}},
            {"export", {u"export"_s, u"journal"_s, u"--format"_s, u"csv"_s, u"--out"_s, u"{OUT}"_s}},
            {"backup", {u"backup"_s, u"--out"_s, u"{OUT}"_s}},
        };
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
            {u"member"_s, u"add"_s, u"--phone"_s, kPhone, u"--name"_s, u"张三"_s},
            {u"sale"_s, u"--ref"_s, u"s1"_s, u"--phone"_s, kPhone, u"--amount"_s, u"3000"_s},
        };
        for (const QStringList& s : steps) {
            const Run r = jifen(m_template, s);
            QVERIFY2(r.exitCode == 0, qPrintable(s.join(u' ') + u"\n"_s + r.describe()));
        }
    }

    void diskFull_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<bool>("mustFail");
        for (const auto& [name, args] : commands()) {
            // 0: nothing can be written at all. The others fall inside or just past one write
            // (SQLite pages are 4 KiB; the WAL grows by whole frames), so some runs commit and
            // others fail halfway through a transaction or a checkpoint.
            for (const qint64 limit : {0, 1, 4096, 20000, 65536, 200000}) {
                QTest::newRow(qPrintable(u"%1, %2 bytes"_s.arg(QLatin1String(name)).arg(limit)))
                    << args << limit << (limit == 0);
            }
        }
    }

    void diskFull()
    {
        QFETCH(QStringList, command);
        QFETCH(qint64, limit);
        QFETCH(bool, mustFail);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(u"data"_s);
        const QString db = copyTemplate(dir);
        const QString out = tmp.filePath(u"out.file"_s);
        command.replaceInStrings(u"{OUT}"_s, out);
        const QString before = dumpDatabase(db);

        const Run r = jifen(dir, command, ChildLimits{limit, false});
        QCOMPARE(r.status, QProcess::NormalExit);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 5, qPrintable(r.describe()));
        if (mustFail)
            QVERIFY2(r.exitCode == 5, qPrintable(r.describe()));
        if (r.exitCode == 5) {
            QVERIFY2(lines(r.err).size() == 1 && r.err.startsWith("jifen: "), qPrintable(r.describe()));
            QVERIFY2(!QFileInfo::exists(out), "a half-written --out file was left behind");
        }

        // Space returns: nothing is corrupted, and a failed run changed nothing.
        const Run verify = jifen(dir, {u"verify"_s});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
        if (r.exitCode == 5)
            QCOMPARE(dumpDatabase(db), before);
        if (r.exitCode == 0 && command.contains(u"--out"_s))
            QVERIFY(QFileInfo(out).size() > 0);

        // And the work resumes: the same command (same ref) succeeds, or finds its result there.
        if (r.exitCode == 5) {
            const Run again = jifen(dir, command);
            QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
            QCOMPARE(jifen(dir, {u"verify"_s}).exitCode, 0);
        }
    }

    void readOnlyDataDir_data()
    {
        QTest::addColumn<QStringList>("command");
        for (const auto& [name, args] : commands()) {
            if (!args.contains(u"--out"_s))
                QTest::newRow(name) << args;
        }
    }

    void readOnlyDataDir()
    {
        QFETCH(QStringList, command);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(u"data"_s);
        const QString db = copyTemplate(dir);
        const bool root = ::geteuid() == 0;
        if (root) {
            // Root ignores permission bits: run the CLI as nobody, owner of the data directory.
            QVERIFY(::chmod(QFile::encodeName(tmp.path()).constData(), 0755) == 0);
            for (const QString& path : QDir(dir).entryList(QDir::Files))
                QVERIFY(::chown(QFile::encodeName(QDir(dir).filePath(path)).constData(), kNobody, kNobody) == 0);
            QVERIFY(::chown(QFile::encodeName(dir).constData(), kNobody, kNobody) == 0);
            const Run probe = jifen(dir, {u"status"_s}, ChildLimits{-1, true});
            if (probe.exitCode != 0)
                QSKIP(qPrintable(u"cannot run jifen as nobody here: "_s + probe.describe()));
        }
        const QString before = dumpDatabase(db);
        QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0500) == 0);
        if (!root) {
            QFile probe(QDir(dir).filePath(u"probe"_s));
            if (probe.open(QIODevice::WriteOnly)) {
                probe.remove();
                ::chmod(QFile::encodeName(dir).constData(), 0700);
                QSKIP("chmod 0500 does not stop this user's writes (CAP_DAC_OVERRIDE)");
            }
        }

        const Run r = jifen(dir, command, ChildLimits{-1, root});
        ::chmod(QFile::encodeName(dir).constData(), 0700);
        QCOMPARE(r.status, QProcess::NormalExit);
        QVERIFY2(r.exitCode == 5, qPrintable(r.describe()));
        QVERIFY2(lines(r.err).size() == 1 && r.err.startsWith("jifen: "), qPrintable(r.describe()));
        QCOMPARE(dumpDatabase(db), before);

        const Run verify = jifen(dir, {u"verify"_s}, ChildLimits{-1, root});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
        const Run again = jifen(dir, command, ChildLimits{-1, root});
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    }
};

QTEST_GUILESS_MAIN(TstStorageLimits)
#include "tst_storage_limits.moc"
