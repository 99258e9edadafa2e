// Donations (积分捐赠): points leave the member's lots; the program's pledge is
// floor(points x match_percent / 100) and creates no points; totals per charity.
// Preference surveys (积分权益问卷): answers are validated and recorded once per member; a survey
// with a green action grants its points within the monthly cap, and past the cap still records.

#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

namespace {

using Answers = QList<QPair<QString, QString>>;

// "question=answer;question=answer"
Answers answersFrom(const QString& spec)
{
    Answers out;
    for (const QString& part : spec.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        out.append({part.left(eq), part.mid(eq + 1)});
    }
    return out;
}

std::optional<CharityTotal> totalOf(Fixture& fx, const QString& code)
{
    auto totals = fx.ledger->charityTotals();
    if (!totals)
        return std::nullopt;
    for (const CharityTotal& t : totals.value()) {
        if (t.code == code)
            return t;
    }
    return std::nullopt;
}

} // namespace

class TestDonationsSurveys : public QObject {
    Q_OBJECT
private slots:
    void donation_data();
    void donation();
    void donationRefusals_data();
    void donationRefusals();
    void charityTotals();
    void surveyAnswers_data();
    void surveyAnswers();
    void surveyGrantsGreenWithoutPin();
    void surveyPastTheCapStillRecorded_data();
    void surveyPastTheCapStillRecorded();
};

void TestDonationsSurveys::donation_data()
{
    QTest::addColumn<QString>("charity");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<qint64>("match");
    QTest::addColumn<QString>("name");

    const QString stray = u"流浪动物救助"_s, trees = u"植树公益"_s;
    QTest::newRow("STRAY-ANIMALS 100: pledge 10") << "STRAY-ANIMALS" << qint64(100) << qint64(10) << stray;
    QTest::newRow("STRAY-ANIMALS 15: pledge 1 (floored)") << "STRAY-ANIMALS" << qint64(15) << qint64(1) << stray;
    QTest::newRow("STRAY-ANIMALS 19: pledge 1 (floored)") << "STRAY-ANIMALS" << qint64(19) << qint64(1) << stray;
    QTest::newRow("STRAY-ANIMALS 9: pledge 0") << "STRAY-ANIMALS" << qint64(9) << qint64(0) << stray;
    QTest::newRow("STRAY-ANIMALS 1: pledge 0") << "STRAY-ANIMALS" << qint64(1) << qint64(0) << stray;
    QTest::newRow("STRAY-ANIMALS everything (1000): pledge 100")
        << "STRAY-ANIMALS" << qint64(1000) << qint64(100) << stray;
    QTest::newRow("TREE-PLANTING 100: pledge 20") << "TREE-PLANTING" << qint64(100) << qint64(20) << trees;
    QTest::newRow("TREE-PLANTING 7: pledge 1 (floored)") << "TREE-PLANTING" << qint64(7) << qint64(1) << trees;
    QTest::newRow("TREE-PLANTING 99: pledge 19 (floored)") << "TREE-PLANTING" << qint64(99) << qint64(19) << trees;
    QTest::newRow("TREE-PLANTING 5: pledge exactly 1") << "TREE-PLANTING" << qint64(5) << qint64(1) << trees;
    QTest::newRow("TREE-PLANTING 4: pledge 0") << "TREE-PLANTING" << qint64(4) << qint64(0) << trees;
}

void TestDonationsSurveys::donation()
{
    QFETCH(QString, charity);
    QFETCH(qint64, points);
    QFETCH(qint64, match);
    QFETCH(QString, name);

    // Two lots: 600 (January) and 400 (March): a donation takes the first-expiring first.
    JIFEN_FIXTURE(fx, QDate(2026, 1, 10));
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"jan"_s, u"600.00"_s));
    fx.setToday(QDate(2026, 3, 10));
    JIFEN_VERIFY_OK(fx.buy(u"mar"_s, u"400.00"_s));
    const qint64 jan = fx.entriesOf(EntryKind::Earn).at(0).seq;
    const qint64 mar = fx.entriesOf(EntryKind::Earn).at(1).seq;
    JIFEN_REQUIRE(usedBefore, fx.ledger->allowance());

    JIFEN_REQUIRE(r, fx.donate(u"d1"_s, charity, points));
    QCOMPARE(r->charity, charity);
    QCOMPARE(r->points, Points(points));
    QCOMPARE(r->matchPoints, Points(match));
    QCOMPARE(r->balance, Points(1000 - points));
    QCOMPARE(fx.balance(), 1000 - points);

    const auto e = fx.lastEntry();
    QVERIFY(e);
    QCOMPARE(e->kind, EntryKind::Donate);
    QCOMPARE(e->points, Points(-points));
    QList<LotMove> expected{LotMove{LotRef{u"T1"_s, jan}, Points(-std::min<qint64>(points, 600))}};
    if (points > 600)
        expected.append(LotMove{LotRef{u"T1"_s, mar}, Points(600 - points)});
    QCOMPARE(e->lots, expected);

    // The pledge creates no points and uses no allowance.
    JIFEN_REQUIRE(usedAfter, fx.ledger->allowance());
    QCOMPARE(usedAfter->used, usedBefore->used);
    const auto total = totalOf(fx, charity);
    QVERIFY(total);
    QCOMPARE(total->name, name);
    QCOMPARE(total->donations, qint64(1));
    QCOMPARE(total->points, Points(points));
    QCOMPARE(total->matchPoints, Points(match));

    // A retry donates nothing more.
    JIFEN_REQUIRE(retry, fx.donate(u"d1"_s, charity, points));
    QCOMPARE(retry->matchPoints, Points(match));
    QCOMPARE(fx.balance(), 1000 - points);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestDonationsSurveys::donationRefusals_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("charity");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<int>("code");

    // The member holds 1000 points.
    QTest::newRow("unknown charity") << kPhone << "SPACE-TRAVEL" << qint64(100) << int(ErrorCode::NotFound);
    QTest::newRow("one point beyond the balance")
        << kPhone << "STRAY-ANIMALS" << qint64(1001) << int(ErrorCode::Refused);
    QTest::newRow("zero points") << kPhone << "STRAY-ANIMALS" << qint64(0) << int(ErrorCode::BadInput);
    QTest::newRow("negative points") << kPhone << "STRAY-ANIMALS" << qint64(-10) << int(ErrorCode::BadInput);
    QTest::newRow("unknown member") << kPhone2 << "STRAY-ANIMALS" << qint64(10) << int(ErrorCode::NotFound);
}

