#include "checkout_screen.h"
#include "error_text.h"

#include "enrol_dialog.h"
#include "escpos.h"
#include "identity.h"
#include "member_panel.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace jifen {

namespace {

QString yuan(Money m)
{
    return QStringLiteral("¥") + m.toYuanString();
}

} // namespace

CheckoutScreen::CheckoutScreen(Ledger& ledger, const Clock& clock, Options options, QWidget* parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_options(std::move(options))
{
    setObjectName(QStringLiteral("checkoutScreen"));
    if (auto rules = m_ledger.rules())
        m_rules = rules.value();
    if (auto id = m_ledger.identity()) {
        m_terminalId = id->terminalId;
        m_merchantCategory = id->merchantCategory;
        if (m_options.storeName.isEmpty())
            m_options.storeName = tr("Jifen points · store %1").arg(id->storeId);
    }
    buildUi();
    addShortcuts();
    recompute();
    restoreLastReceipt();
    if (!m_rules)
        showMessage(tr("The rule set cannot be read; sales are not possible. Run `jifen init` for this data "
                       "directory."),
                    true);
}

void CheckoutScreen::buildUi()
{
    m_memberEdit = new QLineEdit(this);
    m_memberEdit->setObjectName(QStringLiteral("memberLineEdit"));
    m_memberEdit->setPlaceholderText(tr("Scan the member card or type the phone, then Enter"));
    m_memberPanel = new MemberPanel(this);

    m_itemEdit = new QLineEdit(this);
    m_itemEdit->setObjectName(QStringLiteral("itemLineEdit"));
    m_itemEdit->setPlaceholderText(tr("Scan a barcode, type a SKU or a name (3*SKU for three)"));
    m_quantity = new QSpinBox(this);
    m_quantity->setObjectName(QStringLiteral("quantitySpinBox"));
    m_quantity->setRange(1, 999);
    m_amountEdit = new QLineEdit(this);
    m_amountEdit->setObjectName(QStringLiteral("amountLineEdit"));
    m_amountEdit->setPlaceholderText(tr("yuan, e.g. 12.50"));

    m_cart = new QTableWidget(0, 5, this);
    m_cart->setObjectName(QStringLiteral("cartTable"));
    m_cart->setHorizontalHeaderLabels({tr("Item"), tr("Qty"), tr("Price"), tr("Total"), tr("Points")});
    m_cart->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_cart->verticalHeader()->hide();
    m_cart->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cart->setSelectionMode(QAbstractItemView::NoSelection);
    m_cart->setFocusPolicy(Qt::NoFocus);

    m_totalLabel = new QLabel(this);
    m_totalLabel->setObjectName(QStringLiteral("totalLabel"));
    QFont big = m_totalLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_totalLabel->setFont(big);
    m_promotionLabel = new QLabel(this);
    m_promotionLabel->setObjectName(QStringLiteral("promotionLabel"));
    m_pointsLabel = new QLabel(this);
    m_pointsLabel->setObjectName(QStringLiteral("pointsPreviewLabel"));
    m_offset = new QSpinBox(this);
    m_offset->setObjectName(QStringLiteral("offsetSpinBox"));
    m_offset->setMinimumWidth(110);
    m_offsetSaved = new QLabel(this);
    m_offsetSaved->setObjectName(QStringLiteral("offsetSavedLabel"));
    m_payLabel = new QLabel(this);
    m_payLabel->setObjectName(QStringLiteral("payLabel"));
    m_payLabel->setFont(big);
    m_tender = new QComboBox(this);
    m_tender->setObjectName(QStringLiteral("tenderComboBox"));
    m_tender->addItem(tenderDisplayName(QStringLiteral("cash")), QStringLiteral("cash"));
    m_tender->addItem(tenderDisplayName(QStringLiteral("wechat")), QStringLiteral("wechat"));
    m_tender->addItem(tenderDisplayName(QStringLiteral("alipay")), QStringLiteral("alipay"));
    m_tender->addItem(tenderDisplayName(QStringLiteral("card")), QStringLiteral("card"));
    m_complete = new QPushButton(tr("Complete sale (F12)"), this);
    m_complete->setObjectName(QStringLiteral("completeButton"));
    m_complete->setFocusPolicy(Qt::NoFocus);
    auto* cancel = new QPushButton(tr("Cancel (Esc)"), this);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setFocusPolicy(Qt::NoFocus);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);

    m_receiptView = new QPlainTextEdit(this);
    m_receiptView->setObjectName(QStringLiteral("receiptView"));
    m_receiptView->setReadOnly(true);
    m_receiptView->setFocusPolicy(Qt::NoFocus);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_receiptView->setFont(mono);
    m_receiptView->setMinimumWidth(360);
    auto* reprint = new QPushButton(tr("Reprint last receipt (F8)"), this);
    reprint->setObjectName(QStringLiteral("reprintButton"));
    reprint->setFocusPolicy(Qt::NoFocus);
    auto* pdf = new QPushButton(tr("Receipt as PDF (Shift+F8)"), this);
    pdf->setObjectName(QStringLiteral("receiptPdfButton"));
    pdf->setFocusPolicy(Qt::NoFocus);

    auto* memberBox = new QGroupBox(tr("Member (F2)"), this);
    auto* memberLayout = new QVBoxLayout(memberBox);
    memberLayout->addWidget(m_memberEdit);
    memberLayout->addWidget(m_memberPanel);

    auto* entry = new QGridLayout;
    entry->addWidget(new QLabel(tr("Item (F3)"), this), 0, 0);
    entry->addWidget(m_itemEdit, 0, 1);
    entry->addWidget(new QLabel(tr("Qty (F4)"), this), 0, 2);
    entry->addWidget(m_quantity, 0, 3);
    entry->addWidget(new QLabel(tr("Amount only (F5)"), this), 1, 0);
    entry->addWidget(m_amountEdit, 1, 1);

    auto* totals = new QFormLayout;
    totals->addRow(tr("Total"), m_totalLabel);
    totals->addRow(tr("Promotion"), m_promotionLabel);
    totals->addRow(tr("Points to earn"), m_pointsLabel);
    auto* offsetRow = new QHBoxLayout;
    offsetRow->addWidget(m_offset);
    offsetRow->addWidget(m_offsetSaved, 1);
    totals->addRow(tr("Points offset (F6)"), offsetRow);
    totals->addRow(tr("Tender (F7)"), m_tender);
    totals->addRow(tr("To pay"), m_payLabel);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_complete);

    auto* left = new QVBoxLayout;
    left->addWidget(memberBox);
    left->addLayout(entry);
    left->addWidget(m_cart, 1);
    left->addLayout(totals);
    left->addWidget(m_message);
    left->addLayout(buttons);

    auto* right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("Last receipt"), this));
    right->addWidget(m_receiptView, 1);
    auto* receiptButtons = new QHBoxLayout;
    receiptButtons->addWidget(reprint);
    receiptButtons->addWidget(pdf);
    right->addLayout(receiptButtons);

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    setTabOrder(m_memberEdit, m_itemEdit);
    setTabOrder(m_itemEdit, m_quantity);
    setTabOrder(m_quantity, m_amountEdit);
    setTabOrder(m_amountEdit, m_offset);
    setTabOrder(m_offset, m_tender);

    connect(m_memberEdit, &QLineEdit::returnPressed, this, [this] { lookUpMember(m_memberEdit->text()); });
    connect(m_itemEdit, &QLineEdit::returnPressed, this, &CheckoutScreen::onItemEntered);
    connect(m_quantity, &QSpinBox::editingFinished, this, &CheckoutScreen::onQuantityEntered);
    connect(m_amountEdit, &QLineEdit::returnPressed, this, &CheckoutScreen::onAmountEntered);
    connect(m_offset, &QSpinBox::editingFinished, this, &CheckoutScreen::onOffsetEntered);
    connect(m_tender, &QComboBox::activated, this, [this] { focusItem(); });
    connect(m_complete, &QPushButton::clicked, this, &CheckoutScreen::completeSale);
    m_itemEdit->setFocus(); // the scanner types into the item field without a click
    connect(cancel, &QPushButton::clicked, this, &CheckoutScreen::cancelSale);
    connect(reprint, &QPushButton::clicked, this, &CheckoutScreen::reprintRequested);
    connect(pdf, &QPushButton::clicked, this, &CheckoutScreen::receiptPdfRequested);
}

