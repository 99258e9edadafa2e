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

namespace {

// What went wrong, by what the person at the counter can do about it.
enum class Failure { NoConnection, Timeout, Tls, Unauthorised, Refused, BadInput, NotFound, TooLarge, HqFault, Other };

QJsonObject errorObject(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
}

// HQ's error object carries a code (errorCodeName(), and too_large from its HTTP layer); an
// unauthorised request is code "refused" with 401. Without a code (a gateway's page, no body) the
// status decides.
Failure failureOf(QNetworkReply* reply, bool answered, int status, const QString& code)
{
    if (!answered) {
        switch (reply->error()) {
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError: // the request's transfer timeout
            return Failure::Timeout;
        case QNetworkReply::SslHandshakeFailedError:
            return Failure::Tls;
        default:
            return Failure::NoConnection;
        }
    }
    if (status == 401)
        return Failure::Unauthorised;
    if (code == QLatin1String("refused"))
        return Failure::Refused;
    if (code == QLatin1String("bad_input"))
        return Failure::BadInput;
    if (code == QLatin1String("not_found"))
        return Failure::NotFound;
    if (code == QLatin1String("too_large"))
        return Failure::TooLarge;
    if (code == QLatin1String("storage") || code == QLatin1String("network"))
        return Failure::HqFault;
    switch (status) {
    case 400:
        return Failure::BadInput;
    case 404:
        return Failure::NotFound;
    case 409:
        return Failure::Refused;
    case 413:
        return Failure::TooLarge;
    default:
        return status >= 500 ? Failure::HqFault : Failure::Other;
    }
}

// The source text and disambiguation of a kind's message. The source is the same for every kind
// (the CLI prints it, untranslated); the disambiguation gives each kind a translation of its own,
// saying what to do.
struct Wording {
    const char* source;
    const char* disambiguation;
};

Wording wordingOf(Failure failure)
{
    switch (failure) {
    case Failure::NoConnection:
        return QT_TRANSLATE_NOOP3("jifen::SyncClient", "HQ unreachable: %1", "no connection to HQ");
    case Failure::Timeout:
        return QT_TRANSLATE_NOOP3("jifen::SyncClient", "HQ unreachable: %1", "HQ did not answer in time");
    case Failure::Tls:
        return QT_TRANSLATE_NOOP3("jifen::SyncClient", "HQ unreachable: %1", "no secure connection (TLS) to HQ");
    case Failure::Unauthorised:
        return QT_TRANSLATE_NOOP3("jifen::SyncClient", "HQ answered %1: %2",
                                  "HQ does not accept this terminal's signature (401)");
    case Failure::Refused:
        return QT_TRANSLATE_NOOP3("jifen::SyncClient", "HQ answered %1: %2", "HQ refused the request (409)");
    case Failure::BadInput:
        return QT_TRANSLATE_NOOP3("jifen::SyncClient", "HQ answered %1: %2", "HQ found the request malformed (400)");
    case Failure::NotFound:
        return QT_TRANSLATE_NOOP3("jifen::SyncClient", "HQ answered %1: %2",
                                  "HQ does not know the terminal or what was asked (404)");
    case Failure::TooLarge:
        return QT_TRANSLATE_NOOP3("jifen::SyncClient", "HQ answered %1: %2",
                                  "the request is over HQ's size limit (413)");
    case Failure::HqFault:
        return QT_TRANSLATE_NOOP3("jifen::SyncClient", "HQ answered %1: %2", "HQ failed (500, or a gateway's 5xx)");
    case Failure::Other:
        break;
    }
    return QT_TRANSLATE_NOOP3("jifen::SyncClient", "HQ answered %1: %2", "any other answer from HQ");
}

} // namespace

QString hqErrorDetail(QNetworkReply* reply, const QByteArray& body)
{
    const QString message = errorObject(body).value(QStringLiteral("message")).toString();
    return message.isEmpty() ? reply->errorString() : message;
}

Message hqReplyMessage(QNetworkReply* reply, const QByteArray& body)
{
    const QJsonObject error = errorObject(body);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool answered = status > 0 || !error.value(QStringLiteral("message")).toString().isEmpty();
    const Wording wording =
        wordingOf(failureOf(reply, answered, status, error.value(QStringLiteral("code")).toString()));
    const Message format = Message::translated("jifen::SyncClient", wording.source, wording.disambiguation);
    if (answered)
        return format.arg(status).arg(hqErrorDetail(reply, body));
    return format.arg(reply->errorString());
}

QString hqReplyError(QNetworkReply* reply, const QByteArray& body)
{
    return hqReplyMessage(reply, body).text;
}

bool hqAnswered(QNetworkReply* reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0;
}

} // namespace jifen::sync
