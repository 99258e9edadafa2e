#pragma once

// The sync suites' shared pieces: an in-process terminal (ledger + real SyncClient), a real
// jifen-hq on one backend, and the comparison every scenario ends with.

#include "hq_database.h"
#include "hq_process.h"
#include "hq_request.h"
#include "ledger.h"
#include "store.h"
#include "sync_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace jifen::test {

// The real clock moved by a number of seconds a test can change (a terminal days ahead, or
// forty days passing).
class ShiftedClock final : public Clock {
public:
    explicit ShiftedClock(qint64 secs)
        : m_secs(secs)
    {}
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc().addSecs(m_secs); }
    void setShift(qint64 secs) { m_secs = secs; }

private:
    qint64 m_secs;
};

inline QString phone(int i)
{
    return QStringLiteral("138%1").arg(i, 8, 10, QLatin1Char('0'));
}

// One terminal: its own data directory, ledger and sync client.
struct Terminal {
    QTemporaryDir dir;
    std::unique_ptr<ShiftedClock> clock;
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    QNetworkAccessManager network;
    std::unique_ptr<sync::SyncClient> client;
    int batchEntries = sync::SyncClient::kBatchSize;

    explicit Terminal(const QString& id, qint64 clockShiftSecs = 0)
        : clock(std::make_unique<ShiftedClock>(clockShiftSecs))
    {
        store = Store::open(dir.filePath(QStringLiteral("jifen.db"))).value();
        ledger = std::make_unique<Ledger>(*store, *clock);
        const auto st = ledger->initialize(QStringLiteral("S1"), id, QStringLiteral("fruit"));
        Q_ASSERT(st.ok());
        client = std::make_unique<sync::SyncClient>(*ledger, network, *clock);
    }

    // Pushes of at most n entries from now on, across reopen(): a small backlog then spans batches.
    void useBatches(int n)
    {
        batchEntries = n;
        client->setBatchLimits(n, sync::SyncClient::kMaxBatchBytes);
    }

    // Lets another process (the `jifen` CLI) own the database, then takes it back.
    void close()
    {
        client.reset();
        ledger.reset();
        store.reset();
    }
    void reopen()
    {
        store = Store::open(dir.filePath(QStringLiteral("jifen.db"))).value();
        ledger = std::make_unique<Ledger>(*store, *clock);
        client = std::make_unique<sync::SyncClient>(*ledger, network, *clock);
        client->setBatchLimits(batchEntries, sync::SyncClient::kMaxBatchBytes);
    }

    bool enroll(const QString& url, const QString& code, QString* error = nullptr)
    {
        QSignalSpy spy(client.get(), &sync::SyncClient::enrolled);
        client->enroll(url, code);
        if (!spy.wait(30000))
            return false;
        if (error)
            *error = spy.first().at(1).toString();
        return spy.first().at(0).toBool();
    }

    bool sync(QString* error = nullptr)
    {
        QSignalSpy spy(client.get(), &sync::SyncClient::finished);
        client->syncOnce();
        if (spy.isEmpty() && !spy.wait(120000))
            return false;
        if (error)
            *error = spy.first().at(1).toString();
        return spy.first().at(0).toBool();
    }

    // Sales `from`..`from + count - 1` spread over members `firstMember`.. (`members` of them),
    // added first if new.
    void sell(int from, int count, int members, int firstMember = 0)
    {
        for (int m = firstMember; m < firstMember + members; ++m) {
            if (!ledger->memberByPhone(phone(m)).ok())
                QVERIFY(
                    ledger->addMember({phone(m), QString(), QStringLiteral("会员%1").arg(m), QStringLiteral("person")})
                        .ok());
        }
        for (int i = from; i < from + count; ++i) {
            SaleRequest r;
            r.ref = QStringLiteral("%1-s%2").arg(ledger->identity()->terminalId).arg(i);
            r.phone = phone(firstMember + i % members);
            r.amount = QStringLiteral("%1.%2").arg(10 + i % 300).arg(i % 100, 2, 10, QLatin1Char('0'));
            const auto sale = ledger->sale(r);
            if (!sale)
                QFAIL(qPrintable(QStringLiteral("sale %1: %2").arg(r.ref, sale.error().message)));
        }
    }
};

struct Backend {
    std::unique_ptr<PgDatabase> pg;
    QTemporaryDir dir;
    std::unique_ptr<HqProcess> hq;

