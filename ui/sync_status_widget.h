#pragma once

#include "ledger.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace jifen {

// Always visible at the bottom of the window: online or offline, how many journal entries HQ
// has not acknowledged, and when the last sync succeeded. "Sync now" (F10) asks for a sync; the
// app wires syncRequested() to the sync client (which is asynchronous) and its results back to
// syncStarted()/syncFinished(), so this widget knows nothing of the network.
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

signals:
    void syncRequested();

private:
    Ledger& m_ledger;
    QLabel* m_state;
    QLabel* m_label;
    QPushButton* m_button;
    bool m_running = false;
};

} // namespace jifen
