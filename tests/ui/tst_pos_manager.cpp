// The manager's screen by keys alone, widgets found by objectName: opened with the manager PIN
// (and not with a wrong one), a household with a transfer inside it, a donation, a new operator,
// a green grant, an adjustment with its reason (refused without one),
// the day report's charts holding the day's points and sales, the report and a statement made off
// the UI thread (the event loop keeps running while they are made), HQ's incidents listed, settings.

#include "identity.h"
#include "manager_screen.h"
#include "pos_fixture.h"
#include "receipt_printer.h"
#include "report_service.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QFile>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace jifen;
using namespace jifen::test;

namespace {

void press(QWidget* window, const QString& text, Qt::Key then = Qt::Key_Return)
{
    QTestEventList keys;
    if (!text.isEmpty())
        keys.addKeyClicks(text);
    keys.addKeyClick(then);
    typeKeys(keys, window);
}

void shortcut(QWidget* window, Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    QTestEventList keys;
    keys.addKeyClick(key, modifiers);
    typeKeys(keys, window);
}

// Shift+F10, the PIN, Enter.
void openManager(PosMainWindow& window, const QString& pin)
{
    shortcut(&window, Qt::Key_F10, Qt::ShiftModifier);
    auto* dialog = window.findChild<QDialog*>(u"managerPinDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isActiveWindow());
    press(dialog, pin);
    if (pin == kApproverPin) // the prompt closes and the window takes the keys again
        QTRY_VERIFY(window.isActiveWindow() && QApplication::focusWidget());
}

// Sum of every bar of a chart view's bar series.
qreal barTotal(QChartView* view, int set)
{
    if (!view || !view->chart() || view->chart()->series().isEmpty())
        return -1;
    auto* series = qobject_cast<QBarSeries*>(view->chart()->series().first());
    if (!series || series->barSets().size() <= set)
        return -1;
    qreal sum = 0;
    for (int i = 0; i < series->barSets().at(set)->count(); ++i)
        sum += series->barSets().at(set)->at(i);
    return sum;
}

} // namespace

class TstPosManager : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void openWithPin_data();
    void openWithPin();
    void householdTransfer_data();
    void householdTransfer();
    void donation_data();
    void donation();
    void operators_data();
    void operators();
    void greenGrant();
    void adjustment_data();
    void adjustment();
    void dayReportCharts();
    void summaryPlural_data();
    void summaryPlural();
    void reportOffUiThread();
    void statementOffUiThread_data();
    void statementOffUiThread();
    void incidentsListed();
    void settingsSaved();

private:
    std::unique_ptr<Fixture> m_f;
    std::unique_ptr<PosMainWindow> m_window;
    QTemporaryDir m_dir;
};

void TstPosManager::initTestCase()
{
    // English, with its plural forms ("1 sale", "2 sales") from jifen_en.qm.
    QVERIFY(installPosTranslation(u"en"_s));
}