    explicit Backend(const QString& kind)
    {
        if (kind == QStringLiteral("postgresql"))
            pg = std::make_unique<PgDatabase>();
        hq = std::make_unique<HqProcess>(dir.path(), pg ? pg->spec() : QString());
    }
    QString code(const QString& terminal)
    {
        int exit = -1;
        const QByteArray out = hq->admin({QStringLiteral("terminal"), QStringLiteral("add"), QStringLiteral("--store"),
                                          QStringLiteral("S1"), QStringLiteral("--terminal"), terminal},
                                         &exit);
        return exit == 0 ? QJsonDocument::fromJson(out).object().value(QStringLiteral("code")).toString() : QString();
    }
    // Store S1 (where code() registers terminals) under merchant M1 with a budget for `month`,
    // which terminal allowances must fit. True when HQ accepted all three.
    bool budget(const QString& month, qint64 points)
    {
        int exit = -1;
        for (const QStringList& step :
             {QStringList{QStringLiteral("merchant"), QStringLiteral("add"), QStringLiteral("--merchant"),
                          QStringLiteral("M1"), QStringLiteral("--name"), QStringLiteral("红米水果"),
                          QStringLiteral("--category"), QStringLiteral("fruit")},
              QStringList{QStringLiteral("store"), QStringLiteral("add"), QStringLiteral("--store"),
                          QStringLiteral("S1"), QStringLiteral("--merchant"), QStringLiteral("M1"),
                          QStringLiteral("--name"), QStringLiteral("一店")},
              QStringList{QStringLiteral("budget"), QStringLiteral("set"), QStringLiteral("--merchant"),
                          QStringLiteral("M1"), QStringLiteral("--month"), month, QStringLiteral("--points"),
                          QString::number(points)}}) {
            hq->admin(step, &exit);
            if (exit != 0)
                return false;
        }
        return true;
    }
    QJsonArray incidents() const
    {
        return QJsonDocument::fromJson(hq->admin({QStringLiteral("incidents")}))
            .object()
            .value(QStringLiteral("incidents"))
            .toArray();
    }
    // Every entry of HQ's journal as "terminal|seq|hash", sorted, duplicates kept.
    QStringList rows() const
    {
        QStringList out;
        auto db = sync::HqDatabase::open(hq->db());
        if (!db)
            return {QStringLiteral("<cannot open HQ's database>")};
        auto q = db.value()->run(QStringLiteral("SELECT terminal_id, seq, hash FROM journal"));
        while (q && q.value()->next())
            out.append(QStringLiteral("%1|%2|%3")
                           .arg(q.value()->value(0).toString())
                           .arg(q.value()->value(1).toLongLong(), 8, 10, QLatin1Char('0'))
                           .arg(q.value()->value(2).toString()));
        out.sort();
        return out;
    }
    // `jifen-hq verify`: exit 0 and {"ok": true}.
    bool verify(QString* report = nullptr) const
    {
        int exit = -1;
        const QByteArray out = hq->admin({QStringLiteral("verify")}, &exit);
        if (report)
            *report = QString::fromUtf8(out);
        return exit == 0 && QJsonDocument::fromJson(out).object().value(QStringLiteral("ok")).toBool();
    }
    // HQ's copy of a terminal's journal: seq -> hash.
    QMap<qint64, QString> journal(const QString& terminal) const
    {
        QMap<qint64, QString> out;
        auto db = sync::HqDatabase::open(hq->db());
        if (!db)
            return out;
        auto q = db.value()->run(QStringLiteral("SELECT seq, hash FROM journal WHERE terminal_id = ?"), {terminal});
        while (q && q.value()->next())
            out.insert(q.value()->value(0).toLongLong(), q.value()->value(1).toString());
        return out;
    }
};

// One request to HQ from outside the client, signed as `terminalId` with `key` at `signTime` as the
// client signs (sync::sendToHq). Waits up to `waitMs` for HQ's answer: the reply is finished unless
// HQ took longer.
inline std::unique_ptr<QNetworkReply>
sendSigned(QNetworkAccessManager& network, const QString& hqUrl, const QString& terminalId, const QByteArray& key,
           const QByteArray& method, const QString& path, const QByteArray& body = QByteArray(),
           const QDateTime& signTime = QDateTime::currentDateTimeUtc(), int waitMs = 10000)
{
    std::unique_ptr<QNetworkReply> reply(
        sync::sendToHq(network, sync::HqEndpoint{hqUrl, terminalId, key}, method, path, body, signTime, waitMs));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(waitMs);
    return reply;
}

inline QMap<qint64, QString> terminalJournal(Ledger& ledger)
{
    QMap<qint64, QString> out;
    const auto entries = ledger.journal();
    for (const JournalEntry& e : entries.value())
        out.insert(e.seq, e.hash);
    return out;
}

// The union of the terminals' journals in Backend::rows()'s form.
inline QStringList unionOfJournals(const QList<Ledger*>& ledgers)
{
    QStringList out;
    for (Ledger* ledger : ledgers) {
        const QString terminal = ledger->identity()->terminalId;
        for (const JournalEntry& e : ledger->journal().value())
            out.append(QStringLiteral("%1|%2|%3").arg(terminal).arg(e.seq, 8, 10, QLatin1Char('0')).arg(e.hash));
    }
    out.sort();
    return out;
}

} // namespace jifen::test
