// Ledger benchmarks (not tests): durable earn against a bare insert with the same durability,
// measured in the same run, and member lookup by phone among a million members. Prints a
// Markdown report; bench/run.sh writes it to docs/benchmarks.md.

#include "ledger.h"
#include "store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace jifen;

namespace {

struct Stats {
    qint64 p50 = 0, p99 = 0, mean = 0; // nanoseconds
};

Stats stats(std::vector<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    Stats s;
    s.p50 = ns[ns.size() / 2];
    s.p99 = ns[std::min(ns.size() - 1, ns.size() * 99 / 100)];
    qint64 sum = 0;
    for (qint64 v : ns)
        sum += v;
    s.mean = sum / static_cast<qint64>(ns.size());
    return s;
}

QString us(qint64 ns)
{
    return QString::number(ns / 1000.0, 'f', 1);
}

[[noreturn]] void die(const QString& what)
{
    QTextStream(stderr) << "bench: " << what << '\n';
    std::exit(1);
}

template <typename T> T must(Result<T> r, const char* what)
{
    if (!r)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), r.error().message));
    return std::move(r).value();
}

// The baseline: one single-row insert per transaction, WAL + synchronous=FULL, same driver.
class BareInsert {
public:
    explicit BareInsert(const QString& path)
    {
        m_store = must(Store::open(path, {.faults = nullptr, .migrateTo = 0}), "open baseline");
        if (!m_store->exec(QStringLiteral("CREATE TABLE bare (id INTEGER PRIMARY KEY, member INTEGER, points INTEGER,"
                                          " ref TEXT, payload TEXT)")))
            die(QStringLiteral("create baseline table"));
    }
    qint64 once(int i)
    {
        QElapsedTimer t;
        t.start();
        UnitOfWork uow(*m_store);
        if (!uow.begin())
            die(QStringLiteral("baseline begin"));
        auto q = must(
            m_store->prepare(QStringLiteral("INSERT INTO bare (member, points, ref, payload) VALUES (?, ?, ?, ?)")),
            "baseline prepare");
        q.addBindValue(i % 100);
        q.addBindValue(i);
        q.addBindValue(QStringLiteral("b-%1").arg(i));
        q.addBindValue(QStringLiteral("{\"amount_fen\":12345}"));
        if (!m_store->exec(q) || !uow.commit())
            die(QStringLiteral("baseline insert"));
        return t.nsecsElapsed();
    }

private:
    std::unique_ptr<Store> m_store;
};

void durableEarn(QTextStream& out, const QString& dir, int rounds)
{
    SystemClock clock;
    auto store = must(Store::open(dir + QStringLiteral("/ledger.db")), "open ledger");
    Ledger ledger(*store, clock);
    must(ledger.initialize(QStringLiteral("S1"), QStringLiteral("T1"), QStringLiteral("fruit")), "init");
    for (int m = 0; m < 100; ++m)
        must(ledger.addMember({QStringLiteral("1380000%1").arg(m, 4, 10, QLatin1Char('0')), QString(),
                               QStringLiteral("member %1").arg(m), QStringLiteral("person")}),
             "add member");
    BareInsert bare(dir + QStringLiteral("/bare.db"));

    std::vector<qint64> earnNs, bareNs;
    // Interleaved, so both see the same disk and the same background noise.
    for (int i = 0; i < rounds; ++i) {
        bareNs.push_back(bare.once(i));
        QElapsedTimer t;
        t.start();
        SaleRequest req;
        req.ref = QStringLiteral("sale-%1").arg(i);
        req.phone = QStringLiteral("1380000%1").arg(i % 100, 4, 10, QLatin1Char('0'));
        req.amount = QStringLiteral("123.45");
        must(ledger.sale(req), "sale");
        earnNs.push_back(t.nsecsElapsed());
    }
    const Stats e = stats(earnNs);
    const Stats b = stats(bareNs);
    out << "## Durable earn vs bare insert\n\n"
        << "A member sale (earn entry + lot + balance + sale row + client reference, hash-chained, one\n"
        << "transaction) against one single-row insert per transaction; both WAL + `synchronous=FULL` on\n"
        << "the same disk, interleaved, " << rounds << " rounds each.\n\n"
        << "| operation | mean µs | p50 µs | p99 µs |\n|---|---:|---:|---:|\n"
        << "| bare insert (baseline) | " << us(b.mean) << " | " << us(b.p50) << " | " << us(b.p99) << " |\n"
        << "| durable earn | " << us(e.mean) << " | " << us(e.p50) << " | " << us(e.p99) << " |\n\n"
        << "**Ratio (mean earn / mean bare insert): " << QString::number(double(e.mean) / double(b.mean), 'f', 2)
        << "** (target ≤ 1.25); p50 ratio " << QString::number(double(e.p50) / double(b.p50), 'f', 2) << ".\n\n";
}

