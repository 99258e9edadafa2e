#pragma once

#include "ledger.h"
#include "receipt.h"
#include "sale_preview.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace jifen {

class MemberPanel;

// The checkout, the screen cashiers see all day. Keyboard and scanner alone: the item field has
// the focus, a scan is keystrokes ending in Enter; F-keys reach every field (they are printed on
// the labels); Enter on an empty item field or F12 completes the sale, Esc cancels it. Totals,
// the promotion and the points to earn are previewed by the same core rules the sale uses
// (previewSale), never by the UI.
class CheckoutScreen : public QWidget {
    Q_OBJECT
public:
    struct Options {
        QString cashier; // a registered operator, or empty
        QString storeName;
    };
    CheckoutScreen(Ledger& ledger, const Clock& clock, Options options, QWidget* parent = nullptr);

    // Cart and member, for tests and the main window.
    const QList<CartItem>& items() const { return m_items; }
    const std::optional<SalePreview>& preview() const { return m_preview; }
    const std::optional<ReceiptData>& lastReceipt() const { return m_lastReceipt; }
    MemberPanel* memberPanel() const { return m_memberPanel; }
    const QString& storeName() const { return m_options.storeName; } // as receipts print it

public slots:
    void cancelSale();
    void completeSale();
    void lookUpMember(const QString& text);

signals:
    void saleCompleted(const jifen::ReceiptData& receipt);
    void reprintRequested();
    void receiptPdfRequested(); // Shift+F8

private:
    void buildUi();
    void addShortcuts();
    void onItemEntered();
    void onQuantityEntered();
    void onAmountEntered();
    void onOffsetEntered();
    void removeLastLine();
    void cycleTender();
    void setMember(const MemberSummary& summary);
    void offerEnrolment(const QString& phone);
    bool addProduct(const QString& sku, qint64 quantity);
    void recompute();
    void showMessage(const QString& text, bool error);
    void restoreLastReceipt();
    QString promotionName(const QString& code) const;
    void focusItem();
    QString nextRef();

    Ledger& m_ledger;
    const Clock& m_clock;
    Options m_options;
    std::optional<RuleSet> m_rules;
    QString m_terminalId;
    QString m_merchantCategory;

    QList<CartItem> m_items;
    std::optional<Money> m_amount;
    std::optional<SalePreview> m_preview;
    std::optional<ReceiptData> m_lastReceipt;

    QLineEdit* m_memberEdit = nullptr;
    MemberPanel* m_memberPanel = nullptr;
    QLineEdit* m_itemEdit = nullptr;
    QSpinBox* m_quantity = nullptr;
    QLineEdit* m_amountEdit = nullptr;
    QTableWidget* m_cart = nullptr;
    QLabel* m_totalLabel = nullptr;
    QLabel* m_promotionLabel = nullptr;
    QLabel* m_pointsLabel = nullptr;
    QSpinBox* m_offset = nullptr;
    QLabel* m_offsetSaved = nullptr;
    QLabel* m_payLabel = nullptr;
    QComboBox* m_tender = nullptr;
    QPushButton* m_complete = nullptr;
    QLabel* m_message = nullptr;
    QPlainTextEdit* m_receiptView = nullptr;
};

} // namespace jifen
