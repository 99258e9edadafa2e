// Earning: one point per whole yuan actually paid (after the part paid with points), rounded
// down, at the category's rate; only against a real sale, and only for an identified member.
// Members: found however the number is typed; enrolment records the privacy consent given.

#include "expiry.h"
#include "fixture.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace jifen;
using namespace jifen::test;

class TestEarn : public QObject {
    Q_OBJECT
private slots:
    void earnRounding_data();
    void earnRounding();
    void saleWithoutMemberEarnsNothing_data();
    void saleWithoutMemberEarnsNothing();
    void categoryDecidesValidity_data();
    void categoryDecidesValidity();
    void refusedSaleInput_data();
    void refusedSaleInput();
    void memberLookups_data();
    void memberLookups();
    void consentRecordedAtEnrolment_data();
    void consentRecordedAtEnrolment();
    void lastSale_data();
    void lastSale();
};

void TestEarn::earnRounding_data()
{
    QTest::addColumn<QString>("amount");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QString>("paid");
    QTest::addColumn<qint64>("earned");

    QTest::newRow("bill 0.99 earns 0") << "0.99" << qint64(0) << "0.99" << qint64(0);
    QTest::newRow("bill 0.01 earns 0") << "0.01" << qint64(0) << "0.01" << qint64(0);
    QTest::newRow("bill 1.00 earns 1") << "1.00" << qint64(0) << "1.00" << qint64(1);
    QTest::newRow("bill 1.99 earns 1") << "1.99" << qint64(0) << "1.99" << qint64(1);
    QTest::newRow("bill 99.99 earns 99") << "99.99" << qint64(0) << "99.99" << qint64(99);
    QTest::newRow("bill 100 earns 100") << "100" << qint64(0) << "100.00" << qint64(100);
    QTest::newRow("bill 1234.56 earns 1234") << "1234.56" << qint64(0) << "1234.56" << qint64(1234);
    QTest::newRow("bill 99999999.99 earns 99999999") << "99999999.99" << qint64(0) << "99999999.99" << qint64(99999999);
    QTest::newRow("bill 100.00 less 500-point offset earns 95") << "100.00" << qint64(500) << "95.00" << qint64(95);
    QTest::newRow("bill 100.99 less 500-point offset earns 95") << "100.99" << qint64(500) << "95.99" << qint64(95);
    QTest::newRow("bill 5.50 less 500-point offset earns 0") << "5.50" << qint64(500) << "0.50" << qint64(0);
    QTest::newRow("bill 5.00 paid wholly by 500 points earns 0") << "5.00" << qint64(500) << "0.00" << qint64(0);
    QTest::newRow("bill 2000.00 less 1000-point offset earns 1990")
        << "2000.00" << qint64(1000) << "1990.00" << qint64(1990);
}

void TestEarn::earnRounding()
{
    QFETCH(QString, amount);
    QFETCH(qint64, offset);
    QFETCH(QString, paid);
    QFETCH(qint64, earned);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"float"_s, u"1000.00"_s)); // 1000 points to offset with
    // Rounding, not the budget, is under test: room for the largest bill (tst_budget covers it).
    JIFEN_VERIFY_OK(fx.ledger->setAllowance(1000000000000LL));
    const qint64 before = fx.journalSize();

    JIFEN_REQUIRE(r, fx.sale(u"s1"_s, amount, kPhone, offset));
    QCOMPARE(r->pointsEarned, Points(earned));
    QCOMPARE(r->paid.toYuanString(), paid);
    QCOMPARE(r->offsetPoints, Points(offset));
    QCOMPARE(r->offsetAmount.fen(), offset); // 100 points = 1 yuan = 100 fen
    QCOMPARE(r->balance, Points(1000 - offset + earned));
    QCOMPARE(fx.balance(), 1000 - offset + earned);

    // One offset entry (when points paid) and one earn entry, whatever was earned.
    const auto all = fx.entries();
    QCOMPARE(all.size(), before + (offset > 0 ? 2 : 1));
    const JournalEntry& e = all.last();
    QCOMPARE(e.kind, EntryKind::Earn);
    QCOMPARE(e.ref, u"s1"_s);
    QCOMPARE(e.points, Points(earned));
    QCOMPARE(e.detail.value(u"paid_fen"_s).toInteger(), Money::parseYuan(amount)->fen() - offset);
    QCOMPARE(e.detail.value(u"rate"_s).toInteger(), qint64(1));
    QCOMPARE(e.detail.value(u"category"_s).toString(), u"general"_s);
    // A lot exists only when something was earned.
    if (earned > 0) {
        QCOMPARE(e.lots.size(), 1);
        QCOMPARE(e.lots.first(), (LotMove{LotRef{u"T1"_s, e.seq}, Points(earned)}));
    } else {
        QVERIFY(e.lots.isEmpty());
        QVERIFY(!e.detail.contains(u"valid_through"_s));
    }
    if (offset > 0) {
        const JournalEntry& o = all.at(all.size() - 2);
        QCOMPARE(o.kind, EntryKind::Offset);
        QCOMPARE(o.points, Points(-offset));
    }
    JIFEN_VERIFY_LEDGER(fx);
}