void TstPosManager::init()
{
    m_f = std::make_unique<Fixture>(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(m_f->ok(), qPrintable(m_f->error));
    QVERIFY(m_f->addManager());
    QVERIFY(addMemberWithPoints(*m_f, 1000));
    PosMainWindow::Options options;
    options.settingsPath = m_dir.filePath(u"jifen-pos.ini"_s);
    options.databasePath = m_f->dbPath();
    m_window = std::make_unique<PosMainWindow>(*m_f->ledger, m_f->clock, options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TstPosManager::cleanup()
{
    m_window.reset();
    m_f.reset();
}

void TstPosManager::openWithPin_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("opens");
    QTest::newRow("the manager's PIN") << kApproverPin << true;
    QTest::newRow("a wrong PIN") << u"0000"_s << false;
}

void TstPosManager::openWithPin()
{
    QFETCH(QString, pin);
    QFETCH(bool, opens);
    openManager(*m_window, pin);
    auto* screen = m_window->manager();
    if (opens) {
        QTRY_VERIFY(screen->isVisible());
        QCOMPARE(labelText(screen, "managerTitleLabel"), u"Manager: %1"_s.arg(kManagerName));
        // Esc goes back to the checkout, whose scanner field has the keys again.
        shortcut(m_window.get(), Qt::Key_Escape, Qt::NoModifier);
        QTRY_VERIFY(!screen->isVisible());
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(m_window.get(), "itemLineEdit"));
    } else {
        auto* dialog = m_window->findChild<QDialog*>(u"managerPinDialog"_s);
        QTRY_VERIFY(!labelText(dialog, "managerPinErrorLabel").isEmpty());
        QVERIFY(dialog->isVisible());
        QVERIFY(!screen->isVisible());
        dialog->reject();
    }
}

void TstPosManager::householdTransfer_data()
{
    QTest::addColumn<QString>("points");
    QTest::addColumn<qint64>("moved");
    QTest::addColumn<QString>("says");
    QTest::newRow("300 points to the spouse") << u"300"_s << qint64(300) << u"300 points transferred"_s;
    QTest::newRow("more than the balance: refused") << u"2000"_s << qint64(0) << u"Not transferred"_s;
}

void TstPosManager::householdTransfer()
{
    QFETCH(QString, points);
    QFETCH(qint64, moved);
    QFETCH(QString, says);
    QVERIFY(m_f->addMember(kPhone2, u"李四"_s));
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    shortcut(m_window.get(), Qt::Key_1, Qt::AltModifier);
    QCOMPARE(m_window->manager()->tabs()->currentWidget()->objectName(), u"householdsTab"_s);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(m_window.get(), "householdHeadLineEdit"));
    // The head's phone, Tab to "Create household", Enter; the new member's phone, Enter.
    press(m_window.get(), kPhone, Qt::Key_Tab);
    shortcut(m_window.get(), Qt::Key_Return, Qt::NoModifier);
    QVERIFY2(labelText(m_window.get(), "householdsMessageLabel").contains(u"created"_s),
             qPrintable(labelText(m_window.get(), "householdsMessageLabel")));
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(m_window.get(), "householdMemberLineEdit"));
    press(m_window.get(), kPhone2);
    QCOMPARE(child<QTableWidget>(m_window.get(), "householdTable")->rowCount(), 2);

    // Tab past "Add member" and the list to the transfer: from, to, points, Enter, Enter.
    shortcut(m_window.get(), Qt::Key_Tab, Qt::NoModifier);
    shortcut(m_window.get(), Qt::Key_Tab, Qt::NoModifier);
    shortcut(m_window.get(), Qt::Key_Tab, Qt::NoModifier);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(m_window.get(), "transferFromLineEdit"));
    press(m_window.get(), kPhone, Qt::Key_Tab);
    press(m_window.get(), kPhone2, Qt::Key_Tab);
    shortcut(m_window.get(), Qt::Key_A, Qt::ControlModifier);
    press(m_window.get(), points); // Enter leaves the points for "Transfer points"
    QCOMPARE(QApplication::focusWidget(), child<QPushButton>(m_window.get(), "transferButton"));
    shortcut(m_window.get(), Qt::Key_Return, Qt::NoModifier);

    const QString message = labelText(m_window.get(), "householdsMessageLabel");
    QVERIFY2(message.contains(says), qPrintable(message));
    QCOMPARE(m_f->balance(kPhone), 1000 - moved);
    QCOMPARE(m_f->balance(kPhone2), moved);
    auto* table = child<QTableWidget>(m_window.get(), "householdTable");
    QCOMPARE(table->item(0, 2)->text(), QString::number(1000 - moved)); // the list follows
    QCOMPARE(table->item(0, 3)->text(), QString::number(moved));        // sent this month
    QVERIFY(m_f->verifyProblems().isEmpty());
}

void TstPosManager::donation_data()
{
    QTest::addColumn<int>("charity"); // Down presses in the charity list
    QTest::addColumn<QString>("points");
    QTest::addColumn<qint64>("given");
    QTest::newRow("to the first charity") << 0 << u"200"_s << qint64(200);
    QTest::newRow("to the second charity") << 1 << u"50"_s << qint64(50);
    QTest::newRow("more than the balance: refused") << 0 << u"5000"_s << qint64(0);
}

