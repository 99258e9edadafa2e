#pragma once

#include "ledger.h"

#include <QDate>
#include <QObject>
#include <QString>
#include <QThread>

#include <functional>

namespace jifen {

// What the manager screen asks for when it wants a report or a statement. A request returns at
// once with a ticket; the work runs elsewhere and its answer arrives later on the caller's thread
// as a signal carrying the same ticket, so the window never waits and a stale answer (the manager
// picked another day meanwhile) is recognised and dropped.
class ReportService : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual quint64 requestDayReport(const QDate& date) = 0;
    // The member's statement for a month, by phone or card; with pdfPath, also written as a PDF.
    virtual quint64 requestStatement(const QString& phoneOrCard, int year, int month, const QString& pdfPath) = 0;

signals:
    void progress(quint64 ticket, int done, int total);
    void dayReportReady(quint64 ticket, const jifen::DayReport& report);
    void statementReady(quint64 ticket, const jifen::StatementData& statement, const QString& text,
                        const QString& pdfPath);
    void failed(quint64 ticket, const QString& message, int code);
};

// Runs reports and statements on a thread of its own, with a connection of its own to the
// terminal's database (opened on that thread on first use), so a long report never holds the UI
// thread nor the checkout's connection: WAL lets the checkout commit sales meanwhile. Requests run
// one after another in the order they were made.
class LedgerReportService : public ReportService {
    Q_OBJECT
public:
    LedgerReportService(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~LedgerReportService() override;

    quint64 requestDayReport(const QDate& date) override;
    quint64 requestStatement(const QString& phoneOrCard, int year, int month, const QString& pdfPath) override;

    // A seam for tests: runs on the worker thread before each request's work.
    void setBeforeWork(std::function<void()> hook) { m_beforeWork = std::move(hook); }

private:
    class Worker;
    Ledger* workerLedger(QString* error); // on the worker thread only
    void run(std::function<void()> job);

    QString m_path;
    const Clock& m_clock;
    QThread m_thread;
    QObject* m_context; // lives on the worker thread; owns its Store and Ledger
    quint64 m_next = 0;
    std::function<void()> m_beforeWork;
};

} // namespace jifen
