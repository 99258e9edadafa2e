#include "hq_network.h"

#include <QFile>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace jifen::sync {

Status HqNetworkAccessManager::trustCaPem(const QByteArray& pem)
{
    if (pem.trimmed().isEmpty())
        return Ok{};
    const QList<QSslCertificate> extra = QSslCertificate::fromData(pem, QSsl::Pem);
    if (extra.isEmpty())
        return Error::badInput(QStringLiteral("no PEM certificate in the CA file"));
    // Adding CAs to a configuration turns off loading the system's on demand: keep them explicitly.
    if (m_trusted.isEmpty())
        m_trusted = QSslConfiguration::systemCaCertificates();
    m_trusted += extra;
    return Ok{};
}

Status HqNetworkAccessManager::trustCaFile(const QString& path, QByteArray* pem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("cannot read the CA file %1: %2").arg(path, file.errorString()));
    const QByteArray data = file.read(1024 * 1024);
    if (QSslCertificate::fromData(data, QSsl::Pem).isEmpty())
        return Error::badInput(QStringLiteral("no PEM certificate in %1").arg(path));
    if (pem)
        *pem = data;
    return trustCaPem(data);
}

Status HqNetworkAccessManager::trustEnrolledCa(Ledger& ledger)
{
    auto state = ledger.syncState();
    if (!state)
        return state.error();
    return trustCaPem(state->hqCaPem);
}

QNetworkReply* HqNetworkAccessManager::createRequest(Operation op, const QNetworkRequest& request,
                                                     QIODevice* outgoingData)
{
    if (m_trusted.isEmpty() || request.url().scheme() != QStringLiteral("https"))
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    QNetworkRequest trusting(request);
    QSslConfiguration config = trusting.sslConfiguration();
    config.setCaCertificates(m_trusted);
    trusting.setSslConfiguration(config);
    return QNetworkAccessManager::createRequest(op, trusting, outgoingData);
}

} // namespace jifen::sync
