#include "hq_service.h"

#include "identity.h"
#include "member.h"

#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace jifen::sync {

namespace {

Status checkMonth(const QString& month)
{
    static const QRegularExpression form(QStringLiteral("^[0-9]{4}-(0[1-9]|1[0-2])$"));
    if (!form.match(month).hasMatch())
        return Error::badInput(QStringLiteral("month %1 is not in the form YYYY-MM").arg(month));
    return Ok{};
}

Status checkPoints(qint64 points, const QString& what)
{
    if (points < 0 || points > 1000000000000LL)
        return Error::badInput(QStringLiteral("%1 is a whole number of points from 0 to 10^12").arg(what));
    return Ok{};
}

} // namespace

Result<QJsonObject> HqService::addMerchant(const QString& merchantId, const QString& name, const QString& category)
{
    auto id = normalizeCode(merchantId, QStringLiteral("merchant id"));
    if (!id)
        return id.error();
    auto n = normalizeName(name, QStringLiteral("merchant name"));
    if (!n)
        return n.error();
    auto c = normalizeCode(category, QStringLiteral("merchant category"));
    if (!c)
        return c.error();
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto exists = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM merchants WHERE merchant_id = ?"), {id.value()}, 0);
    if (!exists)
        return exists.error();
    if (exists->toInt() > 0)
        return Error::refused(QStringLiteral("merchant %1 already exists").arg(id.value()));
    JIFEN_TRY(
        m_db.run(QStringLiteral("INSERT INTO merchants (merchant_id, name, category, created_at) VALUES (?, ?, ?, ?)"),
                 {id.value(), n.value(), c->toLower(), now()}));
    JIFEN_TRY(tx.commit());
    return QJsonObject{{QStringLiteral("merchant_id"), id.value()},
                       {QStringLiteral("name"), n.value()},
                       {QStringLiteral("category"), c->toLower()}};
}

Result<QJsonObject> HqService::addStore(const QString& storeId, const QString& merchantId, const QString& name)
{
    auto id = normalizeCode(storeId, QStringLiteral("store id"));
    if (!id)
        return id.error();
    auto n = normalizeName(name, QStringLiteral("store name"));
    if (!n)
        return n.error();
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto merchant =
        m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM merchants WHERE merchant_id = ?"), {merchantId}, 0);
    if (!merchant)
        return merchant.error();
    if (merchant->toInt() == 0)
        return Error::notFound(QStringLiteral("no merchant %1; add it with `jifen-hq merchant add`").arg(merchantId));
    auto exists = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM stores WHERE store_id = ?"), {id.value()}, 0);
    if (!exists)
        return exists.error();
    if (exists->toInt() > 0)
        return Error::refused(QStringLiteral("store %1 already exists").arg(id.value()));
    JIFEN_TRY(
        m_db.run(QStringLiteral("INSERT INTO stores (store_id, merchant_id, name, created_at) VALUES (?, ?, ?, ?)"),
                 {id.value(), merchantId, n.value(), now()}));
    JIFEN_TRY(tx.commit());
    return QJsonObject{{QStringLiteral("store_id"), id.value()},
                       {QStringLiteral("merchant_id"), merchantId},
                       {QStringLiteral("name"), n.value()}};
}

Result<QJsonArray> HqService::merchants()
{
    auto q = m_db.run(QStringLiteral("SELECT m.merchant_id, m.name, m.category, s.store_id, s.name FROM merchants m"
                                     " LEFT JOIN stores s ON s.merchant_id = m.merchant_id"
                                     " ORDER BY m.merchant_id, s.store_id"));
    if (!q)
        return q.error();
    QJsonArray out;
    QJsonObject current;
    QJsonArray stores;
    auto flush = [&] {
        if (current.isEmpty())
            return;
        current.insert(QStringLiteral("stores"), stores);
        out.append(current);
        current = {};
        stores = {};
    };
    while (q.value()->next()) {
        QSqlQuery* r = q.value();
        if (current.value(QStringLiteral("merchant_id")).toString() != r->value(0).toString()) {
            flush();
            current = {{QStringLiteral("merchant_id"), r->value(0).toString()},
                       {QStringLiteral("name"), r->value(1).toString()},
                       {QStringLiteral("category"), r->value(2).toString()}};
        }
        if (!r->value(3).isNull())
            stores.append(QJsonObject{{QStringLiteral("store_id"), r->value(3).toString()},
                                      {QStringLiteral("name"), r->value(4).toString()}});
    }
    flush();
    return out;
}

