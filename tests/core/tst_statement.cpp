// Monthly statements: opening + movements = closing for months with every kind of movement, one
// month's closing is the next one's opening, points expiring within 90 days, and the warm line
// chosen by priority (donation > pet reward > any reward > green > earned > expiring > quiet).

#include "fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace jifen;
using namespace jifen::test;

namespace {

// "key=value key=value" -> map; missing keys are 0.
QMap<QString, qint64> specOf(const QString& spec)
{
    QMap<QString, qint64> out;
    for (const QString& part : spec.split(u' ', Qt::SkipEmptyParts)) {
        const auto kv = part.split(u'=');
        out.insert(kv.at(0), kv.at(1).toLongLong());
    }
    return out;
}

// The warm line templates shipped in resources, by their "when".
QMap<QString, QString> warmTemplates()
{
    QMap<QString, QString> out;
    QFile f(QFINDTESTDATA("../../resources/statements/warm_lines.json"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QJsonValue& v : QJsonDocument::fromJson(f.readAll()).object().value(u"lines"_s).toArray())
        out.insert(v[u"when"_s].toString(), v[u"text"_s].toString());
    return out;
}

QString filled(QString text, const QString& reward, const QString& charity, qint64 points)
{
    return text.replace(u"{reward}"_s, reward)
        .replace(u"{charity}"_s, charity)
        .replace(u"{points}"_s, QString::number(points));
}

// Member A (kPhone, 张三) over three years; B (kPhone2) shares A's household.
//  2023-01-10  A earns 70 (valid through 2026-01-31)
//  2026-01-10  A earns 1000
//  2026-02-05  A earns 200 (the 70 expire first); 02-06 refund 100.00 of it; 02-07 redeems FRUIT-WASH 300
//  2026-03-03  A returns FRUIT-WASH (+300); 03-04 pays 5.00 of a 50.00 bill with 500 points, earns 45
//  2026-04-02  A transfers 100 to B; 04-03 donates 50 to STRAY-ANIMALS; 04-04 training +100 green;
//              04-05 adjustment +20
//  2026-05-10  A buys organic apples: 38 green points
//  2026-06     nothing
bool scenario(Fixture& fx)
{
    fx.setToday(QDate(2023, 1, 10));
    if (!fx.addManager() || !fx.addMember() || !fx.addMember(kPhone2, u"李四"_s))
        return false;
    bool ok = fx.buy(u"old"_s, u"70.00"_s).ok();
    fx.setToday(QDate(2026, 1, 10));
    ok = ok && fx.buy(u"jan"_s, u"1000.00"_s).ok();
    fx.setToday(QDate(2026, 2, 5));
    ok = ok && fx.buy(u"feb"_s, u"200.00"_s).ok();
    fx.setToday(QDate(2026, 2, 6));
    ok = ok && fx.refund(u"rf-feb"_s, u"feb"_s, u"100.00"_s).ok();
    fx.setToday(QDate(2026, 2, 7));
    ok = ok && fx.redeem(u"r-feb"_s, u"FRUIT-WASH"_s).ok();
    fx.setToday(QDate(2026, 3, 3));
    ok = ok && fx.returnReward(u"ret-mar"_s, u"r-feb"_s).ok();
    fx.setToday(QDate(2026, 3, 4));
    ok = ok && fx.buy(u"mar"_s, u"50.00"_s, kPhone, QString(), 500).ok();
    fx.setToday(QDate(2026, 4, 1));
    ok = ok && fx.ledger->createHousehold(kPhone).ok() && fx.ledger->addToHousehold(kPhone, kPhone2).ok();
    fx.setToday(QDate(2026, 4, 2));
    ok = ok && fx.transfer(u"t-apr"_s, kPhone, kPhone2, 100).ok();
    fx.setToday(QDate(2026, 4, 3));
    ok = ok && fx.donate(u"d-apr"_s, u"STRAY-ANIMALS"_s, 50).ok();
    fx.setToday(QDate(2026, 4, 4));
    ok = ok && fx.green(u"g-apr"_s, u"training"_s).ok();
    fx.setToday(QDate(2026, 4, 5));
    ok = ok && fx.adjust(u"adj-apr"_s, 20, u"补录纸质小票积分"_s).ok();
    fx.setToday(QDate(2026, 5, 10));
    ok = ok && fx.buyItems(u"may"_s, {u"6901000000028:1"_s}).ok();
    fx.setToday(QDate(2026, 7, 15));
    return ok;
}

} // namespace

class TestStatement : public QObject {
    Q_OBJECT
private slots:
    void months_data();
    void months();
    void openingIsPreviousClosing();
    void monthBoundaryInChinaTime();
    void warmLine_data();
    void warmLine();
    void textAndHtml();
    void refusals_data();
    void refusals();
};

void TestStatement::months_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<QString>("expected"); // StatementData fields by name; missing: 0
    QTest::addColumn<QString>("warm");     // "when" of the warm line template; empty: not checked

