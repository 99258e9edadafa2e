#include "journal.h"

#include "clock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <iterator>

namespace jifen {

namespace {
struct KindName {
    EntryKind kind;
    const char* name;
};
constexpr KindName kKindNames[] = {
    {EntryKind::Earn, "earn"},
    {EntryKind::Redeem, "redeem"},
    {EntryKind::Offset, "offset"},
    {EntryKind::Reverse, "reverse"},
    {EntryKind::Expire, "expire"},
    {EntryKind::Adjust, "adjust"},
    {EntryKind::TransferOut, "transfer-out"},
    {EntryKind::TransferIn, "transfer-in"},
    {EntryKind::Donate, "donate"},
    {EntryKind::GreenGrant, "green-grant"},
};
} // namespace

QString entryKindName(EntryKind kind)
{
    for (const auto& k : kKindNames) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return {};
}

std::optional<EntryKind> entryKindFromName(const QString& name)
{
    for (const auto& k : kKindNames) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QString lotMovesToText(const QList<LotMove>& moves)
{
    QStringList parts;
    parts.reserve(moves.size());
    for (const LotMove& m : moves)
        parts.append(m.lot.toString() + QLatin1Char('=') + QString::number(m.points.value()));
    // Never a null string: Qt binds a null QString as SQL NULL, and journal.lots is NOT NULL (an
    // entry that moves no lot, such as a sale that earns nothing, stores "").
    const QString text = parts.join(QLatin1Char(','));
    return text.isNull() ? QStringLiteral("") : text;
}

std::optional<QList<LotMove>> lotMovesFromText(const QString& text)
{
    QList<LotMove> moves;
    if (text.isEmpty())
        return moves;
    for (const QString& part : text.split(QLatin1Char(','))) {
        const int eq = part.lastIndexOf(QLatin1Char('='));
        const int colon = part.lastIndexOf(QLatin1Char(':'), eq);
        if (eq < 0 || colon < 0)
            return std::nullopt;
        bool okSeq = false, okPts = false;
        LotMove m;
        m.lot.terminalId = part.left(colon);
        m.lot.seq = part.mid(colon + 1, eq - colon - 1).toLongLong(&okSeq);
        m.points = Points(part.mid(eq + 1).toLongLong(&okPts));
        if (!okSeq || !okPts)
            return std::nullopt;
        moves.append(m);
    }
    return moves;
}

QString JournalEntry::detailText() const
{
    return QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
}

QByteArray JournalEntry::canonical() const
{
    return canonical(formatInstant(terminalTime), detailText(), lotMovesToText(lots));
}

QByteArray JournalEntry::canonical(const QString& time, const QString& detailJson, const QString& lotsText) const
{
    // One field per line, fixed order; the detail object is compact JSON with sorted keys.
    const QString fields[] = {
        QStringLiteral("v1"),
        QString::number(seq),
        entryId,
        terminalId,
        entryKindName(kind),
        memberUid,
        QString::number(points.value()),
        QString::number(greenPoints.value()),
        ref,
        QString::number(reversesSeq),
        QString::number(rulesetVersion),
        time,
        detailJson,
        lotsText,
    };
    QString joined;
    qsizetype size = std::size(fields);
    for (const QString& f : fields)
        size += f.size();
    joined.reserve(size);
    for (qsizetype i = 0; i < qsizetype(std::size(fields)); ++i) {
        if (i > 0)
            joined += QLatin1Char('\n');
        joined += fields[i];
    }
    return joined.toUtf8();
}

QString JournalEntry::computeHash() const
{
    return computeHash(formatInstant(terminalTime), detailText(), lotMovesToText(lots));
}

QString JournalEntry::computeHash(const QString& time, const QString& detailJson, const QString& lotsText) const
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(prevHash.toLatin1());
    h.addData(QByteArrayView("\n"));
    h.addData(canonical(time, detailJson, lotsText));
    return QString::fromLatin1(h.result().toHex());
}

Result<JournalEntry> JournalEntry::fromJson(const QJsonObject& o)
{
    auto bad = [](const QString& what) { return Error::badInput(QStringLiteral("journal entry: %1").arg(what)); };
    JournalEntry e;
    const QJsonValue seq = o.value(QStringLiteral("seq"));
    e.seq = seq.toInteger(-1);
    if (!seq.isDouble() || e.seq < 1)
        return bad(QStringLiteral("seq must be a positive whole number"));
    e.entryId = o.value(QStringLiteral("entry_id")).toString();
    e.terminalId = o.value(QStringLiteral("terminal_id")).toString();
    if (e.entryId.isEmpty() || e.entryId.size() > 64 || e.terminalId.isEmpty() || e.terminalId.size() > 32)
        return bad(QStringLiteral("entry_id and terminal_id are required"));
    const auto kind = entryKindFromName(o.value(QStringLiteral("kind")).toString());
    if (!kind)
        return bad(QStringLiteral("unknown kind \"%1\"").arg(o.value(QStringLiteral("kind")).toString()));
    e.kind = *kind;
    e.memberUid = o.value(QStringLiteral("member_id")).toString();
    for (const char* key : {"points", "green_points", "ruleset_version"}) {
        if (!o.value(QLatin1String(key)).isDouble())
            return bad(QStringLiteral("%1 must be a number").arg(QLatin1String(key)));
    }
    e.points = Points(o.value(QStringLiteral("points")).toInteger());
    e.greenPoints = Points(o.value(QStringLiteral("green_points")).toInteger());
    e.ref = o.value(QStringLiteral("ref")).toString();
    e.reversesSeq = o.value(QStringLiteral("reverses_seq")).toInteger(0);
    e.rulesetVersion = o.value(QStringLiteral("ruleset_version")).toInt();
    e.terminalTime = QDateTime::fromString(o.value(QStringLiteral("terminal_time")).toString(), Qt::ISODateWithMs);
    if (!e.terminalTime.isValid())
        return bad(QStringLiteral("terminal_time is not an ISO 8601 instant"));
    if (!o.value(QStringLiteral("detail")).isObject())
        return bad(QStringLiteral("detail must be an object"));
    e.detail = o.value(QStringLiteral("detail")).toObject();
    for (const QJsonValue& v : o.value(QStringLiteral("lots")).toArray()) {
        const QJsonObject m = v.toObject();
        const auto parsed = lotMovesFromText(m.value(QStringLiteral("lot")).toString() + QLatin1Char('=') +
                                             QString::number(m.value(QStringLiteral("points")).toInteger()));
        if (!parsed || parsed->size() != 1)
            return bad(QStringLiteral("a lot move is malformed"));
        e.lots.append(parsed->first());
    }
    e.prevHash = o.value(QStringLiteral("prev_hash")).toString();
    e.hash = o.value(QStringLiteral("hash")).toString();
    if (e.prevHash.size() != 64 || e.hash.size() != 64)
        return bad(QStringLiteral("prev_hash and hash must be 64 hex characters"));
    return e;
}

QJsonObject JournalEntry::toJson() const
{
    QJsonArray lotArray;
    for (const LotMove& m : lots)
        lotArray.append(
            QJsonObject{{QStringLiteral("lot"), m.lot.toString()}, {QStringLiteral("points"), m.points.value()}});
    QJsonObject o{
        {QStringLiteral("seq"), seq},
        {QStringLiteral("entry_id"), entryId},
        {QStringLiteral("terminal_id"), terminalId},
        {QStringLiteral("kind"), entryKindName(kind)},
        {QStringLiteral("member_id"), memberUid.isEmpty() ? QJsonValue() : QJsonValue(memberUid)},
        {QStringLiteral("points"), points.value()},
        {QStringLiteral("green_points"), greenPoints.value()},
        {QStringLiteral("ref"), ref},
        {QStringLiteral("reverses_seq"), reversesSeq == 0 ? QJsonValue() : QJsonValue(reversesSeq)},
        {QStringLiteral("ruleset_version"), rulesetVersion},
        {QStringLiteral("terminal_time"), formatInstant(terminalTime)},
        {QStringLiteral("detail"), detail},
        {QStringLiteral("lots"), lotArray},
        {QStringLiteral("prev_hash"), prevHash},
        {QStringLiteral("hash"), hash},
    };
    return o;
}

} // namespace jifen
