#include "manager_tabs.h"

#include "error_text.h"
#include "identity.h"
#include "report_service.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QValueAxis>

namespace jifen {

namespace {

QTableWidget* makeTable(QWidget* parent, const char* name, const QStringList& headers)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(QString::fromLatin1(name));
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Tab leaves a list for the next field (arrows still move inside it); otherwise Tab walks
    // every cell and a keyboard never reaches the fields after it.
    table->setTabKeyNavigation(false);
    return table;
}

void addRow(QTableWidget* table, const QStringList& cells)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int c = 0; c < cells.size(); ++c)
        table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
}

QLineEdit* makeEdit(QWidget* parent, const char* name, const QString& placeholder)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setPlaceholderText(placeholder);
    return edit;
}

QPushButton* makeButton(QWidget* parent, const char* name, const QString& text)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(QString::fromLatin1(name));
    button->setAutoDefault(true); // Enter on a focused button presses it
    return button;
}

QSpinBox* makeSpin(QWidget* parent, const char* name, int min, int max)
{
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(min, max);
    return spin;
}

} // namespace

ManagerTab::ManagerTab(Ledger& ledger, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_message(new QLabel(this))
{
    m_message->setWordWrap(true);
}

QString ManagerTab::nextRef(const QString& kind)
{
    auto id = m_ledger.identity();
    auto last = m_ledger.lastSeq();
    return QStringLiteral("%1-%2%3-%4")
        .arg(id ? id->terminalId : QStringLiteral("T"), kind, m_clock.today().toString(QStringLiteral("yyyyMMdd")))
        .arg((last ? last.value() : 0) + 1, 6, 10, QLatin1Char('0'));
}

void ManagerTab::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
}

// Households ---------------------------------------------------------------------------------

HouseholdsTab::HouseholdsTab(Ledger& ledger, const Clock& clock, QWidget* parent)
    : ManagerTab(ledger, clock, parent)
    , m_head(makeEdit(this, "householdHeadLineEdit", tr("Head's phone (Enter shows the household)")))
    , m_member(makeEdit(this, "householdMemberLineEdit", tr("Member's phone to add")))
    , m_table(makeTable(this, "householdTable", {tr("Phone"), tr("Name"), tr("Balance"), tr("Sent this month")}))
    , m_from(makeEdit(this, "transferFromLineEdit", tr("From phone")))
    , m_to(makeEdit(this, "transferToLineEdit", tr("To phone")))
    , m_points(makeSpin(this, "transferPointsSpinBox", 1, 1'000'000))
{
    setObjectName(QStringLiteral("householdsTab"));
    message()->setObjectName(QStringLiteral("householdsMessageLabel"));
    auto* create = makeButton(this, "householdCreateButton", tr("Create household"));
    auto* add = makeButton(this, "householdAddButton", tr("Add member"));
    auto* send = makeButton(this, "transferButton", tr("Transfer points"));
    auto* form = new QFormLayout;
    auto* headRow = new QHBoxLayout;
    headRow->addWidget(m_head, 1);
    headRow->addWidget(create);
    form->addRow(tr("Household head"), headRow);
    auto* memberRow = new QHBoxLayout;
    memberRow->addWidget(m_member, 1);
    memberRow->addWidget(add);
    form->addRow(tr("New member"), memberRow);
    auto* transferRow = new QHBoxLayout;
    transferRow->addWidget(m_from, 1);
    transferRow->addWidget(m_to, 1);
    transferRow->addWidget(m_points);
    transferRow->addWidget(send);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(new QLabel(tr("Transfer within the household"), this));
    layout->addLayout(transferRow);
    layout->addWidget(message());
    // Tab follows the screen, each field then its button: the widgets were made in another order.
    setTabOrder(m_head, create);
    setTabOrder(create, m_member);
    setTabOrder(m_member, add);
    setTabOrder(add, m_table);
    setTabOrder(m_table, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_points);
    setTabOrder(m_points, send);
    connect(m_head, &QLineEdit::returnPressed, this, &HouseholdsTab::show);
    connect(create, &QPushButton::clicked, this, &HouseholdsTab::create);
    connect(m_member, &QLineEdit::returnPressed, this, &HouseholdsTab::add);
    connect(add, &QPushButton::clicked, this, &HouseholdsTab::add);
    connect(send, &QPushButton::clicked, this, &HouseholdsTab::transfer);
    connect(m_points, &QSpinBox::editingFinished, this, [this, send] {
        if (m_points->hasFocus())
            send->setFocus();
    });
}