void TestDonationsSurveys::donationRefusals()
{
    QFETCH(QString, phone);
    QFETCH(QString, charity);
    QFETCH(qint64, points);
    QFETCH(int, code);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"1000.00"_s));
    const qint64 before = fx.journalSize();
    const auto r = fx.donate(u"d1"_s, charity, points, phone);
    QVERIFY2(!r.ok(), "the donation was accepted");
    QCOMPARE(int(r.error().code), code);
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(fx.balance(), qint64(1000));
    const auto total = totalOf(fx, u"STRAY-ANIMALS"_s);
    QVERIFY(!total || total->donations == 0);
}

void TestDonationsSurveys::charityTotals()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.addMember(kPhone2, u"李四"_s));
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"1000.00"_s));
    JIFEN_VERIFY_OK(fx.buy(u"s2"_s, u"1000.00"_s, kPhone2));
    JIFEN_VERIFY_OK(fx.donate(u"d1"_s, u"STRAY-ANIMALS"_s, 100));         // pledge 10
    JIFEN_VERIFY_OK(fx.donate(u"d2"_s, u"STRAY-ANIMALS"_s, 15, kPhone2)); // pledge 1
    JIFEN_VERIFY_OK(fx.donate(u"d3"_s, u"TREE-PLANTING"_s, 99));          // pledge 19
    JIFEN_VERIFY_OK(fx.donate(u"d4"_s, u"STRAY-ANIMALS"_s, 9, kPhone2));  // pledge 0
    JIFEN_VERIFY_ERROR(fx.donate(u"d5"_s, u"TREE-PLANTING"_s, 5000), ErrorCode::Refused);

    const auto stray = totalOf(fx, u"STRAY-ANIMALS"_s);
    QVERIFY(stray);
    QCOMPARE(stray->donations, qint64(3));
    QCOMPARE(stray->points, Points(124));
    QCOMPARE(stray->matchPoints, Points(11));
    const auto trees = totalOf(fx, u"TREE-PLANTING"_s);
    QVERIFY(trees);
    QCOMPARE(trees->donations, qint64(1));
    QCOMPARE(trees->points, Points(99));
    QCOMPARE(trees->matchPoints, Points(19));
    QCOMPARE(fx.balance(), qint64(1000 - 100 - 99));
    QCOMPARE(fx.balance(kPhone2), qint64(1000 - 15 - 9));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestDonationsSurveys::surveyAnswers_data()
{
    QTest::addColumn<QString>("survey");
    QTest::addColumn<QString>("answers");
    QTest::addColumn<bool>("answeredBefore"); // the member already answered this survey
    QTest::addColumn<int>("code");            // 0: accepted
    QTest::addColumn<qint64>("answered");

    QTest::newRow("PREF-2026, all three questions")
        << "PREF-2026" << u"reward=电影票;channel=微信;idea=希望多些水果活动"_s << false << 0 << qint64(3);
    QTest::newRow("PREF-2026, one option question") << "PREF-2026" << u"reward=珠宝保养"_s << false << 0 << qint64(1);
    QTest::newRow("PREF-2026, free text only") << "PREF-2026" << u"idea=很好"_s << false << 0 << qint64(1);
    QTest::newRow("ECO-2026, one answer") << "ECO-2026" << u"bag=总是"_s << false << 0 << qint64(1);
    QTest::newRow("unknown survey") << "PREF-1999" << u"reward=电影票"_s << false << int(ErrorCode::NotFound)
                                    << qint64(0);
    QTest::newRow("unknown question") << "PREF-2026" << u"reward=电影票;colour=红"_s << false
                                      << int(ErrorCode::BadInput) << qint64(0);
    QTest::newRow("a question of another survey")
        << "PREF-2026" << u"bag=总是"_s << false << int(ErrorCode::BadInput) << qint64(0);
    QTest::newRow("option not allowed") << "PREF-2026" << u"reward=现金"_s << false << int(ErrorCode::BadInput)
                                        << qint64(0);
    QTest::newRow("option not allowed (ECO-2026)")
        << "ECO-2026" << u"bag=从不"_s << false << int(ErrorCode::BadInput) << qint64(0);
    QTest::newRow("no answers") << "PREF-2026" << u""_s << false << int(ErrorCode::BadInput) << qint64(0);
    QTest::newRow("answered twice") << "PREF-2026" << u"reward=奶茶"_s << true << int(ErrorCode::Refused) << qint64(0);
    QTest::newRow("the other survey after answering one") << "ECO-2026" << u"bag=有时"_s << true << 0 << qint64(1);
}

