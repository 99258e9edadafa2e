// "Fail the Nth SQL statement": a fixed scenario runs once without faults, counting statements;
// then, for every N, it runs again on a fresh database with statement N failing. The operation
// hit either completes or reports a storage error and leaves every table exactly as it was; a
// retry with the same reference then succeeds, and every run ends in the fault-free state.

#include "clock.h"
#include "ledger.h"
#include "store.h"

#include <QDir>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace jifen;
using namespace Qt::StringLiterals;

// The error text of a failed result; empty when it succeeded. QVERIFY2 evaluates its message
// even when the check passes, so it must never call error() on a success.
template <typename T> QString errorOf(const jifen::Result<T>& r)
{
    return r.ok() ? QString() : r.error().message;
}

namespace {

const QString kPhone = u"13800138000"_s;

struct Step {
    QString name;
    std::function<Status(Ledger&, FixedClock&)> run;
};

template <typename T> Status status(const Result<T>& r)
{
    return r.ok() ? Status(Ok{}) : Status(r.error());
}

QList<Step> scenario()
{
    QList<Step> steps;
    steps.append({u"init"_s, [](Ledger& l, FixedClock&) { return l.initialize(u"S1"_s, u"T1"_s, u"general"_s); }});
    steps.append({u"add member"_s, [](Ledger& l, FixedClock&) {
                      NewMember m;
                      m.phone = kPhone;
                      m.name = u"张三"_s;
                      return status(l.addMember(m));
                  }});
    steps.append({u"sale s1"_s, [](Ledger& l, FixedClock&) {
                      SaleRequest r;
                      r.ref = u"s1"_s;
                      r.phone = kPhone;
                      r.amount = u"5000.00"_s;
                      return status(l.sale(r));
                  }});
    steps.append({u"sale s2 with offset"_s, [](Ledger& l, FixedClock&) {
                      SaleRequest r;
                      r.ref = u"s2"_s;
                      r.phone = kPhone;
                      r.amount = u"50.00"_s;
                      r.offsetPoints = 1000;
                      return status(l.sale(r));
                  }});
    steps.append({u"redeem r1 FRUIT-BOX x2"_s, [](Ledger& l, FixedClock&) {
                      RedeemRequest r;
                      r.ref = u"r1"_s;
                      r.phone = kPhone;
                      r.reward = u"FRUIT-BOX"_s;
                      r.quantity = 2;
                      return status(l.redeem(r));
                  }});
    steps.append({u"redeem r2 CINEMA-TICKET"_s, [](Ledger& l, FixedClock&) {
                      RedeemRequest r;
                      r.ref = u"r2"_s;
                      r.phone = kPhone;
                      r.reward = u"CINEMA-TICKET"_s;
                      return status(l.redeem(r));
                  }});
    steps.append({u"partial refund f1 of s2"_s, [](Ledger& l, FixedClock&) {
                      RefundRequest r;
                      r.ref = u"f1"_s;
                      r.saleRef = u"s2"_s;
                      r.amount = u"20.00"_s;
                      return status(l.refund(r));
                  }});
    steps.append({u"return-reward rr1 of r1"_s, [](Ledger& l, FixedClock&) {
                      ReturnRewardRequest r;
                      r.ref = u"rr1"_s;
                      r.redeemRef = u"r1"_s;
                      return status(l.returnReward(r));
                  }});
    steps.append({u"sale s3 years later"_s, [](Ledger& l, FixedClock& c) {
                      c.set(QDateTime(QDate(2029, 3, 20), QTime(2, 0), Qt::UTC));
                      SaleRequest r;
                      r.ref = u"s3"_s;
                      r.phone = kPhone;
                      r.amount = u"12.34"_s;
                      return status(l.sale(r));
                  }});
    steps.append({u"expire"_s, [](Ledger& l, FixedClock& c) {
                      c.set(QDateTime(QDate(2029, 4, 2), QTime(2, 0), Qt::UTC));
                      return status(l.expire());
                  }});
    return steps;
}

// Every row of every table, in a stable order, read on the ledger's own connection (so an
// uncommitted change left behind would show) without going through the fault injector.
QString dumpTables(const QSqlDatabase& db, bool normalised)
{
    static const QStringList randomColumns{u"entry_id"_s, u"hash"_s, u"prev_hash"_s, u"uid"_s, u"voucher_code"_s};
    static const QRegularExpression uuid(u"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"_s);
    static const QRegularExpression voucher(u"\\b[A-Z]{1,4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\\b"_s);
    QString out;
    QSqlQuery tables(db);
    tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
    QStringList names;
    while (tables.next())
        names.append(tables.value(0).toString());
    for (const QString& t : names) {
        QSqlQuery q(db);
        q.exec(u"SELECT * FROM \"%1\" LIMIT 0"_s.arg(t));
        const QSqlRecord rec = q.record();
        QStringList order;
        for (int i = 1; i <= rec.count(); ++i)
            order.append(QString::number(i));
        q.finish();
        q.exec(u"SELECT * FROM \"%1\" ORDER BY %2"_s.arg(t, order.join(u", "_s)));
        out += u"== "_s + t + QLatin1Char('\n');
        QStringList rows;
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < rec.count(); ++i) {
                if (normalised && randomColumns.contains(rec.fieldName(i)))
                    continue;
                QString v = q.value(i).isNull() ? u"NULL"_s : q.value(i).toString();
                if (normalised)
                    v.replace(uuid, u"<uuid>"_s).replace(voucher, u"<voucher>"_s);
                row.append(v);
            }
            rows.append(row.join(QLatin1Char('|')));
        }
        if (normalised)
            rows.sort(); // row ids are stable, but sort anyway once the random columns are gone
        out += rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    return out;
}

