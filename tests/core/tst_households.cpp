// Households (家庭共享, compliance line 4): at most 5 members; points move only between two members
// of one household, with a manager's PIN, at most 5000 points sent per member per month, within
// the sender's balance; a transfer keeps the sender lots' valid-through date and green flag.

#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

namespace {

const QStringList kPhones{u"13800138000"_s, u"13900139000"_s, u"13700137000"_s, u"13600136000"_s,
                          u"13500135000"_s, u"15800158000"_s, u"18600186000"_s, u"18900189000"_s};

bool addMembers(Fixture& fx, int count)
{
    for (int i = 0; i < count; ++i) {
        if (!fx.addMember(kPhones.at(i), u"成员%1"_s.arg(i + 1)))
            return false;
    }
    return true;
}

QStringList memberUids(const HouseholdInfo& h)
{
    QStringList uids;
    for (const auto& m : h.members)
        uids.append(m.uid);
    return uids;
}

QString uidOf(Fixture& fx, const QString& phone)
{
    auto m = fx.ledger->memberByPhone(phone);
    return m ? m->member.uid : QString();
}

} // namespace

class TestHouseholds : public QObject {
    Q_OBJECT
private slots:
    void createAddRemoveShow();
    void maxMembers_data();
    void maxMembers();
    void membershipRefusals_data();
    void membershipRefusals();
    void transferInsideHousehold();
    void transferKeepsValidityAndGreenFlag();
    void transferRefusals_data();
    void transferRefusals();
    void monthlyLimit_data();
    void monthlyLimit();
    void limitStartsAgainNextMonth();
    void removedMemberNoLongerReceives();
};

void TestHouseholds::createAddRemoveShow()
{
    JIFEN_FIXTURE(fx);
    QVERIFY(addMembers(fx, 3));
    const QString head = uidOf(fx, kPhones.at(0));
    JIFEN_REQUIRE(created, fx.ledger->createHousehold(kPhones.at(0)));
    QVERIFY(!created->householdId.isEmpty());
    QCOMPARE(created->headUid, head);
    QCOMPARE(created->headPhoneMasked, maskPhone(kPhones.at(0)));
    QCOMPARE(memberUids(created.value()), QStringList{head});
    QCOMPARE(created->maxMembers, 5);
    QCOMPARE(created->monthlyTransferLimit, Points(5000));

    JIFEN_REQUIRE(added, fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(1)));
    QCOMPARE(added->householdId, created->householdId);
    QCOMPARE(added->members.size(), 2);
    QVERIFY(memberUids(added.value()).contains(uidOf(fx, kPhones.at(1))));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(2)));

    // Shown from any member's phone: the same household; phones only masked.
    JIFEN_REQUIRE(shown, fx.ledger->household(kPhones.at(2)));
    QCOMPARE(shown->householdId, created->householdId);
    QCOMPARE(shown->headUid, head);
    QCOMPARE(shown->members.size(), 3);
    for (const auto& m : shown->members) {
        QVERIFY2(!m.phoneMasked.contains(u"0013"_s), qPrintable(m.phoneMasked));
        QVERIFY(m.phoneMasked.contains(u"****"_s));
    }

    JIFEN_REQUIRE(removed, fx.ledger->removeFromHousehold(kPhones.at(0), kPhones.at(1)));
    QCOMPARE(removed->members.size(), 2);
    QVERIFY(!memberUids(removed.value()).contains(uidOf(fx, kPhones.at(1))));
    // The removed member is in no household now, and may head one of their own.
    JIFEN_VERIFY_ERROR(fx.ledger->household(kPhones.at(1)), ErrorCode::NotFound);
    JIFEN_REQUIRE(own, fx.ledger->createHousehold(kPhones.at(1)));
    QVERIFY(own->householdId != created->householdId);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestHouseholds::maxMembers_data()
{
    QTest::addColumn<int>("members"); // including the head
    QTest::addColumn<bool>("lastAccepted");
    QTest::newRow("second member") << 2 << true;
    QTest::newRow("fifth member (the maximum) accepted") << 5 << true;
    QTest::newRow("sixth member refused") << 6 << false;
}

