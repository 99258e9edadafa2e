#include "pin.h"

#include <QMessageAuthenticationCode>

namespace jifen {

QByteArray pbkdf2Sha256(const QByteArray& password, const QByteArray& salt, int iterations, int keyLength)
{
    QByteArray key;
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, password);
    for (quint32 block = 1; key.size() < keyLength; ++block) {
        QByteArray counter(4, '\0');
        counter[0] = static_cast<char>((block >> 24) & 0xff);
        counter[1] = static_cast<char>((block >> 16) & 0xff);
        counter[2] = static_cast<char>((block >> 8) & 0xff);
        counter[3] = static_cast<char>(block & 0xff);
        mac.reset();
        mac.addData(salt);
        mac.addData(counter);
        QByteArray u = mac.result();
        QByteArray t = u;
        for (int i = 1; i < iterations; ++i) {
            mac.reset();
            mac.addData(u);
            u = mac.result();
            for (int j = 0; j < t.size(); ++j)
                t[j] = static_cast<char>(t[j] ^ u[j]);
        }
        key.append(t);
    }
    return key.left(keyLength);
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace jifen
