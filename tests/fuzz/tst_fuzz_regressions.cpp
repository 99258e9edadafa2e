// Every seed of every fuzz target (tests/fuzz/corpus/<target>/) and every input a fuzzer once
// crashed on (tests/fuzz/regressions/<target>/, named after what it found) goes through the same
// target function the fuzzer runs: a broken invariant aborts, so a regression fails this suite.
#include "fuzz_targets.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <functional>

using namespace jifen::fuzz;

namespace {

using Target = std::function<int(const std::uint8_t*, std::size_t)>;

const QList<QPair<QString, Target>>& targets()
{
    static const QList<QPair<QString, Target>> all = {
        {QStringLiteral("journal_entry"), journalEntry}, {QStringLiteral("hq_sync"), hqSync},
        {QStringLiteral("rule_set"), ruleSet},           {QStringLiteral("parsers"), parsers},
        {QStringLiteral("cli_args"), cliArgs},           {QStringLiteral("escpos"), escpos},
    };
    return all;
}

Target targetNamed(const QString& name)
{
    for (const auto& t : targets()) {
        if (t.first == name)
            return t.second;
    }
    return {};
}

QStringList filesIn(const QString& dir)
{
    QStringList out;
    for (const QFileInfo& f : QDir(dir).entryInfoList(QDir::Files, QDir::Name))
        out.append(f.absoluteFilePath());
    return out;
}

} // namespace

class TstFuzzRegressions : public QObject {
    Q_OBJECT

private slots:
    void everyTargetHasSeeds_data()
    {
        QTest::addColumn<QString>("target");
        for (const auto& t : targets())
            QTest::newRow(qPrintable(t.first)) << t.first;
    }
    void everyTargetHasSeeds()
    {
        QFETCH(QString, target);
        QVERIFY2(!filesIn(QStringLiteral(JIFEN_FUZZ_DIR "/corpus/") + target).isEmpty(),
                 qPrintable(QStringLiteral("no seed corpus for %1").arg(target)));
    }

    void input_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("file");
        for (const QString& kind : {QStringLiteral("corpus"), QStringLiteral("regressions")}) {
            for (const auto& t : targets()) {
                for (const QString& file : filesIn(QStringLiteral(JIFEN_FUZZ_DIR "/%1/%2").arg(kind, t.first)))
                    QTest::newRow(qPrintable(QStringLiteral("%1/%2/%3").arg(kind, t.first, QFileInfo(file).fileName())))
                        << t.first << file;
            }
        }
    }
    void input()
    {
        QFETCH(QString, target);
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const QByteArray bytes = f.readAll();
        const Target run = targetNamed(target);
        QVERIFY(run);
        QCOMPARE(run(reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())),
                 0);
    }
};

QTEST_GUILESS_MAIN(TstFuzzRegressions)
#include "tst_fuzz_regressions.moc"
