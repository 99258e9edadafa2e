#include "sync_client.h"

#include "logging.h"
#include "signing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace jifen::sync {

SyncClient::SyncClient(Ledger& ledger, QNetworkAccessManager& network, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_network(network)
    , m_clock(clock)
{}

QNetworkReply* SyncClient::send(const QByteArray& method, const QString& path, const QByteArray& body, bool sign)
{
    QNetworkRequest request(QUrl(m_state.hqUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(30000);
    if (sign) {
        const SignedHeaders h = signRequest(m_terminalId, m_state.key, method, path.toLatin1(), body,
                                            m_clock.nowUtc().addMSecs(m_offsetMs));
        request.setRawHeader(QByteArrayLiteral("X-Jifen-Terminal"), h.terminalId.toLatin1());
        request.setRawHeader(QByteArrayLiteral("X-Jifen-Timestamp"), h.timestamp.toLatin1());
        request.setRawHeader(QByteArrayLiteral("X-Jifen-Nonce"), h.nonce.toLatin1());
        request.setRawHeader(QByteArrayLiteral("X-Jifen-Signature"), h.signature.toLatin1());
    }
    qCDebug(lcSync).noquote() << method << m_state.hqUrl + path << body.size() << "bytes";
    return m_network.sendCustomRequest(request, method, body);
}

QString SyncClient::replyError(QNetworkReply* reply, const QByteArray& body)
{
    const QString message = QJsonDocument::fromJson(body)
                                .object()
                                .value(QStringLiteral("error"))
                                .toObject()
                                .value(QStringLiteral("message"))
                                .toString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!message.isEmpty())
        return QStringLiteral("HQ answered %1: %2").arg(status).arg(message);
    return QStringLiteral("HQ unreachable: %1").arg(reply->errorString());
}

void SyncClient::fail(const QString& error)
{
    m_busy = false;
    qCWarning(lcSync).noquote() << "sync failed:" << error;
    (void)m_ledger.recordSyncResult(false, error);
    emit finished(false, error);
}

void SyncClient::enroll(const QString& hqUrl, const QString& code)
{
    auto id = m_ledger.identity();
    if (!id) {
        emit enrolled(false, id.error().message);
        return;
    }
    m_state.hqUrl = hqUrl;
    while (m_state.hqUrl.endsWith(QLatin1Char('/')))
        m_state.hqUrl.chop(1);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                      {QStringLiteral("terminal_id"), id->terminalId},
                                                      {QStringLiteral("store_id"), id->storeId}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply* reply = send(QByteArrayLiteral("POST"), QStringLiteral("/v1/enroll"), body, false);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError) {
            emit enrolled(false, replyError(reply, data));
            return;
        }
        const QByteArray key = QByteArray::fromHex(
            QJsonDocument::fromJson(data).object().value(QStringLiteral("key")).toString().toLatin1());
        if (key.size() < 16) {
            emit enrolled(false, QStringLiteral("HQ sent no usable key"));
            return;
        }
        auto st = m_ledger.saveEnrollment(m_state.hqUrl, key);
        emit enrolled(st.ok(), st.ok() ? QString() : st.error().message);
    });
}

void SyncClient::syncOnce()
{
    if (m_busy)
        return;
    auto state = m_ledger.syncState();
    if (!state) {
        emit finished(false, state.error().message);
        return;
    }
    auto id = m_ledger.identity();
    if (!id) {
        emit finished(false, id.error().message);
        return;
    }
    if (state->hqUrl.isEmpty() || state->key.isEmpty()) {
        emit finished(false,
                      QStringLiteral("this terminal is not enrolled with HQ; run `jifen enroll --hq URL --code CODE`"));
        return;
    }
    m_state = state.value();
    m_terminalId = id->terminalId;
    m_busy = true;
    fetchTime();
}

