#include "hq_request.h"

#include "signing.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>

namespace jifen::sync {

QNetworkReply* sendToHq(QNetworkAccessManager& network, const HqEndpoint& hq, const QByteArray& method,
                        const QString& path, const QByteArray& body, const QDateTime& signTime, int timeoutMs)
{
    QNetworkRequest request(QUrl(hq.baseUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(timeoutMs);
    if (!hq.key.isEmpty()) {
        const SignedHeaders h = signRequest(hq.terminalId, hq.key, method, path.toLatin1(), body, signTime);
        request.setRawHeader(QByteArrayLiteral("X-Jifen-Terminal"), h.terminalId.toLatin1());
        request.setRawHeader(QByteArrayLiteral("X-Jifen-Timestamp"), h.timestamp.toLatin1());
        request.setRawHeader(QByteArrayLiteral("X-Jifen-Nonce"), h.nonce.toLatin1());
        request.setRawHeader(QByteArrayLiteral("X-Jifen-Signature"), h.signature.toLatin1());
    }
    return network.sendCustomRequest(request, method, body);
}

QString hqReplyError(QNetworkReply* reply, const QByteArray& body)
{
    const QString message = QJsonDocument::fromJson(body)
                                .object()
                                .value(QStringLiteral("error"))
                                .toObject()
                                .value(QStringLiteral("message"))
                                .toString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!message.isEmpty())
        return QStringLiteral("HQ answered %1: %2").arg(status).arg(message);
    if (status > 0)
        return QStringLiteral("HQ answered %1: %2").arg(status).arg(reply->errorString());
    return QStringLiteral("HQ unreachable: %1").arg(reply->errorString());
}

bool hqAnswered(QNetworkReply* reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0;
}

} // namespace jifen::sync
