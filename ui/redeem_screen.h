#pragma once

#include "ledger.h"
#include "receipt.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace jifen {

namespace sync {
class OnlineRedemption;
}
class ManagerPinDialog;
class MemberPanel;

// Redemption: find the member (card or phone + Enter), search the catalog (the list follows the
// search text and the category F5 steps through; Up/Down choose), quantity, Enter redeems. Today's (seasonal) price,
// stock and green-only rewards are shown; a reward that needs a manager opens the PIN prompt first. Redemptions go
// through sync::OnlineRedemption: HQ reserves and commits the points when it answers; otherwise the ledger decides
// within the offline limits and its refusal is shown as it is. The result says how it was authorised (HQ, offline or
// standalone).
class RedeemScreen : public QWidget {
    Q_OBJECT
public:
    RedeemScreen(Ledger& ledger, const Clock& clock, QNetworkAccessManager& network, QWidget* parent = nullptr);

    void reload(); // catalog and stock, and the member again
    const std::optional<RedeemResult>& lastResult() const { return m_last; }
    bool busy() const { return m_busy; } // waiting for HQ's answer
    // What the redemption receipt's heading shows.
    void setReceiptHeader(const QString& storeName, const QString& cashier);

public slots:
    void cancel();

signals:
    void backRequested(); // Esc: back to the checkout
    // A redemption committed: its receipt, to print like a sale's.
    void redemptionCompleted(const jifen::ReceiptData& receipt);

private:
    void lookUpMember();
    void filter();
    void cycleCategory();
    void moveSelection(int delta);
    void redeemSelected();
    void submit(const QString& pin, ManagerPinDialog* dialog);
    void redeemed(bool ok, const QJsonObject& result, jifen::ErrorCode code, const QString& message);
    QString selectedCode() const;
    void showMessage(const QString& text, bool error);

    Ledger& m_ledger;
    const Clock& m_clock;
    QString m_terminalId;
    QString m_phone; // the identified member's number (never shown)
    QString m_storeName;
    QString m_cashier;
    std::optional<RedeemResult> m_last;
    QList<QPair<Reward, qint64>> m_catalog;
    Points m_approvalAbove;

    QLineEdit* m_memberEdit;
    MemberPanel* m_memberPanel;
    QLineEdit* m_search;
    QTableWidget* m_table;
    QComboBox* m_category;
    QSpinBox* m_quantity;
    QLabel* m_message;
    QLabel* m_authorisation;
    sync::OnlineRedemption* m_online;
    QPointer<ManagerPinDialog> m_dialog; // the PIN prompt waiting for the answer
    QString m_pin;
    bool m_busy = false;
};

// A reward's kind as the catalog shows it ("代金券" in Chinese).
QString rewardKindText(RewardKind kind);

// "HQ", "offline" or "standalone" in the user's language.
QString authorisationText(const QString& authorisation);

} // namespace jifen
