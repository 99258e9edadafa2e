#include "expiry.h"
#include "identity.h"
#include "ledger_impl.h"
#include "sale_preview.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

namespace jifen {

namespace {

const QStringList kTenders{QStringLiteral("cash"), QStringLiteral("wechat"), QStringLiteral("alipay"),
                           QStringLiteral("card")};

using Line = PricedLine;

Result<QList<Line>> parseItems(const QStringList& items, const RuleSet& rs)
{
    QList<Line> lines;
    static const QRegularExpression qtyForm(QStringLiteral("^[0-9]{1,4}$"));
    for (const QString& item : items) {
        const QStringList parts = item.trimmed().split(QLatin1Char(':'));
        if (parts.size() < 2 || parts.size() > 3 || parts.at(0).isEmpty())
            return Error::badInput(
                QCoreApplication::translate("jifen::Ledger", "item \"%1\" is not SKU:QTY or SKU:QTY:PRICE").arg(item));
        const Product* product = rs.program().product(parts.at(0));
        if (!product)
            return Error::notFound(QCoreApplication::translate("jifen::Ledger", "no product with SKU %1 in rule set %2")
                                       .arg(parts.at(0))
                                       .arg(rs.version()));
        if (!qtyForm.match(parts.at(1)).hasMatch() || parts.at(1).toLongLong() < 1 || parts.at(1).toLongLong() > 999)
            return Error::badInput(
                QCoreApplication::translate("jifen::Ledger", "quantity of %1 must be a whole number from 1 to 999")
                    .arg(product->sku));
        Line line;
        line.out.sku = product->sku;
        line.out.name = product->name;
        line.out.category = product->category;
        line.out.quantity = parts.at(1).toLongLong();
        line.out.unitPrice = product->price;
        if (parts.size() == 3) {
            auto price = Money::parseYuan(parts.at(2));
            if (!price)
                return Error::badInput(QCoreApplication::translate("jifen::Ledger", "price of %1: %2")
                                           .arg(product->sku, price.error().message));
            line.out.unitPrice = price.value();
        }
        line.out.eco = product->eco;
        line.offsetEligible = product->offsetEligible;
        line.customService = product->customService;
        lines.append(line);
    }
    return lines;
}

} // namespace

QJsonObject SaleLine::toJson() const
{
    QJsonObject o{{QStringLiteral("sku"), sku},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("category"), category},
                  {QStringLiteral("quantity"), quantity},
                  {QStringLiteral("unit_price"), unitPrice.toYuanString()},
                  {QStringLiteral("total"), total.toYuanString()},
                  {QStringLiteral("offset"), offset.toYuanString()},
                  {QStringLiteral("eco"), eco},
                  {QStringLiteral("points"), points.value()}};
    if (discount.fen() > 0)
        o.insert(QStringLiteral("discount"), discount.toYuanString());
    if (!promotion.isEmpty())
        o.insert(QStringLiteral("promotion"), promotion);
    return o;
}