void TestHouseholds::maxMembers()
{
    QFETCH(int, members);
    QFETCH(bool, lastAccepted);

    JIFEN_FIXTURE(fx);
    QVERIFY(addMembers(fx, members));
    JIFEN_VERIFY_OK(fx.ledger->createHousehold(kPhones.at(0)));
    for (int i = 1; i < members - 1; ++i)
        JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(i)));
    const auto last = fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(members - 1));
    if (lastAccepted) {
        QVERIFY2(last.ok(), last.ok() ? "" : qPrintable(last.error().message));
        QCOMPARE(last->members.size(), members);
    } else {
        QVERIFY2(!last.ok(), "a sixth member was added");
        QCOMPARE(last.error().code, ErrorCode::Refused);
        QVERIFY2(last.error().message.contains(u"5"_s), qPrintable(last.error().message));
        JIFEN_VERIFY_ERROR(fx.ledger->household(kPhones.at(members - 1)), ErrorCode::NotFound);
    }
    JIFEN_REQUIRE(shown, fx.ledger->household(kPhones.at(0)));
    QCOMPARE(shown->members.size(), lastAccepted ? members : members - 1);
}

void TestHouseholds::membershipRefusals_data()
{
    QTest::addColumn<QString>("op"); // create HEAD | add HEAD MEMBER | remove HEAD MEMBER
    QTest::addColumn<int>("code");   // 0: any error (program.md names no code for it)

    // Set-up: household H1 = {0 head, 1}; household H2 = {2 head}; 3 and 4 in none.
    QTest::newRow("add a member of another household") << "add 0 2" << int(ErrorCode::Refused);
    QTest::newRow("add a member already in this household") << "add 0 1" << 0;
    QTest::newRow("add by someone who heads no household") << "add 3 4" << 0;
    QTest::newRow("add by a non-head member") << "add 1 3" << 0;
    QTest::newRow("remove the head") << "remove 0 0" << int(ErrorCode::Refused);
    QTest::newRow("remove someone not in the household") << "remove 0 3" << 0;
    QTest::newRow("create by a head") << "create 0" << int(ErrorCode::Refused);
    QTest::newRow("create by a member of a household") << "create 1" << int(ErrorCode::Refused);
    QTest::newRow("create for an unknown phone") << "create 7" << int(ErrorCode::NotFound);
    QTest::newRow("add an unknown phone") << "add 0 7" << int(ErrorCode::NotFound);
}

void TestHouseholds::membershipRefusals()
{
    QFETCH(QString, op);
    QFETCH(int, code);

    JIFEN_FIXTURE(fx);
    QVERIFY(addMembers(fx, 5));
    JIFEN_VERIFY_OK(fx.ledger->createHousehold(kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(1)));
    JIFEN_REQUIRE(h2, fx.ledger->createHousehold(kPhones.at(2)));

    const QStringList parts = op.split(u' ');
    const QString a = kPhones.at(parts.at(1).toInt());
    const QString b = parts.size() > 2 ? kPhones.at(parts.at(2).toInt()) : QString();
    Result<HouseholdInfo> r = Error::storage(u"no operation"_s);
    if (parts.at(0) == u"create"_s)
        r = fx.ledger->createHousehold(a);
    else if (parts.at(0) == u"add"_s)
        r = fx.ledger->addToHousehold(a, b);
    else
        r = fx.ledger->removeFromHousehold(a, b);
    QVERIFY2(!r.ok(), "the household change was accepted");
    if (code != 0)
        QCOMPARE(int(r.error().code), code);

    // Nothing changed.
    JIFEN_REQUIRE(h1, fx.ledger->household(kPhones.at(0)));
    QCOMPARE(h1->members.size(), 2);
    QCOMPARE(h1->headUid, uidOf(fx, kPhones.at(0)));
    JIFEN_REQUIRE(h2now, fx.ledger->household(kPhones.at(2)));
    QCOMPARE(h2now->householdId, h2->householdId);
    QCOMPARE(h2now->members.size(), 1);
    JIFEN_VERIFY_ERROR(fx.ledger->household(kPhones.at(3)), ErrorCode::NotFound);
}

