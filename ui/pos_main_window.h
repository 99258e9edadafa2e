#pragma once

#include "escpos.h"
#include "ledger.h"

#include <QMainWindow>

class QStackedWidget;

namespace jifen {

class CheckoutScreen;
class RedeemScreen;
class RefundScreen;
class ReceiptPrinter;
class SyncStatusWidget;

// jifen-pos's window: the checkout screen, and along the bottom the sync status (always
// visible) and the last printer result. Receipts print after the sale has committed.
class PosMainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        QString cashier;
        QString storeName;
        QString printer; // device file or tcp://host:port; empty: none
        PaperWidth paper = PaperWidth::Mm80;
    };
    PosMainWindow(Ledger& ledger, const Clock& clock, Options options, QWidget* parent = nullptr);

    CheckoutScreen* checkout() const { return m_checkout; }
    SyncStatusWidget* syncStatus() const { return m_sync; }
    ReceiptPrinter* printer() const { return m_printer; }
    RedeemScreen* redeem() const { return m_redeem; }
    void showCheckout();
    void showRedeem();
    RefundScreen* refunds() const { return m_refund; }
    void showRefund();

public slots:
    void printReceipt(const jifen::ReceiptData& receipt);
    void reprintLast();

private:
    Options m_options;
    CheckoutScreen* m_checkout;
    RedeemScreen* m_redeem;
    RefundScreen* m_refund;
    QStackedWidget* m_stack;
    SyncStatusWidget* m_sync;
    ReceiptPrinter* m_printer;
};

// Loads the app's translation: "zh_CN" (the default) or "en" (the source strings).
bool installPosTranslation(const QString& language);

} // namespace jifen
