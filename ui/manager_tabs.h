#pragma once

#include "ledger.h"

#include <QWidget>

#include <functional>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace jifen {

class ReportService;

// What every manager tab shares: the ledger, the clock, the approving manager's PIN (asked once
// when the manager screen opens) and a message line. Tabs talk to the ledger only; no SQL here.
class ManagerTab : public QWidget {
    Q_OBJECT
public:
    ManagerTab(Ledger& ledger, const Clock& clock, QWidget* parent);
    void setPin(const QString& pin) { m_pin = pin; }
    virtual void reload() {}

protected:
    QString nextRef(const QString& kind); // e.g. T1-ADJ20261123-000042, unique per entry
    void showMessage(const QString& text, bool error);
    QLabel* message() const { return m_message; }

    Ledger& m_ledger;
    const Clock& m_clock;
    QString m_pin;

private:
    QLabel* m_message;
};

// Households: show one by any member's phone, create one with its head, add or remove members;
// points transfers between members of one household (within the monthly limit).
class HouseholdsTab : public ManagerTab {
    Q_OBJECT
public:
    HouseholdsTab(Ledger& ledger, const Clock& clock, QWidget* parent = nullptr);

private:
    void show();
    void create();
    void add();
    void transfer();
    void showHousehold(const HouseholdInfo& info);

    QLineEdit* m_head;
    QLineEdit* m_member;
    QTableWidget* m_table;
    QLineEdit* m_from;
    QLineEdit* m_to;
    QSpinBox* m_points;
};

// Green-action grants (survey, training, sharing): points the program gives for green deeds.
class GreenTab : public ManagerTab {
    Q_OBJECT
public:
    GreenTab(Ledger& ledger, const Clock& clock, QWidget* parent = nullptr);

private:
    void grant();
    QComboBox* m_action;
    QLineEdit* m_phone;
};

// Donations of points to a charity (the program matches them), and the totals so far.
class DonationsTab : public ManagerTab {
    Q_OBJECT
public:
    DonationsTab(Ledger& ledger, const Clock& clock, QWidget* parent = nullptr);
    void reload() override;

private:
    void donate();
    QLineEdit* m_phone;
    QComboBox* m_charity;
    QSpinBox* m_points;
    QTableWidget* m_totals;
};

// Adjustments (signed points) with a reason, which is required and journaled.
class AdjustmentsTab : public ManagerTab {
    Q_OBJECT
public:
    AdjustmentsTab(Ledger& ledger, const Clock& clock, QWidget* parent = nullptr);

private:
    void adjust();
    QLineEdit* m_phone;
    QSpinBox* m_points;
    QLineEdit* m_reason;
};

// The terminal's operators (cashiers and managers): the list, and adding one with a PIN.
class OperatorsTab : public ManagerTab {
    Q_OBJECT
public:
    OperatorsTab(Ledger& ledger, const Clock& clock, QWidget* parent = nullptr);
    void reload() override;

private:
    void add();
    QTableWidget* m_table;
    QLineEdit* m_name;
    QComboBox* m_role;
    QLineEdit* m_newPin;
};

// The day report: totals, points issued and redeemed per hour, and sales per cashier (QtCharts).
// The report is made by the ReportService off the UI thread; a busy bar shows meanwhile.
class DayReportTab : public ManagerTab {
    Q_OBJECT
public:
    DayReportTab(Ledger& ledger, const Clock& clock, ReportService& reports, QWidget* parent = nullptr);
    void reload() override;
    const std::optional<DayReport>& report() const { return m_report; }
    bool busy() const { return m_ticket != 0; }

signals:
    void reportShown();

private:
    void showReport(const DayReport& r);

    ReportService& m_reports;
    quint64 m_ticket = 0; // the request whose answer is awaited; 0: none
    QDateEdit* m_date;
    QProgressBar* m_busy;
    QLabel* m_summary;
    QChartView* m_hourly;
    QChartView* m_cashiers;
    std::optional<DayReport> m_report;
};

// A member's monthly statement, by phone or card, shown as text and, when a file name is given,
// written as a PDF. Made by the ReportService off the UI thread, with progress.
class StatementsTab : public ManagerTab {
    Q_OBJECT
public:
    StatementsTab(Ledger& ledger, const Clock& clock, ReportService& reports, QWidget* parent = nullptr);
    bool busy() const { return m_ticket != 0; }

signals:
    void statementShown();

private:
    void request();

    ReportService& m_reports;
    quint64 m_ticket = 0;
    QLineEdit* m_member;
    QDateEdit* m_month;
    QLineEdit* m_pdf;
    QPushButton* m_show;
    QProgressBar* m_progress;
    QPlainTextEdit* m_text;
};

// Incidents HQ raised about this store (overdrafts, broken chains...), as last pulled.
class IncidentsTab : public ManagerTab {
    Q_OBJECT
public:
    IncidentsTab(Ledger& ledger, const Clock& clock, QWidget* parent = nullptr);
    void reload() override;

private:
    QTableWidget* m_table;
};

// The app's settings as the manager edits them; the window applies and keeps them.
struct PosSettings {
    QString printer;     // device file or tcp://host:port; empty: none
    int nightlyHour = 2; // the nightly sync round, China time
    QString language;    // zh_CN or en
};

// Settings: HQ's address (shown; set by enrolment), the printer, the nightly sync hour and the
// language. Saving emits saved(); the printer applies at once, hour and language at the next start.
class SettingsTab : public ManagerTab {
    Q_OBJECT
public:
    SettingsTab(Ledger& ledger, const Clock& clock, QWidget* parent = nullptr);
    void reload() override;
    void setSettings(const PosSettings& settings);

signals:
    void saved(const jifen::PosSettings& settings);

private:
    void save();
    QLabel* m_hq;
    QLineEdit* m_printer;
    QSpinBox* m_hour;
    QComboBox* m_language;
};

} // namespace jifen