void TestHouseholds::transferInsideHousehold()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    QVERIFY(addMembers(fx, 2));
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"800.00"_s, kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->createHousehold(kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(1)));
    JIFEN_REQUIRE(before, fx.ledger->allowance());

    // Head to member, then member back to head.
    JIFEN_REQUIRE(t1, fx.transfer(u"t1"_s, kPhones.at(0), kPhones.at(1), 300));
    QCOMPARE(t1->points, Points(300));
    QCOMPARE(t1->fromBalance, Points(500));
    QCOMPARE(t1->toBalance, Points(300));
    QCOMPARE(t1->approvedBy, kManagerName);
    JIFEN_REQUIRE(t2, fx.transfer(u"t2"_s, kPhones.at(1), kPhones.at(0), 100));
    QCOMPARE(t2->fromBalance, Points(200));
    QCOMPARE(t2->toBalance, Points(600));
    QCOMPARE(fx.balance(kPhones.at(0)), qint64(600));
    QCOMPARE(fx.balance(kPhones.at(1)), qint64(200));

    // One transfer-out (the sender's lots) and transfer-in entries adding up to it.
    const auto outs = fx.entriesOf(EntryKind::TransferOut);
    const auto ins = fx.entriesOf(EntryKind::TransferIn);
    QCOMPARE(outs.size(), 2);
    QCOMPARE(outs.first().points, Points(-300));
    QCOMPARE(outs.first().memberUid, uidOf(fx, kPhones.at(0)));
    QCOMPARE(outs.first().detail.value(u"approved_by"_s).toString(), kManagerName);
    qint64 in = 0;
    for (const JournalEntry& e : ins) {
        if (e.ref == u"t1"_s) {
            QCOMPARE(e.memberUid, uidOf(fx, kPhones.at(1)));
            in += e.points.value();
        }
    }
    QCOMPARE(in, qint64(300));

    // Not an issuance: the allowance is untouched.
    JIFEN_REQUIRE(after, fx.ledger->allowance());
    QCOMPARE(after->used, before->used);
    JIFEN_REQUIRE(h, fx.ledger->household(kPhones.at(1)));
    for (const auto& m : h->members) {
        if (m.uid == uidOf(fx, kPhones.at(0)))
            QCOMPARE(m.transferredOutThisMonth, Points(300));
        else
            QCOMPARE(m.transferredOutThisMonth, Points(100));
    }
    // A retry transfers nothing more.
    JIFEN_REQUIRE(retry, fx.transfer(u"t1"_s, kPhones.at(0), kPhones.at(1), 300));
    QCOMPARE(retry->points, Points(300));
    QCOMPARE(fx.balance(kPhones.at(0)), qint64(600));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestHouseholds::transferKeepsValidityAndGreenFlag()
{
    // The sender's lots: 3000 ordinary points earned September 2023 (valid through 2026-09-30)
    // and 100 green points from July 2026 (valid through 2029-07-31).
    JIFEN_FIXTURE(fx, QDate(2023, 9, 10));
    JIFEN_VERIFY_OK(fx.addManager());
    QVERIFY(addMembers(fx, 2));
    JIFEN_VERIFY_OK(fx.buy(u"old"_s, u"3000.00"_s, kPhones.at(0)));
    fx.setToday(QDate(2026, 7, 5));
    JIFEN_VERIFY_OK(fx.green(u"g1"_s, u"training"_s, kPhones.at(0)));
    fx.setToday(QDate(2026, 8, 15));
    JIFEN_VERIFY_OK(fx.ledger->createHousehold(kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(1)));

    JIFEN_REQUIRE(t, fx.transfer(u"t1"_s, kPhones.at(0), kPhones.at(1), 3050));
    QCOMPARE(t->fromBalance, Points(50));
    QCOMPARE(t->toBalance, Points(3050));

    // The receiver's lots carry the sender's dates and flags: 3000 still expire on 2026-09-30,
    // 50 are green.
    JIFEN_REQUIRE(to, fx.ledger->memberByPhone(kPhones.at(1)));
    QCOMPARE(to->balance, Points(3050));
    QCOMPARE(to->greenBalance, Points(50));
    qint64 expiring = 0;
    for (const ExpiringPoints& e : to->expiringSoon) {
        QCOMPARE(e.validThrough, QDate(2026, 9, 30));
        expiring += e.points.value();
    }
    QCOMPARE(expiring, qint64(3000));
    JIFEN_REQUIRE(from, fx.ledger->memberByPhone(kPhones.at(0)));
    QCOMPARE(from->greenBalance, Points(50));
    QVERIFY(from->expiringSoon.isEmpty());

    // One transfer-in entry per consumed lot, each with the lot's green part.
    const auto out = fx.entriesOf(EntryKind::TransferOut);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().points, Points(-3050));
    QCOMPARE(out.first().greenPoints, Points(-50));
    const auto ins = fx.entriesOf(EntryKind::TransferIn);
    QCOMPARE(ins.size(), 2);
    QList<qint64> green, all;
    for (const JournalEntry& e : ins) {
        all.append(e.points.value());
        green.append(e.greenPoints.value());
        QCOMPARE(e.lots, (QList<LotMove>{LotMove{LotRef{u"T1"_s, e.seq}, e.points}}));
    }
    std::sort(all.begin(), all.end());
    std::sort(green.begin(), green.end());
    QCOMPARE(all, (QList<qint64>{50, 3000}));
    QCOMPARE(green, (QList<qint64>{0, 50}));

    // On 1 October the transferred 3000 expire as they would have for the sender.
    fx.setToday(QDate(2026, 10, 1));
    JIFEN_REQUIRE(exp, fx.ledger->expire());
    QCOMPARE(exp->pointsExpired, Points(3000));
    QCOMPARE(fx.balance(kPhones.at(1)), qint64(50));
    QCOMPARE(fx.greenBalance(kPhones.at(1)), qint64(50));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestHouseholds::transferRefusals_data()
{
    QTest::addColumn<int>("from"); // index into kPhones
    QTest::addColumn<int>("to");
    QTest::addColumn<qint64>("points");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    // Household {0 head (10000 points), 1 (500 points), 2}; 3 (2000 points) heads another; 4 in none.
    const QString pin = kApproverPin;
    QTest::newRow("to a member of another household (compliance 4)")
        << 0 << 3 << qint64(100) << pin << int(ErrorCode::Refused) << "4";
    QTest::newRow("from another household in (compliance 4)")
        << 3 << 0 << qint64(100) << pin << int(ErrorCode::Refused) << "4";
    QTest::newRow("to a member of no household (compliance 4)")
        << 0 << 4 << qint64(100) << pin << int(ErrorCode::Refused) << "4";
    QTest::newRow("to the same member") << 0 << 0 << qint64(100) << pin << int(ErrorCode::Refused) << "";
    QTest::newRow("without a PIN") << 0 << 1 << qint64(100) << "" << int(ErrorCode::Refused) << "manager";
    QTest::newRow("with a wrong PIN") << 0 << 1 << qint64(100) << "0000" << int(ErrorCode::Refused) << "PIN";
    QTest::newRow("with a cashier's PIN") << 0 << 1 << qint64(100) << "1357" << int(ErrorCode::Refused) << "PIN";
    QTest::newRow("one point beyond the balance") << 1 << 0 << qint64(501) << pin << int(ErrorCode::Refused) << "";
    QTest::newRow("from a member with nothing") << 2 << 0 << qint64(1) << pin << int(ErrorCode::Refused) << "";
    QTest::newRow("zero points") << 0 << 1 << qint64(0) << pin << int(ErrorCode::BadInput) << "";
    QTest::newRow("negative points") << 0 << 1 << qint64(-100) << pin << int(ErrorCode::BadInput) << "";
    QTest::newRow("to an unknown phone") << 0 << 7 << qint64(100) << pin << int(ErrorCode::NotFound) << "";
}