struct Outcome {
    QString problem;          // empty: every check passed
    QList<qint64> statements; // per step, in this run
    QStringList states;       // normalised dump after each step
    QString failedStep;       // the step the fault hit (empty: none)
    bool fired = false;
};

// Runs the scenario on a fresh database in `dir`; failAt > 0 fails that statement, counted from
// the first statement of the scenario.
Outcome runScenario(const QString& dir, qint64 failAt, const QStringList& expectedStates = {})
{
    Outcome o;
    if (!QDir().mkpath(dir)) {
        o.problem = u"cannot create "_s + dir;
        return o;
    }
    FaultInjector faults;
    StoreOptions options;
    options.faults = &faults;
    auto store = Store::open(QDir(dir).filePath(u"jifen.db"_s), options);
    if (!store) {
        o.problem = u"open: "_s + store.error().message;
        return o;
    }
    FixedClock clock(QDateTime(QDate(2026, 3, 10), QTime(2, 0), Qt::UTC));
    Ledger ledger(*store.value(), clock);
    QSignalSpy committed(&ledger, &Ledger::committed);
    if (failAt > 0)
        faults.failStatement(failAt);

    const QList<Step> steps = scenario();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const Step& step = steps.at(i);
        const QString before = dumpTables(store.value()->database(), false);
        const qint64 executedBefore = faults.executed();
        const bool firedBefore = faults.fired();
        const qsizetype signalsBefore = committed.count();
        const Status first = step.run(ledger, clock);
        const bool firedHere = faults.fired() && !firedBefore;
        if (firedHere)
            o.failedStep = step.name;
        if (!first) {
            if (first.error().code != ErrorCode::Storage) {
                o.problem = u"%1 failed with %2 (not a storage error): %3"_s.arg(
                    step.name, errorCodeName(first.error().code), first.error().message);
                return o;
            }
            if (!firedHere) {
                o.problem = u"%1 reported a storage error without an injected fault: %2"_s.arg(step.name,
                                                                                               first.error().message);
                return o;
            }
            if (store.value()->inTransaction()) {
                o.problem = step.name + u" left its transaction open"_s;
                return o;
            }
            const QString after = dumpTables(store.value()->database(), false);
            if (after != before) {
                o.problem = u"%1 failed but changed the database.\n--- before\n%2\n--- after\n%3"_s.arg(step.name,
                                                                                                        before, after);
                return o;
            }
            if (committed.count() != signalsBefore) {
                o.problem = step.name + u" failed but emitted committed()"_s;
                return o;
            }
            faults.clear();
            const Status retry = step.run(ledger, clock);
            if (!retry) {
                o.problem = u"retrying %1 after the fault: %2"_s.arg(step.name, retry.error().message);
                return o;
            }
        } else if (firedHere) {
            o.problem = step.name + u" succeeded although one of its statements failed (the failure was swallowed)"_s;
            return o;
        }
        o.statements.append(faults.executed() - executedBefore);
        o.states.append(dumpTables(store.value()->database(), true));
        if (!expectedStates.isEmpty() && o.states.last() != expectedStates.at(i)) {
            o.problem = u"after %1 the state differs from the fault-free run.\n--- expected\n%2\n--- actual\n%3"_s.arg(
                step.name, expectedStates.at(i), o.states.last());
            return o;
        }
    }
    o.fired = faults.fired();
    faults.clear();
    auto report = ledger.verify();
    if (!report) {
        o.problem = u"verify: "_s + report.error().message;
        return o;
    }
    if (!report->ok())
        o.problem = u"verify: "_s + report->problems.join(u"; "_s);
    return o;
}

} // namespace