void phoneLookup(QTextStream& out, const QString& dir, int members, int lookups)
{
    SystemClock clock;
    auto store = must(Store::open(dir + QStringLiteral("/members.db")), "open members");
    Ledger ledger(*store, clock);
    must(ledger.initialize(QStringLiteral("S1"), QStringLiteral("T1"), QStringLiteral("general")), "init");
    QElapsedTimer load;
    load.start();
    {
        // Bulk-load through SQL: enrolment speed is not what is measured here.
        UnitOfWork uow(*store);
        if (!uow.begin())
            die(QStringLiteral("bulk begin"));
        auto m = must(store->prepare(QStringLiteral("INSERT INTO members (id, uid, phone, name, kind, created_at)"
                                                    " VALUES (?, ?, ?, ?, 'person', '2026-01-01T00:00:00.000Z')")),
                      "prepare members");
        auto b = must(
            store->prepare(QStringLiteral("INSERT INTO balances (member_id, points, green_points) VALUES (?, 0, 0)")),
            "prepare balances");
        for (int i = 1; i <= members; ++i) {
            m.bindValue(0, i);
            m.bindValue(1, QStringLiteral("bench-%1").arg(i));
            m.bindValue(2, QString::number(13000000000LL + qint64(i) * 7919 % 6999999999LL));
            m.bindValue(3, QStringLiteral("会员%1").arg(i));
            b.bindValue(0, i);
            if (!store->exec(m) || !store->exec(b))
                die(QStringLiteral("bulk insert"));
        }
        if (!uow.commit())
            die(QStringLiteral("bulk commit"));
    }
    const qint64 loadMs = load.elapsed();
    QRandomGenerator rng(20261123);
    std::vector<qint64> ns;
    ns.reserve(lookups);
    for (int i = 0; i < lookups; ++i) {
        const int k = 1 + int(rng.bounded(members));
        const QString phone = QString::number(13000000000LL + qint64(k) * 7919 % 6999999999LL);
        QElapsedTimer t;
        t.start();
        auto s = ledger.memberByPhone(phone);
        const qint64 elapsed = t.nsecsElapsed();
        if (!s)
            die(QStringLiteral("lookup: %1").arg(s.error().message));
        ns.push_back(elapsed);
    }
    const Stats s = stats(ns);
    out << "## Member lookup by phone\n\n"
        << members << " members (bulk-loaded in " << loadMs << " ms); " << lookups
        << " random lookups through `Ledger::memberByPhone` (validation, indexed lookup, balance, points\n"
        << "expiring soon and tier).\n\n"
        << "| members | p50 µs | p99 µs | mean µs |\n|---:|---:|---:|---:|\n"
        << "| " << members << " | " << us(s.p50) << " | " << us(s.p99) << " | " << us(s.mean) << " |\n\n"
        << "Target p99 < 1000 µs: **" << (s.p99 < 1000000 ? "met" : "missed") << "**.\n\n";
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto intArg = [&](const QString& name, int fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const int rounds = intArg(QStringLiteral("--rounds"), 2000);
    const int members = intArg(QStringLiteral("--members"), 1000000);
    const int lookups = intArg(QStringLiteral("--lookups"), 20000);
    // On disk (not tmpfs): durability is the point of the comparison.
    const qsizetype di = args.indexOf(QStringLiteral("--dir"));
    QTemporaryDir dir(di >= 0 && di + 1 < args.size() ? args.at(di + 1) + QStringLiteral("/jifen-bench-XXXXXX")
                                                      : QDir::currentPath() + QStringLiteral("/jifen-bench-XXXXXX"));
    if (!dir.isValid())
        die(QStringLiteral("cannot create a scratch directory"));
    QTextStream out(stdout);
    durableEarn(out, dir.path(), rounds);
    out.flush();
    phoneLookup(out, dir.path(), members, lookups);
    return 0;
}
