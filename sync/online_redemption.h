#pragma once

#include "ledger.h"

#include <QNetworkAccessManager>
#include <QObject>

namespace jifen::sync {

// A redemption at an enrolled terminal, authorised like a card payment: HQ reserves the points
// against its confirmed balance, the terminal records the redemption, then commits (or voids the
// reservation when recording fails). When HQ cannot be reached the redemption is decided offline,
// within the offline limits the ledger enforces. A terminal that is not enrolled decides alone.
class OnlineRedemption : public QObject {
    Q_OBJECT
public:
    OnlineRedemption(Ledger& ledger, QNetworkAccessManager& network, const Clock& clock, QObject* parent = nullptr);

    // How long the counter waits for HQ before deciding offline.
    static constexpr int kTimeoutMs = 5000;

    void redeem(const RedeemRequest& request);

signals:
    // ok: `result` is the RedeemResult as JSON; otherwise `code` and `message` say why.
    void finished(bool ok, const QJsonObject& result, jifen::ErrorCode code, const QString& message);

private:
    void reserve(const QString& memberUid, Points cost);
    void record(const QString& reservation);
    void settle(const QByteArray& path, const QString& reservation);
    void finishWith(const Result<RedeemResult>& result);
    QNetworkReply* send(const QString& path, const QJsonObject& body);

    Ledger& m_ledger;
    QNetworkAccessManager& m_network;
    const Clock& m_clock;
    RedeemRequest m_request;
    QString m_hqUrl;
    QString m_terminalId;
    QByteArray m_key;
    qint64 m_offsetMs = 0;
    std::optional<Result<RedeemResult>> m_outcome;
};

} // namespace jifen::sync