void CheckoutScreen::addShortcuts()
{
    const auto key = [this](int k, auto slot) {
        auto* s = new QShortcut(QKeySequence(k), this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    key(Qt::Key_F2, [this] {
        m_memberEdit->setFocus();
        m_memberEdit->selectAll();
    });
    key(Qt::Key_F3, [this] { focusItem(); });
    key(Qt::Key_F4, [this] {
        m_quantity->setFocus();
        m_quantity->selectAll();
    });
    key(Qt::Key_F5, [this] {
        m_amountEdit->setFocus();
        m_amountEdit->selectAll();
    });
    key(Qt::Key_F6, [this] {
        m_offset->setFocus();
        m_offset->selectAll();
    });
    key(Qt::Key_F7, [this] { cycleTender(); });
    key(Qt::Key_F8, [this] { emit reprintRequested(); });
    auto* pdf = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8), this);
    pdf->setContext(Qt::WindowShortcut);
    connect(pdf, &QShortcut::activated, this, &CheckoutScreen::receiptPdfRequested);
    key(Qt::Key_F9, [this] { removeLastLine(); });
    key(Qt::Key_F12, [this] { completeSale(); });
    key(Qt::Key_Escape, [this] { cancelSale(); });
}

void CheckoutScreen::focusItem()
{
    m_itemEdit->setFocus();
    m_itemEdit->selectAll();
}

