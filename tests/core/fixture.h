#pragma once

// A small fixture for the core suites: every test builds its own ledger in a fresh temporary
// directory, on a FixedClock, with one terminal (store S1, terminal T1) initialised.

#include "clock.h"
#include "error.h"
#include "identity.h"
#include "ledger.h"
#include "money.h"
#include "store.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <limits>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace jifen {

// QTest prints these when a QCOMPARE fails (found by argument-dependent lookup).
inline char* toString(ErrorCode code)
{
    return qstrdup(errorCodeName(code).toUtf8().constData());
}
inline char* toString(const Points& points)
{
    return qstrdup(QByteArray::number(points.value()).constData());
}
inline char* toString(const Money& money)
{
    return qstrdup(money.toYuanString().toUtf8().constData());
}
inline char* toString(const LotMove& move)
{
    return qstrdup((move.lot.toString() + u'=' + QString::number(move.points.value())).toUtf8().constData());
}

namespace test {

inline const QString kPhone = u"13800138000"_s;
inline const QString kPhone2 = u"13900139000"_s;
inline const QString kManagerName = u"王经理"_s;
inline const QString kApproverPin = u"8642"_s;

// An instant on a business date, in China Standard Time (UTC+8).
inline QDateTime cst(QDate date, QTime time = QTime(10, 0))
{
    return QDateTime(date, time, QTimeZone(8 * 3600)).toUTC();
}

class Fixture {
public:
    explicit Fixture(QDate today = QDate(2026, 11, 23), const QString& category = u"general"_s,
                     StoreOptions options = {})
        : clock(cst(today))
    {
        if (!dir.isValid()) {
            error = u"cannot create a temporary directory"_s;
            return;
        }
        auto s = Store::open(dbPath(), options);
        if (!s) {
            error = s.error().message;
            return;
        }
        store = std::move(s).value();
        ledger = std::make_unique<Ledger>(*store, clock);
        auto init = ledger->initialize(u"S1"_s, u"T1"_s, category);
        if (!init) {
            error = init.error().message;
            ledger.reset();
        }
    }

    bool ok() const { return error.isEmpty() && ledger; }
    QString dbPath() const { return dir.filePath(u"jifen.db"_s); }
    void setToday(QDate date, QTime time = QTime(10, 0)) { clock.set(cst(date, time)); }

    Result<Member> addMember(const QString& phone = kPhone, const QString& name = u"张三"_s)
    {
        return ledger->addMember(NewMember{phone, QString(), name});
    }
    Result<SaleResult> sale(const QString& ref, const QString& amount, const QString& phone = kPhone, qint64 offset = 0,
                            const QString& category = QString())
    {
        // No cashier: a named cashier must be a registered operator (see buy()).
        return buy(ref, amount, phone, category, offset);
    }
    Result<RedeemResult> redeem(const QString& ref, const QString& reward, const QString& phone = kPhone,
                                qint64 quantity = 1, const QString& pin = QString())
    {
        return ledger->redeem(RedeemRequest{ref, phone, QString(), reward, quantity, pin, {}});
    }
    Result<RefundResult> refund(const QString& ref, const QString& saleRef, const QString& amount = QString())
    {
        return ledger->refund(RefundRequest{ref, saleRef, amount});
    }
    Result<ReturnRewardResult> returnReward(const QString& ref, const QString& redeemRef)
    {
        return ledger->returnReward(ReturnRewardRequest{ref, redeemRef});
    }

    // The member's balance as stored; kNoValue when it cannot be read (so a comparison fails).
    static constexpr qint64 kNoValue = std::numeric_limits<qint64>::min();
    qint64 balance(const QString& phone = kPhone)
    {
        auto m = ledger->memberByPhone(phone);
        return m ? m->balance.value() : kNoValue;
    }
    qint64 journalSize()
    {
        auto j = ledger->journal();
        return j ? j->size() : -1;
    }
    QList<JournalEntry> entries()
    {
        auto j = ledger->journal();
        return j ? j.value() : QList<JournalEntry>();
    }
    std::optional<JournalEntry> lastEntry()
    {
        const auto all = entries();
        if (all.isEmpty())
            return std::nullopt;
        return all.last();
    }
    // The problems verify() reports, or one line saying why it could not run.
    QStringList verifyProblems()
    {
        auto v = ledger->verify();
        return v ? v->problems : QStringList{u"verify failed: "_s + v.error().message};
    }

    // ---- The points program (issue 3): items, cashiers, green points, households, donations ----

