#include "signing.h"

#include "clock.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace jifen::sync {

QByteArray canonicalRequest(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                            const QString& timestamp, const QString& nonce)
{
    return canonicalRequestFromDigest(method, path, bodyDigest(body), timestamp, nonce);
}

QByteArray canonicalRequestFromDigest(const QByteArray& method, const QByteArray& path, const QByteArray& bodyDigest,
                                      const QString& timestamp, const QString& nonce)
{
    return method + '\n' + path + '\n' + bodyDigest + '\n' + timestamp.toLatin1() + '\n' + nonce.toLatin1();
}

QByteArray bodyDigest(const QByteArray& body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
}

QString sign(const QByteArray& key, const QByteArray& canonical)
{
    return QString::fromLatin1(QMessageAuthenticationCode::hash(canonical, key, QCryptographicHash::Sha256).toHex());
}

QString newNonce()
{
    QByteArray bytes(16, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), 4);
    return QString::fromLatin1(bytes.toHex());
}

SignedHeaders signRequest(const QString& terminalId, const QByteArray& key, const QByteArray& method,
                          const QByteArray& path, const QByteArray& body, const QDateTime& now)
{
    SignedHeaders h;
    h.terminalId = terminalId;
    h.timestamp = formatInstant(now);
    h.nonce = newNonce();
    h.signature = sign(key, canonicalRequest(method, path, body, h.timestamp, h.nonce));
    return h;
}

} // namespace jifen::sync
