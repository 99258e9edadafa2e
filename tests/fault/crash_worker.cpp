// The victim of tst_crash: opens the ledger in the given directory (initialising it and adding
// the member when needed) and then runs ledger operations with refs "w-<n>" until it is killed.
// It prints exactly one line, "ready", after its first committed write; anything unexpected goes
// to stderr with a non-zero exit so the test can tell a crash it caused from a bug.

#include "clock.h"
#include "ledger.h"
#include "store.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlQuery>

#include <cstdio>

using namespace jifen;
using namespace Qt::StringLiterals;

namespace {

const QString kPhone = u"13800138000"_s;

int fail(const char* what, const Error& e)
{
    std::fprintf(stderr, "crash_worker: %s: %s\n", what, qPrintable(e.message));
    return 10 + static_cast<int>(e.code);
}

// Refs already used by earlier (killed) runs: continue after the highest, so every run writes.
qint64 highestRef(Store& store)
{
    QSqlQuery q(store.database());
    if (!q.exec(u"SELECT COALESCE(MAX(CAST(substr(ref, 3) AS INTEGER)), 0) FROM requests WHERE ref LIKE 'w-%'"_s) ||
        !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: crash_worker DATA_DIR\n");
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "crash_worker: cannot create %s\n", argv[1]);
        return 2;
    }
    auto store = Store::open(QDir(dir).filePath(u"jifen.db"_s));
    if (!store)
        return fail("open", store.error());
    FixedClock clock(QDateTime(QDate(2026, 3, 10), QTime(2, 0), Qt::UTC));
    Ledger ledger(*store.value(), clock);
    if (auto st = ledger.initialize(u"S1"_s, u"T1"_s, u"general"_s); !st)
        return fail("initialize", st.error());
    if (auto m = ledger.memberByPhone(kPhone); !m) {
        if (m.error().code != ErrorCode::NotFound)
            return fail("member lookup", m.error());
        NewMember member;
        member.phone = kPhone;
        member.name = u"Crash Test"_s;
        if (auto added = ledger.addMember(member); !added)
            return fail("add member", added.error());
    }
    const qint64 start = highestRef(*store.value());
    if (start < 0) {
        std::fprintf(stderr, "crash_worker: cannot read the requests table\n");
        return 3;
    }

    bool announced = false;
    for (qint64 n = start + 1;; ++n) {
        const QString ref = u"w-%1"_s.arg(n);
        const QString previous = u"w-%1"_s.arg(n - 1);
        Status st = Ok{};
        switch (n % 6) {
        case 3: { // a sale partly paid with points
            SaleRequest req;
            req.ref = ref;
            req.phone = kPhone;
            req.amount = u"20"_s;
            req.offsetPoints = 100;
            auto r = ledger.sale(req);
            st = r ? Status(Ok{}) : Status(r.error());
            break;
        }
        case 4: { // a partial refund of the sale before (which may have been lost to a kill)
            RefundRequest req;
            req.ref = ref;
            req.saleRef = previous;
            req.amount = u"1"_s;
            auto r = ledger.refund(req);
            st = r ? Status(Ok{}) : Status(r.error());
            break;
        }
        case 5: {
            RedeemRequest req;
            req.ref = ref;
            req.phone = kPhone;
            req.reward = u"FRUIT-WASH"_s;
            auto r = ledger.redeem(req);
            st = r ? Status(Ok{}) : Status(r.error());
            break;
        }
        default: {
            SaleRequest req;
            req.ref = ref;
            req.phone = kPhone;
            req.amount = u"%1.50"_s.arg(n % 97 + 1);
            auto r = ledger.sale(req);
            st = r ? Status(Ok{}) : Status(r.error());
            break;
        }
        }
        if (!st) {
            // Not enough points, or the sale to refund never committed: expected, go on.
            if (st.error().code == ErrorCode::Refused || st.error().code == ErrorCode::NotFound)
                continue;
            return fail(qPrintable(ref), st.error());
        }
        if (!announced) {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
            announced = true;
        }
    }
}
