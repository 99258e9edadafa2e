// A member's lots as HQ confirms them in a pull page: the terminal ends with exactly HQ's lots
// (remaining and confirmed base), whatever it held before, and applying the same page twice
// changes nothing more.

#include "fixture.h"
#include "own_lots.h"

#include <QMap>

using namespace jifen;
using namespace jifen::test;

namespace {

struct LotRow {
    QString holder; // the member's phone
    qint64 remaining = 0;
    qint64 base = 0;
};

// Every lot of the terminal, by "terminal:seq", read through a connection of its own.
QMap<QString, LotRow> lotsIn(const QString& path)
{
    QMap<QString, LotRow> out;
    const QString name = u"jifen-test-lots"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT l.source_terminal || ':' || l.source_seq, m.phone, l.remaining, l.base_remaining"
                       " FROM lots l JOIN members m ON m.id = l.member_id"_s))
                while (q.next())
                    out.insert(q.value(0).toString(),
                               LotRow{q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

Ledger::ConfirmedLot confirmed(const LotRef& ref, qint64 original, qint64 remaining, QDate today)
{
    return Ledger::ConfirmedLot{ref, false, Points(original), Points(remaining), today, today.addYears(2)};
}

} // namespace

class TstPullApply : public QObject {
    Q_OBJECT

private slots:
    void lotsEndAsHqListsThem_data();
    void lotsEndAsHqListsThem();
    void ownLotsLeftOut_data();
    void ownLotsLeftOut();
};

void TstPullApply::lotsEndAsHqListsThem_data()
{
    QTest::addColumn<bool>("listOwn");          // HQ lists the lot this terminal earned for the member
    QTest::addColumn<qint64>("spentElsewhere"); // of it, by other terminals
    QTest::addColumn<bool>("listForeign");      // HQ lists a lot earned at terminal T2
    QTest::addColumn<bool>("listOthersLot");    // HQ lists, under this member, a lot held here by another

    QTest::newRow("own lot confirmed as held here") << true << qint64(0) << false << false;
    QTest::newRow("own lot partly spent at another terminal") << true << qint64(30) << false << false;
    QTest::newRow("own lot no longer listed: spent elsewhere") << false << qint64(0) << false << false;
    QTest::newRow("a lot earned at another terminal") << true << qint64(0) << true << false;
    QTest::newRow("a lot held here under another member") << true << qint64(0) << false << true;
}

void TstPullApply::lotsEndAsHqListsThem()
{
    QFETCH(bool, listOwn);
    QFETCH(qint64, spentElsewhere);
    QFETCH(bool, listForeign);
    QFETCH(bool, listOthersLot);

    Fixture f;
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.addMember());
    QVERIFY(f.addMember(kPhone2, u"李四"_s));
    const auto own = f.sale(u"s1"_s, u"100.00"_s);
    QVERIFY2(own, own ? "" : qPrintable(own.error().message));
    const LotRef ownLot = f.lastEntry()->lots.first().lot;
    const auto others = f.sale(u"s2"_s, u"50.00"_s, kPhone2);
    QVERIFY(others);
    const LotRef othersLot = f.lastEntry()->lots.first().lot;
    const qint64 earned = own->pointsEarned.value();
    const qint64 othersEarned = others->pointsEarned.value();
    QVERIFY(earned > spentElsewhere);

    const auto member = f.ledger->memberByPhone(kPhone);
    QVERIFY(member);
    const QDate today = f.clock.today();
    Ledger::ConfirmedMember hq{member->member, Points(0), Points(0), {}, {}};
    const LotRef foreignLot{u"T2"_s, 5};
    if (listOwn)
        hq.lots.append(confirmed(ownLot, earned, earned - spentElsewhere, today));
    if (listForeign)
        hq.lots.append(confirmed(foreignLot, 40, 40, today));
    if (listOthersLot)
        hq.lots.append(confirmed(othersLot, othersEarned, othersEarned, today));
    qint64 total = 0;
    for (const auto& lot : hq.lots)
        total += lot.remaining.value();
    hq.points = Points(total);
    Ledger::PullPage page;
    page.throughSeq = f.lastEntry()->seq;
    page.members = {hq};
    page.cursor = u"1/x"_s;

    QMap<QString, LotRow> expected;
    expected.insert(ownLot.toString(),
                    listOwn ? LotRow{kPhone, earned - spentElsewhere, earned - spentElsewhere} : LotRow{kPhone, 0, 0});
    if (listForeign)
        expected.insert(foreignLot.toString(), LotRow{kPhone, 40, 40});
    // Never confirmed (base 0) and never moved to this member.
    expected.insert(othersLot.toString(), LotRow{kPhone2, othersEarned, 0});

    for (int round = 1; round <= 2; ++round) {
        const auto applied = f.ledger->applyPull(page);
        QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
        QCOMPARE(applied->applied, qint64(1));
        const auto lots = lotsIn(f.dbPath());
        QCOMPARE(lots.keys(), expected.keys());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const LotRow& got = lots.value(it.key());
            QVERIFY2(got.holder == it->holder && got.remaining == it->remaining && got.base == it->base,
                     qPrintable(u"round %1, lot %2: %3 %4/%5, expected %6 %7/%8"_s.arg(round)
                                    .arg(it.key(), got.holder)
                                    .arg(got.remaining)
                                    .arg(got.base)
                                    .arg(it->holder)
                                    .arg(it->remaining)
                                    .arg(it->base)));
        }
        QCOMPARE(f.balance(), total);
        if (!listOthersLot) // HQ's list then disagrees with itself; what is kept is checked above
            QCOMPARE(f.verifyProblems(), QStringList());
    }
}

