// Tamper evidence: verify() recomputes the hash chain, seq continuity, balances and lots, and
// names what was changed behind the ledger's back (here with raw SQL on a second connection,
// after dropping the append-only triggers as an attacker would).

#include "fixture.h"

using namespace jifen;
using namespace jifen::test;

namespace {

// Journal of the fixture:
//   seq 1 earn    member #1 +1000  lot T1:1
//   seq 2 earn    member #2  +500  lot T1:2
//   seq 3 redeem  member #1  -300  T1:1=-300 (FRUIT-WASH)
//   seq 4 offset  member #1  -100  T1:1=-100
//   seq 5 earn    member #1  +199  lot T1:5
//   seq 6 earn    no member     0
// Balances: member #1 799, member #2 500.
bool history(Fixture& fx)
{
    return fx.addMember() && fx.addMember(kPhone2, u"李四"_s) && fx.sale(u"s1"_s, u"1000.00"_s) &&
           fx.sale(u"s2"_s, u"500.00"_s, kPhone2) && fx.redeem(u"r1"_s, u"FRUIT-WASH"_s) &&
           fx.sale(u"s3"_s, u"200.00"_s, kPhone, 100) && fx.sale(u"s4"_s, u"50.00"_s, QString());
}

const QStringList kDropTriggers{u"DROP TRIGGER journal_no_update"_s, u"DROP TRIGGER journal_no_delete"_s};

} // namespace

class TestTamper : public QObject {
    Q_OBJECT
private slots:
    void cleanLedgerVerifies();
    void triggersKeepTheJournalAppendOnly_data();
    void triggersKeepTheJournalAppendOnly();
    void tamperDetected_data();
    void tamperDetected();
};

void TestTamper::cleanLedgerVerifies()
{
    JIFEN_FIXTURE(fx);
    QVERIFY(history(fx));
    JIFEN_REQUIRE(report, fx.ledger->verify());
    QVERIFY2(report->ok(), joined(report->problems).constData());
    QCOMPARE(report->entries, qint64(6));
    QCOMPARE(report->members, qint64(2));
    QCOMPARE(report->lots, qint64(3));
    QCOMPARE(fx.balance(kPhone), qint64(799));
    QCOMPARE(fx.balance(kPhone2), qint64(500));
    // The chain links every entry to the one before it.
    const auto all = fx.entries();
    QCOMPARE(all.first().prevHash, genesisHash());
    for (qsizetype i = 1; i < all.size(); ++i)
        QCOMPARE(all.at(i).prevHash, all.at(i - 1).hash);
    for (const JournalEntry& e : all)
        QCOMPARE(e.computeHash(), e.hash);
}

void TestTamper::triggersKeepTheJournalAppendOnly_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("update refused") << "UPDATE journal SET points = 5000 WHERE seq = 1";
    QTest::newRow("delete refused") << "DELETE FROM journal WHERE seq = 3";
}

void TestTamper::triggersKeepTheJournalAppendOnly()
{
    QFETCH(QString, sql);
    JIFEN_FIXTURE(fx);
    QVERIFY(history(fx));
    const QString err = rawSql(fx.dbPath(), {sql});
    QVERIFY2(err.contains(u"append-only"_s), qPrintable(err));
    JIFEN_VERIFY_LEDGER(fx);
}

