// The operator status page without a browser: HqService's status queries on a real HQ database,
// the page rendering (escaping, charts), operator accounts and the session/throttle rules.

#include "hq_database.h"
#include "hq_service.h"
#include "hq_status.h"
#include "hq_status_page.h"
#include "operator_sessions.h"
#include "pin.h"

#include <QTemporaryDir>
#include <QTest>

using namespace jifen;
using namespace jifen::sync;

class TstHqStatus : public QObject {
    Q_OBJECT

private:
    QDateTime at(const char* iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC(); }

    // Rows as pushes and admin commands leave them, written directly: this suite is about
    // reading and showing them (tst_hq_status_browser drives the real push path).
    void seed(HqDatabase& db)
    {
        auto run = [&](const char* sql, const QVariantList& values) {
            auto r = db.run(QString::fromLatin1(sql), values);
            QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
            r.value()->finish();
        };
        const char* terminal = "INSERT INTO terminals (terminal_id, store_id, enrolled_at, acked_seq, last_hash,"
                               " last_sync_at, clock_skew_secs, created_at) VALUES (?, ?, ?, ?, '', ?, ?, ?)";
        run(terminal, {QStringLiteral("T1"), QStringLiteral("S1"), QStringLiteral("2026-11-01T00:00:00.000Z"), 3,
                       QStringLiteral("2026-11-23T09:00:00.000Z"), 259200, QStringLiteral("2026-11-01T00:00:00.000Z")});
        run(terminal, {QStringLiteral("T2"), QStringLiteral("S2"), QStringLiteral("2026-11-01T00:00:00.000Z"), 0,
                       QVariant(), QVariant(), QStringLiteral("2026-11-01T00:00:00.000Z")});
        run("INSERT INTO members (uid, phone, card, name, kind, home_terminal, created_at)"
            " VALUES ('M1', '13800000001', NULL, ?, 'person', 'T1', '2026-11-01T00:00:00.000Z')",
            {QStringLiteral("<script>alert(1)</script> 王")});
        run("INSERT INTO balances (member_uid, points, green_points) VALUES (?, ?, ?)",
            {QStringLiteral("M1"), 130, 30});
        run("INSERT INTO balances (member_uid, points, green_points) VALUES (?, ?, ?)", {QStringLiteral("M2"), 70, 0});
        const char* entry = "INSERT INTO journal (terminal_id, seq, entry_id, kind, member_uid, points, green_points,"
                            " ref, ruleset_version, terminal_time, hq_time, detail, lots, prev_hash, hash)"
                            " VALUES ('T1', ?, ?, ?, 'M1', ?, 0, 'r', 1, ?, ?, '{}', '[]', '', '')";
        // 2026-10-31T17:00Z is November 1st in China: it counts for November.
        run(entry, {1, QStringLiteral("e1"), QStringLiteral("earn"), 100, QStringLiteral("2026-10-31T17:00:00.000Z"),
                    QStringLiteral("2026-11-23T09:00:00.000Z")});
        run(entry, {2, QStringLiteral("e2"), QStringLiteral("earn"), 50, QStringLiteral("2026-11-20T03:00:00.000Z"),
                    QStringLiteral("2026-11-23T09:00:00.000Z")});
        run(entry, {3, QStringLiteral("e3"), QStringLiteral("redeem"), -20, QStringLiteral("2026-11-21T03:00:00.000Z"),
                    QStringLiteral("2026-11-23T09:00:00.000Z")});
        run(entry, {4, QStringLiteral("e4"), QStringLiteral("earn"), 7, QStringLiteral("2026-10-30T03:00:00.000Z"),
                    QStringLiteral("2026-11-23T09:00:00.000Z")});
        run("INSERT INTO allowances (terminal_id, month, points, updated_at) VALUES (?, ?, ?, ?)",
            {QStringLiteral("T1"), QStringLiteral("2026-11"), 120, QStringLiteral("2026-11-01T00:00:00.000Z")});
        run("INSERT INTO allowances (terminal_id, month, points, updated_at) VALUES (?, ?, ?, ?)",
            {QStringLiteral("T2"), QStringLiteral("2026-11"), 500, QStringLiteral("2026-11-01T00:00:00.000Z")});
        run("INSERT INTO incidents (id, kind, terminal_id, seq, member_uid, detail, created_at)"
            " VALUES (1, 'overdraft', 'T1', 3, 'M1', ?, '2026-11-23T09:00:00.000Z')",
            {QStringLiteral("balance -5 after <b>redeem</b> & more")});
    }

private slots:
    void statusReadsWhatHqHas()
    {
        QTemporaryDir dir;
        auto db = HqDatabase::open(dir.filePath(QStringLiteral("hq.db")));
        QVERIFY(db);
        seed(*db.value());
        FixedClock clock(at("2026-11-23T10:00:00Z"));
        HqService service(*db.value(), clock);
        auto s = service.status();
        QVERIFY(s);
        QCOMPARE(s->terminals.size(), 2);
        QCOMPARE(s->terminals.at(0).ackedSeq, 3);
        QCOMPARE(s->terminals.at(0).clockSkewSecs, std::optional<qint64>(259200));
        QCOMPARE(s->terminals.at(0).lastSync, at("2026-11-23T09:00:00Z"));
        QVERIFY(!s->terminals.at(1).lastSync.isValid());
        QVERIFY(!s->terminals.at(1).clockSkewSecs);
        QCOMPARE(s->members, 2);
        QCOMPARE(s->liabilityPoints, 200);
        QCOMPARE(s->liabilityGreen, 30);
        QCOMPARE(s->incidentCount, 1);
        QCOMPARE(s->incidents.at(0).memberName, QStringLiteral("<script>alert(1)</script> 王"));
        // November (China time): T1 earned 100 + 50 against 120; T2 nothing against 500. October: 7.
        QCOMPARE(s->budget.size(), 3);
        QCOMPARE(s->budget.at(0).month, QStringLiteral("2026-11"));
        QCOMPARE(s->budget.at(0).terminalId, QStringLiteral("T1"));
        QCOMPARE(s->budget.at(0).issued, 150);
        QCOMPARE(s->budget.at(0).allowance, std::optional<qint64>(120));
        QCOMPARE(s->budget.at(1).terminalId, QStringLiteral("T2"));
        QCOMPARE(s->budget.at(1).issued, 0);
        QCOMPARE(s->budget.at(2).month, QStringLiteral("2026-10"));
        QCOMPARE(s->budget.at(2).issued, 7);
        QVERIFY(!s->budget.at(2).allowance);
    }