Result<SaleResult> Ledger::sale(const SaleRequest& request)
{
    auto ref = normalizeRef(request.ref);
    if (!ref)
        return ref.error();
    if (request.amount.isEmpty() == request.items.isEmpty())
        return Error::badInput(QCoreApplication::translate(
            "jifen::Ledger", "a sale is either an amount (--amount) or items (--item), not both and not "
                             "neither"));
    if (request.offsetPoints < 0)
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "points to offset must not be negative"));
    if (request.offsetPoints > Points::maxInput)
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "points to offset are too many"));
    const QString tender = request.tender.isEmpty() ? QStringLiteral("cash") : request.tender;
    if (!kTenders.contains(tender))
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "tender \"%1\" is not one of cash, wechat, alipay, card")
                .arg(tender));
    // A retry is answered before anything that depends on the rule set, the catalog or the
    // members: those may have changed since the first attempt, and the first result stands.
    auto memberKey = Ledger::Impl::memberKey(request.phone, request.card);
    if (!memberKey)
        return memberKey.error();
    // "100" and "100.00" are the same request; an amount that does not parse fails below.
    const auto amountFen = Money::parseYuan(request.amount);
    const QString amountKey = amountFen ? QString::number(amountFen->fen()) : request.amount.trimmed();
    const QString fingerprint =
        QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
            .arg(memberKey.value(), amountKey, request.items.join(QLatin1Char(',')), request.category.trimmed())
            .arg(request.offsetPoints)
            .arg(request.cashier.trimmed(), tender);
    {
        ReadScope reading(d->store);
        auto prior = d->priorResult(ref.value(), QStringLiteral("sale"), fingerprint);
        if (!prior)
            return prior.error();
        if (prior.value())
            return SaleResult::fromJson(*prior.value());
    }
    auto id = d->identity();
    if (!id)
        return id.error();
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    if (!request.cashier.isEmpty())
        JIFEN_TRY(d->requireOperator(request.cashier));

    QList<Line> lines;
    if (!request.amount.isEmpty()) {
        auto amount = Money::parseYuan(request.amount);
        if (!amount)
            return amount.error();
        auto cat = rs->category(request.category.isEmpty() ? id->merchantCategory : request.category);
        if (!cat)
            return cat.error();
        Line line;
        line.out.category = cat->code;
        line.out.unitPrice = amount.value();
        lines.append(line);
    } else {
        if (!request.category.isEmpty())
            return Error::badInput(QCoreApplication::translate(
                "jifen::Ledger", "--category is for amount-only sales; items carry their own category"));
        auto parsed = parseItems(request.items, rs.value());
        if (!parsed)
            return parsed.error();
        lines = parsed.value();
    }

    std::optional<Member> member;
    if (!request.phone.isEmpty() || !request.card.isEmpty()) {
        auto m = d->requireMember(request.phone, request.card);
        if (!m)
            return m.error();
        member = m.value();
    }
    QString tierCode;
    int customDiscount = 0;
    if (member) {
        auto tier = d->tierOf(member->id, rs.value());
        if (!tier)
            return tier.error();
        tierCode = tier->code;
        customDiscount = rs->program().tierBenefits.value(tierCode).customDiscountPercent;
    }

    Money bill;
    Money eligible;
    JIFEN_TRY(priceLines(rs.value(), lines, customDiscount, &bill, &eligible));
    if (bill.fen() > Money::maxFen)
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "the bill is too large (at most 99999999.99 yuan)"));

    const Points offset(request.offsetPoints);
    const qint64 ppy = rs->offsetPointsPerYuan();
    if (offset.value() > 0) {
        if (!member)
            return Error::badInput(QCoreApplication::translate(
                "jifen::Ledger", "points can only offset a bill when a member is identified"));
        if (offset.value() % ppy != 0)
            return Error::badInput(
                QCoreApplication::translate("jifen::Ledger",
                                            "points offset in whole yuan: %1 points is not a multiple of %2")
                    .arg(offset.value())
                    .arg(ppy));
    }
    const Money offsetAmount = Money::fromFen(offset.value() / ppy * 100);
    if (offsetAmount > eligible)
        return Error::refused(
            eligible == bill
                ? QCoreApplication::translate("jifen::Ledger",
                                              "points may pay at most the bill: %1 points are %2 yuan, "
                                              "the bill is %3")
                      .arg(offset.value())
                      .arg(offsetAmount.toYuanString(), bill.toYuanString())
                : QCoreApplication::translate("jifen::Ledger", "points may pay at most the eligible part of the bill: "
                                                               "%1 points are %2 yuan, that part is %3")
                      .arg(offset.value())
                      .arg(offsetAmount.toYuanString(), eligible.toYuanString()));
    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto prior = d->priorResult(ref.value(), QStringLiteral("sale"), fingerprint);
    if (!prior)
        return prior.error();
    if (prior.value())
        return SaleResult::fromJson(*prior.value());

    const QDate today = d->clock.today();
    if (member)
        JIFEN_TRY(d->expireMemberLots(member->id));

    SaleResult result;
    result.ref = ref.value();
    result.memberUid = member ? member->uid : QString();
    result.amount = bill;
    result.offsetPoints = offset;
    result.offsetAmount = offsetAmount;
    result.paid = bill - offsetAmount;
    result.tier = tierCode;
    qint64 offsetSeq = 0;
    if (offset.value() > 0) {
        auto bal = d->balanceOf(member->id);
        if (!bal)
            return bal.error();
        auto plan = d->planDebit(member->id, offset, SpendPolicy::OrdinaryFirst);
        if (!plan)
            return plan.error();
        if (plan->shortfall.value() > 0)
            return Error::refused(
                QCoreApplication::translate("jifen::Ledger", "not enough points to offset: balance %1, asked %2")
                    .arg(std::max<qint64>(0, bal->points.value()))
                    .arg(offset.value()));
        JIFEN_TRY(d->requireOfflineRoom(member->id, rs.value(), offset,
                                        QCoreApplication::translate("jifen::Ledger", "this points offset")));
        EntryDraft draft;
        draft.kind = EntryKind::Offset;
        draft.member = member;
        draft.points = -offset;
        draft.greenPoints = -plan->fromGreen;
        draft.ref = ref.value();
        draft.rulesetVersion = rs->version();
        draft.detail = {{QStringLiteral("offset_fen"), offsetAmount.fen()},
                        {QStringLiteral("points_per_yuan"), ppy},
                        {QStringLiteral("amount_fen"), bill.fen()}};
        draft.lots = plan->moves;
        auto e = d->append(draft);
        if (!e)
            return e.error();
        offsetSeq = e->seq;
    }

    // Each line earns whole points on what was actually paid for it, at its category's rate (eco
    // goods: green points), times the best promotion for that category — never stacked.
    Points ordinary;
    Points green;
    int validity = 0;
    QJsonArray lineJson;
    if (const Promotion* p = earnLines(rs.value(), lines, offsetAmount, result.paid, today, member.has_value()))
        result.promotion = p->code;
    for (const Line& line : lines) {
        if (line.out.eco)
            green += line.out.points;
        else
            ordinary += line.out.points;
        if (line.out.points.value() > 0 && (validity == 0 || line.validityMonths < validity))
            validity = line.validityMonths;
        result.lines.append(line.out);
        lineJson.append(line.out.toJson());
    }
    // One lot per kind: a bill mixing categories takes the shortest validity, never extending one.
    const QDate validThrough = lotValidThrough(today, validity == 0 ? 36 : validity);

    // Issuance draws on this terminal's allowance; what does not fit is deferred, not lost.
    Points grantOrdinary = ordinary;
    Points grantGreen = green;
    if (member && (ordinary + green).value() > 0) {
        auto allowance = d->allowanceFor(d->currentMonth(), rs.value(), false);
        if (!allowance)
            return allowance.error();
        Points room = std::max(Points(0), allowance->remaining());
        grantOrdinary = std::min(ordinary, room);
        room -= grantOrdinary;
        grantGreen = std::min(green, room);
        JIFEN_TRY(d->useAllowance(d->currentMonth(), grantOrdinary + grantGreen, rs.value()));
    }
    result.pointsEarned = grantOrdinary + grantGreen;
    result.greenEarned = grantGreen;
    result.deferred = (ordinary - grantOrdinary) + (green - grantGreen);

    QJsonObject saleDetail{{QStringLiteral("amount_fen"), bill.fen()},
                           {QStringLiteral("paid_fen"), result.paid.fen()},
                           {QStringLiteral("category"), lines.first().out.category},
                           {QStringLiteral("rate"), lines.first().rate},
                           {QStringLiteral("tender"), tender}};
    if (!request.items.isEmpty())
        saleDetail.insert(QStringLiteral("items"), lineJson);
    if (!result.promotion.isEmpty())
        saleDetail.insert(QStringLiteral("promotion"), result.promotion);
    // HQ re-derives the custom-service discount from the member's tier at the time of the sale.
    if (std::any_of(lines.cbegin(), lines.cend(), [](const Line& l) { return l.out.discount.fen() > 0; }))
        saleDetail.insert(QStringLiteral("tier"), tierCode);
    if (!request.cashier.isEmpty())
        saleDetail.insert(QStringLiteral("cashier"), request.cashier.trimmed());

    qint64 earnSeq = 0;
    if (member) {
        Ledger::Impl::Grant g;
        g.member = *member;
        g.points = grantOrdinary;
        g.deferred = ordinary - grantOrdinary;
        g.earnedOn = today;
        g.validThrough = validThrough;
        g.ref = ref.value();
        g.saleRef = ref.value();
        g.detail = saleDetail;
        auto e = d->writeGrant(g, rs.value());
        if (!e)
            return e.error();
        earnSeq = e->seq;
    } else {
        EntryDraft earn; // a sale without a member is recorded and earns nothing
        earn.kind = EntryKind::Earn;
        earn.ref = ref.value();
        earn.rulesetVersion = rs->version();
        earn.detail = saleDetail;
        auto e = d->append(earn);
        if (!e)
            return e.error();
        earnSeq = e->seq;
    }
    qint64 greenSeq = 0;
    if (member && green.value() > 0) {
        Ledger::Impl::Grant g;
        g.member = *member;
        g.points = grantGreen;
        g.deferred = green - grantGreen;
        g.green = true;
        g.earnedOn = today;
        g.validThrough = validThrough;
        g.ref = ref.value();
        g.saleRef = ref.value();
        g.detail = {{QStringLiteral("eco_fen"),
                     [&] {
                         qint64 fen = 0;
                         for (const Line& l : lines)
                             fen += l.out.eco ? (l.out.total - l.out.offset).fen() : 0;
                         return fen;
                     }()},
                    {QStringLiteral("rate"), rs->program().green.ecoItemRate}};
        auto e = d->writeGrant(g, rs.value());
        if (!e)
            return e.error();
        greenSeq = e->seq;
    }

    auto ins = d->store.prepare(QStringLiteral(
        "INSERT INTO sales (ref, member_id, category, amount_fen, offset_points, offset_fen, paid_fen, earned_points,"
        " earn_seq, offset_seq, created_at, cashier, tender, items, promotion, green_earned, green_seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!ins)
        return ins.error();
    const QVariant nullInt{QMetaType(QMetaType::LongLong)};
    const QVariant nullText{QMetaType(QMetaType::QString)};
    ins->addBindValue(ref.value());
    ins->addBindValue(member ? QVariant(member->id) : nullInt);
    ins->addBindValue(lines.first().out.category);
    ins->addBindValue(bill.fen());
    ins->addBindValue(offset.value());
    ins->addBindValue(offsetAmount.fen());
    ins->addBindValue(result.paid.fen());
    ins->addBindValue(ordinary.value());
    ins->addBindValue(earnSeq);
    ins->addBindValue(offsetSeq ? QVariant(offsetSeq) : nullInt);
    ins->addBindValue(formatInstant(d->clock.nowUtc()));
    ins->addBindValue(request.cashier.isEmpty() ? nullText : QVariant(request.cashier.trimmed()));
    ins->addBindValue(tender);
    ins->addBindValue(request.items.isEmpty()
                          ? nullText
                          : QVariant(QString::fromUtf8(QJsonDocument(lineJson).toJson(QJsonDocument::Compact))));
    ins->addBindValue(result.promotion.isEmpty() ? nullText : QVariant(result.promotion));
    ins->addBindValue(green.value());
    ins->addBindValue(greenSeq ? QVariant(greenSeq) : nullInt);
    JIFEN_TRY(d->store.exec(ins.value()));

    if (member) {
        auto bal = d->balanceOf(member->id);
        if (!bal)
            return bal.error();
        result.balance = bal->points;
    }
    JIFEN_TRY(d->recordResult(ref.value(), QStringLiteral("sale"), fingerprint, result.toJson()));
    JIFEN_TRY(uow.commit());
    d->emitIfCommitted(this);
    return result;
}

} // namespace jifen
