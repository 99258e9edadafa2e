#include "http_server.h"

#include "clock.h"
#include "hq_status.h"
#include "hq_status_page.h"
#include "logging.h"
#include "signing.h"

#include <QFile>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

#include <thread>

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

// application/x-www-form-urlencoded: '+' is a space, then percent-decoding.
QHash<QString, QString> parseForm(const QByteArray& body)
{
    QHash<QString, QString> out;
    for (const QByteArray& pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        auto decode = [](QByteArray part) {
            return QString::fromUtf8(QByteArray::fromPercentEncoding(part.replace('+', ' ')));
        };
        if (eq > 0)
            out.insert(decode(pair.left(eq)), decode(pair.mid(eq + 1)));
    }
    return out;
}

QString cookieValue(const QByteArray& header, const QByteArray& name)
{
    for (const QByteArray& part : header.split(';')) {
        const QByteArray item = part.trimmed();
        if (item.startsWith(name + '='))
            return QString::fromLatin1(item.mid(name.size() + 1));
    }
    return {};
}

} // namespace

HttpServer::HttpServer(HqService& service, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_service(service)
    , m_sessions(service.clock())
{}

jifen::Status HttpServer::enableTls(const QString& certificateFile, const QString& keyFile)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty())
        return Error::badInput(QStringLiteral("no PEM certificate in %1").arg(certificateFile));
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("cannot read %1: %2").arg(keyFile, file.errorString()));
    const QByteArray pem = file.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return Error::badInput(QStringLiteral("no unencrypted PEM RSA or EC private key in %1").arg(keyFile));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    sslSetup(config);
    m_tls = true;
    return Ok{};
}