    // A manager who approves green actions, adjustments and transfers.
    Status addManager() { return ledger->addOperator(kManagerName, u"manager"_s, kApproverPin); }
    Status addCashier(const QString& name, const QString& pin = u"1357"_s)
    {
        return ledger->addOperator(name, u"cashier"_s, pin);
    }
    // A bare-amount sale (no cashier unless named).
    Result<SaleResult> buy(const QString& ref, const QString& amount, const QString& phone = kPhone,
                           const QString& category = QString(), qint64 offset = 0, const QString& cashier = QString())
    {
        SaleRequest r;
        r.ref = ref;
        r.phone = phone;
        r.amount = amount;
        r.category = category;
        r.offsetPoints = offset;
        r.cashier = cashier;
        return ledger->sale(r);
    }
    // An items sale: each item "SKU:QTY" or "SKU:QTY:PRICE".
    Result<SaleResult> buyItems(const QString& ref, const QStringList& items, const QString& phone = kPhone,
                                qint64 offset = 0, const QString& cashier = QString())
    {
        SaleRequest r;
        r.ref = ref;
        r.phone = phone;
        r.items = items;
        r.offsetPoints = offset;
        r.cashier = cashier;
        return ledger->sale(r);
    }
    Result<GrantResult> green(const QString& ref, const QString& action, const QString& phone = kPhone,
                              const QString& pin = kApproverPin)
    {
        return ledger->grantGreen(GreenRequest{ref, phone, QString(), action, pin});
    }
    Result<GrantResult> adjust(const QString& ref, qint64 points, const QString& reason, const QString& phone = kPhone,
                               const QString& pin = kApproverPin)
    {
        return ledger->adjust(AdjustRequest{ref, phone, QString(), points, reason, pin});
    }
    Result<TransferResult> transfer(const QString& ref, const QString& from, const QString& to, qint64 points,
                                    const QString& pin = kApproverPin)
    {
        return ledger->transfer(TransferRequest{ref, from, to, points, pin});
    }
    Result<DonateResult> donate(const QString& ref, const QString& charity, qint64 points,
                                const QString& phone = kPhone)
    {
        return ledger->donate(DonateRequest{ref, phone, QString(), charity, points});
    }
    Result<SurveyAnswerResult> answer(const QString& ref, const QString& survey,
                                      const QList<QPair<QString, QString>>& answers, const QString& phone = kPhone)
    {
        return ledger->answerSurvey(SurveyAnswerRequest{ref, phone, QString(), survey, answers});
    }
    qint64 greenBalance(const QString& phone = kPhone)
    {
        auto m = ledger->memberByPhone(phone);
        return m ? m->greenBalance.value() : kNoValue;
    }
    // The entries of one kind, in journal order.
    QList<JournalEntry> entriesOf(EntryKind kind)
    {
        QList<JournalEntry> out;
        for (const JournalEntry& e : entries()) {
            if (e.kind == kind)
                out.append(e);
        }
        return out;
    }

    QString error;
    QTemporaryDir dir;
    FixedClock clock;
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
};

// Runs SQL on the database file through a connection of its own, as another program (or an
// attacker) would. Returns an empty string, or the first error.
inline QString rawSql(const QString& path, const QStringList& statements)
{
    static int counter = 0;
    const QString name = u"jifen-test-raw-%1"_s.arg(++counter);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            for (const QString& sql : statements) {
                if (!q.exec(sql)) {
                    error = sql + u": "_s + q.lastError().text();
                    break;
                }
            }
            q.finish();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

// Joins the problems for a failure message.
inline QByteArray joined(const QStringList& lines)
{
    return lines.join(u"\n  "_s).toUtf8();
}

} // namespace test
} // namespace jifen

// Declares a set-up fixture `fx` or fails the test.
#define JIFEN_FIXTURE(fx, ...)                                                                                         \
    jifen::test::Fixture fx{__VA_ARGS__};                                                                              \
    QVERIFY2(fx.ok(), qPrintable(fx.error))

// Evaluates a Result-returning expression into `var` and fails the test with its message if it is an error.
// `var` names the variable being declared, which cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define JIFEN_REQUIRE(var, expr)                                                                                       \
    auto var = (expr);                                                                                                 \
    QVERIFY2((var).ok(), (var).ok() ? "" : qPrintable((var).error().message))
// NOLINTEND(bugprone-macro-parentheses)

#define JIFEN_VERIFY_OK(expr)                                                                                          \
    do {                                                                                                               \
        const auto& jifenOk_ = (expr);                                                                                 \
        QVERIFY2(jifenOk_.ok(), jifenOk_.ok() ? "" : qPrintable(jifenOk_.error().message));                            \
    } while (false)

// The expression must fail with exactly this error code.
#define JIFEN_VERIFY_ERROR(expr, expectedCode)                                                                         \
    do {                                                                                                               \
        const auto& jifenErr_ = (expr);                                                                                \
        QVERIFY2(!jifenErr_.ok(), "expected an error, but the operation succeeded");                                   \
        QCOMPARE(jifenErr_.error().code, expectedCode);                                                                \
    } while (false)

// The ledger verifies clean.
#define JIFEN_VERIFY_LEDGER(fx)                                                                                        \
    do {                                                                                                               \
        const QStringList jifenProblems_ = (fx).verifyProblems();                                                      \
        QVERIFY2(jifenProblems_.isEmpty(),                                                                             \
                 jifenProblems_.isEmpty() ? "" : jifen::test::joined(jifenProblems_).constData());                     \
    } while (false)
