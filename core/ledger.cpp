#include "ledger.h"

#include "identity.h"
#include "ledger_impl.h"
#include "pin.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace jifen {

QString operatorRoleName(OperatorRole role)
{
    return role == OperatorRole::Manager ? QStringLiteral("manager") : QStringLiteral("cashier");
}

Ledger::Ledger(Store& store, const Clock& clock, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Impl>(store, clock))
{}

Ledger::~Ledger() = default;

Status Ledger::checkIdentity(const QString& storeId, const QString& terminalId, const QString& merchantCategory)
{
    JIFEN_TRY(normalizeCode(storeId, QCoreApplication::translate("jifen::Ledger", "store id")));
    JIFEN_TRY(normalizeCode(terminalId, QCoreApplication::translate("jifen::Ledger", "terminal id")));
    auto builtin = RuleSet::fromJson(RuleSet::builtinDefaultJson());
    if (!builtin)
        return Error::storage(QCoreApplication::translate("jifen::Ledger", "the built-in rule set is invalid: %1")
                                  .arg(builtin.error().message));
    JIFEN_TRY(builtin->category(merchantCategory.isEmpty() ? QStringLiteral("general") : merchantCategory));
    return Ok{};
}

Status Ledger::initialize(const QString& storeId, const QString& terminalId, const QString& merchantCategory)
{
    JIFEN_TRY(checkIdentity(storeId, terminalId, merchantCategory));
    const QString store = storeId.trimmed();
    const QString terminal = terminalId.trimmed();
    const QString category = merchantCategory.isEmpty() ? QStringLiteral("general") : merchantCategory;
    auto builtin = RuleSet::fromJson(RuleSet::builtinDefaultJson());
    if (!builtin)
        return builtin.error();

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    d->ident.reset();
    auto existing = d->identity();
    if (existing) {
        if (existing->storeId == store && existing->terminalId == terminal && existing->merchantCategory == category)
            return Ok{};
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger",
                                        "this data directory already belongs to terminal %1 of store %2 (%3); "
                                        "a terminal's identity never changes")
                .arg(existing->terminalId, existing->storeId, existing->merchantCategory));
    }
    if (existing.error().code != ErrorCode::NotFound)
        return existing.error();
    for (const auto& [key, value] :
         {std::pair{QStringLiteral("store_id"), store}, std::pair{QStringLiteral("terminal_id"), terminal},
          std::pair{QStringLiteral("merchant_category"), category},
          std::pair{QStringLiteral("created_at"), formatInstant(d->clock.nowUtc())}}) {
        auto q = d->store.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
        if (!q)
            return q.error();
        q->addBindValue(key);
        q->addBindValue(value);
        JIFEN_TRY(d->store.exec(q.value()));
    }
    JIFEN_TRY(d->storeRuleSet(builtin.value()));
    JIFEN_TRY(uow.commit());
    d->ident.reset();
    return Ok{};
}

Result<TerminalIdentity> Ledger::identity()
{
    ReadScope reading(d->store);
    return d->identity();
}

