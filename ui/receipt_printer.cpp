#include "receipt_printer.h"

#include <QFile>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace jifen {

ReceiptPrinter::ReceiptPrinter(QString target, QObject* parent)
    : QObject(parent)
    , m_target(std::move(target))
{}

void ReceiptPrinter::print(const QByteArray& bytes)
{
    if (m_target.isEmpty()) {
        emit finished(false, tr("No receipt printer is configured (start with --printer)."));
        return;
    }
    if (!m_target.startsWith(QLatin1String("tcp://"))) {
        QFile device(m_target);
        if (!device.open(QIODevice::WriteOnly | QIODevice::Append) || device.write(bytes) != bytes.size() ||
            !device.flush()) {
            emit finished(false, tr("The printer %1 cannot be written: %2").arg(m_target, device.errorString()));
            return;
        }
        emit finished(true, QString());
        return;
    }
    const QUrl url(m_target);
    if (!url.isValid() || url.host().isEmpty()) {
        emit finished(false, tr("The printer address %1 is not tcp://host:port.").arg(m_target));
        return;
    }
    if (m_socket)
        m_socket->abort();
    auto* socket = new QTcpSocket(this);
    m_socket = socket;
    auto done = std::make_shared<bool>(false);
    auto finish = [this, socket, done](bool ok, const QString& error) {
        if (*done)
            return;
        *done = true;
        socket->deleteLater();
        emit finished(ok, error);
    };
    connect(socket, &QTcpSocket::connected, socket, [socket, bytes] {
        socket->write(bytes);
        socket->disconnectFromHost();
    });
    connect(socket, &QTcpSocket::disconnected, this, [finish] { finish(true, QString()); });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket, finish] {
        finish(false, tr("The printer %1 did not take the receipt: %2").arg(m_target, socket->errorString()));
    });
    // A printer that accepts but never answers must not hold the receipt forever.
    QTimer::singleShot(10000, socket, [this, finish] { finish(false, tr("The printer %1 timed out.").arg(m_target)); });
    socket->connectToHost(url.host(), static_cast<quint16>(url.port(9100)));
}

} // namespace jifen