    QTest::newRow("2025-12: quiet, 70 expiring on 2026-01-31")
        << kPhone << 2025 << 12 << "opening=70 closing=70 expiring=70"
        << "expiring";
    QTest::newRow("2026-01: earned") << kPhone << 2026 << 1 << "opening=70 earned=1000 closing=1070"
                                     << "earned";
    QTest::newRow("2026-02: earned, refunded, redeemed, expired")
        << kPhone << 2026 << 2 << "opening=1070 earned=200 refunded=-100 redeemed=-300 expired=-70 closing=800"
        << "redeemed";
    QTest::newRow("2026-03: returned reward, offset, earned")
        << kPhone << 2026 << 3 << "opening=800 redeemed=300 offset=-500 earned=45 closing=645"
        << "";
    QTest::newRow("2026-04: transfer, donation, green action, adjustment")
        << kPhone << 2026 << 4
        << "opening=645 transferred=-100 donated=-50 green=100 adjusted=20 closing=615 greenEarned=100 "
           "greenClosing=100"
        << "donated";
    QTest::newRow("2026-04, the receiver: transfer in")
        << kPhone2 << 2026 << 4 << "opening=0 transferred=100 closing=100"
        << "";
    QTest::newRow("2026-05: green points from eco goods")
        << kPhone << 2026 << 5 << "opening=615 earned=38 closing=653 greenEarned=38 greenClosing=138"
        << "green";
    QTest::newRow("2026-06: quiet") << kPhone << 2026 << 6 << "opening=653 closing=653 greenClosing=138"
                                    << "quiet";
}

void TestStatement::months()
{
    QFETCH(QString, phone);
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(QString, expected);
    QFETCH(QString, warm);

    JIFEN_FIXTURE(fx, QDate(2023, 1, 10));
    QVERIFY(scenario(fx));
    JIFEN_REQUIRE(s, fx.ledger->statement(phone, QString(), year, month));
    const auto want = specOf(expected);
    QCOMPARE(s->year, year);
    QCOMPARE(s->month, month);
    QCOMPARE(s->phoneMasked, maskPhone(phone));
    QCOMPARE(s->opening.value(), want.value(u"opening"_s));
    QCOMPARE(s->earned.value(), want.value(u"earned"_s));
    QCOMPARE(s->refunded.value(), want.value(u"refunded"_s));
    QCOMPARE(s->redeemed.value(), want.value(u"redeemed"_s));
    QCOMPARE(s->offset.value(), want.value(u"offset"_s));
    QCOMPARE(s->expired.value(), want.value(u"expired"_s));
    QCOMPARE(s->transferred.value(), want.value(u"transferred"_s));
    QCOMPARE(s->donated.value(), want.value(u"donated"_s));
    QCOMPARE(s->green.value(), want.value(u"green"_s));
    QCOMPARE(s->adjusted.value(), want.value(u"adjusted"_s));
    QCOMPARE(s->closing.value(), want.value(u"closing"_s));
    QCOMPARE(s->greenEarned.value(), want.value(u"greenEarned"_s));
    QCOMPARE(s->greenClosing.value(), want.value(u"greenClosing"_s));
    // The numbers add up.
    QCOMPARE(s->opening + s->movements(), s->closing);

    qint64 expiring = 0;
    for (const ExpiringPoints& e : s->expiringSoon) {
        QVERIFY(e.validThrough > QDate(year, month, 1).addMonths(1).addDays(-1));
        QVERIFY(e.validThrough <= QDate(year, month, 1).addMonths(1).addDays(89));
        expiring += e.points.value();
    }
    QCOMPARE(expiring, want.value(u"expiring"_s));

    if (!warm.isEmpty()) {
        const auto templates = warmTemplates();
        QVERIFY2(templates.contains(warm), qPrintable(warm));
        const QString t = templates.value(warm);
        // The template's fixed text (up to its first placeholder) is in the line.
        const QString head = t.left(t.indexOf(u'{') < 0 ? t.size() : t.indexOf(u'{'));
        QVERIFY2(s->warmLine.startsWith(head), qPrintable(s->warmLine));
    }
}

