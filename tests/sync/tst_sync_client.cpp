// The sync client's state machine against a fake HQ (tests/support/fake_hq_network.h): no
// sockets, no server process. Success in batches, every way HQ or the network can fail, a hang
// given up after the request timeout, a lost reply retried without duplicates.

#include "fake_hq_network.h"
#include "ledger.h"
#include "signing.h"
#include "store.h"
#include "sync_client.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace jifen;
using namespace jifen::test;

Q_DECLARE_METATYPE(jifen::test::FakeAnswer)

namespace {

const QByteArray kKey = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

// A small HQ behind the fake network: answers time, status and push like jifen-hq (acked seq,
// idempotent on seq, gaps refused) and counts what it received. `override` can answer instead.
class ScriptedHq {
public:
    explicit ScriptedHq(const Clock& clock)
        : m_clock(clock)
    {}

    std::function<std::optional<FakeAnswer>(const FakeRequest&, int push)> override;
    qint64 acked = 0;
    QMap<qint64, QString> stored;
    int duplicatesReceived = 0;
    int pushes = 0;

    FakeAnswer answer(const FakeRequest& r)
    {
        const int push = r.path == QStringLiteral("/v1/push") ? ++pushes : 0;
        if (override) {
            if (auto a = override(r, push))
                return *a;
        }
        return apply(r);
    }

    // What HQ does with a request, whatever becomes of its answer.
    FakeAnswer apply(const FakeRequest& r)
    {
        const QString now = m_clock.nowUtc().toString(Qt::ISODateWithMs);
        if (r.path == QStringLiteral("/v1/time"))
            return FakeAnswer::json(200, {{QStringLiteral("hq_time"), now}});
        if (!signedCorrectly(r))
            return FakeAnswer::error(401, QStringLiteral("refused"), QStringLiteral("unauthorised: bad signature"));
        if (r.path == QStringLiteral("/v1/status"))
            return FakeAnswer::json(200, {{QStringLiteral("terminal_id"), QStringLiteral("T1")},
                                          {QStringLiteral("acked_seq"), acked},
                                          {QStringLiteral("hq_time"), now}});
        if (r.path == QStringLiteral("/v1/pull")) // nothing changed elsewhere
            return FakeAnswer::json(200, {{QStringLiteral("acked_seq"), acked},
                                          {QStringLiteral("members"), QJsonArray()},
                                          {QStringLiteral("cursor"), QString()},
                                          {QStringLiteral("more"), false},
                                          {QStringLiteral("allowances"), QJsonArray()},
                                          {QStringLiteral("incidents"), QJsonArray()},
                                          {QStringLiteral("incident_cursor"), 0},
                                          {QStringLiteral("hq_time"), now}});
        for (const QJsonValue& v : r.json().value(QStringLiteral("entries")).toArray()) {
            const qint64 seq = v[QStringLiteral("seq")].toInteger();
            const QString hash = v[QStringLiteral("hash")].toString();
            if (seq <= acked) {
                ++duplicatesReceived;
                continue;
            }
            if (seq != acked + 1)
                return FakeAnswer::error(409, QStringLiteral("refused"),
                                         QStringLiteral("gap: expected seq %1, got %2").arg(acked + 1).arg(seq));
            stored.insert(seq, hash);
            acked = seq;
        }
        return FakeAnswer::json(200, {{QStringLiteral("acked_seq"), acked},
                                      {QStringLiteral("hq_time"), now},
                                      {QStringLiteral("incidents"), QJsonArray()}});
    }

