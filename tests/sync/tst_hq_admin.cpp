// HQ administration and reports through the real jifen-hq commands, with terminals syncing to it:
// merchants, stores and budgets bounding allowances; member import; liability, issuance,
// settlement between merchants, green points, charity, surveys; statements. Both backends.

#include "sync_harness.h"

#include <QFile>

using namespace jifen;
using namespace jifen::test;

namespace {

struct Admin {
    Backend& b;
    int exit = -1;
    QJsonObject run(const QStringList& args) { return QJsonDocument::fromJson(b.hq->admin(args, &exit)).object(); }
};

QString month()
{
    return businessDate(QDateTime::currentDateTimeUtc()).toString(QStringLiteral("yyyy-MM"));
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

} // namespace

class TestHqAdmin : public QObject {
    Q_OBJECT
private slots:
    void budgetsBoundAllowances_data() { addBackendRows("two terminals, one budget"); }
    void budgetsBoundAllowances()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Admin a{b};
        QVERIFY(!b.code(QStringLiteral("T1")).isEmpty());
        QVERIFY(!b.code(QStringLiteral("T2")).isEmpty()); // both in store S1
        // No merchant for the store yet: no budget, no allowance.
        a.run({QStringLiteral("allowance"), QStringLiteral("set"), QStringLiteral("--terminal"), QStringLiteral("T1"),
               QStringLiteral("--month"), month(), QStringLiteral("--points"), QStringLiteral("10")});
        QCOMPARE(a.exit, 3);
        a.run({QStringLiteral("merchant"), QStringLiteral("add"), QStringLiteral("--merchant"), QStringLiteral("M1"),
               QStringLiteral("--name"), QStringLiteral("红米水果"), QStringLiteral("--category"),
               QStringLiteral("fruit")});
        QCOMPARE(a.exit, 0);
        a.run({QStringLiteral("store"), QStringLiteral("add"), QStringLiteral("--store"), QStringLiteral("S1"),
               QStringLiteral("--merchant"), QStringLiteral("M9"), QStringLiteral("--name"), QStringLiteral("一店")});
        QCOMPARE(a.exit, 4); // unknown merchant
        a.run({QStringLiteral("store"), QStringLiteral("add"), QStringLiteral("--store"), QStringLiteral("S1"),
               QStringLiteral("--merchant"), QStringLiteral("M1"), QStringLiteral("--name"), QStringLiteral("一店")});
        QCOMPARE(a.exit, 0);
        a.run({QStringLiteral("allowance"), QStringLiteral("set"), QStringLiteral("--terminal"), QStringLiteral("T1"),
               QStringLiteral("--month"), month(), QStringLiteral("--points"), QStringLiteral("10")});
        QCOMPARE(a.exit, 3); // no budget for the month
        a.run({QStringLiteral("budget"), QStringLiteral("set"), QStringLiteral("--merchant"), QStringLiteral("M1"),
               QStringLiteral("--month"), month(), QStringLiteral("--points"), QStringLiteral("100000")});
        QCOMPARE(a.exit, 0);

