#pragma once

// A fault-injecting TCP proxy for the sync tests: listens on 127.0.0.1 (port 0) and forwards to
// HQ's port, understanding HTTP/1.1 just enough (request and reply heads, Content-Length) to
// apply a fault to one exchange of a keep-alive connection. Faults are chosen by a function of
// the connection index or of the request (method, path, indices), never at random, so every
// run injects the same fault at the same place.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace jifen::test {

// What the proxy does to one request and its reply.
struct Fault {
    enum class Kind {
        None,         // forward both ways
        Delay,        // hold the request `delayMs`, then forward both ways
        Drop,         // never forward the request; close the terminal's connection
        CutRequest,   // forward the first `bytes` of the request, then close both connections
        CutReply,     // forward the request; forward `bytes` of the reply, then close
        SwallowReply, // forward the request; read HQ's whole reply, deliver none of it, close
    };
    // Where CutReply counts `bytes` from.
    enum class From { Start, BodyStart, End };

    Kind kind = Kind::None;
    int delayMs = 0;
    qint64 bytes = 0;
    From from = From::Start;

    static Fault none() { return {}; }
    static Fault delay(int ms) { return {Kind::Delay, ms, 0, From::Start}; }
    static Fault drop() { return {Kind::Drop, 0, 0, From::Start}; }
    static Fault cutRequest(qint64 n) { return {Kind::CutRequest, 0, n, From::Start}; }
    // `n` bytes after `from`; From::End keeps all but the last `n` bytes.
    static Fault cutReply(qint64 n, From from = From::Start) { return {Kind::CutReply, 0, n, from}; }
    static Fault swallowReply() { return {Kind::SwallowReply, 0, 0, From::Start}; }
};

// A connection-level fault, decided when the terminal connects.
struct ConnectionFault {
    enum class Kind { None, Refuse, Delay };
    Kind kind = Kind::None;
    int delayMs = 0;
    static ConnectionFault none() { return {}; }
    static ConnectionFault refuse() { return {Kind::Refuse, 0}; } // accepted, then closed at once
    static ConnectionFault delay(int ms) { return {Kind::Delay, ms}; }
};

// One request/reply pair as the proxy saw it.
struct Exchange {
    int index = 0;        // over the proxy's life, from 0
    int connection = 0;   // the terminal connection it came on, from 0
    int onConnection = 0; // its position among that connection's requests, from 0
    QByteArray method;
    QByteArray path;
    QByteArray request;     // the complete request, head and body
    Fault fault;            // what was done to it
    qint64 replyBytes = -1; // HQ's whole reply (head + body) once it arrived, else -1
    qint64 replyHeadBytes = -1;
    qint64 deliveredBytes = 0; // of the reply, forwarded to the terminal
    bool replyComplete = false;

    QByteArray body() const;
};

class FaultProxy : public QObject {
    Q_OBJECT
public:
    using ExchangeRule = std::function<Fault(const Exchange&)>;
    using ConnectionRule = std::function<ConnectionFault(int connection)>;

    explicit FaultProxy(QObject* parent = nullptr);
    ~FaultProxy() override;

    // Listens on 127.0.0.1, an ephemeral port; forwards to 127.0.0.1:`targetPort`.
    bool listen(quint16 targetPort);
    void setTargetPort(quint16 port) { m_targetPort = port; }
    quint16 port() const;
    QString url() const;

    void setExchangeRule(ExchangeRule rule) { m_exchangeRule = std::move(rule); }
    void setConnectionRule(ConnectionRule rule) { m_connectionRule = std::move(rule); }
    // The common rule: `fault` for the `nth` (from 1) request with this method and path, none
    // for every other.
    void faultNth(const QByteArray& method, const QByteArray& path, int nth, Fault fault);

    // Closes every open connection (keep-alive ones too): the next request opens a new one.
    void closeConnections();

    // Counters.
    int connections() const { return m_connections; }
    int refusedConnections() const { return m_refused; }
    qint64 bytesToServer() const { return m_bytesToServer; }
    qint64 bytesToClient() const { return m_bytesToClient; }
    const QList<Exchange>& exchanges() const { return m_exchanges; }
    int requestCount(const QByteArray& method, const QByteArray& path) const;
    int faultsApplied() const { return m_faultsApplied; }

signals:
    // Emitted synchronously, so a slot can act (kill a process) before the proxy goes on.
    void requestForwarded(int exchange); // the whole request was written towards HQ
    void replyArrived(int exchange);     // HQ's whole reply is in the proxy, nothing forwarded yet
    void replyDelivered(int exchange);   // the whole reply was written to the terminal
    void faultApplied(int exchange);

private:
    class Link;
    void accept();
    Exchange& newExchange(int connection, int onConnection, QByteArray request);

    QTcpServer m_server;
    quint16 m_targetPort = 0;
    ExchangeRule m_exchangeRule;
    ConnectionRule m_connectionRule;
    QList<Exchange> m_exchanges;
    int m_connections = 0;
    int m_refused = 0;
    int m_faultsApplied = 0;
    qint64 m_bytesToServer = 0;
    qint64 m_bytesToClient = 0;
};

} // namespace jifen::test
