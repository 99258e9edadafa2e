#pragma once

// A fake HQ for fast unit tests of the sync client: a QNetworkAccessManager whose requests never
// touch a socket. Each request is answered by a scripted handler; an answer can be an HTTP status
// with a body, a network error, late (delay) or never (hang). A hanging reply honours the
// request's transfer timeout the way Qt's HTTP backend does — it fails with
// OperationCanceledError once that long has passed without progress — and hangs for ever when
// the request has none.

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <functional>

namespace jifen::test {

struct FakeRequest {
    QByteArray method;
    QString path;
    QByteArray body;
    QNetworkRequest request;

    QByteArray header(const char* name) const { return request.rawHeader(name); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

struct FakeAnswer {
    int status = 200;
    QByteArray body;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError; // a failure below HTTP
    QString errorString;
    int delayMs = 0;
    bool hang = false;

    static FakeAnswer json(int status, const QJsonObject& object)
    {
        FakeAnswer a;
        a.status = status;
        a.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        return a;
    }
    static FakeAnswer error(int status, const QString& code, const QString& message)
    {
        return json(status, {{QStringLiteral("error"),
                              QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
    }
    static FakeAnswer raw(int status, const QByteArray& body)
    {
        FakeAnswer a;
        a.status = status;
        a.body = body;
        return a;
    }
    static FakeAnswer failure(QNetworkReply::NetworkError error, const QString& text)
    {
        FakeAnswer a;
        a.status = 0;
        a.networkError = error;
        a.errorString = text;
        return a;
    }
    static FakeAnswer hangs()
    {
        FakeAnswer a;
        a.hang = true;
        return a;
    }
    FakeAnswer delayed(int ms) const
    {
        FakeAnswer a = *this;
        a.delayMs = ms;
        return a;
    }
};

class FakeHqReply final : public QNetworkReply {
public:
    FakeHqReply(QNetworkAccessManager::Operation op, const QNetworkRequest& request, const FakeAnswer& answer,
                QObject* parent)
        : QNetworkReply(parent)
        , m_answer(answer)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (answer.hang) {
            if (request.transferTimeout() > 0)
                QTimer::singleShot(request.transferTimeout(), this, [this] {
                    finishWith(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
                });
            return;
        }
        QTimer::singleShot(answer.delayMs, this, &FakeHqReply::deliver);
    }

    void abort() override
    {
        if (!isFinished())
            finishWith(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }

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
    // The error Qt's HTTP backend reports for a status (a subset: what HQ can answer).
    static QNetworkReply::NetworkError errorForStatus(int status)
    {
        switch (status) {
        case 401:
            return QNetworkReply::AuthenticationRequiredError;
        case 404:
            return QNetworkReply::ContentNotFoundError;
        case 409:
            return QNetworkReply::ContentConflictError;
        case 500:
            return QNetworkReply::InternalServerError;
        case 503:
            return QNetworkReply::ServiceUnavailableError;
        default:
            return status >= 500 ? QNetworkReply::UnknownServerError : QNetworkReply::UnknownContentError;
        }
    }

    void deliver()
    {
        if (m_answer.networkError != QNetworkReply::NoError)
            return finishWith(m_answer.networkError, m_answer.errorString);
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_answer.status);
        setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        setHeader(QNetworkRequest::ContentLengthHeader, m_answer.body.size());
        m_data = m_answer.body;
        emit metaDataChanged();
        if (!m_data.isEmpty())
            emit readyRead();
        if (m_answer.status >= 400)
            return finishWith(errorForStatus(m_answer.status),
                              QStringLiteral("Error transferring %1 - server replied: status %2")
                                  .arg(url().toString())
                                  .arg(m_answer.status));
        setFinished(true);
        emit finished();
    }

    void finishWith(QNetworkReply::NetworkError error, const QString& text)
    {
        setError(error, text);
        emit errorOccurred(error);
        setFinished(true);
        emit finished();
    }

    FakeAnswer m_answer;
    QByteArray m_data;
    qint64 m_read = 0;
};

class FakeHqNetwork final : public QNetworkAccessManager {
public:
    using Handler = std::function<FakeAnswer(const FakeRequest&)>;

    explicit FakeHqNetwork(Handler handler = {}, QObject* parent = nullptr)
        : QNetworkAccessManager(parent)
        , m_handler(std::move(handler))
    {}
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Every request made, in order.
    const QList<FakeRequest>& requests() const { return m_requests; }
    int count(const QByteArray& method, const QString& path) const
    {
        return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(), [&](const FakeRequest& r) {
            return r.method == method && r.path == path;
        }));
    }

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* outgoingData) override
    {
        FakeRequest r;
        switch (op) {
        case GetOperation:
            r.method = QByteArrayLiteral("GET");
            break;
        case PostOperation:
            r.method = QByteArrayLiteral("POST");
            break;
        case PutOperation:
            r.method = QByteArrayLiteral("PUT");
            break;
        case DeleteOperation:
            r.method = QByteArrayLiteral("DELETE");
            break;
        case HeadOperation:
            r.method = QByteArrayLiteral("HEAD");
            break;
        default:
            r.method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        }
        r.path = request.url().path();
        r.body = outgoingData ? outgoingData->readAll() : QByteArray();
        r.request = request;
        m_requests.append(r);
        const FakeAnswer answer =
            m_handler ? m_handler(r)
                      : FakeAnswer::error(404, QStringLiteral("not_found"), QStringLiteral("no handler"));
        return new FakeHqReply(op, request, answer, this);
    }

private:
    Handler m_handler;
    QList<FakeRequest> m_requests;
};

} // namespace jifen::test
