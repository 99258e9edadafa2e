#include "commands.h"
#include "statement_pdf.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>

namespace jifen::cli {

namespace {

// --phone P | --card C, exactly one, neither empty.
Result<QPair<QString, QString>> memberFlags(const ParsedArgs& args)
{
    const bool byPhone = args.has(QStringLiteral("phone"));
    const bool byCard = args.has(QStringLiteral("card"));
    if (byPhone == byCard)
        return Error::badInput(QStringLiteral("give exactly one of --phone or --card"));
    const QString phone = args.value(QStringLiteral("phone"));
    const QString card = args.value(QStringLiteral("card"));
    if ((byPhone && phone.trimmed().isEmpty()) || (byCard && card.trimmed().isEmpty()))
        return Error::badInput(QStringLiteral("the member's phone or card number is empty"));
    return qMakePair(phone, card);
}

// A value flag that must not be given empty ("--month=").
Status notEmpty(const ParsedArgs& args, const QString& flag)
{
    if (args.has(flag) && args.value(flag).trimmed().isEmpty())
        return Error::badInput(QStringLiteral("--%1 is empty").arg(flag));
    return Ok{};
}

// A signed whole number of points, not zero ("--points -50").
Result<qint64> signedPointsFlag(const ParsedArgs& args, const QString& flag)
{
    const QString text = args.value(flag).trimmed();
    static const QRegularExpression re(QStringLiteral("^-?[0-9]{1,12}$"));
    if (!re.match(text).hasMatch())
        return Error::badInput(
            QStringLiteral("--%1 must be a whole number (negative to take points), not \"%2\"").arg(flag, text));
    const qint64 n = text.toLongLong();
    if (n == 0 || n > Points::maxInput || n < -Points::maxInput)
        return Error::badInput(
            QStringLiteral("--%1 must be between -%2 and %2, and not 0").arg(flag).arg(Points::maxInput));
    return n;
}

// "YYYY-MM", a real month.
Result<QPair<int, int>> parseMonth(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{4})-([0-9]{2})$"));
    const auto m = re.match(text.trimmed());
    const int year = m.hasMatch() ? m.captured(1).toInt() : 0;
    const int month = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (year < 2000 || month < 1 || month > 12)
        return Error::badInput(QStringLiteral("month must be YYYY-MM, not \"%1\"").arg(text));
    return qMakePair(year, month);
}

QStringList householdText(const HouseholdInfo& h)
{
    QStringList text{QStringLiteral("household %1, head %2, %3 of at most %4 members")
                         .arg(h.householdId, h.headPhoneMasked)
                         .arg(h.members.size())
                         .arg(h.maxMembers),
                     QStringLiteral("each member may send %1 points a month").arg(h.monthlyTransferLimit.value())};
    for (const HouseholdInfo::Member& m : h.members)
        text.append(QStringLiteral("  %1  %2  %3  balance %4, sent this month %5")
                        .arg(m.uid, m.phoneMasked, m.name)
                        .arg(m.balance.value())
                        .arg(m.transferredOutThisMonth.value()));
    return text;
}

int householdRun(Context& ctx, const ParsedArgs& args, const QString& action)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    const QString phone = args.value(QStringLiteral("phone"));
    const QString member = args.value(QStringLiteral("member"));
    Result<HouseholdInfo> h = Error::badInput(QString());
    if (action == QLatin1String("create"))
        h = (*ledger)->createHousehold(phone);
    else if (action == QLatin1String("add"))
        h = (*ledger)->addToHousehold(phone, member);
    else if (action == QLatin1String("remove"))
        h = (*ledger)->removeFromHousehold(phone, member);
    else
        h = (*ledger)->household(phone);
    if (!h)
        return ctx.fail(h.error());
    QStringList text = householdText(h.value());
    if (action == QLatin1String("create"))
        text.prepend(QStringLiteral("household created"));
    else if (action == QLatin1String("add"))
        text.prepend(QStringLiteral("member added to the household"));
    else if (action == QLatin1String("remove"))
        text.prepend(QStringLiteral("member removed from the household"));
    return ctx.done(h->toJson(), text);
}

int householdCreate(Context& ctx, const ParsedArgs& args)
{
    return householdRun(ctx, args, QStringLiteral("create"));
}

