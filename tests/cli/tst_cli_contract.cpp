// The `jifen` CLI contract (DESIGN.md section 6), tested against the real binary: exit codes,
// one-line errors, the JSON error object, the JSON keys of the happy path, and that bad input of
// any kind changes nothing. Phone numbers never leave the process unmasked.

#include "cli_suite.h"
#include "error.h"
#include "member.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

using namespace jifen::test;

namespace {

const QString kPhone = u"13800138000"_s;             // the fixture member; must never be printed in full
const QString kOtherPhone = u"13900139000"_s;        // a valid number nobody owns
const QString kNow = u"2026-03-10T10:00:00+08:00"_s; // JIFEN_CLOCK for every run unless a test says otherwise

} // namespace

class CliContract : public QObject {
    Q_OBJECT

private:
    JifenCli m_cli{{kPhone}}; // the fixture member's number must never be printed in full

    Run jifen(const QString& dataDir, const QStringList& args, const QString& now = kNow,
              const QString& envDataDir = QString())
    {
        QProcessEnvironment env = cliEnvironment(now);
        if (!envDataDir.isEmpty())
            env.insert(u"JIFEN_DATA_DIR"_s, envDataDir);
        return m_cli.run(dataDir, args, env);
    }
    auto runner()
    {
        return [this](const QString& dir, const QStringList& args) { return jifen(dir, args); };
    }

    // An initialised terminal with one member holding 500 points (sale s1 of 500 yuan).
    bool setUpTerminal(const QString& dir)
    {
        return runSteps(dir,
                        {
                            {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s},
                            {u"member"_s, u"add"_s, u"--phone"_s, kPhone, u"--name"_s, u"张三"_s},
                            {u"sale"_s, u"--ref"_s, u"s1"_s, u"--phone"_s, kPhone, u"--amount"_s, u"500"_s},
                        },
                        runner());
    }

    // Everything a user or a reader of the database can observe.
    QString snapshot(const QString& dir)
    {
        return observe(dir,
                       {{u"journal"_s},
                        {u"--json"_s, u"member"_s, u"show"_s, u"--phone"_s, kPhone},
                        {u"--json"_s, u"catalog"_s, u"list"_s},
                        {u"--json"_s, u"status"_s}},
                       runner());
    }

