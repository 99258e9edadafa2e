#include "identity.h"
#include "ledger_impl.h"

#include <QCoreApplication>
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

namespace {

QJsonValue nullOrText(const QVariant& v)
{
    return v.isNull() || v.toString().isEmpty() ? QJsonValue() : QJsonValue(v.toString());
}

} // namespace

Result<QJsonArray> Ledger::unpushedMembers(qint64 limit)
{
    ReadScope reading(d->store);
    auto q = d->store.prepare(QStringLiteral("SELECT uid, phone, card, name, kind, created_at, consent_terms,"
                                             " consent_at FROM members WHERE pushed = 0 ORDER BY id LIMIT ?"));
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
                               {QStringLiteral("created_at"), q->value(5).toString()},
                               {QStringLiteral("consent_terms"), nullOrText(q->value(6))},
                               {QStringLiteral("consent_at"), nullOrText(q->value(7))}});
    }
    return out;
}

namespace {

// A JSON string as QJsonDocument writes it: UTF-8, with '"', '\\' and control characters escaped.
void appendJsonString(QByteArray& out, const QByteArray& utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && c != '"' && c != '\\') {
            out.append(c);
            continue;
        }
        out.append('\\');
        switch (c) {
        case '"':
        case '\\':
            out.append(c);
            break;
        case '\b':
            out.append('b');
            break;
        case '\f':
            out.append('f');
            break;
        case '\n':
            out.append('n');
            break;
        case '\r':
            out.append('r');
            break;
        case '\t':
            out.append('t');
            break;
        default:
            out.append("u00", 3);
            out.append(kHex[u >> 4]);
            out.append(kHex[u & 0xf]);
        }
    }
    out.append('"');
}

void appendJsonString(QByteArray& out, const QString& text)
{
    appendJsonString(out, text.toUtf8());
}

} // namespace

Result<Ledger::JournalBatch> Ledger::journalBatch(qint64 afterSeq, int maxEntries, qint64 maxBytes)
{
    ReadScope reading(d->store);
    if (afterSeq < 0)
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "--after must not be negative"));
    auto q = d->store.prepare(Impl::entryColumns() + QStringLiteral(" WHERE j.seq > ? ORDER BY j.seq LIMIT ?"));
    if (!q)
        return q.error();
    q->addBindValue(afterSeq);
    q->addBindValue(maxEntries);
    JIFEN_TRY(d->store.exec(q.value()));
    JournalBatch batch;
    batch.lastSeq = afterSeq;
    batch.json = QByteArray("[");
    batch.json.reserve(int(std::min<qint64>(maxBytes, qint64(maxEntries) * 640)) + 64);
    QByteArray one;
    while (q->next()) {
        // The keys in QJsonObject's (sorted) order, the values as JournalEntry::toJson gives them.
        one.clear();
        const qint64 seq = q->value(0).toLongLong();
        const QString memberUid = q->value(4).toString();
        const qint64 reverses = q->value(8).toLongLong();
        QByteArray detail = q->value(11).toByteArray();
        // The ledger stores the detail as compact JSON of an object: sent as it is.
        if (!detail.startsWith('{') || !detail.endsWith('}'))
            detail = QJsonDocument(QJsonDocument::fromJson(detail).object()).toJson(QJsonDocument::Compact);
        QString time = q->value(10).toString();
        if (time.size() != 24 || !time.endsWith(QLatin1Char('Z')))
            time = formatInstant(QDateTime::fromString(time, Qt::ISODateWithMs));
        one.append("{\"detail\":").append(detail).append(",\"entry_id\":");
        appendJsonString(one, q->value(1).toString());
        one.append(",\"green_points\":").append(QByteArray::number(q->value(6).toLongLong()));
        one.append(",\"hash\":");
        appendJsonString(one, q->value(14).toString());
        one.append(",\"kind\":");
        appendJsonString(one, q->value(3).toString());
        one.append(",\"lots\":[");
        const QList<LotMove> lots = lotMovesFromText(q->value(12).toString()).value_or(QList<LotMove>());
        for (qsizetype i = 0; i < lots.size(); ++i) {
            one.append(i ? ",{\"lot\":" : "{\"lot\":");
            appendJsonString(one, lots[i].lot.toString());
            one.append(",\"points\":").append(QByteArray::number(lots[i].points.value())).append('}');
        }
        one.append("],\"member_id\":");
        if (memberUid.isEmpty())
            one.append("null");
        else
            appendJsonString(one, memberUid);
        one.append(",\"points\":").append(QByteArray::number(q->value(5).toLongLong()));
        one.append(",\"prev_hash\":");
        appendJsonString(one, q->value(13).toString());
        one.append(",\"ref\":");
        appendJsonString(one, q->value(7).toString());
        one.append(",\"reverses_seq\":").append(reverses ? QByteArray::number(reverses) : QByteArray("null"));
        one.append(",\"ruleset_version\":").append(QByteArray::number(q->value(9).toInt()));
        one.append(",\"seq\":").append(QByteArray::number(seq));
        one.append(",\"terminal_id\":");
        appendJsonString(one, q->value(2).toString());
        one.append(",\"terminal_time\":");
        appendJsonString(one, time);
        one.append('}');
        if (batch.count > 0 && batch.json.size() + one.size() + 2 > maxBytes)
            break;
        if (batch.count > 0)
            batch.json.append(',');
        batch.json.append(one);
        ++batch.count;
        batch.lastSeq = seq;
    }
    batch.json.append(']');
    return batch;
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
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "HQ time is not valid"));
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
