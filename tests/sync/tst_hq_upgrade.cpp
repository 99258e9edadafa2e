// HQ databases created by an older jifen-hq: migrations are numbered, each one transaction with
// its version bump, and what an earlier step could not record is rebuilt from the journal. Here a
// schema-step-1 database holding a terminal's sales, an eco sale and an offset, as step 1 stored
// them, is upgraded on SQLite and PostgreSQL.

#include "clock.h"
#include "hq_database.h"
#include "hq_process.h"
#include "journal.h"
#include "ledger.h"
#include "store.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace jifen;
using namespace jifen::sync;
using namespace jifen::test;

class TstHqUpgrade : public QObject {
    Q_OBJECT
private slots:
    void lotMetadataRebuiltFromStepOne_data()
    {
        QTest::addColumn<QString>("backend");
        for (const QString& backend : backends())
            QTest::newRow(qPrintable(QStringLiteral("step 1 to newest on %1").arg(backend))) << backend;
    }
    void lotMetadataRebuiltFromStepOne()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        std::unique_ptr<PgDatabase> pg;
        if (backend == QStringLiteral("postgresql"))
            pg = std::make_unique<PgDatabase>();
        const QString spec = pg ? pg->spec() : dir.filePath(QStringLiteral("hq.db"));
        QVERIFY(!spec.isEmpty());

        // A terminal's journal: a whole-bill sale, an eco item (ordinary and green lots), an offset.
        FixedClock clock(QDateTime(QDate(2026, 11, 23), QTime(1, 0), QTimeZone::utc()));
        auto store = Store::open(dir.filePath(QStringLiteral("jifen.db")));
        QVERIFY(store);
        Ledger ledger(*store.value(), clock);
        QVERIFY(ledger.initialize(QStringLiteral("S1"), QStringLiteral("T1"), QStringLiteral("fruit")));
        QVERIFY(ledger.addMember(NewMember{QStringLiteral("13800138000"), QString(), QStringLiteral("张三")}));
        SaleRequest sale;
        sale.ref = QStringLiteral("s1");
        sale.phone = QStringLiteral("13800138000");
        sale.amount = QStringLiteral("100.00");
        QVERIFY(ledger.sale(sale));
        clock.advanceDays(1); // the next lots are earned on another business day
        sale.ref = QStringLiteral("s2");
        sale.amount.clear();
        sale.items = {QStringLiteral("6901000000011:2"), QStringLiteral("6901000000028:1")};
        QVERIFY(ledger.sale(sale));
        sale.ref = QStringLiteral("s3");
        sale.offsetPoints = 100;
        QVERIFY(ledger.sale(sale));
        const auto entries = ledger.journal();
        QVERIFY(entries);

