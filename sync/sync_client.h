#pragma once

#include "ledger.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>

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
    void syncOnce();
    bool busy() const { return m_busy; }

    static constexpr int kBatchSize = 1000;
    static constexpr int kPullPageSize = 500;
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
    void pushNext();
    void pullNext();
    void fail(const QString& error);
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
    QStringList m_warnings;
    int m_requestTimeoutMs = kDefaultRequestTimeoutMs;
};

} // namespace jifen::sync