Result<QJsonObject> HqService::setBudget(const QString& merchantId, const QString& month, qint64 points)
{
    JIFEN_TRY(checkMonth(month));
    JIFEN_TRY(checkPoints(points, QStringLiteral("a budget")));
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto merchant =
        m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM merchants WHERE merchant_id = ?"), {merchantId}, 0);
    if (!merchant)
        return merchant.error();
    if (merchant->toInt() == 0)
        return Error::notFound(QStringLiteral("no merchant %1").arg(merchantId));
    if (m_db.isPostgres())
        JIFEN_TRY(m_db.run(QStringLiteral("SELECT merchant_id FROM merchants WHERE merchant_id = ? FOR UPDATE"),
                           {merchantId}));
    // A budget never drops below what its terminals were already allowed to issue.
    auto allowed = m_db.scalar(QStringLiteral("SELECT COALESCE(SUM(a.points), 0) FROM allowances a JOIN terminals t ON"
                                              " t.terminal_id = a.terminal_id JOIN stores s ON s.store_id = t.store_id"
                                              " WHERE s.merchant_id = ? AND a.month = ?"),
                               {merchantId, month}, 0);
    if (!allowed)
        return allowed.error();
    if (points < allowed->toLongLong())
        return Error::refused(QStringLiteral("the budget cannot be below the %1 points already allowed to %2's "
                                             "terminals in %3; lower their allowances first")
                                  .arg(allowed->toLongLong())
                                  .arg(merchantId, month));
    JIFEN_TRY(m_db.run(QStringLiteral("INSERT INTO budgets (merchant_id, month, points, updated_at) VALUES (?, ?, ?, ?)"
                                      " ON CONFLICT (merchant_id, month) DO UPDATE SET points = excluded.points,"
                                      " updated_at = excluded.updated_at"),
                       {merchantId, month, points, now()}));
    JIFEN_TRY(tx.commit());
    return QJsonObject{{QStringLiteral("merchant_id"), merchantId},
                       {QStringLiteral("month"), month},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("allocated"), allowed->toLongLong()}};
}

Result<QJsonObject> HqService::setAllowance(const QString& terminalId, const QString& month, qint64 points)
{
    JIFEN_TRY(checkMonth(month));
    JIFEN_TRY(checkPoints(points, QStringLiteral("an allowance")));
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto q = m_db.run(QStringLiteral("SELECT t.store_id, s.merchant_id, b.points FROM terminals t LEFT JOIN stores s ON"
                                     " s.store_id = t.store_id LEFT JOIN budgets b ON b.merchant_id = s.merchant_id"
                                     " AND b.month = ? WHERE t.terminal_id = ?"),
                      {month, terminalId});
    if (!q)
        return q.error();
    if (!q.value()->next())
        return Error::notFound(QStringLiteral("unknown terminal %1").arg(terminalId));
    const QString store = q.value()->value(0).toString();
    const QString merchant = q.value()->value(1).toString();
    const bool hasBudget = !q.value()->value(2).isNull();
    qint64 budget = q.value()->value(2).toLongLong();
    q.value()->finish();
    if (merchant.isEmpty())
        return Error::refused(QStringLiteral("store %1 belongs to no merchant, so it has no budget; add it with "
                                             "`jifen-hq store add`")
                                  .arg(store));
    if (!hasBudget)
        return Error::refused(
            QStringLiteral("merchant %1 has no budget for %2; set it with `jifen-hq budget set`").arg(merchant, month));
    // Allowances and budgets of one merchant changed at once on PostgreSQL take turns on the
    // merchant's row (SQLite writers are serialised anyway), then read the budget again.
    if (m_db.isPostgres()) {
        JIFEN_TRY(
            m_db.run(QStringLiteral("SELECT merchant_id FROM merchants WHERE merchant_id = ? FOR UPDATE"), {merchant}));
        auto again = m_db.scalar(QStringLiteral("SELECT points FROM budgets WHERE merchant_id = ? AND month = ?"),
                                 {merchant, month}, 0);
        if (!again)
            return again.error();
        budget = again->toLongLong();
    }
    auto others = m_db.scalar(QStringLiteral("SELECT COALESCE(SUM(a.points), 0) FROM allowances a JOIN terminals t ON"
                                             " t.terminal_id = a.terminal_id JOIN stores s ON s.store_id = t.store_id"
                                             " WHERE s.merchant_id = ? AND a.month = ? AND a.terminal_id <> ?"),
                              {merchant, month, terminalId}, 0);
    if (!others)
        return others.error();
    if (others->toLongLong() + points > budget)
        return Error::refused(QStringLiteral("issuance within the marketing budget: merchant %1's budget for %2 is %3 "
                                             "points and its other terminals already have %4; at most %5 is left")
                                  .arg(merchant, month)
                                  .arg(budget)
                                  .arg(others->toLongLong())
                                  .arg(budget - others->toLongLong()));
    JIFEN_TRY(m_db.run(QStringLiteral("INSERT INTO allowances (terminal_id, month, points, updated_at) VALUES (?, ?, ?,"
                                      " ?) ON CONFLICT (terminal_id, month) DO UPDATE SET points = excluded.points,"
                                      " updated_at = excluded.updated_at"),
                       {terminalId, month, points, now()}));
    JIFEN_TRY(tx.commit());
    return QJsonObject{{QStringLiteral("terminal_id"), terminalId},
                       {QStringLiteral("month"), month},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("merchant_id"), merchant},
                       {QStringLiteral("budget_left"), budget - others->toLongLong() - points}};
}

