#pragma once

#include "ledger.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace jifen {

// Always visible at the bottom of the window: online or offline, how many journal entries HQ
// has not acknowledged, and when the last sync succeeded. "Sync now" (F10) asks for a sync; the
// window wires syncRequested() to the sync scheduler (which is asynchronous), the scheduler's
// onlineChanged() to setOnline() and the client's results back to syncStarted()/syncFinished(),
// so this widget knows nothing of the network. Until the scheduler has said, the ledger's last
// sync result decides between online and offline. The tooltip says why the last round failed.
class SyncStatusWidget : public QWidget {
    Q_OBJECT
public:
    SyncStatusWidget(Ledger& ledger, QWidget* parent = nullptr);

    QString statusText() const;

public slots:
    void refresh();
    void syncStarted();
    void syncProgress(qint64 ackedSeq, qint64 lastSeq);
    void syncFinished(bool ok, const QString& error);
    void setOnline(bool online);

signals:
    void syncRequested();

private:
    Ledger& m_ledger;
    QLabel* m_state;
    QLabel* m_label;
    QPushButton* m_button;
    bool m_running = false;
    std::optional<bool> m_online; // from the scheduler; unknown before its first round
    // The last round's error as the sync client words it for the cashier (empty: it went well);
    // before a round in this process, the ledger's record (English, for `jifen status`) stands.
    std::optional<QString> m_lastError;
};

} // namespace jifen