void TestStatement::openingIsPreviousClosing()
{
    JIFEN_FIXTURE(fx, QDate(2023, 1, 10));
    QVERIFY(scenario(fx));
    for (const QString& phone : {kPhone, kPhone2}) {
        std::optional<StatementData> previous;
        for (QDate m(2025, 11, 1); m <= QDate(2026, 7, 1); m = m.addMonths(1)) {
            JIFEN_REQUIRE(s, fx.ledger->statement(phone, QString(), m.year(), m.month()));
            QCOMPARE(s->opening + s->movements(), s->closing);
            QVERIFY(s->greenClosing <= s->closing);
            if (previous) {
                QCOMPARE(s->opening, previous->closing);
                QVERIFY(s->greenClosing.value() >= 0);
            }
            previous = s.value();
        }
        // The current month's closing is the balance now.
        QCOMPARE(previous->closing.value(), fx.balance(phone));
        QCOMPARE(previous->greenClosing.value(), fx.greenBalance(phone));
    }
}

void TestStatement::monthBoundaryInChinaTime()
{
    // 23:59:59 on 31 March (China time) is 15:59:59 UTC: March. 00:00 on 1 April is still
    // 31 March in UTC: April.
    JIFEN_FIXTURE(fx, QDate(2026, 3, 31));
    JIFEN_VERIFY_OK(fx.addMember());
    fx.setToday(QDate(2026, 3, 31), QTime(23, 59, 59));
    JIFEN_VERIFY_OK(fx.buy(u"last"_s, u"31.00"_s));
    fx.setToday(QDate(2026, 4, 1), QTime(0, 0, 0));
    JIFEN_VERIFY_OK(fx.buy(u"first"_s, u"401.00"_s));
    JIFEN_REQUIRE(mar, fx.ledger->statement(kPhone, QString(), 2026, 3));
    JIFEN_REQUIRE(apr, fx.ledger->statement(kPhone, QString(), 2026, 4));
    QCOMPARE(mar->earned, Points(31));
    QCOMPARE(mar->closing, Points(31));
    QCOMPARE(apr->opening, Points(31));
    QCOMPARE(apr->earned, Points(401));
    QCOMPARE(apr->closing, Points(432));
}

void TestStatement::warmLine_data()
{
    QTest::addColumn<QStringList>("activity"); // in November 2026, in order
    QTest::addColumn<QString>("when");         // the template that must be chosen
    QTest::addColumn<QString>("reward");
    QTest::addColumn<QString>("charity");
    QTest::addColumn<qint64>("points");

    const QString buy = u"buy 1000.00"_s;
    QTest::newRow("a donation beats a pet reward")
        << QStringList{buy, u"redeem CAT-SCRATCHER"_s, u"green training"_s, u"donate TREE-PLANTING 10"_s} << "donated"
        << "" << u"植树公益"_s << qint64(10);
    QTest::newRow("a pet reward beats another reward")
        << QStringList{buy, u"redeem FRUIT-WASH"_s, u"redeem CAT-SCRATCHER"_s, u"green training"_s} << "redeemed_pet"
        << u"猫抓板"_s << "" << qint64(0);
    QTest::newRow("any reward beats green points") << QStringList{buy, u"redeem FRUIT-WASH"_s, u"green training"_s}
                                                   << "redeemed" << u"水果到家清洗服务"_s << "" << qint64(0);
    QTest::newRow("green points beat earned points") << QStringList{buy, u"green training"_s} << "green"
                                                     << ""
                                                     << "" << qint64(100);
    QTest::newRow("earned points") << QStringList{buy} << "earned"
                                   << ""
                                   << "" << qint64(1000);
    QTest::newRow("points about to expire") << QStringList{u"old 70.00"_s} << "expiring"
                                            << ""
                                            << "" << qint64(70);
    QTest::newRow("a quiet month") << QStringList{} << "quiet"
                                   << ""
                                   << "" << qint64(0);
}

