// jifen-hq: the HQ server (HTTP API on SQLite or PostgreSQL) and its admin commands.

#include "cli_args.h"
#include "hq_admin_commands.h"
#include "hq_database.h"
#include "hq_ops.h"
#include "hq_service.h"
#include "http_server.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <exception>

using namespace jifen;
using namespace jifen::cli;
using namespace jifen::sync;

namespace {

struct Out {
    bool json = false;
    QTextStream out{stdout};
    QTextStream err{stderr};

    int done(const QJsonObject& o, const QStringList& text)
    {
        if (json)
            out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
        else
            for (const QString& line : text)
                out << line << '\n';
        out.flush();
        return 0;
    }
    int fail(const Error& e)
    {
        err << "jifen-hq: " << e.message << '\n';
        err.flush();
        if (json) {
            out << QString::fromUtf8(
                       QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                                  QJsonObject{{QStringLiteral("code"), errorCodeName(e.code)},
                                                              {QStringLiteral("exit_code"), static_cast<int>(e.code)},
                                                              {QStringLiteral("message"), e.message}}}})
                           .toJson(QJsonDocument::Compact))
                << '\n';
            out.flush();
        }
        return static_cast<int>(e.code);
    }
};

// The text line for member show's "consent" (null: none recorded), worded as `jifen member show`'s.
QString consentLine(const QJsonValue& consent)
{
    if (!consent.isObject())
        return QStringLiteral("consent none recorded");
    return QStringLiteral("consent privacy terms %1, agreed %2")
        .arg(consent[QStringLiteral("terms")].toString(), consent[QStringLiteral("at")].toString());
}

const char* kUsage =
    "jifen-hq - Jifen headquarters\n\n"
    "usage: jifen-hq [--db SPEC] [--json] COMMAND [OPTIONS]\n\n"
    "  --db SPEC   a SQLite file (default: jifen-hq.db in the current directory) or postgresql://...\n\n"
    "Commands:\n"
    "  serve [--listen HOST:PORT]            run the HTTP API (default 127.0.0.1:8787; port 0 picks one)\n"
    "        [--tls-cert FILE --tls-key FILE] and the operator status page (/status); HTTPS with a PEM\n"
    "                                        certificate and unencrypted PEM key\n"
    "  operator add --name N                 an operator of the status page; the password is read from stdin\n"
    "  terminal add --store S --terminal T   register a terminal; prints its one-time enrolment code\n"
    "  terminal list                         terminals, their acknowledged seq and last sync\n"
    "  member show --phone P                 a member's HQ balance and privacy consent\n"
    "  incidents                             overdrafts, tampering, reused seqs, duplicate members\n"
    "  rules publish --file F                publish a new rule-set version (terminals load it on their next sync)\n"
    "  allowance set --terminal T --month YYYY-MM --points N\n"
    "                                        a terminal's issuance allowance for a month (sent on its next sync)\n"
    "  verify                                every HQ balance against its journal\n\n"
    "Exit codes: 0 ok, 2 bad usage or input, 3 refused, 4 not found, 5 storage failure.\n";