void TestHouseholds::transferRefusals()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(qint64, points);
    QFETCH(QString, pin);
    QFETCH(int, code);
    QFETCH(QString, message);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    JIFEN_VERIFY_OK(fx.addCashier(u"小李"_s, u"1357"_s));
    QVERIFY(addMembers(fx, 5));
    JIFEN_VERIFY_OK(fx.buy(u"s0"_s, u"10000.00"_s, kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.buy(u"s1"_s, u"500.00"_s, kPhones.at(1)));
    JIFEN_VERIFY_OK(fx.buy(u"s3"_s, u"2000.00"_s, kPhones.at(3)));
    JIFEN_VERIFY_OK(fx.ledger->createHousehold(kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(1)));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(2)));
    JIFEN_VERIFY_OK(fx.ledger->createHousehold(kPhones.at(3)));
    const auto before = fx.entries();

    const auto r = fx.transfer(u"t1"_s, kPhones.at(from), kPhones.at(to), points, pin);
    QVERIFY2(!r.ok(), "the transfer was accepted");
    QCOMPARE(int(r.error().code), code);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    const auto after = fx.entries();
    QCOMPARE(after.size(), before.size());
    QCOMPARE(after.last().hash, before.last().hash);
    QCOMPARE(fx.balance(kPhones.at(0)), qint64(10000));
    QCOMPARE(fx.balance(kPhones.at(1)), qint64(500));
    QCOMPARE(fx.balance(kPhones.at(3)), qint64(2000));
    // The reference is still free for a transfer that keeps the rules.
    JIFEN_VERIFY_OK(fx.transfer(u"t1"_s, kPhones.at(0), kPhones.at(2), 10));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestHouseholds::monthlyLimit_data()
{
    QTest::addColumn<QList<qint64>>("transfers"); // sent by the head in November, in order
    QTest::addColumn<bool>("lastAccepted");
    QTest::addColumn<qint64>("sent"); // in the month afterwards

    QTest::newRow("exactly 5000 at once") << QList<qint64>{5000} << true << qint64(5000);
    QTest::newRow("5001 at once refused") << QList<qint64>{5001} << false << qint64(0);
    QTest::newRow("4000 then 1000 reaches exactly 5000") << QList<qint64>{4000, 1000} << true << qint64(5000);
    QTest::newRow("4000 then 1001 refused") << QList<qint64>{4000, 1001} << false << qint64(4000);
    QTest::newRow("5000 then 1 refused") << QList<qint64>{5000, 1} << false << qint64(5000);
    QTest::newRow("to two members, 2500 each, then 1 refused") << QList<qint64>{2500, 2500, 1} << false << qint64(5000);
}

