#pragma once

#include "escpos.h"
#include "ledger.h"

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QNetworkAccessManager;
class QStackedWidget;

namespace jifen {

namespace sync {
class SyncClient;
class SyncScheduler;
} // namespace sync

class CheckoutScreen;
class ManagerScreen;
struct PosSettings;
class RedeemScreen;
class ReportService;
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
        QNetworkAccessManager* network = nullptr; // HQ's redemption calls; null: the window's own
        QString settingsPath;                     // where the manager's settings are kept (ini); empty: not kept
        int nightlyHour = 2;                      // shown in the settings
        QString language = QStringLiteral("zh_CN");
        // Makes reports and statements off the UI thread; null: the window's own, a worker thread
        // with its own connection to databasePath (the ledger's database file).
        ReportService* reports = nullptr;
        QString databasePath;
        QString receiptPdfDir; // where Shift+F8 saves the last receipt as a PDF; empty: not offered
    };
    PosMainWindow(Ledger& ledger, const Clock& clock, Options options, QWidget* parent = nullptr);

    CheckoutScreen* checkout() const { return m_checkout; }
    SyncStatusWidget* syncStatus() const { return m_sync; }
    ReceiptPrinter* printer() const { return m_printer; }
    // The receipt F8 reprints and Shift+F8 saves: the last sale's or redemption's.
    const std::optional<ReceiptData>& lastReceipt() const { return m_lastReceipt; }
    RedeemScreen* redeem() const { return m_redeem; }
    void showCheckout();
    void showRedeem();
    RefundScreen* refunds() const { return m_refund; }
    void showRefund();
    ManagerScreen* manager() const { return m_manager; }
    // Shift+F10: the manager PIN, then the manager's screen.
    void requestManager();
    void showManager(const QString& manager, const QString& pin);
    // The sync indicator follows the scheduler (online/offline from onlineChanged) and the
    // client (progress, results); "sync now" (F10) asks the scheduler for a round at once.
    void attachSync(sync::SyncClient& client, sync::SyncScheduler& scheduler);

public slots:
    void printReceipt(const jifen::ReceiptData& receipt);
    void applySettings(const jifen::PosSettings& settings);
    void reprintLast();
    // Shift+F8: the last receipt as a PDF in receiptPdfDir, written off the UI thread.
    void saveLastReceiptPdf();

signals:
    void receiptPdfSaved(const QString& path, const QString& error); // error empty: saved

private:
    void showKeys();

    Ledger& m_ledger;
    Options m_options;
    ManagerScreen* m_manager;
    CheckoutScreen* m_checkout;
    RedeemScreen* m_redeem;
    RefundScreen* m_refund;
    QStackedWidget* m_stack;
    QLabel* m_keys;
    SyncStatusWidget* m_sync;
    ReceiptPrinter* m_printer;
    std::optional<ReceiptData> m_lastReceipt;
    QProgressBar* m_pdfProgress;
    bool m_pdfBusy = false;
};

// Loads the app's translation: "zh_CN" (the default) or "en" (the source strings and their
// plural forms).
bool installPosTranslation(const QString& language);

} // namespace jifen
