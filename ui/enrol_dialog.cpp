#include "enrol_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace jifen {

EnrolDialog::EnrolDialog(Ledger& ledger, const QString& phone, QWidget* parent)
    : QDialog(parent)
    , m_ledger(ledger)
    , m_phone(new QLineEdit(phone, this))
    , m_name(new QLineEdit(this))
    , m_consent(new QCheckBox(tr("The member agrees to the privacy terms (F9)"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("enrolDialog"));
    setWindowTitle(tr("Enrol a new member"));
    setMinimumWidth(480);
    m_phone->setObjectName(QStringLiteral("enrolPhoneLineEdit"));
    m_name->setObjectName(QStringLiteral("enrolNameLineEdit"));
    m_consent->setObjectName(QStringLiteral("enrolConsentCheckBox"));
    // F9 ticks the box at once and leaves the focus where it is, so Enter then enrols.
    auto* consentKey = new QShortcut(QKeySequence(Qt::Key_F9), this);
    connect(consentKey, &QShortcut::activated, m_consent, &QCheckBox::toggle);
    m_error->setObjectName(QStringLiteral("enrolErrorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Phone"), m_phone);
    form->addRow(tr("Name"), m_name);
    // The privacy terms as the member is shown them: any change to this text (or the consent
    // box's) needs a new kPrivacyTermsVersion (core/member.h), which every consent records.
    auto* terms = new QLabel(tr("Points are recorded with the phone number; it is shown only masked and never "
                                "shared outside the points program."),
                             this);
    terms->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("Enrol (Enter)"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("enrolOkButton"));
    m_ok->setDefault(true);
    auto* cancel = buttons->addButton(tr("Cancel (Esc)"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("enrolCancelButton"));
    cancel->setAutoDefault(false);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(terms);
    layout->addWidget(m_consent);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_consent, &QCheckBox::toggled, this, &EnrolDialog::updateButton);
    connect(m_phone, &QLineEdit::textChanged, this, &EnrolDialog::updateButton);
    connect(m_name, &QLineEdit::textChanged, this, &EnrolDialog::updateButton);
    connect(m_ok, &QPushButton::clicked, this, &EnrolDialog::enrol);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    setTabOrder(m_phone, m_name);
    setTabOrder(m_name, m_consent);
    updateButton();
    m_name->setFocus();
}

void EnrolDialog::updateButton()
{
    const bool ready =
        m_consent->isChecked() && !m_phone->text().trimmed().isEmpty() && !m_name->text().trimmed().isEmpty();
    m_ok->setEnabled(ready);
    if (!m_consent->isChecked())
        m_error->setText(tr("The member's consent to the privacy terms is required."));
    else
        m_error->clear();
}

void EnrolDialog::enrol()
{
    if (!m_consent->isChecked()) {
        updateButton();
        return;
    }
    NewMember input{m_phone->text(), QString(), m_name->text()};
    input.consented = m_consent->isChecked();
    auto added = m_ledger.addMember(input);
    if (!added) {
        m_error->setText(tr("Not enrolled: %1").arg(added.error().message));
        return;
    }
    auto summary = m_ledger.memberByPhone(added->phone);
    if (!summary) {
        m_error->setText(tr("Enrolled, but the member cannot be read back: %1").arg(summary.error().message));
        return;
    }
    emit memberEnrolled(summary.value());
    accept();
}

} // namespace jifen