void TestHouseholds::monthlyLimit()
{
    QFETCH(QList<qint64>, transfers);
    QFETCH(bool, lastAccepted);
    QFETCH(qint64, sent);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    QVERIFY(addMembers(fx, 3));
    JIFEN_VERIFY_OK(fx.buy(u"s0"_s, u"20000.00"_s, kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->createHousehold(kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(1)));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(2)));

    for (qsizetype i = 0; i < transfers.size(); ++i) {
        const QString to = kPhones.at(1 + i % 2);
        const auto r = fx.transfer(u"t%1"_s.arg(i), kPhones.at(0), to, transfers.at(i));
        if (i + 1 < transfers.size() || lastAccepted) {
            QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
            continue;
        }
        QVERIFY2(!r.ok(), "a transfer beyond the monthly limit was accepted");
        QCOMPARE(r.error().code, ErrorCode::Refused);
        QVERIFY2(r.error().message.contains(u"5000"_s), qPrintable(r.error().message));
    }
    QCOMPARE(fx.balance(kPhones.at(0)), 20000 - sent);
    QCOMPARE(fx.balance(kPhones.at(1)) + fx.balance(kPhones.at(2)), sent);
    JIFEN_REQUIRE(h, fx.ledger->household(kPhones.at(0)));
    for (const auto& m : h->members) {
        if (m.uid == h->headUid)
            QCOMPARE(m.transferredOutThisMonth, Points(sent));
    }
    // The limit is per sender: a receiver may still send its own 5000.
    if (sent > 0)
        JIFEN_VERIFY_OK(fx.transfer(u"back"_s, kPhones.at(1), kPhones.at(0), fx.balance(kPhones.at(1))));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestHouseholds::limitStartsAgainNextMonth()
{
    JIFEN_FIXTURE(fx, QDate(2026, 11, 30));
    JIFEN_VERIFY_OK(fx.addManager());
    QVERIFY(addMembers(fx, 2));
    JIFEN_VERIFY_OK(fx.buy(u"s0"_s, u"20000.00"_s, kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->createHousehold(kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(1)));
    fx.setToday(QDate(2026, 11, 30), QTime(23, 59, 59));
    JIFEN_VERIFY_OK(fx.transfer(u"nov"_s, kPhones.at(0), kPhones.at(1), 5000));
    JIFEN_VERIFY_ERROR(fx.transfer(u"nov2"_s, kPhones.at(0), kPhones.at(1), 1), ErrorCode::Refused);

    fx.setToday(QDate(2026, 12, 1), QTime(0, 0, 0));
    JIFEN_REQUIRE(dec, fx.transfer(u"dec"_s, kPhones.at(0), kPhones.at(1), 5000));
    QCOMPARE(dec->fromBalance, Points(10000));
    QCOMPARE(dec->toBalance, Points(10000));
    JIFEN_VERIFY_ERROR(fx.transfer(u"dec2"_s, kPhones.at(0), kPhones.at(1), 1), ErrorCode::Refused);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestHouseholds::removedMemberNoLongerReceives()
{
    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addManager());
    QVERIFY(addMembers(fx, 2));
    JIFEN_VERIFY_OK(fx.buy(u"s0"_s, u"1000.00"_s, kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->createHousehold(kPhones.at(0)));
    JIFEN_VERIFY_OK(fx.ledger->addToHousehold(kPhones.at(0), kPhones.at(1)));
    JIFEN_VERIFY_OK(fx.transfer(u"t1"_s, kPhones.at(0), kPhones.at(1), 100));
    JIFEN_VERIFY_OK(fx.ledger->removeFromHousehold(kPhones.at(0), kPhones.at(1)));
    JIFEN_VERIFY_ERROR(fx.transfer(u"t2"_s, kPhones.at(0), kPhones.at(1), 100), ErrorCode::Refused);
    JIFEN_VERIFY_ERROR(fx.transfer(u"t3"_s, kPhones.at(1), kPhones.at(0), 100), ErrorCode::Refused);
    // What was transferred stays with the receiver.
    QCOMPARE(fx.balance(kPhones.at(0)), qint64(900));
    QCOMPARE(fx.balance(kPhones.at(1)), qint64(100));
    JIFEN_VERIFY_LEDGER(fx);
}

QTEST_GUILESS_MAIN(TestHouseholds)
#include "tst_households.moc"