void TestStatement::warmLine()
{
    QFETCH(QStringList, activity);
    QFETCH(QString, when);
    QFETCH(QString, reward);
    QFETCH(QString, charity);
    QFETCH(qint64, points);

    JIFEN_FIXTURE(fx, QDate(2023, 12, 5));
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addMember());
    int n = 0;
    for (const QString& a : activity) {
        const QStringList p = a.split(u' ');
        const QString ref = u"x%1"_s.arg(++n);
        if (p.at(0) == u"old"_s) { // in December 2023: valid through 2026-12-31
            JIFEN_VERIFY_OK(fx.buy(ref, p.at(1)));
            continue;
        }
        fx.setToday(QDate(2026, 11, 2 + n));
        if (p.at(0) == u"buy"_s)
            JIFEN_VERIFY_OK(fx.buy(ref, p.at(1)));
        else if (p.at(0) == u"redeem"_s)
            JIFEN_VERIFY_OK(fx.redeem(ref, p.at(1)));
        else if (p.at(0) == u"green"_s)
            JIFEN_VERIFY_OK(fx.green(ref, p.at(1)));
        else if (p.at(0) == u"donate"_s)
            JIFEN_VERIFY_OK(fx.donate(ref, p.at(1), p.at(2).toLongLong()));
        else
            QFAIL(qPrintable(a));
    }
    fx.setToday(QDate(2026, 12, 1));
    JIFEN_REQUIRE(s, fx.ledger->statement(kPhone, QString(), 2026, 11));
    const auto templates = warmTemplates();
    QVERIFY2(templates.size() == 7, "resources/statements/warm_lines.json is missing or changed");
    QCOMPARE(s->warmLine, filled(templates.value(when), reward, charity, points));
    if (!reward.isEmpty())
        QVERIFY(s->warmLine.contains(reward));
    if (!charity.isEmpty())
        QVERIFY(s->warmLine.contains(charity));
}

void TestStatement::textAndHtml()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember(kPhone, u"<李四>&小猫"_s));
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"1234.00"_s));
    JIFEN_VERIFY_OK(fx.donate(u"d1"_s, u"STRAY-ANIMALS"_s, 56));
    JIFEN_REQUIRE(s, fx.ledger->statement(kPhone, QString(), 2026, 11));
    QCOMPARE(s->memberName, u"<李四>&小猫"_s);
    QCOMPARE(s->earned, Points(1234));
    QCOMPARE(s->donated, Points(-56));
    QCOMPARE(s->closing, Points(1178));
    QVERIFY2(s->warmLine.contains(u"流浪动物救助"_s), qPrintable(s->warmLine));

    const QString text = statementText(s.value());
    for (const QString& needle :
         {u"2026-11"_s, u"<李四>&小猫"_s, maskPhone(kPhone), u"1234"_s, u"-56"_s, u"1178"_s, s->warmLine}) {
        QVERIFY2(text.contains(needle), qPrintable(needle + u" not in:\n"_s + text));
    }
    QVERIFY(!text.contains(kPhone));

    const QString html = statementHtml(s.value());
    for (const QString& needle : {u"2026-11"_s, u"&lt;李四&gt;&amp;小猫"_s, maskPhone(kPhone), u"1234"_s, u"-56"_s,
                                  u"1178"_s, s->warmLine.toHtmlEscaped()}) {
        QVERIFY2(html.contains(needle), qPrintable(needle + u" not in:\n"_s + html));
    }
    QVERIFY2(!html.contains(u"<李四>"_s), "the member's name is not escaped");
    QVERIFY(!html.contains(kPhone));
}

void TestStatement::refusals_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("code");

    QTest::newRow("unknown member") << kPhone2 << 2026 << 11 << int(ErrorCode::NotFound);
    QTest::newRow("month 13") << kPhone << 2026 << 13 << int(ErrorCode::BadInput);
    QTest::newRow("month 0") << kPhone << 2026 << 0 << int(ErrorCode::BadInput);
    QTest::newRow("no member given") << "" << 2026 << 11 << int(ErrorCode::BadInput);
}

void TestStatement::refusals()
{
    QFETCH(QString, phone);
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, code);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    const auto r = fx.ledger->statement(phone, QString(), year, month);
    QVERIFY2(!r.ok(), "a statement was made");
    QCOMPARE(int(r.error().code), code);
}

QTEST_GUILESS_MAIN(TestStatement)
#include "tst_statement.moc"