void HouseholdsTab::showHousehold(const HouseholdInfo& info)
{
    m_table->setRowCount(0);
    for (const auto& m : info.members)
        addRow(m_table, {m.phoneMasked, m.name, QString::number(m.balance.value()),
                         QString::number(m.transferredOutThisMonth.value())});
}

void HouseholdsTab::show()
{
    auto info = m_ledger.household(m_head->text().trimmed());
    if (!info) {
        m_table->setRowCount(0);
        showMessage(tr("No household: %1").arg(info.error().message), true);
        return;
    }
    showHousehold(info.value());
    showMessage(tr("Household of %1: %n member(s), at most %2 points sent per member a month.", nullptr,
                   static_cast<int>(info->members.size()))
                    .arg(info->headPhoneMasked)
                    .arg(info->monthlyTransferLimit.value()),
                false);
}

void HouseholdsTab::create()
{
    auto info = m_ledger.createHousehold(m_head->text().trimmed());
    if (!info) {
        showMessage(withNextStep(tr("Not created: %1").arg(info.error().message), info.error().code), true);
        return;
    }
    showHousehold(info.value());
    showMessage(tr("Household created for %1.").arg(info->headPhoneMasked), false);
    m_member->setFocus();
}

void HouseholdsTab::add()
{
    auto info = m_ledger.addToHousehold(m_head->text().trimmed(), m_member->text().trimmed());
    if (!info) {
        showMessage(withNextStep(tr("Not added: %1").arg(info.error().message), info.error().code), true);
        return;
    }
    showHousehold(info.value());
    m_member->clear();
    showMessage(tr("Member added."), false);
}

void HouseholdsTab::transfer()
{
    TransferRequest r;
    r.ref = nextRef(QStringLiteral("TRF"));
    r.fromPhone = m_from->text().trimmed();
    r.toPhone = m_to->text().trimmed();
    r.points = m_points->value();
    r.pin = m_pin;
    auto result = m_ledger.transfer(r);
    if (!result) {
        showMessage(withNextStep(tr("Not transferred: %1").arg(result.error().message), result.error().code), true);
        return;
    }
    showMessage(tr("%n point(s) transferred; balances now %1 and %2.", nullptr, countOf(result->points.value()))
                    .arg(result->fromBalance.value())
                    .arg(result->toBalance.value()),
                false);
    if (auto info = m_ledger.household(r.fromPhone))
        showHousehold(info.value());
}

// Green actions ------------------------------------------------------------------------------

GreenTab::GreenTab(Ledger& ledger, const Clock& clock, QWidget* parent)
    : ManagerTab(ledger, clock, parent)
    , m_action(new QComboBox(this))
    , m_phone(makeEdit(this, "greenPhoneLineEdit", tr("Member's phone or card, then Enter")))
{
    setObjectName(QStringLiteral("greenTab"));
    message()->setObjectName(QStringLiteral("greenMessageLabel"));
    m_action->setObjectName(QStringLiteral("greenActionComboBox"));
    m_action->addItem(tr("Answered a survey"), QStringLiteral("survey"));
    m_action->addItem(tr("Attended a training"), QStringLiteral("training"));
    m_action->addItem(tr("Shared a green tip"), QStringLiteral("share"));
    auto* grant = makeButton(this, "greenGrantButton", tr("Grant green points"));
    auto* form = new QFormLayout;
    form->addRow(tr("Action"), m_action);
    form->addRow(tr("Member"), m_phone);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Green actions earn green points; beyond the terminal's monthly allowance they "
                                    "are deferred until HQ grants more."),
                                 this));
    layout->addLayout(form);
    layout->addWidget(grant);
    layout->addWidget(message());
    layout->addStretch(1);
    connect(m_phone, &QLineEdit::returnPressed, this, &GreenTab::grant);
    connect(grant, &QPushButton::clicked, this, &GreenTab::grant);
}

