#include "manager_screen.h"

#include <QLabel>
#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>

namespace jifen {

ManagerScreen::ManagerScreen(Ledger& ledger, const Clock& clock, ReportService& reports, QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_report(new DayReportTab(ledger, clock, reports, this))
    , m_statements(new StatementsTab(ledger, clock, reports, this))
    , m_settings(new SettingsTab(ledger, clock, this))
{
    setObjectName(QStringLiteral("managerScreen"));
    m_title->setObjectName(QStringLiteral("managerTitleLabel"));
    m_tabs->setObjectName(QStringLiteral("managerTabs"));
    m_all = {new HouseholdsTab(ledger, clock, this),
             new GreenTab(ledger, clock, this),
             new DonationsTab(ledger, clock, this),
             new AdjustmentsTab(ledger, clock, this),
             new OperatorsTab(ledger, clock, this),
             m_report,
             m_statements,
             new IncidentsTab(ledger, clock, this),
             m_settings};
    const QStringList titles{tr("Households"), tr("Green actions"), tr("Donations"), tr("Adjustments"), tr("Operators"),
                             tr("Day report"), tr("Statements"),    tr("Incidents"), tr("Settings")};
    for (int i = 0; i < m_all.size(); ++i) {
        m_tabs->addTab(m_all.at(i), QStringLiteral("%1 %2").arg(i + 1).arg(titles.at(i)));
        auto* key = new QShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)), this);
        key->setContext(Qt::WidgetWithChildrenShortcut);
        connect(key, &QShortcut::activated, this, [this, i] { m_tabs->setCurrentIndex(i); });
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(new QLabel(tr("Alt+1…9 or Ctrl+Tab switch tabs · Tab moves between fields · Enter confirms · "
                                    "Esc back to checkout"),
                                 this));
    connect(m_tabs, &QTabWidget::currentChanged, this, &ManagerScreen::tabChanged);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        close();
        emit backRequested();
    });
}

void ManagerScreen::open(const QString& manager, const QString& pin)
{
    m_title->setText(tr("Manager: %1").arg(manager));
    for (ManagerTab* tab : std::as_const(m_all))
        tab->setPin(pin);
    tabChanged(m_tabs->currentIndex());
}

void ManagerScreen::close()
{
    for (ManagerTab* tab : std::as_const(m_all))
        tab->setPin(QString());
    m_title->clear();
}

void ManagerScreen::tabChanged(int index)
{
    if (index < 0 || index >= m_all.size())
        return;
    ManagerTab* tab = m_all.at(index);
    tab->reload();
    // The tab's first field takes the keys.
    QWidget* w = tab->nextInFocusChain();
    while (w != tab && !(tab->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus) && w->isEnabled()))
        w = w->nextInFocusChain();
    if (w != tab)
        w->setFocus(Qt::TabFocusReason);
}

} // namespace jifen