    void pageEscapesAndShows()
    {
        QTemporaryDir dir;
        auto db = HqDatabase::open(dir.filePath(QStringLiteral("hq.db")));
        QVERIFY(db);
        seed(*db.value());
        FixedClock clock(at("2026-11-23T10:00:00Z"));
        HqService service(*db.value(), clock);
        auto s = service.status();
        QVERIFY(s);
        const QString html = QString::fromUtf8(renderStatusPage(s.value(), QStringLiteral("ops<1>")));
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(!html.contains(QStringLiteral("<b>redeem</b>")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; 王 (M1)")));
        QVERIFY(html.contains(QStringLiteral("balance -5 after &lt;b&gt;redeem&lt;/b&gt; &amp; more")));
        QVERIFY(html.contains(QStringLiteral("ops&lt;1&gt;")));
        QVERIFY(html.contains(QStringLiteral("3 d 0 h ahead")));
        QVERIFY(html.contains(QStringLiteral("1 h 0 min ago")));
        QVERIFY(html.contains(QStringLiteral("<td class=\"n\" id=\"liability-points\">200</td>")));
        QVERIFY(html.contains(QStringLiteral("<td class=\"n bad\">125%</td>"))); // 150 of 120
        QVERIFY(html.contains(QStringLiteral("150 / 120")));                     // the budget chart
        QCOMPARE(html.count(QStringLiteral("<svg ")), 4);
        QVERIFY(!html.contains(QStringLiteral("<script")));
        // T2 has never synced: overdue.
        QVERIFY(html.contains(QStringLiteral("never — overdue")));
    }

    void escape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << QStringLiteral("abc 积分") << QStringLiteral("abc 积分");
        QTest::newRow("tags") << QStringLiteral("<img src=x onerror=y>")
                              << QStringLiteral("&lt;img src=x onerror=y&gt;");
        QTest::newRow("attribute breakout")
            << QStringLiteral("\" onmouseover='x'") << QStringLiteral("&quot; onmouseover=&#39;x&#39;");
        QTest::newRow("entity") << QStringLiteral("&amp;") << QStringLiteral("&amp;amp;");
    }
    void escape()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(htmlEscape(text), escaped);
        // Labels in charts are escaped the same way.
        QVERIFY(barChartSvg(text, {{text, 1, std::nullopt}}).contains(escaped));
    }

    void chartBars()
    {
        const QString svg =
            barChartSvg(QStringLiteral("t"), {{QStringLiteral("a"), 50, 100}, {QStringLiteral("b"), 150, 100}});
        // Scale is the largest of values and limits (150): a's bar is a third of 360 px, b's full
        // and red for passing its limit.
        QVERIFY(svg.contains(QStringLiteral("width=\"120\" height=\"16\" fill=\"#2e7d32\"")));
        QVERIFY(svg.contains(QStringLiteral("width=\"360\" height=\"16\" fill=\"#c62828\"")));
        QVERIFY(barChartSvg(QStringLiteral("t"), {}).contains(QStringLiteral("nothing to show")));
    }

