#include "hq_database.h"

#include "hq_checkpointer.h"

#include "store.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace jifen::sync {

namespace {

QString nextConnection()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("jifen-hq-%1").arg(counter.fetchAndAddRelaxed(1));
}

// HQ schema steps. Portable SQL: BIGINT, TEXT, no AUTOINCREMENT, no JSON functions.
QList<QStringList> hqSteps()
{
    return {
        {
            QStringLiteral("CREATE TABLE hq_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE terminals ("
                           " terminal_id TEXT PRIMARY KEY,"
                           " store_id TEXT NOT NULL,"
                           " code_hash TEXT,"
                           " key_hex TEXT,"
                           " enrolled_at TEXT,"
                           " acked_seq BIGINT NOT NULL DEFAULT 0,"
                           " last_hash TEXT NOT NULL,"
                           " last_sync_at TEXT,"
                           " clock_skew_secs BIGINT,"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE nonces (terminal_id TEXT NOT NULL, nonce TEXT NOT NULL, seen_at TEXT NOT NULL,"
                           " PRIMARY KEY (terminal_id, nonce))"),
            QStringLiteral("CREATE INDEX nonces_seen ON nonces(seen_at)"),
            QStringLiteral("CREATE TABLE journal ("
                           " terminal_id TEXT NOT NULL,"
                           " seq BIGINT NOT NULL,"
                           " entry_id TEXT NOT NULL UNIQUE,"
                           " kind TEXT NOT NULL,"
                           " member_uid TEXT,"
                           " points BIGINT NOT NULL,"
                           " green_points BIGINT NOT NULL,"
                           " ref TEXT NOT NULL,"
                           " reverses_seq BIGINT,"
                           " ruleset_version INTEGER NOT NULL,"
                           " terminal_time TEXT NOT NULL,"
                           " hq_time TEXT NOT NULL,"
                           " detail TEXT NOT NULL,"
                           " lots TEXT NOT NULL,"
                           " prev_hash TEXT NOT NULL,"
                           " hash TEXT NOT NULL,"
                           " PRIMARY KEY (terminal_id, seq))"),
            QStringLiteral("CREATE INDEX journal_member ON journal(member_uid)"),
            QStringLiteral("CREATE TABLE members ("
                           " uid TEXT PRIMARY KEY,"
                           " phone TEXT UNIQUE,"
                           " card TEXT UNIQUE,"
                           " name TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " home_terminal TEXT NOT NULL,"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE balances (member_uid TEXT PRIMARY KEY, points BIGINT NOT NULL,"
                           " green_points BIGINT NOT NULL)"),
            // HQ keeps every lot as the journal's moves leave it. Two offline terminals may both spend
            // the same lot, so remaining can go below zero here: that is an overdraft incident.
            QStringLiteral(
                "CREATE TABLE lots (lot TEXT PRIMARY KEY, member_uid TEXT NOT NULL, remaining BIGINT NOT NULL,"
                " valid_through TEXT)"),
            QStringLiteral("CREATE INDEX lots_member ON lots(member_uid)"),
            QStringLiteral("CREATE TABLE incidents ("
                           " id BIGINT PRIMARY KEY,"
                           " kind TEXT NOT NULL,"
                           " terminal_id TEXT,"
                           " seq BIGINT,"
                           " member_uid TEXT,"
                           " detail TEXT NOT NULL,"
                           " created_at TEXT NOT NULL)"),
        },
        // Pull, rule sets, allowances and online redemption. A member's rev changes whenever a
        // push changes it; revs are handed out from one counter row that each push locks just
        // before it commits, so revs become visible in order and a cursor never skips one.
        {
            QStringLiteral("ALTER TABLE balances ADD COLUMN rev BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX balances_rev ON balances(rev, member_uid)"),
            QStringLiteral("ALTER TABLE lots ADD COLUMN green INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE lots ADD COLUMN original BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE lots ADD COLUMN earned_on TEXT"),
            QStringLiteral("CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)"),
            QStringLiteral("INSERT INTO counters (name, value) VALUES ('member_rev', 0)"),
            QStringLiteral("CREATE TABLE rulesets (version INTEGER PRIMARY KEY, json TEXT NOT NULL,"
                           " published_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE allowances (terminal_id TEXT NOT NULL, month TEXT NOT NULL,"
                           " points BIGINT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (terminal_id, month))"),
            QStringLiteral("CREATE TABLE reservations ("
                           " id TEXT PRIMARY KEY,"
                           " terminal_id TEXT NOT NULL,"
                           " member_uid TEXT NOT NULL,"
                           " ref TEXT NOT NULL,"
                           " points BIGINT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " created_at TEXT NOT NULL,"
                           " expires_at TEXT NOT NULL,"
                           " UNIQUE (terminal_id, ref))"),
            QStringLiteral("CREATE INDEX reservations_member ON reservations(member_uid, state)"),
            QStringLiteral("CREATE INDEX journal_ref ON journal(terminal_id, ref)"),
        },
        // The program's organisation and what HQ reports on: merchants own stores (a terminal's
        // store_id), each merchant has a monthly points budget its terminals' allowances share;
        // members' survey answers arrive with pushes.
        {
            QStringLiteral("CREATE TABLE merchants (merchant_id TEXT PRIMARY KEY, name TEXT NOT NULL,"
                           " category TEXT NOT NULL, created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE stores (store_id TEXT PRIMARY KEY, merchant_id TEXT NOT NULL REFERENCES"
                           " merchants(merchant_id), name TEXT NOT NULL, created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE budgets (merchant_id TEXT NOT NULL REFERENCES merchants(merchant_id),"
                           " month TEXT NOT NULL, points BIGINT NOT NULL, updated_at TEXT NOT NULL,"
                           " PRIMARY KEY (merchant_id, month))"),
            QStringLiteral("CREATE TABLE survey_answers (terminal_id TEXT NOT NULL, ref TEXT NOT NULL,"
                           " member_uid TEXT NOT NULL, survey TEXT NOT NULL, answers TEXT NOT NULL,"
                           " created_at TEXT NOT NULL, PRIMARY KEY (terminal_id, ref))"),
            QStringLiteral("CREATE INDEX journal_time ON journal(terminal_time)"),
        },
        // Reward stock a terminal receives (HQ cannot know levels: redemptions happen offline).
        {
            QStringLiteral("CREATE TABLE stock_deliveries (id BIGINT PRIMARY KEY, terminal_id TEXT NOT NULL,"
                           " reward_code TEXT NOT NULL, quantity BIGINT NOT NULL, created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX stock_deliveries_terminal ON stock_deliveries(terminal_id, id)"),
            // Incident ids from a counter locked until commit: terminals pull incidents by id,
            // so ids must become visible in order.
            QStringLiteral("INSERT INTO counters (name, value) SELECT 'incident_id', COALESCE(MAX(id), 0) FROM"
                           " incidents"),
        },
        // Operators of the status page: PBKDF2-HMAC-SHA256 like the terminals' manager PINs.
        {
            QStringLiteral("CREATE TABLE operators (name TEXT PRIMARY KEY, salt TEXT NOT NULL, hash TEXT NOT NULL,"
                           " iterations INTEGER NOT NULL, created_at TEXT NOT NULL)"),
        },
        // Lots stored at step 1 got step 2's columns as defaults (not green, original 0, no
        // earning date): rebuilt from the journal by afterStep(6) (hq_migration_code.cpp).
        {},
        // The privacy terms a member agreed to at enrolment, and when, as the terminal recorded
        // them. Members stored before stay NULL: no consent was recorded for them.
        {
            QStringLiteral("ALTER TABLE members ADD COLUMN consent_terms TEXT"),
            QStringLiteral("ALTER TABLE members ADD COLUMN consent_at TEXT"),
        },
        // Which terminal created each lot, and whether another has moved it since: a puller is
        // not sent its own lots that only it has moved (docs/sync-protocol.md, pull). Lots stored
        // before get their creator from their names (afterStep(8), hq_migration_code.cpp) and
        // count as moved elsewhere: they are always listed.
        {
            QStringLiteral("ALTER TABLE lots ADD COLUMN creator TEXT"),
            QStringLiteral("ALTER TABLE lots ADD COLUMN shared INTEGER NOT NULL DEFAULT 1"),
        }};
}

} // namespace

