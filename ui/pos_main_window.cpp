#include "pos_main_window.h"

#include "checkout_screen.h"
#include "receipt_printer.h"
#include "redeem_screen.h"
#include "refund_screen.h"
#include "sync_status_widget.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLibraryInfo>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTranslator>

namespace jifen {

PosMainWindow::PosMainWindow(Ledger& ledger, const Clock& clock, Options options, QWidget* parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
{
    setObjectName(QStringLiteral("posMainWindow"));
    setWindowTitle(tr("Jifen points — checkout"));
    m_checkout =
        new CheckoutScreen(ledger, clock, CheckoutScreen::Options{m_options.cashier, m_options.storeName}, this);
    m_redeem = new RedeemScreen(ledger, clock, this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_checkout);
    m_stack->addWidget(m_redeem);
    m_refund = new RefundScreen(ledger, clock, this);
    m_stack->addWidget(m_refund);
    auto* refunds = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F12), this);
    connect(refunds, &QShortcut::activated, this, &PosMainWindow::showRefund);
    connect(m_refund, &RefundScreen::backRequested, this, &PosMainWindow::showCheckout);
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
    auto* keys = new QLabel(tr("F2 member · F3 item · F4 qty · F5 amount · F6 points · F7 tender · F8 reprint · "
                               "F9 remove line · F10 sync · F11 redeem · F12 pay · Shift+F12 refund · Esc cancel"),
                            this);
    keys->setObjectName(QStringLiteral("shortcutsLabel"));
    statusBar()->addWidget(keys);
    m_printer = new ReceiptPrinter(m_options.printer, this);
    connect(m_checkout, &CheckoutScreen::saleCompleted, this, &PosMainWindow::printReceipt);
    connect(m_checkout, &CheckoutScreen::reprintRequested, this, &PosMainWindow::reprintLast);
    connect(m_printer, &ReceiptPrinter::finished, this, [this](bool ok, const QString& error) {
        statusBar()->showMessage(ok ? tr("Receipt printed.") : error, 8000);
    });
    resize(1200, 760);
    showCheckout(); // the scanner's field has the focus from the start
}

void PosMainWindow::showCheckout()
{
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

void PosMainWindow::printReceipt(const ReceiptData& receipt)
{
    if (!m_printer->configured())
        return; // the receipt is on screen; nothing to print to
    auto bytes = encodeReceipt(receipt, m_options.paper);
    if (!bytes) {
        statusBar()->showMessage(tr("The receipt cannot be encoded: %1").arg(bytes.error().message), 8000);
        return;
    }
    m_printer->print(bytes.value());
}

void PosMainWindow::reprintLast()
{
    const auto& last = m_checkout->lastReceipt();
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

bool installPosTranslation(const QString& language)
{
    if (language.startsWith(QLatin1String("en")))
        return true; // the source strings are English
    auto* app = QCoreApplication::instance();
    auto* translator = new QTranslator(app);
    if (!translator->load(QStringLiteral(":/i18n/jifen_%1.qm").arg(language))) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    auto* qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(language), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

} // namespace jifen
