// Pull, online and offline redemption, rule sets and allowances from HQ, and time passing while a
// terminal is offline: the real client against the real jifen-hq, on SQLite and PostgreSQL.

#include "hq_service.h"
#include "online_redemption.h"
#include "sync_harness.h"

#include <QFile>
#include <QSqlQuery>
#include <QTimeZone>

using namespace jifen;
using namespace jifen::test;

namespace {

struct Outcome {
    bool ok = false;
    QJsonObject result;
    ErrorCode code = ErrorCode::BadInput;
    QString message;
};

// A redemption as the counter makes it: through HQ when it answers, offline otherwise.
Outcome redeemAt(Terminal& t, const QString& ref, const QString& phone, int quantity)
{
    sync::OnlineRedemption online(*t.ledger, t.network, *t.clock);
    std::optional<Outcome> outcome;
    QObject::connect(&online, &sync::OnlineRedemption::finished,
                     [&](bool ok, const QJsonObject& result, ErrorCode code, const QString& message) {
                         outcome = Outcome{ok, result, code, message};
                     });
    RedeemRequest request;
    request.ref = ref;
    request.phone = phone;
    request.reward = QStringLiteral("FRUIT-WASH"); // 300 points each
    request.quantity = quantity;
    online.redeem(request);
    (void)QTest::qWaitFor([&] { return outcome.has_value(); }, 30000); // a missing answer is reported below
    return outcome.value_or(Outcome{false, {}, ErrorCode::Network, QStringLiteral("no answer in 30 s")});
}

void earn(Terminal& t, const QString& ref, const QString& phone, const QString& amount)
{
    if (!t.ledger->memberByPhone(phone).ok())
        QVERIFY(t.ledger->addMember({phone, QString(), QStringLiteral("会员"), QStringLiteral("person")}).ok());
    SaleRequest r;
    r.ref = ref;
    r.phone = phone;
    r.amount = amount;
    const auto sale = t.ledger->sale(r);
    QVERIFY2(sale.ok(), sale.ok() ? "" : qPrintable(sale.error().message));
}

qint64 balanceAt(Terminal& t, const QString& phone)
{
    const auto m = t.ledger->memberByPhone(phone);
    return m ? m->balance.value() : std::numeric_limits<qint64>::min();
}

qint64 hqBalance(Backend& b, const QString& phone)
{
    return QJsonDocument::fromJson(
               b.hq->admin({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("--phone"), phone}))
        .object()
        .value(QStringLiteral("balance"))
        .toInteger(std::numeric_limits<qint64>::min());
}

void verifyTerminal(Terminal& t)
{
    const auto report = t.ledger->verify();
    QVERIFY(report.ok());
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void verifyHq(Backend& b, const QList<Terminal*>& terminals)
{
    int exit = -1;
    const QByteArray out = b.hq->admin({QStringLiteral("verify")}, &exit);
    QVERIFY2(exit == 0, out.constData());
    for (Terminal* t : terminals)
        QCOMPARE(b.journal(t->ledger->identity()->terminalId), terminalJournal(*t->ledger));
}

// The default rule set as a newer version, with `change` applied.
QString publishRules(Backend& b, const QDir& dir, int version, const std::function<void(QJsonObject&)>& change)
{
    QFile in(QDir(qEnvironmentVariable("JIFEN_SOURCE_DIR")).filePath(QStringLiteral("resources/rules/default.json")));
    if (!in.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read default.json");
    QJsonObject rules = QJsonDocument::fromJson(in.readAll()).object();
    rules.insert(QStringLiteral("version"), version);
    change(rules);
    const QString path = dir.filePath(QStringLiteral("rules-v%1.json").arg(version));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1").arg(path);
    out.write(QJsonDocument(rules).toJson());
    out.close();
    int exit = -1;
    const QByteArray printed =
        b.hq->admin({QStringLiteral("rules"), QStringLiteral("publish"), QStringLiteral("--file"), path}, &exit);
    return exit == 0 ? QString() : QString::fromUtf8(printed);
}

QString currentMonth(qint64 shiftSecs = 0)
{
    return businessDate(QDateTime::currentDateTimeUtc().addSecs(shiftSecs)).toString(QStringLiteral("yyyy-MM"));
}

// HQ, two enrolled terminals, and a member who earned 1,234 points at T1, known to both.
void twoTerminalsKnowOneMember(Backend& b, Terminal& t1, Terminal& t2)
{
    QVERIFY(b.hq->start());
    QVERIFY(t1.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
    QVERIFY(t2.enroll(b.hq->url(), b.code(QStringLiteral("T2"))));
    earn(t1, QStringLiteral("t1-s1"), phone(0), QStringLiteral("1234.00"));
    QString error;
    QVERIFY2(t1.sync(&error), qPrintable(error));
    QVERIFY2(t2.sync(&error), qPrintable(error));
}

// HQ's pull page for `terminal` from the start, asked in process from HQ's database.
QJsonObject pullAtHq(Backend& b, const QString& terminal, const QString& ownLots)
{
    auto db = sync::HqDatabase::open(b.hq->db());
    if (!db)
        return {{QStringLiteral("error"), db.error().message}};
    SystemClock clock;
    sync::HqService hq(*db.value(), clock);
    auto page = hq.pull(terminal, {{QStringLiteral("cursor"), QString()}, {QStringLiteral("own_lots"), ownLots}});
    return page ? page.value() : QJsonObject{{QStringLiteral("error"), page.error().message}};
}

} // namespace

class TestSyncPull : public QObject {
    Q_OBJECT
private slots:
    void memberShopsAtAnotherTerminal_data() { addBackendRows("enrolled at T1, served at T2"); }
    void memberShopsAtAnotherTerminal()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        Terminal t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
        twoTerminalsKnowOneMember(b, t1, t2);
        if (QTest::currentTestFailed())
            return;
        QString error;
        QCOMPARE(t2.client->pulled().applied, 1);
        QCOMPARE(balanceAt(t2, phone(0)), 1234);

        // At T2 the member earns and redeems; nothing here needs HQ.
        earn(t2, QStringLiteral("t2-s1"), phone(0), QStringLiteral("100.00"));
        const Outcome r = redeemAt(t2, QStringLiteral("t2-r1"), phone(0), 1);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.result.value(QStringLiteral("authorisation")).toString(), QStringLiteral("hq"));
        verifyTerminal(t2);

        QVERIFY2(t2.sync(&error), qPrintable(error));
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QCOMPARE(balanceAt(t1, phone(0)), 1234 + 100 - 300);
        QCOMPARE(balanceAt(t2, phone(0)), 1234 + 100 - 300);
        QCOMPARE(hqBalance(b, phone(0)), 1234 + 100 - 300);
        verifyTerminal(t1);
        verifyTerminal(t2);
        verifyHq(b, {&t1, &t2});
        // T1 spends what T2 earned for the member: the lots travel too.
        const Outcome spend = redeemAt(t1, QStringLiteral("t1-r1"), phone(0), 3);
        QVERIFY2(spend.ok, qPrintable(spend.message));
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QCOMPARE(hqBalance(b, phone(0)), 1034 - 900);
        verifyTerminal(t1);
        verifyHq(b, {&t1, &t2});
        QVERIFY(b.incidents().isEmpty());
    }

    // The privacy consent given at T1's enrolment is HQ's and, through a pull, T2's: the member
    // enrolled at store A and shopping at store B carries the record. No consent stays none.
    void consentTravelsWithTheMember_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("consented");
        for (const QString& backend : backends()) {
            QTest::addRow("consent given at T1, on %s", qPrintable(backend)) << backend << true;
            QTest::addRow("no consent recorded at T1, on %s", qPrintable(backend)) << backend << false;
        }
    }
    void consentTravelsWithTheMember()
    {
        QFETCH(QString, backend);
        QFETCH(bool, consented);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
        QVERIFY(t1.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        QVERIFY(t2.enroll(b.hq->url(), b.code(QStringLiteral("T2"))));
        NewMember input{phone(0), QString(), QStringLiteral("张三")};
        input.consented = consented;
        const auto enrolled = t1.ledger->addMember(input);
        QVERIFY2(enrolled.ok(), enrolled.ok() ? "" : qPrintable(enrolled.error().message));
        QCOMPARE(enrolled->consentTerms, consented ? kPrivacyTermsVersion : QString());
        QCOMPARE(enrolled->consentAt.isValid(), consented);
        earn(t1, QStringLiteral("t1-s1"), phone(0), QStringLiteral("88.00"));
        QString error;
        QVERIFY2(t1.sync(&error), qPrintable(error));

        const QJsonValue expected =
            consented ? QJsonValue(QJsonObject{{QStringLiteral("terms"), kPrivacyTermsVersion},
                                               {QStringLiteral("at"), formatInstant(enrolled->consentAt)}})
                      : QJsonValue();
        const QJsonObject atHq = QJsonDocument::fromJson(b.hq->admin({QStringLiteral("member"), QStringLiteral("show"),
                                                                      QStringLiteral("--phone"), phone(0)}))
                                     .object();
        QVERIFY(atHq.contains(QStringLiteral("consent")));
        QCOMPARE(atHq.value(QStringLiteral("consent")), expected);

        QVERIFY2(t2.sync(&error), qPrintable(error));
        QCOMPARE(t2.client->pulled().applied, 1);
        const auto atT2 = t2.ledger->memberByPhone(phone(0));
        QVERIFY2(atT2.ok(), atT2.ok() ? "" : qPrintable(atT2.error().message));
        QCOMPARE(atT2->member.uid, enrolled->uid);
        QCOMPARE(atT2->member.consentTerms, enrolled->consentTerms);
        QCOMPARE(atT2->member.consentAt, enrolled->consentAt);
        QCOMPARE(atT2->balance.value(), 88);
        // T2's copy was pulled, not enrolled there: it never pushes the member back as its own.
        const auto unpushed = t2.ledger->unpushedMembers(10);
        QVERIFY(unpushed.ok());
        QVERIFY(unpushed->isEmpty());
        verifyTerminal(t2);
    }

    // A terminal is not sent back its own lots that only it has moved: HQ counts them instead,
    // and the terminal checks the count. One that lost such a lot (a restored database) finds the
    // count wrong, applies nothing, and is sent every lot.
    void ownLotsLeftOutOfThePull_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("lotLostHere");
        for (const QString& backend : backends()) {
            QTest::addRow("held as HQ has them, on %s", qPrintable(backend)) << backend << false;
            QTest::addRow("one lost here, on %s", qPrintable(backend)) << backend << true;
        }
    }
    void ownLotsLeftOutOfThePull()
    {
        QFETCH(QString, backend);
        QFETCH(bool, lotLostHere);
        Backend b(backend);
        Terminal t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
        twoTerminalsKnowOneMember(b, t1, t2);
        if (QTest::currentTestFailed())
            return;
        earn(t1, QStringLiteral("t1-s2"), phone(0), QStringLiteral("100.00"));
        QString error;
        QVERIFY2(t1.sync(&error), qPrintable(error));
        // T2 spends from the member's points: the lot it takes from is no longer T1's alone.
        const Outcome r = redeemAt(t2, QStringLiteral("t2-r1"), phone(0), 1);
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY2(t2.sync(&error), qPrintable(error));

        const QJsonObject all = pullAtHq(b, QStringLiteral("T1"), QStringLiteral("all"));
        const QJsonObject omit = pullAtHq(b, QStringLiteral("T1"), QStringLiteral("omit"));
        QVERIFY2(!all.contains(QStringLiteral("error")), qPrintable(all.value(QStringLiteral("error")).toString()));
        QVERIFY2(!omit.contains(QStringLiteral("error")), qPrintable(omit.value(QStringLiteral("error")).toString()));
        QCOMPARE(omit.value(QStringLiteral("own_lots")).toString(), QStringLiteral("omit"));
        const QJsonObject memberAll = all.value(QStringLiteral("members")).toArray().first().toObject();
        const QJsonObject memberOmit = omit.value(QStringLiteral("members")).toArray().first().toObject();
        QCOMPARE(memberAll.value(QStringLiteral("lots")).toArray().size(), 2);
        QVERIFY(!memberAll.contains(QStringLiteral("own_lots")));
        // The lot T2 spent from is listed; the other, T1's alone, is counted.
        const QJsonArray listed = memberOmit.value(QStringLiteral("lots")).toArray();
        QCOMPARE(listed.size(), 1);
        const QJsonObject own = memberOmit.value(QStringLiteral("own_lots")).toObject();
        QCOMPARE(own.value(QStringLiteral("count")).toInteger(), 1);
        QCOMPARE(own.value(QStringLiteral("remaining")).toInteger() +
                     listed.first().toObject().value(QStringLiteral("remaining")).toInteger(),
                 1234 + 100 - 300);

        QString lostLot;
        if (lotLostHere) {
            // The counted lot's row goes missing from T1's database, as from an old backup.
            for (const auto& v : memberAll.value(QStringLiteral("lots")).toArray()) {
                if (v.toObject().value(QStringLiteral("lot")) != listed.first().toObject().value(QStringLiteral("lot")))
                    lostLot = v.toObject().value(QStringLiteral("lot")).toString();
            }
            QVERIFY(lostLot.startsWith(QStringLiteral("T1:")));
            QSqlQuery q(t1.store->database());
            QVERIFY(q.prepare(QStringLiteral("DELETE FROM lots WHERE source_terminal = 'T1' AND source_seq = ?")));
            q.addBindValue(lostLot.mid(3).toLongLong());
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QCOMPARE(t1.client->pulled().applied, 1);
        QCOMPARE(t1.client->pulled().ownLotsMismatched, lotLostHere ? 1 : 0);
        QCOMPARE(balanceAt(t1, phone(0)), 1234 + 100 - 300);
        // Every lot as HQ has it, the lost one back from the full pull: confirmed, and adding up
        // to the balance.
        QSqlQuery lots(t1.store->database());
        QVERIFY(lots.exec(QStringLiteral("SELECT source_terminal || ':' || source_seq, remaining, base_remaining FROM"
                                         " lots")));
        QMap<QString, qint64> held;
        qint64 total = 0;
        while (lots.next()) {
            QCOMPARE(lots.value(1).toLongLong(), lots.value(2).toLongLong());
            held.insert(lots.value(0).toString(), lots.value(1).toLongLong());
            total += lots.value(1).toLongLong();
        }
        QCOMPARE(held.size(), 2);
        QCOMPARE(total, 1234 + 100 - 300);
        if (lotLostHere)
            QCOMPARE(held.value(lostLot, -1), own.value(QStringLiteral("remaining")).toInteger());
        verifyTerminal(t1);
        verifyTerminal(t2);
        verifyHq(b, {&t1, &t2});
        QVERIFY(b.incidents().isEmpty());
    }

    void offlineOverdraftRaisesOneIncident_data() { addBackendRows("two terminals, HQ down"); }
    void offlineOverdraftRaisesOneIncident()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        Terminal t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
        twoTerminalsKnowOneMember(b, t1, t2);
        if (QTest::currentTestFailed())
            return;
        QString error;

        b.hq->kill();
        // Each terminal sees 1,234 confirmed points and lets 900 go, offline.
        for (Terminal* t : {&t1, &t2}) {
            const Outcome r = redeemAt(*t, QStringLiteral("r-%1").arg(t->ledger->identity()->terminalId), phone(0), 3);
            QVERIFY2(r.ok, qPrintable(r.message));
            QCOMPARE(r.result.value(QStringLiteral("authorisation")).toString(), QStringLiteral("offline"));
        }
        QVERIFY(b.hq->start());
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QVERIFY2(t2.sync(&error), qPrintable(error));
        const QJsonArray incidents = b.incidents();
        QCOMPARE(incidents.size(), 1);
        QCOMPARE(incidents.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("overdraft"));
        // History stands as it happened: the member owes what the two counters gave out.
        QCOMPARE(hqBalance(b, phone(0)), 1234 - 1800);
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QCOMPARE(balanceAt(t1, phone(0)), 1234 - 1800);
        QCOMPARE(t1.ledger->hqIncidents()->size(), 1);
        // The store's manager sees it at the terminal, from the command line too.
        QProcess cli;
        cli.start(QDir(binDir()).filePath(QStringLiteral("jifen")),
                  {QStringLiteral("--data-dir"), t1.dir.path(), QStringLiteral("--json"), QStringLiteral("incidents")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonArray shown =
            QJsonDocument::fromJson(cli.readAllStandardOutput()).object().value(QStringLiteral("incidents")).toArray();
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("overdraft"));
        verifyTerminal(t1);
        verifyTerminal(t2);
        verifyHq(b, {&t1, &t2});
    }

    void onlineRedemptionReservesAtHq_data() { addBackendRows("reserve, commit, refuse"); }
    void onlineRedemptionReservesAtHq()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        Terminal t1(QStringLiteral("T1")), t2(QStringLiteral("T2"));
        twoTerminalsKnowOneMember(b, t1, t2);
        if (QTest::currentTestFailed())
            return;
        QString error;

        const Outcome first = redeemAt(t2, QStringLiteral("t2-r1"), phone(0), 3);
        QVERIFY2(first.ok, qPrintable(first.message));
        QCOMPARE(first.result.value(QStringLiteral("authorisation")).toString(), QStringLiteral("hq"));
        // T1 still sees 1,234 locally, but HQ holds T2's 900 until its entry arrives.
        const qint64 before = t1.ledger->lastSeq().value();
        const Outcome second = redeemAt(t1, QStringLiteral("t1-r1"), phone(0), 2);
        QVERIFY(!second.ok);
        QCOMPARE(second.code, ErrorCode::Refused);
        QVERIFY2(second.message.contains(QStringLiteral("334 available")), qPrintable(second.message));
        QCOMPARE(t1.ledger->lastSeq().value(), before);

        QVERIFY2(t2.sync(&error), qPrintable(error));
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QCOMPARE(balanceAt(t1, phone(0)), 334);
        const Outcome third = redeemAt(t1, QStringLiteral("t1-r2"), phone(0), 1);
        QVERIFY2(third.ok, qPrintable(third.message));
        QCOMPARE(third.result.value(QStringLiteral("authorisation")).toString(), QStringLiteral("hq"));
        // The same request again answers from the first result: nothing reserved or spent twice.
        const Outcome again = redeemAt(t1, QStringLiteral("t1-r2"), phone(0), 1);
        QVERIFY2(again.ok, qPrintable(again.message));
        QCOMPARE(balanceAt(t1, phone(0)), 34);
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QCOMPARE(hqBalance(b, phone(0)), 34);
        verifyHq(b, {&t1, &t2});
        QVERIFY(b.incidents().isEmpty());
    }