        auto allowance = [&](const QString& terminal, const QString& points) {
            return a.run({QStringLiteral("allowance"), QStringLiteral("set"), QStringLiteral("--terminal"), terminal,
                          QStringLiteral("--month"), month(), QStringLiteral("--points"), points});
        };
        QCOMPARE(
            allowance(QStringLiteral("T1"), QStringLiteral("60000")).value(QStringLiteral("budget_left")).toInteger(),
            40000);
        const QJsonObject over = allowance(QStringLiteral("T2"), QStringLiteral("50000"));
        QCOMPARE(a.exit, 3);
        QVERIFY2(over.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("at most 40000 is left")),
                 QJsonDocument(over).toJson().constData());
        allowance(QStringLiteral("T2"), QStringLiteral("40000"));
        QCOMPARE(a.exit, 0);
        // Changing T1's own allowance counts only the others.
        allowance(QStringLiteral("T1"), QStringLiteral("60000"));
        QCOMPARE(a.exit, 0);
        a.run({QStringLiteral("budget"), QStringLiteral("set"), QStringLiteral("--merchant"), QStringLiteral("M1"),
               QStringLiteral("--month"), month(), QStringLiteral("--points"), QStringLiteral("90000")});
        QCOMPARE(a.exit, 3); // below what is already allowed
        const QJsonObject issuance = a.run({QStringLiteral("report"), QStringLiteral("issuance")});
        QCOMPARE(a.exit, 0);
        const QJsonObject m1 = issuance.value(QStringLiteral("merchants")).toArray().first().toObject();
        QCOMPARE(m1.value(QStringLiteral("budget")).toInteger(), 100000);
        QCOMPARE(m1.value(QStringLiteral("allocated")).toInteger(), 100000);
    }

    void stockDeliveredOnce_data() { addBackendRows("FRUIT-BOX x 7"); }
    void stockDeliveredOnce()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Admin a{b};
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        auto stockOf = [&](const QString& code) {
            for (const auto& [reward, quantity] : t.ledger->catalogWithStock().value()) {
                if (reward.code == code)
                    return quantity;
            }
            return qint64(-2);
        };
        const qint64 before = stockOf(QStringLiteral("FRUIT-BOX"));
        QVERIFY(before >= 0);
        a.run({QStringLiteral("stock"), QStringLiteral("deliver"), QStringLiteral("--terminal"), QStringLiteral("T1"),
               QStringLiteral("--reward"), QStringLiteral("FRUIT-BOX"), QStringLiteral("--quantity"),
               QStringLiteral("7")});
        QCOMPARE(a.exit, 0);
        a.run({QStringLiteral("stock"), QStringLiteral("deliver"), QStringLiteral("--terminal"), QStringLiteral("T9"),
               QStringLiteral("--reward"), QStringLiteral("FRUIT-BOX"), QStringLiteral("--quantity"),
               QStringLiteral("7")});
        QCOMPARE(a.exit, 4);
        a.run({QStringLiteral("stock"), QStringLiteral("deliver"), QStringLiteral("--terminal"), QStringLiteral("T1"),
               QStringLiteral("--reward"), QStringLiteral("FRUIT-BOX"), QStringLiteral("--quantity"),
               QStringLiteral("0")});
        QCOMPARE(a.exit, 2);
        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(stockOf(QStringLiteral("FRUIT-BOX")), before + 7);
        // Another round adds nothing: a delivery counts once.
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(stockOf(QStringLiteral("FRUIT-BOX")), before + 7);
    }

    void reportsFollowTheJournal_data() { addBackendRows("two merchants"); }
    void reportsFollowTheJournal()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Admin a{b};
        for (const auto& [merchant, store] : {std::pair{QStringLiteral("M1"), QStringLiteral("S1")},
                                              std::pair{QStringLiteral("M2"), QStringLiteral("S2")}}) {
            a.run({QStringLiteral("merchant"), QStringLiteral("add"), QStringLiteral("--merchant"), merchant,
                   QStringLiteral("--name"), merchant, QStringLiteral("--category"), QStringLiteral("fruit")});
            QCOMPARE(a.exit, 0);
            a.run({QStringLiteral("store"), QStringLiteral("add"), QStringLiteral("--store"), store,
                   QStringLiteral("--merchant"), merchant, QStringLiteral("--name"), store});
            QCOMPARE(a.exit, 0);
        }
        // Members known to HQ before any terminal: all or nothing, and never twice.
        QTemporaryDir dir;
        const QString bad =
            writeFile(dir, QStringLiteral("bad.csv"), "phone,name\n13800000001,王一\n1380000000x,坏行\n");
        const QJsonObject refused =
            a.run({QStringLiteral("member"), QStringLiteral("import"), QStringLiteral("--file"), bad});
        QCOMPARE(a.exit, 2);
        QVERIFY(refused.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral("line 3")));
        const QString good =
            writeFile(dir, QStringLiteral("good.csv"), "phone,name\n13800000001,王一\n13800000002,李二,C-0002\n");
        QCOMPARE(a.run({QStringLiteral("member"), QStringLiteral("import"), QStringLiteral("--file"), good})
                     .value(QStringLiteral("added"))
                     .toInteger(),
                 2);
        QCOMPARE(a.run({QStringLiteral("member"), QStringLiteral("import"), QStringLiteral("--file"), good})
                     .value(QStringLiteral("already_known"))
                     .toInteger(),
                 2);

        Terminal t1(QStringLiteral("T1")); // store S1 of M1 (Backend::code registers T1 in S1)
        QVERIFY(t1.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        int exit = -1;
        const QString code2 = QJsonDocument::fromJson(b.hq->admin({QStringLiteral("terminal"), QStringLiteral("add"),
                                                                   QStringLiteral("--store"), QStringLiteral("S2"),
                                                                   QStringLiteral("--terminal"), QStringLiteral("T2")},
                                                                  &exit))
                                  .object()
                                  .value(QStringLiteral("code"))
                                  .toString();
        Terminal t2(QStringLiteral("T2"));
        QVERIFY(t2.enroll(b.hq->url(), code2));
        QString error;
        QVERIFY2(t1.sync(&error), qPrintable(error));
        // The imported members reached the terminal with the pull.
        QVERIFY(t1.ledger->memberByPhone(QStringLiteral("13800000001")).ok());
        QVERIFY(t1.ledger->memberByCard(QStringLiteral("C-0002")).ok());

        SaleRequest sale;
        sale.ref = QStringLiteral("s1");
        sale.phone = QStringLiteral("13800000001");
        sale.amount = QStringLiteral("1000.00");
        QVERIFY(t1.ledger->sale(sale).ok());
        // A donation spends points without HQ: only points HQ has confirmed (offline room).
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QVERIFY(t1.ledger
                    ->donate(
                        {QStringLiteral("d1"), QStringLiteral("13800000001"), {}, QStringLiteral("STRAY-ANIMALS"), 100})
                    .ok());
        QVERIFY(t1.ledger
                    ->answerSurvey({QStringLiteral("q1"),
                                    QStringLiteral("13800000001"),
                                    {},
                                    QStringLiteral("PREF-2026"),
                                    {{QStringLiteral("reward"), QStringLiteral("奶茶")},
                                     {QStringLiteral("channel"), QStringLiteral("微信")}}})
                    .ok());
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QVERIFY2(t2.sync(&error), qPrintable(error));
        // Points issued at M1 spent at M2.
        RedeemRequest redeem;
        redeem.ref = QStringLiteral("r1");
        redeem.phone = QStringLiteral("13800000001");
        redeem.reward = QStringLiteral("FRUIT-WASH");
        redeem.reservation = QString();
        QVERIFY(t2.ledger->redeem(redeem).ok()); // enrolled, HQ not asked: within the offline limits
        QVERIFY2(t2.sync(&error), qPrintable(error));

        const qint64 balance = t2.ledger->memberByPhone(QStringLiteral("13800000001"))->balance.value();
        const QJsonObject liability = a.run({QStringLiteral("report"), QStringLiteral("liability")});
        QCOMPARE(a.exit, 0);
        QCOMPARE(liability.value(QStringLiteral("outstanding_points")).toInteger(), balance);
        QCOMPARE(liability.value(QStringLiteral("members")).toInteger(), 2);

        const QJsonObject issuance = a.run({QStringLiteral("report"), QStringLiteral("issuance")});
        const QJsonArray merchants = issuance.value(QStringLiteral("merchants")).toArray();
        QCOMPARE(merchants.size(), 2);
        qint64 issuedAtT1 = 0; // the sale's earning and the survey's green points
        for (const JournalEntry& e : t1.ledger->journal().value()) {
            if ((e.kind == EntryKind::Earn || e.kind == EntryKind::GreenGrant) && e.points.value() > 0)
                issuedAtT1 += e.points.value();
        }
        QVERIFY(issuedAtT1 >= 1000);
        QCOMPARE(merchants.at(0).toObject().value(QStringLiteral("issued")).toInteger(), issuedAtT1);
        QCOMPARE(merchants.at(1).toObject().value(QStringLiteral("issued")).toInteger(), 0);

        const QJsonArray flows =
            a.run({QStringLiteral("report"), QStringLiteral("settlement"), QStringLiteral("--month"), month()})
                .value(QStringLiteral("flows"))
                .toArray();
        QCOMPARE(flows.size(), 1);
        QCOMPARE(flows.first().toObject().value(QStringLiteral("issued_by")).toString(), QStringLiteral("M1"));
        QCOMPARE(flows.first().toObject().value(QStringLiteral("redeemed_at")).toString(), QStringLiteral("M2"));
        QCOMPARE(flows.first().toObject().value(QStringLiteral("points")).toInteger(), 300);

        const QJsonArray charities =
            a.run({QStringLiteral("report"), QStringLiteral("charity")}).value(QStringLiteral("charities")).toArray();
        QCOMPARE(charities.size(), 1);
        QCOMPARE(charities.first().toObject().value(QStringLiteral("points")).toInteger(), 100);
        QCOMPARE(charities.first().toObject().value(QStringLiteral("match_points")).toInteger(), 10);

        const QJsonArray surveys =
            a.run({QStringLiteral("report"), QStringLiteral("surveys")}).value(QStringLiteral("surveys")).toArray();
        QCOMPARE(surveys.size(), 1);
        const QJsonObject survey = surveys.first().toObject();
        QCOMPARE(survey.value(QStringLiteral("respondents")).toInteger(), 1);
        QCOMPARE(survey.value(QStringLiteral("questions"))
                     .toObject()
                     .value(QStringLiteral("reward"))
                     .toObject()
                     .value(QStringLiteral("奶茶"))
                     .toInteger(),
                 1);
        // Answers travel once: another round adds no respondent.
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QCOMPARE(a.run({QStringLiteral("report"), QStringLiteral("surveys")})
                     .value(QStringLiteral("surveys"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("respondents"))
                     .toInteger(),
                 1);

        const QJsonObject statement = a.run({QStringLiteral("statement"), QStringLiteral("--phone"),
                                             QStringLiteral("13800000001"), QStringLiteral("--month"), month()});
        QCOMPARE(a.exit, 0);
        QCOMPARE(statement.value(QStringLiteral("opening")).toInteger(), 0);
        QCOMPARE(statement.value(QStringLiteral("closing")).toInteger(), balance);
        QVERIFY(!QJsonDocument(statement).toJson().contains("13800000001")); // masked
        a.run({QStringLiteral("statement"), QStringLiteral("--phone"), QStringLiteral("13900000000")});
        QCOMPARE(a.exit, 4);
        a.run({QStringLiteral("report"), QStringLiteral("issuance"), QStringLiteral("--month"),
               QStringLiteral("2026-13")});
        QCOMPARE(a.exit, 2);
        const QJsonObject expiry = a.run({QStringLiteral("expiry")});
        QCOMPARE(a.exit, 0);
        QVERIFY(expiry.value(QStringLiteral("terminals")).toArray().isEmpty());
        int verifyExit = -1;
        b.hq->admin({QStringLiteral("verify")}, &verifyExit);
        QCOMPARE(verifyExit, 0);
    }
};

QTEST_GUILESS_MAIN(TestHqAdmin)
#include "tst_hq_admin.moc"
