#pragma once

#include "ledger.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace jifen {

// One-step enrolment at the till: phone, name and the member's consent to the privacy terms,
// which is required. Enter enrols, Esc cancels. On success memberEnrolled() carries the new
// member's summary.
class EnrolDialog : public QDialog {
    Q_OBJECT
public:
    EnrolDialog(Ledger& ledger, const QString& phone, QWidget* parent = nullptr);

signals:
    void memberEnrolled(const jifen::MemberSummary& summary);

private:
    void updateButton();
    void enrol();

    Ledger& m_ledger;
    QLineEdit* m_phone;
    QLineEdit* m_name;
    QCheckBox* m_consent;
    QLabel* m_error;
    QPushButton* m_ok;
};

} // namespace jifen
