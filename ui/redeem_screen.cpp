#include "redeem_screen.h"
#include "error_text.h"

#include "identity.h"
#include "manager_pin_dialog.h"
#include "member_panel.h"
#include "online_redemption.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace jifen {

namespace {

// Up and Down in the search field move the catalog selection, so the hands stay on the keys.
class ArrowKeys : public QObject {
public:
    ArrowKeys(QObject* parent, std::function<void(int)> move)
        : QObject(parent)
        , m_move(std::move(move))
    {}
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent*>(event)->key();
            if (key == Qt::Key_Up || key == Qt::Key_Down) {
                m_move(key == Qt::Key_Up ? -1 : 1);
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void(int)> m_move;
};

} // namespace

RedeemScreen::RedeemScreen(Ledger& ledger, const Clock& clock, QNetworkAccessManager& network, QWidget* parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_memberEdit(new QLineEdit(this))
    , m_memberPanel(new MemberPanel(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableWidget(0, 6, this))
    , m_category(new QComboBox(this))
    , m_quantity(new QSpinBox(this))
    , m_message(new QLabel(this))
    , m_authorisation(new QLabel(this))
    , m_online(new sync::OnlineRedemption(ledger, network, clock, this))
{
    setObjectName(QStringLiteral("redeemScreen"));
    m_memberEdit->setObjectName(QStringLiteral("redeemMemberLineEdit"));
    m_memberEdit->setPlaceholderText(tr("Scan the member card or type the phone, then Enter"));
    m_search->setObjectName(QStringLiteral("rewardSearchLineEdit"));
    m_search->setPlaceholderText(tr("Search rewards by name or code; Up/Down to choose, Enter to redeem"));
    m_table->setObjectName(QStringLiteral("catalogTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Reward"), tr("Category"), tr("Points today"), tr("Stock"), tr("Green only"), tr("Manager")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    // The kinds of the rule set's catalog, and the green-only rewards as a category of their own.
    m_category->setObjectName(QStringLiteral("rewardCategoryComboBox"));
    m_category->setFocusPolicy(Qt::NoFocus); // F5 steps through it; the search field keeps the keys
    m_category->addItem(tr("All categories"), QString());
    for (const RewardKind kind : {RewardKind::Voucher, RewardKind::Service, RewardKind::Goods, RewardKind::Partner})
        m_category->addItem(rewardKindText(kind), rewardKindName(kind));
    m_category->addItem(tr("Green only"), QStringLiteral("green"));
    m_quantity->setObjectName(QStringLiteral("redeemQuantitySpinBox"));
    m_quantity->setRange(1, 99);
    m_message->setObjectName(QStringLiteral("redeemMessageLabel"));
    m_message->setWordWrap(true);
    m_authorisation->setObjectName(QStringLiteral("redeemAuthorisationLabel"));
    connect(m_online, &sync::OnlineRedemption::finished, this, &RedeemScreen::redeemed);
    if (auto id = m_ledger.identity())
        m_terminalId = id->terminalId;

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Member (F2)"), this));
    top->addWidget(m_memberEdit, 1);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(new QLabel(tr("Reward (F3)"), this));
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(new QLabel(tr("Category (F5)"), this));
    searchRow->addWidget(m_category);
    searchRow->addWidget(new QLabel(tr("Qty (F4)"), this));
    searchRow->addWidget(m_quantity);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Redeem points — F12 or Enter redeems, Esc back to checkout"), this));
    layout->addLayout(top);
    layout->addWidget(m_memberPanel);
    layout->addLayout(searchRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_authorisation);

    m_search->installEventFilter(new ArrowKeys(this, [this](int d) { moveSelection(d); }));
    connect(m_memberEdit, &QLineEdit::returnPressed, this, &RedeemScreen::lookUpMember);
    connect(m_search, &QLineEdit::textChanged, this, &RedeemScreen::filter);
    connect(m_category, &QComboBox::currentIndexChanged, this, &RedeemScreen::filter);
    connect(m_search, &QLineEdit::returnPressed, this, &RedeemScreen::redeemSelected);
    connect(m_quantity, &QSpinBox::editingFinished, this, [this] {
        if (m_quantity->hasFocus())
            m_search->setFocus();
    });
    const auto key = [this](int k, auto slot) {
        auto* s = new QShortcut(QKeySequence(k), this);
        connect(s, &QShortcut::activated, this, slot);
    };
    key(Qt::Key_F2, [this] {
        m_memberEdit->setFocus();
        m_memberEdit->selectAll();
    });
    key(Qt::Key_F3, [this] { m_search->setFocus(); });
    key(Qt::Key_F4, [this] {
        m_quantity->setFocus();
        m_quantity->selectAll();
    });
    key(Qt::Key_F5, [this] { cycleCategory(); });
    key(Qt::Key_F12, [this] { redeemSelected(); });
    key(Qt::Key_Escape, [this] {
        cancel();
        emit backRequested();
    });
    reload();
}

void RedeemScreen::setReceiptHeader(const QString& storeName, const QString& cashier)
{
    m_storeName = storeName;
    m_cashier = cashier;
}

void RedeemScreen::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
}

void RedeemScreen::reload()
{
    if (auto rules = m_ledger.rules())
        m_approvalAbove = rules->managerApprovalAbove();
    if (auto catalog = m_ledger.catalogWithStock())
        m_catalog = catalog.value();
    else
        showMessage(tr("The catalog cannot be read: %1").arg(catalog.error().message), true);
    if (!m_phone.isEmpty()) {
        if (auto m = m_ledger.memberByPhone(m_phone))
            m_memberPanel->showMember(m.value());
    }
    filter();
}

void RedeemScreen::cancel()
{
    m_phone.clear();
    m_memberEdit->clear();
    m_memberPanel->clear();
    m_search->clear();
    m_quantity->setValue(1);
    m_message->clear();
}

void RedeemScreen::lookUpMember()
{
    const QString input = m_memberEdit->text().trimmed();
    auto found = normalizePhone(input) ? m_ledger.memberByPhone(input) : m_ledger.memberByCard(input);
    if (!found) {
        showMessage(found.error().code == ErrorCode::NotFound
                        ? tr("No member found for \"%1\"; enrol new members at the checkout.").arg(input)
                        : found.error().message,
                    true);
        return;
    }
    m_phone = found->member.phone;
    m_memberPanel->showMember(found.value());
    m_memberEdit->setText(maskPhone(m_phone));
    showMessage(tr("Member %1 identified.").arg(maskPhone(m_phone)), false);
    m_search->setFocus();
}

void RedeemScreen::filter()
{
    const QString text = m_search->text().trimmed();
    const QString category = m_category->currentData().toString();
    const QDate today = m_clock.today();
    m_table->setRowCount(0);
    for (const auto& [reward, stock] : m_catalog) {
        if (!text.isEmpty() && !reward.name.contains(text, Qt::CaseInsensitive) &&
            !reward.code.contains(text, Qt::CaseInsensitive))
            continue;
        if (category == QLatin1String("green") ? !reward.greenOnly
                                               : !category.isEmpty() && rewardKindName(reward.kind) != category)
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const Points price = reward.priceOn(today);
        const bool manager = reward.requiresManager || price > m_approvalAbove;
        const QStringList cells{reward.name,
                                rewardKindText(reward.kind),
                                QString::number(price.value()),
                                stock < 0 ? tr("—") : QString::number(stock),
                                reward.greenOnly ? tr("green") : QString(),
                                manager ? tr("PIN") : QString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, reward.code);
            m_table->setItem(row, c, item);
        }
    }
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);
}

void RedeemScreen::cycleCategory()
{
    m_category->setCurrentIndex((m_category->currentIndex() + 1) % m_category->count());
    m_search->setFocus();
}

void RedeemScreen::moveSelection(int delta)
{
    if (m_table->rowCount() == 0)
        return;
    const int current = m_table->currentRow() < 0 ? 0 : m_table->currentRow();
    m_table->selectRow(std::clamp(current + delta, 0, m_table->rowCount() - 1));
}

QString RedeemScreen::selectedCode() const
{
    const int row = m_table->currentRow();
    return row < 0 ? QString() : m_table->item(row, 0)->data(Qt::UserRole).toString();
}

void RedeemScreen::redeemSelected()
{
    const QString code = selectedCode();
    if (m_phone.isEmpty()) {
        showMessage(tr("Identify the member first (F2)."), true);
        return;
    }
    if (code.isEmpty()) {
        showMessage(tr("No reward chosen: type part of its name."), true);
        return;
    }
    const Reward* reward = nullptr;
    for (const auto& entry : m_catalog) {
        if (entry.first.code == code)
            reward = &entry.first;
    }
    if (!reward)
        return;
    const Points cost(reward->priceOn(m_clock.today()).value() * m_quantity->value());
    if (reward->requiresManager || cost > m_approvalAbove) {
        auto* dialog = new ManagerPinDialog(
            tr("%1 × %2 for %n point(s) needs a manager's approval.", nullptr, countOf(cost.value()))
                .arg(reward->name)
                .arg(m_quantity->value()),
            this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ManagerPinDialog::pinEntered, this,
                [this, dialog](const QString& pin) { submit(pin, dialog); });
        connect(dialog, &QDialog::finished, this, [this] {
            activateWindow();
            m_search->setFocus();
        });
        dialog->open();
        return;
    }
    submit(QString(), nullptr);
}

void RedeemScreen::submit(const QString& pin, ManagerPinDialog* dialog)
{
    if (m_busy)
        return; // one redemption at a time; HQ's answer is on its way
    RedeemRequest r;
    auto last = m_ledger.lastSeq();
    r.ref = QStringLiteral("%1-R%2-%3")
                .arg(m_terminalId, m_clock.today().toString(QStringLiteral("yyyyMMdd")))
                .arg((last ? last.value() : 0) + 1, 6, 10, QLatin1Char('0'));
    r.phone = m_phone;
    r.reward = selectedCode();
    r.quantity = m_quantity->value();
    r.pin = pin;
    m_dialog = dialog;
    m_pin = pin;
    m_busy = true;
    m_authorisation->clear();
    showMessage(tr("Asking HQ…"), false);
    m_online->redeem(r); // may answer at once (not enrolled, or the ledger refuses the input)
}

void RedeemScreen::redeemed(bool ok, const QJsonObject& json, ErrorCode code, const QString& message)
{
    m_busy = false;
    ManagerPinDialog* dialog = m_dialog;
    m_dialog.clear();
    if (!ok) {
        if (dialog && code == ErrorCode::Refused && !m_pin.isEmpty()) {
            dialog->showError(tr("Not approved: %1").arg(message));
            return;
        }
        if (dialog)
            dialog->reject();
        showMessage(withNextStep(tr("Not redeemed: %1").arg(message), code), true);
        return;
    }
    if (dialog)
        dialog->accept();
    const RedeemResult result = RedeemResult::fromJson(json);
    m_last = result;
    QString name = result.reward;
    for (const auto& entry : m_catalog) {
        if (entry.first.code == result.reward)
            name = entry.first.name;
    }
    QString text = tr("Redeemed %1 × %2 for %n point(s); balance %3.", nullptr, countOf(result.pointsSpent.value()))
                       .arg(name)
                       .arg(result.quantity)
                       .arg(result.balance.value());
    if (!result.voucherCode.isEmpty())
        text += QLatin1Char(' ') + tr("Voucher code: %1").arg(result.voucherCode);
    m_quantity->setValue(1);
    reload();
    showMessage(text, false);
    m_authorisation->setText(tr("Authorised: %1").arg(authorisationText(result.authorisation)));
    m_authorisation->setProperty("authorisation", result.authorisation);
    std::optional<MemberSummary> after;
    if (auto m = m_ledger.memberByPhone(m_phone))
        after = m.value();
    emit redemptionCompleted(
        receiptForRedemption(result, name, after, m_storeName, m_terminalId, m_cashier, m_clock.nowUtc()));
}

QString rewardKindText(RewardKind kind)
{
    switch (kind) {
    case RewardKind::Voucher:
        return RedeemScreen::tr("Voucher");
    case RewardKind::Service:
        return RedeemScreen::tr("Service");
    case RewardKind::Goods:
        return RedeemScreen::tr("Goods");
    case RewardKind::Partner:
        return RedeemScreen::tr("Partner reward");
    }
    return QString();
}

QString authorisationText(const QString& authorisation)
{
    if (authorisation == QLatin1String("hq"))
        return RedeemScreen::tr("online by HQ");
    if (authorisation == QLatin1String("offline"))
        return RedeemScreen::tr("offline, within the offline limits");
    if (authorisation == QLatin1String("standalone"))
        return RedeemScreen::tr("by this terminal (not enrolled with HQ)");
    return authorisation;
}

} // namespace jifen
