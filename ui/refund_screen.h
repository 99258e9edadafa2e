#pragma once

#include "ledger.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace jifen {

// Refunds and returns: the sale's reference (typed, or scanned from the receipt's QR code as
// keystrokes + Enter), the amount to refund (empty: all that is left), Enter refunds. The points
// the sale earned are taken back in proportion and offset points come back; the result says how
// many, and the member's new balance (negative while in debt). A redemption's reference with no
// amount returns the reward (defective goods): its points go back to their lots, stocked goods
// back into stock.
class RefundScreen : public QWidget {
    Q_OBJECT
public:
    RefundScreen(Ledger& ledger, const Clock& clock, QWidget* parent = nullptr);

    const std::optional<RefundResult>& lastResult() const { return m_last; }
    const std::optional<ReturnRewardResult>& lastReturn() const { return m_lastReturn; }

public slots:
    void cancel();
    void refund();

signals:
    void backRequested(); // Esc: back to the checkout

private:
    void showMessage(const QString& text, bool error);
    void returnReward(const QString& redeemRef);
    QString nextRef(QChar kind);
    void done();

    Ledger& m_ledger;
    const Clock& m_clock;
    QString m_terminalId;
    std::optional<RefundResult> m_last;
    std::optional<ReturnRewardResult> m_lastReturn;
    QLineEdit* m_saleRef;
    QLineEdit* m_amount;
    QLabel* m_message;
};

} // namespace jifen