void TstPosManager::donation()
{
    QFETCH(int, charity);
    QFETCH(QString, points);
    QFETCH(qint64, given);
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    shortcut(m_window.get(), Qt::Key_3, Qt::AltModifier);
    QCOMPARE(m_window->manager()->tabs()->currentWidget()->objectName(), u"donationsTab"_s);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(m_window.get(), "donatePhoneLineEdit"));
    auto* charities = child<QComboBox>(m_window.get(), "donateCharityComboBox");
    QVERIFY(charities->count() > charity);
    // Phone, Tab, the charity (Down), Tab, points, Tab to "Donate", Enter.
    press(m_window.get(), kPhone, Qt::Key_Tab);
    for (int i = 0; i < charity; ++i)
        shortcut(m_window.get(), Qt::Key_Down, Qt::NoModifier);
    const QString code = charities->currentData().toString();
    const QString name = charities->currentText();
    shortcut(m_window.get(), Qt::Key_Tab, Qt::NoModifier);
    shortcut(m_window.get(), Qt::Key_A, Qt::ControlModifier);
    press(m_window.get(), points, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QPushButton>(m_window.get(), "donateButton"));
    shortcut(m_window.get(), Qt::Key_Return, Qt::NoModifier);

    QCOMPARE(m_f->balance(), 1000 - given);
    auto totals = m_f->ledger->charityTotals();
    QVERIFY(totals);
    for (const CharityTotal& c : totals.value())
        QCOMPARE(c.points.value(), c.code == code ? given : 0);
    const QString message = labelText(m_window.get(), "donateMessageLabel");
    if (given == 0) {
        QVERIFY2(message.contains(u"Not donated"_s), qPrintable(message));
        return;
    }
    QVERIFY2(message.contains(u"%1 points donated"_s.arg(given)), qPrintable(message));
    auto* table = child<QTableWidget>(m_window.get(), "charityTable"); // the totals follow
    bool listed = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == name) {
            QCOMPARE(table->item(row, 1)->text(), u"1"_s);
            QCOMPARE(table->item(row, 2)->text(), QString::number(given));
            listed = true;
        }
    }
    QVERIFY(listed);
}

void TstPosManager::operators_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("manager"); // Down in the role list
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("added");
    QTest::newRow("a cashier") << u"Li Na"_s << false << u"1357"_s << true;
    QTest::newRow("a second manager") << u"Zhao"_s << true << u"97531"_s << true;
    QTest::newRow("a PIN too short: refused") << u"Zhou"_s << false << u"12"_s << false;
}

void TstPosManager::operators()
{
    QFETCH(QString, name);
    QFETCH(bool, manager);
    QFETCH(QString, pin);
    QFETCH(bool, added);
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    shortcut(m_window.get(), Qt::Key_5, Qt::AltModifier);
    QCOMPARE(m_window->manager()->tabs()->currentWidget()->objectName(), u"operatorsTab"_s);
    auto* table = child<QTableWidget>(m_window.get(), "operatorsTable");
    QCOMPARE(table->rowCount(), 1); // the manager who opened the screen
    // The new operator's name takes the keys; Tab, the role, Tab, the PIN, Enter.
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(m_window.get(), "operatorNameLineEdit"));
    press(m_window.get(), name, Qt::Key_Tab);
    if (manager)
        shortcut(m_window.get(), Qt::Key_Down, Qt::NoModifier);
    shortcut(m_window.get(), Qt::Key_Tab, Qt::NoModifier);
    press(m_window.get(), pin);

    QCOMPARE(table->rowCount(), added ? 2 : 1);
    QVERIFY(child<QLineEdit>(m_window.get(), "operatorPinLineEdit")->text().isEmpty()); // never kept
    if (!added) {
        QVERIFY(labelText(m_window.get(), "operatorsMessageLabel").contains(u"Not added"_s));
        return;
    }
    const auto rows = table->findItems(name, Qt::MatchExactly); // the list is in name order
    QCOMPARE(rows.size(), 1);
    QCOMPARE(table->item(rows.first()->row(), 1)->text(), manager ? u"Manager"_s : u"Cashier"_s);
    // The PIN works: a manager's approves, a cashier's does not.
    QCOMPARE(bool(m_f->ledger->approveAsManager(pin)), manager);
}