Result<QJsonObject> HqService::importMembers(const QByteArray& csv)
{
    struct Row {
        QString phone, name, card, kind;
    };
    QList<Row> rows;
    QSet<QString> seenPhones, seenCards;
    const QList<QByteArray> lines = csv.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        const int number = static_cast<int>(i) + 1;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || (i == 0 && line.startsWith(QStringLiteral("phone"))))
            continue;
        const QStringList cells = line.split(QLatin1Char(','));
        if (cells.size() < 2 || cells.size() > 4)
            return Error::badInput(QStringLiteral("line %1: expected phone,name[,card[,kind]]").arg(number));
        Row r;
        auto phone = normalizePhone(cells.at(0));
        if (!phone)
            return Error::badInput(QStringLiteral("line %1: %2").arg(number).arg(phone.error().message));
        r.phone = phone.value();
        auto name = normalizeName(cells.at(1), QStringLiteral("member name"));
        if (!name)
            return Error::badInput(QStringLiteral("line %1: %2").arg(number).arg(name.error().message));
        r.name = name.value();
        if (cells.size() > 2 && !cells.at(2).trimmed().isEmpty()) {
            auto card = normalizeCard(cells.at(2));
            if (!card)
                return Error::badInput(QStringLiteral("line %1: %2").arg(number).arg(card.error().message));
            r.card = card.value();
        }
        r.kind = cells.size() > 3 ? cells.at(3).trimmed() : QStringLiteral("person");
        if (!memberKindFromName(r.kind))
            return Error::badInput(
                QStringLiteral("line %1: kind must be person, enterprise or institution").arg(number));
        if (seenPhones.contains(r.phone) || (!r.card.isEmpty() && seenCards.contains(r.card)))
            return Error::badInput(
                QStringLiteral("line %1: %2 appears twice in the file").arg(number).arg(maskPhone(r.phone)));
        seenPhones.insert(r.phone);
        if (!r.card.isEmpty())
            seenCards.insert(r.card);
        rows.append(r);
    }
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    qint64 added = 0, known = 0;
    QSet<QString> touched;
    for (const Row& r : rows) {
        auto dup = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM members WHERE phone = ? OR (card IS NOT NULL AND"
                                              " card = ?)"),
                               {r.phone, r.card}, 0);
        if (!dup)
            return dup.error();
        if (dup->toInt() > 0) {
            ++known; // importing the same file twice adds nobody twice
            continue;
        }
        const QString uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        JIFEN_TRY(
            m_db.run(QStringLiteral("INSERT INTO members (uid, phone, card, name, kind, home_terminal, created_at)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                     {uid, r.phone, r.card.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(r.card),
                      r.name, r.kind, QStringLiteral("HQ"), now()}));
        JIFEN_TRY(m_db.run(QStringLiteral("INSERT INTO balances (member_uid, points, green_points) VALUES (?, 0, 0)"),
                           {uid}));
        touched.insert(uid);
        ++added;
    }
    JIFEN_TRY(stampRevisions(touched));
    JIFEN_TRY(tx.commit());
    return QJsonObject{{QStringLiteral("added"), added}, {QStringLiteral("already_known"), known}};
}

Result<QJsonObject> HqService::deliverStock(const QString& terminalId, const QString& reward, qint64 quantity)
{
    auto code = normalizeCode(reward, QStringLiteral("reward code"));
    if (!code)
        return code.error();
    if (quantity < 1 || quantity > 1000000)
        return Error::badInput(QStringLiteral("a delivery is 1 to 1,000,000 items"));
    HqTransaction tx(m_db);
    JIFEN_TRY(tx.begin());
    auto known = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM terminals WHERE terminal_id = ?"), {terminalId}, 0);
    if (!known)
        return known.error();
    if (known->toInt() == 0)
        return Error::notFound(QStringLiteral("unknown terminal %1").arg(terminalId));
    auto last = m_db.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM stock_deliveries"), {}, 0);
    if (!last)
        return last.error();
    const qint64 id = last->toLongLong() + 1;
    JIFEN_TRY(
        m_db.run(QStringLiteral("INSERT INTO stock_deliveries (id, terminal_id, reward_code, quantity, created_at)"
                                " VALUES (?, ?, ?, ?, ?)"),
                 {id, terminalId, code.value(), quantity, now()}));
    JIFEN_TRY(tx.commit());
    return QJsonObject{{QStringLiteral("delivery_id"), id},
                       {QStringLiteral("terminal_id"), terminalId},
                       {QStringLiteral("reward"), code.value()},
                       {QStringLiteral("quantity"), quantity}};
}

} // namespace jifen::sync