HqDatabase::HqDatabase(QString connection, QString spec, bool postgres, QString describe, FaultInjector* faults)
    : m_connection(std::move(connection))
    , m_spec(std::move(spec))
    , m_postgres(postgres)
    , m_describe(std::move(describe))
    , m_faults(faults)
{}

bool HqDatabase::injectedFailure()
{
    return m_faults && m_faults->nextShouldFail();
}

HqDatabase::~HqDatabase()
{
    // First: the main connection's close then checkpoints what is left and removes the WAL.
    m_checkpointer.reset();
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<HqDatabase>> HqDatabase::open(const QString& spec, FaultInjector* faults, int upToStep)
{
    if (spec.trimmed().isEmpty())
        return Error::badInput(QStringLiteral("--db is empty: give a SQLite file path or a postgresql:// URL"));
    const QString connection = nextConnection();
    const bool postgres =
        spec.startsWith(QStringLiteral("postgresql://")) || spec.startsWith(QStringLiteral("postgres://"));
    QString describe = spec;
    {
        QSqlDatabase db;
        if (postgres) {
            const QUrl url(spec);
            if (!url.isValid())
                return Error::badInput(QStringLiteral("--db %1 is not a valid PostgreSQL URL").arg(spec));
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            const QString host = QUrlQuery(url).queryItemValue(QStringLiteral("host"));
            db.setHostName(!host.isEmpty() ? host : url.host());
            if (url.port() > 0)
                db.setPort(url.port());
            db.setDatabaseName(url.path().mid(1));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            describe = QStringLiteral("postgresql database %1").arg(url.path().mid(1));
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(spec);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        }
        if (!db.open()) {
            const QString why = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connection);
            return Error::storage(QStringLiteral("cannot open the HQ database %1: %2").arg(describe, why));
        }
    }
    std::unique_ptr<HqDatabase> hq(new HqDatabase(connection, spec, postgres, describe, faults));
    if (!postgres) {
        for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                                   "PRAGMA cache_size=-65536", "PRAGMA temp_store=MEMORY"})
            JIFEN_TRY(hq->execDirect(QString::fromLatin1(pragma)));
    }
    JIFEN_TRY(hq->migrate(upToStep));
    return hq;
}

