// Client references make retries harmless: the same reference with the same request returns the
// first result and writes nothing; with a different request it is refused and writes nothing.
// committed() is emitted once per successful write and never for a failed or repeated one.

#include "fixture.h"

#include <QSignalSpy>

#include <functional>

using namespace jifen;
using namespace jifen::test;

namespace {

struct Req {
    QString op; // sale, redeem, refund, return-reward
    QString ref;
    QString phone;
    QString amount;
    qint64 offset = 0;
    QString category;
    QString reward;
    qint64 quantity = 1;
    QString of; // sale or redemption referred to
};

Req saleReq(const QString& ref, const QString& amount, const QString& phone = kPhone, qint64 offset = 0,
            const QString& category = QString())
{
    return Req{u"sale"_s, ref, phone, amount, offset, category, {}, 1, {}};
}
Req redeemReq(const QString& ref, const QString& reward, qint64 quantity = 1, const QString& phone = kPhone)
{
    return Req{u"redeem"_s, ref, phone, {}, 0, {}, reward, quantity, {}};
}
Req refundReq(const QString& ref, const QString& of, const QString& amount = QString())
{
    return Req{u"refund"_s, ref, {}, amount, 0, {}, {}, 1, of};
}
Req returnReq(const QString& ref, const QString& of)
{
    return Req{u"return-reward"_s, ref, {}, {}, 0, {}, {}, 1, of};
}

template <typename T> Result<QJsonObject> asJson(const Result<T>& r)
{
    if (!r)
        return r.error();
    return r->toJson();
}

Result<QJsonObject> run(Fixture& fx, const Req& q)
{
    if (q.op == u"sale"_s)
        return asJson(fx.sale(q.ref, q.amount, q.phone, q.offset, q.category));
    if (q.op == u"redeem"_s)
        return asJson(fx.redeem(q.ref, q.reward, q.phone, q.quantity));
    if (q.op == u"refund"_s)
        return asJson(fx.refund(q.ref, q.of, q.amount));
    return asJson(fx.returnReward(q.ref, q.of));
}

// Member 1 (kPhone): 2000 points from sale "base", then redemptions "red-a" (FRUIT-BOX) and
// "red-b" (FRUIT-WASH). Member 2 (kPhone2): 2000 points from sale "base2".
bool history(Fixture& fx)
{
    return fx.addMember() && fx.addMember(kPhone2, u"李四"_s) && fx.sale(u"base"_s, u"2000.00"_s) &&
           fx.sale(u"base2"_s, u"2000.00"_s, kPhone2) && fx.redeem(u"red-a"_s, u"FRUIT-BOX"_s) &&
           fx.redeem(u"red-b"_s, u"FRUIT-WASH"_s);
}

// Everything a retry must leave alone.
struct Snapshot {
    qint64 entries = -1;
    QString lastHash;
    qint64 balance1 = 0;
    qint64 balance2 = 0;
    QList<qint64> stock;
    bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(Fixture& fx)
{
    Snapshot s;
    const auto all = fx.entries();
    s.entries = all.size();
    s.lastHash = all.isEmpty() ? QString() : all.last().hash;
    s.balance1 = fx.balance(kPhone);
    s.balance2 = fx.balance(kPhone2);
    if (auto c = fx.ledger->catalogWithStock()) {
        for (const auto& p : c.value())
            s.stock.append(p.second);
    }
    return s;
}

} // namespace

Q_DECLARE_METATYPE(Req)

class TestIdempotency : public QObject {
    Q_OBJECT
private slots:
    void retry_data();
    void retry();
    void committedOncePerSuccessfulWrite();
    void storageFailureWritesAndEmitsNothing_data();
    void storageFailureWritesAndEmitsNothing();
};

void TestIdempotency::retry_data()
{
    QTest::addColumn<Req>("first");
    QTest::addColumn<Req>("second");
    QTest::addColumn<bool>("same"); // true: the first result comes back; false: refused

    // sale
    QTest::newRow("sale retried") << saleReq(u"s1"_s, u"100.00"_s) << saleReq(u"s1"_s, u"100.00"_s) << true;
    QTest::newRow("sale with offset retried")
        << saleReq(u"s1"_s, u"100.00"_s, kPhone, 500) << saleReq(u"s1"_s, u"100.00"_s, kPhone, 500) << true;
    QTest::newRow("sale retried, amount written 100")
        << saleReq(u"s1"_s, u"100.00"_s) << saleReq(u"s1"_s, u"100"_s) << true;
    QTest::newRow("sale retried, phone typed +86 138 0013 8000")
        << saleReq(u"s1"_s, u"100.00"_s) << saleReq(u"s1"_s, u"100.00"_s, u"+86 138 0013 8000"_s) << true;
    QTest::newRow("sale without member retried")
        << saleReq(u"s1"_s, u"100.00"_s, QString()) << saleReq(u"s1"_s, u"100.00"_s, QString()) << true;
    QTest::newRow("sale: different amount") << saleReq(u"s1"_s, u"100.00"_s) << saleReq(u"s1"_s, u"100.01"_s) << false;
    QTest::newRow("sale: different member")
        << saleReq(u"s1"_s, u"100.00"_s) << saleReq(u"s1"_s, u"100.00"_s, kPhone2) << false;
    QTest::newRow("sale: member dropped")
        << saleReq(u"s1"_s, u"100.00"_s) << saleReq(u"s1"_s, u"100.00"_s, QString()) << false;
    QTest::newRow("sale: different offset")
        << saleReq(u"s1"_s, u"100.00"_s, kPhone, 500) << saleReq(u"s1"_s, u"100.00"_s, kPhone, 600) << false;
    QTest::newRow("sale: different category")
        << saleReq(u"s1"_s, u"100.00"_s) << saleReq(u"s1"_s, u"100.00"_s, kPhone, 0, u"jewellery"_s) << false;
    // redeem
    QTest::newRow("redeem retried") << redeemReq(u"r1"_s, u"FRUIT-WASH"_s) << redeemReq(u"r1"_s, u"FRUIT-WASH"_s)
                                    << true;
    QTest::newRow("partner redeem retried (same voucher code)")
        << redeemReq(u"r1"_s, u"MILK-TEA"_s) << redeemReq(u"r1"_s, u"MILK-TEA"_s) << true;
    QTest::newRow("redeem: different reward")
        << redeemReq(u"r1"_s, u"FRUIT-WASH"_s) << redeemReq(u"r1"_s, u"FRUIT-BOX"_s) << false;
    QTest::newRow("redeem: different quantity")
        << redeemReq(u"r1"_s, u"FRUIT-WASH"_s) << redeemReq(u"r1"_s, u"FRUIT-WASH"_s, 2) << false;
    QTest::newRow("redeem: different member")
        << redeemReq(u"r1"_s, u"FRUIT-WASH"_s) << redeemReq(u"r1"_s, u"FRUIT-WASH"_s, 1, kPhone2) << false;
    // refund
    QTest::newRow("partial refund retried")
        << refundReq(u"f1"_s, u"base"_s, u"500.00"_s) << refundReq(u"f1"_s, u"base"_s, u"500.00"_s) << true;
    QTest::newRow("full refund retried (though now fully refunded)")
        << refundReq(u"f1"_s, u"base"_s) << refundReq(u"f1"_s, u"base"_s) << true;
    QTest::newRow("refund: different amount")
        << refundReq(u"f1"_s, u"base"_s, u"500.00"_s) << refundReq(u"f1"_s, u"base"_s, u"400.00"_s) << false;
    QTest::newRow("refund: all, then an explicit amount")
        << refundReq(u"f1"_s, u"base"_s) << refundReq(u"f1"_s, u"base"_s, u"2000.00"_s) << false;
    QTest::newRow("refund: different sale")
        << refundReq(u"f1"_s, u"base"_s, u"500.00"_s) << refundReq(u"f1"_s, u"base2"_s, u"500.00"_s) << false;
    // return-reward
    QTest::newRow("return retried (though now returned)")
        << returnReq(u"t1"_s, u"red-a"_s) << returnReq(u"t1"_s, u"red-a"_s) << true;
    QTest::newRow("return: different redemption")
        << returnReq(u"t1"_s, u"red-a"_s) << returnReq(u"t1"_s, u"red-b"_s) << false;
    // one reference, two operations
    QTest::newRow("sale ref reused for a redeem")
        << saleReq(u"x"_s, u"100.00"_s) << redeemReq(u"x"_s, u"FRUIT-WASH"_s) << false;
    QTest::newRow("redeem ref reused for a refund")
        << redeemReq(u"x"_s, u"FRUIT-WASH"_s) << refundReq(u"x"_s, u"base"_s) << false;
    QTest::newRow("refund ref reused for a return")
        << refundReq(u"x"_s, u"base"_s) << returnReq(u"x"_s, u"red-a"_s) << false;
    QTest::newRow("return ref reused for a sale")
        << returnReq(u"x"_s, u"red-a"_s) << saleReq(u"x"_s, u"100.00"_s) << false;
    QTest::newRow("earlier sale's ref reused for a new sale")
        << saleReq(u"s1"_s, u"100.00"_s) << saleReq(u"base"_s, u"100.00"_s) << false;
}

void TestIdempotency::retry()
{
    QFETCH(Req, first);
    QFETCH(Req, second);
    QFETCH(bool, same);

    JIFEN_FIXTURE(fx);
    QVERIFY(history(fx));
    QSignalSpy spy(fx.ledger.get(), &Ledger::committed);
    QVERIFY(spy.isValid());

    const Snapshot before = snapshot(fx);
    JIFEN_REQUIRE(firstResult, run(fx, first));
    QCOMPARE(spy.count(), 1);
    const Snapshot afterFirst = snapshot(fx);
    QVERIFY(afterFirst.entries > before.entries);
    QCOMPARE(spy.first().first().toLongLong(), fx.ledger->lastSeq().value());

    const auto secondResult = run(fx, second);
    if (same) {
        QVERIFY2(secondResult.ok(), secondResult.ok() ? "" : qPrintable(secondResult.error().message));
        QCOMPARE(secondResult.value(), firstResult.value());
    } else {
        QVERIFY2(!secondResult.ok(), "a different request with a used reference was accepted");
        QCOMPARE(secondResult.error().code, ErrorCode::Refused);
        QVERIFY2(secondResult.error().message.contains(u"already used"_s), qPrintable(secondResult.error().message));
    }
    QCOMPARE(spy.count(), 1);
    const Snapshot afterSecond = snapshot(fx);
    QCOMPARE(afterSecond.entries, afterFirst.entries);
    QCOMPARE(afterSecond.lastHash, afterFirst.lastHash);
    QCOMPARE(afterSecond.balance1, afterFirst.balance1);
    QCOMPARE(afterSecond.balance2, afterFirst.balance2);
    QCOMPARE(afterSecond.stock, afterFirst.stock);
    // A third attempt behaves like the second.
    const auto third = run(fx, second);
    QCOMPARE(third.ok(), same);
    QVERIFY(snapshot(fx) == afterFirst);
    QCOMPARE(spy.count(), 1);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestIdempotency::committedOncePerSuccessfulWrite()
{
    JIFEN_FIXTURE(fx, QDate(2026, 1, 10));
    JIFEN_VERIFY_OK(fx.ledger->addOperator(u"王经理"_s, u"manager"_s, u"2468"_s));
    QSignalSpy spy(fx.ledger.get(), &Ledger::committed);
    QVERIFY(spy.isValid());

    struct Step {
        const char* what;
        std::function<bool()> action; // true: succeeded
        bool emits;
    };
    Fixture& f = fx;
    const QList<Step> steps{
        {"add a member (no journal entry)", [&] { return f.addMember().ok(); }, false},
        {"sale", [&] { return f.sale(u"s1"_s, u"1000.00"_s).ok(); }, true},
        {"sale retried", [&] { return f.sale(u"s1"_s, u"1000.00"_s).ok(); }, false},
        {"sale with a bad amount", [&] { return f.sale(u"s2"_s, u"abc"_s).ok(); }, false},
        {"sale offsetting too many points", [&] { return f.sale(u"s2"_s, u"50.00"_s, kPhone, 5000).ok(); }, false},
        {"redeem", [&] { return f.redeem(u"r1"_s, u"FRUIT-BOX"_s).ok(); }, true},
        {"redeem with too few points", [&] { return f.redeem(u"r2"_s, u"VOUCHER-50"_s).ok(); }, false},
        {"redeem with a wrong PIN", [&] { return f.redeem(u"r3"_s, u"JW-CLEAN"_s, kPhone, 1, u"0000"_s).ok(); }, false},
        {"partial refund", [&] { return f.refund(u"f1"_s, u"s1"_s, u"100.00"_s).ok(); }, true},
        {"refund beyond the sale", [&] { return f.refund(u"f2"_s, u"s1"_s, u"1000.00"_s).ok(); }, false},
        {"return reward", [&] { return f.returnReward(u"t1"_s, u"r1"_s).ok(); }, true},
        {"return reward twice", [&] { return f.returnReward(u"t2"_s, u"r1"_s).ok(); }, false},
        {"expire with nothing expired", [&] { return f.ledger->expire().ok(); }, false},
        {"expire in the future", [&] { return f.ledger->expire(QDate(2030, 1, 1)).ok(); }, false},
        {"expire after the lot's last day",
         [&] {
             f.setToday(QDate(2029, 2, 1));
             return f.ledger->expire().ok();
         },
         true},
        {"verify (read only)", [&] { return f.ledger->verify().ok(); }, false},
    };
    for (const Step& step : steps) {
        const qsizetype before = spy.count();
        const bool ok = step.action();
        if (step.emits) {
            QVERIFY2(ok, step.what);
            QVERIFY2(spy.count() == before + 1, step.what);
            QCOMPARE(spy.last().first().toLongLong(), fx.ledger->lastSeq().value());
        } else {
            QVERIFY2(spy.count() == before, step.what);
        }
    }
    QCOMPARE(spy.count(), 5);
    JIFEN_VERIFY_LEDGER(fx);
}

void TestIdempotency::storageFailureWritesAndEmitsNothing_data()
{
    QTest::addColumn<Req>("request");
    QTest::newRow("sale") << saleReq(u"new"_s, u"123.45"_s);
    QTest::newRow("sale with offset") << saleReq(u"new"_s, u"123.45"_s, kPhone, 300);
    QTest::newRow("redeem") << redeemReq(u"new"_s, u"FRUIT-BOX"_s);
    QTest::newRow("refund") << refundReq(u"new"_s, u"base"_s, u"100.00"_s);
    QTest::newRow("return reward") << returnReq(u"new"_s, u"red-a"_s);
}

// Fails the 1st, 2nd, ... statement of the operation in turn until it succeeds: every failure is
// reported as a storage error, leaves the ledger exactly as it was, and emits nothing.
void TestIdempotency::storageFailureWritesAndEmitsNothing()
{
    QFETCH(Req, request);
    FaultInjector faults;
    JIFEN_FIXTURE(fx, QDate(2026, 11, 23), u"general"_s, StoreOptions{&faults, -1});
    QVERIFY(history(fx));
    QSignalSpy spy(fx.ledger.get(), &Ledger::committed);
    const Snapshot before = snapshot(fx);

    bool succeeded = false;
    int failures = 0;
    for (qint64 n = 1; n <= 500 && !succeeded; ++n) {
        faults.failStatement(n);
        const auto r = run(fx, request);
        faults.clear();
        if (r.ok()) {
            succeeded = true;
            break;
        }
        ++failures;
        QCOMPARE(r.error().code, ErrorCode::Storage);
        QVERIFY2(r.error().message.contains(u"injected"_s), qPrintable(r.error().message));
        QCOMPARE(spy.count(), 0);
        QVERIFY2(snapshot(fx) == before, qPrintable(u"statement %1 failed and left a change behind"_s.arg(n)));
    }
    QVERIFY(succeeded);
    QVERIFY(failures > 3);
    QCOMPARE(spy.count(), 1);
    QVERIFY(snapshot(fx).entries > before.entries);
    JIFEN_VERIFY_LEDGER(fx);
}

QTEST_GUILESS_MAIN(TestIdempotency)
#include "tst_idempotency.moc"
