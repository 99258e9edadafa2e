#pragma once

#include "error.h"
#include "ledger.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QSslCertificate>

namespace jifen::sync {

// The network access manager a terminal talks to HQ with: an ordinary QNetworkAccessManager
// that, for https, also trusts the CA certificates it was given (a private CA, or HQ's
// self-signed certificate) on top of the system's. Passed in like any network manager.
class HqNetworkAccessManager : public QNetworkAccessManager {
    Q_OBJECT
public:
    using QNetworkAccessManager::QNetworkAccessManager;

    // PEM text with one or more certificates; empty PEM trusts nothing extra.
    Status trustCaPem(const QByteArray& pem);
    Status trustCaFile(const QString& path, QByteArray* pem = nullptr);
    // The CA stored with the terminal's enrolment (`jifen enroll --ca`), if any.
    Status trustEnrolledCa(Ledger& ledger);

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* outgoingData) override;

private:
    QList<QSslCertificate> m_trusted; // system CAs + the extra ones; empty: the defaults
};

} // namespace jifen::sync
