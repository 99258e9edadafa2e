#include "pos_main_window.h"

#include "checkout_screen.h"
#include "error_text.h"
#include "manager_pin_dialog.h"
#include "manager_screen.h"
#include "receipt_pdf.h"
#include "receipt_printer.h"
#include "redeem_screen.h"
#include "refund_screen.h"
#include "report_service.h"
#include "sync_client.h"
#include "sync_scheduler.h"
#include "sync_status_widget.h"

#include <QCoreApplication>
#include <QDir>
#include <QFutureWatcher>
#include <QLabel>
#include <QLibraryInfo>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTranslator>
#include <QtConcurrent>

namespace jifen {

PosMainWindow::PosMainWindow(Ledger& ledger, const Clock& clock, Options options, QWidget* parent)
    : QMainWindow(parent)
    , m_ledger(ledger)
    , m_options(std::move(options))
{
    setObjectName(QStringLiteral("posMainWindow"));
    setWindowTitle(tr("Jifen points — checkout"));
    m_checkout =
        new CheckoutScreen(ledger, clock, CheckoutScreen::Options{m_options.cashier, m_options.storeName}, this);
    QNetworkAccessManager* network = m_options.network ? m_options.network : new QNetworkAccessManager(this);
    m_redeem = new RedeemScreen(ledger, clock, *network, this);
    m_redeem->setReceiptHeader(m_checkout->storeName(), m_options.cashier);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_checkout);
    m_stack->addWidget(m_redeem);
    m_refund = new RefundScreen(ledger, clock, this);
    m_stack->addWidget(m_refund);
    auto* refunds = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F12), this);
    connect(refunds, &QShortcut::activated, this, &PosMainWindow::showRefund);
    connect(m_refund, &RefundScreen::backRequested, this, &PosMainWindow::showCheckout);
    ReportService* reports = m_options.reports;
    if (!reports)
        reports = new LedgerReportService(m_options.databasePath, clock, this);
    m_manager = new ManagerScreen(ledger, clock, *reports, this);
    m_stack->addWidget(m_manager);
    m_manager->settings()->setSettings({m_options.printer, m_options.nightlyHour, m_options.language});
    connect(m_manager, &ManagerScreen::backRequested, this, &PosMainWindow::showCheckout);
    connect(m_manager->settings(), &SettingsTab::saved, this, &PosMainWindow::applySettings);
    auto* managerKey = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10), this);
    connect(managerKey, &QShortcut::activated, this, &PosMainWindow::requestManager);
    setCentralWidget(m_stack);
    auto* toggle = new QShortcut(QKeySequence(Qt::Key_F11), this);
    connect(toggle, &QShortcut::activated, this, [this] {
        if (m_stack->currentWidget() == m_checkout)
            showRedeem();
        else
            showCheckout();
    });
    connect(m_redeem, &RedeemScreen::backRequested, this, &PosMainWindow::showCheckout);
    m_sync = new SyncStatusWidget(ledger, this);
    statusBar()->addPermanentWidget(m_sync, 1);
    // The keys of the screen in front, always visible; they change with the screen.
    m_keys = new QLabel(this);
    m_keys->setObjectName(QStringLiteral("shortcutsLabel"));
    // The checkout's keys are more than one line holds beside the sync status: wrapped, none is cut.
    m_keys->setWordWrap(true);
    statusBar()->addWidget(m_keys, 1);
    connect(m_stack, &QStackedWidget::currentChanged, this, &PosMainWindow::showKeys);
    m_printer = new ReceiptPrinter(m_options.printer, this);
    m_lastReceipt = m_checkout->lastReceipt(); // the ledger's last sale, after a restart too
    const auto remember = [this](const ReceiptData& receipt) { m_lastReceipt = receipt; };
    connect(m_checkout, &CheckoutScreen::saleCompleted, this, remember);
    connect(m_checkout, &CheckoutScreen::saleCompleted, this, &PosMainWindow::printReceipt);
    connect(m_redeem, &RedeemScreen::redemptionCompleted, this, remember);
    connect(m_redeem, &RedeemScreen::redemptionCompleted, this, &PosMainWindow::printReceipt);
    connect(m_checkout, &CheckoutScreen::reprintRequested, this, &PosMainWindow::reprintLast);
    connect(m_checkout, &CheckoutScreen::receiptPdfRequested, this, &PosMainWindow::saveLastReceiptPdf);
    // Printing runs off the UI thread; the bar shows how far the receipt has gone.
    auto* progress = new QProgressBar(this);
    progress->setObjectName(QStringLiteral("printProgressBar"));
    progress->setMaximumWidth(160);
    progress->setFormat(tr("Printing %p%"));
    progress->hide();
    statusBar()->addPermanentWidget(progress);
    connect(m_printer, &ReceiptPrinter::progress, this, [progress](qint64 sent, qint64 total) {
        progress->setRange(0, 1000);
        progress->setValue(total > 0 ? static_cast<int>(sent * 1000 / total) : 0);
        progress->show();
    });
    connect(m_printer, &ReceiptPrinter::finished, this, [this, progress](bool ok, const QString& error) {
        progress->hide();
        statusBar()->showMessage(ok ? tr("Receipt printed.")
                                    : tr("Printing failed: %1. Check that the printer is on, has paper and is "
                                         "connected, then reprint with F8.")
                                          .arg(error),
                                 ok ? 8000 : 0);
    });
    m_pdfProgress = new QProgressBar(this);
    m_pdfProgress->setObjectName(QStringLiteral("receiptPdfProgressBar"));
    m_pdfProgress->setMaximumWidth(160);
    m_pdfProgress->setRange(0, 0); // busy: a PDF reports no steps
    m_pdfProgress->setFormat(tr("Saving PDF"));
    m_pdfProgress->hide();
    statusBar()->addPermanentWidget(m_pdfProgress);
    resize(1200, 760);
    showKeys();
    showCheckout(); // the scanner's field has the focus from the start
}