void CheckoutScreen::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
}

void CheckoutScreen::lookUpMember(const QString& text)
{
    const QString input = text.trimmed();
    if (input.isEmpty()) {
        m_memberPanel->clear();
        recompute();
        focusItem();
        return;
    }
    if (normalizePhone(input)) {
        auto found = m_ledger.memberByPhone(input);
        if (found) {
            setMember(found.value());
        } else if (found.error().code == ErrorCode::NotFound) {
            offerEnrolment(input);
        } else {
            showMessage(tr("The member cannot be read: %1").arg(found.error().message), true);
        }
        return;
    }
    if (normalizeCard(input)) {
        auto found = m_ledger.memberByCard(input);
        if (found) {
            setMember(found.value());
            return;
        }
        showMessage(found.error().code == ErrorCode::NotFound
                        ? tr("No member has card %1. Type the member's phone to find or enrol them.").arg(input)
                        : tr("The member cannot be read: %1").arg(found.error().message),
                    true);
        return;
    }
    showMessage(tr("\"%1\" is neither a mobile number nor a member card.").arg(input), true);
}

void CheckoutScreen::setMember(const MemberSummary& summary)
{
    m_memberPanel->showMember(summary);
    m_memberEdit->setText(maskPhone(summary.member.phone));
    showMessage(tr("Member %1 identified.").arg(maskPhone(summary.member.phone)), false);
    recompute();
    focusItem();
}

void CheckoutScreen::offerEnrolment(const QString& phone)
{
    showMessage(tr("No member with phone %1: enrol them now, or Esc to go on without.").arg(maskPhone(phone)), false);
    auto* dialog = new EnrolDialog(m_ledger, phone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EnrolDialog::memberEnrolled, this, &CheckoutScreen::setMember);
    connect(dialog, &QDialog::rejected, this, [this] { showMessage(tr("Enrolment cancelled."), false); });
    connect(dialog, &QDialog::finished, this, [this] {
        activateWindow(); // back to the checkout: the next scan lands in the item field
        focusItem();
    });
    dialog->open();
}

