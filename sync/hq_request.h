#pragma once

#include "message.h"

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

// Why a request to HQ failed, for people: "HQ answered <status>: <HQ's message>" or "HQ unreachable:
// <transport error>" in English. A translator (jifen-pos; the CLI loads none) turns it, by the
// kind of failure, into a sentence saying what to do, HQ's English detail after it.
Message hqReplyMessage(QNetworkReply* reply, const QByteArray& body);
// Its text alone, in the translator's language.
QString hqReplyError(QNetworkReply* reply, const QByteArray& body);
// HQ's own words: the message of its JSON error ({"error": {"code", "message"}}), or the transport
// error when it sent none.
QString hqErrorDetail(QNetworkReply* reply, const QByteArray& body);
// True when HQ itself answered (any HTTP status), false when it could not be reached.
bool hqAnswered(QNetworkReply* reply);

} // namespace jifen::sync
