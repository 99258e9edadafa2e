#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace jifen::sync {

// What the operator status page shows, read from HQ's database in one go (hq_status.cpp);
// hq_status_page.* turns it into HTML.
struct HqStatus {
    QDateTime generatedAt; // HQ time, UTC
    QString backend;       // "SQLite /path" or "PostgreSQL ..."

    struct Terminal {
        QString terminalId;
        QString storeId;
        bool enrolled = false;
        qint64 ackedSeq = 0;
        QDateTime lastSync;                  // invalid: never synced
        std::optional<qint64> clockSkewSecs; // terminal clock minus HQ clock at its last push
    };
    QList<Terminal> terminals;

    struct Incident {
        qint64 id = 0;
        QString kind;
        QString terminalId;
        std::optional<qint64> seq;
        QString memberId;
        QString memberName; // empty when the member is unknown at HQ
        QString detail;
        QString createdAt;
    };
    QList<Incident> incidents; // newest first, at most kMaxIncidents
    qint64 incidentCount = 0;
    static constexpr int kMaxIncidents = 200;

    qint64 members = 0;
    qint64 liabilityPoints = 0; // sum of every member's confirmed balance (green included)
    qint64 liabilityGreen = 0;  // of which green points

    struct Budget {
        QString terminalId;
        QString month;                   // YYYY-MM, China time (UTC+8) like the terminals' allowances
        std::optional<qint64> allowance; // none set at HQ for that month
        qint64 issued = 0;               // earned points in HQ's journal, by terminal time
    };
    QList<Budget> budget; // the last kBudgetMonths months, newest first
    static constexpr int kBudgetMonths = 12;

    // A terminal that has not synced for this long is marked overdue.
    static constexpr qint64 kOverdueSecs = qint64(24) * 3600;
};

// The month (YYYY-MM) an instant falls in, in China time (UTC+8).
QString chinaMonth(const QDateTime& utc);

} // namespace jifen::sync