void GreenTab::grant()
{
    GreenRequest r;
    r.ref = nextRef(QStringLiteral("GRN"));
    const QString input = m_phone->text().trimmed();
    (normalizePhone(input) ? r.phone : r.card) = input;
    r.action = m_action->currentData().toString();
    r.pin = m_pin;
    auto result = m_ledger.grantGreen(r);
    if (!result) {
        showMessage(withNextStep(tr("Not granted: %1").arg(result.error().message), result.error().code), true);
        return;
    }
    QString text = tr("%n green point(s) granted; green balance %1.", nullptr, countOf(result->points.value()))
                       .arg(result->greenBalance.value());
    if (result->deferred.value() > 0)
        text += QLatin1Char(' ') +
                tr("%n point(s) deferred (allowance used up).", nullptr, countOf(result->deferred.value()));
    showMessage(text, false);
    m_phone->clear();
}

// Donations ----------------------------------------------------------------------------------

DonationsTab::DonationsTab(Ledger& ledger, const Clock& clock, QWidget* parent)
    : ManagerTab(ledger, clock, parent)
    , m_phone(makeEdit(this, "donatePhoneLineEdit", tr("Member's phone or card")))
    , m_charity(new QComboBox(this))
    , m_points(makeSpin(this, "donatePointsSpinBox", 1, 1'000'000))
    , m_totals(makeTable(this, "charityTable", {tr("Charity"), tr("Donations"), tr("Points"), tr("Matched")}))
{
    setObjectName(QStringLiteral("donationsTab"));
    message()->setObjectName(QStringLiteral("donateMessageLabel"));
    m_charity->setObjectName(QStringLiteral("donateCharityComboBox"));
    auto* donate = makeButton(this, "donateButton", tr("Donate"));
    auto* form = new QFormLayout;
    form->addRow(tr("Member"), m_phone);
    form->addRow(tr("Charity"), m_charity);
    form->addRow(tr("Points"), m_points);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(donate);
    layout->addWidget(message());
    layout->addWidget(m_totals, 1);
    // The form, then its button, then the totals: the table was made before the button.
    setTabOrder(m_phone, m_charity);
    setTabOrder(m_charity, m_points);
    setTabOrder(m_points, donate);
    setTabOrder(donate, m_totals);
    connect(donate, &QPushButton::clicked, this, &DonationsTab::donate);
}

void DonationsTab::reload()
{
    auto totals = m_ledger.charityTotals();
    if (!totals) {
        showMessage(tr("The charities cannot be read: %1").arg(totals.error().message), true);
        return;
    }
    const QString chosen = m_charity->currentData().toString();
    m_charity->clear();
    m_totals->setRowCount(0);
    for (const CharityTotal& c : totals.value()) {
        m_charity->addItem(c.name, c.code);
        addRow(m_totals, {c.name, QString::number(c.donations), QString::number(c.points.value()),
                          QString::number(c.matchPoints.value())});
    }
    if (const int i = m_charity->findData(chosen); i >= 0)
        m_charity->setCurrentIndex(i);
}

void DonationsTab::donate()
{
    DonateRequest r;
    r.ref = nextRef(QStringLiteral("DON"));
    const QString input = m_phone->text().trimmed();
    (normalizePhone(input) ? r.phone : r.card) = input;
    r.charity = m_charity->currentData().toString();
    r.points = m_points->value();
    auto result = m_ledger.donate(r);
    if (!result) {
        showMessage(withNextStep(tr("Not donated: %1").arg(result.error().message), result.error().code), true);
        return;
    }
    reload();
    showMessage(tr("%n point(s) donated, matched with %1; balance %2.", nullptr, countOf(result->points.value()))
                    .arg(result->matchPoints.value())
                    .arg(result->balance.value()),
                false);
}

// Adjustments --------------------------------------------------------------------------------

AdjustmentsTab::AdjustmentsTab(Ledger& ledger, const Clock& clock, QWidget* parent)
    : ManagerTab(ledger, clock, parent)
    , m_phone(makeEdit(this, "adjustPhoneLineEdit", tr("Member's phone or card")))
    , m_points(makeSpin(this, "adjustPointsSpinBox", -1'000'000, 1'000'000))
    , m_reason(makeEdit(this, "adjustReasonLineEdit", tr("Why (required), then Enter")))
{
    setObjectName(QStringLiteral("adjustmentsTab"));
    message()->setObjectName(QStringLiteral("adjustMessageLabel"));
    auto* adjust = makeButton(this, "adjustButton", tr("Adjust"));
    auto* form = new QFormLayout;
    form->addRow(tr("Member"), m_phone);
    form->addRow(tr("Points (+/-)"), m_points);
    form->addRow(tr("Reason"), m_reason);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(adjust);
    layout->addWidget(message());
    layout->addStretch(1);
    connect(m_reason, &QLineEdit::returnPressed, this, &AdjustmentsTab::adjust);
    connect(adjust, &QPushButton::clicked, this, &AdjustmentsTab::adjust);
}