void PosMainWindow::showKeys()
{
    QWidget* screen = m_stack->currentWidget();
    if (screen == m_redeem)
        m_keys->setText(
            tr("F2 member · F3 reward · F4 qty · F5 category · F12 or Enter redeem · F10 sync · F11 checkout · "
               "Shift+F12 refund · Esc back to checkout"));
    else if (screen == m_refund)
        m_keys->setText(tr("F2 receipt no. · F4 amount · F12 or Enter refund · F10 sync · F11 checkout · "
                           "Esc back to checkout"));
    else if (screen == m_manager)
        m_keys->setText(tr("Alt+1…9 tabs · Tab next field · Enter confirm · F10 sync · Esc back to checkout"));
    else
        m_keys->setText(tr("F2 member · F3 item · F4 qty · F5 amount · F6 points · F7 tender · F8 reprint · "
                           "Shift+F8 receipt PDF · F9 remove line · F10 sync · Shift+F10 manager · F11 redeem · "
                           "F12 pay · Shift+F12 refund · Esc cancel"));
}

void PosMainWindow::showCheckout()
{
    if (m_stack->currentWidget() == m_manager)
        m_manager->close();                // the PIN is forgotten
    m_stack->setCurrentWidget(m_checkout); // the cart waits where it was
    m_checkout->findChild<QWidget*>(QStringLiteral("itemLineEdit"))->setFocus();
}

void PosMainWindow::showRedeem()
{
    m_redeem->reload();
    m_stack->setCurrentWidget(m_redeem);
    m_redeem->findChild<QWidget*>(QStringLiteral("redeemMemberLineEdit"))->setFocus();
}

void PosMainWindow::showRefund()
{
    m_refund->cancel();
    m_stack->setCurrentWidget(m_refund);
    m_refund->findChild<QWidget*>(QStringLiteral("refundSaleRefLineEdit"))->setFocus();
}

void PosMainWindow::requestManager()
{
    if (m_stack->currentWidget() == m_manager)
        return;
    auto* dialog = new ManagerPinDialog(tr("The manager's screen needs a manager's PIN."), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ManagerPinDialog::pinEntered, this, [this, dialog](const QString& pin) {
        auto manager = m_ledger.approveAsManager(pin);
        if (!manager) {
            dialog->showError(tr("Not approved: %1").arg(manager.error().message));
            return;
        }
        dialog->accept();
        showManager(manager.value(), pin);
    });
    dialog->open();
}

void PosMainWindow::showManager(const QString& manager, const QString& pin)
{
    m_stack->setCurrentWidget(m_manager);
    activateWindow();
    m_manager->open(manager, pin);
}