int householdAdd(Context& ctx, const ParsedArgs& args)
{
    return householdRun(ctx, args, QStringLiteral("add"));
}

int householdRemove(Context& ctx, const ParsedArgs& args)
{
    return householdRun(ctx, args, QStringLiteral("remove"));
}

int householdShow(Context& ctx, const ParsedArgs& args)
{
    return householdRun(ctx, args, QStringLiteral("show"));
}

int transfer(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto points = wholeFlag(args, QStringLiteral("points"), 1, Points::maxInput, 0);
    if (!points)
        return ctx.fail(points.error());
    TransferRequest req;
    req.ref = args.value(QStringLiteral("ref"));
    req.fromPhone = args.value(QStringLiteral("from"));
    req.toPhone = args.value(QStringLiteral("to"));
    req.points = points.value();
    req.pin = args.value(QStringLiteral("pin"));
    auto r = (*ledger)->transfer(req);
    if (!r)
        return ctx.fail(r.error());
    return ctx.done(
        r->toJson(),
        {QStringLiteral("transfer %1: %2 points moved inside the household").arg(r->ref).arg(r->points.value()),
         QStringLiteral("sender balance %1, receiver balance %2, approved by %3")
             .arg(r->fromBalance.value())
             .arg(r->toBalance.value())
             .arg(r->approvedBy)});
}

int donate(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto who = memberFlags(args);
    if (!who)
        return ctx.fail(who.error());
    auto points = wholeFlag(args, QStringLiteral("points"), 1, Points::maxInput, 0);
    if (!points)
        return ctx.fail(points.error());
    DonateRequest req;
    req.ref = args.value(QStringLiteral("ref"));
    req.phone = who->first;
    req.card = who->second;
    req.charity = args.value(QStringLiteral("charity"));
    req.points = points.value();
    auto r = (*ledger)->donate(req);
    if (!r)
        return ctx.fail(r.error());
    return ctx.done(r->toJson(), {QStringLiteral("donated %1 points to %2; the program pledges %3 more")
                                      .arg(r->points.value())
                                      .arg(r->charity)
                                      .arg(r->matchPoints.value()),
                                  QStringLiteral("balance %1").arg(r->balance.value())});
}

QStringList grantText(const GrantResult& r, const QString& what)
{
    QStringList text{QStringLiteral("%1 %2: %3 points, balance %4 (green %5)")
                         .arg(what, r.ref)
                         .arg(r.points.value())
                         .arg(r.balance.value())
                         .arg(r.greenBalance.value())};
    if (r.deferred.value() != 0)
        text.append(QStringLiteral("%1 points deferred: beyond this terminal's allowance, released when HQ grants more")
                        .arg(r.deferred.value()));
    if (!r.approvedBy.isEmpty())
        text.append(QStringLiteral("approved by %1").arg(r.approvedBy));
    return text;
}

int green(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto who = memberFlags(args);
    if (!who)
        return ctx.fail(who.error());
    GreenRequest req;
    req.ref = args.value(QStringLiteral("ref"));
    req.phone = who->first;
    req.card = who->second;
    req.action = args.value(QStringLiteral("action"));
    req.pin = args.value(QStringLiteral("pin"));
    auto r = (*ledger)->grantGreen(req);
    if (!r)
        return ctx.fail(r.error());
    return ctx.done(r->toJson(), grantText(r.value(), QStringLiteral("green %1").arg(r->action)));
}

int adjust(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto who = memberFlags(args);
    if (!who)
        return ctx.fail(who.error());
    auto points = signedPointsFlag(args, QStringLiteral("points"));
    if (!points)
        return ctx.fail(points.error());
    // Usage, like a missing --reason: core would refuse it too (compliance rule 1), but an empty
    // flag value is bad input everywhere on this command line.
    if (args.value(QStringLiteral("reason")).trimmed().isEmpty())
        return ctx.fail(
            Error::badInput(QStringLiteral("--reason is empty: an adjustment needs a reason (compliance rule 1)")));
    AdjustRequest req;
    req.ref = args.value(QStringLiteral("ref"));
    req.phone = who->first;
    req.card = who->second;
    req.points = points.value();
    req.reason = args.value(QStringLiteral("reason"));
    req.pin = args.value(QStringLiteral("pin"));
    auto r = (*ledger)->adjust(req);
    if (!r)
        return ctx.fail(r.error());
    return ctx.done(r->toJson(), grantText(r.value(), QStringLiteral("adjustment")));
}