void TstPosManager::greenGrant()
{
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    const qint64 green = m_f->ledger->memberByPhone(kPhone)->greenBalance.value();
    shortcut(m_window.get(), Qt::Key_2, Qt::AltModifier);
    QCOMPARE(m_window->manager()->tabs()->currentWidget()->objectName(), u"greenTab"_s);
    // The action first (Down picks "training"), Tab to the member, Enter grants.
    QCOMPARE(QApplication::focusWidget(), child<QComboBox>(m_window.get(), "greenActionComboBox"));
    shortcut(m_window.get(), Qt::Key_Down, Qt::NoModifier);
    QCOMPARE(child<QComboBox>(m_window.get(), "greenActionComboBox")->currentData().toString(), u"training"_s);
    shortcut(m_window.get(), Qt::Key_Tab, Qt::NoModifier);
    press(m_window.get(), kPhone);
    const QString message = labelText(m_window.get(), "greenMessageLabel");
    const qint64 after = m_f->ledger->memberByPhone(kPhone)->greenBalance.value();
    QVERIFY2(after > green, qPrintable(message));
    QVERIFY2(message.contains(QString::number(after)), qPrintable(message));
}

void TstPosManager::adjustment_data()
{
    QTest::addColumn<QString>("points");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("change");
    QTest::addColumn<QString>("says");
    QTest::newRow("plus, with a reason") << u"150"_s << u"coupon not scanned"_s << qint64(150) << u"Added 150 points"_s;
    QTest::newRow("minus, with a reason") << u"-40"_s << u"double scan"_s << qint64(-40) << u"Took off 40 points"_s;
    QTest::newRow("no reason: refused") << u"150"_s << QString() << qint64(0) << u"needs a reason"_s;
    QTest::newRow("blank reason: refused") << u"150"_s << u"   "_s << qint64(0) << u"needs a reason"_s;
}

void TstPosManager::adjustment()
{
    QFETCH(QString, points);
    QFETCH(QString, reason);
    QFETCH(qint64, change);
    QFETCH(QString, says);
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    const qint64 before = m_f->ledger->memberByPhone(kPhone)->balance.value();
    const qint64 seq = m_f->ledger->lastSeq().value();
    shortcut(m_window.get(), Qt::Key_4, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(m_window.get(), "adjustPhoneLineEdit"));
    press(m_window.get(), kPhone, Qt::Key_Tab);
    shortcut(m_window.get(), Qt::Key_A, Qt::ControlModifier);
    press(m_window.get(), points, Qt::Key_Tab);
    press(m_window.get(), reason);
    const QString message = labelText(m_window.get(), "adjustMessageLabel");
    QVERIFY2(message.contains(says), qPrintable(message));
    QCOMPARE(m_f->ledger->memberByPhone(kPhone)->balance.value(), before + change);
    QCOMPARE(m_f->ledger->lastSeq().value(), change == 0 ? seq : seq + 1);
    if (change != 0) {
        const auto entries = m_f->ledger->journal(seq);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->first().detail.value(u"reason"_s).toString(), reason);
    }
}

void TstPosManager::dayReportCharts()
{
    QVERIFY(m_f->addCashier(u"李"_s));
    QVERIFY(m_f->buy(u"B-1"_s, u"120"_s, kPhone, QString(), 0, u"李"_s));
    QVERIFY(m_f->buy(u"B-2"_s, u"80"_s, kPhone, QString(), 0, u"李"_s));
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    shortcut(m_window.get(), Qt::Key_6, Qt::AltModifier);
    auto* tab = m_window->manager()->dayReport();
    QVERIFY(tab->isVisible());
    QTRY_VERIFY(tab->report()); // made on the report thread; it arrives through the event loop
    const DayReport& r = *tab->report();
    QCOMPARE(r.hours.size(), 24);
    // Seed sale (1,000) and two more (200) at 10:00 China time: issued in that hour's bar.
    QCOMPARE(r.hours.at(10).issued.value(), (r.issued + r.issuedGreen).value());
    QVERIFY(r.hours.at(10).issued.value() >= 1200);
    QCOMPARE(barTotal(child<QChartView>(tab, "hourlyChartView"), 0), qreal((r.issued + r.issuedGreen).value()));
    QCOMPARE(barTotal(child<QChartView>(tab, "hourlyChartView"), 1), qreal(r.redeemed.value()));
    QCOMPARE(barTotal(child<QChartView>(tab, "cashierChartView"), 0), qreal(r.salesTotal.fen() / 100));
    QVERIFY2(labelText(tab, "reportSummaryLabel").startsWith(u"3 sale"_s),
             qPrintable(labelText(tab, "reportSummaryLabel")));
}

