#pragma once

#include <QByteArray>
#include <QString>

namespace jifen {

// PBKDF2-HMAC-SHA256 of a PIN. Written here because Qt's QPasswordDigestor lives in Qt Network,
// which core must not link.
QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int keyLength = 32);

constexpr int kPinIterations = 120000;

// Constant-time comparison: the time taken does not reveal where two hashes first differ.
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);

} // namespace jifen