void TestTamper::tamperDetected_data()
{
    QTest::addColumn<QStringList>("sql");
    QTest::addColumn<QStringList>("expected"); // each must appear in some problem

    QTest::newRow("points of an earn entry changed")
        << QStringList{u"UPDATE journal SET points = 1500 WHERE seq = 1"_s}
        << QStringList{u"entry 1 was altered"_s, u"member #1: balance 799"_s};
    QTest::newRow("points changed and the balance covered up")
        << QStringList{u"UPDATE journal SET points = 1500 WHERE seq = 1"_s,
                       u"UPDATE balances SET points = points + 500 WHERE member_id = 1"_s}
        << QStringList{u"entry 1 was altered"_s, u"member #1: lots hold 799"_s};
    QTest::newRow("member of an entry changed")
        << QStringList{u"UPDATE journal SET member_id = 2 WHERE seq = 5"_s}
        << QStringList{u"entry 5 was altered"_s, u"member #1: balance 799"_s, u"member #2: balance 500"_s};
    QTest::newRow("detail changed (paid amount)")
        << QStringList{u"UPDATE journal SET detail = json_set(detail, '$.paid_fen', 999900) WHERE seq = 5"_s}
        << QStringList{u"entry 5 was altered"_s};
    QTest::newRow("lot moves changed") << QStringList{u"UPDATE journal SET lots = 'T1:2=-300' WHERE seq = 3"_s}
                                       << QStringList{u"entry 3 was altered"_s,
                                                      u"lot T1:1 holds 600 but its moves sum to 900"_s,
                                                      u"lot T1:2 holds 500 but its moves sum to 200"_s};
    QTest::newRow("kind changed") << QStringList{u"UPDATE journal SET kind = 'adjust' WHERE seq = 3"_s}
                                  << QStringList{u"entry 3 was altered"_s};
    QTest::newRow("time back-dated")
        << QStringList{u"UPDATE journal SET terminal_time = '2020-01-01T00:00:00.000Z' WHERE seq = 2"_s}
        << QStringList{u"entry 2 was altered"_s};
    QTest::newRow("ref changed") << QStringList{u"UPDATE journal SET ref = 'other' WHERE seq = 6"_s}
                                 << QStringList{u"entry 6 was altered"_s};
    QTest::newRow("prev_hash rewritten") << QStringList{u"UPDATE journal SET prev_hash = '%1' WHERE seq = 4"_s.arg(
                                                genesisHash())}
                                         << QStringList{u"hash chain broken at seq 4"_s};
    QTest::newRow("entry deleted (gap)") << QStringList{u"DELETE FROM journal WHERE seq = 3"_s}
                                         << QStringList{u"gap in the journal: expected seq 3, found 4"_s,
                                                        u"hash chain broken at seq 4"_s, u"member #1: balance 799"_s};
    QTest::newRow("forged entry appended with a made-up hash")
        << QStringList{u"INSERT INTO journal (seq, entry_id, terminal_id, kind, member_id, points, green_points, ref,"
                       " reverses_seq, ruleset_version, terminal_time, detail, lots, prev_hash, hash) SELECT 7,"
                       " 'forged', 'T1', 'adjust', 1, 5000, 0, 'forged', NULL, 1, '2026-11-23T02:00:00.000Z', '{}',"
                       " '', hash, 'deadbeef' FROM journal WHERE seq = 6"_s,
                       u"UPDATE balances SET points = points + 5000 WHERE member_id = 1"_s}
        << QStringList{u"entry 7 was altered"_s, u"member #1: lots hold 799"_s};
    QTest::newRow("balance edited") << QStringList{u"UPDATE balances SET points = points + 1000 WHERE member_id = 2"_s}
                                    << QStringList{u"member #2: balance 1500"_s};
    QTest::newRow("green balance edited") << QStringList{u"UPDATE balances SET green_points = 50 WHERE member_id = 1"_s}
                                          << QStringList{u"member #1: balance 799 (green 50)"_s};
    QTest::newRow("lot remaining edited")
        << QStringList{u"UPDATE lots SET remaining = remaining + 100 WHERE source_seq = 5"_s}
        << QStringList{u"lot T1:5 holds 299 but its moves sum to 199"_s, u"member #1: lots hold 899"_s};
    QTest::newRow("lot deleted") << QStringList{u"DELETE FROM lots WHERE source_seq = 2"_s}
                                 << QStringList{u"lot T1:2, which does not exist"_s, u"member #2: lots hold 0"_s};
    QTest::newRow("member uid rewritten")
        << QStringList{u"UPDATE members SET uid = 'forged' WHERE id = 2"_s} << QStringList{u"entry 2 was altered"_s};
    // Not covered: an attacker who recomputes every hash after the edited entry leaves a valid
    // chain locally; HQ catches that by comparing the chain it already holds.
}

void TestTamper::tamperDetected()
{
    QFETCH(QStringList, sql);
    QFETCH(QStringList, expected);

    JIFEN_FIXTURE(fx);
    QVERIFY(history(fx));
    JIFEN_VERIFY_LEDGER(fx);

    const QString err = rawSql(fx.dbPath(), kDropTriggers + sql);
    QVERIFY2(err.isEmpty(), qPrintable(err));

    JIFEN_REQUIRE(report, fx.ledger->verify());
    QVERIFY2(!report->ok(), "verify() did not notice the tampering");
    for (const QString& fragment : expected) {
        const bool found = std::any_of(report->problems.cbegin(), report->problems.cend(),
                                       [&](const QString& p) { return p.contains(fragment); });
        QVERIFY2(found, qPrintable(u"no problem mentions \"%1\"; problems:\n  %2"_s.arg(
                            fragment, report->problems.join(u"\n  "_s))));
    }
}

QTEST_GUILESS_MAIN(TestTamper)
#include "tst_tamper.moc"