    static bool signedCorrectly(const FakeRequest& r)
    {
        const QByteArray signature = r.header("X-Jifen-Signature");
        return r.header("X-Jifen-Terminal") == "T1" && !signature.isEmpty() &&
               sync::sign(kKey, sync::canonicalRequest(r.method, r.path.toLatin1(), r.body,
                                                       QString::fromLatin1(r.header("X-Jifen-Timestamp")),
                                                       QString::fromLatin1(r.header("X-Jifen-Nonce"))))
                       .toLatin1() == signature;
    }

private:
    const Clock& m_clock;
};

// Terminal databases with N sales, built once per run by selling on from the last one and
// copied per test (a durable sale costs milliseconds; thousands per test row would dominate).
class Snapshots {
public:
    static Snapshots& instance()
    {
        if (!s_instance)
            s_instance.reset(new Snapshots);
        return *s_instance;
    }
    // Before QCoreApplication goes: the database connections must close while Qt SQL is alive.
    static void release() { s_instance.reset(); }
    // A database file with `sales` sales over 7 members; not enrolled.
    QString path(int sales)
    {
        if (m_paths.contains(sales))
            return m_paths.value(sales);
        if (!m_ledger || sales < m_sold)
            restart();
        for (; m_sold < sales; ++m_sold) {
            SaleRequest r;
            r.ref = QStringLiteral("s%1").arg(m_sold);
            r.phone = phone(m_sold % kMembers);
            r.amount = QStringLiteral("%1.%2").arg(10 + m_sold % 90).arg(m_sold % 100, 2, 10, QLatin1Char('0'));
            if (!m_ledger->sale(r).ok())
                qFatal("sale failed");
        }
        const QString out = m_dir.filePath(QStringLiteral("snapshot-%1.db").arg(sales));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("snapshot"));
            raw.setDatabaseName(m_current);
            if (!raw.open() || !QSqlQuery(raw).exec(QStringLiteral("VACUUM INTO '%1'").arg(out)))
                qFatal("cannot copy the snapshot");
        }
        QSqlDatabase::removeDatabase(QStringLiteral("snapshot"));
        m_paths.insert(sales, out);
        return out;
    }
    static QString phone(int m) { return QStringLiteral("139%1").arg(m, 8, 10, QLatin1Char('0')); }
    static constexpr int kMembers = 7;

private:
    void restart()
    {
        m_ledger.reset();
        m_store.reset();
        m_current = m_dir.filePath(QStringLiteral("builder-%1.db").arg(++m_builds));
        m_store = Store::open(m_current).value();
        m_ledger = std::make_unique<Ledger>(*m_store, m_clock);
        if (!m_ledger->initialize(QStringLiteral("S1"), QStringLiteral("T1"), QStringLiteral("fruit")).ok())
            qFatal("cannot initialise the terminal");
        for (int m = 0; m < kMembers; ++m) {
            if (!m_ledger->addMember({phone(m), QString(), QStringLiteral("会员%1").arg(m), QStringLiteral("person")})
                     .ok())
                qFatal("cannot add a member");
        }
        m_sold = 0;
    }

    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(2, 0), Qt::UTC)};
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Ledger> m_ledger;
    QString m_current;
    QMap<int, QString> m_paths;
    int m_sold = 0;
    int m_builds = 0;
    static inline std::unique_ptr<Snapshots> s_instance;
};

struct Fixture {
    QTemporaryDir dir;
    FixedClock clock{QDateTime(QDate(2026, 3, 2), QTime(2, 0), Qt::UTC)};
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    ScriptedHq hq{clock};
    FakeHqNetwork network{[this](const FakeRequest& r) { return hq.answer(r); }};
    std::unique_ptr<sync::SyncClient> client;

    // A terminal T1 with `sales` sales over 7 members, enrolled unless told otherwise.
    explicit Fixture(int sales, bool enrolled = true)
    {
        const QString path = dir.filePath(QStringLiteral("jifen.db"));
        if (!QFile::copy(Snapshots::instance().path(sales), path))
            qFatal("cannot copy the snapshot");
        store = Store::open(path).value();
        ledger = std::make_unique<Ledger>(*store, clock);
        if (enrolled && !ledger->saveEnrollment(QStringLiteral("http://hq.test:8080"), kKey).ok())
            qFatal("cannot save the enrolment");
        client = std::make_unique<sync::SyncClient>(*ledger, network, clock);
        // Batches of 1000 keep the snapshots small while a backlog still spans several pushes.
        client->setBatchLimits(1000, sync::SyncClient::kMaxBatchBytes);
    }

    QMap<qint64, QString> journal()
    {
        QMap<qint64, QString> out;
        for (const JournalEntry& e : ledger->journal().value())
            out.insert(e.seq, e.hash);
        return out;
    }
};

} // namespace