int run(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("jifen-hq"));
    QCoreApplication::setApplicationVersion(QStringLiteral(JIFEN_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    Out out;
    out.json = arguments.contains(QStringLiteral("--json"));
    arguments.removeAll(QStringLiteral("--json"));
    auto prepared = hq::prepareArguments(arguments); // --verbose, --config FILE
    if (!prepared)
        return out.fail(prepared.error());
    arguments = prepared.value();
    QString dbSpec = QStringLiteral("jifen-hq.db");
    const qsizetype dbAt = arguments.indexOf(QStringLiteral("--db"));
    if (dbAt >= 0) {
        if (dbAt + 1 >= arguments.size())
            return out.fail(Error::badInput(QStringLiteral("--db needs a SQLite path or a postgresql:// URL")));
        dbSpec = arguments.at(dbAt + 1);
        arguments.remove(dbAt, 2);
    }
    if (arguments.contains(QStringLiteral("--version"))) {
        out.out << "jifen-hq " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    const QStringList words = commandWords(arguments);
    if (words.isEmpty() || arguments.contains(QStringLiteral("--help"))) {
        out.out << kUsage << hq::opsUsage() << hq::adminUsage();
        return words.isEmpty() && !arguments.contains(QStringLiteral("--help")) ? 2 : 0;
    }
    const QString command = words.join(QLatin1Char(' '));
    const QStringList rest = arguments.mid(words.size());
    if (auto code = hq::runOpsCommand(command, rest, dbSpec, out.json))
        return *code;
    FlagSpec spec;
    const hq::AdminCommand* admin = hq::findAdminCommand(command);
    if (admin)
        spec = admin->flags;
    else if (command == QStringLiteral("serve"))
        spec.values = {QStringLiteral("listen"), QStringLiteral("tls-cert"), QStringLiteral("tls-key")};
    else if (command == QStringLiteral("operator add"))
        spec = {{QStringLiteral("name")}, {}, {QStringLiteral("name")}, {}};
    else if (command == QStringLiteral("terminal add"))
        spec = {{QStringLiteral("store"), QStringLiteral("terminal")},
                {},
                {QStringLiteral("store"), QStringLiteral("terminal")},
                {}};
    else if (command == QStringLiteral("rules publish"))
        spec = {{QStringLiteral("file")}, {}, {QStringLiteral("file")}, {}};
    else if (command == QStringLiteral("allowance set"))
        spec = {{QStringLiteral("terminal"), QStringLiteral("month"), QStringLiteral("points")},
                {},
                {QStringLiteral("terminal"), QStringLiteral("month"), QStringLiteral("points")},
                {}};
    else if (command == QStringLiteral("member show"))
        spec = {{QStringLiteral("phone")}, {}, {QStringLiteral("phone")}, {}};
    else if (command != QStringLiteral("terminal list") && command != QStringLiteral("incidents") &&
             command != QStringLiteral("verify"))
        return out.fail(Error::badInput(QStringLiteral("unknown command \"%1\"; see `jifen-hq --help`").arg(command)));
    auto args = parseFlags(rest, spec);
    if (!args)
        return out.fail(args.error());

    auto db = HqDatabase::open(dbSpec);
    if (!db)
        return out.fail(db.error());
    auto clock = clockFromEnvironment();
    if (!clock)
        return out.fail(clock.error());
    HqService service(*db.value(), *clock.value());
    if (admin) {
        auto r = admin->run(service, args.value());
        return r ? out.done(r->json, r->text) : out.fail(r.error());
    }

    if (command == QStringLiteral("serve")) {
        const QString listen = args->has(QStringLiteral("listen")) ? args->value(QStringLiteral("listen"))
                                                                   : QStringLiteral("127.0.0.1:8787");
        const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const int port = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
        const QHostAddress address(colon > 0 ? listen.left(colon) : QString());
        if (!portOk || port < 0 || port > 65535 || address.isNull())
            return out.fail(Error::badInput(QStringLiteral("--listen must be HOST:PORT, like 127.0.0.1:8787")));
        if (auto st = db.value()->checkpointInBackground(); !st)
            return out.fail(st.error());
        HttpServer server(service);
        const bool tls = args->has(QStringLiteral("tls-cert")) || args->has(QStringLiteral("tls-key"));
        if (tls) {
            if (!args->has(QStringLiteral("tls-cert")) || !args->has(QStringLiteral("tls-key")))
                return out.fail(Error::badInput(QStringLiteral("--tls-cert and --tls-key go together")));
            auto st = server.enableTls(args->value(QStringLiteral("tls-cert")), args->value(QStringLiteral("tls-key")));
            if (!st)
                return out.fail(st.error());
        }
        const quint16 bound = server.listen(address, static_cast<quint16>(port));
        if (bound == 0)
            return out.fail(Error{ErrorCode::Network, QStringLiteral("cannot listen on %1").arg(listen)});
        // Tests and scripts read the chosen port from this line.
        out.out << "jifen-hq listening on " << address.toString() << ':' << bound << " (" << db.value()->describe()
                << (tls ? ", https" : "") << ")\n";
        out.out.flush();
        return app.exec();
    }
    if (command == QStringLiteral("terminal add")) {
        auto code = service.addTerminal(args->value(QStringLiteral("store")), args->value(QStringLiteral("terminal")));
        if (!code)
            return out.fail(code.error());
        return out.done({{QStringLiteral("terminal_id"), args->value(QStringLiteral("terminal"))},
                         {QStringLiteral("code"), code.value()}},
                        {QStringLiteral("terminal %1 registered; one-time enrolment code: %2")
                             .arg(args->value(QStringLiteral("terminal")), code.value())});
    }
    if (command == QStringLiteral("operator add")) {
        // The password comes from stdin (one line) so it never shows in the process list or history.
        QTextStream in(stdin);
        const QString password = in.readLine();
        auto added = service.addOperator(args->value(QStringLiteral("name")), password);
        if (!added)
            return out.fail(added.error());
        return out.done({{QStringLiteral("operator"), args->value(QStringLiteral("name"))}},
                        {QStringLiteral("operator %1 added; log in at /login on the jifen-hq server")
                             .arg(args->value(QStringLiteral("name")))});
    }
    if (command == QStringLiteral("terminal list")) {
        auto list = service.terminals();
        if (!list)
            return out.fail(list.error());
        QStringList text;
        for (const auto& v : list.value()) {
            const QJsonObject t = v.toObject();
            text.append(QStringLiteral("%1  store %2  %3  acked seq %4  last sync %5")
                            .arg(t.value(QStringLiteral("terminal_id")).toString(),
                                 t.value(QStringLiteral("store_id")).toString(),
                                 t.value(QStringLiteral("enrolled")).toBool() ? QStringLiteral("enrolled")
                                                                              : QStringLiteral("waiting for enrolment"))
                            .arg(t.value(QStringLiteral("acked_seq")).toInteger())
                            .arg(t.value(QStringLiteral("last_sync_at")).toString(QStringLiteral("never"))));
        }
        return out.done({{QStringLiteral("terminals"), list.value()}}, text);
    }
    if (command == QStringLiteral("rules publish")) {
        QFile file(args->value(QStringLiteral("file")));
        if (!file.open(QIODevice::ReadOnly))
            return out.fail(Error::badInput(
                QStringLiteral("cannot read %1: %2").arg(args->value(QStringLiteral("file")), file.errorString())));
        auto version = service.publishRules(file.read(qint64(4) * 1024 * 1024));
        if (!version)
            return out.fail(version.error());
        return out.done(
            {{QStringLiteral("version"), version.value()}},
            {QStringLiteral("rule set %1 published; terminals load it on their next sync").arg(version.value())});
    }
    if (command == QStringLiteral("allowance set")) {
        bool ok = false;
        const qint64 points = args->value(QStringLiteral("points")).toLongLong(&ok);
        if (!ok)
            return out.fail(Error::badInput(QStringLiteral("--points must be a whole number")));
        auto set =
            service.setAllowance(args->value(QStringLiteral("terminal")), args->value(QStringLiteral("month")), points);
        if (!set)
            return out.fail(set.error());
        return out.done(set.value(), {QStringLiteral("terminal %1 may issue %2 points in %3")
                                          .arg(args->value(QStringLiteral("terminal")))
                                          .arg(points)
                                          .arg(args->value(QStringLiteral("month")))});
    }
    if (command == QStringLiteral("member show")) {
        auto m = service.memberByPhone(args->value(QStringLiteral("phone")));
        if (!m)
            return out.fail(m.error());
        return out.done(m.value(), {QStringLiteral("member %1  %2  %3")
                                        .arg(m->value(QStringLiteral("member_id")).toString(),
                                             m->value(QStringLiteral("phone_masked")).toString(),
                                             m->value(QStringLiteral("name")).toString()),
                                    QStringLiteral("balance %1 points (green %2)")
                                        .arg(m->value(QStringLiteral("balance")).toInteger())
                                        .arg(m->value(QStringLiteral("green_balance")).toInteger()),
                                    consentLine(m->value(QStringLiteral("consent")))});
    }
    if (command == QStringLiteral("incidents")) {
        auto list = service.incidents();
        if (!list)
            return out.fail(list.error());
        QStringList text;
        for (const auto& v : list.value()) {
            const QJsonObject i = v.toObject();
            text.append(
                QStringLiteral("#%1 %2  terminal %3 seq %4: %5")
                    .arg(i.value(QStringLiteral("id")).toInteger())
                    .arg(i.value(QStringLiteral("kind")).toString(), i.value(QStringLiteral("terminal_id")).toString())
                    .arg(i.value(QStringLiteral("seq")).toInteger())
                    .arg(i.value(QStringLiteral("detail")).toString()));
        }
        if (text.isEmpty())
            text.append(QStringLiteral("no incidents"));
        return out.done({{QStringLiteral("incidents"), list.value()}}, text);
    }
    auto report = service.verify();
    if (!report)
        return out.fail(report.error());
    if (!report->value(QStringLiteral("ok")).toBool()) {
        out.done(report.value(), {});
        return out.fail(Error::storage(QStringLiteral("HQ verification failed")));
    }
    return out.done(report.value(), {QStringLiteral("HQ verified: %1 members, every balance equals its journal")
                                         .arg(report->value(QStringLiteral("members")).toInteger())});
}

} // namespace

// An exception escaping (std::bad_alloc on a huge request, say) ends with a storage-failure exit
// code and one line, not std::terminate's abort.
int main(int argc, char** argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "jifen-hq: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "jifen-hq: unknown exception\n");
    }
    return 5;
}