    void operators()
    {
        QTemporaryDir dir;
        auto db = HqDatabase::open(dir.filePath(QStringLiteral("hq.db")));
        QVERIFY(db);
        FixedClock clock(at("2026-11-23T10:00:00Z"));
        HqService service(*db.value(), clock);
        QCOMPARE(service.addOperator(QStringLiteral("anna"), QStringLiteral("short")).error().code,
                 ErrorCode::BadInput);
        QCOMPARE(service.addOperator(QStringLiteral("a b"), QStringLiteral("long enough password")).error().code,
                 ErrorCode::BadInput);
        QVERIFY(service.addOperator(QStringLiteral("anna"), QStringLiteral("correct horse")));
        QCOMPARE(service.addOperator(QStringLiteral("anna"), QStringLiteral("another password")).error().code,
                 ErrorCode::Refused);
        QCOMPARE(service.checkOperator(QStringLiteral("anna"), QStringLiteral("correct horse")).value(), true);
        QCOMPARE(service.checkOperator(QStringLiteral("anna"), QStringLiteral("correct horsE")).value(), false);
        QCOMPARE(service.checkOperator(QStringLiteral("bob"), QStringLiteral("correct horse")).value(), false);
        // Stored as PBKDF2, never the password itself.
        auto stored = db.value()->scalar(QStringLiteral("SELECT hash || salt FROM operators"));
        QVERIFY(stored);
        QVERIFY(!stored->toString().contains(QStringLiteral("correct")));
        QCOMPARE(db.value()->scalar(QStringLiteral("SELECT iterations FROM operators"))->toInt(), kPinIterations);
    }

    void sessionsExpire()
    {
        FixedClock clock(at("2026-11-23T10:00:00Z"));
        OperatorSessions sessions(clock);
        const QString token = sessions.start(QStringLiteral("anna"), QStringLiteral("127.0.0.1"));
        QCOMPARE(token.size(), 64);
        QVERIFY(token != sessions.start(QStringLiteral("anna"), QStringLiteral("127.0.0.1")));
        QCOMPARE(sessions.operatorFor(token), std::optional<QString>(QStringLiteral("anna")));
        QVERIFY(!sessions.operatorFor(QString(64, QLatin1Char('0'))));
        QVERIFY(!sessions.operatorFor(QString()));
        clock.advanceSecs(OperatorSessions::kSessionSecs - 1);
        QVERIFY(sessions.operatorFor(token));
        clock.advanceSecs(1);
        QVERIFY(!sessions.operatorFor(token));
        const QString other = sessions.start(QStringLiteral("anna"), QStringLiteral("127.0.0.1"));
        sessions.end(other);
        QVERIFY(!sessions.operatorFor(other));
    }

    void throttle_data()
    {
        QTest::addColumn<QString>("nextName");
        QTest::addColumn<QString>("nextAddress");
        QTest::addColumn<bool>("locked");
        QTest::newRow("same name, same address") << QStringLiteral("anna") << QStringLiteral("10.0.0.1") << true;
        QTest::newRow("same name, other address") << QStringLiteral("anna") << QStringLiteral("10.0.0.2") << true;
        QTest::newRow("other name, same address") << QStringLiteral("bob") << QStringLiteral("10.0.0.1") << true;
        QTest::newRow("other name, other address") << QStringLiteral("bob") << QStringLiteral("10.0.0.2") << false;
    }
    void throttle()
    {
        QFETCH(QString, nextName);
        QFETCH(QString, nextAddress);
        QFETCH(bool, locked);
        FixedClock clock(at("2026-11-23T10:00:00Z"));
        OperatorSessions sessions(clock);
        for (int i = 0; i < OperatorSessions::kMaxFailures - 1; ++i) {
            sessions.recordFailure(QStringLiteral("anna"), QStringLiteral("10.0.0.1"));
            clock.advanceSecs(10);
        }
        QCOMPARE(sessions.lockedForSecs(QStringLiteral("anna"), QStringLiteral("10.0.0.1")), 0);
        sessions.recordFailure(QStringLiteral("anna"), QStringLiteral("10.0.0.1"));
        const qint64 wait = sessions.lockedForSecs(nextName, nextAddress);
        QCOMPARE(wait > 0, locked);
        if (!locked)
            return;
        // The first failure leaves the window 15 minutes after it was made (40 s ago).
        QCOMPARE(wait, OperatorSessions::kFailureWindowSecs - 40);
        clock.advanceSecs(wait);
        QCOMPARE(sessions.lockedForSecs(nextName, nextAddress), 0);
    }

    void successClearsTheNameOnly()
    {
        FixedClock clock(at("2026-11-23T10:00:00Z"));
        OperatorSessions sessions(clock);
        for (int i = 0; i < OperatorSessions::kMaxFailures; ++i)
            sessions.recordFailure(QStringLiteral("anna"), QStringLiteral("10.0.0.1"));
        sessions.start(QStringLiteral("anna"), QStringLiteral("10.0.0.9"));
        QCOMPARE(sessions.lockedForSecs(QStringLiteral("anna"), QStringLiteral("10.0.0.9")), 0);
        QVERIFY(sessions.lockedForSecs(QStringLiteral("anna"), QStringLiteral("10.0.0.1")) > 0);
    }
};

QTEST_GUILESS_MAIN(TstHqStatus)
#include "tst_hq_status.moc"
