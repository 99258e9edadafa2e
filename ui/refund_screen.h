#pragma once

#include "ledger.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace jifen {

// Refunds and returns: the sale's reference (typed, or scanned from the receipt's QR code as
// keystrokes + Enter), the amount to refund (empty: all that is left), Enter refunds. The points
// the sale earned are taken back in proportion and offset points come back; the result says how
// many, and the member's new balance (negative while in debt).
class RefundScreen : public QWidget {
    Q_OBJECT
public:
    RefundScreen(Ledger& ledger, const Clock& clock, QWidget* parent = nullptr);

    const std::optional<RefundResult>& lastResult() const { return m_last; }

public slots:
    void cancel();
    void refund();

signals:
    void backRequested(); // Esc: back to the checkout

private:
    void showMessage(const QString& text, bool error);

    Ledger& m_ledger;
    const Clock& m_clock;
    QString m_terminalId;
    std::optional<RefundResult> m_last;
    QLineEdit* m_saleRef;
    QLineEdit* m_amount;
    QLabel* m_message;
};

} // namespace jifen
