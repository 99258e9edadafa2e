#include "manager_pin_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace jifen {

ManagerPinDialog::ManagerPinDialog(const QString& reason, QWidget* parent)
    : QDialog(parent)
    , m_pin(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("managerPinDialog"));
    setWindowTitle(tr("Manager approval"));
    setMinimumWidth(400);
    m_pin->setObjectName(QStringLiteral("managerPinLineEdit"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("managerPinErrorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    auto* why = new QLabel(reason, this);
    why->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(this);
    auto* ok = buttons->addButton(tr("Approve (Enter)"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("managerPinOkButton"));
    ok->setDefault(true);
    auto* cancel = buttons->addButton(tr("Cancel (Esc)"), QDialogButtonBox::RejectRole);
    cancel->setAutoDefault(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(why);
    layout->addWidget(new QLabel(tr("Manager PIN"), this));
    layout->addWidget(m_pin);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(ok, &QPushButton::clicked, this, [this] {
        if (!m_pin->text().isEmpty())
            emit pinEntered(m_pin->text());
    });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_pin->setFocus();
}

void ManagerPinDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_pin->clear();
    m_pin->setFocus();
}

} // namespace jifen