void PosMainWindow::applySettings(const PosSettings& settings)
{
    m_options.printer = settings.printer;
    m_options.nightlyHour = settings.nightlyHour;
    m_options.language = settings.language;
    m_printer->setTarget(settings.printer);
    if (!m_options.settingsPath.isEmpty()) {
        QSettings file(m_options.settingsPath, QSettings::IniFormat);
        file.setValue(QStringLiteral("printer"), settings.printer);
        file.setValue(QStringLiteral("nightly_sync_hour"), settings.nightlyHour);
        file.setValue(QStringLiteral("language"), settings.language);
    }
}

void PosMainWindow::attachSync(sync::SyncClient& client, sync::SyncScheduler& scheduler)
{
    connect(m_sync, &SyncStatusWidget::syncRequested, &scheduler, [this, &client, &scheduler] {
        if (client.busy())
            return;
        m_sync->syncStarted();
        scheduler.syncNow();
    });
    connect(&scheduler, &sync::SyncScheduler::onlineChanged, m_sync, &SyncStatusWidget::setOnline);
    connect(&client, &sync::SyncClient::progress, m_sync, &SyncStatusWidget::syncProgress);
    connect(&client, &sync::SyncClient::finished, m_sync, &SyncStatusWidget::syncFinished);
}

void PosMainWindow::printReceipt(const ReceiptData& receipt)
{
    if (!m_printer->configured())
        return; // the receipt is on screen; nothing to print to
    auto bytes = encodeReceipt(receipt, m_options.paper);
    if (!bytes) {
        statusBar()->showMessage(
            withNextStep(tr("The receipt cannot be encoded: %1").arg(bytes.error().message), bytes.error().code), 0);
        return;
    }
    m_printer->print(bytes.value());
}

void PosMainWindow::reprintLast()
{
    const auto& last = m_lastReceipt;
    if (!last) {
        statusBar()->showMessage(tr("No receipt to reprint yet."), 5000);
        return;
    }
    if (!m_printer->configured()) {
        statusBar()->showMessage(tr("No receipt printer is configured (start with --printer)."), 5000);
        return;
    }
    printReceipt(*last);
}

void PosMainWindow::saveLastReceiptPdf()
{
    const auto& last = m_lastReceipt;
    if (!last) {
        statusBar()->showMessage(tr("No receipt to save yet."), 5000);
        return;
    }
    if (m_options.receiptPdfDir.isEmpty()) {
        statusBar()->showMessage(tr("No folder for receipt PDFs is set (start with --receipt-pdf-dir)."), 5000);
        return;
    }
    if (m_pdfBusy)
        return; // one PDF at a time; the bar shows the one on its way
    if (!QDir().mkpath(m_options.receiptPdfDir)) {
        const QString error = tr("cannot create the folder %1").arg(m_options.receiptPdfDir);
        statusBar()->showMessage(tr("The receipt PDF was not saved: %1.").arg(error), 0);
        emit receiptPdfSaved(QString(), error);
        return;
    }
    // The reference is the ledger's, made of letters, digits and dashes: safe as a file name.
    const QString path = QDir(m_options.receiptPdfDir).filePath(last->ref + QStringLiteral(".pdf"));
    m_pdfBusy = true;
    m_pdfProgress->show();
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_pdfBusy = false;
        m_pdfProgress->hide();
        const QString error = watcher->result();
        if (error.isEmpty())
            statusBar()->showMessage(tr("Receipt saved as %1").arg(QDir::toNativeSeparators(path)), 15000);
        else
            statusBar()->showMessage(tr("The receipt PDF was not saved: %1.").arg(error), 0);
        emit receiptPdfSaved(path, error);
    });
    watcher->setFuture(QtConcurrent::run(
        [receipt = *last, paper = m_options.paper, path] { return writeReceiptPdf(receipt, paper, path); }));
}

bool installPosTranslation(const QString& language)
{
    // English is the source text; its translation file holds only the plural forms ("1 point",
    // "2 points") of the strings that count something.
    const QString name = language.startsWith(QLatin1String("en")) ? QStringLiteral("en") : language;
    auto* app = QCoreApplication::instance();
    auto* translator = new QTranslator(app);
    if (!translator->load(QStringLiteral(":/i18n/jifen_%1.qm").arg(name))) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    auto* qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(name), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

} // namespace jifen