Result<QSqlQuery*> HqDatabase::run(const QString& sql, const QVariantList& values)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection, false));
        q->setForwardOnly(true);
        if (!q->prepare(sql))
            return Error::storage(
                QStringLiteral("HQ storage failure preparing a statement: %1").arg(q->lastError().text()));
        it = m_statements.emplace(sql, std::move(q)).first;
    }
    QSqlQuery* q = it->second.get();
    q->finish();
    for (int i = 0; i < values.size(); ++i)
        q->bindValue(i, values.at(i));
    if (injectedFailure())
        return Error::storage(QStringLiteral("HQ storage failure (injected)"));
    if (!q->exec())
        return Error::storage(QStringLiteral("HQ storage failure: %1").arg(q->lastError().text()));
    return q;
}

namespace {

// The largest power of two not above `n`, at most 256 and within SQLite's variable limit.
qsizetype chunkRows(qsizetype n, int columns)
{
    const qsizetype cap = std::min<qsizetype>(256, 32766 / std::max(columns, 1));
    qsizetype rows = 1;
    while (rows * 2 <= std::min(n, cap))
        rows *= 2;
    return rows;
}

QString placeholders(qsizetype rows, int columns)
{
    QString one = QStringLiteral("(?");
    for (int c = 1; c < columns; ++c)
        one += QStringLiteral(", ?");
    one += QLatin1Char(')');
    QString all;
    all.reserve(rows * (one.size() + 2));
    for (qsizetype r = 0; r < rows; ++r) {
        if (r > 0)
            all += QStringLiteral(", ");
        all += one;
    }
    return all;
}

} // namespace

Status HqDatabase::runRows(const QString& head, int columns, const QVariantList& values, const QString& tail)
{
    const qsizetype total = values.size() / columns;
    for (qsizetype done = 0; done < total;) {
        const qsizetype rows = chunkRows(total - done, columns);
        const QString sql = head + QStringLiteral(" VALUES ") + placeholders(rows, columns) +
                            (tail.isEmpty() ? QString() : QLatin1Char(' ') + tail);
        JIFEN_TRY(run(sql, values.mid(done * columns, rows * columns)));
        done += rows;
    }
    return Ok{};
}