class TestSyncClient : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        for (int sales : {1, 1000, 1001, 1500, 2500}) // ascending: each sells on from the last
            QVERIFY(QFile::exists(Snapshots::instance().path(sales)));
    }
    void cleanupTestCase() { Snapshots::release(); }

    void pushesInBatchesOf1000_data()
    {
        QTest::addColumn<int>("sales");
        QTest::newRow("one entry") << 1;
        QTest::newRow("exactly one batch") << 1000;
        QTest::newRow("one batch and one entry") << 1001;
        QTest::newRow("two and a half batches") << 2500;
    }
    void pushesInBatchesOf1000()
    {
        QFETCH(int, sales);
        Fixture f(sales);
        const qint64 last = f.ledger->syncState()->lastSeq;
        QCOMPARE(last, qint64(sales)); // one journal entry per sale (members carry no entry)
        QSignalSpy finished(f.client.get(), &sync::SyncClient::finished);
        QSignalSpy progress(f.client.get(), &sync::SyncClient::progress);
        f.client->syncOnce();
        QVERIFY(f.client->busy());
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(finished.first().at(1).toString(), QString());
        QVERIFY(!f.client->busy());

        const QList<FakeRequest>& requests = f.network.requests();
        const int batches = (sales + 999) / 1000;
        QCOMPARE(requests.size(), 2 + batches + 1); // time, status, pushes, one pull page
        QCOMPARE(requests.last().path, QStringLiteral("/v1/pull"));
        QVERIFY(ScriptedHq::signedCorrectly(requests.last()));
        QCOMPARE(requests.at(0).method + ' ' + requests.at(0).path.toLatin1(), QByteArray("GET /v1/time"));
        QVERIFY(requests.at(0).header("X-Jifen-Signature").isEmpty()); // HQ's time is asked unsigned
        QCOMPARE(requests.at(1).method + ' ' + requests.at(1).path.toLatin1(), QByteArray("GET /v1/status"));
        QVERIFY(ScriptedHq::signedCorrectly(requests.at(1)));
        for (int b = 0; b < batches; ++b) {
            const FakeRequest& push = requests.at(2 + b);
            QCOMPARE(push.method + ' ' + push.path.toLatin1(), QByteArray("POST /v1/push"));
            QVERIFY(ScriptedHq::signedCorrectly(push));
            QCOMPARE(push.request.transferTimeout(), sync::SyncClient::kDefaultRequestTimeoutMs);
            const QJsonArray entries = push.json().value(QStringLiteral("entries")).toArray();
            QCOMPARE(qint64(entries.size()), qMin<qint64>(1000, last - b * 1000));
            QCOMPARE(entries.first()[QStringLiteral("seq")].toInteger(), qint64(b) * 1000 + 1);
            // New members travel with the first batch only.
            QCOMPARE(push.json().value(QStringLiteral("members")).toArray().size(), b == 0 ? 7 : 0);
            QCOMPARE(progress.at(b).at(0).toLongLong(), qMin<qint64>(last, (b + 1) * 1000));
            QCOMPARE(progress.at(b).at(1).toLongLong(), last);
        }
        QCOMPARE(progress.count(), batches);
        QCOMPARE(f.hq.stored, f.journal());
        QCOMPARE(f.hq.duplicatesReceived, 0);
        QCOMPARE(f.ledger->syncState()->ackedSeq, last);
        QCOMPARE(f.ledger->syncState()->pending(), 0);
        QVERIFY(!f.ledger->syncState()->lastSuccess.isEmpty());
        QVERIFY(f.ledger->syncState()->lastError.isEmpty());
        QVERIFY(f.ledger->unpushedMembers(100)->isEmpty());
    }

    // Every failure ends the round with finished(false, message) — what `jifen sync` prints before
    // exiting 6 — records the error, and never records as delivered what HQ did not take.
    void failuresEndTheRound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("nth");
        QTest::addColumn<FakeAnswer>("answer");
        QTest::addColumn<QString>("message");
        QTest::addColumn<qint64>("ackedAfter");
        using E = QNetworkReply::NetworkError;
        const QString time = QStringLiteral("/v1/time"), status = QStringLiteral("/v1/status"),
                      push = QStringLiteral("/v1/push");
        QTest::newRow("time: connection refused")
            << time << 1 << FakeAnswer::failure(E::ConnectionRefusedError, QStringLiteral("Connection refused"))
            << QStringLiteral("HQ unreachable: Connection refused") << qint64(0);
        QTest::newRow("time: answer without hq_time")
            << time << 1 << FakeAnswer::json(200, {}) << QStringLiteral("HQ sent no time") << qint64(0);
        QTest::newRow("status: 401 unauthorised")
            << status << 1
            << FakeAnswer::error(401, QStringLiteral("refused"), QStringLiteral("unauthorised: bad signature"))
            << QStringLiteral("HQ answered 401: unauthorised: bad signature") << qint64(0);
        QTest::newRow("status: HQ acknowledges more than the journal holds")
            << status << 1 << FakeAnswer::json(200, {{QStringLiteral("acked_seq"), 99999}})
            << QStringLiteral("HQ acknowledges seq 99999 but this terminal's journal ends at 1500") << qint64(0);
        QTest::newRow("push 1: refused (409)")
            << push << 1
            << FakeAnswer::error(409, QStringLiteral("refused"), QStringLiteral("entry 1 breaks the hash chain"))
            << QStringLiteral("HQ answered 409: entry 1 breaks the hash chain") << qint64(0);
        QTest::newRow("push 2: refused (409) after batch 1 was taken")
            << push << 2
            << FakeAnswer::error(409, QStringLiteral("refused"),
                                 QStringLiteral("seq 1001 already holds a different entry"))
            << QStringLiteral("HQ answered 409: seq 1001 already holds a different entry") << qint64(1000);
        QTest::newRow("push 1: 500 with a JSON error")
            << push << 1 << FakeAnswer::error(500, QStringLiteral("storage"), QStringLiteral("database is locked"))
            << QStringLiteral("HQ answered 500: database is locked") << qint64(0);
        QTest::newRow("push 1: 503 without a body")
            << push << 1 << FakeAnswer::raw(503, QByteArray()) << QStringLiteral("HQ answered 503: Error transferring")
            << qint64(0);
        QTest::newRow("push 1: 502 HTML from a gateway")
            << push << 1 << FakeAnswer::raw(502, "<html>bad gateway</html>") << QStringLiteral("HQ answered 502")
            << qint64(0);
        QTest::newRow("push 1: 200 that is not JSON")
            << push << 1 << FakeAnswer::raw(200, "<html>")
            << QStringLiteral("HQ acknowledged seq -1 for a push of 1..1000") << qint64(0);
        QTest::newRow("push 1: ack of entries HQ never got")
            << push << 1 << FakeAnswer::json(200, {{QStringLiteral("acked_seq"), 1400}})
            << QStringLiteral("HQ acknowledged seq 1400 for a push of 1..1000") << qint64(0);
        QTest::newRow("push 2: ack going backwards")
            << push << 2 << FakeAnswer::json(200, {{QStringLiteral("acked_seq"), 500}})
            << QStringLiteral("HQ acknowledged seq 500 for a push of 1001..1500") << qint64(1000);
        QTest::newRow("push 1: connection reset")
            << push << 1 << FakeAnswer::failure(E::RemoteHostClosedError, QStringLiteral("Connection closed"))
            << QStringLiteral("HQ unreachable: Connection closed") << qint64(0);
    }
    void failuresEndTheRound()
    {
        QFETCH(QString, path);
        QFETCH(int, nth);
        QFETCH(FakeAnswer, answer);
        QFETCH(QString, message);
        QFETCH(qint64, ackedAfter);
        Fixture f(1500);
        int seen = 0;
        f.hq.override = [&](const FakeRequest& r, int) -> std::optional<FakeAnswer> {
            if (r.path == path && ++seen == nth)
                return answer;
            return std::nullopt;
        };
        QSignalSpy finished(f.client.get(), &sync::SyncClient::finished);
        f.client->syncOnce();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString error = finished.first().at(1).toString();
        QVERIFY2(error.startsWith(message), qPrintable(error));
        QVERIFY(!f.client->busy());
        QCOMPARE(f.ledger->syncState()->ackedSeq, ackedAfter);
        QVERIFY2(f.ledger->syncState()->lastError.endsWith(error), qPrintable(f.ledger->syncState()->lastError));
        // Nothing more is sent after the failure.
        QCOMPARE(f.network.requests().last().path, path);
        QCOMPARE(seen, nth);
        QCoreApplication::processEvents(); // no second finished() queued behind the first
        QCOMPARE(finished.count(), 1);
    }

    // HQ answers nothing: the client gives up after its request timeout, whichever step hangs.
    void hangIsGivenUpAfterTheTimeout_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("nth");
        QTest::addColumn<qint64>("ackedAfter");
        QTest::newRow("time") << QStringLiteral("/v1/time") << 1 << qint64(0);
        QTest::newRow("status") << QStringLiteral("/v1/status") << 1 << qint64(0);
        QTest::newRow("push 1") << QStringLiteral("/v1/push") << 1 << qint64(0);
        QTest::newRow("push 2") << QStringLiteral("/v1/push") << 2 << qint64(1000);
    }
    void hangIsGivenUpAfterTheTimeout()
    {
        QFETCH(QString, path);
        QFETCH(int, nth);
        QFETCH(qint64, ackedAfter);
        Fixture f(1500);
        f.client->setRequestTimeout(150);
        int seen = 0;
        f.hq.override = [&](const FakeRequest& r, int) -> std::optional<FakeAnswer> {
            if (r.path == path && ++seen == nth)
                return FakeAnswer::hangs();
            return std::nullopt;
        };
        QSignalSpy finished(f.client.get(), &sync::SyncClient::finished);
        QElapsedTimer timer;
        timer.start();
        f.client->syncOnce();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(timer.elapsed() >= 150); // not before the timeout
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(finished.first().at(1).toString().startsWith(QStringLiteral("HQ unreachable: Operation canceled")),
                 qPrintable(finished.first().at(1).toString()));
        QCOMPARE(f.network.requests().last().request.transferTimeout(), 150);
        QCOMPARE(f.ledger->syncState()->ackedSeq, ackedAfter);
        QVERIFY(!f.client->busy());
        // The next round goes through.
        f.hq.override = {};
        f.client->syncOnce();
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(f.hq.stored, f.journal());
    }

    // A slow HQ inside the timeout is waited for.
    void slowHqWithinTheTimeout()
    {
        Fixture f(1500);
        f.client->setRequestTimeout(5000);
        f.hq.override = [&](const FakeRequest& r, int) -> std::optional<FakeAnswer> {
            return f.hq.apply(r).delayed(40);
        };
        QSignalSpy finished(f.client.get(), &sync::SyncClient::finished);
        f.client->syncOnce();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(f.hq.stored, f.journal());
    }

    // HQ applies batch 2 and its answer is lost: the next round asks HQ where it is and sends only
    // what HQ lacks.
    void lostReplyIsRetriedWithoutDuplicates()
    {
        Fixture f(2500);
        f.hq.override = [&](const FakeRequest& r, int push) -> std::optional<FakeAnswer> {
            if (push != 2)
                return std::nullopt;
            f.hq.apply(r);
            return FakeAnswer::failure(QNetworkReply::RemoteHostClosedError, QStringLiteral("Connection closed"));
        };
        QSignalSpy finished(f.client.get(), &sync::SyncClient::finished);
        f.client->syncOnce();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(f.ledger->syncState()->ackedSeq, qint64(1000));
        QCOMPARE(f.hq.acked, qint64(2000));
        f.client->syncOnce();
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(f.hq.pushes, 3);
        QCOMPARE(f.hq.duplicatesReceived, 0);
        QCOMPARE(f.hq.stored, f.journal());
        QCOMPARE(f.ledger->syncState()->pending(), 0);
    }

    void notEnrolledSendsNothing()
    {
        Fixture f(1, false);
        QSignalSpy finished(f.client.get(), &sync::SyncClient::finished);
        f.client->syncOnce();
        QCOMPARE(finished.count(), 1); // at once
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("not enrolled")));
        QVERIFY(f.network.requests().isEmpty());
    }

    void secondRoundWhileBusyIsIgnored()
    {
        Fixture f(1);
        QSignalSpy finished(f.client.get(), &sync::SyncClient::finished);
        f.client->syncOnce();
        f.client->syncOnce();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(f.network.count("GET", QStringLiteral("/v1/time")), 1);
        QCOMPARE(f.hq.stored, f.journal());
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_sync_client.moc"
