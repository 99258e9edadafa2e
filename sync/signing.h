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
// The same, from the body's digest (HQ hashes a large body while it parses it).
QByteArray canonicalRequestFromDigest(const QByteArray& method, const QByteArray& path, const QByteArray& bodyDigest,
                                      const QString& timestamp, const QString& nonce);
// hex(SHA-256(body)), as the canonical request holds it.
QByteArray bodyDigest(const QByteArray& body);
QString sign(const QByteArray& key, const QByteArray& canonical);
SignedHeaders signRequest(const QString& terminalId, const QByteArray& key, const QByteArray& method,
                          const QByteArray& path, const QByteArray& body, const QDateTime& now);
QString newNonce();

// Requests more than this far from HQ's clock are refused (replay window).
constexpr qint64 kMaxClockSkewSecs = qint64(5) * 60;

} // namespace jifen::sync