Status HqDatabase::runIn(const QString& sql, const QVariantList& before, const QVariantList& list,
                         const std::function<void(QSqlQuery&)>& row)
{
    for (qsizetype done = 0; done < list.size();) {
        const qsizetype n = chunkRows(list.size() - done, 1);
        QString marks = QStringLiteral("?");
        for (qsizetype i = 1; i < n; ++i)
            marks += QStringLiteral(", ?");
        auto q = run(sql.arg(marks), before + list.mid(done, n));
        if (!q)
            return q.error();
        while (q.value()->next()) {
            if (row)
                row(*q.value());
        }
        q.value()->finish();
        done += n;
    }
    return Ok{};
}

void HqDatabase::finishAll()
{
    for (auto& [sql, q] : m_statements)
        q->finish();
}

Result<QVariant> HqDatabase::scalar(const QString& sql, const QVariantList& values, const QVariant& fallback)
{
    auto q = run(sql, values);
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull()) {
        q->finish();
        return fallback;
    }
    const QVariant v = q->value(0);
    q->finish();
    return v;
}

Status HqDatabase::execDirect(const QString& sql)
{
    if (injectedFailure())
        return Error::storage(QStringLiteral("HQ storage failure (injected)"));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(sql))
        return Error::storage(QStringLiteral("HQ storage failure: %1").arg(q.lastError().text()));
    return Ok{};
}

Status HqDatabase::begin()
{
    if (m_postgres) {
        if (injectedFailure())
            return Error::storage(QStringLiteral("HQ storage failure (begin, injected)"));
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (!db.transaction())
            return Error::storage(QStringLiteral("HQ storage failure (begin): %1").arg(db.lastError().text()));
        return Ok{};
    }
    return execDirect(QStringLiteral("BEGIN IMMEDIATE"));
}

Status HqDatabase::commit()
{
    finishAll();
    if (m_postgres) {
        if (injectedFailure())
            return Error::storage(QStringLiteral("HQ storage failure (commit, injected)"));
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (!db.commit())
            return Error::storage(QStringLiteral("HQ storage failure (commit): %1").arg(db.lastError().text()));
        return Ok{};
    }
    JIFEN_TRY(execDirect(QStringLiteral("COMMIT")));
    if (m_checkpointer)
        m_checkpointer->request();
    return Ok{};
}

Status HqDatabase::checkpointInBackground()
{
    if (m_postgres || m_checkpointer)
        return Ok{};
    JIFEN_TRY(execDirect(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
    m_checkpointer = std::make_unique<HqCheckpointer>(m_spec);
    return Ok{};
}

void HqDatabase::rollback()
{
    finishAll();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (m_postgres) {
        db.rollback();
        return;
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("ROLLBACK"));
}

Status HqDatabase::migrate(int upToStep)
{
    // The version lives in hq_meta, so both engines keep it the same way.
    auto exists = m_postgres ? scalar(QStringLiteral("SELECT to_regclass('hq_meta') IS NOT NULL"))
                             : scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'hq_meta'"));
    if (!exists)
        return exists.error();
    int version = 0;
    if (exists->toBool()) {
        auto v = scalar(QStringLiteral("SELECT value FROM hq_meta WHERE key = 'schema_version'"), {}, 0);
        if (!v)
            return v.error();
        version = v->toInt();
    }
    const auto steps = hqSteps();
    if (version > steps.size())
        return Error::storage(
            QStringLiteral("the HQ database %1 was written by a newer jifen-hq (schema %2, this build "
                           "knows %3)")
                .arg(m_describe)
                .arg(version)
                .arg(steps.size()));
    const int target = upToStep < 0 ? int(steps.size()) : std::min(upToStep, int(steps.size()));
    while (version < target) {
        HqTransaction tx(*this);
        JIFEN_TRY(tx.begin());
        for (const QString& sql : steps.at(version))
            JIFEN_TRY(execDirect(sql));
        ++version;
        JIFEN_TRY(afterStep(version));
        JIFEN_TRY(run(version == 1 ? QStringLiteral("INSERT INTO hq_meta (key, value) VALUES ('schema_version', ?)")
                                   : QStringLiteral("UPDATE hq_meta SET value = ? WHERE key = 'schema_version'"),
                      {QString::number(version)}));
        JIFEN_TRY(tx.commit());
    }
    return Ok{};
}

} // namespace jifen::sync
