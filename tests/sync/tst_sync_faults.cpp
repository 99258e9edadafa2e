// Exactly-once push under network faults and crashes: the real terminal client (in process, or
// the real `jifen sync` CLI) talks to the real jifen-hq through a fault-injecting proxy, on
// SQLite and PostgreSQL. Every scenario ends with HQ's journal equal to the union of the
// terminals' journals — the same (terminal, seq, hash) set, nothing twice — and
// `jifen-hq verify` clean.

#include "fault_proxy.h"
#include "signing.h"
#include "sync_harness.h"

#include <sys/prctl.h>

#include <csignal>

#include <QNetworkReply>

using namespace jifen;
using namespace jifen::test;

namespace {

constexpr int kBacklog = 2500; // three batches: the second is the one hit
constexpr qint64 kBatch = 1000;
const QByteArray kPost = QByteArrayLiteral("POST");
const QByteArray kPush = QByteArrayLiteral("/v1/push");

quint16 portOf(const QString& url)
{
    return static_cast<quint16>(QUrl(url).port());
}

// A direct signed request to HQ (no proxy); returns the HTTP status, the body in `body`.
int sendSigned(const QString& hqUrl, const QString& terminal, const QByteArray& key, const QByteArray& path,
               const QByteArray& payload, QByteArray* body = nullptr)
{
    const sync::SignedHeaders h =
        sync::signRequest(terminal, key, "POST", path, payload, QDateTime::currentDateTimeUtc());
    QNetworkRequest request(QUrl(hqUrl + QString::fromLatin1(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Jifen-Terminal", h.terminalId.toLatin1());
    request.setRawHeader("X-Jifen-Timestamp", h.timestamp.toLatin1());
    request.setRawHeader("X-Jifen-Nonce", h.nonce.toLatin1());
    request.setRawHeader("X-Jifen-Signature", h.signature.toLatin1());
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.post(request, payload);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(30000))
        return -1;
    if (body)
        *body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

// HQ with two terminals: T1 behind the fault proxy with an offline backlog, T2 direct and synced.
struct Scene {
    Backend backend;
    FaultProxy proxy;
    Terminal t1{QStringLiteral("T1")};
    Terminal t2{QStringLiteral("T2")};

    explicit Scene(const QString& kind)
        : backend(kind)
    {}

    // Builds the scene; false (with a message) when something outside the test failed.
    bool setUp(QString* problem)
    {
        if (backend.pg && backend.pg->spec().isEmpty())
            return *problem = QStringLiteral("cannot create a PostgreSQL test database"), false;
        if (!backend.hq->start())
            return *problem = QStringLiteral("jifen-hq did not start"), false;
        if (!proxy.listen(portOf(backend.hq->url())))
            return *problem = QStringLiteral("the proxy cannot listen"), false;
        t1.useBatches(int(kBatch));
        t1.sell(0, kBacklog, 20);
        t2.sell(0, 30, 5, 100); // members of its own
        if (!t1.enroll(proxy.url(), backend.code(QStringLiteral("T1")), problem))
            return false;
        if (!t2.enroll(backend.hq->url(), backend.code(QStringLiteral("T2")), problem))
            return false;
        return t2.sync(problem);
    }

    int pushes() const { return proxy.requestCount(kPost, kPush); }
};

// Sync rounds until one succeeds (at most `rounds`); each fault above hits once, so the round
// after it must succeed.
bool syncUntilOk(Terminal& t, int rounds, QString* error)
{
    for (int i = 0; i < rounds; ++i) {
        if (t.sync(error))
            return true;
    }
    return false;
}

#define CHECK_SCENE_END(scene)                                                                                         \
    do {                                                                                                               \
        QCOMPARE((scene).backend.rows(), unionOfJournals({(scene).t1.ledger.get(), (scene).t2.ledger.get()}));         \
        QCOMPARE((scene).t1.ledger->syncState()->pending(), 0);                                                        \
        QString report_;                                                                                               \
        QVERIFY2((scene).backend.verify(&report_), qPrintable(report_));                                               \
        const QJsonArray incidents_ = (scene).backend.incidents();                                                     \
        QVERIFY2(incidents_.isEmpty(), QJsonDocument(incidents_).toJson().constData());                                \
    } while (false)

void addRows(const char* name, const std::function<void(QByteArray)>& add)
{
    add(QByteArray(name) + " on sqlite");
    if (!qEnvironmentVariableIsEmpty("JIFEN_TEST_PG"))
        add(QByteArray(name) + " on postgresql");
}

QString backendOf(const QByteArray& rowName)
{
    return rowName.endsWith("postgresql") ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

// The real `jifen` CLI on a terminal's data directory.
class JifenCli {
public:
    explicit JifenCli(const QString& dataDir)
    {
        m_process.setProgram(QDir(binDir()).filePath(QStringLiteral("jifen")));
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_dataDir = dataDir;
    }
    QProcess& process() { return m_process; }
    // Runs to the end with the event loop turning (the proxy lives in this process).
    bool run(const QStringList& args)
    {
        QSignalSpy finished(&m_process, &QProcess::finished);
        m_process.setArguments(QStringList{QStringLiteral("--data-dir"), m_dataDir} + args);
        m_process.start();
        return finished.wait(120000);
    }
    QString describe()
    {
        return QStringLiteral("exit %1 (%2)\nstdout: %3\nstderr: %4")
            .arg(m_process.exitCode())
            .arg(m_process.exitStatus() == QProcess::CrashExit ? QStringLiteral("crashed/killed")
                                                               : QStringLiteral("normal"))
            .arg(QString::fromUtf8(m_process.readAllStandardOutput()),
                 QString::fromUtf8(m_process.readAllStandardError()));
    }

private:
    QProcess m_process;
    QString m_dataDir;
};

} // namespace

class TestSyncFaults : public QObject {
    Q_OBJECT
private slots:
    // HQ commits the second batch; its answer never reaches the terminal.
    void replyLostAfterHqApplied_data()
    {
        QTest::addColumn<QString>("backend");
        addRows("reply of batch 2 swallowed",
                [](const QByteArray& row) { QTest::newRow(row.constData()) << backendOf(row); });
    }
    void replyLostAfterHqApplied()
    {
        QFETCH(QString, backend);
        Scene s(backend);
        QString problem;
        QVERIFY2(s.setUp(&problem), qPrintable(problem));
        s.proxy.faultNth(kPost, kPush, 2, Fault::swallowReply());
        QString error;
        QVERIFY(!s.t1.sync(&error));
        QCOMPARE(s.proxy.faultsApplied(), 1);
        // HQ holds batch 2; the terminal still waits for its acknowledgement.
        QCOMPARE(qint64(s.backend.journal(QStringLiteral("T1")).size()), 2 * kBatch);
        QCOMPARE(s.t1.ledger->syncState()->ackedSeq, kBatch);

        // The blind retry a client without /v1/status would make: the same batch, signed afresh.
        const auto& all = s.proxy.exchanges();
        const auto lost = std::find_if(all.cbegin(), all.cend(),
                                       [](const Exchange& e) { return e.fault.kind == Fault::Kind::SwallowReply; });
        QVERIFY(lost != all.cend());
        const QStringList before = s.backend.rows();
        QByteArray answer;
        QCOMPARE(sendSigned(s.backend.hq->url(), QStringLiteral("T1"), s.t1.ledger->syncState()->key, kPush,
                            lost->body(), &answer),
                 200);
        QCOMPARE(QJsonDocument::fromJson(answer).object().value(QStringLiteral("acked_seq")).toInteger(), 2 * kBatch);
        QCOMPARE(s.backend.rows(), before);

        // The client's own retry learns HQ's acknowledged seq and sends only what HQ lacks.
        const int pushesBefore = s.pushes();
        QVERIFY2(s.t1.sync(&error), qPrintable(error));
        QCOMPARE(s.pushes(), pushesBefore + 1);
        const auto& after = s.proxy.exchanges();
        const auto lastPush =
            std::find_if(after.crbegin(), after.crend(), [](const Exchange& e) { return e.path == kPush; });
        QVERIFY(lastPush != after.crend());
        const QJsonArray resent =
            QJsonDocument::fromJson(lastPush->body()).object().value(QStringLiteral("entries")).toArray();
        QCOMPARE(resent.first().toObject().value(QStringLiteral("seq")).toInteger(), 2 * kBatch + 1);
        CHECK_SCENE_END(s);
    }

    // HQ's answer cut after N bytes, in its head and in its body.
    void replyCutAfterNBytes_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("nth");
        QTest::addColumn<int>("from");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<bool>("inHead"); // where the cut must fall
        struct Cut {
            const char* name;
            QByteArray method;
            QByteArray path;
            int nth;
            Fault::From from;
            qint64 bytes;
            bool inHead;
        };
        const QList<Cut> cuts = {
            {"push 2: nothing of the reply", kPost, kPush, 2, Fault::From::Start, 0, true},
            {"push 2: 1 byte", kPost, kPush, 2, Fault::From::Start, 1, true},
            {"push 2: inside the status line", kPost, kPush, 2, Fault::From::Start, 11, true},
            {"push 2: inside the headers", kPost, kPush, 2, Fault::From::Start, 40, true},
            {"push 2: head without its blank line", kPost, kPush, 2, Fault::From::BodyStart, -2, true},
            {"push 2: head only", kPost, kPush, 2, Fault::From::BodyStart, 0, false},
            {"push 2: inside the body", kPost, kPush, 2, Fault::From::BodyStart, 12, false},
            {"push 2: all but the last byte", kPost, kPush, 2, Fault::From::End, 1, false},
            {"push 3 (the last): inside the body", kPost, kPush, 3, Fault::From::BodyStart, 20, false},
            {"status: inside the body", "GET", "/v1/status", 2, Fault::From::BodyStart, 5, false},
        };
        for (const Cut& c : cuts)
            addRows(c.name, [&](const QByteArray& row) {
                QTest::newRow(row.constData())
                    << backendOf(row) << c.method << c.path << c.nth << static_cast<int>(c.from) << c.bytes << c.inHead;
            });
    }
    void replyCutAfterNBytes()
    {
        QFETCH(QString, backend);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(int, nth);
        QFETCH(int, from);
        QFETCH(qint64, bytes);
        QFETCH(bool, inHead);
        Scene s(backend);
        QString problem;
        QVERIFY2(s.setUp(&problem), qPrintable(problem));
        // The status row: the first round is clean up to batch 2, which is lost, so the second
        // round's status (the 2nd one) is the one cut.
        if (path == QByteArrayLiteral("/v1/status"))
            s.proxy.setExchangeRule([&, seenStatus = 0, seenPush = 0](const Exchange& e) mutable {
                if (e.path == kPush && ++seenPush == 2)
                    return Fault::swallowReply();
                if (e.path == path && ++seenStatus == nth)
                    return Fault::cutReply(bytes, static_cast<Fault::From>(from));
                return Fault::none();
            });
        else
            s.proxy.faultNth(method, path, nth, Fault::cutReply(bytes, static_cast<Fault::From>(from)));
        QString error;
        QVERIFY2(syncUntilOk(s.t1, 3, &error), qPrintable(error));
        // The cut happened, where the row says.
        const auto& all = s.proxy.exchanges();
        const auto cut = std::find_if(all.cbegin(), all.cend(),
                                      [](const Exchange& e) { return e.fault.kind == Fault::Kind::CutReply; });
        QVERIFY(cut != all.cend());
        QVERIFY(cut->replyComplete);
        QVERIFY2(cut->deliveredBytes < cut->replyBytes,
                 qPrintable(QStringLiteral("%1 of %2").arg(cut->deliveredBytes).arg(cut->replyBytes)));
        QCOMPARE(cut->deliveredBytes < cut->replyHeadBytes, inHead);
        QCOMPARE(cut->replyBytes - cut->replyHeadBytes > 0, true);
        CHECK_SCENE_END(s);
    }

    // HQ dies (SIGKILL) at three moments of the second push, then restarts on its database.
    void hqKilledMidPush_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("moment");
        for (const char* moment : {"request half uploaded", "request on its way", "committed, reply unsent"})
            addRows(moment, [&](const QByteArray& row) {
                QTest::newRow(row.constData()) << backendOf(row) << QString::fromLatin1(moment);
            });
    }
    void hqKilledMidPush()
    {
        QFETCH(QString, backend);
        QFETCH(QString, moment);
        Scene s(backend);
        QString problem;
        QVERIFY2(s.setUp(&problem), qPrintable(problem));
        bool killed = false;
        auto killHq = [&](int exchange) {
            if (killed || s.proxy.exchanges().at(exchange).path != kPush)
                return;
            killed = true;
            s.backend.hq->kill();
        };
        if (moment == QStringLiteral("request half uploaded")) {
            s.proxy.setExchangeRule([seen = 0](const Exchange& e) mutable {
                return e.path == kPush && ++seen == 2 ? Fault::cutRequest(e.request.size() / 2) : Fault::none();
            });
            connect(&s.proxy, &FaultProxy::faultApplied, this, killHq);
        } else if (moment == QStringLiteral("request on its way")) {
            connect(&s.proxy, &FaultProxy::requestForwarded, this, [&, seen = 0](int exchange) mutable {
                if (s.proxy.exchanges().at(exchange).path == kPush && ++seen == 2)
                    killHq(exchange);
            });
        } else {
            s.proxy.faultNth(kPost, kPush, 2, Fault::swallowReply());
            connect(&s.proxy, &FaultProxy::replyArrived, this, [&](int exchange) {
                if (s.proxy.exchanges().at(exchange).fault.kind == Fault::Kind::SwallowReply)
                    killHq(exchange);
            });
        }
        QString error;
        QVERIFY(!s.t1.sync(&error));
        QVERIFY(killed);
        QVERIFY2(error.startsWith(QStringLiteral("HQ unreachable")), qPrintable(error));
        QVERIFY(s.t1.ledger->syncState()->pending() > 0);
        if (moment == QStringLiteral("committed, reply unsent"))
            QCOMPARE(qint64(s.backend.journal(QStringLiteral("T1")).size()), 2 * kBatch);
        if (moment == QStringLiteral("request half uploaded"))
            QCOMPARE(qint64(s.backend.journal(QStringLiteral("T1")).size()), kBatch);
        QVERIFY(s.backend.hq->start()); // same database, same port: the proxy still points at it
        QVERIFY2(s.t1.sync(&error), qPrintable(error));
        CHECK_SCENE_END(s);
    }

    // The terminal's `jifen sync` dies (SIGKILL) at three moments of the second push of its
    // backlog; `jifen sync` run again completes it.
    void terminalKilledMidPush_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("moment");
        for (const char* moment : {"push on its way to HQ", "HQ committed, reply in flight", "reply delivered"})
            addRows(moment, [&](const QByteArray& row) {
                QTest::newRow(row.constData()) << backendOf(row) << QString::fromLatin1(moment);
            });
    }
    void terminalKilledMidPush()
    {
        QFETCH(QString, backend);
        QFETCH(QString, moment);
        Scene s(backend);
        QString problem;
        QVERIFY2(s.setUp(&problem), qPrintable(problem));
        s.t1.close();
        JifenCli cli(s.t1.dir.path());
        int seenPushes = 0;
        bool killed = false;
        auto killAtSecondPush = [&](int exchange) {
            if (s.proxy.exchanges().at(exchange).path != kPush || ++seenPushes != 2)
                return;
            killed = true;
            cli.process().kill();
        };
        QMetaObject::Connection c;
        if (moment == QStringLiteral("push on its way to HQ"))
            c = connect(&s.proxy, &FaultProxy::requestForwarded, this, killAtSecondPush);
        else if (moment == QStringLiteral("HQ committed, reply in flight"))
            c = connect(&s.proxy, &FaultProxy::replyArrived, this, killAtSecondPush);
        else
            c = connect(&s.proxy, &FaultProxy::replyDelivered, this, killAtSecondPush);
        const QStringList syncInBatches{QStringLiteral("sync"), QStringLiteral("--batch"), QString::number(kBatch)};
        QVERIFY(cli.run(syncInBatches));
        QVERIFY(killed);
        QCOMPARE(cli.process().exitStatus(), QProcess::CrashExit);
        disconnect(c);

        QVERIFY(cli.run({QStringLiteral("sync")}));
        QVERIFY2(cli.process().exitStatus() == QProcess::NormalExit && cli.process().exitCode() == 0,
                 qPrintable(cli.describe()));
        QVERIFY(cli.run({QStringLiteral("verify")}));
        QVERIFY2(cli.process().exitCode() == 0, qPrintable(cli.describe()));
        s.t1.reopen();
        CHECK_SCENE_END(s);
    }

    // Connection-level faults: refused connections and a slow proxy; the client retries later.
    void refusedAndDelayedConnections_data()
    {
        QTest::addColumn<QString>("backend");
        addRows("first connection refused, second delayed",
                [](const QByteArray& row) { QTest::newRow(row.constData()) << backendOf(row); });
    }
    void refusedAndDelayedConnections()
    {
        QFETCH(QString, backend);
        Scene s(backend);
        QString problem;
        QVERIFY2(s.setUp(&problem), qPrintable(problem));
        s.proxy.closeConnections(); // so the next request needs a new connection
        const int base = s.proxy.connections();
        s.proxy.setConnectionRule([base](int index) {
            if (index == base)
                return ConnectionFault::refuse();
            return index == base + 1 ? ConnectionFault::delay(50) : ConnectionFault::none();
        });
        s.proxy.faultNth(kPost, kPush, 1, Fault::delay(50));
        QString error;
        QVERIFY2(syncUntilOk(s.t1, 3, &error), qPrintable(error));
        QCOMPARE(s.proxy.refusedConnections(), 1);
        QVERIFY(s.proxy.bytesToServer() > 0 && s.proxy.bytesToClient() > 0);
        CHECK_SCENE_END(s);
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_sync_faults.moc"
