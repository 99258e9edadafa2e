#include "http_server.h"

#include "clock.h"
#include "logging.h"

#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>

namespace jifen::sync {

namespace {

using Status = QHttpServerResponder::StatusCode;

Status statusFor(const Error& e)
{
    if (e.message.startsWith(QStringLiteral("unauthorised")))
        return Status::Unauthorized;
    switch (e.code) {
    case ErrorCode::BadInput:
        return Status::BadRequest;
    case ErrorCode::Refused:
        return Status::Conflict;
    case ErrorCode::NotFound:
        return Status::NotFound;
    case ErrorCode::Storage:
    case ErrorCode::Network:
        return Status::InternalServerError;
    }
    return Status::InternalServerError;
}

} // namespace

HttpServer::HttpServer(HqService& service, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_service(service)
{}

void HttpServer::reply(const QHttpServerRequest& request, QTcpSocket* socket, const QJsonObject& body, int status)
{
    qCInfo(lcHq).noquote() << request.url().path() << status
                           << QString::fromLatin1(request.value(QByteArrayLiteral("X-Jifen-Terminal")));
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(QJsonDocument(body), static_cast<Status>(status));
}

void HttpServer::replyError(const QHttpServerRequest& request, QTcpSocket* socket, const Error& e)
{
    reply(request, socket,
          QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), errorCodeName(e.code)},
                                                            {QStringLiteral("message"), e.message}}}},
          static_cast<int>(statusFor(e)));
}

bool HttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QString path = request.url().path();
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    if (request.body().size() > kMaxBodyBytes) {
        reply(request, socket,
              {{QStringLiteral("error"),
                QJsonObject{{QStringLiteral("code"), QStringLiteral("too_large")},
                            {QStringLiteral("message"), QStringLiteral("request body too large")}}}},
              static_cast<int>(Status::PayloadTooLarge));
        return true;
    }
    QJsonObject body;
    if (post) {
        QJsonParseError perr{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &perr);
        if (!doc.isObject()) {
            replyError(request, socket, Error::badInput(QStringLiteral("the body must be a JSON object")));
            return true;
        }
        body = doc.object();
    }
    if (get && path == QStringLiteral("/v1/time")) {
        // Unauthenticated: a terminal whose clock is off learns HQ's time before it signs.
        reply(request, socket, {{QStringLiteral("hq_time"), m_service.now()}}, static_cast<int>(Status::Ok));
        return true;
    }
    if (post && path == QStringLiteral("/v1/enroll")) {
        auto r = m_service.enroll(body);
        r ? reply(request, socket, r.value(), static_cast<int>(Status::Ok)) : replyError(request, socket, r.error());
        return true;
    }
    using Handler = Result<QJsonObject> (HqService::*)(const QString&, const QJsonObject&);
    static const QHash<QString, Handler> posts{{QStringLiteral("/v1/push"), &HqService::push},
                                               {QStringLiteral("/v1/pull"), &HqService::pull},
                                               {QStringLiteral("/v1/reserve"), &HqService::reserve},
                                               {QStringLiteral("/v1/commit"), &HqService::commitReservation},
                                               {QStringLiteral("/v1/void"), &HqService::voidReservation}};
    const Handler handler = post ? posts.value(path) : nullptr;
    const bool known = handler || (get && path == QStringLiteral("/v1/status"));
    if (!known)
        return false; // -> missingHandler
    HqService::SignedRequest signedRequest{
        get ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST"),
        request.url().path(QUrl::FullyEncoded).toLatin1() +
            (request.url().hasQuery() ? QByteArray("?") + request.url().query(QUrl::FullyEncoded).toLatin1()
                                      : QByteArray()),
        request.body(),
        QString::fromLatin1(request.value(QByteArrayLiteral("X-Jifen-Terminal"))),
        QString::fromLatin1(request.value(QByteArrayLiteral("X-Jifen-Timestamp"))),
        QString::fromLatin1(request.value(QByteArrayLiteral("X-Jifen-Nonce"))),
        QString::fromLatin1(request.value(QByteArrayLiteral("X-Jifen-Signature")))};
    auto terminal = m_service.authenticate(signedRequest);
    if (!terminal) {
        replyError(request, socket, terminal.error());
        return true;
    }
    auto r = handler ? (m_service.*handler)(terminal.value(), body) : m_service.terminalStatus(terminal.value());
    r ? reply(request, socket, r.value(), static_cast<int>(Status::Ok)) : replyError(request, socket, r.error());
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    replyError(request, socket, Error::notFound(QStringLiteral("no such endpoint: %1").arg(request.url().path())));
}

} // namespace jifen::sync
