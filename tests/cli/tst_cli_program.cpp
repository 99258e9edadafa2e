// The points program from the `jifen` command line (docs/cli.md, docs/program.md), tested
// against the real binary: the JSON keys of every new command's happy path, that bad input of
// every kind is exit 2 and changes nothing, that every compliance refusal is exit 3 with a
// message naming the rule (and changes nothing), that a statement adds up, and that its PDF
// carries the Chinese text. Phone numbers never leave the process unmasked.

#include "cli_suite.h"
#include "error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

using namespace jifen::test;

namespace {

// The fixture's members. None of these numbers may ever be printed in full.
const QString kHead = u"13800138000"_s;     // 张三, 500 points, heads a household with kSpouse
const QString kSpouse = u"13700137000"_s;   // 李梅, in 张三's household
const QString kStranger = u"13600136000"_s; // 王五, in no household
const QStringList kPhones{kHead,           kSpouse, kStranger, u"13500135001"_s, u"13500135002"_s, u"13500135003"_s,
                          u"13500135004"_s};
const QString kSchoolCard = u"EDU-0001"_s; // an institution member, by card only
const QString kManagerPin = u"2468"_s;
const QString kNow = u"2026-03-10T10:00:00+08:00"_s;

// The lines only one of two snapshots has, for a readable failure.
QString snapshotDiff(const QString& before, const QString& after)
{
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    QStringList out;
    for (const QString& l : a) {
        if (!b.contains(l))
            out << u"- "_s + l;
    }
    for (const QString& l : b) {
        if (!a.contains(l))
            out << u"+ "_s + l;
    }
    return out.mid(0, 10).join(QLatin1Char('\n'));
}

bool copyDirectory(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QString& f : QDir(from).entryList(QDir::Files)) {
        if (!QFile::copy(QDir(from).filePath(f), QDir(to).filePath(f)))
            return false;
    }
    return true;
}

QStringList missingKeys(const QJsonObject& o, const QStringList& keys)
{
    QStringList missing;
    for (const QString& k : keys) {
        if (!o.contains(k))
            missing.append(k);
    }
    return missing;
}