bool CheckoutScreen::addProduct(const QString& sku, qint64 quantity)
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).sku == sku) {
            // The line moves to the end, so F4 changes the line just scanned.
            CartItem item = m_items.takeAt(i);
            item.quantity = std::min<qint64>(999, item.quantity + quantity);
            m_items.append(item);
            return true;
        }
    }
    m_items.append(CartItem{sku, quantity, std::nullopt});
    return true;
}

void CheckoutScreen::onItemEntered()
{
    const QString text = m_itemEdit->text().trimmed();
    m_itemEdit->clear();
    if (text.isEmpty()) {
        if (!m_items.isEmpty() || m_amount)
            completeSale();
        return;
    }
    if (!m_rules)
        return;
    qint64 quantity = 1;
    QString code = text;
    static const QRegularExpression times(QStringLiteral("^([0-9]{1,3})\\*(.+)$"));
    if (const auto m = times.match(text); m.hasMatch()) {
        quantity = m.captured(1).toLongLong();
        code = m.captured(2).trimmed();
    }
    if (quantity < 1) {
        showMessage(tr("A quantity is from 1 to 999."), true);
        return;
    }
    if (m_amount) {
        showMessage(tr("This is an amount-only sale; Esc to start over with items."), true);
        return;
    }
    if (const Product* p = m_rules->program().product(code)) {
        addProduct(p->sku, quantity);
        m_quantity->setValue(static_cast<int>(m_items.last().quantity));
        showMessage(tr("%1 added.").arg(p->name), false);
        recompute();
        return;
    }
    // Not a product: a member card or phone scanned into the item field finds the member.
    if (normalizePhone(code) || (normalizeCard(code) && m_ledger.memberByCard(code))) {
        lookUpMember(code);
        return;
    }
    QList<const Product*> matches;
    for (const Product& p : m_rules->program().products) {
        if (p.name.contains(code, Qt::CaseInsensitive) || p.sku.startsWith(code))
            matches.append(&p);
    }
    if (matches.size() == 1) {
        addProduct(matches.first()->sku, quantity);
        m_quantity->setValue(static_cast<int>(m_items.last().quantity));
        showMessage(tr("%1 added.").arg(matches.first()->name), false);
        recompute();
    } else if (matches.isEmpty()) {
        showMessage(tr("No product with barcode or name \"%1\".").arg(code), true);
    } else {
        QStringList names;
        for (const Product* p : matches.mid(0, 5))
            names.append(QStringLiteral("%1 %2").arg(p->sku, p->name));
        showMessage(tr("Several products match; type more or scan: %1").arg(names.join(QStringLiteral("; "))), true);
    }
}

void CheckoutScreen::onQuantityEntered()
{
    if (!m_items.isEmpty() && m_items.last().quantity != m_quantity->value()) {
        m_items.last().quantity = m_quantity->value();
        recompute();
    }
    if (m_quantity->hasFocus())
        focusItem();
}

void CheckoutScreen::onAmountEntered()
{
    const QString text = m_amountEdit->text().trimmed();
    if (text.isEmpty()) {
        m_amount.reset();
        recompute();
        focusItem();
        return;
    }
    if (!m_items.isEmpty()) {
        showMessage(tr("The cart has items; an amount-only sale starts with an empty cart (Esc)."), true);
        return;
    }
    auto amount = Money::parseYuan(text);
    if (!amount) {
        showMessage(tr("\"%1\" is not an amount in yuan (like 12.50).").arg(text), true);
        return;
    }
    m_amount = amount.value();
    recompute();
    focusItem();
}

