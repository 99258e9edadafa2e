#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace jifen::sync {

// Request authentication (docs/sync-protocol.md): HMAC-SHA256 with the terminal's key over
//   METHOD "\n" PATH "\n" hex(SHA-256(body)) "\n" TIMESTAMP "\n" NONCE
struct SignedHeaders {
    QString terminalId;
    QString timestamp; // ISO 8601 UTC, milliseconds
    QString nonce;     // 32 hex characters, never reused
    QString signature; // hex
};

QByteArray canonicalRequest(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                            const QString& timestamp, const QString& nonce);
QString sign(const QByteArray& key, const QByteArray& canonical);
SignedHeaders signRequest(const QString& terminalId, const QByteArray& key, const QByteArray& method,
                          const QByteArray& path, const QByteArray& body, const QDateTime& now);
QString newNonce();

// Requests more than this far from HQ's clock are refused (replay window).
constexpr qint64 kMaxClockSkewSecs = qint64(5) * 60;

} // namespace jifen::sync
