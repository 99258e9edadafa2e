#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>

namespace jifen::sync {

// Where a terminal's requests go and how they are signed.
struct HqEndpoint {
    QString baseUrl; // "http://host:port", no trailing slash
    QString terminalId;
    QByteArray key; // empty: unsigned (time, enrolment)
};

// Sends one JSON request to HQ, signed with the terminal's key at `signTime` (HQ's time as the
// terminal best knows it) unless the endpoint has no key.
QNetworkReply* sendToHq(QNetworkAccessManager& network, const HqEndpoint& hq, const QByteArray& method,
                        const QString& path, const QByteArray& body, const QDateTime& signTime, int timeoutMs);

// HQ's JSON error message with the HTTP status, or the transport error when HQ did not answer.
QString hqReplyError(QNetworkReply* reply, const QByteArray& body);
// True when HQ itself answered (any HTTP status), false when it could not be reached.
bool hqAnswered(QNetworkReply* reply);

} // namespace jifen::sync
