#include "refund_screen.h"
#include "error_text.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QVBoxLayout>

namespace jifen {

RefundScreen::RefundScreen(Ledger& ledger, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_saleRef(new QLineEdit(this))
    , m_amount(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("refundScreen"));
    m_saleRef->setObjectName(QStringLiteral("refundSaleRefLineEdit"));
    m_saleRef->setPlaceholderText(tr("Scan the receipt's QR code or type the receipt number"));
    m_amount->setObjectName(QStringLiteral("refundAmountLineEdit"));
    m_amount->setPlaceholderText(tr("empty: refund everything not yet refunded"));
    m_message->setObjectName(QStringLiteral("refundMessageLabel"));
    m_message->setWordWrap(true);
    if (auto id = m_ledger.identity())
        m_terminalId = id->terminalId;

    auto* form = new QFormLayout;
    form->addRow(tr("Receipt no. (F2)"), m_saleRef);
    form->addRow(tr("Amount to refund, yuan (F4)"), m_amount);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Refunds and returned rewards — Enter or F12 refunds, Esc back to checkout"), this));
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);

    connect(m_saleRef, &QLineEdit::returnPressed, this, [this] {
        if (!m_saleRef->text().trimmed().isEmpty())
            m_amount->setFocus();
    });
    connect(m_amount, &QLineEdit::returnPressed, this, &RefundScreen::refund);
    const auto key = [this](int k, auto slot) {
        auto* s = new QShortcut(QKeySequence(k), this);
        connect(s, &QShortcut::activated, this, slot);
    };
    key(Qt::Key_F2, [this] {
        m_saleRef->setFocus();
        m_saleRef->selectAll();
    });
    key(Qt::Key_F4, [this] {
        m_amount->setFocus();
        m_amount->selectAll();
    });
    key(Qt::Key_F12, [this] { refund(); });
    key(Qt::Key_Escape, [this] {
        cancel();
        emit backRequested();
    });
}

void RefundScreen::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
}

void RefundScreen::cancel()
{
    m_saleRef->clear();
    m_amount->clear();
    m_message->clear();
    m_saleRef->setFocus();
}

QString RefundScreen::nextRef(QChar kind)
{
    auto last = m_ledger.lastSeq();
    return QStringLiteral("%1-%2%3-%4")
        .arg(m_terminalId, kind, m_clock.today().toString(QStringLiteral("yyyyMMdd")))
        .arg((last ? last.value() : 0) + 1, 6, 10, QLatin1Char('0'));
}

void RefundScreen::done()
{
    m_saleRef->clear();
    m_amount->clear();
    m_saleRef->setFocus();
}

void RefundScreen::refund()
{
    const QString saleRef = m_saleRef->text().trimmed();
    if (saleRef.isEmpty()) {
        showMessage(tr("Scan or type the receipt number first (F2)."), true);
        m_saleRef->setFocus();
        return;
    }
    RefundRequest r;
    r.ref = nextRef(QLatin1Char('F'));
    r.saleRef = saleRef;
    r.amount = m_amount->text().trimmed();
    auto result = m_ledger.refund(r);
    // No sale by that number: a redemption's receipt carries its reference the same way, and its
    // reward can only come back whole, so without an amount the reward is returned.
    if (!result && result.error().code == ErrorCode::NotFound && r.amount.isEmpty()) {
        returnReward(saleRef);
        return;
    }
    if (!result) {
        showMessage(withNextStep(tr("Not refunded: %1").arg(result.error().message), result.error().code), true);
        return;
    }
    m_last = result.value();
    showMessage(tr("Refunded %1 yuan of %2: %n point(s) taken back, %3 offset points returned; balance %4.%5", nullptr,
                   countOf(result->pointsReversed.value()))
                    .arg(result->amount.toYuanString(), result->saleRef)
                    .arg(result->offsetRestored.value())
                    .arg(result->balance.value())
                    .arg(result->fullyRefunded ? QLatin1Char(' ') + tr("The sale is fully refunded.") : QString()),
                false);
    done();
}

void RefundScreen::returnReward(const QString& redeemRef)
{
    auto result = m_ledger.returnReward({nextRef(QLatin1Char('B')), redeemRef});
    if (!result) {
        // Neither a sale nor a redemption: say so in the refund's words.
        const QString message = result.error().code == ErrorCode::NotFound
                                    ? tr("no sale or redemption with reference %1").arg(redeemRef)
                                    : result.error().message;
        showMessage(withNextStep(tr("Not refunded: %1").arg(message), result.error().code), true);
        return;
    }
    m_lastReturn = result.value();
    showMessage(tr("Reward of %1 returned: %n point(s) back to the member; balance %2. Stocked goods go back into "
                   "stock.",
                   nullptr, countOf(result->pointsRestored.value()))
                    .arg(result->redeemRef)
                    .arg(result->balance.value()),
                false);
    done();
}

} // namespace jifen