void HttpServer::replyPage(const QHttpServerRequest& request, QTcpSocket* socket, int status, const QByteArray& html,
                           const Headers& extra)
{
    qCInfo(lcHq).noquote() << request.url().path() << status;
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<Status>(status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=utf-8"));
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    responder.writeHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    // No script, nothing from elsewhere: inline style and the inline SVG charts only.
    responder.writeHeader(QByteArrayLiteral("Content-Security-Policy"),
                          QByteArrayLiteral("default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                                            " frame-ancestors 'none'; base-uri 'none'"));
    for (const auto& [name, value] : extra)
        responder.writeHeader(name, value);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(html.size()));
    responder.writeBody(html);
}

QByteArray HttpServer::sessionCookie(const QString& token, qint64 maxAgeSecs) const
{
    return QByteArray(kSessionCookie) + '=' + token.toLatin1() +
           QByteArrayLiteral("; Path=/; HttpOnly; SameSite=Strict; Max-Age=") + QByteArray::number(maxAgeSecs) +
           (m_tls ? QByteArrayLiteral("; Secure") : QByteArray());
}

bool HttpServer::handlePage(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QString path = request.url().path();
    const auto method = request.method();
    const bool post = method == QHttpServerRequest::Method::Post;
    const bool get = method == QHttpServerRequest::Method::Get;
    const QString token = cookieValue(request.value(QByteArrayLiteral("Cookie")), kSessionCookie);
    const auto seeOther = [&](const QByteArray& location, const Headers& extra = {}) {
        Headers headers = extra;
        headers.emplace_back(QByteArrayLiteral("Location"), location);
        replyPage(request, socket, static_cast<int>(Status::SeeOther), QByteArray(), headers);
    };
    if (get && (path == QStringLiteral("/") || path.isEmpty())) {
        seeOther(QByteArrayLiteral("/status"));
        return true;
    }
    if (get && path == QStringLiteral("/login")) {
        replyPage(request, socket, static_cast<int>(Status::Ok), renderLoginPage({}));
        return true;
    }
    if (post && path == QStringLiteral("/login")) {
        const QHash<QString, QString> form = parseForm(request.body());
        const QString name = form.value(QStringLiteral("name")).trimmed();
        const QString address = request.remoteAddress().toString();
        if (const qint64 wait = m_sessions.lockedForSecs(name, address); wait > 0) {
            qCWarning(lcHq).noquote() << "login refused (throttled) for" << name << "from" << address;
            replyPage(
                request, socket, static_cast<int>(Status::TooManyRequests),
                renderLoginPage(
                    QStringLiteral("Too many failed logins. Try again in %1 minute(s).").arg((wait + 59) / 60), name),
                {{QByteArrayLiteral("Retry-After"), QByteArray::number(wait)}});
            return true;
        }
        auto ok = m_service.checkOperator(name, form.value(QStringLiteral("password")));
        if (!ok) {
            replyPage(request, socket, static_cast<int>(Status::InternalServerError),
                      renderLoginPage(QStringLiteral("HQ storage failure; see the server log."), name));
            qCWarning(lcHq).noquote() << ok.error().message;
            return true;
        }
        if (!ok.value()) {
            m_sessions.recordFailure(name, address);
            qCWarning(lcHq).noquote() << "failed login for" << name << "from" << address;
            replyPage(request, socket, static_cast<int>(Status::Unauthorized),
                      renderLoginPage(QStringLiteral("Wrong name or password."), name));
            return true;
        }
        const QString session = m_sessions.start(name, address);
        qCInfo(lcHq).noquote() << "operator" << name << "logged in from" << address;
        seeOther(QByteArrayLiteral("/status"),
                 {{QByteArrayLiteral("Set-Cookie"), sessionCookie(session, OperatorSessions::kSessionSecs)}});
        return true;
    }
    if (post && path == QStringLiteral("/logout")) {
        m_sessions.end(token);
        seeOther(QByteArrayLiteral("/login"), {{QByteArrayLiteral("Set-Cookie"), sessionCookie(QString(), 0)}});
        return true;
    }
    if (get && path == QStringLiteral("/status")) {
        const auto name = m_sessions.operatorFor(token);
        if (!name) {
            seeOther(QByteArrayLiteral("/login"));
            return true;
        }
        auto status = m_service.status();
        if (!status) {
            qCWarning(lcHq).noquote() << status.error().message;
            replyPage(request, socket, static_cast<int>(Status::InternalServerError),
                      QByteArrayLiteral("<!DOCTYPE html><title>Jifen HQ</title><p>HQ storage failure; see the server"
                                        " log.</p>"));
            return true;
        }
        replyPage(request, socket, static_cast<int>(Status::Ok), renderStatusPage(status.value(), *name));
        return true;
    }
    return false;
}

void HttpServer::reply(const QHttpServerRequest& request, QTcpSocket* socket, const QJsonObject& body, int status)
{
    qCInfo(lcHq).noquote() << request.url().path() << status
                           << QString::fromLatin1(request.value(QByteArrayLiteral("X-Jifen-Terminal")));
    QHttpServerResponder responder = makeResponder(request, socket);
    // Compact: a pull page can hold a hundred thousand lots, and indentation would double its bytes.
    responder.write(QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
                    static_cast<Status>(status));
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
                            {QStringLiteral("message"),
                             QStringLiteral("request body of %1 bytes is over HQ's limit of 16 MiB (%2 bytes);"
                                            " send fewer entries per push")
                                 .arg(request.body().size())
                                 .arg(kMaxBodyBytes)}}}},
              static_cast<int>(Status::PayloadTooLarge));
        return true;
    }
    if (!path.startsWith(QStringLiteral("/v1/")) && handlePage(request, socket))
        return true;
    // A push body is megabytes: its digest (for the signature check) is made on a second thread
    // while this one parses it. Declared before the thread, which joins when it goes out of scope.
    const QByteArray raw = request.body();
    QByteArray digest;
    std::jthread hasher;
    if (post && raw.size() >= kParallelDigestBytes)
        hasher = std::jthread([&raw, &digest] { digest = bodyDigest(raw); });
    QJsonObject body;
    if (post) {
        QJsonParseError perr{};
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &perr);
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
        raw,
        QString::fromLatin1(request.value(QByteArrayLiteral("X-Jifen-Terminal"))),
        QString::fromLatin1(request.value(QByteArrayLiteral("X-Jifen-Timestamp"))),
        QString::fromLatin1(request.value(QByteArrayLiteral("X-Jifen-Nonce"))),
        QString::fromLatin1(request.value(QByteArrayLiteral("X-Jifen-Signature"))),
        QByteArray()};
    if (hasher.joinable()) {
        hasher.join();
        signedRequest.bodyDigest = digest;
    }
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