        // Stored as jifen-hq stored pushes at schema step 1: no green flag, original or earning date.
        {
            auto db = HqDatabase::open(spec, nullptr, 1);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
            QCOMPARE(
                db.value()->scalar(QStringLiteral("SELECT value FROM hq_meta WHERE key = 'schema_version'"))->toInt(),
                1);
            auto run = [&](const QString& sql, const QVariantList& values) {
                auto r = db.value()->run(sql, values);
                if (r)
                    r.value()->finish();
                return r ? QString() : r.error().message;
            };
            QCOMPARE(run(QStringLiteral("INSERT INTO terminals (terminal_id, store_id, last_hash, created_at) VALUES"
                                        " ('T1', 'S1', '', '2026-11-01T00:00:00.000Z')"),
                         {}),
                     QString());
            QCOMPARE(run(QStringLiteral("INSERT INTO members (uid, phone, name, kind, home_terminal, created_at) VALUES"
                                        " (?, '13800138000', 'x', 'person', 'T1', '2026-11-01T00:00:00.000Z')"),
                         {entries->first().memberUid}),
                     QString());
            for (const JournalEntry& e : *entries) {
                QCOMPARE(run(QStringLiteral("INSERT INTO journal (terminal_id, seq, entry_id, kind, member_uid, points,"
                                            " green_points, ref, reverses_seq, ruleset_version, terminal_time, hq_time,"
                                            " detail, lots, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?,"
                                            " ?, ?, ?, ?, ?, ?)"),
                             {e.terminalId, e.seq, e.entryId, entryKindName(e.kind), e.memberUid, e.points.value(),
                              e.greenPoints.value(), e.ref, e.rulesetVersion, formatInstant(e.terminalTime),
                              formatInstant(e.terminalTime),
                              QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact)),
                              lotMovesToText(e.lots), e.prevHash, e.hash}),
                         QString());
                for (const LotMove& m : e.lots) {
                    const bool own = m.lot.terminalId == e.terminalId && m.lot.seq == e.seq;
                    QCOMPARE(run(QStringLiteral("INSERT INTO lots (lot, member_uid, remaining, valid_through) VALUES"
                                                " (?, ?, ?, ?) ON CONFLICT (lot) DO UPDATE SET remaining ="
                                                " lots.remaining + excluded.remaining"),
                                 {m.lot.toString(), e.memberUid, m.points.value(),
                                  own ? e.detail.value(QStringLiteral("valid_through")).toString() : QString()}),
                             QString());
                }
            }
        }

        auto db = HqDatabase::open(spec);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QVERIFY(db.value()->scalar(QStringLiteral("SELECT value FROM hq_meta WHERE key = 'schema_version'"))->toInt() >=
                6);
        // Every lot as a push describes it now: from the entry that created it.
        int lots = 0;
        int greenLots = 0;
        for (const JournalEntry& e : *entries) {
            for (const LotMove& m : e.lots) {
                if (m.lot.terminalId != e.terminalId || m.lot.seq != e.seq)
                    continue;
                auto q = db.value()->run(
                    QStringLiteral("SELECT green, original, earned_on, valid_through FROM lots WHERE lot = ?"),
                    {m.lot.toString()});
                QVERIFY(q);
                QVERIFY2(q.value()->next(), qPrintable(m.lot.toString()));
                const QString lot = m.lot.toString();
                QCOMPARE(q.value()->value(0).toInt(), e.greenPoints.value() > 0 ? 1 : 0);
                QCOMPARE(q.value()->value(1).toLongLong(), m.points.value());
                QCOMPARE(q.value()->value(2).toString(), businessDate(e.terminalTime).toString(Qt::ISODate));
                QCOMPARE(q.value()->value(3).toString(), e.detail.value(QStringLiteral("valid_through")).toString());
                q.value()->finish();
                ++lots;
                greenLots += e.greenPoints.value() > 0 ? 1 : 0;
            }
        }
        QCOMPARE(lots, 5); // s1; s2 and s3 each an ordinary and a green lot
        QCOMPARE(greenLots, 2);
        QCOMPARE(db.value()
                     ->scalar(QStringLiteral("SELECT COUNT(*) FROM lots WHERE earned_on IS NULL OR earned_on = ''"))
                     ->toInt(),
                 0);
        // Lots stored before step 8 take their creator from their names and count as moved by
        // others, so that a pull lists them all (own_lots "omit" leaves none of them out).
        const QString lotsOfTerminal = QStringLiteral("SELECT COUNT(*) FROM lots WHERE creator = '%1' AND shared = 1")
                                           .arg(entries->first().terminalId);
        QCOMPARE(db.value()->scalar(lotsOfTerminal)->toInt(), lots);
        QCOMPARE(db.value()->scalar(QStringLiteral("SELECT COUNT(*) FROM lots"))->toInt(), lots);
        // The member stored before consents were kept (step 7) has none recorded.
        auto member = db.value()->run(QStringLiteral("SELECT consent_terms, consent_at FROM members WHERE uid = ?"),
                                      {entries->first().memberUid});
        QVERIFY(member);
        QVERIFY(member.value()->next());
        QVERIFY(member.value()->value(0).isNull());
        QVERIFY(member.value()->value(1).isNull());
        member.value()->finish();
    }
};

QTEST_GUILESS_MAIN(TstHqUpgrade)
#include "tst_hq_upgrade.moc"
