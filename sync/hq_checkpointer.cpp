#include "hq_checkpointer.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace jifen::sync {

namespace {

QString nextCheckpointConnection()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("jifen-hq-checkpoint-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

HqCheckpointer::HqCheckpointer(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_connection(nextCheckpointConnection())
{
    m_thread.setObjectName(QStringLiteral("hq-checkpoint"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(
        this, &HqCheckpointer::requested, m_worker, [this] { run(); }, Qt::QueuedConnection);
    // The connection was opened on the checkpointer's thread and is closed there.
    connect(
        this, &HqCheckpointer::stopping, m_worker,
        [this] {
            {
                QSqlDatabase db = QSqlDatabase::database(m_connection, false);
                if (db.isOpen())
                    db.close();
            }
            QSqlDatabase::removeDatabase(m_connection);
            m_thread.quit();
        },
        Qt::QueuedConnection);
    m_thread.start();
}

HqCheckpointer::~HqCheckpointer()
{
    // Whatever is queued still runs first: queued calls are delivered in order.
    emit stopping();
    m_thread.wait();
}

void HqCheckpointer::request()
{
    if (m_queued.exchange(true))
        return; // one is already waiting; it will see this commit's frames too
    emit requested();
}

void HqCheckpointer::run()
{
    m_queued.store(false);
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isValid()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.isOpen() && !db.open()) {
        emit checkpointed(0, 0, db.lastError().text());
        return;
    }
    // PASSIVE: copy what no reader still needs, never wait for the writer. A later request
    // copies the rest.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !q.next()) {
        emit checkpointed(0, 0, q.lastError().text());
        return;
    }
    emit checkpointed(q.value(1).toInt(), q.value(2).toInt(), QString());
}

} // namespace jifen::sync