void TestEarn::saleWithoutMemberEarnsNothing_data()
{
    QTest::addColumn<QString>("amount");
    QTest::newRow("bill 1234.56 without a member") << "1234.56";
    QTest::newRow("bill 0.01 without a member") << "0.01";
}

void TestEarn::saleWithoutMemberEarnsNothing()
{
    QFETCH(QString, amount);
    JIFEN_FIXTURE(fx);
    JIFEN_REQUIRE(r, fx.sale(u"walk-in"_s, amount, QString()));
    QCOMPARE(r->pointsEarned, Points(0));
    QVERIFY(r->memberUid.isEmpty());
    QCOMPARE(r->paid.toYuanString(), Money::parseYuan(amount)->toYuanString());
    // The sale is still recorded in the journal, with no member and no lot.
    const auto all = fx.entries();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().kind, EntryKind::Earn);
    QCOMPARE(all.first().ref, u"walk-in"_s);
    QVERIFY(all.first().memberUid.isEmpty());
    QCOMPARE(all.first().points, Points(0));
    QVERIFY(all.first().lots.isEmpty());
    // It can be refunded (the refund reverses nothing).
    JIFEN_REQUIRE(refund, fx.refund(u"walk-in-back"_s, u"walk-in"_s));
    QVERIFY(refund->fullyRefunded);
    QCOMPARE(refund->pointsReversed, Points(0));
    QCOMPARE(fx.journalSize(), qint64(1));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestEarn::categoryDecidesValidity_data()
{
    QTest::addColumn<QString>("terminalCategory");
    QTest::addColumn<QString>("saleCategory");
    QTest::addColumn<QString>("expectedCategory");
    QTest::addColumn<QDate>("validThrough");

    QTest::newRow("general terminal, default category") << "general"
                                                        << ""
                                                        << "general" << QDate(2029, 11, 30);
    QTest::newRow("jewellery terminal, default category") << "jewellery"
                                                          << ""
                                                          << "jewellery" << QDate(2031, 11, 30);
    QTest::newRow("general terminal, jewellery sale") << "general"
                                                      << "jewellery"
                                                      << "jewellery" << QDate(2031, 11, 30);
    QTest::newRow("jewellery terminal, fruit sale") << "jewellery"
                                                    << "fruit"
                                                    << "fruit" << QDate(2029, 11, 30);
}