void TstPosManager::summaryPlural_data()
{
    QTest::addColumn<int>("moreSales"); // besides the seed sale
    QTest::addColumn<QString>("summary");
    QTest::newRow("one sale") << 0 << u"1 sale, "_s;
    QTest::newRow("two sales") << 1 << u"2 sales, "_s;
}

// The day report counts its sales in English's singular and plural forms.
void TstPosManager::summaryPlural()
{
    QFETCH(int, moreSales);
    QFETCH(QString, summary);
    for (int i = 0; i < moreSales; ++i)
        QVERIFY(m_f->buy(u"P-%1"_s.arg(i), u"10"_s, kPhone, QString(), 0, QString()));
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    shortcut(m_window.get(), Qt::Key_6, Qt::AltModifier);
    auto* tab = m_window->manager()->dayReport();
    QTRY_VERIFY(tab->report() && !tab->busy());
    QVERIFY2(labelText(tab, "reportSummaryLabel").startsWith(summary),
             qPrintable(labelText(tab, "reportSummaryLabel")));
}

// The day report is held on the report thread until a timer on the UI thread lets it go: the
// timer firing proves the event loop ran while the report was being made (were the report made on
// the UI thread, the hold would block the loop, the report would be there first and the timer
// would find it). The busy bar shows meanwhile, and the report arrives with the day's figures.
void TstPosManager::reportOffUiThread()
{
    QVERIFY(m_f->buy(u"B-1"_s, u"120"_s, kPhone, QString(), 0, QString()));
    m_window.reset();
    QSemaphore hold;
    std::atomic<QThread*> worker = nullptr;
    LedgerReportService reports(m_f->dbPath(), m_f->clock);
    reports.setBeforeWork([&hold, &worker] {
        worker = QThread::currentThread();
        hold.tryAcquire(1, 20000); // released by the UI thread's timer; bounded so a failure ends
    });
    PosMainWindow::Options options;
    options.reports = &reports;
    m_window = std::make_unique<PosMainWindow>(*m_f->ledger, m_f->clock, options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    auto* tab = m_window->manager()->dayReport();
    QSignalSpy shown(tab, &DayReportTab::reportShown);
    shortcut(m_window.get(), Qt::Key_6, Qt::AltModifier); // the request is made; the hold keeps it
    QVERIFY(tab->busy());
    bool ticked = false;
    bool reportWhenTicked = true;
    bool busyBarWhenTicked = false;
    QTimer::singleShot(0, tab, [&] {
        ticked = true;
        reportWhenTicked = tab->report().has_value();
        busyBarWhenTicked = child<QProgressBar>(tab, "reportProgressBar")->isVisible();
        hold.release();
    });
    QTRY_VERIFY(ticked);
    QVERIFY(!reportWhenTicked);
    QVERIFY(busyBarWhenTicked);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
    QVERIFY(worker.load() && worker.load() != QThread::currentThread());
    QVERIFY(!tab->busy());
    QVERIFY(!child<QProgressBar>(tab, "reportProgressBar")->isVisible());
    QVERIFY(tab->report());
    QCOMPARE(tab->report()->sales, qint64(2)); // the seed sale and B-1
    QVERIFY2(labelText(tab, "reportSummaryLabel").startsWith(u"2 sales"_s),
             qPrintable(labelText(tab, "reportSummaryLabel")));
    m_window.reset(); // before the service it uses
}

void TstPosManager::statementOffUiThread_data()
{
    QTest::addColumn<bool>("pdf");
    QTest::newRow("shown") << false;
    QTest::newRow("shown and written as PDF") << true;
}

// A statement by keys alone (Alt+7, the phone, Tab, the month moved from last month to this
// one, Tab, an optional file name, Enter), made off the UI thread, shown as text; with a file name, a PDF.
void TstPosManager::statementOffUiThread()
{
    QFETCH(bool, pdf);
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    shortcut(m_window.get(), Qt::Key_7, Qt::AltModifier);
    auto* tab = m_window->manager()->statements();
    QVERIFY(tab->isVisible());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(tab, "statementMemberLineEdit"));
    press(m_window.get(), kPhone, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QDateEdit>(tab, "statementMonthEdit"));
    shortcut(m_window.get(), Qt::Key_Tab, Qt::NoModifier); // from the year to the month section
    shortcut(m_window.get(), Qt::Key_Up, Qt::NoModifier);  // last month → this one
    const QString file = m_dir.filePath(u"statement.pdf"_s);
    shortcut(m_window.get(), Qt::Key_Tab, Qt::NoModifier);
    QSignalSpy shown(tab, &StatementsTab::statementShown);
    press(m_window.get(), pdf ? file : QString());
    QVERIFY(tab->busy()); // the request returned at once; the answer comes later
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
    const QString text = child<QPlainTextEdit>(tab, "statementTextView")->toPlainText();
    QVERIFY2(text.contains(maskPhone(kPhone)) && text.contains(u"2026-11"_s), qPrintable(text));
    QVERIFY2(labelText(tab, "statementMessageLabel").contains(pdf ? file : u"ready"_s),
             qPrintable(labelText(tab, "statementMessageLabel")));
    QCOMPARE(QFile::exists(file), pdf);
    if (pdf) {
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.read(5) == "%PDF-");
    }
}

