#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class QTcpSocket;

namespace jifen {

// Sends ESC/POS bytes to a receipt printer: a device file ("/dev/usb/lp0", or any file) or a
// network printer's raw port ("tcp://192.168.1.50:9100", port 9100 when omitted). Printing is
// asynchronous either way, so the window never waits on a slow or stuck printer: a device file is
// written by a worker thread (QtConcurrent) in small chunks, a network printer through the event
// loop. progress() reports bytes sent; the result arrives in finished(). One job at a time: a
// receipt printed while another is on its way waits for it.
class ReceiptPrinter : public QObject {
    Q_OBJECT
public:
    explicit ReceiptPrinter(QString target, QObject* parent = nullptr);

    const QString& target() const { return m_target; }
    void setTarget(const QString& target) { m_target = target; }
    bool configured() const { return !m_target.isEmpty(); }
    void print(const QByteArray& bytes);

    bool busy() const { return m_busy; }

signals:
    void progress(qint64 sent, qint64 total);
    void finished(bool ok, const QString& error);

private:
    void start(const QByteArray& bytes);
    void printToFile(const QByteArray& bytes);
    void printToSocket(const QByteArray& bytes);
    void done(bool ok, const QString& error);

    QString m_target;
    bool m_busy = false;
    QList<QByteArray> m_queue;
    QPointer<QTcpSocket> m_socket;
};

} // namespace jifen