void CheckoutScreen::onOffsetEntered()
{
    if (m_rules) {
        const int ppy = static_cast<int>(m_rules->offsetPointsPerYuan());
        if (m_offset->value() % ppy != 0)
            m_offset->setValue(m_offset->value() / ppy * ppy);
    }
    recompute();
    if (m_offset->hasFocus())
        focusItem();
}

void CheckoutScreen::removeLastLine()
{
    if (!m_items.isEmpty())
        m_items.removeLast();
    else
        m_amount.reset();
    recompute();
    focusItem();
}

void CheckoutScreen::cycleTender()
{
    m_tender->setCurrentIndex((m_tender->currentIndex() + 1) % m_tender->count());
}

void CheckoutScreen::recompute()
{
    m_preview.reset();
    const auto& member = m_memberPanel->member();
    const QSignalBlocker block(m_offset);
    if (!m_rules || (m_items.isEmpty() && !m_amount)) {
        m_cart->setRowCount(0);
        m_totalLabel->setText(yuan(Money()));
        m_promotionLabel->setText(tr("none"));
        m_pointsLabel->setText(QStringLiteral("0"));
        m_offset->setRange(0, 0);
        m_offsetSaved->clear();
        m_payLabel->setText(yuan(Money()));
        m_complete->setEnabled(false);
        return;
    }
    SalePreviewInput in;
    in.items = m_items;
    in.amount = m_amount;
    in.merchantCategory = m_merchantCategory;
    in.member = member.has_value();
    in.tierCode = member ? member->tierCode : QString();
    in.day = m_clock.today();
    // The offset the cashier asked for, within what this bill and balance allow.
    auto bare = previewSale(*m_rules, in);
    if (!bare) {
        showMessage(bare.error().message, true);
        m_complete->setEnabled(false);
        return;
    }
    const qint64 maxOffset = member ? maxOffsetPoints(*m_rules, bare->eligible, member->balance) : 0;
    const int ppy = static_cast<int>(m_rules->offsetPointsPerYuan());
    m_offset->setRange(0, static_cast<int>(std::min<qint64>(maxOffset, Points::maxInput)));
    m_offset->setSingleStep(ppy);
    in.offsetPoints = m_offset->value() / ppy * ppy;
    auto preview = previewSale(*m_rules, in);
    if (!preview) {
        showMessage(preview.error().message, true);
        m_complete->setEnabled(false);
        return;
    }
    m_preview = preview.value();

    m_cart->setRowCount(static_cast<int>(m_preview->lines.size()));
    for (int row = 0; row < m_preview->lines.size(); ++row) {
        const SaleLine& l = m_preview->lines.at(row);
        const QStringList cells{l.name.isEmpty() ? tr("Amount only") : l.name, QString::number(l.quantity),
                                yuan(l.unitPrice), yuan(l.total),
                                l.eco ? tr("%1 green").arg(l.points.value()) : QString::number(l.points.value())};
        for (int c = 0; c < cells.size(); ++c)
            m_cart->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
    m_totalLabel->setText(yuan(m_preview->amount));
    m_promotionLabel->setText(m_preview->promotionName.isEmpty() ? tr("none") : m_preview->promotionName);
    if (!member)
        m_pointsLabel->setText(tr("identify a member to earn points"));
    else if (m_preview->green.value() > 0)
        m_pointsLabel->setText(tr("%1 (green %2)").arg(m_preview->points.value()).arg(m_preview->green.value()));
    else
        m_pointsLabel->setText(QString::number(m_preview->points.value()));
    m_offsetSaved->setText(m_preview->offsetPoints.value() > 0
                               ? tr("saves %1 yuan (at most %n point(s))", nullptr, countOf(maxOffset))
                                     .arg(m_preview->offsetAmount.toYuanString())
                               : (member ? tr("at most %n point(s)", nullptr, countOf(maxOffset)) : QString()));
    m_payLabel->setText(yuan(m_preview->paid));
    m_complete->setEnabled(true);
}

QString CheckoutScreen::nextRef()
{
    auto last = m_ledger.lastSeq();
    const qint64 seq = (last ? last.value() : 0) + 1;
    return QStringLiteral("%1-%2-%3")
        .arg(m_terminalId, m_clock.today().toString(QStringLiteral("yyyyMMdd")))
        .arg(seq, 6, 10, QLatin1Char('0'));
}

void CheckoutScreen::completeSale()
{
    if (!m_preview) {
        showMessage(tr("The cart is empty: scan an item or enter an amount (F5)."), true);
        return;
    }
    const auto member = m_memberPanel->member();
    SaleRequest r;
    r.ref = nextRef();
    if (member)
        r.phone = member->member.phone;
    r.items = saleItems(m_items);
    if (m_amount)
        r.amount = m_amount->toYuanString();
    r.offsetPoints = m_preview->offsetPoints.value();
    r.cashier = m_options.cashier;
    r.tender = m_tender->currentData().toString();
    auto sale = m_ledger.sale(r);
    if (!sale) {
        showMessage(withNextStep(tr("The sale was not recorded: %1").arg(sale.error().message), sale.error().code),
                    true);
        return;
    }
    std::optional<MemberSummary> after;
    if (member) {
        if (auto m = m_ledger.memberByPhone(member->member.phone))
            after = m.value();
    }
    m_lastReceipt = receiptForSale(sale.value(), after, m_options.storeName, m_terminalId, m_options.cashier, r.tender,
                                   promotionName(sale->promotion), m_clock.nowUtc());
    m_receiptView->setPlainText(receiptText(*m_lastReceipt, PaperWidth::Mm80));
    emit saleCompleted(*m_lastReceipt);

    m_items.clear();
    m_amount.reset();
    m_amountEdit->clear();
    m_memberEdit->clear();
    m_memberPanel->clear();
    m_quantity->setValue(1);
    m_offset->setValue(0);
    m_tender->setCurrentIndex(0);
    recompute();
    showMessage(
        sale->deferred.value() > 0
            ? tr("Sale %1 recorded: %n point(s) earned, %2 pending the store's budget.", nullptr,
                 countOf(sale->pointsEarned.value()))
                  .arg(sale->ref)
                  .arg(sale->deferred.value())
            : tr("Sale %1 recorded: %n point(s) earned.", nullptr, countOf(sale->pointsEarned.value())).arg(sale->ref),
        false);
    focusItem();
}

QString CheckoutScreen::promotionName(const QString& code) const
{
    if (!m_rules || code.isEmpty())
        return QString();
    for (const Promotion& p : m_rules->program().promotions) {
        if (p.code == code)
            return p.name;
    }
    return QString();
}

void CheckoutScreen::restoreLastReceipt()
{
    // After a restart the ledger, not the window's memory, knows the last sale: F8 reprints it,
    // with the member's balance as it stands now.
    auto last = m_ledger.lastSale();
    if (!last) {
        showMessage(tr("The last receipt cannot be read back: %1").arg(last.error().message), true);
        return;
    }
    if (!last.value())
        return;
    const RecordedSale& s = *last.value();
    m_lastReceipt = receiptForSale(s.sale, s.member, m_options.storeName, m_terminalId, s.cashier, s.tender,
                                   promotionName(s.sale.promotion), s.time);
    m_receiptView->setPlainText(receiptText(*m_lastReceipt, PaperWidth::Mm80));
}

void CheckoutScreen::cancelSale()
{
    m_items.clear();
    m_amount.reset();
    m_itemEdit->clear();
    m_amountEdit->clear();
    m_memberEdit->clear();
    m_memberPanel->clear();
    m_quantity->setValue(1);
    m_offset->setValue(0);
    m_tender->setCurrentIndex(0);
    recompute();
    showMessage(tr("Sale cancelled."), false);
    focusItem();
}

} // namespace jifen
