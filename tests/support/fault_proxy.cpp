#include "fault_proxy.h"

#include <QHostAddress>
#include <QQueue>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace jifen::test {

namespace {

constexpr QByteArrayView kHeadEnd = "\r\n\r\n";

// Content-Length of a message head; -1 when the head has none.
qint64 contentLength(QByteArrayView head)
{
    for (QByteArrayView line : head.toByteArray().split('\n')) {
        line = line.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed().toLongLong();
    }
    return -1;
}

} // namespace

QByteArray Exchange::body() const
{
    const qsizetype end = request.indexOf(kHeadEnd);
    return end < 0 ? QByteArray() : request.mid(end + kHeadEnd.size());
}

// One terminal connection and its connection to HQ.
class FaultProxy::Link : public QObject {
public:
    Link(FaultProxy& proxy, QTcpSocket* client, int index, ConnectionFault fault)
        : QObject(&proxy)
        , m_proxy(proxy)
        , m_client(client)
        , m_upstream(new QTcpSocket(this))
        , m_index(index)
    {
        m_client->setParent(this);
        connect(m_client, &QTcpSocket::readyRead, this, &Link::clientData);
        connect(m_client, &QTcpSocket::disconnected, this, &Link::clientGone);
        connect(m_upstream, &QTcpSocket::connected, this, &Link::upstreamConnected);
        connect(m_upstream, &QTcpSocket::readyRead, this, &Link::upstreamData);
        connect(m_upstream, &QTcpSocket::disconnected, this, &Link::upstreamGone);
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
            if (e != QAbstractSocket::RemoteHostClosedError)
                upstreamGone();
        });
        if (fault.kind == ConnectionFault::Kind::Delay)
            QTimer::singleShot(fault.delayMs, this, &Link::connectUpstream);
        else
            connectUpstream();
    }

    // Closes both sides once what was written has gone out.
    void close()
    {
        m_closing = true;
        m_pending.clear();
        for (QTcpSocket* s : {m_client, m_upstream}) {
            if (s->state() != QAbstractSocket::UnconnectedState)
                s->disconnectFromHost();
        }
        finishIfClosed();
    }