void AdjustmentsTab::adjust()
{
    if (m_reason->text().trimmed().isEmpty()) {
        showMessage(tr("An adjustment needs a reason: type why, then Enter."), true);
        m_reason->setFocus();
        return;
    }
    AdjustRequest r;
    r.ref = nextRef(QStringLiteral("ADJ"));
    const QString input = m_phone->text().trimmed();
    (normalizePhone(input) ? r.phone : r.card) = input;
    r.points = m_points->value();
    r.reason = m_reason->text();
    r.pin = m_pin;
    auto result = m_ledger.adjust(r);
    if (!result) {
        showMessage(withNextStep(tr("Not adjusted: %1").arg(result.error().message), result.error().code), true);
        return;
    }
    // %n takes a count: a negative adjustment gets its own wording rather than a signed count.
    const qint64 change = result->points.value();
    const QString done = change < 0 ? tr("Took off %n point(s); balance %1.", nullptr, countOf(-change))
                                    : tr("Added %n point(s); balance %1.", nullptr, countOf(change));
    showMessage(done.arg(result->balance.value()), false);
    m_reason->clear();
    m_points->setValue(0);
}

// Operators ----------------------------------------------------------------------------------

OperatorsTab::OperatorsTab(Ledger& ledger, const Clock& clock, QWidget* parent)
    : ManagerTab(ledger, clock, parent)
    , m_table(makeTable(this, "operatorsTable", {tr("Name"), tr("Role"), tr("Since")}))
    , m_name(makeEdit(this, "operatorNameLineEdit", tr("Name")))
    , m_role(new QComboBox(this))
    , m_newPin(makeEdit(this, "operatorPinLineEdit", tr("PIN, 4 to 8 digits")))
{
    setObjectName(QStringLiteral("operatorsTab"));
    message()->setObjectName(QStringLiteral("operatorsMessageLabel"));
    m_role->setObjectName(QStringLiteral("operatorRoleComboBox"));
    m_role->addItem(tr("Cashier"), QStringLiteral("cashier"));
    m_role->addItem(tr("Manager"), QStringLiteral("manager"));
    m_newPin->setEchoMode(QLineEdit::Password);
    auto* add = makeButton(this, "operatorAddButton", tr("Add operator"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_name, 1);
    row->addWidget(m_role);
    row->addWidget(m_newPin);
    row->addWidget(add);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(row);
    layout->addWidget(message());
    // The new operator's name takes the keys when the tab opens; the list comes last.
    setTabOrder(m_name, m_role);
    setTabOrder(m_role, m_newPin);
    setTabOrder(m_newPin, add);
    setTabOrder(add, m_table);
    connect(m_newPin, &QLineEdit::returnPressed, this, &OperatorsTab::add);
    connect(add, &QPushButton::clicked, this, &OperatorsTab::add);
}

void OperatorsTab::reload()
{
    auto list = m_ledger.listOperators();
    if (!list) {
        showMessage(tr("The operators cannot be read: %1").arg(list.error().message), true);
        return;
    }
    m_table->setRowCount(0);
    for (const OperatorInfo& o : list.value())
        addRow(m_table, {o.name, o.role == OperatorRole::Manager ? tr("Manager") : tr("Cashier"),
                         o.createdAt.toTimeZone(QTimeZone(8 * 3600)).toString(QStringLiteral("yyyy-MM-dd"))});
}

void OperatorsTab::add()
{
    const auto status = m_ledger.addOperator(m_name->text(), m_role->currentData().toString(), m_newPin->text());
    m_newPin->clear();
    if (!status) {
        showMessage(withNextStep(tr("Not added: %1").arg(status.error().message), status.error().code), true);
        return;
    }
    showMessage(tr("%1 added.").arg(m_name->text().trimmed()), false);
    m_name->clear();
    reload();
}

// Day report ---------------------------------------------------------------------------------

DayReportTab::DayReportTab(Ledger& ledger, const Clock& clock, ReportService& reports, QWidget* parent)
    : ManagerTab(ledger, clock, parent)
    , m_reports(reports)
    , m_date(new QDateEdit(this))
    , m_busy(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_hourly(new QChartView(this))
    , m_cashiers(new QChartView(this))
{
    setObjectName(QStringLiteral("dayReportTab"));
    message()->setObjectName(QStringLiteral("reportMessageLabel"));
    m_date->setObjectName(QStringLiteral("reportDateEdit"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setDate(clock.today());
    m_busy->setObjectName(QStringLiteral("reportProgressBar"));
    m_busy->setRange(0, 0); // busy: the report is one query, its length unknown
    m_busy->setFormat(tr("Making the report…"));
    m_busy->setMaximumWidth(240);
    m_busy->hide();
    m_summary->setObjectName(QStringLiteral("reportSummaryLabel"));
    m_summary->setWordWrap(true);
    m_hourly->setObjectName(QStringLiteral("hourlyChartView"));
    m_cashiers->setObjectName(QStringLiteral("cashierChartView"));
    for (QChartView* view : {m_hourly, m_cashiers}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
        view->setFocusPolicy(Qt::NoFocus);
    }
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Day"), this));
    top->addWidget(m_date);
    top->addWidget(m_busy);
    top->addStretch(1);
    auto* charts = new QHBoxLayout;
    charts->addWidget(m_hourly, 3);
    charts->addWidget(m_cashiers, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addLayout(charts, 1);
    layout->addWidget(message());
    connect(m_date, &QDateEdit::dateChanged, this, &DayReportTab::reload);
    connect(&m_reports, &ReportService::dayReportReady, this, [this](quint64 ticket, const DayReport& report) {
        if (ticket != m_ticket)
            return; // an older request: another day was asked for since
        m_ticket = 0;
        m_busy->hide();
        showReport(report);
        emit reportShown();
    });
    connect(&m_reports, &ReportService::failed, this, [this](quint64 ticket, const QString& error, int code) {
        if (ticket != m_ticket)
            return;
        m_ticket = 0;
        m_busy->hide();
        m_report.reset();
        showMessage(withNextStep(tr("The day report cannot be made: %1").arg(error), static_cast<ErrorCode>(code)),
                    true);
    });
}

void DayReportTab::reload()
{
    m_ticket = m_reports.requestDayReport(m_date->date());
    m_busy->show();
    showMessage(tr("Making the report for %1…").arg(m_date->date().toString(Qt::ISODate)), false);
}

void DayReportTab::showReport(const DayReport& report)
{
    m_report = report;
    const DayReport& r = *m_report;
    message()->clear();
    m_summary->setText(tr("%n sale(s), %1 yuan; %2 points issued (%3 green), %4 redeemed, %5 offset, %6 donated.",
                          nullptr, static_cast<int>(r.sales))
                           .arg(r.salesTotal.toYuanString())
                           .arg((r.issued + r.issuedGreen).value())
                           .arg(r.issuedGreen.value())
                           .arg(r.redeemed.value())
                           .arg(r.offset.value())
                           .arg(r.donated.value()));

    // Points per hour, 07:00 to 22:00 and any other hour that saw points.
    auto* issued = new QBarSet(tr("Issued"));
    auto* redeemed = new QBarSet(tr("Redeemed"));
    QStringList hours;
    qint64 top = 10;
    for (int h = 0; h < r.hours.size(); ++h) {
        const auto& hour = r.hours.at(h);
        if ((h < 7 || h > 22) && hour.issued.value() == 0 && hour.redeemed.value() == 0)
            continue;
        hours.append(QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0')));
        *issued << static_cast<qreal>(hour.issued.value());
        *redeemed << static_cast<qreal>(hour.redeemed.value());
        top = std::max({top, hour.issued.value(), hour.redeemed.value()});
    }
    auto* series = new QBarSeries;
    series->append(issued);
    series->append(redeemed);
    auto* chart = new QChart;
    chart->setTitle(tr("Points per hour"));
    chart->addSeries(series);
    auto* hourAxis = new QBarCategoryAxis;
    hourAxis->append(hours);
    chart->addAxis(hourAxis, Qt::AlignBottom);
    series->attachAxis(hourAxis);
    auto* pointsAxis = new QValueAxis;
    pointsAxis->setRange(0, static_cast<qreal>(top));
    pointsAxis->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(pointsAxis, Qt::AlignLeft);
    series->attachAxis(pointsAxis);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart* old = m_hourly->chart();
    m_hourly->setChart(chart);
    delete old;

    // Sales per cashier, in yuan.
    auto* sales = new QBarSet(tr("Sales (yuan)"));
    QStringList names;
    qint64 most = 1;
    for (const auto& c : r.cashiers) {
        names.append(c.name.isEmpty() ? tr("(no cashier)") : c.name);
        *sales << static_cast<qreal>(c.total.fen() / 100);
        most = std::max(most, c.total.fen() / 100);
    }
    auto* perCashier = new QBarSeries;
    perCashier->append(sales);
    auto* cashierChart = new QChart;
    cashierChart->setTitle(tr("Sales per cashier"));
    cashierChart->addSeries(perCashier);
    auto* nameAxis = new QBarCategoryAxis;
    nameAxis->append(names);
    cashierChart->addAxis(nameAxis, Qt::AlignBottom);
    perCashier->attachAxis(nameAxis);
    auto* yuanAxis = new QValueAxis;
    yuanAxis->setRange(0, static_cast<qreal>(most));
    yuanAxis->setLabelFormat(QStringLiteral("%d"));
    cashierChart->addAxis(yuanAxis, Qt::AlignLeft);
    perCashier->attachAxis(yuanAxis);
    cashierChart->legend()->hide();
    old = m_cashiers->chart();
    m_cashiers->setChart(cashierChart);
    delete old;
}

// Statements ---------------------------------------------------------------------------------

StatementsTab::StatementsTab(Ledger& ledger, const Clock& clock, ReportService& reports, QWidget* parent)
    : ManagerTab(ledger, clock, parent)
    , m_reports(reports)
    , m_member(makeEdit(this, "statementMemberLineEdit", tr("member's phone or card")))
    , m_month(new QDateEdit(this))
    , m_pdf(makeEdit(this, "statementPdfLineEdit", tr("optional: a PDF file to write, e.g. /tmp/statement.pdf")))
    , m_show(makeButton(this, "statementShowButton", tr("Make statement (Enter)")))
    , m_progress(new QProgressBar(this))
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("statementsTab"));
    message()->setObjectName(QStringLiteral("statementMessageLabel"));
    m_month->setObjectName(QStringLiteral("statementMonthEdit"));
    m_month->setDisplayFormat(QStringLiteral("yyyy-MM"));
    m_month->setDate(clock.today().addMonths(-1));
    m_progress->setObjectName(QStringLiteral("statementProgressBar"));
    m_progress->hide();
    m_text->setObjectName(QStringLiteral("statementTextView"));
    m_text->setReadOnly(true);
    m_text->setFocusPolicy(Qt::ClickFocus);
    auto* form = new QFormLayout;
    form->addRow(tr("Member"), m_member);
    form->addRow(tr("Month"), m_month);
    form->addRow(tr("PDF"), m_pdf);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_show);
    buttons->addWidget(m_progress, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_text, 1);
    layout->addWidget(message());
    // Enter in any field of the tab (the member, the month, the file name) makes the statement.
    for (const int k : {int(Qt::Key_Return), int(Qt::Key_Enter)}) {
        auto* enter = new QShortcut(QKeySequence(k), this);
        enter->setContext(Qt::WidgetWithChildrenShortcut);
        connect(enter, &QShortcut::activated, this, &StatementsTab::request);
    }
    connect(m_show, &QPushButton::clicked, this, &StatementsTab::request);
    connect(&m_reports, &ReportService::progress, this, [this](quint64 ticket, int done, int total) {
        if (ticket != m_ticket)
            return;
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(&m_reports, &ReportService::statementReady, this,
            [this](quint64 ticket, const StatementData&, const QString& text, const QString& pdfPath) {
                if (ticket != m_ticket)
                    return;
                m_ticket = 0;
                m_progress->hide();
                m_show->setEnabled(true);
                m_text->setPlainText(text);
                showMessage(pdfPath.isEmpty() ? tr("Statement ready.") : tr("Statement written to %1.").arg(pdfPath),
                            false);
                emit statementShown();
            });
    connect(&m_reports, &ReportService::failed, this, [this](quint64 ticket, const QString& error, int code) {
        if (ticket != m_ticket)
            return;
        m_ticket = 0;
        m_progress->hide();
        m_show->setEnabled(true);
        showMessage(withNextStep(tr("The statement cannot be made: %1").arg(error), static_cast<ErrorCode>(code)),
                    true);
    });
}

void StatementsTab::request()
{
    const QString member = m_member->text().trimmed();
    if (member.isEmpty()) {
        showMessage(tr("Type or scan the member's phone or card first."), true);
        m_member->setFocus();
        return;
    }
    if (busy())
        return; // one at a time; the answer is on its way
    m_text->clear();
    m_show->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    showMessage(tr("Making the statement…"), false);
    const QDate month = m_month->date();
    m_ticket = m_reports.requestStatement(member, month.year(), month.month(), m_pdf->text().trimmed());
}

// Incidents ----------------------------------------------------------------------------------

IncidentsTab::IncidentsTab(Ledger& ledger, const Clock& clock, QWidget* parent)
    : ManagerTab(ledger, clock, parent)
    , m_table(makeTable(this, "incidentsTable", {tr("When"), tr("Kind"), tr("Terminal"), tr("Entry"), tr("Detail")}))
{
    setObjectName(QStringLiteral("incidentsTab"));
    message()->setObjectName(QStringLiteral("incidentsMessageLabel"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Incidents HQ raised about this store, as of the last sync."), this));
    layout->addWidget(m_table, 1);
    layout->addWidget(message());
}

void IncidentsTab::reload()
{
    auto incidents = m_ledger.hqIncidents();
    if (!incidents) {
        showMessage(tr("The incidents cannot be read: %1").arg(incidents.error().message), true);
        return;
    }
    m_table->setRowCount(0);
    for (const HqIncident& i : incidents.value())
        addRow(m_table, {i.createdAt, i.kind, i.terminalId, QString::number(i.seq), i.detail});
    showMessage(incidents->isEmpty() ? tr("No incidents.")
                                     : tr("%n incident(s).", nullptr, static_cast<int>(incidents->size())),
                false);
}

// Settings -----------------------------------------------------------------------------------

SettingsTab::SettingsTab(Ledger& ledger, const Clock& clock, QWidget* parent)
    : ManagerTab(ledger, clock, parent)
    , m_hq(new QLabel(this))
    , m_printer(makeEdit(this, "settingsPrinterLineEdit", tr("/dev/usb/lp0 or tcp://192.168.1.50:9100")))
    , m_hour(makeSpin(this, "settingsNightlyHourSpinBox", 0, 23))
    , m_language(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsTab"));
    message()->setObjectName(QStringLiteral("settingsMessageLabel"));
    m_hq->setObjectName(QStringLiteral("settingsHqLabel"));
    m_hq->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_language->setObjectName(QStringLiteral("settingsLanguageComboBox"));
    m_language->addItem(QStringLiteral("中文 (zh_CN)"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English (en)"), QStringLiteral("en"));
    auto* save = makeButton(this, "settingsSaveButton", tr("Save"));
    auto* form = new QFormLayout;
    form->addRow(tr("HQ address"), m_hq);
    form->addRow(tr("Receipt printer"), m_printer);
    form->addRow(tr("Nightly sync hour"), m_hour);
    form->addRow(tr("Language"), m_language);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(save);
    layout->addWidget(message());
    layout->addStretch(1);
    connect(save, &QPushButton::clicked, this, &SettingsTab::save);
    connect(m_printer, &QLineEdit::returnPressed, this, &SettingsTab::save);
}

void SettingsTab::reload()
{
    auto state = m_ledger.syncState();
    m_hq->setText(!state                   ? state.error().message
                  : state->hqUrl.isEmpty() ? tr("not enrolled (jifen enroll --hq URL --code CODE)")
                                           : state->hqUrl);
}

void SettingsTab::setSettings(const PosSettings& settings)
{
    m_printer->setText(settings.printer);
    m_hour->setValue(settings.nightlyHour);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
}

void SettingsTab::save()
{
    const PosSettings settings{m_printer->text().trimmed(), m_hour->value(), m_language->currentData().toString()};
    emit saved(settings);
    showMessage(tr("Saved. The printer applies now; the sync hour and the language at the next start."), false);
}

} // namespace jifen