void SyncClient::fetchTime()
{
    const QDateTime sent = m_clock.nowUtc();
    QNetworkReply* reply = send(QByteArrayLiteral("GET"), QStringLiteral("/v1/time"), QByteArray(), false);
    connect(reply, &QNetworkReply::finished, this, [this, reply, sent] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            return fail(replyError(reply, data));
        const QDateTime hq = QDateTime::fromString(
            QJsonDocument::fromJson(data).object().value(QStringLiteral("hq_time")).toString(), Qt::ISODateWithMs);
        if (!hq.isValid())
            return fail(QStringLiteral("HQ sent no time"));
        // Our clock may be days off; requests are signed in HQ's time, entries keep ours.
        m_offsetMs = sent.msecsTo(hq);
        auto recorded = m_ledger.recordHqTime(hq);
        if (!recorded)
            return fail(recorded.error().message);
        fetchStatus();
    });
}

void SyncClient::fetchStatus()
{
    QNetworkReply* reply = send(QByteArrayLiteral("GET"), QStringLiteral("/v1/status"), QByteArray(), true);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            return fail(replyError(reply, data));
        const qint64 acked = QJsonDocument::fromJson(data).object().value(QStringLiteral("acked_seq")).toInteger(-1);
        if (acked < 0 || acked > m_state.lastSeq)
            return fail(QStringLiteral("HQ acknowledges seq %1 but this terminal's journal ends at %2; this terminal's "
                                       "database may have been replaced — do not push, call support")
                            .arg(acked)
                            .arg(m_state.lastSeq));
        m_state.ackedSeq = acked;
        pushNext();
    });
}

void SyncClient::pushNext()
{
    auto entries = m_ledger.journal(m_state.ackedSeq, kBatchSize);
    if (!entries)
        return fail(entries.error().message);
    auto members = m_ledger.unpushedMembers(kBatchSize);
    if (!members)
        return fail(members.error().message);
    if (entries->isEmpty() && members->isEmpty()) {
        auto pushed = m_ledger.recordPushed(m_state.ackedSeq, {});
        if (!pushed)
            return fail(pushed.error().message);
        auto recorded = m_ledger.recordSyncResult(true, QString());
        if (!recorded)
            return fail(recorded.error().message);
        m_busy = false;
        emit finished(true, QString());
        return;
    }
    QJsonArray list;
    for (const JournalEntry& e : entries.value())
        list.append(e.toJson());
    QStringList memberUids;
    for (const QJsonValue& m : members.value())
        memberUids.append(m.toObject().value(QStringLiteral("member_id")).toString());
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("protocol"), 1},
                                  {QStringLiteral("terminal_clock"), formatInstant(m_clock.nowUtc())},
                                  {QStringLiteral("members"), members.value()},
                                  {QStringLiteral("entries"), list}})
            .toJson(QJsonDocument::Compact);
    QNetworkReply* reply = send(QByteArrayLiteral("POST"), QStringLiteral("/v1/push"), body, true);
    const qint64 lastSent = entries->isEmpty() ? m_state.ackedSeq : entries->last().seq;
    connect(reply, &QNetworkReply::finished, this, [this, reply, memberUids, lastSent] {
        reply->deleteLater();
        const QByteArray data = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            return fail(replyError(reply, data));
        const qint64 acked = QJsonDocument::fromJson(data).object().value(QStringLiteral("acked_seq")).toInteger(-1);
        // Never record as delivered what was not sent.
        if (acked < m_state.ackedSeq || acked > lastSent)
            return fail(QStringLiteral("HQ acknowledged seq %1 for a push of %2..%3")
                            .arg(acked)
                            .arg(m_state.ackedSeq + 1)
                            .arg(lastSent));
        auto st = m_ledger.recordPushed(acked, memberUids);
        if (!st)
            return fail(st.error().message);
        m_state.ackedSeq = acked;
        qCInfo(lcSync) << "HQ acknowledged seq" << acked << "of" << m_state.lastSeq;
        emit progress(acked, m_state.lastSeq);
        pushNext();
    });
}

} // namespace jifen::sync
