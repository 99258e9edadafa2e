#include "sync_status_widget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>

namespace jifen {

SyncStatusWidget::SyncStatusWidget(Ledger& ledger, QWidget* parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_state(new QLabel(this))
    , m_label(new QLabel(this))
    , m_button(new QPushButton(tr("Sync now (F10)"), this))
{
    setObjectName(QStringLiteral("syncStatusWidget"));
    m_state->setObjectName(QStringLiteral("syncStateLabel"));
    m_label->setObjectName(QStringLiteral("syncStatusLabel"));
    m_button->setObjectName(QStringLiteral("syncNowButton"));
    m_button->setShortcut(QKeySequence(Qt::Key_F10));
    m_button->setFocusPolicy(Qt::NoFocus); // the scanner's field keeps the focus
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_state);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (!m_running)
            emit syncRequested();
    });
    connect(&m_ledger, &Ledger::committed, this, &SyncStatusWidget::refresh);
    refresh();
}

QString SyncStatusWidget::statusText() const
{
    return m_state->text() + QLatin1Char(' ') + m_label->text();
}

void SyncStatusWidget::refresh()
{
    auto state = m_ledger.syncState();
    if (!state) {
        m_state->setText(tr("Sync status unknown"));
        m_label->setText(state.error().message);
        return;
    }
    QString last = tr("never");
    if (!state->lastSuccess.isEmpty()) {
        const QDateTime at = QDateTime::fromString(state->lastSuccess, Qt::ISODateWithMs);
        last = at.isValid() ? at.toTimeZone(QTimeZone(8 * 3600)).toString(QStringLiteral("MM-dd HH:mm"))
                            : state->lastSuccess;
    }
    if (m_running) {
        m_state->setText(tr("Syncing…"));
        m_state->setStyleSheet(QString());
    } else if (state->hqUrl.isEmpty()) {
        m_state->setText(tr("Not enrolled with HQ"));
        m_state->setStyleSheet(QStringLiteral("color: #6d4c41;"));
    } else if (m_online ? !*m_online : !state->lastError.isEmpty()) {
        m_state->setText(tr("Offline"));
        m_state->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    } else {
        m_state->setText(tr("Online"));
        m_state->setStyleSheet(QStringLiteral("color: #2e7d32; font-weight: bold;"));
    }
    m_label->setText(
        tr("%n entries not yet at HQ, last sync %1", nullptr, static_cast<int>(state->pending())).arg(last));
    m_label->setToolTip(m_lastError.value_or(state->lastError));
    m_button->setEnabled(!m_running && !state->hqUrl.isEmpty());
}

void SyncStatusWidget::setOnline(bool online)
{
    m_online = online;
    refresh();
}

void SyncStatusWidget::syncStarted()
{
    m_running = true;
    refresh();
}

void SyncStatusWidget::syncProgress(qint64 ackedSeq, qint64 lastSeq)
{
    m_state->setText(tr("Syncing… %1 of %2").arg(ackedSeq).arg(lastSeq));
}

void SyncStatusWidget::syncFinished(bool ok, const QString& error)
{
    m_running = false;
    m_lastError = ok ? QString() : error;
    refresh();
}

} // namespace jifen