// The built-in rule set, as a starting point for the rule files the tests load.
QJsonObject defaultRules()
{
    QFile f(QDir(qEnvironmentVariable("JIFEN_SOURCE_DIR")).filePath(u"resources/rules/default.json"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// A rule file by name: "v2" is the default set as version 2; the others each break one line.
QByteArray ruleFile(const QString& kind)
{
    QJsonObject r = defaultRules();
    r.insert(u"version"_s, 2);
    if (kind == u"same-version"_s) {
        r.insert(u"version"_s, 1);
    } else if (kind == u"cash-reward"_s) {
        QJsonArray catalog = r.value(u"catalog"_s).toArray();
        catalog.append(QJsonObject{
            {u"code"_s, u"CASH-10"_s}, {u"name"_s, u"现金10元"_s}, {u"kind"_s, u"cash"_s}, {u"points"_s, 1000}});
        r.insert(u"catalog"_s, catalog);
    } else if (kind == u"cash-value-text"_s) {
        // money is written as yuan text everywhere else in a rule set ("price": "25.00")
        QJsonArray catalog = r.value(u"catalog"_s).toArray();
        QJsonObject voucher = catalog.at(0).toObject();
        voucher.insert(u"cash_value"_s, u"50.00"_s);
        catalog.replace(0, voucher);
        r.insert(u"catalog"_s, catalog);
    } else if (kind == u"offset-below-face"_s) {
        r.insert(u"offset"_s, QJsonObject{{u"points_per_yuan"_s, 50}});
    } else if (kind == u"offset-99"_s) {
        r.insert(u"offset"_s, QJsonObject{{u"points_per_yuan"_s, 99}});
    } else if (kind == u"interest-nested"_s) {
        QJsonObject earn = r.value(u"earn"_s).toObject();
        earn.insert(u"interest_rate"_s, 0.02);
        r.insert(u"earn"_s, earn);
    } else if (kind == u"interest"_s) {
        r.insert(u"interest_rate"_s, 0.02);
    } else if (kind == u"malformed"_s) {
        return QJsonDocument(r).toJson().left(200);
    } else if (kind == u"negative-rate"_s) {
        QJsonObject earn = r.value(u"earn"_s).toObject();
        earn.insert(u"default_rate"_s, -1);
        r.insert(u"earn"_s, earn);
    }
    return QJsonDocument(r).toJson();
}

} // namespace

class CliProgram : public QObject {
    Q_OBJECT

private:
    JifenCli m_cli{kPhones};
    QTemporaryDir m_fixtureDir;
    QString m_fixture; // setUpTerminal(), made once and copied for each test

    Run jifen(const QString& dataDir, const QStringList& args, const QString& now = kNow)
    {
        QProcessEnvironment env = cliEnvironment(now);
        // As from cron or a support shell: no display. `statement --format pdf` must cope alone.
        env.remove(u"QT_QPA_PLATFORM"_s);
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        return m_cli.run(dataDir, args, env);
    }
    auto runner()
    {
        return [this](const QString& dir, const QStringList& args) { return jifen(dir, args); };
    }
    bool runSteps(const QString& dir, const QList<QStringList>& steps)
    {
        return jifen::test::runSteps(dir, steps, runner());
    }

    // An initialised terminal: a manager and a cashier; 张三 (500 points) heading a household with
    // 李梅; 王五 outside it; a school by card.
    bool setUpTerminal(const QString& dir)
    {
        return runSteps(
            dir,
            {
                {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s, u"--merchant-category"_s,
                 u"supermarket"_s},
                {u"operator"_s, u"add"_s, u"--name"_s, u"王经理"_s, u"--role"_s, u"manager"_s, u"--pin"_s, kManagerPin},
                {u"operator"_s, u"add"_s, u"--name"_s, u"小李"_s, u"--role"_s, u"cashier"_s, u"--pin"_s, u"1357"_s},
                {u"member"_s, u"add"_s, u"--phone"_s, kHead, u"--name"_s, u"张三"_s},
                {u"member"_s, u"add"_s, u"--phone"_s, kSpouse, u"--name"_s, u"李梅"_s},
                {u"member"_s, u"add"_s, u"--phone"_s, kStranger, u"--name"_s, u"王五"_s},
                {u"member"_s, u"add"_s, u"--card"_s, kSchoolCard, u"--name"_s, u"阳光小学"_s, u"--kind"_s,
                 u"institution"_s},
                {u"sale"_s, u"--ref"_s, u"s1"_s, u"--phone"_s, kHead, u"--amount"_s, u"500"_s},
                {u"household"_s, u"create"_s, u"--phone"_s, kHead},
                {u"household"_s, u"add"_s, u"--phone"_s, kHead, u"--member"_s, kSpouse},
            });
    }

    // Everything a user or a reader of the database can observe.
    QString snapshot(const QString& dir)
    {
        return observe(dir,
                       {{u"journal"_s},
                        {u"--json"_s, u"member"_s, u"show"_s, u"--phone"_s, kHead},
                        {u"--json"_s, u"member"_s, u"show"_s, u"--phone"_s, kSpouse},
                        {u"--json"_s, u"household"_s, u"show"_s, u"--phone"_s, kHead},
                        {u"--json"_s, u"allowance"_s, u"show"_s},
                        {u"--json"_s, u"report"_s, u"charities"_s},
                        {u"--json"_s, u"rules"_s, u"show"_s}},
                       runner());
    }

    QJsonObject runJson(const QString& dir, QStringList args, const QString& now = kNow)
    {
        args.prepend(u"--json"_s);
        const Run r = jifen(dir, args, now);
        if (r.exitCode != 0 || r.status != QProcess::NormalExit || !r.err.isEmpty()) {
            qWarning().noquote() << "jifen" << args.join(QLatin1Char(' ')) << "failed:" << r.describe();
            return {};
        }
        QString problem;
        QJsonObject o = parseObject(r.out, &problem);
        if (!problem.isEmpty())
            qWarning().noquote() << problem;
        return o;
    }

    // "@rules:KIND" in a row's arguments becomes a rule file of that kind in `dir`.
    static QStringList withRuleFiles(QStringList args, const QString& dir)
    {
        for (QString& a : args) {
            if (!a.startsWith(u"@rules:"_s))
                continue;
            const QString kind = a.mid(7);
            const QString path = QDir(dir).filePath(u"rules-%1.json"_s.arg(kind));
            QFile f(path);
            if (f.open(QIODevice::WriteOnly))
                f.write(ruleFile(kind));
            a = path;
        }
        return args;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_cli.locate(), qPrintable(m_cli.bin()));
        QVERIFY2(!defaultRules().isEmpty(), "JIFEN_SOURCE_DIR must point at the source tree");
        QVERIFY(m_fixtureDir.isValid());
        m_fixture = m_fixtureDir.filePath(u"fixture"_s);
        QVERIFY(setUpTerminal(m_fixture));
    }

    // A fresh copy of the fixture terminal (the PIN hashing makes building it slow).
    bool freshTerminal(const QString& dir) { return copyDirectory(m_fixture, dir); }

    void cleanup()
    {
        const QStringList leaks = m_cli.takeLeaks();
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u"\n\n"_s)));
    }

    // Bad input (2), not found (4) and refusals (3): the exit code, one clear line that names the
    // rule, and nothing changed, with and without --json.
    void failureChangesNothing_data()
    {
        QTest::addColumn<QList<QStringList>>("prep"); // steps after the fixture, before the snapshot
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("needle"); // a stable part of the message; empty: any

        const QString H = kHead, S = kSpouse, X = kStranger, pin = kManagerPin;
        const auto row = [](const char* name, const QStringList& args, int code, const QString& needle = QString(),
                            const QList<QStringList>& prep = {}) {
            QTest::newRow(name) << prep << args << code << needle;
        };
        const auto transfer = [&](const QString& to, const QString& points) {
            return QStringList{u"transfer"_s, u"--ref"_s, u"t1"_s,    u"--from"_s, H, u"--to"_s, to,
                               u"--points"_s, points,     u"--pin"_s, pin};
        };
        const auto donate = [&](const QString& charity, const QString& points) {
            return QStringList{u"donate"_s,    u"--ref"_s, u"d1"_s,       u"--phone"_s, H,
                               u"--charity"_s, charity,    u"--points"_s, points};
        };
        const auto green = [&](const QString& ref, const QString& action) {
            return QStringList{u"green"_s, u"--ref"_s, ref, u"--phone"_s, H, u"--action"_s, action, u"--pin"_s, pin};
        };
        const auto adjust = [&](const QString& points, const QString& reason) {
            return QStringList{u"adjust"_s, u"--ref"_s,    u"a1"_s, u"--phone"_s, H,  u"--points"_s,
                               points,      u"--reason"_s, reason,  u"--pin"_s,   pin};
        };
        const auto answer = [&](const QString& survey, const QStringList& answers) {
            QStringList a{u"survey"_s, u"answer"_s, u"--ref"_s, u"q1"_s, u"--phone"_s, H, u"--survey"_s, survey};
            for (const QString& x : answers)
                a << u"--answer"_s << x;
            return a;
        };
        const auto statement = [&](const QStringList& extra) {
            return QStringList{u"statement"_s, u"--phone"_s, H} + extra;
        };
        const auto itemSale = [&](const QStringList& extra) {
            return QStringList{u"sale"_s, u"--ref"_s, u"i1"_s, u"--phone"_s, H} + extra;
        };
        const auto addMember = [](const QString& phone) {
            return QStringList{u"member"_s, u"add"_s, u"--phone"_s, phone, u"--name"_s, u"家人"_s};
        };
        const auto joinHousehold = [&](const QString& phone) {
            return QStringList{u"household"_s, u"add"_s, u"--phone"_s, H, u"--member"_s, phone};
        };

        // ---- bad input (2) ----
        row("household create without --phone", {u"household"_s, u"create"_s}, 2);
        row("household create bad phone", {u"household"_s, u"create"_s, u"--phone"_s, u"1380013800"_s}, 2);
        row("household add without --member", {u"household"_s, u"add"_s, u"--phone"_s, H}, 2);
        row("household add bad member phone", joinHousehold(u"12345"_s), 2);
        row("household remove bad member phone",
            {u"household"_s, u"remove"_s, u"--phone"_s, H, u"--member"_s, u"1370013700x"_s}, 2);
        row("household show bad phone", {u"household"_s, u"show"_s, u"--phone"_s, u"abc"_s}, 2);
        row("household unknown subcommand", {u"household"_s, u"delete"_s, u"--phone"_s, H}, 2);
        row("transfer points 0", transfer(S, u"0"_s), 2);
        row("transfer points negative", transfer(S, u"-100"_s), 2);
        row("transfer points not a number", transfer(S, u"1e3"_s), 2);
        row("transfer without --to",
            {u"transfer"_s, u"--ref"_s, u"t1"_s, u"--from"_s, H, u"--points"_s, u"10"_s, u"--pin"_s, pin}, 2);
        row("transfer bad --to phone", transfer(u"1370013700"_s, u"10"_s), 2);
        row("transfer bad ref",
            {u"transfer"_s, u"--ref"_s, u"a;b"_s, u"--from"_s, H, u"--to"_s, S, u"--points"_s, u"10"_s, u"--pin"_s,
             pin},
            2);
        row("donate points 0", donate(u"STRAY-ANIMALS"_s, u"0"_s), 2);
        row("donate points 1.5", donate(u"STRAY-ANIMALS"_s, u"1.5"_s), 2);
        row("donate without --charity", {u"donate"_s, u"--ref"_s, u"d1"_s, u"--phone"_s, H, u"--points"_s, u"10"_s}, 2);
        row("donate with --phone and --card", donate(u"STRAY-ANIMALS"_s, u"10"_s) << u"--card"_s << kSchoolCard, 2);
        row("donate with neither --phone nor --card",
            {u"donate"_s, u"--ref"_s, u"d1"_s, u"--charity"_s, u"STRAY-ANIMALS"_s, u"--points"_s, u"10"_s}, 2);
        row("green unknown action", green(u"g1"_s, u"dance"_s), 2);
        row("green without --action", {u"green"_s, u"--ref"_s, u"g1"_s, u"--phone"_s, H, u"--pin"_s, pin}, 2);
        row("adjust without --reason",
            {u"adjust"_s, u"--ref"_s, u"a1"_s, u"--phone"_s, H, u"--points"_s, u"10"_s, u"--pin"_s, pin}, 2);
        row("adjust empty reason", adjust(u"10"_s, QString()), 2);
        row("adjust reason of 201 characters", adjust(u"10"_s, QString(201, QChar(u'错'))), 2);
        row("adjust points 0", adjust(u"0"_s, u"盘点"_s), 2);
        row("adjust points -0", adjust(u"-0"_s, u"盘点"_s), 2);
        row("adjust points 1.5", adjust(u"1.5"_s, u"盘点"_s), 2);
        row("adjust points --5", adjust(u"--5"_s, u"盘点"_s), 2);
        row("survey answer without =", answer(u"ECO-2026"_s, {u"bag"_s}), 2);
        row("survey answer with an empty question", answer(u"ECO-2026"_s, {u"=总是"_s}), 2);
        row("survey answer unknown question", answer(u"ECO-2026"_s, {u"colour=red"_s}), 2);
        row("survey answer not one of the options", answer(u"ECO-2026"_s, {u"bag=从不"_s}), 2);
        row("survey answer without --answer",
            {u"survey"_s, u"answer"_s, u"--ref"_s, u"q1"_s, u"--phone"_s, H, u"--survey"_s, u"ECO-2026"_s}, 2);
        row("statement month 2026-13", statement({u"--month"_s, u"2026-13"_s}), 2);
        row("statement month 2026-3", statement({u"--month"_s, u"2026-3"_s}), 2);
        row("statement without --month", statement({}), 2);
        row("statement format docx", statement({u"--month"_s, u"2026-03"_s, u"--format"_s, u"docx"_s}), 2);
        row("statement pdf without --out", statement({u"--month"_s, u"2026-03"_s, u"--format"_s, u"pdf"_s}), 2);
        row("statement empty --out", statement({u"--month"_s, u"2026-03"_s, u"--out="_s}), 2);
        row("statement --phone and --card", statement({u"--card"_s, kSchoolCard, u"--month"_s, u"2026-03"_s}), 2);
        row("report day bad date", {u"report"_s, u"day"_s, u"--date"_s, u"2026-02-30"_s}, 2);
        row("allowance show month 2026-13", {u"allowance"_s, u"show"_s, u"--month"_s, u"2026-13"_s}, 2);
        row("allowance show empty month", {u"allowance"_s, u"show"_s, u"--month="_s}, 2);
        row("allowance set points -1", {u"allowance"_s, u"set"_s, u"--points"_s, u"-1"_s}, 2);
        row("allowance set points x", {u"allowance"_s, u"set"_s, u"--points"_s, u"x"_s}, 2);
        row("allowance set without --points", {u"allowance"_s, u"set"_s}, 2);
        row("rules load without a file", {u"rules"_s, u"load"_s}, 2);
        row("rules load two files", {u"rules"_s, u"load"_s, u"@rules:v2"_s, u"@rules:v2"_s}, 2);
        row("rules load file and --file", {u"rules"_s, u"load"_s, u"@rules:v2"_s, u"--file"_s, u"@rules:v2"_s}, 2);
        row("rules load malformed JSON", {u"rules"_s, u"load"_s, u"@rules:malformed"_s}, 2);
        row("rules load with a negative earn rate", {u"rules"_s, u"load"_s, u"@rules:negative-rate"_s}, 2);
        row("sale item without quantity", itemSale({u"--item"_s, u"6901000000011"_s}), 2);
        row("sale item quantity 0", itemSale({u"--item"_s, u"6901000000011:0"_s}), 2);
        row("sale item quantity 1000", itemSale({u"--item"_s, u"6901000000011:1000"_s}), 2);
        row("sale item bad price", itemSale({u"--item"_s, u"6901000000011:1:-3"_s}), 2);
        row("sale item and amount", itemSale({u"--item"_s, u"6901000000011:1"_s, u"--amount"_s, u"25"_s}), 2);
        row("sale item and empty amount", itemSale({u"--item"_s, u"6901000000011:1"_s, u"--amount="_s}), 2);
        row("sale tender bitcoin", itemSale({u"--item"_s, u"6901000000011:1"_s, u"--tender"_s, u"bitcoin"_s}), 2);
        row("sale empty tender", itemSale({u"--item"_s, u"6901000000011:1"_s, u"--tender="_s}), 2);
        row("sale empty cashier", itemSale({u"--item"_s, u"6901000000011:1"_s, u"--cashier="_s}), 2);
        row("sale neither amount nor item", itemSale({}), 2);

        // ---- not found (4) ----
        row("household show of a member in none", {u"household"_s, u"show"_s, u"--phone"_s, X}, 4);
        row("household add unknown member", joinHousehold(u"13900139000"_s), 4);
        row("donate unknown charity", donate(u"NO-SUCH"_s, u"10"_s), 4);
        row("survey answer unknown survey", answer(u"NO-SUCH"_s, {u"bag=总是"_s}), 4);
        row("statement unknown member", {u"statement"_s, u"--phone"_s, u"13900139000"_s, u"--month"_s, u"2026-03"_s},
            4);
        row("sale unknown SKU", itemSale({u"--item"_s, u"0000000000000:1"_s}), 4);
        row("rules load missing file", {u"rules"_s, u"load"_s, u"/nonexistent/rules.json"_s}, 4);
        row("sale by an unknown cashier", itemSale({u"--item"_s, u"6901000000011:1"_s, u"--cashier"_s, u"nobody"_s}),
            4);

        // ---- refused (3), each naming its rule ----
        row("transfer to a member outside the household (rule 4)", transfer(X, u"10"_s), 3, u"household"_s);
        row("transfer without a PIN",
            {u"transfer"_s, u"--ref"_s, u"t1"_s, u"--from"_s, H, u"--to"_s, S, u"--points"_s, u"10"_s}, 3, u"PIN"_s);
        row("transfer beyond the balance", transfer(S, u"501"_s), 3);
        row("transfer beyond the monthly limit", transfer(S, u"5001"_s), 3, u"5000"_s,
            {{u"adjust"_s, u"--ref"_s, u"a0"_s, u"--phone"_s, H, u"--points"_s, u"6000"_s, u"--reason"_s,
              u"门店活动补录"_s, u"--pin"_s, pin}});
        row("adjust without a PIN",
            {u"adjust"_s, u"--ref"_s, u"a1"_s, u"--phone"_s, H, u"--points"_s, u"10"_s, u"--reason"_s, u"盘点"_s}, 3,
            u"PIN"_s);
        row("adjust below zero", adjust(u"-501"_s, u"盘点"_s), 3);
        row("green without a PIN", {u"green"_s, u"--ref"_s, u"g9"_s, u"--phone"_s, H, u"--action"_s, u"share"_s}, 3,
            u"PIN"_s);
        row("green beyond the monthly cap", green(u"g4"_s, u"share"_s), 3, u"300"_s,
            {green(u"g1"_s, u"training"_s), green(u"g2"_s, u"training"_s), green(u"g3"_s, u"training"_s)});
        row("donate beyond the balance", donate(u"STRAY-ANIMALS"_s, u"501"_s), 3);
        row("household of 5 plus one", joinHousehold(kPhones.at(6)), 3, u"5"_s,
            {addMember(kPhones.at(3)), addMember(kPhones.at(4)), addMember(kPhones.at(5)), addMember(kPhones.at(6)),
             joinHousehold(kPhones.at(3)), joinHousehold(kPhones.at(4)), joinHousehold(kPhones.at(5))});
        row("household add a member of another household", joinHousehold(S), 3);
        row("household remove the head", {u"household"_s, u"remove"_s, u"--phone"_s, H, u"--member"_s, H}, 3);
        row("household create for a member already in one", {u"household"_s, u"create"_s, u"--phone"_s, S}, 3);
        row("survey answered twice", answer(u"ECO-2026"_s, {u"bag=有时"_s}), 3, QString(),
            {QStringList{u"survey"_s, u"answer"_s, u"--ref"_s, u"q0"_s, u"--phone"_s, H, u"--survey"_s, u"ECO-2026"_s,
                         u"--answer"_s, u"bag=总是"_s}});
        row("rules load with a cash reward (rule 3)", {u"rules"_s, u"load"_s, u"@rules:cash-reward"_s}, 3, u"cash"_s);
        row("rules load with an offset below 100 points per yuan (rule 3)",
            {u"rules"_s, u"load"_s, u"--file"_s, u"@rules:offset-below-face"_s}, 3, u"face value"_s);
        row("rules load with a cash value written as yuan text (rule 3)",
            {u"rules"_s, u"load"_s, u"@rules:cash-value-text"_s}, 3, u"cash"_s);
        row("rules load with an offset of 99 points per yuan (rule 3)", {u"rules"_s, u"load"_s, u"@rules:offset-99"_s},
            3, u"face value"_s);
        row("rules load with an interest rate inside earn (rule 5)",
            {u"rules"_s, u"load"_s, u"@rules:interest-nested"_s}, 3, u"interest"_s);
        row("rules load with an interest rate (rule 5)", {u"rules"_s, u"load"_s, u"@rules:interest"_s}, 3,
            u"interest"_s);
        row("rules load a version not newer", {u"rules"_s, u"load"_s, u"@rules:same-version"_s}, 3, u"newer"_s);
    }

    void failureChangesNothing()
    {
        QFETCH(QList<QStringList>, prep);
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, needle);

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        QVERIFY(freshTerminal(dir));
        QVERIFY(runSteps(dir, prep));
        const QStringList line = withRuleFiles(args, tmp.path());
        const QString before = snapshot(dir);

        checkErrorContract(jifen(dir, line), exitCode, false, needle);
        if (QTest::currentTestFailed())
            return;
        const QString after = snapshot(dir);
        QVERIFY2(after == before,
                 qPrintable(u"the failed command changed something:\n"_s + snapshotDiff(before, after)));
        checkErrorContract(jifen(dir, QStringList{u"--json"_s} + line), exitCode, true, needle);
        if (QTest::currentTestFailed())
            return;
        const QString afterJson = snapshot(dir);
        QVERIFY2(afterJson == before,
                 qPrintable(u"the failed command changed something:\n"_s + snapshotDiff(before, afterJson)));
    }

    void programHappyPath()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        QVERIFY(freshTerminal(dir));
        const QString H = kHead, S = kSpouse, pin = kManagerPin;
        const auto expectKeys = [](const QJsonObject& o, const QStringList& keys) {
            const QStringList missing = missingKeys(o, keys);
            if (!missing.isEmpty())
                qWarning().noquote() << "missing" << missing << "in" << QJsonDocument(o).toJson(QJsonDocument::Compact);
            return missing.isEmpty();
        };

        // household show: both members, phones masked
        const QJsonObject household = runJson(dir, {u"household"_s, u"show"_s, u"--phone"_s, S});
        QVERIFY(expectKeys(household, {u"household_id"_s, u"members"_s}));
        QCOMPARE(household.value(u"members"_s).toArray().size(), 2);

        // transfer inside the household, and its retry
        const QStringList transferArgs{u"transfer"_s, u"--ref"_s, u"t1"_s,    u"--from"_s, H, u"--to"_s, S,
                                       u"--points"_s, u"100"_s,   u"--pin"_s, pin};
        const QJsonObject transfer = runJson(dir, transferArgs);
        QVERIFY(expectKeys(transfer, {u"ref"_s, u"points"_s, u"from_balance"_s, u"to_balance"_s, u"approved_by"_s}));
        QCOMPARE(transfer.value(u"points"_s).toInteger(), 100);
        QCOMPARE(transfer.value(u"from_balance"_s).toInteger(), 400);
        QCOMPARE(transfer.value(u"to_balance"_s).toInteger(), 100);
        QCOMPARE(transfer.value(u"approved_by"_s).toString(), u"王经理"_s);
        QCOMPARE(runJson(dir, transferArgs), transfer);

        // donate, with the program's 10% pledge
        const QJsonObject donation = runJson(dir, {u"donate"_s, u"--ref"_s, u"d1"_s, u"--phone"_s, H, u"--charity"_s,
                                                   u"STRAY-ANIMALS"_s, u"--points"_s, u"50"_s});
        QVERIFY(expectKeys(donation, {u"ref"_s, u"charity"_s, u"points"_s, u"match_points"_s, u"balance"_s}));
        QCOMPARE(donation.value(u"match_points"_s).toInteger(), 5);
        QCOMPARE(donation.value(u"balance"_s).toInteger(), 350);

        // green action, by card, for an institution
        const QJsonObject green = runJson(dir, {u"green"_s, u"--ref"_s, u"g1"_s, u"--card"_s, kSchoolCard,
                                                u"--action"_s, u"training"_s, u"--pin"_s, pin});
        QVERIFY(expectKeys(green,
                           {u"ref"_s, u"action"_s, u"points"_s, u"balance"_s, u"green_balance"_s, u"approved_by"_s}));
        QCOMPARE(green.value(u"points"_s).toInteger(), 100);
        QCOMPARE(green.value(u"green_balance"_s).toInteger(), 100);

        // adjust up and down (a leading '-' is a negative adjustment, not a flag)
        const QJsonObject up = runJson(dir, {u"adjust"_s, u"--ref"_s, u"a1"_s, u"--phone"_s, H, u"--points"_s, u"20"_s,
                                             u"--reason"_s, u"补录漏积分"_s, u"--pin"_s, pin});
        QVERIFY(expectKeys(up, {u"ref"_s, u"points"_s, u"balance"_s, u"approved_by"_s}));
        QCOMPARE(up.value(u"balance"_s).toInteger(), 370);
        const QJsonObject down = runJson(dir, {u"adjust"_s, u"--ref"_s, u"a2"_s, u"--phone"_s, H, u"--points"_s,
                                               u"-30"_s, u"--reason"_s, u"重复积分冲正"_s, u"--pin"_s, pin});
        QCOMPARE(down.value(u"balance"_s).toInteger(), 340);

        // surveys
        const QJsonObject surveys = runJson(dir, {u"survey"_s, u"list"_s});
        QVERIFY(expectKeys(surveys, {u"surveys"_s}));
        QStringList codes;
        for (const auto& v : surveys.value(u"surveys"_s).toArray()) {
            QVERIFY(expectKeys(v.toObject(), {u"code"_s, u"title"_s, u"questions"_s}));
            codes.append(v.toObject().value(u"code"_s).toString());
        }
        QVERIFY2(codes.contains(u"ECO-2026"_s) && codes.contains(u"PREF-2026"_s), qPrintable(codes.join(u","_s)));
        const QJsonObject answered =
            runJson(dir, {u"survey"_s, u"answer"_s, u"--ref"_s, u"q1"_s, u"--phone"_s, H, u"--survey"_s, u"PREF-2026"_s,
                          u"--answer"_s, u"reward=电影票"_s, u"--answer"_s, u"idea=多一些 宠物 用品"_s});
        QVERIFY(expectKeys(answered, {u"ref"_s, u"survey"_s, u"answered"_s, u"green_points"_s}));
        QCOMPARE(answered.value(u"answered"_s).toInteger(), 2);
        QCOMPARE(answered.value(u"green_points"_s).toInteger(), 50);

        // a sale of items: per-line earning, green points for the eco item, the cashier recorded
        const QJsonObject items =
            runJson(dir, {u"sale"_s, u"--ref"_s, u"s2"_s, u"--phone"_s, H, u"--item"_s, u"6901000000035:2"_s,
                          u"--item"_s, u"6901000000042:1"_s, u"--cashier"_s, u"小李"_s, u"--tender"_s, u"wechat"_s});
        QVERIFY(expectKeys(items, {u"ref"_s, u"amount"_s, u"points_earned"_s, u"balance"_s, u"items"_s}));
        QCOMPARE(items.value(u"amount"_s).toString(), u"119.90"_s);
        QCOMPARE(items.value(u"items"_s).toArray().size(), 2);
        QCOMPARE(items.value(u"points_earned"_s).toInteger(), 90 + 29);
        const Run itemText = jifen(dir, {u"sale"_s, u"--ref"_s, u"s3"_s, u"--phone"_s, H, u"--item"_s,
                                         u"6901000000011:1:19.80"_s, u"--cashier"_s, u"小李"_s});
        QVERIFY2(itemText.exitCode == 0, qPrintable(itemText.describe()));
        QVERIFY2(itemText.out.contains("6901000000011") && itemText.out.contains("+19"),
                 qPrintable(itemText.describe()));

        // allowance
        const QJsonObject allowance = runJson(dir, {u"allowance"_s, u"show"_s});
        QVERIFY(expectKeys(allowance, {u"month"_s, u"granted"_s, u"used"_s}));
        QCOMPARE(allowance.value(u"month"_s).toString(), u"2026-03"_s);
        const QJsonObject raised = runJson(dir, {u"allowance"_s, u"set"_s, u"--points"_s, u"2000000"_s});
        QCOMPARE(raised.value(u"granted"_s).toInteger(), 2000000);
        QCOMPARE(runJson(dir, {u"allowance"_s, u"show"_s, u"--month"_s, u"2026-03"_s}).value(u"granted"_s).toInteger(),
                 2000000);

        // reports
        const QJsonObject day = runJson(dir, {u"report"_s, u"day"_s});
        QVERIFY(expectKeys(day, {u"date"_s, u"sales"_s, u"cashiers"_s}));
        QCOMPARE(day.value(u"date"_s).toString(), u"2026-03-10"_s);
        QCOMPARE(day.value(u"sales"_s).toInteger(), 3);
        const QJsonObject charities = runJson(dir, {u"report"_s, u"charities"_s});
        bool found = false;
        for (const auto& v : charities.value(u"charities"_s).toArray()) {
            const QJsonObject c = v.toObject();
            QVERIFY(expectKeys(c, {u"code"_s, u"name"_s, u"donations"_s, u"points"_s, u"match_points"_s}));
            if (c.value(u"code"_s).toString() == u"STRAY-ANIMALS"_s) {
                found = true;
                QCOMPARE(c.value(u"points"_s).toInteger(), 50);
                QCOMPARE(c.value(u"match_points"_s).toInteger(), 5);
            }
        }
        QVERIFY(found);

        // rules load: the positional FILE and --file forms
        const QString v2 = withRuleFiles({u"@rules:v2"_s}, tmp.path()).first();
        const QJsonObject loaded = runJson(dir, {u"rules"_s, u"load"_s, v2});
        QVERIFY(expectKeys(loaded, {u"version"_s, u"name"_s}));
        QCOMPARE(loaded.value(u"version"_s).toInt(), 2);
        QFile v3(tmp.filePath(u"rules-v3.json"_s));
        QVERIFY(v3.open(QIODevice::WriteOnly));
        QJsonObject rules3 = defaultRules();
        rules3.insert(u"version"_s, 3);
        v3.write(QJsonDocument(rules3).toJson());
        v3.close();
        QCOMPARE(runJson(dir, {u"rules"_s, u"load"_s, u"--file"_s, v3.fileName()}).value(u"version"_s).toInt(), 3);
        QCOMPARE(runJson(dir, {u"rules"_s, u"show"_s}).value(u"version"_s).toInt(), 3);

        // the ledger still verifies after all of it
        const Run verify = jifen(dir, {u"verify"_s});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
    }

    void statementAddsUp_data()
    {
        QTest::addColumn<QString>("month");
        QTest::addColumn<QString>("now");
        QTest::newRow("the month of the activity") << u"2026-03"_s << kNow;
        QTest::newRow("a quiet later month") << u"2026-04"_s << u"2026-05-02T09:00:00+08:00"_s;
        QTest::newRow("a month before any activity") << u"2026-02"_s << kNow;
    }

    void statementAddsUp()
    {
        QFETCH(QString, month);
        QFETCH(QString, now);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        QVERIFY(freshTerminal(dir));
        const QString H = kHead, pin = kManagerPin;
        QVERIFY(runSteps(
            dir, {
                     {u"sale"_s, u"--ref"_s, u"s2"_s, u"--phone"_s, H, u"--amount"_s, u"80"_s, u"--offset-points"_s,
                      u"200"_s},
                     {u"redeem"_s, u"--ref"_s, u"r1"_s, u"--phone"_s, H, u"--reward"_s, u"FRUIT-WASH"_s},
                     {u"refund"_s, u"--ref"_s, u"f1"_s, u"--of"_s, u"s1"_s, u"--amount"_s, u"50"_s},
                     {u"transfer"_s, u"--ref"_s, u"t1"_s, u"--from"_s, H, u"--to"_s, kSpouse, u"--points"_s, u"10"_s,
                      u"--pin"_s, pin},
                     {u"donate"_s, u"--ref"_s, u"d1"_s, u"--phone"_s, H, u"--charity"_s, u"STRAY-ANIMALS"_s,
                      u"--points"_s, u"7"_s},
                     {u"green"_s, u"--ref"_s, u"g1"_s, u"--phone"_s, H, u"--action"_s, u"share"_s, u"--pin"_s, pin},
                     {u"adjust"_s, u"--ref"_s, u"a1"_s, u"--phone"_s, H, u"--points"_s, u"-3"_s, u"--reason"_s,
                      u"冲正"_s, u"--pin"_s, pin},
                     {u"sale"_s, u"--ref"_s, u"s3"_s, u"--phone"_s, H, u"--item"_s, u"6901000000028:1"_s},
                 }));

        const QStringList base{u"statement"_s, u"--phone"_s, H, u"--month"_s, month};
        const QJsonObject s = runJson(dir, base, now);
        const QStringList missing = missingKeys(
            s, {u"month"_s, u"member_id"_s, u"phone_masked"_s, u"name"_s, u"opening"_s, u"earned"_s, u"refunded"_s,
                u"redeemed"_s, u"offset"_s, u"expired"_s, u"transferred"_s, u"donated"_s, u"green"_s, u"adjusted"_s,
                u"closing"_s, u"green_earned"_s, u"green_closing"_s, u"expiring_soon"_s, u"warm_line"_s});
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
        QVERIFY2(!s.contains(u"out"_s), "\"out\" only when --out was given");
        QCOMPARE(s.value(u"month"_s).toString(), month);
        QCOMPARE(s.value(u"phone_masked"_s).toString(), u"138****8000"_s);
        QCOMPARE(s.value(u"name"_s).toString(), u"张三"_s);
        QVERIFY(!s.value(u"warm_line"_s).toString().isEmpty());
        qint64 sum = s.value(u"opening"_s).toInteger();
        for (const char* k :
             {"earned", "refunded", "redeemed", "offset", "expired", "transferred", "donated", "green", "adjusted"})
            sum += s.value(QLatin1String(k)).toInteger();
        QCOMPARE(sum, s.value(u"closing"_s).toInteger());
        const qint64 balance =
            runJson(dir, {u"member"_s, u"show"_s, u"--phone"_s, H}, now).value(u"balance"_s).toInteger();
        if (month == u"2026-02"_s) {
            QCOMPARE(s.value(u"closing"_s).toInteger(), 0);
        } else {
            QCOMPARE(s.value(u"closing"_s).toInteger(), balance);
        }
        if (month == u"2026-03"_s) {
            QCOMPARE(s.value(u"opening"_s).toInteger(), 0);
            QCOMPARE(s.value(u"transferred"_s).toInteger(), -10);
            QCOMPARE(s.value(u"donated"_s).toInteger(), -7);
            QCOMPARE(s.value(u"green"_s).toInteger(), 30);
            QCOMPARE(s.value(u"adjusted"_s).toInteger(), -3);
            QCOMPARE(s.value(u"redeemed"_s).toInteger(), -300);
            QCOMPARE(s.value(u"offset"_s).toInteger(), -200);
            QCOMPARE(s.value(u"refunded"_s).toInteger(), -50);
            QCOMPARE(s.value(u"earned"_s).toInteger(), 500 + 78 + 38);
            QCOMPARE(s.value(u"green_earned"_s).toInteger(), 30 + 38);
        }

        // The text statement: every number on it adds up too.
        const Run text = jifen(dir, base, now);
        QVERIFY2(text.exitCode == 0 && text.err.isEmpty(), qPrintable(text.describe()));
        const QString body = QString::fromUtf8(text.out);
        QVERIFY2(body.contains(u"积分月结单"_s) && body.contains(u"张三"_s), qPrintable(body));
        const auto number = [&](const QString& label) -> std::optional<qint64> {
            const QRegularExpression re(u"^%1.*?([+-]?\\d+)\\s*$"_s.arg(QRegularExpression::escape(label)),
                                        QRegularExpression::MultilineOption);
            const auto m = re.match(body);
            if (!m.hasMatch())
                return std::nullopt;
            return m.captured(1).toLongLong();
        };
        const auto opening = number(u"期初余额"_s);
        const auto closing = number(u"期末余额"_s);
        QVERIFY2(opening && closing, qPrintable(body));
        qint64 textSum = *opening;
        for (const QString& label : {u"消费获得"_s, u"退货扣回"_s, u"兑换"_s, u"积分抵扣"_s, u"过期"_s, u"家庭转赠"_s,
                                     u"捐赠"_s, u"绿色行动"_s, u"调整"_s}) {
            const auto v = number(label);
            QVERIFY2(v, qPrintable(label + u"\n"_s + body));
            textSum += *v;
        }
        QCOMPARE(textSum, *closing);
        QCOMPARE(*closing, s.value(u"closing"_s).toInteger());

        // HTML to stdout and to a file
        const Run html = jifen(dir, base + QStringList{u"--format"_s, u"html"_s}, now);
        QVERIFY2(html.exitCode == 0 && html.out.contains("<html") && html.out.contains("积分月结单"),
                 qPrintable(html.describe()));
        const QString htmlPath = tmp.filePath(u"statement.html"_s);
        const QJsonObject htmlJson =
            runJson(dir, base + QStringList{u"--format"_s, u"html"_s, u"--out"_s, htmlPath}, now);
        QCOMPARE(htmlJson.value(u"out"_s).toString(), QFileInfo(htmlPath).absoluteFilePath());
        QFile htmlFile(htmlPath);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        QCOMPARE(htmlFile.readAll(), html.out);
    }

    void statementPdfHasTheChineseText()
    {
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        QVERIFY(freshTerminal(dir));
        QVERIFY(runSteps(dir, {{u"donate"_s, u"--ref"_s, u"d1"_s, u"--phone"_s, kHead, u"--charity"_s,
                                u"STRAY-ANIMALS"_s, u"--points"_s, u"20"_s}}));
        const QString pdf = tmp.filePath(u"张三 2026-03.pdf"_s);
        const QStringList args{u"statement"_s, u"--phone"_s, kHead,      u"--month"_s, u"2026-03"_s,
                               u"--format"_s,  u"pdf"_s,     u"--out"_s, pdf};
        const Run r = jifen(dir, args);
        QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), qPrintable(r.describe()));
        QVERIFY2(r.out.contains("2026-03"), qPrintable(r.describe()));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        f.close();

        QProcess p;
        p.start(pdftotext, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains(u"积分月结单"_s), qPrintable(text));
        QVERIFY2(text.contains(u"张三"_s), qPrintable(text));
        QVERIFY2(text.contains(u"138****8000"_s), qPrintable(text));
        QVERIFY2(text.contains(u"流浪动物救助"_s), qPrintable(u"the warm line names the charity\n"_s + text));
        QVERIFY2(!text.contains(kHead), "the PDF shows the phone number masked");

        // --json adds where the file went; without a GUI session, it still renders off screen
        const QJsonObject json = runJson(dir, args);
        QCOMPARE(json.value(u"out"_s).toString(), QFileInfo(pdf).absoluteFilePath());
        QCOMPARE(json.value(u"name"_s).toString(), u"张三"_s);
    }
};

QTEST_GUILESS_MAIN(CliProgram)
#include "tst_cli_program.moc"