int surveyList(Context& ctx, const ParsedArgs&)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto rules = (*ledger)->rules();
    if (!rules)
        return ctx.fail(rules.error());
    QJsonArray surveys;
    QStringList text;
    for (const Survey& s : rules->program().surveys) {
        QJsonArray questions;
        text.append(
            QStringLiteral("%1  %2%3")
                .arg(s.code, s.title)
                .arg(s.greenAction.isEmpty() ? QString() : QStringLiteral("  [green action: %1]").arg(s.greenAction)));
        for (const SurveyQuestion& q : s.questions) {
            questions.append(QJsonObject{{QStringLiteral("id"), q.id},
                                         {QStringLiteral("text"), q.text},
                                         {QStringLiteral("options"), QJsonArray::fromStringList(q.options)}});
            text.append(
                QStringLiteral("  %1: %2  %3")
                    .arg(q.id, q.text,
                         q.options.isEmpty() ? QStringLiteral("(free text)") : q.options.join(QStringLiteral(" / "))));
        }
        surveys.append(QJsonObject{
            {QStringLiteral("code"), s.code},
            {QStringLiteral("title"), s.title},
            {QStringLiteral("green_action"), s.greenAction.isEmpty() ? QJsonValue() : QJsonValue(s.greenAction)},
            {QStringLiteral("questions"), questions}});
    }
    if (text.isEmpty())
        text.append(QStringLiteral("no surveys"));
    return ctx.done({{QStringLiteral("surveys"), surveys}, {QStringLiteral("ruleset_version"), rules->version()}},
                    text);
}

int surveyAnswer(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto who = memberFlags(args);
    if (!who)
        return ctx.fail(who.error());
    SurveyAnswerRequest req;
    req.ref = args.value(QStringLiteral("ref"));
    req.phone = who->first;
    req.card = who->second;
    req.survey = args.value(QStringLiteral("survey"));
    for (const QString& a : args.all(QStringLiteral("answer"))) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return ctx.fail(Error::badInput(
                QStringLiteral("--answer must be QUESTION=ANSWER (see `jifen survey list`), not \"%1\"").arg(a)));
        req.answers.append({a.left(eq).trimmed(), a.mid(eq + 1)});
    }
    auto r = (*ledger)->answerSurvey(req);
    if (!r)
        return ctx.fail(r.error());
    QStringList text{QStringLiteral("survey %1: %2 answer(s) recorded").arg(r->survey).arg(r->answered)};
    if (r->greenPoints.value() > 0)
        text.append(QStringLiteral("%1 green points granted").arg(r->greenPoints.value()));
    if (!r->note.isEmpty())
        text.append(r->note);
    return ctx.done(r->toJson(), text);
}

QJsonObject statementJson(const StatementData& s)
{
    QJsonArray soon;
    for (const ExpiringPoints& e : s.expiringSoon)
        soon.append(QJsonObject{{QStringLiteral("points"), e.points.value()},
                                {QStringLiteral("expires_on"), e.validThrough.toString(Qt::ISODate)}});
    return {{QStringLiteral("month"), s.monthText()},
            {QStringLiteral("member_id"), s.memberUid},
            {QStringLiteral("phone_masked"), s.phoneMasked.isEmpty() ? QJsonValue() : QJsonValue(s.phoneMasked)},
            {QStringLiteral("name"), s.memberName},
            {QStringLiteral("opening"), s.opening.value()},
            {QStringLiteral("earned"), s.earned.value()},
            {QStringLiteral("refunded"), s.refunded.value()},
            {QStringLiteral("redeemed"), s.redeemed.value()},
            {QStringLiteral("offset"), s.offset.value()},
            {QStringLiteral("expired"), s.expired.value()},
            {QStringLiteral("transferred"), s.transferred.value()},
            {QStringLiteral("donated"), s.donated.value()},
            {QStringLiteral("green"), s.green.value()},
            {QStringLiteral("adjusted"), s.adjusted.value()},
            {QStringLiteral("closing"), s.closing.value()},
            {QStringLiteral("green_earned"), s.greenEarned.value()},
            {QStringLiteral("green_closing"), s.greenClosing.value()},
            {QStringLiteral("expiring_soon"), soon},
            {QStringLiteral("warm_line"), s.warmLine}};
}

