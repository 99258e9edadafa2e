#pragma once

#include "hq_service.h"
#include "operator_sessions.h"

#include <QAbstractHttpServer>

#include <utility>
#include <vector>

namespace jifen::sync {

// The HQ HTTP API (docs/sync-protocol.md). All of Qt HttpServer's API is used here and only
// here: it changed in Qt 6.5, so this file is the one place to adapt.
class HttpServer final : public QAbstractHttpServer {
public:
    explicit HttpServer(HqService& service, QObject* parent = nullptr);

    static constexpr qsizetype kMaxBodyBytes = qsizetype(16) * 1024 * 1024;
    // Bodies from this size on are digested on a second thread while they are parsed.
    static constexpr qsizetype kParallelDigestBytes = qsizetype(256) * 1024;

    // Serves HTTPS instead of HTTP: a PEM certificate (chain) and its PEM private key (RSA or
    // EC, unencrypted). Call before listen().
    Status enableTls(const QString& certificateFile, const QString& keyFile);
    static constexpr const char* kSessionCookie = "jifen_hq_session";

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    // The operator status page: /login, /logout, /status (hq_status_page.*).
    bool handlePage(const QHttpServerRequest& request, QTcpSocket* socket);
    using Headers = std::vector<std::pair<QByteArray, QByteArray>>;
    static void replyPage(const QHttpServerRequest& request, QTcpSocket* socket, int status, const QByteArray& html,
                          const Headers& extra = {});
    QByteArray sessionCookie(const QString& token, qint64 maxAgeSecs) const;
    static void reply(const QHttpServerRequest& request, QTcpSocket* socket, const QJsonObject& body, int status);
    static void replyError(const QHttpServerRequest& request, QTcpSocket* socket, const Error& error);

    HqService& m_service;
    OperatorSessions m_sessions;
    bool m_tls = false;
};

} // namespace jifen::sync
