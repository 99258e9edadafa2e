#pragma once

#include "ledger.h"
#include "manager_tabs.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace jifen {

// The manager's screen, opened from the checkout with the manager PIN (Shift+F10): one tab per
// task — households and transfers, green-action grants, donations, adjustments, operators, the day
// report, statements, HQ's incidents and settings. Ctrl+Tab or Alt+1..9 switch tabs, Esc goes back to the
// checkout (and forgets the PIN).
class ManagerScreen : public QWidget {
    Q_OBJECT
public:
    // Reports and statements are asked of `reports`, which makes them off the UI thread.
    ManagerScreen(Ledger& ledger, const Clock& clock, ReportService& reports, QWidget* parent = nullptr);

    // Opens for the manager whose PIN this is (already checked by the ledger).
    void open(const QString& manager, const QString& pin);
    void close();
    QTabWidget* tabs() const { return m_tabs; }
    DayReportTab* dayReport() const { return m_report; }
    StatementsTab* statements() const { return m_statements; }
    SettingsTab* settings() const { return m_settings; }

signals:
    void backRequested();

private:
    void tabChanged(int index);

    QLabel* m_title;
    QTabWidget* m_tabs;
    QList<ManagerTab*> m_all;
    DayReportTab* m_report;
    StatementsTab* m_statements;
    SettingsTab* m_settings;
};

} // namespace jifen