Status writeTextFile(const QString& path, const QString& content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0 || !file.commit())
        return Error::storage(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return Ok{};
}

QStringList textLines(const QString& content)
{
    QStringList lines = content.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

int statement(Context& ctx, const ParsedArgs& args)
{
    // Every input is checked before anything is read or written.
    auto who = memberFlags(args);
    if (!who)
        return ctx.fail(who.error());
    auto month = parseMonth(args.value(QStringLiteral("month")));
    if (!month)
        return ctx.fail(month.error());
    const QString format =
        args.has(QStringLiteral("format")) ? args.value(QStringLiteral("format")) : QStringLiteral("text");
    if (format != QLatin1String("text") && format != QLatin1String("html") && format != QLatin1String("pdf"))
        return ctx.fail(Error::badInput(QStringLiteral("--format must be text, html or pdf, not \"%1\"").arg(format)));
    if (auto st = notEmpty(args, QStringLiteral("out")); !st)
        return ctx.fail(st.error());
    const QString out = args.value(QStringLiteral("out"));
    if (format == QLatin1String("pdf") && out.isEmpty())
        return ctx.fail(Error::badInput(QStringLiteral("--format pdf needs --out FILE")));

    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto s = (*ledger)->statement(who->first, who->second, month->first, month->second);
    if (!s)
        return ctx.fail(s.error());

    QJsonObject json = statementJson(s.value());
    if (out.isEmpty()) {
        const QString content = format == QLatin1String("html") ? statementHtml(s.value()) : statementText(s.value());
        return ctx.done(json, textLines(content));
    }
    const Status written = format == QLatin1String("pdf")    ? writeStatementPdf(statementHtml(s.value()), out)
                           : format == QLatin1String("html") ? writeTextFile(out, statementHtml(s.value()))
                                                             : writeTextFile(out, statementText(s.value()));
    if (!written)
        return ctx.fail(written.error());
    const QString path = QFileInfo(out).absoluteFilePath();
    json.insert(QStringLiteral("out"), path);
    return ctx.done(json,
                    {QStringLiteral("statement %1 for %2 written to %3 (%4)")
                         .arg(s->monthText(), s->phoneMasked.isEmpty() ? s->memberUid : s->phoneMasked, path, format)});
}

int reportDay(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    std::optional<QDate> date;
    if (args.has(QStringLiteral("date"))) {
        auto d = parseDate(args.value(QStringLiteral("date")));
        if (!d)
            return ctx.fail(d.error());
        date = d.value();
    }
    auto r = (*ledger)->dayReport(date);
    if (!r)
        return ctx.fail(r.error());
    QStringList text{
        QStringLiteral("day report %1").arg(r->date.toString(Qt::ISODate)),
        QStringLiteral("sales      %1, total %2 yuan").arg(r->sales).arg(r->salesTotal.toYuanString()),
        QStringLiteral("issued     %1 points (green %2)").arg(r->issued.value()).arg(r->issuedGreen.value()),
        QStringLiteral("redeemed   %1").arg(r->redeemed.value()),
        QStringLiteral("offset     %1").arg(r->offset.value()),
        QStringLiteral("reversed   %1").arg(r->reversed.value()),
        QStringLiteral("expired    %1").arg(r->expired.value()),
        QStringLiteral("deferred   %1").arg(r->deferred.value()),
        QStringLiteral("donated    %1").arg(r->donated.value()),
    };
    for (const DayReport::Cashier& c : r->cashiers)
        text.append(QStringLiteral("  cashier %1: %2 sales, %3 yuan, %4 points")
                        .arg(c.name.isEmpty() ? QStringLiteral("-") : c.name)
                        .arg(c.sales)
                        .arg(c.total.toYuanString())
                        .arg(c.points.value()));
    return ctx.done(r->toJson(), text);
}

int reportCharities(Context& ctx, const ParsedArgs&)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto totals = (*ledger)->charityTotals();
    if (!totals)
        return ctx.fail(totals.error());
    QJsonArray arr;
    QStringList text;
    for (const CharityTotal& c : totals.value()) {
        arr.append(QJsonObject{{QStringLiteral("code"), c.code},
                               {QStringLiteral("name"), c.name},
                               {QStringLiteral("donations"), c.donations},
                               {QStringLiteral("points"), c.points.value()},
                               {QStringLiteral("match_points"), c.matchPoints.value()}});
        text.append(QStringLiteral("%1  %2: %3 donation(s), %4 points, program pledge %5")
                        .arg(c.code, c.name)
                        .arg(c.donations)
                        .arg(c.points.value())
                        .arg(c.matchPoints.value()));
    }
    if (text.isEmpty())
        text.append(QStringLiteral("no charities"));
    return ctx.done({{QStringLiteral("charities"), arr}}, text);
}