void TstPullApply::ownLotsLeftOut_data()
{
    QTest::addColumn<bool>("listOwn");      // HQ lists the own lot anyway (another terminal moved it)
    QTest::addColumn<qint64>("countDelta"); // HQ's count of left-out lots, against what is held here
    QTest::addColumn<qint64>("pointsDelta");
    QTest::addColumn<bool>("digestOff"); // HQ's digest of which lot holds what, from other numbers
    QTest::addColumn<bool>("applied");

    QTest::newRow("left out and confirmed as held") << false << qint64(0) << qint64(0) << false << true;
    QTest::newRow("listed because another terminal moved it") << true << qint64(0) << qint64(0) << false << true;
    QTest::newRow("HQ counts one lot more: nothing applied") << false << qint64(1) << qint64(0) << false << false;
    QTest::newRow("HQ counts a point less: nothing applied") << false << qint64(0) << qint64(-1) << false << false;
    QTest::newRow("HQ's digest differs: nothing applied") << false << qint64(0) << qint64(0) << true << false;
}

void TstPullApply::ownLotsLeftOut()
{
    QFETCH(bool, listOwn);
    QFETCH(qint64, countDelta);
    QFETCH(qint64, pointsDelta);
    QFETCH(bool, digestOff);
    QFETCH(bool, applied);

    Fixture f;
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.addMember());
    const auto sale = f.sale(u"s1"_s, u"100.00"_s);
    QVERIFY2(sale, sale ? "" : qPrintable(sale.error().message));
    const LotRef ownLot = f.lastEntry()->lots.first().lot;
    const qint64 earned = sale->pointsEarned.value();
    const qint64 spent = listOwn ? 30 : 0;
    const auto member = f.ledger->memberByPhone(kPhone);
    QVERIFY(member);
    const QDate today = f.clock.today();

    Ledger::ConfirmedMember hq{member->member, Points(earned - spent + 40), Points(0), {}, {}};
    if (listOwn)
        hq.lots.append(confirmed(ownLot, earned, earned - spent, today));
    hq.lots.append(confirmed(LotRef{u"T2"_s, 5}, 40, 40, today));
    // What this terminal holds of its own lots HQ left out, give or take the row's difference.
    const qint64 heldCount = listOwn ? 0 : 1;
    const qint64 heldPoints = listOwn ? 0 : earned;
    OwnLotsTally tally;
    if (!listOwn)
        tally.add(ownLot.seq, digestOff ? earned - 1 : earned);
    hq.ownLots = Ledger::OwnLotsOmitted{heldCount + countDelta, Points(heldPoints + pointsDelta), tally.digest()};
    Ledger::PullPage page;
    page.throughSeq = f.lastEntry()->seq;
    page.members = {hq};
    page.cursor = u"1/x"_s;

    const auto result = f.ledger->applyPull(page);
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QCOMPARE(result->ownLotsMismatched, applied ? qint64(0) : qint64(1));
    QCOMPARE(result->applied, applied ? qint64(1) : qint64(0));
    const auto lots = lotsIn(f.dbPath());
    const auto cursors = f.ledger->pullCursors();
    QVERIFY(cursors);
    if (!applied) {
        // As before the page: the lot never confirmed, no lot of T2, the cursor where it was.
        QCOMPARE(lots.keys(), QStringList{ownLot.toString()});
        QCOMPARE(lots.value(ownLot.toString()).remaining, earned);
        QCOMPARE(lots.value(ownLot.toString()).base, qint64(0));
        QCOMPARE(f.balance(), earned);
        QCOMPARE(cursors->members, QString());
        return;
    }
    QCOMPARE(lots.value(ownLot.toString()).remaining, earned - spent);
    QCOMPARE(lots.value(ownLot.toString()).base, earned - spent);
    QCOMPARE(lots.value(u"T2:5"_s).remaining, qint64(40));
    QCOMPARE(lots.value(u"T2:5"_s).base, qint64(40));
    QCOMPARE(f.balance(), earned - spent + 40);
    QCOMPARE(cursors->members, u"1/x"_s);
    QCOMPARE(f.verifyProblems(), QStringList());
}

QTEST_GUILESS_MAIN(TstPullApply)
#include "tst_pull_apply.moc"
