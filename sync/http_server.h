#pragma once

#include "hq_service.h"

#include <QAbstractHttpServer>

namespace jifen::sync {

// The HQ HTTP API (docs/sync-protocol.md). All of Qt HttpServer's API is used here and only
// here: it changed in Qt 6.5, so this file is the one place to adapt.
class HttpServer final : public QAbstractHttpServer {
public:
    explicit HttpServer(HqService& service, QObject* parent = nullptr);

    static constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    static void reply(const QHttpServerRequest& request, QTcpSocket* socket, const QJsonObject& body, int status);
    static void replyError(const QHttpServerRequest& request, QTcpSocket* socket, const Error& error);

    HqService& m_service;
};

} // namespace jifen::sync
