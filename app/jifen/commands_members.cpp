#include "commands.h"
#include "identity.h"

#include <QJsonArray>

namespace jifen::cli {

namespace {

QJsonObject summaryJson(const MemberSummary& s)
{
    QJsonArray soon;
    for (const ExpiringPoints& e : s.expiringSoon)
        soon.append(QJsonObject{{QStringLiteral("points"), e.points.value()},
                                {QStringLiteral("expires_on"), e.validThrough.toString(Qt::ISODate)}});
    return {{QStringLiteral("member_id"), s.member.uid},
            {QStringLiteral("phone_masked"),
             s.member.phone.isEmpty() ? QJsonValue() : QJsonValue(maskPhone(s.member.phone))},
            {QStringLiteral("card"), s.member.card.isEmpty() ? QJsonValue() : QJsonValue(s.member.card)},
            {QStringLiteral("name"), s.member.name},
            {QStringLiteral("kind"), memberKindName(s.member.kind)},
            {QStringLiteral("balance"), s.balance.value()},
            {QStringLiteral("green_balance"), s.greenBalance.value()},
            {QStringLiteral("tier"), s.tierCode},
            {QStringLiteral("tier_name"), s.tierName},
            {QStringLiteral("earned_12m"), s.earned12m.value()},
            {QStringLiteral("expiring_soon"), soon},
            {QStringLiteral("consent"), s.member.consentTerms.isEmpty()
                                            ? QJsonValue()
                                            : QJsonObject{{QStringLiteral("terms"), s.member.consentTerms},
                                                          {QStringLiteral("at"), formatInstant(s.member.consentAt)}}}};
}

QStringList summaryText(const MemberSummary& s)
{
    QStringList lines{
        QStringLiteral("member   %1").arg(s.member.uid),
        QStringLiteral("name     %1 (%2)").arg(s.member.name, memberKindName(s.member.kind)),
        QStringLiteral("phone    %1").arg(s.member.phone.isEmpty() ? QStringLiteral("-") : maskPhone(s.member.phone)),
        QStringLiteral("card     %1").arg(s.member.card.isEmpty() ? QStringLiteral("-") : s.member.card),
        QStringLiteral("tier     %1 %2 (%3 points earned in 12 months)")
            .arg(s.tierCode, s.tierName)
            .arg(s.earned12m.value()),
        QStringLiteral("balance  %1 points (green %2)").arg(s.balance.value()).arg(s.greenBalance.value()),
        s.member.consentTerms.isEmpty() ? QStringLiteral("consent  none recorded")
                                        : QStringLiteral("consent  privacy terms %1, agreed %2")
                                              .arg(s.member.consentTerms, formatInstant(s.member.consentAt)),
    };
    for (const ExpiringPoints& e : s.expiringSoon)
        lines.append(QStringLiteral("expiring %1 points after %2")
                         .arg(e.points.value())
                         .arg(e.validThrough.toString(Qt::ISODate)));
    return lines;
}

int memberAdd(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    NewMember input;
    input.phone = args.value(QStringLiteral("phone"));
    input.card = args.value(QStringLiteral("card"));
    input.name = args.value(QStringLiteral("name"));
    if (args.has(QStringLiteral("kind")))
        input.kind = args.value(QStringLiteral("kind"));
    input.consented = args.has(QStringLiteral("consent"));
    if (args.has(QStringLiteral("phone")) && input.phone.isEmpty())
        return ctx.fail(Error::badInput(QStringLiteral("phone number is empty")));
    if (args.has(QStringLiteral("card")) && input.card.isEmpty())
        return ctx.fail(Error::badInput(QStringLiteral("card number is empty")));
    auto m = (*ledger)->addMember(input);
    if (!m)
        return ctx.fail(m.error());
    auto s = m->phone.isEmpty() ? (*ledger)->memberByCard(m->card) : (*ledger)->memberByPhone(m->phone);
    if (!s)
        return ctx.fail(s.error());
    QStringList text = summaryText(s.value());
    text.prepend(QStringLiteral("member added"));
    return ctx.done(summaryJson(s.value()), text);
}

int memberShow(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    const bool byPhone = args.has(QStringLiteral("phone"));
    const bool byCard = args.has(QStringLiteral("card"));
    if (byPhone == byCard)
        return ctx.fail(Error::badInput(QStringLiteral("give exactly one of --phone or --card")));
    auto s = byPhone ? (*ledger)->memberByPhone(args.value(QStringLiteral("phone")))
                     : (*ledger)->memberByCard(args.value(QStringLiteral("card")));
    if (!s)
        return ctx.fail(s.error());
    return ctx.done(summaryJson(s.value()), summaryText(s.value()));
}

int memberList(Context& ctx, const ParsedArgs& args)
{
    auto ledger = ctx.ledger();
    if (!ledger)
        return ctx.fail(ledger.error());
    auto limit = wholeFlag(args, QStringLiteral("limit"), 1, 100000, 1000);
    if (!limit)
        return ctx.fail(limit.error());
    auto offset = wholeFlag(args, QStringLiteral("offset"), 0, Points::maxInput, 0);
    if (!offset)
        return ctx.fail(offset.error());
    auto members = (*ledger)->listMembers(limit.value(), offset.value());
    if (!members)
        return ctx.fail(members.error());
    QJsonArray arr;
    QStringList text;
    for (const Member& m : members.value()) {
        const QString phone = m.phone.isEmpty() ? QString() : maskPhone(m.phone);
        arr.append(QJsonObject{{QStringLiteral("member_id"), m.uid},
                               {QStringLiteral("phone_masked"), phone.isEmpty() ? QJsonValue() : QJsonValue(phone)},
                               {QStringLiteral("card"), m.card.isEmpty() ? QJsonValue() : QJsonValue(m.card)},
                               {QStringLiteral("name"), m.name},
                               {QStringLiteral("kind"), memberKindName(m.kind)}});
        text.append(QStringLiteral("%1  %2  %3  %4")
                        .arg(m.uid, phone.isEmpty() ? QStringLiteral("-          ") : phone,
                             m.card.isEmpty() ? QStringLiteral("-") : m.card, m.name));
    }
    if (text.isEmpty())
        text.append(QStringLiteral("no members"));
    return ctx.done({{QStringLiteral("members"), arr}, {QStringLiteral("count"), arr.size()}}, text);
}

} // namespace

QList<Command> memberCommands()
{
    return {
        {{QStringLiteral("member"), QStringLiteral("add")},
         QStringLiteral("--phone P | --card C [both] --name N [--kind person|enterprise|institution] [--consent]"),
         QStringLiteral("enrol a member; pass --consent when they agreed to the privacy terms"),
         {{QStringLiteral("phone"), QStringLiteral("card"), QStringLiteral("name"), QStringLiteral("kind")},
          {QStringLiteral("consent")},
          {QStringLiteral("name")},
          {}},
         memberAdd},
        {{QStringLiteral("member"), QStringLiteral("show")},
         QStringLiteral("--phone P | --card C"),
         QStringLiteral("balance, tier, points expiring soon and privacy consent"),
         {{QStringLiteral("phone"), QStringLiteral("card")}, {}, {}, {}},
         memberShow},
        {{QStringLiteral("member"), QStringLiteral("list")},
         QStringLiteral("[--limit N] [--offset N]"),
         QStringLiteral("members, phone numbers masked"),
         {{QStringLiteral("limit"), QStringLiteral("offset")}, {}, {}, {}},
         memberList},
    };
}

} // namespace jifen::cli
