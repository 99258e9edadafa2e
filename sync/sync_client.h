#pragma once

#include "ledger.h"
#include "message.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>

#include <optional>

namespace jifen::sync {

// The terminal's side of sync: pushes the journal after HQ's acknowledged seq in signed batches.
// The network access manager is passed in (tests give a fake or point it at a local HQ); a sale
// never waits for any of this.
class SyncClient : public QObject {
    Q_OBJECT
public:
    SyncClient(Ledger& ledger, QNetworkAccessManager& network, const Clock& clock, QObject* parent = nullptr);

    // One round: learn HQ's time and acknowledged seq, then push until nothing is pending.
    // Ends with finished(); errors are ErrorCode::Network (HQ unreachable, refused) or Storage.
    // finished() words an error in the installed translator's language, for the window; the
    // ledger's last error (`jifen status`) is the English source text of the client's own and
    // HQ's errors (core's come worded by core).
    void syncOnce();
    bool busy() const { return m_busy; }

    // A push carries at most this many entries and, past its first entry, about this many bytes
    // of body (HQ refuses more than 5,000 entries or 16 MiB: docs/sync-protocol.md).
    static constexpr int kBatchSize = 5000;
    static constexpr qint64 kMaxBatchBytes = qint64(8) * 1024 * 1024;
    // Tests make batches small to see a backlog split.
    void setBatchLimits(int entries, qint64 bytes)
    {
        m_batchEntries = entries;
        m_batchBytes = bytes;
    }
    static constexpr int kPullPageSize = 500;
    // For a client on a window's thread (jifen-pos): each batch is read and encoded, and each pull
    // page applied, between two frames. bench_pos measures a page.
    static constexpr int kWindowBatchEntries = 250;
    static constexpr qint64 kWindowBatchBytes = qint64(512) * 1024;
    static constexpr int kWindowPullMembers = 50;
    void setPullPageSize(int members) { m_pullPageSize = members; }
    // What the last round's pull brought, and what it could not apply (rule sets, allowances).
    const Ledger::PullApplied& pulled() const { return m_pulled; }
    const QStringList& warnings() const { return m_warnings; }
    static constexpr int kDefaultRequestTimeoutMs = 30000;

    // A request that makes no progress for this long is abandoned (the round fails and is
    // retried later); tests shorten it.
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }

    // Exchanges a one-time enrolment code for this terminal's key; the result arrives in
    // enrolled(). Nothing is stored unless HQ accepts the code.
    void enroll(const QString& hqUrl, const QString& code);

signals:
    void progress(qint64 ackedSeq, qint64 lastSeq);
    void finished(bool ok, const QString& error);
    void enrolled(bool ok, const QString& error);

private:
    void fetchTime();
    void fetchStatus();
    // One push's body and what it carries.
    struct Batch {
        QByteArray body;
        qint64 afterSeq = 0;
        qint64 lastSeq = 0; // afterSeq when it carries no entry
        int entries = 0;
        QStringList memberUids;
        QStringList surveyRefs;
        bool empty() const { return entries == 0 && memberUids.isEmpty() && surveyRefs.isEmpty(); }
    };
    // The batch after afterSeq, leaving out members and answers already on their way.
    Result<Batch> prepareBatch(qint64 afterSeq, const QStringList& sentMembers, const QStringList& sentRefs);
    void pushNext();
    void pullNext();
    // Ends the round: the ledger records the English, finished() carries the translation.
    void fail(const Message& why);
    void fail(const Error& error);
    QNetworkReply* send(const QByteArray& method, const QString& path, const QByteArray& body, bool sign);

    Ledger& m_ledger;
    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    Ledger::SyncState m_state;
    QString m_terminalId;
    qint64 m_offsetMs = 0; // HQ time minus this terminal's clock
    bool m_busy = false;
    Ledger::PullApplied m_pulled;
    QDate m_hqDate;
    bool m_expiryDone = false;
    // Set for the rest of a round once this terminal's own lots disagreed with HQ's count.
    bool m_pullEveryLot = false;
    QStringList m_warnings;
    int m_requestTimeoutMs = kDefaultRequestTimeoutMs;
    int m_batchEntries = kBatchSize;
    int m_pullPageSize = kPullPageSize;
    qint64 m_batchBytes = kMaxBatchBytes;
    // The next batch, read and encoded while HQ stores the one in flight; used when HQ
    // acknowledges exactly what was sent.
    std::optional<Batch> m_prepared;
};

} // namespace jifen::sync