void TstPosManager::incidentsListed()
{
    Ledger::PullPage page;
    page.incidents.append(
        HqIncident{7, u"overdraft"_s, u"T2"_s, 42, u"M-1"_s, u"balance -300"_s, u"2026-11-23T02:00:00Z"_s});
    page.incidents.append(
        HqIncident{8, u"chain-break"_s, u"T1"_s, 9, QString(), u"hash mismatch at 9"_s, u"2026-11-23T02:05:00Z"_s});
    page.incidentCursor = 8;
    page.cursor = u"0"_s;
    const auto pulled = m_f->ledger->applyPull(page);
    QVERIFY2(pulled, pulled ? "" : qPrintable(pulled.error().message));
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    shortcut(m_window.get(), Qt::Key_8, Qt::AltModifier);
    auto* table = child<QTableWidget>(m_window.get(), "incidentsTable");
    QVERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), 2);
    QStringList kinds{table->item(0, 1)->text(), table->item(1, 1)->text()};
    kinds.sort();
    QCOMPARE(kinds, (QStringList{u"chain-break"_s, u"overdraft"_s}));
    QVERIFY(labelText(m_window.get(), "incidentsMessageLabel").startsWith(u"2 "_s));
}

void TstPosManager::settingsSaved()
{
    openManager(*m_window, kApproverPin);
    QTRY_VERIFY(m_window->manager()->isVisible());
    shortcut(m_window.get(), Qt::Key_9, Qt::AltModifier);
    QCOMPARE(labelText(m_window.get(), "settingsHqLabel").startsWith(u"not enrolled"_s), true);
    const QString device = m_dir.filePath(u"lp0"_s);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(m_window.get(), "settingsPrinterLineEdit"));
    shortcut(m_window.get(), Qt::Key_Tab, Qt::NoModifier);
    shortcut(m_window.get(), Qt::Key_A, Qt::ControlModifier);
    press(m_window.get(), u"23"_s, Qt::Key_Tab);
    shortcut(m_window.get(), Qt::Key_Down, Qt::NoModifier); // English
    child<QLineEdit>(m_window.get(), "settingsPrinterLineEdit")->setFocus();
    press(m_window.get(), device);
    QCOMPARE(m_window->printer()->target(), device);
    QSettings saved(m_dir.filePath(u"jifen-pos.ini"_s), QSettings::IniFormat);
    QCOMPARE(saved.value(u"printer"_s).toString(), device);
    QCOMPARE(saved.value(u"nightly_sync_hour"_s).toInt(), 23);
    QCOMPARE(saved.value(u"language"_s).toString(), u"en"_s);
}

QTEST_MAIN(TstPosManager)
#include "tst_pos_manager.moc"