    QJsonObject runJson(const QString& dir, const QStringList& args, const QString& now = kNow)
    {
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

    static QStringList withJson(QStringList args, const QString& where)
    {
        if (where == u"first"_s)
            args.prepend(u"--json"_s);
        else if (where == u"last"_s)
            args.append(u"--json"_s);
        else
            args.insert(1, u"--json"_s); // between the command word and its flags
        return args;
    }

private slots:
    void initTestCase() { QVERIFY2(m_cli.locate(), qPrintable(m_cli.bin())); }

    void cleanup()
    {
        const QStringList leaks = m_cli.takeLeaks();
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u"\n\n"_s)));
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("initialised"); // false: an empty data directory

        const auto row = [](const char* name, const QStringList& args, int code, bool initialised = true) {
            QTest::newRow(name) << args << code << initialised;
        };
        const QString P = kPhone;
        const auto sale = [&](const QString& amount) {
            return QStringList{u"sale"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, P, u"--amount"_s, amount};
        };
        const auto saleRef = [&](const QString& ref) {
            return QStringList{u"sale"_s, u"--ref"_s, ref, u"--phone"_s, P, u"--amount"_s, u"5"_s};
        };
        const auto redeemQty = [&](const QString& qty) {
            return QStringList{u"redeem"_s,   u"--ref"_s,      u"x1"_s,    u"--phone"_s, P,
                               u"--reward"_s, u"FRUIT-WASH"_s, u"--qty"_s, qty};
        };
        const auto addPhone = [](const QString& phone) {
            return QStringList{u"member"_s, u"add"_s, u"--phone"_s, phone, u"--name"_s, u"李四"_s};
        };

        // usage
        row("unknown command", {u"frobnicate"_s}, 2);
        row("unknown subcommand", {u"member"_s, u"delete"_s, u"--phone"_s, P}, 2);
        row("unknown flag", sale(u"5"_s) << u"--bogus"_s << u"1"_s, 2);
        row("missing required --amount", {u"sale"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, P}, 2);
        row("missing required --ref", {u"sale"_s, u"--phone"_s, P, u"--amount"_s, u"5"_s}, 2);
        row("missing required --reward", {u"redeem"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, P}, 2);
        row("flag without value at end", {u"sale"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, P, u"--amount"_s}, 2);
        row("flag without value (global --data-dir)", {u"journal"_s, u"--data-dir"_s}, 2);
        row("flag given twice",
            {u"sale"_s, u"--ref"_s, u"x1"_s, u"--ref"_s, u"x2"_s, u"--phone"_s, P, u"--amount"_s, u"5"_s}, 2);
        row("stray positional argument", sale(u"5"_s) << u"extra"_s, 2);
        row("empty inline value --as-of=", {u"expire"_s, u"--as-of="_s}, 2);

        // amounts
        row("amount negative", sale(u"-5"_s), 2);
        row("amount three decimals 1.234", sale(u"1.234"_s), 2);
        row("amount exponent 1e5", sale(u"1e5"_s), 2);
        row("amount letters abc", sale(u"abc"_s), 2);
        row("amount empty", sale(QString()), 2);
        row("amount too large 100000000", sale(u"100000000"_s), 2);
        row("amount zero", sale(u"0.00"_s), 2);
        row("refund amount negative", {u"refund"_s, u"--ref"_s, u"x1"_s, u"--of"_s, u"s1"_s, u"--amount"_s, u"-1"_s},
            2);
        row("refund amount empty", {u"refund"_s, u"--ref"_s, u"x1"_s, u"--of"_s, u"s1"_s, u"--amount"_s, QString()}, 2);

        // phones
        row("phone 10 digits (member add)", addPhone(u"1380013800"_s), 2);
        row("phone 12 digits (member add)", addPhone(u"138001380001"_s), 2);
        row("phone starts 12 (member add)", addPhone(u"12800138000"_s), 2);
        row("phone with letters (member add)", addPhone(u"1380013800a"_s), 2);
        row("phone 12 digits (member show)", {u"member"_s, u"show"_s, u"--phone"_s, u"138001380001"_s}, 2);
        row("phone with letters (sale)",
            {u"sale"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, u"13800l38000"_s, u"--amount"_s, u"5"_s}, 2);

        // client references
        row("ref empty", saleRef(QString()), 2);
        row("ref spaces", saleRef(u"   "_s), 2);
        row("ref 65 chars", saleRef(QString(65, QLatin1Char('a'))), 2);
        row("ref with semicolon a;b", saleRef(u"a;b"_s), 2);

        // quantities, dates, offsets
        row("qty 0", redeemQty(u"0"_s), 2);
        row("qty 101", redeemQty(u"101"_s), 2);
        row("qty x", redeemQty(u"x"_s), 2);
        row("as-of 2026-02-30", {u"expire"_s, u"--as-of"_s, u"2026-02-30"_s}, 2);
        row("as-of 2026/01/01", {u"expire"_s, u"--as-of"_s, u"2026/01/01"_s}, 2);
        row("offset-points not a multiple of 100", sale(u"50"_s) << u"--offset-points"_s << u"150"_s, 2);
        row("offset-points negative", sale(u"50"_s) << u"--offset-points"_s << u"-100"_s, 2);

        // not found
        row("unknown reward", {u"redeem"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, P, u"--reward"_s, u"NO-SUCH"_s}, 4);
        row("unknown member (show)", {u"member"_s, u"show"_s, u"--phone"_s, kOtherPhone}, 4);
        row("unknown member (sale)", {u"sale"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, kOtherPhone, u"--amount"_s, u"5"_s},
            4);
        row("unknown member (redeem)",
            {u"redeem"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, kOtherPhone, u"--reward"_s, u"FRUIT-WASH"_s}, 4);
        row("unknown sale for refund", {u"refund"_s, u"--ref"_s, u"x1"_s, u"--of"_s, u"no-such-sale"_s}, 4);
        row("unknown redemption for return-reward", {u"return-reward"_s, u"--ref"_s, u"x1"_s, u"--of"_s, u"nope"_s}, 4);
        row("not initialised (journal)", {u"journal"_s}, 4, false);
        row("not initialised (sale)", sale(u"5"_s), 4, false);
        row("not initialised (member add)", addPhone(kOtherPhone), 4, false);
        row("not initialised (member show)", {u"member"_s, u"show"_s, u"--phone"_s, P}, 4, false);

        // refused by a rule
        row("offset above balance", sale(u"50"_s) << u"--offset-points"_s << u"1000"_s, 3);
        row("offset above the bill", sale(u"2"_s) << u"--offset-points"_s << u"300"_s, 3);
        row("redeem beyond balance",
            {u"redeem"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, P, u"--reward"_s, u"VOUCHER-50"_s}, 3);
        row("same ref different amount", {u"sale"_s, u"--ref"_s, u"s1"_s, u"--phone"_s, P, u"--amount"_s, u"501"_s}, 3);
        row("same ref different operation",
            {u"redeem"_s, u"--ref"_s, u"s1"_s, u"--phone"_s, P, u"--reward"_s, u"FRUIT-WASH"_s}, 3);
        row("refund more than the sale",
            {u"refund"_s, u"--ref"_s, u"x1"_s, u"--of"_s, u"s1"_s, u"--amount"_s, u"500.01"_s}, 3);
        row("future as-of for expire", {u"expire"_s, u"--as-of"_s, u"2026-03-11"_s}, 3);
        row("init again with another terminal id", {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T2"_s}, 3);
        row("init again with another store id", {u"init"_s, u"--store"_s, u"S2"_s, u"--terminal"_s, u"T1"_s}, 3);
        row("member add with a phone already enrolled", addPhone(P), 3);
        row("manager reward without a PIN",
            {u"redeem"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, P, u"--reward"_s, u"JW-CLEAN"_s}, 3);

        // bad input to init must not leave a half-made terminal behind
        row("init with unknown merchant category (fresh dir)",
            {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s, u"--merchant-category"_s, u"nope"_s}, 2,
            false);
        row("init with bad terminal id (fresh dir)", {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T 1;"_s}, 2,
            false);
    }

    void badInputChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(bool, initialised);

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        if (initialised)
            QVERIFY(setUpTerminal(dir));
        const QString before = snapshot(dir);

        checkErrorContract(jifen(dir, args), exitCode, false);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(snapshot(dir), before);

        checkErrorContract(jifen(dir, withJson(args, u"first"_s)), exitCode, true);
        if (QTest::currentTestFailed())
            return;
        // After a dangling global --data-dir, "--json" would be taken as the directory's name.
        const QString late = args.last() == u"--data-dir"_s ? u"middle"_s : u"last"_s;
        checkErrorContract(jifen(dir, withJson(args, late)), exitCode, true);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(snapshot(dir), before);
    }

    void noCommandPrintsUsage()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const Run r = jifen(tmp.path(), {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains("usage: jifen"));
        const Run help = jifen(tmp.path(), {u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("Exit codes"));
    }

    void happyPathJsonKeys_data()
    {
        QTest::addColumn<QString>("jsonAt");
        QTest::newRow("--json before the subcommand") << u"first"_s;
        QTest::newRow("--json after the subcommand's flags") << u"last"_s;
        QTest::newRow("--json between subcommand and flags") << u"middle"_s;
    }

    void happyPathJsonKeys()
    {
        QFETCH(QString, jsonAt);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        const QString P = kPhone;
        const auto json = [&](const QStringList& args, const QString& now = kNow) {
            return runJson(dir, withJson(args, jsonAt), now);
        };
        const auto hasKeys = [](const QJsonObject& o, const QStringList& keys) {
            for (const QString& k : keys) {
                if (!o.contains(k)) {
                    qWarning().noquote() << "missing key" << k << "in"
                                         << QJsonDocument(o).toJson(QJsonDocument::Compact);
                    return false;
                }
            }
            return true;
        };

        QVERIFY(!json({u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s}).isEmpty());
        const QJsonObject added = json({u"member"_s, u"add"_s, u"--phone"_s, P, u"--name"_s, u"张三"_s});
        QVERIFY(hasKeys(added, {u"member_id"_s, u"phone_masked"_s}));
        QCOMPARE(added.value(u"phone_masked"_s).toString(), u"138****8000"_s);

        // sale: ref, points_earned, balance
        const QJsonObject sale = json({u"sale"_s, u"--ref"_s, u"s1"_s, u"--phone"_s, P, u"--amount"_s, u"2000"_s});
        QVERIFY(hasKeys(sale, {u"ref"_s, u"points_earned"_s, u"balance"_s}));
        QCOMPARE(sale.value(u"ref"_s).toString(), u"s1"_s);
        QCOMPARE(sale.value(u"points_earned"_s).toInteger(), 2000);
        QCOMPARE(sale.value(u"balance"_s).toInteger(), 2000);
        // the same ref with the same arguments returns the first result and writes nothing
        QCOMPARE(json({u"sale"_s, u"--ref"_s, u"s1"_s, u"--phone"_s, P, u"--amount"_s, u"2000"_s}), sale);

        // sale with an offset
        const QJsonObject offset = json(
            {u"sale"_s, u"--ref"_s, u"s2"_s, u"--phone"_s, P, u"--amount"_s, u"50"_s, u"--offset-points"_s, u"200"_s});
        QVERIFY(hasKeys(offset, {u"ref"_s, u"points_earned"_s, u"balance"_s}));
        QCOMPARE(offset.value(u"points_earned"_s).toInteger(), 48);
        QCOMPARE(offset.value(u"balance"_s).toInteger(), 2000 - 200 + 48);

        // redeem: ref, points_spent, balance, and a voucher code for a partner reward
        const QJsonObject cinema =
            json({u"redeem"_s, u"--ref"_s, u"r1"_s, u"--phone"_s, P, u"--reward"_s, u"CINEMA-TICKET"_s});
        QVERIFY(hasKeys(cinema, {u"ref"_s, u"points_spent"_s, u"balance"_s, u"voucher_code"_s}));
        QCOMPARE(cinema.value(u"points_spent"_s).toInteger(), 1500);
        QCOMPARE(cinema.value(u"balance"_s).toInteger(), 348);
        QVERIFY(!cinema.value(u"voucher_code"_s).toString().isEmpty());
        const QJsonObject wash =
            json({u"redeem"_s, u"--ref"_s, u"r2"_s, u"--phone"_s, P, u"--reward"_s, u"FRUIT-WASH"_s});
        QVERIFY(hasKeys(wash, {u"ref"_s, u"points_spent"_s, u"balance"_s}));
        QVERIFY2(!wash.contains(u"voucher_code"_s), "a service reward has no voucher code");
        QCOMPARE(wash.value(u"balance"_s).toInteger(), 48);

        // refund: ref, points_reversed, balance (the member may go into debt: never ignored)
        const QJsonObject refund =
            json({u"refund"_s, u"--ref"_s, u"f1"_s, u"--of"_s, u"s1"_s, u"--amount"_s, u"100"_s});
        QVERIFY(hasKeys(refund, {u"ref"_s, u"points_reversed"_s, u"balance"_s}));
        QCOMPARE(refund.value(u"ref"_s).toString(), u"f1"_s);
        QCOMPARE(refund.value(u"points_reversed"_s).toInteger(), 100);
        QCOMPARE(refund.value(u"balance"_s).toInteger(), -52);

        // member show: the contract's keys
        const QString nearExpiry = u"2029-03-15T10:00:00+08:00"_s;
        QVERIFY(!json({u"sale"_s, u"--ref"_s, u"s3"_s, u"--phone"_s, P, u"--amount"_s, u"300"_s}).isEmpty());
        const QJsonObject show = json({u"member"_s, u"show"_s, u"--phone"_s, P}, nearExpiry);
        QVERIFY(hasKeys(show, {u"member_id"_s, u"phone_masked"_s, u"name"_s, u"balance"_s, u"green_balance"_s,
                               u"tier"_s, u"expiring_soon"_s}));
        QCOMPARE(show.value(u"member_id"_s).toString(), added.value(u"member_id"_s).toString());
        QCOMPARE(show.value(u"phone_masked"_s).toString(), u"138****8000"_s);
        QCOMPARE(show.value(u"name"_s).toString(), u"张三"_s);
        QCOMPARE(show.value(u"balance"_s).toInteger(), 248);
        QCOMPARE(show.value(u"green_balance"_s).toInteger(), 0);
        QVERIFY(show.value(u"tier"_s).isString());
        const QJsonArray soon = show.value(u"expiring_soon"_s).toArray();
        QVERIFY2(!soon.isEmpty(), "the lots earned 2026-03-10 expire after 2029-03-31");
        for (const auto& v : soon) {
            const QJsonObject e = v.toObject();
            QVERIFY(hasKeys(e, {u"points"_s, u"expires_on"_s}));
            QVERIFY(QDate::fromString(e.value(u"expires_on"_s).toString(), Qt::ISODate).isValid());
        }
        QCOMPARE(soon.first().toObject().value(u"expires_on"_s).toString(), u"2029-03-31"_s);

        // expire: points_expired
        const QJsonObject expired = json({u"expire"_s}, u"2029-04-01T10:00:00+08:00"_s);
        QVERIFY(hasKeys(expired, {u"points_expired"_s}));
        QVERIFY(expired.value(u"points_expired"_s).toInteger() > 0);
        const QJsonObject again = json({u"expire"_s}, u"2029-04-01T10:00:00+08:00"_s);
        QCOMPARE(again.value(u"points_expired"_s).toInteger(), 0);
    }

    // `member add --consent` records the current privacy terms at JIFEN_CLOCK's instant; without
    // it nothing is recorded. `member show` gives both, in JSON and as one line of text.
    void memberConsent_data()
    {
        QTest::addColumn<bool>("consent");
        QTest::addColumn<QJsonValue>("expected");
        QTest::addColumn<QString>("line");
        QTest::newRow("member add --consent")
            << true
            << QJsonValue(
                   QJsonObject{{u"terms"_s, jifen::kPrivacyTermsVersion}, {u"at"_s, u"2026-03-10T02:00:00.000Z"_s}})
            << u"consent  privacy terms %1, agreed 2026-03-10T02:00:00.000Z"_s.arg(jifen::kPrivacyTermsVersion);
        QTest::newRow("member add without --consent") << false << QJsonValue() << u"consent  none recorded"_s;
    }

    void memberConsent()
    {
        QFETCH(bool, consent);
        QFETCH(QJsonValue, expected);
        QFETCH(QString, line);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        QVERIFY(!runJson(dir, {u"--json"_s, u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T1"_s}).isEmpty());
        QStringList add{u"--json"_s, u"member"_s, u"add"_s, u"--phone"_s, kPhone, u"--name"_s, u"张三"_s};
        if (consent)
            add.append(u"--consent"_s);
        const QJsonObject added = runJson(dir, add);
        QVERIFY(added.contains(u"consent"_s));
        QCOMPARE(added.value(u"consent"_s), expected);

        // Shown a day later: the consent keeps the instant it was given.
        const QString later = u"2026-03-11T09:00:00+08:00"_s;
        const QJsonObject shown = runJson(dir, {u"--json"_s, u"member"_s, u"show"_s, u"--phone"_s, kPhone}, later);
        QVERIFY(shown.contains(u"consent"_s));
        QCOMPARE(shown.value(u"consent"_s), expected);
        const Run text = jifen(dir, {u"member"_s, u"show"_s, u"--phone"_s, kPhone}, later);
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(lines(text.out).contains(line), qPrintable(text.describe()));
    }

    void journalPrintsJsonLines_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("firstSeq");
        QTest::newRow("journal") << QStringList{u"journal"_s} << 1;
        QTest::newRow("journal --json") << QStringList{u"--json"_s, u"journal"_s} << 1;
        QTest::newRow("journal --after 2") << QStringList{u"journal"_s, u"--after"_s, u"2"_s} << 3;
    }

    void journalPrintsJsonLines()
    {
        QFETCH(QStringList, args);
        QFETCH(int, firstSeq);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        QVERIFY(setUpTerminal(dir));
        QVERIFY(runSteps(dir,
                         {{u"sale"_s, u"--ref"_s, u"s2"_s, u"--phone"_s, kPhone, u"--amount"_s, u"30"_s,
                           u"--offset-points"_s, u"100"_s},
                          {u"redeem"_s, u"--ref"_s, u"r1"_s, u"--phone"_s, kPhone, u"--reward"_s, u"FRUIT-WASH"_s},
                          {u"refund"_s, u"--ref"_s, u"f1"_s, u"--of"_s, u"s1"_s}},
                         runner()));
        const Run r = jifen(dir, args);
        QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), qPrintable(r.describe()));
        const QStringList ls = lines(r.out);
        QVERIFY2(ls.size() >= 3, qPrintable(r.describe()));
        qint64 expected = firstSeq;
        for (const QString& l : ls) {
            QString problem;
            const QJsonObject e = parseObject(l.toUtf8(), &problem);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            for (const char* key : {"seq", "entry_id", "terminal_id", "kind", "points", "ref", "hash", "prev_hash"})
                QVERIFY2(e.contains(QLatin1String(key)), key);
            QCOMPARE(e.value(u"seq"_s).toInteger(), expected++);
            QCOMPARE(e.value(u"terminal_id"_s).toString(), u"T1"_s);
        }
    }

    void dataDirFromEnvironment()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"from-env"_s);
        const Run init = jifen(QString(), {u"init"_s, u"--store"_s, u"S1"_s, u"--terminal"_s, u"T9"_s}, kNow, dir);
        QVERIFY2(init.exitCode == 0, qPrintable(init.describe()));
        QVERIFY(QFileInfo::exists(QDir(dir).filePath(u"jifen.db"_s)));
        const QJsonObject status = runJson(dir, {u"--json"_s, u"status"_s});
        QCOMPARE(status.value(u"terminal_id"_s).toString(), u"T9"_s);
        // --data-dir wins over the environment
        const QString other = tmp.filePath(u"other"_s);
        const Run r = jifen(other, {u"journal"_s}, kNow, dir);
        QCOMPARE(r.exitCode, 4);
    }

    void badClockIsBadInput()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        QVERIFY(setUpTerminal(dir));
        const QString before = snapshot(dir);
        checkErrorContract(
            jifen(dir, {u"--json"_s, u"sale"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, kPhone, u"--amount"_s, u"5"_s},
                  u"yesterday"_s),
            2, true);
        QCOMPARE(snapshot(dir), before);
    }

    // The CLI installs no translator: core's messages go through QCoreApplication::translate for
    // the cashier app, and scripts here still read the English source text, byte for byte.
    void errorsStayEnglish_data()
    {
        QTest::addColumn<QList<QStringList>>("setUp"); // after setUpTerminal
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString P = kPhone;
        QTest::newRow("redeem beyond balance")
            << QList<QStringList>()
            << QStringList{u"redeem"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, P, u"--reward"_s, u"VOUCHER-50"_s}
            << u"not enough points for VOUCHER-50: balance 500, price 1000"_s;
        QTest::newRow("refund more than the sale")
            << QList<QStringList>()
            << QStringList{u"refund"_s, u"--ref"_s, u"x1"_s, u"--of"_s, u"s1"_s, u"--amount"_s, u"500.01"_s}
            << u"refund of 500.01 yuan is more than the 500.00 yuan still refundable on sale s1"_s;
        QTest::newRow("refund amount with three decimals")
            << QList<QStringList>()
            << QStringList{u"refund"_s, u"--ref"_s, u"x1"_s, u"--of"_s, u"s1"_s, u"--amount"_s, u"12.345"_s}
            << u"amount 12.345 has more than two decimals (fen is the smallest unit)"_s;
        QTest::newRow("manager reward without a PIN")
            << QList<QStringList>()
            << QStringList{u"redeem"_s, u"--ref"_s, u"x1"_s, u"--phone"_s, P, u"--reward"_s, u"JW-CLEAN"_s}
            << u"this needs a manager's approval: give the manager PIN (--pin)"_s;
        QTest::newRow("unknown card") << QList<QStringList>()
                                      << QStringList{u"member"_s, u"show"_s, u"--card"_s, u"CARD-9"_s}
                                      << u"no member with card CARD-9"_s;
        QTest::newRow("transfer outside a household")
            << QList<QStringList>{{u"member"_s, u"add"_s, u"--phone"_s, kOtherPhone, u"--name"_s, u"李四"_s}}
            << QStringList{u"transfer"_s, u"--ref"_s,    u"x1"_s, u"--from"_s, P,        u"--to"_s,
                           kOtherPhone,   u"--points"_s, u"10"_s, u"--pin"_s,  u"8642"_s}
            << u"compliance rule 4 (no transfer between unrelated members): 138****8000 and 139****9000 are not "
               "in the same household; points move only inside one household"_s;
    }

    void errorsStayEnglish()
    {
        QFETCH(QList<QStringList>, setUp);
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(u"data"_s);
        QVERIFY(setUpTerminal(dir));
        QVERIFY(runSteps(dir, setUp, runner()));
        const Run plain = jifen(dir, args);
        QCOMPARE(QString::fromUtf8(plain.err), u"jifen: "_s + message + u'\n');
        const Run json = jifen(dir, withJson(args, u"first"_s));
        QString problem;
        const QJsonObject o = parseObject(json.out, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(o.value(u"error"_s).toObject().value(u"message"_s).toString(), message);
    }
};

QTEST_GUILESS_MAIN(CliContract)
#include "tst_cli_contract.moc"