Result<Member> Ledger::addMember(const NewMember& input)
{
    JIFEN_TRY(d->identity());
    Member m;
    if (input.phone.isEmpty() && input.card.isEmpty())
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "a member needs a phone number or a card number"));
    if (!input.phone.isEmpty()) {
        auto p = normalizePhone(input.phone);
        if (!p)
            return p.error();
        m.phone = p.value();
    }
    if (!input.card.isEmpty()) {
        auto c = normalizeCard(input.card);
        if (!c)
            return c.error();
        m.card = c.value();
    }
    auto n = normalizeName(input.name, QCoreApplication::translate("jifen::Ledger", "member name"));
    if (!n)
        return n.error();
    m.name = n.value();
    auto kind = memberKindFromName(input.kind);
    if (!kind)
        return Error::badInput(QCoreApplication::translate(
                                   "jifen::Ledger", "member kind \"%1\" is not one of person, enterprise, institution")
                                   .arg(input.kind));
    m.kind = *kind;
    m.uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m.createdAt = d->clock.nowUtc();
    if (input.consented) {
        m.consentTerms = kPrivacyTermsVersion;
        m.consentAt = m.createdAt;
    }

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    for (const auto& [column, value, shown] :
         {std::tuple{QStringLiteral("phone"), m.phone, maskPhone(m.phone)},
          std::tuple{QStringLiteral("card"), m.card,
                     QCoreApplication::translate("jifen::Ledger", "card %1").arg(m.card)}}) {
        if (value.isEmpty())
            continue;
        auto dup = d->findMember(column, value);
        if (!dup)
            return dup.error();
        if (dup.value())
            return Error::refused(
                QCoreApplication::translate("jifen::Ledger", "a member with %1 already exists").arg(shown));
    }
    auto q = d->store.prepare(QStringLiteral("INSERT INTO members (uid, phone, card, name, kind, created_at,"
                                             " consent_terms, consent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q)
        return q.error();
    q->addBindValue(m.uid);
    q->addBindValue(m.phone.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(m.phone));
    q->addBindValue(m.card.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(m.card));
    q->addBindValue(m.name);
    q->addBindValue(memberKindName(m.kind));
    q->addBindValue(formatInstant(m.createdAt));
    q->addBindValue(m.consentTerms.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(m.consentTerms));
    q->addBindValue(m.consentAt.isValid() ? QVariant(formatInstant(m.consentAt))
                                          : QVariant(QMetaType(QMetaType::QString)));
    JIFEN_TRY(d->store.exec(q.value()));
    m.id = q->lastInsertId().toLongLong();
    auto b =
        d->store.prepare(QStringLiteral("INSERT INTO balances (member_id, points, green_points) VALUES (?, 0, 0)"));
    if (!b)
        return b.error();
    b->addBindValue(m.id);
    JIFEN_TRY(d->store.exec(b.value()));
    JIFEN_TRY(uow.commit());
    return m;
}

Result<MemberSummary> Ledger::Impl::summarize(const Member& m)
{
    auto rs = activeRules();
    if (!rs)
        return rs.error();
    auto bal = balanceOf(m.id);
    if (!bal)
        return bal.error();
    MemberSummary s;
    s.member = m;
    s.balance = bal->points;
    s.greenBalance = bal->green;
    const QDate today = clock.today();
    // Points past their last valid day are no longer spendable even before `expire` has
    // written their expire entries, so the member is shown what they can actually use.
    auto q = store.prepare(QStringLiteral("SELECT valid_through, green, SUM(remaining) FROM lots WHERE member_id = ?"
                                          " AND remaining > 0 AND valid_through <= ? GROUP BY valid_through, green"
                                          " ORDER BY valid_through"));
    if (!q)
        return q.error();
    q->addBindValue(m.id);
    q->addBindValue(today.addDays(rs->expiringSoonDays()).toString(Qt::ISODate));
    JIFEN_TRY(store.exec(q.value()));
    while (q->next()) {
        const QDate through = QDate::fromString(q->value(0).toString(), Qt::ISODate);
        const Points pts(q->value(2).toLongLong());
        if (through < today) {
            s.balance -= pts;
            if (q->value(1).toInt() != 0)
                s.greenBalance -= pts;
            continue;
        }
        if (!s.expiringSoon.isEmpty() && s.expiringSoon.last().validThrough == through)
            s.expiringSoon.last().points += pts;
        else
            s.expiringSoon.append(ExpiringPoints{pts, through});
    }
    // Tier: points earned in the last 12 months, net of refunds; redeeming never demotes.
    auto t = store.prepare(
        QStringLiteral("SELECT COALESCE(SUM(points), 0) FROM journal WHERE member_id = ? AND terminal_time >= ?"
                       " AND (kind = 'earn' OR (kind = 'reverse' AND json_extract(detail, '$.reverses') = 'earn'))"));
    if (!t)
        return t.error();
    t->addBindValue(m.id);
    t->addBindValue(formatInstant(clock.nowUtc().addMonths(-12)));
    JIFEN_TRY(store.exec(t.value()));
    s.earned12m = t->next() ? Points(t->value(0).toLongLong()) : Points();
    const Tier& tier = rs->tierFor(s.earned12m);
    s.tierCode = tier.code;
    s.tierName = tier.name;
    return s;
}

Result<MemberSummary> Ledger::memberByPhone(const QString& phone)
{
    ReadScope reading(d->store);
    auto m = d->requireMember(phone, QString());
    if (!m)
        return m.error();
    return d->summarize(m.value());
}

Result<MemberSummary> Ledger::memberByCard(const QString& card)
{
    ReadScope reading(d->store);
    auto m = d->requireMember(QString(), card);
    if (!m)
        return m.error();
    return d->summarize(m.value());
}

Result<QList<Member>> Ledger::listMembers(qint64 limit, qint64 offset)
{
    ReadScope reading(d->store);
    if (limit <= 0 || offset < 0)
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "limit must be positive and offset not negative"));
    auto q = d->store.prepare(
        QStringLiteral("SELECT %1 FROM members ORDER BY id LIMIT ? OFFSET ?").arg(Impl::memberColumns()));
    if (!q)
        return q.error();
    q->addBindValue(limit);
    q->addBindValue(offset);
    JIFEN_TRY(d->store.exec(q.value()));
    QList<Member> out;
    while (q->next())
        out.append(Impl::memberFromRow(q.value()));
    return out;
}

