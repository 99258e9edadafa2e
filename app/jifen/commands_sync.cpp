#include "commands.h"
#include "hq_network.h"
#include "sync_client.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QUrl>

namespace jifen::cli {

namespace {

int enroll(Context& ctx, const ParsedArgs& args)
{
    const QUrl url(args.value(QStringLiteral("hq")));
    if (!url.isValid() || (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https")) ||
        url.host().isEmpty())
        return ctx.fail(Error::badInput(QStringLiteral("--hq must be an http:// or https:// URL")));
    const QString code = args.value(QStringLiteral("code")).trimmed();
    if (code.isEmpty())
        return ctx.fail(Error::badInput(QStringLiteral("--code is empty")));
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    sync::HqNetworkAccessManager network;
    QByteArray caPem;
    if (args.has(QStringLiteral("ca"))) {
        if (url.scheme() != QStringLiteral("https"))
            return ctx.fail(Error::badInput(QStringLiteral("--ca is for an https:// HQ")));
        if (auto st = network.trustCaFile(args.value(QStringLiteral("ca")), &caPem); !st)
            return ctx.fail(st.error());
    }
    sync::SyncClient client(**ledger, network, ctx.clock());
    QEventLoop loop;
    bool ok = false;
    QString error;
    QObject::connect(&client, &sync::SyncClient::enrolled, &loop, [&](bool success, const QString& message) {
        ok = success;
        error = message;
        loop.quit();
    });
    client.enroll(url.toString(QUrl::StripTrailingSlash), code);
    loop.exec();
    if (!ok)
        return ctx.fail(Error{ErrorCode::Network, QStringLiteral("enrolment failed: %1").arg(error)});
    // Stored with the enrolment (an enrolment without --ca clears an earlier CA).
    if (auto st = (*ledger)->saveHqCa(caPem); !st)
        return ctx.fail(st.error());
    return ctx.done(
        {{QStringLiteral("hq"), url.toString(QUrl::StripTrailingSlash)}, {QStringLiteral("enrolled"), true}},
        {QStringLiteral("enrolled with HQ at %1").arg(url.toString(QUrl::StripTrailingSlash))});
}

int syncNow(Context& ctx, const ParsedArgs& args)
{
    auto batch =
        wholeFlag(args, QStringLiteral("batch"), 1, sync::SyncClient::kBatchSize, sync::SyncClient::kBatchSize);
    if (!batch)
        return ctx.fail(batch.error());
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    sync::HqNetworkAccessManager network;
    if (auto st = network.trustEnrolledCa(**ledger); !st)
        return ctx.fail(st.error());
    sync::SyncClient client(**ledger, network, ctx.clock());
    client.setBatchLimits(static_cast<int>(batch.value()), sync::SyncClient::kMaxBatchBytes);
    QEventLoop loop;
    bool ok = false;
    QString error;
    QObject::connect(&client, &sync::SyncClient::progress, &loop, [&](qint64 acked, qint64 last) {
        if (!ctx.json())
            ctx.printLine(QStringLiteral("pushed through seq %1 of %2").arg(acked).arg(last));
    });
    QObject::connect(&client, &sync::SyncClient::finished, &loop, [&](bool success, const QString& message) {
        ok = success;
        error = message;
        loop.quit();
    });
    client.syncOnce();
    if (client.busy())
        loop.exec();
    auto state = (*ledger)->syncState();
    if (!state)
        return ctx.fail(state.error());
    if (!ok)
        return ctx.fail(Error{ErrorCode::Network, QStringLiteral("sync failed: %1").arg(error)});
    return ctx.done({{QStringLiteral("acked_seq"), state->ackedSeq},
                     {QStringLiteral("pending_entries"), state->pending()},
                     {QStringLiteral("last_success"), state->lastSuccess}},
                    {QStringLiteral("in sync with HQ: seq %1 acknowledged, %2 pending")
                         .arg(state->ackedSeq)
                         .arg(state->pending())});
}

int incidents(Context& ctx, const ParsedArgs&)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto list = (*ledger)->hqIncidents(200);
    if (!list)
        return ctx.fail(list.error());
    QJsonArray json;
    QStringList text;
    for (const HqIncident& i : list.value()) {
        json.append(QJsonObject{{QStringLiteral("id"), i.id},
                                {QStringLiteral("kind"), i.kind},
                                {QStringLiteral("terminal_id"), i.terminalId},
                                {QStringLiteral("seq"), i.seq ? QJsonValue(i.seq) : QJsonValue()},
                                {QStringLiteral("member_id"), i.memberUid.isEmpty() ? QJsonValue() : i.memberUid},
                                {QStringLiteral("detail"), i.detail},
                                {QStringLiteral("created_at"), i.createdAt}});
        text.append(QStringLiteral("%1  %2  terminal %3 seq %4: %5")
                        .arg(i.createdAt, i.kind, i.terminalId)
                        .arg(i.seq)
                        .arg(i.detail));
    }
    if (text.isEmpty())
        text.append(QStringLiteral("no incidents from HQ for this store"));
    return ctx.done({{QStringLiteral("incidents"), json}}, text);
}

} // namespace

QList<Command> syncCommands()
{
    return {
        {{QStringLiteral("enroll")},
         QStringLiteral("--hq URL --code CODE [--ca FILE]"),
         QStringLiteral("exchange HQ's one-time enrolment code for this terminal's key; --ca: a PEM CA certificate to"
                        " trust for an https HQ (kept with the enrolment)"),
         {{QStringLiteral("hq"), QStringLiteral("code"), QStringLiteral("ca")},
          {},
          {QStringLiteral("hq"), QStringLiteral("code")},
          {}},
         enroll},
        {{QStringLiteral("sync")},
         QStringLiteral("[--batch N]"),
         QStringLiteral("push the journal to HQ now (exit 6 when HQ cannot be reached or refuses); --batch: at most N"
                        " entries per push (1-5000, default 5000), smaller for a slow or flaky link"),
         {{QStringLiteral("batch")}, {}, {}, {}},
         syncNow},
        {{QStringLiteral("incidents")},
         QString(),
         QStringLiteral("incidents HQ raised for this store's terminals (overdrafts, earn mismatches...), newest "
                        "first, as of the last sync"),
         {},
         incidents},
    };
}

} // namespace jifen::cli