QStringList allowanceText(const AllowanceInfo& a)
{
    return {QStringLiteral("allowance %1: granted %2, used %3, remaining %4, deferred waiting %5")
                .arg(a.month)
                .arg(a.granted.value())
                .arg(a.used.value())
                .arg(a.remaining().value())
                .arg(a.deferredPending.value())};
}

int allowanceShow(Context& ctx, const ParsedArgs& args)
{
    if (auto st = notEmpty(args, QStringLiteral("month")); !st)
        return ctx.fail(st.error());
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto a = (*ledger)->allowance(args.value(QStringLiteral("month")));
    if (!a)
        return ctx.fail(a.error());
    return ctx.done(a->toJson(), allowanceText(a.value()));
}

int allowanceSet(Context& ctx, const ParsedArgs& args)
{
    if (auto st = notEmpty(args, QStringLiteral("month")); !st)
        return ctx.fail(st.error());
    auto points = wholeFlag(args, QStringLiteral("points"), 0, Points::maxInput, 0);
    if (!points)
        return ctx.fail(points.error());
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto a = (*ledger)->setAllowance(points.value(), args.value(QStringLiteral("month")));
    if (!a)
        return ctx.fail(a.error());
    return ctx.done(a->toJson(), allowanceText(a.value()));
}

int rulesLoad(Context& ctx, const ParsedArgs& args)
{
    const QString path = args.value(QStringLiteral("file"));
    if (path.trimmed().isEmpty())
        return ctx.fail(Error::badInput(QStringLiteral("give the rule set file: jifen rules load FILE")));
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return ctx.fail(Error::notFound(QStringLiteral("no rule set file %1").arg(path)));
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(Error::storage(QStringLiteral("cannot read %1: %2").arg(path, file.errorString())));
    const QByteArray json = file.readAll();
    auto rules = (*ledger)->loadRules(json);
    if (!rules)
        return ctx.fail(rules.error());
    return ctx.done({{QStringLiteral("version"), rules->version()}, {QStringLiteral("name"), rules->name()}},
                    {QStringLiteral("rule set %1 loaded: %2").arg(rules->version()).arg(rules->name())});
}

} // namespace