void TestEarn::categoryDecidesValidity()
{
    QFETCH(QString, terminalCategory);
    QFETCH(QString, saleCategory);
    QFETCH(QString, expectedCategory);
    QFETCH(QDate, validThrough);

    JIFEN_FIXTURE(fx, QDate(2026, 11, 23), terminalCategory);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_REQUIRE(r, fx.sale(u"s1"_s, u"1999.99"_s, kPhone, 0, saleCategory));
    QCOMPARE(r->pointsEarned, Points(1999));
    const auto e = fx.lastEntry();
    QVERIFY(e);
    QCOMPARE(e->detail.value(u"category"_s).toString(), expectedCategory);
    QCOMPARE(e->detail.value(u"valid_through"_s).toString(), validThrough.toString(Qt::ISODate));
    // The lot stays spendable through its last day and no further.
    fx.setToday(validThrough);
    JIFEN_REQUIRE(m, fx.ledger->memberByPhone(kPhone));
    QCOMPARE(m->expiringSoon.size(), 1);
    QCOMPARE(m->expiringSoon.first().validThrough, validThrough);
    QCOMPARE(m->expiringSoon.first().points, Points(1999));
}

void TestEarn::refusedSaleInput_data()
{
    QTest::addColumn<QString>("ref");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("category");
    QTest::addColumn<jifen::ErrorCode>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown category") << "s1" << kPhone << "10.00"
                                      << "casino" << ErrorCode::BadInput << "unknown merchant category";
    QTest::newRow("zero amount") << "s1" << kPhone << "0.00"
                                 << "" << ErrorCode::BadInput << "at least 0.01";
    QTest::newRow("negative amount") << "s1" << kPhone << "-10.00"
                                     << "" << ErrorCode::BadInput << "negative";
    QTest::newRow("missing ref") << "" << kPhone << "10.00"
                                 << "" << ErrorCode::BadInput << "--ref";
    QTest::newRow("bad phone") << "s1"
                               << "12345"
                               << "10.00"
                               << "" << ErrorCode::BadInput << "mobile";
    QTest::newRow("unknown member") << "s1" << kPhone2 << "10.00"
                                    << "" << ErrorCode::NotFound << "139****9000";
}

void TestEarn::refusedSaleInput()
{
    QFETCH(QString, ref);
    QFETCH(QString, phone);
    QFETCH(QString, amount);
    QFETCH(QString, category);
    QFETCH(jifen::ErrorCode, code);
    QFETCH(QString, message);

    JIFEN_FIXTURE(fx);
    JIFEN_VERIFY_OK(fx.addMember());
    JIFEN_VERIFY_OK(fx.sale(u"s0"_s, u"50.00"_s));
    const qint64 before = fx.journalSize();
    const auto r = fx.sale(ref, amount, phone, 0, category);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QCOMPARE(fx.journalSize(), before);
    QCOMPARE(fx.balance(), qint64(50));
    // The ref was not used up by the refused request.
    if (!ref.isEmpty())
        JIFEN_VERIFY_OK(fx.sale(ref, u"10.00"_s));
}

void TestEarn::memberLookups_data()
{
    QTest::addColumn<QString>("phoneAsTyped");
    QTest::newRow("as stored") << "13800138000";
    QTest::newRow("with +86 and spaces") << "+86 138 0013 8000";
    QTest::newRow("with dashes") << "138-0013-8000";
}

// A member is found whichever way the cashier types the number, and earns to the same balance.
void TestEarn::memberLookups()
{
    QFETCH(QString, phoneAsTyped);
    JIFEN_FIXTURE(fx);
    JIFEN_REQUIRE(m, fx.addMember(phoneAsTyped));
    QCOMPARE(m->phone, kPhone);
    JIFEN_REQUIRE(r, fx.sale(u"s1"_s, u"12.00"_s, phoneAsTyped));
    QCOMPARE(r->memberUid, m->uid);
    QCOMPARE(fx.balance(kPhone), qint64(12));
    JIFEN_VERIFY_ERROR(fx.addMember(kPhone), ErrorCode::Refused); // one member per number
}

void TestEarn::consentRecordedAtEnrolment_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("card");
    QTest::addColumn<bool>("consented");
    QTest::newRow("phone, consent given") << kPhone << QString() << true;
    QTest::newRow("phone, no consent given") << kPhone << QString() << false;
    QTest::newRow("card only, consent given") << QString() << u"VIP-0042"_s << true;
    QTest::newRow("card only, no consent given") << QString() << u"VIP-0042"_s << false;
}

