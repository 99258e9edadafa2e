#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class QTcpSocket;

namespace jifen {

// Sends ESC/POS bytes to a receipt printer: a device file ("/dev/usb/lp0", or any file) or a
// network printer's raw port ("tcp://192.168.1.50:9100", port 9100 when omitted). Network
// printing is asynchronous (the window never waits on it); the result arrives in finished().
class ReceiptPrinter : public QObject {
    Q_OBJECT
public:
    explicit ReceiptPrinter(QString target, QObject* parent = nullptr);

    const QString& target() const { return m_target; }
    bool configured() const { return !m_target.isEmpty(); }
    void print(const QByteArray& bytes);

signals:
    void finished(bool ok, const QString& error);

private:
    QString m_target;
    QPointer<QTcpSocket> m_socket;
};

} // namespace jifen
