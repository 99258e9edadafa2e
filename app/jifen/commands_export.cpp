// export journal|members|report --format csv|json [--out FILE]: the terminal's data for
// spreadsheets and other systems. Phone numbers are masked like everywhere else.

#include "commands.h"
#include "identity.h"
#include "logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace jifen::cli {

namespace {

struct Table {
    QString kind;
    QStringList columns;     // CSV header and the keys of each row
    QList<QJsonObject> rows; // JSON rows; CSV flattens nested values to compact JSON
};

// RFC 4180 quoting. A text cell starting with = + - @ is prefixed with ' so a spreadsheet shows it
// as text instead of running it as a formula (a member's name is typed in at the till).
QString csvCell(const QJsonValue& v)
{
    QString text;
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toInteger(), 10);
    case QJsonValue::String:
        text = v.toString();
        if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front()))
            text.prepend(QLatin1Char('\''));
        break;
    case QJsonValue::Array:
        text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        break;
    }
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')) ||
        text.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    return text;
}

QByteArray render(const Table& t, bool csv)
{
    if (!csv) {
        QJsonArray rows;
        for (const QJsonObject& r : t.rows)
            rows.append(r);
        return QJsonDocument(QJsonObject{{QStringLiteral("export"), t.kind},
                                         {QStringLiteral("columns"), QJsonArray::fromStringList(t.columns)},
                                         {QStringLiteral("count"), rows.size()},
                                         {QStringLiteral("rows"), rows}})
                   .toJson(QJsonDocument::Compact) +
               '\n';
    }
    QString out = t.columns.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const QJsonObject& r : t.rows) {
        QStringList cells;
        for (const QString& c : t.columns)
            cells.append(csvCell(r.value(c)));
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

Result<Table> journalTable(Ledger& ledger)
{
    auto entries = ledger.journal();
    if (!entries)
        return entries.error();
    Table t{QStringLiteral("journal"),
            {QStringLiteral("seq"), QStringLiteral("entry_id"), QStringLiteral("terminal_id"), QStringLiteral("kind"),
             QStringLiteral("member_id"), QStringLiteral("points"), QStringLiteral("green_points"),
             QStringLiteral("ref"), QStringLiteral("reverses_seq"), QStringLiteral("ruleset_version"),
             QStringLiteral("terminal_time"), QStringLiteral("detail"), QStringLiteral("lots"),
             QStringLiteral("prev_hash"), QStringLiteral("hash")},
            {}};
    for (const JournalEntry& e : entries.value())
        t.rows.append(e.toJson());
    return t;
}

Result<Table> membersTable(Ledger& ledger)
{
    Table t{QStringLiteral("members"),
            {QStringLiteral("member_id"), QStringLiteral("phone_masked"), QStringLiteral("card"),
             QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("tier"), QStringLiteral("balance"),
             QStringLiteral("green_balance"), QStringLiteral("created_at")},
            {}};
    const qint64 page = 500;
    for (qint64 offset = 0;; offset += page) {
        auto members = ledger.listMembers(page, offset);
        if (!members)
            return members.error();
        for (const Member& m : members.value()) {
            auto summary = m.phone.isEmpty() ? ledger.memberByCard(m.card) : ledger.memberByPhone(m.phone);
            if (!summary)
                return summary.error();
            t.rows.append({{QStringLiteral("member_id"), m.uid},
                           {QStringLiteral("phone_masked"), m.phone.isEmpty() ? QJsonValue() : maskPhone(m.phone)},
                           {QStringLiteral("card"), m.card.isEmpty() ? QJsonValue() : QJsonValue(m.card)},
                           {QStringLiteral("name"), m.name},
                           {QStringLiteral("kind"), memberKindName(m.kind)},
                           {QStringLiteral("tier"), summary->tierCode},
                           {QStringLiteral("balance"), summary->balance.value()},
                           {QStringLiteral("green_balance"), summary->greenBalance.value()},
                           {QStringLiteral("created_at"), formatInstant(m.createdAt)}});
        }
        if (members->size() < page)
            break;
    }
    return t;
}

Result<Table> reportTable(Ledger& ledger, QDate from, QDate to)
{
    Table t{QStringLiteral("report"),
            {QStringLiteral("date"), QStringLiteral("sales"), QStringLiteral("sales_total"), QStringLiteral("issued"),
             QStringLiteral("issued_green"), QStringLiteral("redeemed"), QStringLiteral("offset"),
             QStringLiteral("reversed"), QStringLiteral("expired"), QStringLiteral("deferred"),
             QStringLiteral("donated"), QStringLiteral("cashiers")},
            {}};
    for (QDate d = from; d <= to; d = d.addDays(1)) {
        auto r = ledger.dayReport(d);
        if (!r)
            return r.error();
        t.rows.append(r->toJson());
    }
    return t;
}

Result<QDate> dateFlag(const ParsedArgs& args, const QString& flag, QDate fallback)
{
    if (!args.has(flag))
        return fallback;
    auto d = parseDate(args.value(flag));
    if (!d)
        return Error::badInput(QStringLiteral("--%1: %2").arg(flag, d.error().message));
    return d.value();
}

int exportData(Context& ctx, const ParsedArgs& args, const QString& kind)
{
    // Every argument is checked before the ledger is opened or a file is touched.
    const QString format = args.value(QStringLiteral("format"));
    if (format != QStringLiteral("csv") && format != QStringLiteral("json"))
        return ctx.fail(Error::badInput(QStringLiteral("--format must be csv or json, not \"%1\"").arg(format)));
    const bool csv = format == QStringLiteral("csv");
    const QString out =
        args.has(QStringLiteral("out")) ? QFileInfo(args.value(QStringLiteral("out"))).absoluteFilePath() : QString();
    if (args.has(QStringLiteral("out")) && args.value(QStringLiteral("out")).isEmpty())
        return ctx.fail(Error::badInput(QStringLiteral("--out needs a file name")));
    if (out.isEmpty() && csv && ctx.json())
        return ctx.fail(Error::badInput(
            QStringLiteral("--json prints one JSON object: use --format json, or --out FILE for the CSV")));
    QDate from;
    QDate to;
    if (kind == QStringLiteral("report")) {
        auto f = dateFlag(args, QStringLiteral("from"), ctx.clock().today());
        if (!f)
            return ctx.fail(f.error());
        auto t = dateFlag(args, QStringLiteral("to"), f.value());
        if (!t)
            return ctx.fail(t.error());
        from = f.value();
        to = t.value();
        if (to < from || from.daysTo(to) > 366)
            return ctx.fail(Error::badInput(QStringLiteral("--from must be on or before --to, at most 367 days")));
    }
    if (!out.isEmpty()) {
        if (QFileInfo::exists(out))
            return ctx.fail(
                Error::refused(QStringLiteral("%1 already exists; export never overwrites a file").arg(out)));
        if (!QFileInfo(out).absoluteDir().exists())
            return ctx.fail(
                Error::notFound(QStringLiteral("directory %1 does not exist").arg(QFileInfo(out).absolutePath())));
    }
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    Result<Table> table = kind == QStringLiteral("journal")   ? journalTable(**ledger)
                          : kind == QStringLiteral("members") ? membersTable(**ledger)
                                                              : reportTable(**ledger, from, to);
    if (!table)
        return ctx.fail(table.error());
    const QByteArray data = render(table.value(), csv);
    if (out.isEmpty()) {
        QTextStream stream(stdout);
        stream << QString::fromUtf8(data);
        return 0;
    }
    // Written whole or not at all.
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return ctx.fail(Error::storage(QStringLiteral("cannot write %1: %2").arg(out, file.errorString())));
    qCInfo(lcOps) << "exported" << table->rows.size() << kind << "rows to" << out;
    return ctx.done({{QStringLiteral("export"), kind},
                     {QStringLiteral("format"), format},
                     {QStringLiteral("count"), table->rows.size()},
                     {QStringLiteral("out"), out}},
                    {QStringLiteral("exported %1 %2 rows to %3 (%4)").arg(table->rows.size()).arg(kind, out, format)});
}

Command exportCommand(const QString& kind, const QString& extraUsage, const QStringList& extraFlags,
                      const QString& summary)
{
    return {
        {QStringLiteral("export"), kind},
        QStringLiteral("--format csv|json %1[--out FILE]").arg(extraUsage),
        summary,
        {QStringList{QStringLiteral("format"), QStringLiteral("out")} + extraFlags, {}, {QStringLiteral("format")}, {}},
        [kind](Context& ctx, const ParsedArgs& args) { return exportData(ctx, args, kind); }};
}

} // namespace

QList<Command> exportCommands()
{
    return {
        exportCommand(QStringLiteral("journal"), QString(), {}, QStringLiteral("every journal entry")),
        exportCommand(QStringLiteral("members"), QString(), {},
                      QStringLiteral("members with balances and tier (phones masked)")),
        exportCommand(QStringLiteral("report"), QStringLiteral("[--from YYYY-MM-DD] [--to YYYY-MM-DD] "),
                      {QStringLiteral("from"), QStringLiteral("to")},
                      QStringLiteral("the day report, one row per day (default today)")),
    };
}

} // namespace jifen::cli
