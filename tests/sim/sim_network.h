#pragma once

// The simulated network of tests/sim: every request a terminal makes becomes an item in one
// queue the simulation drives. An item first travels to HQ (where it may be lost, or applied
// once or twice), then its answer travels back (where it may be lost). Nothing moves unless the
// simulation says so, and it picks the next item with its seeded generator: the same seed makes
// the same interleaving, every time.

#include "fake_hq_network.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

#include <deque>
#include <functional>

namespace jifen::sim {

class SimReply final : public QNetworkReply {
public:
    SimReply(QNetworkAccessManager::Operation op, const QNetworkRequest& request, QObject* parent)
        : QNetworkReply(parent)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    void abort() override { fail(QNetworkReply::OperationCanceledError, QStringLiteral("aborted")); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }

    void deliver(const test::FakeAnswer& answer)
    {
        if (isFinished())
            return;
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, answer.status);
        m_data = answer.body;
        emit metaDataChanged();
        if (answer.status >= 400) {
            setError(answer.status == 409 ? QNetworkReply::ContentConflictError : QNetworkReply::UnknownServerError,
                     QStringLiteral("server replied: status %1").arg(answer.status));
            emit errorOccurred(error());
        }
        setFinished(true);
        emit finished();
    }
    void fail(QNetworkReply::NetworkError error, const QString& text)
    {
        if (isFinished())
            return;
        setError(error, text);
        emit errorOccurred(error);
        setFinished(true);
        emit finished();
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, static_cast<qint64>(m_data.size()) - m_read);
        if (n <= 0)
            return isFinished() ? -1 : 0;
        memcpy(data, m_data.constData() + m_read, static_cast<size_t>(n));
        m_read += n;
        return n;
    }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

struct InFlight {
    int terminal = 0;
    test::FakeRequest request;
    QPointer<SimReply> reply;
    bool atHq = false; // false: on its way to HQ; true: the answer is on its way back
    test::FakeAnswer answer;
};

class SimNetwork final : public QNetworkAccessManager {
public:
    SimNetwork(int terminal, std::deque<InFlight>& queue)
        : m_terminal(terminal)
        , m_queue(queue)
    {}

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* outgoingData) override
    {
        test::FakeRequest r;
        r.method = op == GetOperation    ? QByteArrayLiteral("GET")
                   : op == PostOperation ? QByteArrayLiteral("POST")
                                         : request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        r.path = request.url().path();
        r.body = outgoingData ? outgoingData->readAll() : QByteArray();
        r.request = request;
        auto* reply = new SimReply(op, request, this);
        m_queue.push_back(InFlight{m_terminal, r, reply, false, {}});
        return reply;
    }

private:
    int m_terminal;
    std::deque<InFlight>& m_queue;
};

} // namespace jifen::sim
