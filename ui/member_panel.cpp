#include "member_panel.h"

#include "identity.h"

#include <QFormLayout>
#include <QLabel>

namespace jifen {

MemberPanel::MemberPanel(QWidget* parent)
    : QFrame(parent)
    , m_phone(new QLabel(this))
    , m_name(new QLabel(this))
    , m_tier(new QLabel(this))
    , m_balance(new QLabel(this))
    , m_green(new QLabel(this))
    , m_expiring(new QLabel(this))
{
    setObjectName(QStringLiteral("memberPanel"));
    setFrameShape(QFrame::StyledPanel);
    m_phone->setObjectName(QStringLiteral("memberPhoneLabel"));
    m_name->setObjectName(QStringLiteral("memberNameLabel"));
    m_tier->setObjectName(QStringLiteral("memberTierLabel"));
    m_balance->setObjectName(QStringLiteral("memberBalanceLabel"));
    m_green->setObjectName(QStringLiteral("memberGreenLabel"));
    m_expiring->setObjectName(QStringLiteral("memberExpiringLabel"));
    QFont big = m_balance->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_balance->setFont(big);
    m_green->setStyleSheet(QStringLiteral("color: #2e7d32;"));
    m_expiring->setStyleSheet(QStringLiteral("color: #c62828;"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Phone"), m_phone);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Tier"), m_tier);
    form->addRow(tr("Points"), m_balance);
    form->addRow(tr("Green points"), m_green);
    form->addRow(tr("Expiring in 90 days"), m_expiring);
    clear();
}

void MemberPanel::showMember(const MemberSummary& summary)
{
    m_member = summary;
    m_phone->setText(maskPhone(summary.member.phone));
    m_name->setText(summary.member.name);
    m_tier->setText(summary.tierName.isEmpty() ? summary.tierCode : summary.tierName);
    m_balance->setText(QString::number(summary.balance.value()));
    m_green->setText(QString::number(summary.greenBalance.value()));
    qint64 expiring = 0;
    QDate first;
    for (const ExpiringPoints& e : summary.expiringSoon) {
        expiring += e.points.value();
        if (!first.isValid() || e.validThrough < first)
            first = e.validThrough;
    }
    m_expiring->setText(expiring == 0 ? tr("none")
                                      : tr("%1 (first on %2)").arg(expiring).arg(first.toString(Qt::ISODate)));
}

void MemberPanel::clear()
{
    m_member.reset();
    m_phone->setText(tr("no member"));
    for (QLabel* l : {m_name, m_tier, m_balance, m_green, m_expiring})
        l->setText(QStringLiteral("-"));
}

} // namespace jifen
