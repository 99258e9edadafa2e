#pragma once

#include "ledger.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace jifen {

class ManagerPinDialog;
class MemberPanel;

// Redemption: find the member (card or phone + Enter), search the catalog (the list follows the
// search text; Up/Down choose), quantity, Enter redeems. Today's (seasonal) price, stock and
// green-only rewards are shown; a reward that needs a manager opens the PIN prompt first.
class RedeemScreen : public QWidget {
    Q_OBJECT
public:
    RedeemScreen(Ledger& ledger, const Clock& clock, QWidget* parent = nullptr);

    void reload(); // catalog and stock, and the member again
    const std::optional<RedeemResult>& lastResult() const { return m_last; }

public slots:
    void cancel();

signals:
    void backRequested(); // Esc: back to the checkout

private:
    void lookUpMember();
    void filter();
    void moveSelection(int delta);
    void redeemSelected();
    void submit(const QString& pin, ManagerPinDialog* dialog);
    QString selectedCode() const;
    void showMessage(const QString& text, bool error);

    Ledger& m_ledger;
    const Clock& m_clock;
    QString m_terminalId;
    QString m_phone; // the identified member's number (never shown)
    std::optional<RedeemResult> m_last;
    QList<QPair<Reward, qint64>> m_catalog;
    Points m_approvalAbove;

    QLineEdit* m_memberEdit;
    MemberPanel* m_memberPanel;
    QLineEdit* m_search;
    QTableWidget* m_table;
    QSpinBox* m_quantity;
    QLabel* m_message;
};

} // namespace jifen