void TestDonationsSurveys::surveyAnswers()
{
    QFETCH(QString, survey);
    QFETCH(QString, answers);
    QFETCH(bool, answeredBefore);
    QFETCH(int, code);
    QFETCH(qint64, answered);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    qint64 green = 0;
    if (answeredBefore) {
        JIFEN_REQUIRE(first, fx.answer(u"a0"_s, u"PREF-2026"_s, answersFrom(u"reward=电影票"_s)));
        green += first->greenPoints.value();
    }
    const qint64 before = fx.journalSize();
    const auto r = fx.answer(u"a1"_s, survey, answersFrom(answers));
    if (code != 0) {
        QVERIFY2(!r.ok(), "the answers were accepted");
        QCOMPARE(int(r.error().code), code);
        QCOMPARE(fx.journalSize(), before);
        QCOMPARE(fx.greenBalance(), green);
        return;
    }
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(r->survey, survey);
    QCOMPARE(r->answered, answered);
    // Both default surveys carry the survey green action (50).
    QCOMPARE(r->greenPoints, Points(50));
    QCOMPARE(fx.greenBalance(), green + 50);
    const auto e = fx.lastEntry();
    QVERIFY(e);
    QCOMPARE(e->kind, EntryKind::GreenGrant);
    QCOMPARE(e->greenPoints, Points(50));
    // Recorded once: the same survey again is refused, even with a new reference.
    JIFEN_VERIFY_ERROR(fx.answer(u"a2"_s, survey, answersFrom(answers)), ErrorCode::Refused);
    // A retry of the same request gets the first result back.
    JIFEN_REQUIRE(retry, fx.answer(u"a1"_s, survey, answersFrom(answers)));
    QCOMPARE(retry->greenPoints, Points(50));
    QCOMPARE(fx.greenBalance(), green + 50);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestDonationsSurveys::surveyGrantsGreenWithoutPin()
{
    // No manager on this terminal at all: answering is the action.
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.ledger->addMember(NewMember{kPhone, QString(), u"阳光小学"_s, u"institution"_s}));
    JIFEN_REQUIRE(r, fx.answer(u"a1"_s, u"ECO-2026"_s, answersFrom(u"bag=总是"_s)));
    QCOMPARE(r->greenPoints, Points(50));
    QCOMPARE(fx.greenBalance(), qint64(50));
    QCOMPARE(fx.balance(), qint64(50));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestDonationsSurveys::surveyPastTheCapStillRecorded_data()
{
    QTest::addColumn<QStringList>("actions"); // green actions granted first this month
    QTest::addColumn<qint64>("granted");      // green points the answer brings

    const QString t = u"training"_s, h = u"share"_s;
    QTest::newRow("250 from actions: the survey's 50 reach exactly 300")
        << QStringList{t, t, u"survey"_s} << qint64(50);
    QTest::newRow("cap reached (300): no points") << QStringList{t, t, t} << qint64(0);
    QTest::newRow("290: 50 would pass the cap, no points") << QStringList{t, t, h, h, h} << qint64(0);
}

void TestDonationsSurveys::surveyPastTheCapStillRecorded()
{
    QFETCH(QStringList, actions);
    QFETCH(qint64, granted);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addMember());
    qint64 before = 0;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        JIFEN_REQUIRE(g, fx.green(u"g%1"_s.arg(i), actions.at(i)));
        before += g->points.value();
    }
    JIFEN_REQUIRE(r, fx.answer(u"a1"_s, u"PREF-2026"_s, answersFrom(u"reward=打车券;channel=短信"_s)));
    QCOMPARE(r->answered, qint64(2));
    QCOMPARE(r->greenPoints, Points(granted));
    QCOMPARE(fx.greenBalance(), before + granted);
    if (granted == 0)
        QVERIFY2(!r->note.isEmpty(), "the result does not say why no points came");
    // The answers were recorded all the same.
    JIFEN_VERIFY_ERROR(fx.answer(u"a2"_s, u"PREF-2026"_s, answersFrom(u"reward=奶茶"_s)), ErrorCode::Refused);
    JIFEN_VERIFY_LEDGER(fx);
}

QTEST_GUILESS_MAIN(TestDonationsSurveys)
#include "tst_donations_surveys.moc"
