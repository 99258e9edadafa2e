#include "receipt_printer.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QtConcurrent>

namespace jifen {

namespace {

// Runs on a worker thread: writes the receipt in chunks, reporting progress in bytes. The result
// is the error text; empty when all bytes reached the device.
void writeDevice(QPromise<QString>& promise, const QString& path, const QByteArray& bytes)
{
    constexpr qsizetype kChunk = 512;
    promise.setProgressRange(0, static_cast<int>(bytes.size()));
    QFile device(path);
    // A spool file is appended to; a printer's device file is sequential, and Append would make
    // QFile try to seek it (a warning on every receipt).
    const QIODevice::OpenMode mode =
        QFileInfo(path).isFile() ? QIODevice::WriteOnly | QIODevice::Append : QIODevice::WriteOnly;
    if (!device.open(mode)) {
        promise.addResult(device.errorString());
        return;
    }
    for (qsizetype at = 0; at < bytes.size(); at += kChunk) {
        const QByteArray chunk = bytes.mid(at, kChunk);
        if (device.write(chunk) != chunk.size() || !device.flush()) {
            promise.addResult(device.errorString());
            return;
        }
        promise.setProgressValue(static_cast<int>(at + chunk.size()));
    }
    promise.addResult(QString());
}

} // namespace

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
    if (m_busy) {
        m_queue.append(bytes);
        return;
    }
    start(bytes);
}

void ReceiptPrinter::start(const QByteArray& bytes)
{
    m_busy = true;
    emit progress(0, bytes.size());
    if (m_target.startsWith(QLatin1String("tcp://")))
        printToSocket(bytes);
    else
        printToFile(bytes);
}

void ReceiptPrinter::done(bool ok, const QString& error)
{
    m_busy = false;
    emit finished(ok, error);
    if (!m_busy && !m_queue.isEmpty())
        start(m_queue.takeFirst());
}

void ReceiptPrinter::printToFile(const QByteArray& bytes)
{
    auto* watcher = new QFutureWatcher<QString>(this);
    const qint64 total = bytes.size();
    connect(watcher, &QFutureWatcher<QString>::progressValueChanged, this,
            [this, total](int sent) { emit progress(sent, total); });
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, target = m_target] {
        watcher->deleteLater();
        const QString error = watcher->future().resultCount() > 0 ? watcher->result() : tr("interrupted");
        if (error.isEmpty())
            done(true, QString());
        else
            done(false, tr("The printer %1 cannot be written: %2").arg(target, error));
    });
    watcher->setFuture(QtConcurrent::run(writeDevice, m_target, bytes));
}

void ReceiptPrinter::printToSocket(const QByteArray& bytes)
{
    const QUrl url(m_target);
    if (!url.isValid() || url.host().isEmpty()) {
        done(false, tr("The printer address %1 is not tcp://host:port.").arg(m_target));
        return;
    }
    if (m_socket)
        m_socket->abort();
    auto* socket = new QTcpSocket(this);
    m_socket = socket;
    auto over = std::make_shared<bool>(false);
    auto finish = [this, socket, over](bool ok, const QString& error) {
        if (*over)
            return;
        *over = true;
        socket->deleteLater();
        done(ok, error);
    };
    const qint64 total = bytes.size();
    auto sent = std::make_shared<qint64>(0);
    connect(socket, &QTcpSocket::bytesWritten, this, [this, sent, total](qint64 n) {
        *sent += n;
        emit progress(*sent, total);
    });
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
