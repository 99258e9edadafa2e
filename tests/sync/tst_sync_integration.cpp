// The real terminal client against the real jifen-hq on 127.0.0.1, on SQLite and PostgreSQL:
// every committed entry reaches HQ exactly once, whatever happens in between.

#include "http_server.h"
#include "signing.h"
#include "sync_harness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace jifen;
using namespace jifen::test;

class TestSyncIntegration : public QObject {
    Q_OBJECT
private slots:
    void backlogReachesHqExactlyOnce_data() { addBackendRows("3,000-entry offline backlog"); }
    void backlogReachesHqExactlyOnce()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        if (b.pg && b.pg->spec().isEmpty())
            QFAIL("cannot create a PostgreSQL test database");
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        for (int m = 0; m < 25; ++m)
            QVERIFY(
                t.ledger->addMember({phone(m), QString(), QStringLiteral("会员%1").arg(m), QStringLiteral("person")})
                    .ok());
        t.sell(0, 3000, 25); // offline: HQ has never heard of this terminal's sales
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(b.journal(QStringLiteral("T1")), terminalJournal(*t.ledger));
        QCOMPARE(t.ledger->syncState()->pending(), 0);

        // A second round finds nothing to do and duplicates nothing.
        t.sell(3000, 10, 25);
        QVERIFY2(t.sync(&error), qPrintable(error));
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(b.journal(QStringLiteral("T1")), terminalJournal(*t.ledger));
        for (int m = 0; m < 25; m += 6) {
            const QJsonObject hqMember =
                QJsonDocument::fromJson(b.hq->admin({QStringLiteral("member"), QStringLiteral("show"),
                                                     QStringLiteral("--phone"), phone(m)}))
                    .object();
            QCOMPARE(hqMember.value(QStringLiteral("balance")).toInteger(),
                     t.ledger->memberByPhone(phone(m))->balance.value());
        }
        int exit = -1;
        b.hq->admin({QStringLiteral("verify")}, &exit);
        QCOMPARE(exit, 0);
        QVERIFY(b.incidents().isEmpty());
    }

    // The client splits a backlog by entries and by body bytes, and reads the next batch while
    // HQ stores the one in flight: every entry still arrives once, in order, and each push
    // stays within its byte budget.
    void backlogSplitsByByteLimit_data()
    {
        QTest::addColumn<int>("entries");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<int>("minPushes");
        QTest::newRow("by entries: 7 per push") << 7 << qint64(1 << 20) << 15;
        QTest::newRow("by bytes: about 3 entries per push") << 5000 << qint64(2000) << 30;
        QTest::newRow("budget below one entry: one per push") << 5000 << qint64(10) << 100;
    }
    void backlogSplitsByByteLimit()
    {
        QFETCH(int, entries);
        QFETCH(qint64, bytes);
        QFETCH(int, minPushes);
        Backend b(QStringLiteral("sqlite"));
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        for (int m = 0; m < 5; ++m)
            QVERIFY(
                t.ledger->addMember({phone(m), QString(), QStringLiteral("会员%1").arg(m), QStringLiteral("person")})
                    .ok());
        t.sell(0, 100, 5);
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        t.client->setBatchLimits(entries, bytes);
        QSignalSpy progress(t.client.get(), &sync::SyncClient::progress);
        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error));
        QVERIFY2(progress.size() >= minPushes, qPrintable(QString::number(progress.size())));
        qint64 previous = 0;
        for (const QList<QVariant>& p : progress) {
            QVERIFY(p.at(0).toLongLong() > previous);
            previous = p.at(0).toLongLong();
        }
        QCOMPARE(previous, t.ledger->syncState()->lastSeq);
        QCOMPARE(b.journal(QStringLiteral("T1")), terminalJournal(*t.ledger));
        QCOMPARE(t.ledger->syncState()->pending(), 0);
        QCOMPARE(t.ledger->unpushedMembers(100)->size(), 0);
        // The ledger's batches: within the budget past the first entry, and the same JSON as
        // JournalEntry::toJson.
        const QList<JournalEntry> all = t.ledger->journal().value();
        auto batch = t.ledger->journalBatch(0, entries, bytes);
        QVERIFY(batch.ok());
        QVERIFY(batch->count >= 1);
        QVERIFY(batch->count == 1 || batch->json.size() <= bytes);
        const QJsonArray sent = QJsonDocument::fromJson(batch->json).array();
        QCOMPARE(sent.size(), batch->count);
        for (int i = 0; i < sent.size(); ++i)
            QCOMPARE(sent.at(i).toObject(), all.at(i).toJson());
        QCOMPARE(batch->lastSeq, all.at(batch->count - 1).seq);
    }

    void enrolmentCodeWorksOnce_data() { addBackendRows("code reused"); }
    void enrolmentCodeWorksOnce()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        const QString code = b.code(QStringLiteral("T1"));
        QVERIFY(!code.isEmpty());
        Terminal first(QStringLiteral("T1"));
        QVERIFY(first.enroll(b.hq->url(), code));
        Terminal second(QStringLiteral("T1"));
        QString error;
        QVERIFY(!second.enroll(b.hq->url(), code, &error));
        QVERIFY2(error.contains(QStringLiteral("already used")), qPrintable(error));
        QVERIFY(second.ledger->syncState()->key.isEmpty());
    }

    void tamperedEntryIsRefused_data() { addBackendRows("entry edited before push"); }
    void tamperedEntryIsRefused()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.ledger->addMember({phone(1), QString(), QStringLiteral("王五"), QStringLiteral("person")}).ok());
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        t.sell(0, 5, 2);
        QVERIFY(t.sync());
        t.sell(5, 5, 2);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            raw.setDatabaseName(t.dir.filePath(QStringLiteral("jifen.db")));
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("DROP TRIGGER journal_no_update")));
            QVERIFY(q.exec(QStringLiteral("UPDATE journal SET points = points + 1000 WHERE seq = 8")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QString error;
        QVERIFY(!t.sync(&error));
        QVERIFY2(error.contains(QStringLiteral("chain")), qPrintable(error));
        QCOMPARE(b.journal(QStringLiteral("T1")).size(), 5); // the batch holding seq 8 is refused whole
        const QJsonArray incidents = b.incidents();
        QCOMPARE(incidents.size(), 1);
        QCOMPARE(incidents.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("chain-broken"));
        QCOMPARE(incidents.first().toObject().value(QStringLiteral("seq")).toInteger(), 8);
    }

    void reusedSeqIsRefused_data() { addBackendRows("replaced database"); }
    void reusedSeqIsRefused()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal original(QStringLiteral("T1"));
        QVERIFY(
            original.ledger->addMember({phone(1), QString(), QStringLiteral("赵六"), QStringLiteral("person")}).ok());
        QVERIFY(original.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        original.sell(0, 6, 2);
        QVERIFY(original.sync());
        // A second database claiming to be T1 (same key), with different entries under 1..3.
        Terminal impostor(QStringLiteral("T1"));
        QVERIFY(impostor.ledger->saveEnrollment(b.hq->url(), original.ledger->syncState()->key).ok());
        QVERIFY(
            impostor.ledger->addMember({phone(2), QString(), QStringLiteral("钱七"), QStringLiteral("person")}).ok());
        impostor.sell(100, 3, 1);
        QString error;
        QVERIFY(!impostor.sync(&error));
        QVERIFY2(error.contains(QStringLiteral("journal ends")),
                 qPrintable(error)); // HQ is ahead: refused before pushing
        impostor.sell(103, 10, 1);
        // The client sends only what follows HQ's acknowledged seq: that no longer chains on.
        QVERIFY(!impostor.sync(&error));
        QVERIFY2(error.contains(QStringLiteral("chain")), qPrintable(error));
        // Sent again under seqs HQ already holds (a client that lost its place): refused as well.
        QJsonArray entries;
        for (const JournalEntry& e : impostor.ledger->journal(0, 3).value())
            entries.append(e.toJson());
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("entries"), entries}}).toJson(QJsonDocument::Compact);
        QNetworkAccessManager nam;
        const auto reply = sendSigned(nam, b.hq->url(), QStringLiteral("T1"), original.ledger->syncState()->key, "POST",
                                      QStringLiteral("/v1/push"), body);
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 409);
        QVERIFY(reply->readAll().contains("different entry"));
        QCOMPARE(b.journal(QStringLiteral("T1")), terminalJournal(*original.ledger));
        QStringList kinds;
        for (const auto& v : b.incidents())
            kinds.append(v.toObject().value(QStringLiteral("kind")).toString());
        QVERIFY2(kinds.contains(QStringLiteral("chain-broken")), qPrintable(kinds.join(u',')));
        const bool found = kinds.contains(QStringLiteral("seq-reused"));
        QVERIFY(found);
    }

    void badRequestsAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("unsigned") << QStringLiteral("unsigned");
        QTest::newRow("wrong signature") << QStringLiteral("wrong-signature");
        QTest::newRow("signed with another key") << QStringLiteral("other-key");
        QTest::newRow("stale by ten minutes") << QStringLiteral("stale");
        QTest::newRow("replayed nonce") << QStringLiteral("replay");
        QTest::newRow("unknown terminal") << QStringLiteral("unknown-terminal");
    }
    void badRequestsAreRefused()
    {
        QFETCH(QString, kind);
        Backend b(QStringLiteral("sqlite"));
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        const QByteArray key = t.ledger->syncState()->key;
        QNetworkAccessManager nam;
        auto send = [&](const sync::SignedHeaders& h) {
            QNetworkRequest request(QUrl(b.hq->url() + QStringLiteral("/v1/status")));
            if (kind != QStringLiteral("unsigned")) {
                request.setRawHeader("X-Jifen-Terminal", h.terminalId.toLatin1());
                request.setRawHeader("X-Jifen-Timestamp", h.timestamp.toLatin1());
                request.setRawHeader("X-Jifen-Nonce", h.nonce.toLatin1());
                request.setRawHeader("X-Jifen-Signature", h.signature.toLatin1());
            }
            QNetworkReply* reply = nam.get(request);
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(10000);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
            return status;
        };
        const QDateTime now = QDateTime::currentDateTimeUtc();
        sync::SignedHeaders h = sync::signRequest(QStringLiteral("T1"), key, "GET", "/v1/status", QByteArray(), now);
        if (kind == QStringLiteral("replay")) {
            QCOMPARE(send(h), 200); // the first use is fine...
            QCOMPARE(send(h), 401); // ...the same nonce again is not
            return;
        }
        if (kind == QStringLiteral("wrong-signature"))
            h.signature = QString(64, QLatin1Char('0'));
        if (kind == QStringLiteral("other-key"))
            h = sync::signRequest(QStringLiteral("T1"), QByteArray(32, 'x'), "GET", "/v1/status", QByteArray(), now);
        if (kind == QStringLiteral("stale"))
            h = sync::signRequest(QStringLiteral("T1"), key, "GET", "/v1/status", QByteArray(), now.addSecs(-600));
        if (kind == QStringLiteral("unknown-terminal"))
            h = sync::signRequest(QStringLiteral("T9"), key, "GET", "/v1/status", QByteArray(), now);
        QCOMPARE(send(h), 401);
    }

    // The ±5 minute window, from both sides.
    void timestampWindow_data()
    {
        QTest::addColumn<int>("offsetSecs");
        QTest::addColumn<int>("status");
        QTest::newRow("10 minutes behind") << -600 << 401;
        QTest::newRow("5 min 1 s behind") << -301 << 401;
        QTest::newRow("4 min 50 s behind") << -290 << 200;
        QTest::newRow("on time") << 0 << 200;
        QTest::newRow("4 min 50 s ahead") << 290 << 200;
        QTest::newRow("5 min 1 s ahead") << 301 << 401;
        QTest::newRow("10 minutes ahead") << 600 << 401;
    }
    void timestampWindow()
    {
        QFETCH(int, offsetSecs);
        QFETCH(int, status);
        Backend b(QStringLiteral("sqlite"));
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        QNetworkAccessManager nam;
        const auto reply =
            sendSigned(nam, b.hq->url(), QStringLiteral("T1"), t.ledger->syncState()->key, "GET",
                       QStringLiteral("/v1/status"), QByteArray(), QDateTime::currentDateTimeUtc().addSecs(offsetSecs));
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 401)
            QVERIFY2(body.value(QStringLiteral("error"))[QStringLiteral("message")].toString().contains(u"5 minutes"),
                     QJsonDocument(body).toJson().constData());
        else
            QCOMPARE(body.value(QStringLiteral("terminal_id")).toString(), QStringLiteral("T1"));
    }

    // A body over the server's limit: refused with a JSON error before anything is parsed; HQ
    // keeps serving.
    void oversizedBodyIsRefused()
    {
        Backend b(QStringLiteral("sqlite"));
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        QByteArray body = QByteArrayLiteral("{\"entries\": [], \"pad\": \"");
        body.append(sync::HttpServer::kMaxBodyBytes, 'x');
        body.append("\"}");
        QCOMPARE(body.size() > sync::HttpServer::kMaxBodyBytes, true);
        QNetworkAccessManager nam;
        const auto reply = sendSigned(nam, b.hq->url(), QStringLiteral("T1"), t.ledger->syncState()->key, "POST",
                                      QStringLiteral("/v1/push"), body, QDateTime::currentDateTimeUtc(), 60000);
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 413);
        const QJsonObject error = QJsonDocument::fromJson(reply->readAll()).object().value(u"error").toObject();
        QCOMPARE(error.value(u"code").toString(), QStringLiteral("too_large"));
        QVERIFY2(error.value(u"message").toString().contains(QStringLiteral("16 MiB")),
                 qPrintable(error.value(u"message").toString()));
        // Still serving: a normal sync goes through.
        t.sell(0, 5, 1);
        QString message;
        QVERIFY2(t.sync(&message), qPrintable(message));
        QCOMPARE(b.journal(QStringLiteral("T1")), terminalJournal(*t.ledger));
    }

    // An enrolled terminal pushing another terminal's entries (signed with its own key).
    void foreignEntriesAreRefused_data() { addBackendRows("T2 pushes T1's entries"); }
    void foreignEntriesAreRefused()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal t1(QStringLiteral("T1"));
        Terminal t2(QStringLiteral("T2"));
        QVERIFY(t1.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        QVERIFY(t2.enroll(b.hq->url(), b.code(QStringLiteral("T2"))));
        t1.sell(0, 5, 2);
        QJsonArray entries;
        for (const JournalEntry& e : t1.ledger->journal().value())
            entries.append(e.toJson());
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("protocol"), 1},
                                                          {QStringLiteral("members"), QJsonArray()},
                                                          {QStringLiteral("entries"), entries}})
                                    .toJson(QJsonDocument::Compact);
        QNetworkAccessManager nam;
        const auto reply = sendSigned(nam, b.hq->url(), QStringLiteral("T2"), t2.ledger->syncState()->key, "POST",
                                      QStringLiteral("/v1/push"), body);
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 409);
        QVERIFY(reply->readAll().contains("entries of another terminal are refused"));
        QVERIFY(b.rows().isEmpty()); // nothing stored, under either terminal
        const QJsonArray incidents = b.incidents();
        QCOMPARE(incidents.size(), 1);
        QCOMPARE(incidents.first()[QStringLiteral("kind")].toString(), QStringLiteral("foreign-entry"));
        QCOMPARE(incidents.first()[QStringLiteral("terminal_id")].toString(), QStringLiteral("T2"));
        // T1's own push of the same entries is fine.
        QString error;
        QVERIFY2(t1.sync(&error), qPrintable(error));
        QCOMPARE(b.rows(), unionOfJournals({t1.ledger.get(), t2.ledger.get()}));
        QVERIFY(b.verify());
    }

    // A pushed member record's consent: terms and instant together or neither (absent: a terminal
    // older than consents); anything else is bad input and stores nothing.
    void memberConsentIsChecked_data()
    {
        QTest::addColumn<QJsonObject>("consent"); // the record's consent keys
        QTest::addColumn<int>("status");
        QTest::addColumn<QJsonValue>("stored"); // HQ's member show "consent" after a 200
        const QJsonObject agreed{{QStringLiteral("terms"), QStringLiteral("1")},
                                 {QStringLiteral("at"), QStringLiteral("2026-11-26T05:06:59.000Z")}};
        const auto keys = [](const QJsonValue& terms, const QJsonValue& at) {
            return QJsonObject{{QStringLiteral("consent_terms"), terms}, {QStringLiteral("consent_at"), at}};
        };
        const QString at = QStringLiteral("2026-11-26T05:06:59.000Z");
        QTest::newRow("older terminal: no consent keys") << QJsonObject() << 200 << QJsonValue();
        QTest::newRow("both null: none recorded") << keys(QJsonValue(), QJsonValue()) << 200 << QJsonValue();
        QTest::newRow("terms and instant") << keys(QStringLiteral("1"), at) << 200 << QJsonValue(agreed);
        QTest::newRow("instant with an offset, stored as UTC")
            << keys(QStringLiteral("1"), QStringLiteral("2026-11-26T13:06:59+08:00")) << 200 << QJsonValue(agreed);
        QTest::newRow("terms of 16 characters")
            << keys(QStringLiteral("2026-11-privacy1"), at) << 200
            << QJsonValue(QJsonObject{{QStringLiteral("terms"), QStringLiteral("2026-11-privacy1")},
                                      {QStringLiteral("at"), at}});
        QTest::newRow("terms without an instant") << keys(QStringLiteral("1"), QJsonValue()) << 400 << QJsonValue();
        QTest::newRow("instant without terms") << keys(QJsonValue(), at) << 400 << QJsonValue();
        QTest::newRow("empty terms") << keys(QString(), at) << 400 << QJsonValue();
        QTest::newRow("terms of 17 characters") << keys(QStringLiteral("2026-11-privacy12"), at) << 400 << QJsonValue();
        QTest::newRow("terms a number") << keys(1, at) << 400 << QJsonValue();
        QTest::newRow("a date, not an instant")
            << keys(QStringLiteral("1"), QStringLiteral("2026-11-26")) << 400 << QJsonValue();
        QTest::newRow("instant not ISO 8601")
            << keys(QStringLiteral("1"), QStringLiteral("yesterday")) << 400 << QJsonValue();
    }
    void memberConsentIsChecked()
    {
        QFETCH(QJsonObject, consent);
        QFETCH(int, status);
        QFETCH(QJsonValue, stored);
        Backend b(QStringLiteral("sqlite"));
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        QJsonObject member{{QStringLiteral("member_id"), QStringLiteral("8f4b0c36-0d5e-4d7c-9a51-2b7f1c9e0a11")},
                           {QStringLiteral("phone"), phone(7)},
                           {QStringLiteral("card"), QString()},
                           {QStringLiteral("name"), QStringLiteral("王五")},
                           {QStringLiteral("kind"), QStringLiteral("person")},
                           {QStringLiteral("created_at"), QStringLiteral("2026-11-26T05:06:59.000Z")}};
        for (auto it = consent.begin(); it != consent.end(); ++it)
            member.insert(it.key(), it.value());
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("protocol"), 1},
                                                          {QStringLiteral("members"), QJsonArray{member}},
                                                          {QStringLiteral("entries"), QJsonArray()}})
                                    .toJson(QJsonDocument::Compact);
        QNetworkAccessManager nam;
        const auto reply = sendSigned(nam, b.hq->url(), QStringLiteral("T1"), t.ledger->syncState()->key, "POST",
                                      QStringLiteral("/v1/push"), body);
        QVERIFY(reply->isFinished());
        const QByteArray answer = reply->readAll();
        QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == status, answer.constData());
        int exit = -1;
        const QJsonObject shown = QJsonDocument::fromJson(b.hq->admin({QStringLiteral("member"), QStringLiteral("show"),
                                                                       QStringLiteral("--phone"), phone(7)},
                                                                      &exit))
                                      .object();
        if (status != 200) {
            QVERIFY2(answer.contains("consent_terms"), answer.constData()); // the message names the problem
            QCOMPARE(exit, 4);                                              // and nothing was stored
            return;
        }
        QCOMPARE(exit, 0);
        QVERIFY(shown.contains(QStringLiteral("consent")));
        QCOMPARE(shown.value(QStringLiteral("consent")), stored);
    }

    void clockDaysAheadStillSyncs_data() { addBackendRows("terminal clock 3 days ahead"); }
    void clockDaysAheadStillSyncs()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"), qint64(3) * 24 * 3600);
        QVERIFY(t.ledger->addMember({phone(3), QString(), QStringLiteral("孙八"), QStringLiteral("person")}).ok());
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        t.sell(0, 20, 1);
        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(b.journal(QStringLiteral("T1")), terminalJournal(*t.ledger));
        const QJsonObject terminal =
            QJsonDocument::fromJson(b.hq->admin({QStringLiteral("terminal"), QStringLiteral("list")}))
                .object()
                .value(QStringLiteral("terminals"))
                .toArray()
                .first()
                .toObject();
        const qint64 skew = terminal.value(QStringLiteral("clock_skew_secs")).toInteger();
        QVERIFY2(qAbs(skew - qint64(3) * 24 * 3600) < 120, qPrintable(QString::number(skew))); // reported to HQ
    }

    void hqKilledMidPushRecovers_data() { addBackendRows("SIGKILL after the first batch"); }
    void hqKilledMidPushRecovers()
    {
        QFETCH(QString, backend);
        Backend b(backend);
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QVERIFY(t.ledger->addMember({phone(4), QString(), QStringLiteral("周九"), QStringLiteral("person")}).ok());
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        t.useBatches(1000);
        t.sell(0, 2500, 1); // three batches
        QSignalSpy finished(t.client.get(), &sync::SyncClient::finished);
        QObject::connect(
            t.client.get(), &sync::SyncClient::progress, t.client.get(),
            [&](qint64 acked, qint64) {
                if (acked > 0 && acked < 2500)
                    b.hq->kill();
            },
            Qt::SingleShotConnection);
        t.client->syncOnce();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false); // HQ went away mid-push
        QVERIFY(t.ledger->syncState()->pending() > 0);
        QVERIFY(b.hq->start()); // same database, same port
        QString error;
        QVERIFY2(t.sync(&error), qPrintable(error));
        QCOMPARE(b.journal(QStringLiteral("T1")), terminalJournal(*t.ledger));
    }
};

QTEST_GUILESS_MAIN(TestSyncIntegration)
#include "tst_sync_integration.moc"