private:
    void connectUpstream() { m_upstream->connectToHost(QHostAddress::LocalHost, m_proxy.m_targetPort); }

    void upstreamConnected()
    {
        const auto pending = std::exchange(m_pending, {});
        for (const auto& [exchange, bytes] : pending)
            writeUpstream(exchange, bytes);
    }

    void clientData()
    {
        m_requestBuffer += m_client->readAll();
        while (!m_closing) {
            const qsizetype headEnd = m_requestBuffer.indexOf(kHeadEnd);
            if (headEnd < 0)
                return;
            const qsizetype headBytes = headEnd + kHeadEnd.size();
            const qint64 total = headBytes + qMax<qint64>(0, contentLength(m_requestBuffer.first(headBytes)));
            if (m_requestBuffer.size() < total)
                return;
            QByteArray request = m_requestBuffer.first(total);
            m_requestBuffer.remove(0, total);
            handleRequest(std::move(request));
        }
    }

    void handleRequest(QByteArray request)
    {
        Exchange& e = m_proxy.newExchange(m_index, m_requests++, std::move(request));
        const int index = e.index;
        const Fault fault = m_proxy.m_exchangeRule ? m_proxy.m_exchangeRule(e) : Fault::none();
        e.fault = fault;
        switch (fault.kind) {
        case Fault::Kind::Drop:
            applied(index);
            close();
            return;
        case Fault::Kind::CutRequest:
            applied(index);
            writeUpstream(-1, e.request.first(qBound<qint64>(0, fault.bytes, e.request.size())));
            close();
            return;
        case Fault::Kind::Delay:
            applied(index);
            QTimer::singleShot(fault.delayMs, this, [this, index] { forward(index); });
            return;
        case Fault::Kind::None:
        case Fault::Kind::CutReply:
        case Fault::Kind::SwallowReply:
            forward(index);
            return;
        }
    }

    void forward(int index)
    {
        if (m_closing)
            return;
        m_awaiting.enqueue(index);
        writeUpstream(index, m_proxy.m_exchanges[index].request);
    }

    void writeUpstream(int exchange, const QByteArray& bytes)
    {
        if (m_upstream->state() != QAbstractSocket::ConnectedState) {
            m_pending.append({exchange, bytes});
            return;
        }
        m_upstream->write(bytes);
        m_upstream->flush();
        m_proxy.m_bytesToServer += bytes.size();
        if (exchange >= 0)
            emit m_proxy.requestForwarded(exchange);
    }

    void upstreamData()
    {
        m_replyBuffer += m_upstream->readAll();
        deliverReplies(false);
    }

    // Hands complete replies to their exchanges; `ended`: HQ closed, so a reply without a
    // Content-Length is complete.
    void deliverReplies(bool ended)
    {
        while (!m_closing && !m_awaiting.isEmpty()) {
            const qsizetype headEnd = m_replyBuffer.indexOf(kHeadEnd);
            if (headEnd < 0)
                return;
            const qsizetype headBytes = headEnd + kHeadEnd.size();
            const qint64 length = contentLength(m_replyBuffer.first(headBytes));
            if (length < 0 && !ended)
                return;
            const qint64 total = length < 0 ? m_replyBuffer.size() : headBytes + length;
            if (m_replyBuffer.size() < total)
                return;
            const QByteArray reply = m_replyBuffer.first(total);
            m_replyBuffer.remove(0, total);
            const int index = m_awaiting.dequeue();
            {
                Exchange& e = m_proxy.m_exchanges[index];
                e.replyBytes = total;
                e.replyHeadBytes = headBytes;
                e.replyComplete = true;
            }
            const QPointer<Link> alive(this);
            emit m_proxy.replyArrived(index);
            if (!alive || m_closing)
                return;
            Exchange& e = m_proxy.m_exchanges[index];
            switch (e.fault.kind) {
            case Fault::Kind::CutReply: {
                const qint64 at = e.fault.from == Fault::From::Start       ? e.fault.bytes
                                  : e.fault.from == Fault::From::BodyStart ? headBytes + e.fault.bytes
                                                                           : total - e.fault.bytes;
                const QByteArray part = reply.first(qBound<qint64>(0, at, total));
                e.deliveredBytes = part.size();
                writeClient(part);
                applied(index);
                close();
                return;
            }
            case Fault::Kind::SwallowReply:
                applied(index);
                close();
                return;
            default:
                e.deliveredBytes = reply.size();
                writeClient(reply);
                emit m_proxy.replyDelivered(index);
            }
        }
    }

    void writeClient(const QByteArray& bytes)
    {
        if (bytes.isEmpty())
            return;
        m_client->write(bytes);
        m_client->flush();
        m_proxy.m_bytesToClient += bytes.size();
    }

    void applied(int index)
    {
        ++m_proxy.m_faultsApplied;
        emit m_proxy.faultApplied(index);
    }

    void clientGone()
    {
        m_closing = true;
        if (m_upstream->state() != QAbstractSocket::UnconnectedState)
            m_upstream->disconnectFromHost();
        finishIfClosed();
    }

    void upstreamGone()
    {
        if (!m_closing)
            deliverReplies(true);
        close();
    }

    void finishIfClosed()
    {
        if (m_client->state() == QAbstractSocket::UnconnectedState &&
            m_upstream->state() == QAbstractSocket::UnconnectedState)
            deleteLater();
        else
            QTimer::singleShot(0, this, [this] {
                if (m_client->state() == QAbstractSocket::UnconnectedState &&
                    m_upstream->state() == QAbstractSocket::UnconnectedState)
                    deleteLater();
            });
    }

    FaultProxy& m_proxy;
    QTcpSocket* m_client;
    QTcpSocket* m_upstream;
    int m_index;
    int m_requests = 0;
    bool m_closing = false;
    QByteArray m_requestBuffer;
    QByteArray m_replyBuffer;
    QQueue<int> m_awaiting;
    QList<std::pair<int, QByteArray>> m_pending;
};

FaultProxy::FaultProxy(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::accept);
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::listen(quint16 targetPort)
{
    m_targetPort = targetPort;
    return m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 FaultProxy::port() const
{
    return m_server.serverPort();
}

QString FaultProxy::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void FaultProxy::faultNth(const QByteArray& method, const QByteArray& path, int nth, Fault fault)
{
    auto seen = std::make_shared<int>(0);
    m_exchangeRule = [=](const Exchange& e) {
        if (e.method == method && e.path == path && ++*seen == nth)
            return fault;
        return Fault::none();
    };
}

void FaultProxy::closeConnections()
{
    for (Link* link : findChildren<Link*>(Qt::FindDirectChildrenOnly))
        link->close();
}

int FaultProxy::requestCount(const QByteArray& method, const QByteArray& path) const
{
    return static_cast<int>(std::count_if(m_exchanges.cbegin(), m_exchanges.cend(),
                                          [&](const Exchange& e) { return e.method == method && e.path == path; }));
}

void FaultProxy::accept()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        const int index = m_connections++;
        const ConnectionFault fault = m_connectionRule ? m_connectionRule(index) : ConnectionFault::none();
        if (fault.kind == ConnectionFault::Kind::Refuse) {
            ++m_refused;
            client->abort();
            client->deleteLater();
            continue;
        }
        new Link(*this, client, index, fault);
    }
}

Exchange& FaultProxy::newExchange(int connection, int onConnection, QByteArray request)
{
    Exchange e;
    e.index = static_cast<int>(m_exchanges.size());
    e.connection = connection;
    e.onConnection = onConnection;
    const QByteArray line = request.left(request.indexOf("\r\n"));
    const QList<QByteArray> parts = line.split(' ');
    e.method = parts.value(0);
    e.path = parts.value(1);
    e.request = std::move(request);
    m_exchanges.append(std::move(e));
    return m_exchanges.last();
}

} // namespace jifen::test
