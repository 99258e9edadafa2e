#include "online_redemption.h"

#include "hq_request.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkRequest>

namespace jifen::sync {

OnlineRedemption::OnlineRedemption(Ledger& ledger, QNetworkAccessManager& network, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_network(network)
    , m_clock(clock)
{}

QNetworkReply* OnlineRedemption::send(const QString& path, const QJsonObject& body)
{
    return sendToHq(m_network, HqEndpoint{m_hqUrl, m_terminalId, m_key}, QByteArrayLiteral("POST"), path,
                    QJsonDocument(body).toJson(QJsonDocument::Compact), m_clock.nowUtc().addMSecs(m_offsetMs),
                    kTimeoutMs);
}

void OnlineRedemption::finishWith(const Result<RedeemResult>& result)
{
    if (result)
        emit finished(true, result->toJson(), ErrorCode::BadInput, QString());
    else
        emit finished(false, QJsonObject(), result.error().code, result.error().message);
}

void OnlineRedemption::redeem(const RedeemRequest& request)
{
    m_request = request;
    m_outcome.reset();
    auto quote = m_ledger.quoteRedemption(request);
    auto state = m_ledger.syncState();
    auto id = m_ledger.identity();
    if (!quote || !state || !id || !quote->enrolled || state->key.isEmpty())
        return record(QString()); // the ledger reports bad input, or decides alone when not enrolled
    m_hqUrl = state->hqUrl;
    m_terminalId = id->terminalId;
    m_key = state->key;
    // HQ's time first: a terminal whose clock is off must still sign a fresh request.
    const QDateTime sent = m_clock.nowUtc();
    QNetworkReply* reply =
        sendToHq(m_network, HqEndpoint{m_hqUrl, m_terminalId, QByteArray()}, QByteArrayLiteral("GET"),
                 QStringLiteral("/v1/time"), QByteArray(), sent, kTimeoutMs);
    const QString member = quote->memberUid;
    const Points cost = quote->cost;
    connect(reply, &QNetworkReply::finished, this, [this, reply, sent, member, cost] {
        reply->deleteLater();
        const QDateTime hq = QDateTime::fromString(
            QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("hq_time")).toString(),
            Qt::ISODateWithMs);
        if (reply->error() != QNetworkReply::NoError || !hq.isValid())
            return record(QString()); // offline
        m_offsetMs = sent.msecsTo(hq);
        reserve(member, cost);
    });
}

void OnlineRedemption::reserve(const QString& memberUid, Points cost)
{
    QNetworkReply* reply = send(QStringLiteral("/v1/reserve"), QJsonObject{{QStringLiteral("member_id"), memberUid},
                                                                           {QStringLiteral("points"), cost.value()},
                                                                           {QStringLiteral("ref"), m_request.ref}});
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError) {
            const QString id =
                QJsonDocument::fromJson(data).object().value(QStringLiteral("reservation_id")).toString();
            return record(id);
        }
        // HQ has the member's confirmed balance and says no: that is the answer, HQ's reason in it.
        if (status == 409)
            return finishWith(Error::refused(
                QCoreApplication::translate("jifen::OnlineRedemption", "HQ refused the redemption: HQ answered %1: %2")
                    .arg(status)
                    .arg(hqErrorDetail(reply, data))));
        // HQ unreachable, failing, not knowing the member yet (not synced) or not accepting our
        // signature: decided offline, within the offline limits.
        record(QString());
    });
}

void OnlineRedemption::record(const QString& reservation)
{
    RedeemRequest request = m_request;
    request.reservation = reservation;
    auto result = m_ledger.redeem(request);
    if (reservation.isEmpty())
        return finishWith(result);
    m_outcome = result;
    settle(result ? QByteArrayLiteral("/v1/commit") : QByteArrayLiteral("/v1/void"), reservation);
}

void OnlineRedemption::settle(const QByteArray& path, const QString& reservation)
{
    QNetworkReply* reply =
        send(QString::fromLatin1(path), QJsonObject{{QStringLiteral("reservation_id"), reservation}});
    // Whatever HQ answers, the redemption stands as recorded: a lost commit is settled when the
    // entry is pushed, a lost void times out.
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        finishWith(*m_outcome);
    });
}

} // namespace jifen::sync