// The consent is the terms version in force and the clock's instant, kept with the member: every
// read returns it, and the record pushed to HQ carries it (JSON null when there is none).
void TestEarn::consentRecordedAtEnrolment()
{
    QFETCH(QString, phone);
    QFETCH(QString, card);
    QFETCH(bool, consented);
    JIFEN_FIXTURE(fx);
    fx.clock.set(cst(QDate(2026, 11, 24), QTime(15, 4, 5, 678)));
    const QString terms = consented ? kPrivacyTermsVersion : QString();
    const QDateTime at = consented ? fx.clock.nowUtc() : QDateTime();
    NewMember input{phone, card, u"张三"_s};
    input.consented = consented;
    JIFEN_REQUIRE(added, fx.ledger->addMember(input));
    fx.clock.advanceDays(1); // reads must not take "now"
    JIFEN_REQUIRE(found, phone.isEmpty() ? fx.ledger->memberByCard(card) : fx.ledger->memberByPhone(phone));
    JIFEN_REQUIRE(listed, fx.ledger->listMembers(10, 0));
    QCOMPARE(listed->size(), 1);
    for (const Member& m : {added.value(), found->member, listed->first()}) {
        QCOMPARE(m.consentTerms, terms);
        QCOMPARE(m.consentAt, at);
    }
    JIFEN_REQUIRE(unpushed, fx.ledger->unpushedMembers(10));
    QCOMPARE(unpushed->size(), 1);
    const QJsonObject record = unpushed->first().toObject();
    QCOMPARE(record.value(u"consent_terms"_s), consented ? QJsonValue(terms) : QJsonValue());
    QCOMPARE(record.value(u"consent_at"_s), consented ? QJsonValue(u"2026-11-24T07:04:05.678Z"_s) : QJsonValue());
}

void TestEarn::lastSale_data()
{
    QTest::addColumn<QStringList>("sales"); // "REF:AMOUNT:PHONE", rung up in turn on one instant
    QTest::addColumn<QString>("last");      // the ref lastSale() names; empty: none
    QTest::newRow("no sale yet") << QStringList() << QString();
    QTest::newRow("one sale") << QStringList{u"S-1:10:13800138000"_s} << u"S-1"_s;
    QTest::newRow("same instant: the later member sale")
        << QStringList{u"S-9:10:13800138000"_s, u"S-2:20:13800138000"_s} << u"S-2"_s;
    QTest::newRow("a sale without a member") << QStringList{u"S-1:10:13800138000"_s, u"S-2:20:"_s} << u"S-2"_s;
}

void TestEarn::lastSale()
{
    QFETCH(QStringList, sales);
    QFETCH(QString, last);
    Fixture f;
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.addMember());
    for (const QString& s : sales) {
        const QStringList parts = s.split(u':');
        SaleRequest r;
        r.ref = parts.at(0);
        r.amount = parts.at(1);
        r.phone = parts.at(2);
        r.tender = u"alipay"_s;
        if (r.phone.isEmpty())
            f.clock.set(f.clock.nowUtc().addSecs(1)); // a later instant, as a real clock would give
        QVERIFY(f.ledger->sale(r));
    }
    auto found = f.ledger->lastSale();
    QVERIFY(found);
    QCOMPARE(found->has_value(), !last.isEmpty());
    if (last.isEmpty())
        return;
    const RecordedSale& sale = found->value();
    QCOMPARE(sale.sale.ref, last);
    QCOMPARE(sale.tender, u"alipay"_s);
    QCOMPARE(sale.time, f.clock.nowUtc());
    const bool member = !sales.constLast().endsWith(u':');
    QCOMPARE(sale.member.has_value(), member);
    if (member) {
        QCOMPARE(sale.member->member.phone, kPhone);
        QCOMPARE(sale.member->balance.value(), f.balance()); // as the member stands now
    }
}

QTEST_GUILESS_MAIN(TestEarn)
#include "tst_earn.moc"