Result<QList<JournalEntry>> Ledger::journal(qint64 afterSeq, qint64 limit)
{
    ReadScope reading(d->store);
    if (afterSeq < 0)
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "--after must not be negative"));
    // One statement for the whole page: the journal is read in seq order with its member's uid.
    auto q = d->store.prepare(Impl::entryColumns() + QStringLiteral(" WHERE j.seq > ? ORDER BY j.seq LIMIT ?"));
    if (!q)
        return q.error();
    q->addBindValue(afterSeq);
    q->addBindValue(limit);
    JIFEN_TRY(d->store.exec(q.value()));
    QList<JournalEntry> out;
    if (limit > 0)
        out.reserve(int(std::min<qint64>(limit, 100000)));
    while (q->next())
        out.append(Impl::entryFromRow(q.value()));
    return out;
}

Result<qint64> Ledger::lastSeq()
{
    ReadScope reading(d->store);
    auto q = d->store.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM journal"));
    if (!q)
        return q.error();
    JIFEN_TRY(d->store.exec(q.value()));
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<RuleSet> Ledger::rules()
{
    ReadScope reading(d->store);
    return d->activeRules();
}

Result<QList<QPair<Reward, qint64>>> Ledger::catalogWithStock()
{
    ReadScope reading(d->store);
    auto rs = d->activeRules();
    if (!rs)
        return rs.error();
    QList<QPair<Reward, qint64>> out;
    for (const Reward& r : rs->catalog()) {
        qint64 stock = -1;
        if (r.stock) {
            auto q = d->store.prepare(QStringLiteral("SELECT quantity FROM stock WHERE reward_code = ?"));
            if (!q)
                return q.error();
            q->addBindValue(r.code);
            JIFEN_TRY(d->store.exec(q.value()));
            stock = q->next() ? q->value(0).toLongLong() : 0;
        }
        out.append({r, stock});
    }
    return out;
}

Status Ledger::addOperator(const QString& name, const QString& role, const QString& pin)
{
    auto n = normalizeName(name, QCoreApplication::translate("jifen::Ledger", "operator name"));
    if (!n)
        return n.error();
    if (role != QStringLiteral("cashier") && role != QStringLiteral("manager"))
        return Error::badInput(
            QCoreApplication::translate("jifen::Ledger", "role \"%1\" is not cashier or manager").arg(role));
    static const QRegularExpression pinForm(QStringLiteral("^[0-9]{4,8}$"));
    if (!pinForm.match(pin).hasMatch())
        return Error::badInput(QCoreApplication::translate("jifen::Ledger", "a PIN is 4 to 8 digits"));
    QByteArray salt(16, '\0');
    for (auto& c : salt)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    const QByteArray hash = pbkdf2Sha256(pin.toUtf8(), salt, kPinIterations);

    UnitOfWork uow(d->store);
    JIFEN_TRY(d->begin(uow));
    auto q = d->store.prepare(QStringLiteral("SELECT 1 FROM operators WHERE name = ?"));
    if (!q)
        return q.error();
    q->addBindValue(n.value());
    JIFEN_TRY(d->store.exec(q.value()));
    if (q->next())
        return Error::refused(
            QCoreApplication::translate("jifen::Ledger", "an operator named %1 already exists").arg(n.value()));
    auto ins = d->store.prepare(QStringLiteral(
        "INSERT INTO operators (name, role, salt, pin_hash, iterations, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!ins)
        return ins.error();
    ins->addBindValue(n.value());
    ins->addBindValue(role);
    ins->addBindValue(QString::fromLatin1(salt.toHex()));
    ins->addBindValue(QString::fromLatin1(hash.toHex()));
    ins->addBindValue(kPinIterations);
    ins->addBindValue(formatInstant(d->clock.nowUtc()));
    JIFEN_TRY(d->store.exec(ins.value()));
    return uow.commit();
}

Result<QList<OperatorInfo>> Ledger::listOperators()
{
    ReadScope reading(d->store);
    auto q = d->store.prepare(QStringLiteral("SELECT name, role, created_at FROM operators ORDER BY name"));
    if (!q)
        return q.error();
    JIFEN_TRY(d->store.exec(q.value()));
    QList<OperatorInfo> out;
    while (q->next()) {
        out.append(OperatorInfo{q->value(0).toString(),
                                q->value(1).toString() == QStringLiteral("manager") ? OperatorRole::Manager
                                                                                    : OperatorRole::Cashier,
                                QDateTime::fromString(q->value(2).toString(), Qt::ISODateWithMs)});
    }
    return out;
}

Result<QString> Ledger::approveAsManager(const QString& pin)
{
    return d->checkManagerPin(pin);
}

Result<QString> Ledger::Impl::checkManagerPin(const QString& pin)
{
    if (pin.isEmpty())
        return Error::refused(QCoreApplication::translate(
            "jifen::Ledger", "this needs a manager's approval: give the manager PIN (--pin)"));
    // The attempt is counted in its own unit of work so a refused operation still records it.
    UnitOfWork uow(store);
    JIFEN_TRY(begin(uow));
    auto meta =
        store.prepare(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('pin_failures', 'pin_locked_until')"));
    if (!meta)
        return meta.error();
    JIFEN_TRY(store.exec(meta.value()));
    int failures = 0;
    QDateTime lockedUntil;
    while (meta->next()) {
        if (meta->value(0).toString() == QStringLiteral("pin_failures"))
            failures = meta->value(1).toInt();
        else
            lockedUntil = QDateTime::fromString(meta->value(1).toString(), Qt::ISODateWithMs);
    }
    const QDateTime now = clock.nowUtc();
    if (lockedUntil.isValid() && now < lockedUntil)
        return Error::refused(QCoreApplication::translate(
                                  "jifen::Ledger", "manager approval is locked after 5 wrong PINs; try again after %1")
                                  .arg(businessDate(lockedUntil) == clock.today()
                                           ? lockedUntil.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("HH:mm:ss"))
                                           : formatInstant(lockedUntil)));
    auto q =
        store.prepare(QStringLiteral("SELECT name, salt, pin_hash, iterations FROM operators WHERE role = 'manager'"));
    if (!q)
        return q.error();
    JIFEN_TRY(store.exec(q.value()));
    QString approver;
    bool anyManager = false;
    while (q->next()) {
        anyManager = true;
        const QByteArray salt = QByteArray::fromHex(q->value(1).toByteArray());
        const QByteArray expected = QByteArray::fromHex(q->value(2).toByteArray());
        if (constantTimeEquals(pbkdf2Sha256(pin.toUtf8(), salt, q->value(3).toInt()), expected) && approver.isEmpty())
            approver = q->value(0).toString();
    }
    if (!anyManager)
        return Error::refused(QCoreApplication::translate(
            "jifen::Ledger", "no manager is registered on this terminal; add one with `jifen operator "
                             "add --role manager`"));
    const int before = failures;
    failures = approver.isEmpty() ? failures + 1 : 0;
    if (failures == before)
        return approver; // a right PIN with no failures to clear writes nothing
    QList<std::pair<QString, QString>> updates{{QStringLiteral("pin_failures"), QString::number(failures)}};
    if (failures >= 5) {
        updates.append({QStringLiteral("pin_locked_until"), formatInstant(now.addSecs(qint64(5) * 60))});
        updates.first().second = QStringLiteral("0");
    }
    for (const auto& [key, value] : updates) {
        auto u = store.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        if (!u)
            return u.error();
        u->addBindValue(key);
        u->addBindValue(value);
        JIFEN_TRY(store.exec(u.value()));
    }
    JIFEN_TRY(uow.commit());
    if (approver.isEmpty())
        return Error::refused(
            failures >= 5
                ? QCoreApplication::translate("jifen::Ledger",
                                              "wrong manager PIN; approval is now locked for 5 minutes")
                : QCoreApplication::translate("jifen::Ledger", "wrong manager PIN (%1 of 5 attempts)").arg(failures));
    return approver;
}

} // namespace jifen
