#include "report_service.h"

#include "identity.h"
#include "statement.h"
#include "statement_pdf.h"
#include "store.h"

#include <memory>

namespace jifen {

// The worker thread's own Store and Ledger, created and destroyed on that thread.
class LedgerReportService::Worker : public QObject {
public:
    std::unique_ptr<Store> store;
    std::unique_ptr<Ledger> ledger;
    ~Worker() override
    {
        ledger.reset();
        store.reset();
    }
};

LedgerReportService::LedgerReportService(QString databasePath, const Clock& clock, QObject* parent)
    : ReportService(parent)
    , m_path(std::move(databasePath))
    , m_clock(clock)
    , m_context(new Worker)
{
    m_thread.setObjectName(QStringLiteral("jifen-reports"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

LedgerReportService::~LedgerReportService()
{
    // The connection is closed on the thread that opened it, after any request still queued.
    QObject* context = m_context;
    QMetaObject::invokeMethod(
        context, [context] { delete context; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Ledger* LedgerReportService::workerLedger(QString* error)
{
    auto* worker = static_cast<Worker*>(m_context);
    if (!worker->ledger) {
        if (m_path.isEmpty()) {
            *error = QStringLiteral("no database file to report from");
            return nullptr;
        }
        auto store = Store::open(m_path);
        if (!store) {
            *error = store.error().message;
            return nullptr;
        }
        worker->store = std::move(store).value();
        worker->ledger = std::make_unique<Ledger>(*worker->store, m_clock);
    }
    return worker->ledger.get();
}

void LedgerReportService::run(std::function<void()> job)
{
    QMetaObject::invokeMethod(
        m_context,
        [this, job = std::move(job)] {
            if (m_beforeWork)
                m_beforeWork();
            job();
        },
        Qt::QueuedConnection);
}

quint64 LedgerReportService::requestDayReport(const QDate& date)
{
    const quint64 ticket = ++m_next;
    emit progress(ticket, 0, 1);
    run([this, ticket, date] {
        QString error;
        Ledger* ledger = workerLedger(&error);
        if (!ledger) {
            QMetaObject::invokeMethod(
                this, [this, ticket, error] { emit failed(ticket, error, int(ErrorCode::Storage)); },
                Qt::QueuedConnection);
            return;
        }
        auto report = ledger->dayReport(date);
        if (!report) {
            const Error e = report.error();
            QMetaObject::invokeMethod(
                this, [this, ticket, e] { emit failed(ticket, e.message, int(e.code)); }, Qt::QueuedConnection);
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [this, ticket, r = report.value()] {
                emit progress(ticket, 1, 1);
                emit dayReportReady(ticket, r);
            },
            Qt::QueuedConnection);
    });
    return ticket;
}

quint64 LedgerReportService::requestStatement(const QString& phoneOrCard, int year, int month, const QString& pdfPath)
{
    const quint64 ticket = ++m_next;
    const int steps = pdfPath.isEmpty() ? 1 : 2;
    emit progress(ticket, 0, steps);
    run([this, ticket, phoneOrCard, year, month, pdfPath, steps] {
        auto fail = [this, ticket](const QString& message, ErrorCode code) {
            QMetaObject::invokeMethod(
                this, [this, ticket, message, code] { emit failed(ticket, message, int(code)); }, Qt::QueuedConnection);
        };
        QString error;
        Ledger* ledger = workerLedger(&error);
        if (!ledger)
            return fail(error, ErrorCode::Storage);
        const bool card = !normalizePhone(phoneOrCard) && normalizeCard(phoneOrCard);
        auto statement = ledger->statement(card ? QString() : phoneOrCard, card ? phoneOrCard : QString(), year, month);
        if (!statement)
            return fail(statement.error().message, statement.error().code);
        const StatementData s = statement.value();
        const QString text = statementText(s);
        if (!pdfPath.isEmpty()) {
            QMetaObject::invokeMethod(
                this, [this, ticket, steps] { emit progress(ticket, 1, steps); }, Qt::QueuedConnection);
            if (auto written = writeStatementPdf(statementHtml(s), pdfPath); !written)
                return fail(written.error().message, written.error().code);
        }
        QMetaObject::invokeMethod(
            this,
            [this, ticket, s, text, pdfPath, steps] {
                emit progress(ticket, steps, steps);
                emit statementReady(ticket, s, text, pdfPath);
            },
            Qt::QueuedConnection);
    });
    return ticket;
}

} // namespace jifen
