#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace jifen {

// Asks for a manager's PIN (masked). It only collects the PIN: the ledger checks it, counts wrong
// attempts and locks approvals; showError() tells the manager what went wrong and keeps the
// dialog open for another try. Enter submits, Esc cancels.
class ManagerPinDialog : public QDialog {
    Q_OBJECT
public:
    ManagerPinDialog(const QString& reason, QWidget* parent = nullptr);
    void showError(const QString& message);

signals:
    void pinEntered(const QString& pin);

private:
    QLineEdit* m_pin;
    QLabel* m_error;
};

} // namespace jifen