QList<Command> programCommands()
{
    const QString ref = QStringLiteral("ref");
    const QString phone = QStringLiteral("phone");
    const QString card = QStringLiteral("card");
    const QString member = QStringLiteral("member");
    const QString points = QStringLiteral("points");
    const QString pin = QStringLiteral("pin");
    const QString month = QStringLiteral("month");
    return {
        {{QStringLiteral("household"), QStringLiteral("create")},
         QStringLiteral("--phone HEAD"),
         QStringLiteral("start a household (家庭共享) headed by this member"),
         {{phone}, {}, {phone}, {}},
         householdCreate},
        {{QStringLiteral("household"), QStringLiteral("add")},
         QStringLiteral("--phone HEAD --member P"),
         QStringLiteral("add a member to the household of HEAD (at most 5 members)"),
         {{phone, member}, {}, {phone, member}, {}},
         householdAdd},
        {{QStringLiteral("household"), QStringLiteral("remove")},
         QStringLiteral("--phone HEAD --member P"),
         QStringLiteral("take a member out of the household of HEAD"),
         {{phone, member}, {}, {phone, member}, {}},
         householdRemove},
        {{QStringLiteral("household"), QStringLiteral("show")},
         QStringLiteral("--phone P"),
         QStringLiteral("the household this member belongs to"),
         {{phone}, {}, {phone}, {}},
         householdShow},
        {{QStringLiteral("transfer")},
         QStringLiteral("--ref R --from P --to P2 --points N --pin PIN"),
         QStringLiteral("move points between two members of one household (manager PIN)"),
         {{ref, QStringLiteral("from"), QStringLiteral("to"), points, pin},
          {},
          {ref, QStringLiteral("from"), QStringLiteral("to"), points},
          {}},
         transfer},
        {{QStringLiteral("donate")},
         QStringLiteral("--ref R (--phone P | --card C) --charity CODE --points N"),
         QStringLiteral("donate points to a registered charity; the program's matching pledge is recorded"),
         {{ref, phone, card, QStringLiteral("charity"), points}, {}, {ref, QStringLiteral("charity"), points}, {}},
         donate},
        {{QStringLiteral("green")},
         QStringLiteral("--ref R (--phone P | --card C) --action survey|training|share --pin PIN"),
         QStringLiteral("grant green points for an eco action (manager PIN; monthly cap)"),
         {{ref, phone, card, QStringLiteral("action"), pin}, {}, {ref, QStringLiteral("action")}, {}},
         green},
        {{QStringLiteral("adjust")},
         QStringLiteral("--ref R (--phone P | --card C) --points [-]N --reason TEXT --pin PIN"),
         QStringLiteral("a manager's adjustment of a member's points, with a reason"),
         {{ref, phone, card, points, QStringLiteral("reason"), pin}, {}, {ref, points, QStringLiteral("reason")}, {}},
         adjust},
        {{QStringLiteral("survey"), QStringLiteral("list")},
         QString(),
         QStringLiteral("the rule set's surveys and their questions"),
         {},
         surveyList},
        {{QStringLiteral("survey"), QStringLiteral("answer")},
         QStringLiteral("--ref R (--phone P | --card C) --survey CODE --answer ID=VALUE [--answer ID=VALUE ...]"),
         QStringLiteral("record a member's survey answers (an eco survey grants green points)"),
         {{ref, phone, card, QStringLiteral("survey"), QStringLiteral("answer")},
          {},
          {ref, QStringLiteral("survey"), QStringLiteral("answer")},
          {QStringLiteral("answer")}},
         surveyAnswer},
        {{QStringLiteral("statement")},
         QStringLiteral("(--phone P | --card C) --month YYYY-MM [--format text|html|pdf] [--out FILE]"),
         QStringLiteral("a member's monthly statement (积分月结单); pdf needs --out"),
         {{phone, card, month, QStringLiteral("format"), QStringLiteral("out")}, {}, {month}, {}},
         statement},
        {{QStringLiteral("report"), QStringLiteral("day")},
         QStringLiteral("[--date YYYY-MM-DD]"),
         QStringLiteral("the terminal's day: sales, points issued, redeemed, offset, reversed, expired, deferred; per "
                        "cashier"),
         {{QStringLiteral("date")}, {}, {}, {}},
         reportDay},
        {{QStringLiteral("report"), QStringLiteral("charities")},
         QString(),
         QStringLiteral("donations and the program's pledges per charity"),
         {},
         reportCharities},
        {{QStringLiteral("allowance"), QStringLiteral("show")},
         QStringLiteral("[--month YYYY-MM]"),
         QStringLiteral("this terminal's points allowance for the month: granted, used, deferred"),
         {{month}, {}, {}, {}},
         allowanceShow},
        {{QStringLiteral("allowance"), QStringLiteral("set")},
         QStringLiteral("--points N [--month YYYY-MM]"),
         QStringLiteral("set the month's allowance (from HQ); releases deferred earning into the new room"),
         {{points, month}, {}, {points}, {}},
         allowanceSet},
        {{QStringLiteral("rules"), QStringLiteral("load")},
         QStringLiteral("FILE | --file FILE"),
         QStringLiteral("load a newer rule set; refused when it breaks a compliance line"),
         {{QStringLiteral("file")}, {}, {QStringLiteral("file")}, {}, QStringLiteral("file")},
         rulesLoad},
    };
}

} // namespace jifen::cli