class SqlFailureTest : public QObject {
    Q_OBJECT

private:
    Outcome m_reference; // the fault-free run, computed once for the data table

    const Outcome& reference()
    {
        if (m_reference.states.isEmpty() && m_reference.problem.isEmpty()) {
            QTemporaryDir tmp;
            m_reference = tmp.isValid() ? runScenario(tmp.filePath(u"reference"_s), 0)
                                        : Outcome{u"no temporary directory"_s, {}, {}, {}, false};
        }
        return m_reference;
    }

private slots:
    void faultFreeScenario()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const Outcome o = runScenario(tmp.filePath(u"data"_s), 0);
        QVERIFY2(o.problem.isEmpty(), qPrintable(o.problem));
        const QList<Step> steps = scenario();
        QCOMPARE(o.statements.size(), steps.size());
        for (qsizetype i = 0; i < steps.size(); ++i) {
            qInfo("%-28s %lld statements", qPrintable(steps.at(i).name), o.statements.at(i));
            QVERIFY2(o.statements.at(i) > 0, qPrintable(steps.at(i).name));
        }
        // Deterministic apart from random ids: a second run ends in the same state.
        QCOMPARE(o.states, reference().states);
        QVERIFY(o.states.last().contains(u"|expire|"_s));
    }

    void failNthStatement_data()
    {
        QTest::addColumn<qint64>("failAt");
        const Outcome& ref = reference();
        if (!ref.problem.isEmpty()) {
            QTest::newRow("fault-free run failed") << qint64(-1);
            return;
        }
        const QList<Step> steps = scenario();
        qint64 total = 0;
        for (qint64 n : ref.statements)
            total += n;
        qint64 n = 0;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            for (qint64 k = 1; k <= ref.statements.at(i); ++k) {
                ++n;
                QTest::addRow("statement %lld of %lld (%s, its #%lld)", n, total, qPrintable(steps.at(i).name), k) << n;
            }
        }
    }

    void failNthStatement()
    {
        QFETCH(qint64, failAt);
        QVERIFY2(failAt > 0, qPrintable(reference().problem));
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const Outcome o = runScenario(tmp.filePath(u"data"_s), failAt, reference().states);
        QVERIFY2(o.problem.isEmpty(), qPrintable(o.problem));
        QVERIFY2(o.fired, "the injected fault was never reached");
        QCOMPARE(o.states.last(), reference().states.last());
    }

    // A fault while opening (migrating) a new database: the open fails cleanly, and the next open
    // finishes the migration from a consistent schema version.
    void failDuringOpen_data()
    {
        QTest::addColumn<qint64>("failAt");
        QTemporaryDir tmp;
        FaultInjector counter;
        qint64 total = 0;
        if (tmp.isValid()) {
            StoreOptions options;
            options.faults = &counter;
            auto store = Store::open(tmp.filePath(u"count.db"_s), options);
            total = store.ok() ? counter.executed() : 0;
        }
        if (total == 0)
            QTest::newRow("counting the statements of open failed") << qint64(-1);
        for (qint64 n = 1; n <= total; ++n)
            QTest::addRow("open: statement %lld of %lld", n, total) << n;
    }

    void failDuringOpen()
    {
        QFETCH(qint64, failAt);
        QVERIFY(failAt > 0);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(u"jifen.db"_s);
        FaultInjector faults;
        faults.failStatement(failAt);
        StoreOptions options;
        options.faults = &faults;
        {
            auto store = Store::open(path, options);
            QVERIFY2(!store.ok(), "the open must report the failed statement");
            QCOMPARE(store.error().code, ErrorCode::Storage);
        }
        auto store = Store::open(path);
        QVERIFY2(store.ok(), qPrintable(errorOf(store)));
        QCOMPARE(store.value()->schemaVersion(), Store::latestVersion());
        FixedClock clock(QDateTime(QDate(2026, 3, 10), QTime(2, 0), Qt::UTC));
        Ledger ledger(*store.value(), clock);
        QVERIFY(ledger.initialize(u"S1"_s, u"T1"_s, u"general"_s).ok());
        auto report = ledger.verify();
        QVERIFY(report.ok() && report->ok());
    }
};

QTEST_GUILESS_MAIN(SqlFailureTest)
#include "tst_sql_failure.moc"
