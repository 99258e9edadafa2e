#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

namespace jifen::sync {

// Copies committed WAL frames of HQ's SQLite file back into the database on a thread of its
// own, with a connection of its own. SQLite's automatic checkpoint runs inside the commit that
// crosses the threshold, so one push in a few paid for copying and fsyncing everything the others
// wrote; a passive checkpoint here never blocks the writer and runs while the next request is
// being parsed. Requests coalesce: at most one checkpoint runs and one more is queued.
class HqCheckpointer : public QObject {
    Q_OBJECT
public:
    explicit HqCheckpointer(const QString& path, QObject* parent = nullptr);
    ~HqCheckpointer() override;
    HqCheckpointer(const HqCheckpointer&) = delete;
    HqCheckpointer& operator=(const HqCheckpointer&) = delete;

    // Thread-safe; called after each commit.
    void request();

signals:
    // Queued to the checkpointer's thread (emitting a signal is thread-safe); not for outside use.
    void requested();
    void stopping();
    // After each checkpoint (on the checkpointer's thread): the WAL's frames and how many of them
    // are now in the database file; `error` is empty unless the checkpoint failed.
    void checkpointed(int walFrames, int checkpointedFrames, const QString& error);

private:
    void run();

    QString m_path;
    QString m_connection;
    QThread m_thread;
    QObject* m_worker = nullptr; // lives on m_thread
    std::atomic<bool> m_queued{false};
};

} // namespace jifen::sync
