#include "identity.h"
#include "ledger_impl.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace jifen {

Result<QString> Ledger::Impl::metaValue(const QString& key)
{
    auto q = store.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!q)
        return q.error();
    q->addBindValue(key);
    JIFEN_TRY(store.exec(q.value()));
    const QString value = q->next() ? q->value(0).toString() : QString();
    q->finish();
    return value;
}

Status Ledger::Impl::putMeta(const QString& key, const QString& value)
{
    auto q = store.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    if (!q)
        return q.error();
    q->addBindValue(key);
    q->addBindValue(value.isNull() ? QStringLiteral("") : value); // empty, never NULL: "not set"
    return store.exec(q.value());
}

Result<Ledger::SyncState> Ledger::syncState()
{
    ReadScope reading(d->store);
    SyncState s;
    auto q = d->store.prepare(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('hq_url', 'hq_key',"
                                             " 'hq_acked_seq', 'sync_last_success', 'sync_last_error',"
                                             " 'hq_ca_pem')"));
    if (!q)
        return q.error();
    JIFEN_TRY(d->store.exec(q.value()));
    while (q->next()) {
        const QString key = q->value(0).toString();
        const QString value = q->value(1).toString();
        if (key == QStringLiteral("hq_url"))
            s.hqUrl = value;
        else if (key == QStringLiteral("hq_key"))
            s.key = QByteArray::fromHex(value.toLatin1());
        else if (key == QStringLiteral("hq_acked_seq"))
            s.ackedSeq = value.toLongLong();
        else if (key == QStringLiteral("sync_last_success"))
            s.lastSuccess = value;
        else if (key == QStringLiteral("hq_ca_pem"))
            s.hqCaPem = value.toLatin1();
        else
            s.lastError = value;
    }
    q->finish();
    auto last = lastSeq();
    if (!last)
        return last.error();
    s.lastSeq = last.value();
    return s;
}

Status Ledger::saveEnrollment(const QString& hqUrl, const QByteArray& key)
{
    JIFEN_TRY(d->identity());
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    JIFEN_TRY(d->putMeta(QStringLiteral("hq_url"), hqUrl));
    JIFEN_TRY(d->putMeta(QStringLiteral("hq_key"), QString::fromLatin1(key.toHex())));
    return uow.commit();
}

Status Ledger::saveHqCa(const QByteArray& pem)
{
    JIFEN_TRY(d->identity());
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    JIFEN_TRY(d->putMeta(QStringLiteral("hq_ca_pem"), QString::fromLatin1(pem)));
    return uow.commit();
}

Result<QJsonArray> Ledger::unpushedMembers(qint64 limit)
{
    ReadScope reading(d->store);
    auto q =
        d->store.prepare(QStringLiteral("SELECT uid, phone, card, name, kind, created_at FROM members WHERE pushed = 0"
                                        " ORDER BY id LIMIT ?"));
    if (!q)
        return q.error();
    q->addBindValue(limit);
    JIFEN_TRY(d->store.exec(q.value()));
    QJsonArray out;
    while (q->next()) {
        // The full phone number travels to HQ (over the signed, TLS-capable channel): HQ looks
        // members up by it. It is never printed or logged.
        out.append(QJsonObject{{QStringLiteral("member_id"), q->value(0).toString()},
                               {QStringLiteral("phone"), q->value(1).toString()},
                               {QStringLiteral("card"), q->value(2).toString()},
                               {QStringLiteral("name"), q->value(3).toString()},
                               {QStringLiteral("kind"), q->value(4).toString()},
                               {QStringLiteral("created_at"), q->value(5).toString()}});
    }
    return out;
}

Result<QJsonArray> Ledger::unpushedSurveyAnswers(qint64 limit)
{
    ReadScope reading(d->store);
    auto q = d->store.prepare(QStringLiteral("SELECT s.ref, m.uid, s.survey, s.answers, s.created_at FROM"
                                             " survey_answers s JOIN members m ON m.id = s.member_id WHERE"
                                             " s.pushed = 0 ORDER BY s.ref LIMIT ?"));
    if (!q)
        return q.error();
    q->addBindValue(limit);
    JIFEN_TRY(d->store.exec(q.value()));
    QJsonArray out;
    while (q->next())
        out.append(QJsonObject{{QStringLiteral("ref"), q->value(0).toString()},
                               {QStringLiteral("member_id"), q->value(1).toString()},
                               {QStringLiteral("survey"), q->value(2).toString()},
                               {QStringLiteral("answers"), QJsonDocument::fromJson(q->value(3).toByteArray()).object()},
                               {QStringLiteral("created_at"), q->value(4).toString()}});
    return out;
}

Status Ledger::recordPushed(qint64 ackedSeq, const QStringList& memberUids, const QStringList& surveyRefs)
{
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    for (const QString& ref : surveyRefs) {
        auto q = d->store.prepare(QStringLiteral("UPDATE survey_answers SET pushed = 1 WHERE ref = ?"));
        if (!q)
            return q.error();
        q->addBindValue(ref);
        JIFEN_TRY(d->store.exec(q.value()));
    }
    for (const QString& uid : memberUids) {
        auto q = d->store.prepare(QStringLiteral("UPDATE members SET pushed = 1 WHERE uid = ?"));
        if (!q)
            return q.error();
        q->addBindValue(uid);
        JIFEN_TRY(d->store.exec(q.value()));
    }
    JIFEN_TRY(d->putMeta(QStringLiteral("hq_acked_seq"), QString::number(ackedSeq)));
    return uow.commit();
}

Status Ledger::recordHqTime(const QDateTime& hqTime)
{
    if (!hqTime.isValid())
        return Error::badInput(QStringLiteral("HQ time is not valid"));
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    JIFEN_TRY(d->putMeta(QStringLiteral("hq_date_seen"), businessDate(hqTime).toString(Qt::ISODate)));
    return uow.commit();
}

Status Ledger::recordSyncResult(bool ok, const QString& error)
{
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    if (ok) {
        JIFEN_TRY(d->putMeta(QStringLiteral("sync_last_success"), formatInstant(d->clock.nowUtc())));
        JIFEN_TRY(d->store.exec(QStringLiteral("DELETE FROM meta WHERE key = 'sync_last_error'")));
    } else {
        JIFEN_TRY(d->putMeta(QStringLiteral("sync_last_error"),
                             QStringLiteral("%1 %2").arg(formatInstant(d->clock.nowUtc()), error)));
    }
    return uow.commit();
}

} // namespace jifen