    void offlineLimits_data() { addBackendRows("HQ down: daily limit, unsynced points"); }
    void offlineLimits()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        earn(t, QStringLiteral("s1"), phone(0), QStringLiteral("6000.00"));
        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error));
        b.hq->kill();

        const Outcome tooMuch = redeemAt(t, QStringLiteral("r1"), phone(0), 17); // 5,100 > 5,000 a day
        QVERIFY(!tooMuch.ok);
        QCOMPARE(tooMuch.code, ErrorCode::Refused);
        QVERIFY2(tooMuch.message.contains(QStringLiteral("5000 points a day")), qPrintable(tooMuch.message));
        const Outcome within = redeemAt(t, QStringLiteral("r2"), phone(0), 16);
        QVERIFY2(within.ok, qPrintable(within.message));
        QCOMPARE(within.result.value(QStringLiteral("authorisation")).toString(), QStringLiteral("offline"));
        const Outcome overDay = redeemAt(t, QStringLiteral("r3"), phone(0), 1); // 200 left today
        QVERIFY(!overDay.ok);
        QVERIFY2(overDay.message.contains(QStringLiteral("200 left today")), qPrintable(overDay.message));

        // Points earned while HQ is away are not spent offline: HQ has not confirmed them.
        earn(t, QStringLiteral("s2"), phone(1), QStringLiteral("1000.00"));
        const Outcome unconfirmed = redeemAt(t, QStringLiteral("r4"), phone(1), 1);
        QVERIFY(!unconfirmed.ok);
        QVERIFY2(unconfirmed.message.contains(QStringLiteral("0 available")), qPrintable(unconfirmed.message));
        verifyTerminal(t);

        QVERIFY(b.hq->start());
        QVERIFY2(t.sync(&error), qPrintable(error));
        const Outcome online = redeemAt(t, QStringLiteral("r5"), phone(1), 1);
        QVERIFY2(online.ok, qPrintable(online.message));
        QCOMPARE(online.result.value(QStringLiteral("authorisation")).toString(), QStringLiteral("hq"));
        QVERIFY2(t.sync(&error), qPrintable(error));
        verifyHq(b, {&t});
    }

    void rulesAndAllowancesArePulled_data() { addBackendRows("rule set v2, allowance"); }
    void rulesAndAllowancesArePulled()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        QString problem = publishRules(b, QDir(b.dir.path()), 2, [](QJsonObject& rules) {
            rules.insert(QStringLiteral("name"), QStringLiteral("秋季规则"));
        });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // A version is one content for good: the same file again changes nothing, other content
        // under it is refused, and so is an older number.
        QCOMPARE(
            publishRules(b, QDir(b.dir.path()), 2,
                         [](QJsonObject& rules) { rules.insert(QStringLiteral("name"), QStringLiteral("秋季规则")); }),
            QString());
        const QString refused = publishRules(b, QDir(b.dir.path()), 2, [](QJsonObject&) {});
        QVERIFY2(refused.contains(QStringLiteral("already published with different content")), qPrintable(refused));
        QVERIFY(!publishRules(b, QDir(b.dir.path()), 1, [](QJsonObject& rules) {
                     rules.insert(QStringLiteral("name"), QStringLiteral("x"));
                 }).isEmpty());
        int exit = -1;
        QVERIFY(b.budget(currentMonth(), 80000));
        b.hq->admin({QStringLiteral("allowance"), QStringLiteral("set"), QStringLiteral("--terminal"),
                     QStringLiteral("T1"), QStringLiteral("--month"), currentMonth(), QStringLiteral("--points"),
                     QStringLiteral("50000")},
                    &exit);
        QCOMPARE(exit, 0);
        b.hq->admin({QStringLiteral("allowance"), QStringLiteral("set"), QStringLiteral("--terminal"),
                     QStringLiteral("T9"), QStringLiteral("--month"), currentMonth(), QStringLiteral("--points"),
                     QStringLiteral("1")},
                    &exit);
        QCOMPARE(exit, 4);

        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error));
        QVERIFY2(t.client->warnings().isEmpty(), qPrintable(t.client->warnings().join(QLatin1Char('\n'))));
        QCOMPARE(t.ledger->rules()->version(), 2);
        QCOMPARE(t.ledger->rules()->name(), QStringLiteral("秋季规则"));
        QCOMPARE(t.ledger->allowance()->granted.value(), 50000);
        // Nothing new: the next round changes nothing.
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(t.ledger->rules()->version(), 2);
    }

    // HQ says at enrolment whether budgets are in use, before it has allowed this terminal anything:
    // the terminal then defers earning instead of issuing on the rule set's initial allowance.
    void budgetsKnownAtEnrolment_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("budget");      // the merchant has a budget before the terminal enrols
        QTest::addColumn<bool>("soldBefore");  // the terminal sold standalone before enrolling
        QTest::addColumn<qint64>("earnedNow"); // points of a 100-yuan sale right after enrolment
        for (const QString& backend : backends()) {
            QTest::newRow(qPrintable(QStringLiteral("budget, no allowance yet on %1").arg(backend)))
                << backend << true << false << qint64(0);
            QTest::newRow(qPrintable(QStringLiteral("budget, standalone sales before on %1").arg(backend)))
                << backend << true << true << qint64(0);
            QTest::newRow(qPrintable(QStringLiteral("no budget on %1").arg(backend)))
                << backend << false << false << qint64(100);
        }
    }
    void budgetsKnownAtEnrolment()
    {
        QFETCH(QString, backend);
        QFETCH(bool, budget);
        QFETCH(bool, soldBefore);
        QFETCH(qint64, earnedNow);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        if (budget)
            QVERIFY(b.budget(currentMonth(), 80000));
        if (soldBefore)
            earn(t, QStringLiteral("s0"), phone(0), QStringLiteral("10.00"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        if (!t.ledger->memberByPhone(phone(0)).ok())
            QVERIFY(t.ledger->addMember({phone(0), QString(), QStringLiteral("会员"), QStringLiteral("person")}).ok());
        SaleRequest r;
        r.ref = QStringLiteral("s1");
        r.phone = phone(0);
        r.amount = QStringLiteral("100.00");
        const auto sale = t.ledger->sale(r);
        QVERIFY2(sale.ok(), sale.ok() ? "" : qPrintable(sale.error().message));
        QCOMPARE(sale->pointsEarned.value(), earnedNow);
        QCOMPARE(sale->deferred.value(), 100 - earnedNow);
        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error)); // a pull says the same
        QCOMPARE(t.ledger->allowance()->remaining().value() > 0, !budget);
        if (!budget)
            return;
        // HQ allows the month: the deferred points are issued.
        int exit = -1;
        b.hq->admin({QStringLiteral("allowance"), QStringLiteral("set"), QStringLiteral("--terminal"),
                     QStringLiteral("T1"), QStringLiteral("--month"), currentMonth(), QStringLiteral("--points"),
                     QStringLiteral("500")},
                    &exit);
        QCOMPARE(exit, 0);
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(balanceAt(t, phone(0)), soldBefore ? 110 : 100);
        QVERIFY2(t.sync(&error), qPrintable(error));
        verifyHq(b, {&t});
    }

    void earningRecomputedAtHq_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("items"); // empty: amount-only sales of 100 yuan
        QTest::addColumn<int>("secondEarns");   // the terminal's own "version 2": 3 points a yuan, x150%
        for (const QString& backend : backends()) {
            QTest::newRow(qPrintable(QStringLiteral("whole bill on %1").arg(backend)))
                << backend << QStringList() << 450;
            // Each line earns and rounds down apart: 75 yuan -> 337, 25 yuan -> 112.
            QTest::newRow(qPrintable(QStringLiteral("itemised on %1").arg(backend)))
                << backend << QStringList{QStringLiteral("6901000000011:3"), QStringLiteral("6901000000011:1:25.00")}
                << 449;
        }
    }
    void earningRecomputedAtHq()
    {
        QFETCH(QString, backend);
        QFETCH(QStringList, items);
        QFETCH(int, secondEarns);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        // HQ's version 2: half as many points again on fruit and supermarket bills from 10 yuan.
        const QString problem = publishRules(b, QDir(b.dir.path()), 2, [](QJsonObject& rules) {
            QJsonArray promotions = rules.value(QStringLiteral("promotions")).toArray();
            promotions.append(QJsonObject{
                {QStringLiteral("code"), QStringLiteral("ALWAYS")},
                {QStringLiteral("name"), QStringLiteral("every day")},
                {QStringLiteral("multiplier_percent"), 150},
                {QStringLiteral("min_bill"), QStringLiteral("10.00")},
                {QStringLiteral("categories"), QJsonArray{QStringLiteral("fruit"), QStringLiteral("supermarket")}}});
            rules.insert(QStringLiteral("promotions"), promotions);
        });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto sell = [&](const QString& ref, const QStringList& lines, qint64 offset) {
            SaleRequest r;
            r.ref = ref;
            r.phone = phone(0);
            if (lines.isEmpty())
                r.amount = QStringLiteral("100.00");
            r.items = lines;
            r.offsetPoints = offset;
            const auto sale = t.ledger->sale(r);
            return sale.ok() ? QString() : sale.error().message;
        };
        QVERIFY(t.ledger->addMember({phone(0), QString(), QStringLiteral("会员"), QStringLiteral("person")}).ok());
        QCOMPARE(sell(QStringLiteral("s1"), items, 0), QString()); // rule set 1: 100 points
        // A terminal that loaded its own "version 2" earning three points a yuan on fruit.
        QFile in(QDir(b.dir.path()).filePath(QStringLiteral("rules-v2.json")));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject rules = QJsonDocument::fromJson(in.readAll()).object();
        QJsonObject earnRules = rules.value(QStringLiteral("earn")).toObject();
        QJsonObject categories = earnRules.value(QStringLiteral("categories")).toObject();
        QJsonObject fruit = categories.value(QStringLiteral("fruit")).toObject();
        fruit.insert(QStringLiteral("rate"), 3);
        categories.insert(QStringLiteral("fruit"), fruit);
        earnRules.insert(QStringLiteral("categories"), categories);
        rules.insert(QStringLiteral("earn"), earnRules);
        QVERIFY(t.ledger->loadRules(QJsonDocument(rules).toJson()).ok());
        QCOMPARE(sell(QStringLiteral("s2"), items, 0), QString()); // 100 yuan x 3 x 150%
        QCOMPARE(balanceAt(t, phone(0)), 100 + secondEarns);

        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error));
        const QJsonArray incidents = b.incidents();
        QCOMPARE(incidents.size(), 1);
        const QJsonObject incident = incidents.first().toObject();
        QCOMPARE(incident.value(QStringLiteral("kind")).toString(), QStringLiteral("earn-mismatch"));
        QCOMPARE(incident.value(QStringLiteral("seq")).toInteger(), 2);
        // The entry stands as the terminal recorded it; a manager settles it.
        QCOMPARE(hqBalance(b, phone(0)), balanceAt(t, phone(0)));
        verifyHq(b, {&t});
        // The pull noticed the terminal's version 2 is not HQ's (same number, other content) and
        // replaced it: the next sale earns as HQ computes.
        QFile published(QDir(b.dir.path()).filePath(QStringLiteral("rules-v2.json")));
        QVERIFY(published.open(QIODevice::ReadOnly));
        const auto hqRules = RuleSet::fromJson(published.readAll());
        QVERIFY(hqRules);
        QCOMPARE(t.ledger->rules()->version(), 2);
        QCOMPARE(t.ledger->rules()->contentHash(), hqRules->contentHash());
        QVERIFY2(t.client->warnings().join(QLatin1Char('\n')).contains(QStringLiteral("differed from HQ's")),
                 qPrintable(t.client->warnings().join(QLatin1Char('\n'))));
        // Sales under HQ's set, itemised with an offset spread over the lines, an eco line and the
        // promotion, or like s1: HQ derives what the terminal earned, no new incident.
        QCOMPARE(sell(QStringLiteral("s3"),
                      {QStringLiteral("6901000000035:2"), QStringLiteral("6901000000059:1"),
                       QStringLiteral("6901000000042:1"), QStringLiteral("6901000000097:3:1.99")},
                      300),
                 QString());
        QCOMPARE(sell(QStringLiteral("s4"), items, 0), QString());
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(b.incidents().size(), 1);
        QCOMPARE(hqBalance(b, phone(0)), balanceAt(t, phone(0)));
    }

    void fortyDaysOfflineAcrossExpiry_data() { addBackendRows("lot lapses while offline"); }
    void fortyDaysOfflineAcrossExpiry()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        const QString problem = publishRules(b, QDir(b.dir.path()), 2, [](QJsonObject& rules) {
            QJsonObject earn = rules.value(QStringLiteral("earn")).toObject();
            earn.insert(QStringLiteral("default_validity_months"), 1);
            rules.insert(QStringLiteral("earn"), earn);
        });
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(t.ledger->rules()->version(), 2);
        earn(t, QStringLiteral("s1"), phone(0), QStringLiteral("1000.00"));
        QVERIFY2(t.sync(&error), qPrintable(error));

        // Forty days without HQ. The lot has lapsed by the terminal's clock: it cannot be spent,
        // but nothing is expired until HQ confirms the date.
        b.hq->kill();
        const qint64 forty = qint64(40) * 24 * 3600;
        t.clock->setShift(forty);
        earn(t, QStringLiteral("s2"), phone(0), QStringLiteral("50.00"));
        // The member is shown what can be spent; the ledger still holds the lapsed lot.
        QCOMPARE(balanceAt(t, phone(0)), 50);
        QCOMPARE(t.ledger->verify()->entries, 2);
        QCOMPARE(redeemAt(t, QStringLiteral("r1"), phone(0), 1).code, ErrorCode::Refused);

        b.hq->setClock(formatInstant(QDateTime::currentDateTimeUtc().addSecs(forty)));
        QVERIFY(b.hq->start());
        // The round expires through HQ's date and pushes the expiry with the rest.
        QVERIFY2(t.sync(&error), qPrintable(error));
        qint64 expiredPoints = 0;
        for (const JournalEntry& e : t.ledger->journal().value()) {
            if (e.kind == EntryKind::Expire)
                expiredPoints += -e.points.value();
        }
        QCOMPARE(expiredPoints, 1000);
        QCOMPARE(t.ledger->syncState()->pending(), 0);
        QCOMPARE(balanceAt(t, phone(0)), 50);
        QCOMPARE(hqBalance(b, phone(0)), 50);
        verifyTerminal(t);
        verifyHq(b, {&t});
        // Expired exactly once, however often expiry runs.
        QCOMPARE(t.ledger->expire()->pointsExpired.value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncPull)
#include "tst_sync_pull.moc"
