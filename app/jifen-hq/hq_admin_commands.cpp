#include "hq_admin_commands.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace jifen::hq {

namespace {

using Args = cli::ParsedArgs;

Result<qint64> wholeNumber(const Args& args, const QString& flag)
{
    bool ok = false;
    const qint64 n = args.value(flag).toLongLong(&ok);
    if (!ok)
        return Error::badInput(QStringLiteral("--%1 must be a whole number").arg(flag));
    return n;
}

// The month a report covers: --month, or the current business month by HQ's clock.
QString monthOf(const Args& args, const sync::HqService& service)
{
    return args.has(QStringLiteral("month")) ? args.value(QStringLiteral("month"))
                                             : businessDate(QDateTime::fromString(service.now(), Qt::ISODateWithMs))
                                                   .toString(QStringLiteral("yyyy-MM"));
}

// Reports print their JSON indented as text too: they are read by people and by scripts alike.
Result<AdminOutput> report(const Result<QJsonObject>& r)
{
    if (!r)
        return r.error();
    return AdminOutput{r.value(), {QString::fromUtf8(QJsonDocument(r.value()).toJson(QJsonDocument::Indented))}};
}

QList<AdminCommand> build()
{
    const QString M = QStringLiteral("month");
    return {
        {QStringLiteral("merchant add"),
         QStringLiteral("merchant add --merchant M --name N --category C"),
         {{QStringLiteral("merchant"), QStringLiteral("name"), QStringLiteral("category")},
          {},
          {QStringLiteral("merchant"), QStringLiteral("name"), QStringLiteral("category")},
          {}},
         [](sync::HqService& s, const Args& a) -> Result<AdminOutput> {
             auto r = s.addMerchant(a.value(QStringLiteral("merchant")), a.value(QStringLiteral("name")),
                                    a.value(QStringLiteral("category")));
             if (!r)
                 return r.error();
             return AdminOutput{r.value(),
                                {QStringLiteral("merchant %1 added").arg(a.value(QStringLiteral("merchant")))}};
         }},
        {QStringLiteral("merchant list"),
         QStringLiteral("merchant list"),
         {},
         [](sync::HqService& s, const Args&) -> Result<AdminOutput> {
             auto r = s.merchants();
             if (!r)
                 return r.error();
             QStringList text;
             for (const QJsonValue& v : r.value()) {
                 const QJsonObject m = v.toObject();
                 QStringList stores;
                 for (const QJsonValue& st : m.value(QStringLiteral("stores")).toArray())
                     stores.append(st.toObject().value(QStringLiteral("store_id")).toString());
                 text.append(QStringLiteral("%1  %2  %3  stores: %4")
                                 .arg(m.value(QStringLiteral("merchant_id")).toString(),
                                      m.value(QStringLiteral("name")).toString(),
                                      m.value(QStringLiteral("category")).toString(),
                                      stores.isEmpty() ? QStringLiteral("none") : stores.join(QStringLiteral(", "))));
             }
             return AdminOutput{{{QStringLiteral("merchants"), r.value()}}, text};
         }},
        {QStringLiteral("store add"),
         QStringLiteral("store add --store S --merchant M --name N"),
         {{QStringLiteral("store"), QStringLiteral("merchant"), QStringLiteral("name")},
          {},
          {QStringLiteral("store"), QStringLiteral("merchant"), QStringLiteral("name")},
          {}},
         [](sync::HqService& s, const Args& a) -> Result<AdminOutput> {
             auto r = s.addStore(a.value(QStringLiteral("store")), a.value(QStringLiteral("merchant")),
                                 a.value(QStringLiteral("name")));
             if (!r)
                 return r.error();
             return AdminOutput{r.value(),
                                {QStringLiteral("store %1 of merchant %2 added")
                                     .arg(a.value(QStringLiteral("store")), a.value(QStringLiteral("merchant")))}};
         }},
        {QStringLiteral("budget set"),
         QStringLiteral("budget set --merchant M --month YYYY-MM --points N"),
         {{QStringLiteral("merchant"), M, QStringLiteral("points")},
          {},
          {QStringLiteral("merchant"), M, QStringLiteral("points")},
          {}},
         [](sync::HqService& s, const Args& a) -> Result<AdminOutput> {
             auto points = wholeNumber(a, QStringLiteral("points"));
             if (!points)
                 return points.error();
             auto r =
                 s.setBudget(a.value(QStringLiteral("merchant")), a.value(QStringLiteral("month")), points.value());
             if (!r)
                 return r.error();
             return AdminOutput{r.value(),
                                {QStringLiteral("merchant %1 may issue %2 points in %3")
                                     .arg(a.value(QStringLiteral("merchant")))
                                     .arg(points.value())
                                     .arg(a.value(QStringLiteral("month")))}};
         }},
        {QStringLiteral("member import"),
         QStringLiteral("member import --file F.csv        (phone,name[,card[,kind]] per line)"),
         {{QStringLiteral("file")}, {}, {QStringLiteral("file")}, {}},
         [](sync::HqService& s, const Args& a) -> Result<AdminOutput> {
             QFile file(a.value(QStringLiteral("file")));
             if (!file.open(QIODevice::ReadOnly))
                 return Error::notFound(
                     QStringLiteral("cannot read %1: %2").arg(a.value(QStringLiteral("file")), file.errorString()));
             auto r = s.importMembers(file.read(64 * 1024 * 1024));
             if (!r)
                 return r.error();
             return AdminOutput{r.value(),
                                {QStringLiteral("%1 members added, %2 already known")
                                     .arg(r->value(QStringLiteral("added")).toInteger())
                                     .arg(r->value(QStringLiteral("already_known")).toInteger())}};
         }},
        {QStringLiteral("stock deliver"),
         QStringLiteral("stock deliver --terminal T --reward R --quantity N   (added to T's stock on its next sync)"),
         {{QStringLiteral("terminal"), QStringLiteral("reward"), QStringLiteral("quantity")},
          {},
          {QStringLiteral("terminal"), QStringLiteral("reward"), QStringLiteral("quantity")},
          {}},
         [](sync::HqService& s, const Args& a) -> Result<AdminOutput> {
             auto quantity = wholeNumber(a, QStringLiteral("quantity"));
             if (!quantity)
                 return quantity.error();
             auto r = s.deliverStock(a.value(QStringLiteral("terminal")), a.value(QStringLiteral("reward")),
                                     quantity.value());
             if (!r)
                 return r.error();
             return AdminOutput{r.value(),
                                {QStringLiteral("%1 x %2 on its way to %3")
                                     .arg(r->value(QStringLiteral("reward")).toString())
                                     .arg(quantity.value())
                                     .arg(a.value(QStringLiteral("terminal")))}};
         }},
        {QStringLiteral("report liability"),
         QStringLiteral("report liability"),
         {},
         [](sync::HqService& s, const Args&) { return report(s.liabilityReport()); }},
        {QStringLiteral("report issuance"),
         QStringLiteral("report issuance [--month YYYY-MM]"),
         {{M}, {}, {}, {}},
         [](sync::HqService& s, const Args& a) { return report(s.issuanceReport(monthOf(a, s))); }},
        {QStringLiteral("report settlement"),
         QStringLiteral("report settlement [--month YYYY-MM]"),
         {{M}, {}, {}, {}},
         [](sync::HqService& s, const Args& a) { return report(s.settlementReport(monthOf(a, s))); }},
        {QStringLiteral("report green"),
         QStringLiteral("report green [--month YYYY-MM]"),
         {{M}, {}, {}, {}},
         [](sync::HqService& s, const Args& a) { return report(s.greenReport(monthOf(a, s))); }},
        {QStringLiteral("report charity"),
         QStringLiteral("report charity"),
         {},
         [](sync::HqService& s, const Args&) { return report(s.charityReport()); }},
        {QStringLiteral("report surveys"),
         QStringLiteral("report surveys"),
         {},
         [](sync::HqService& s, const Args&) { return report(s.surveyReport()); }},
        {QStringLiteral("expiry"),
         QStringLiteral("expiry"),
         {},
         [](sync::HqService& s, const Args&) { return report(s.expiryReport()); }},
        {QStringLiteral("statement"),
         QStringLiteral("statement --phone P [--month YYYY-MM]"),
         {{QStringLiteral("phone"), M}, {}, {QStringLiteral("phone")}, {}},
         [](sync::HqService& s, const Args& a) {
             return report(s.statement(a.value(QStringLiteral("phone")), monthOf(a, s)));
         }},
    };
}

} // namespace

const AdminCommand* findAdminCommand(const QString& name)
{
    static const QList<AdminCommand> commands = build();
    for (const AdminCommand& c : commands) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QString adminUsage()
{
    static const QList<AdminCommand> commands = build();
    QString out = QStringLiteral("\nProgram administration and reports:\n");
    for (const AdminCommand& c : commands)
        out += QStringLiteral("  %1\n").arg(c.usage);
    return out;
}

} // namespace jifen::hq
