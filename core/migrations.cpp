#include "migrations.h"

namespace jifen {

namespace {

QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral(
            "CREATE TABLE rulesets (version INTEGER PRIMARY KEY, json TEXT NOT NULL, loaded_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE members ("
                       " id INTEGER PRIMARY KEY,"
                       " uid TEXT NOT NULL UNIQUE,"
                       " phone TEXT UNIQUE,"
                       " card TEXT UNIQUE,"
                       " name TEXT NOT NULL,"
                       " kind TEXT NOT NULL CHECK (kind IN ('person', 'enterprise', 'institution')),"
                       " created_at TEXT NOT NULL,"
                       " CHECK (phone IS NOT NULL OR card IS NOT NULL))"),
        QStringLiteral("CREATE TABLE balances ("
                       " member_id INTEGER PRIMARY KEY REFERENCES members(id),"
                       " points INTEGER NOT NULL DEFAULT 0,"
                       " green_points INTEGER NOT NULL DEFAULT 0)"),
        // The journal is the outbox as well as the ledger: append-only, gapless seq.
        QStringLiteral("CREATE TABLE journal ("
                       " seq INTEGER PRIMARY KEY,"
                       // Unique by construction (UUID v4); HQ enforces it program-wide. An index
                       // here would cost a random B-tree page on every write.
                       " entry_id TEXT NOT NULL,"
                       " terminal_id TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " member_id INTEGER REFERENCES members(id),"
                       " points INTEGER NOT NULL,"
                       " green_points INTEGER NOT NULL,"
                       " ref TEXT NOT NULL,"
                       " reverses_seq INTEGER REFERENCES journal(seq),"
                       " ruleset_version INTEGER NOT NULL,"
                       " terminal_time TEXT NOT NULL,"
                       " detail TEXT NOT NULL,"
                       " lots TEXT NOT NULL,"
                       " prev_hash TEXT NOT NULL,"
                       " hash TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX journal_member ON journal(member_id, seq)"),
        QStringLiteral("CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal"
                       " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"),
        QStringLiteral("CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal"
                       " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END"),
        QStringLiteral("CREATE TABLE lots ("
                       " id INTEGER PRIMARY KEY,"
                       " member_id INTEGER NOT NULL REFERENCES members(id),"
                       " source_terminal TEXT NOT NULL,"
                       " source_seq INTEGER NOT NULL,"
                       " green INTEGER NOT NULL,"
                       " original INTEGER NOT NULL,"
                       " remaining INTEGER NOT NULL CHECK (remaining >= 0),"
                       " earned_on TEXT NOT NULL,"
                       " valid_through TEXT NOT NULL,"
                       " UNIQUE (source_terminal, source_seq))"),
        QStringLiteral("CREATE INDEX lots_member ON lots(member_id, valid_through)"),
        QStringLiteral("CREATE TABLE sales ("
                       " ref TEXT PRIMARY KEY,"
                       " member_id INTEGER REFERENCES members(id),"
                       " category TEXT NOT NULL,"
                       " amount_fen INTEGER NOT NULL,"
                       " offset_points INTEGER NOT NULL,"
                       " offset_fen INTEGER NOT NULL,"
                       " paid_fen INTEGER NOT NULL,"
                       " earned_points INTEGER NOT NULL,"
                       " refunded_fen INTEGER NOT NULL DEFAULT 0,"
                       " points_reversed INTEGER NOT NULL DEFAULT 0,"
                       " offset_restored INTEGER NOT NULL DEFAULT 0,"
                       " expired_excused INTEGER NOT NULL DEFAULT 0,"
                       " fully_refunded INTEGER NOT NULL DEFAULT 0,"
                       " earn_seq INTEGER REFERENCES journal(seq),"
                       " offset_seq INTEGER REFERENCES journal(seq),"
                       " created_at TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE refunds ("
                       " ref TEXT PRIMARY KEY,"
                       " sale_ref TEXT NOT NULL REFERENCES sales(ref),"
                       " amount_fen INTEGER NOT NULL,"
                       " points_reversed INTEGER NOT NULL,"
                       " offset_restored INTEGER NOT NULL,"
                       " created_at TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE redemptions ("
                       " ref TEXT PRIMARY KEY,"
                       " member_id INTEGER NOT NULL REFERENCES members(id),"
                       " reward_code TEXT NOT NULL,"
                       " qty INTEGER NOT NULL,"
                       " points INTEGER NOT NULL,"
                       " seq INTEGER NOT NULL REFERENCES journal(seq),"
                       " voucher_code TEXT,"
                       " approved_by TEXT,"
                       " returned_ref TEXT,"
                       " created_at TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE stock (reward_code TEXT PRIMARY KEY,"
                       " quantity INTEGER NOT NULL CHECK (quantity >= 0)) WITHOUT ROWID"),
        // Client references: a retried command finds its first result here.
        QStringLiteral("CREATE TABLE requests (ref TEXT PRIMARY KEY, operation TEXT NOT NULL,"
                       " fingerprint TEXT NOT NULL, result TEXT NOT NULL) WITHOUT ROWID"),
    };
}

QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE operators ("
                       " id INTEGER PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),"
                       " salt TEXT NOT NULL,"
                       " pin_hash TEXT NOT NULL,"
                       " iterations INTEGER NOT NULL,"
                       " failed_attempts INTEGER NOT NULL DEFAULT 0,"
                       " locked_until TEXT,"
                       " created_at TEXT NOT NULL)"),
    };
}

// The whole points program: itemised sales, green points, budget allowance with deferred
// earning, households, donations, survey answers.
QStringList version3()
{
    return {
        QStringLiteral("ALTER TABLE sales ADD COLUMN cashier TEXT"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN tender TEXT"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN items TEXT"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN promotion TEXT"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN green_earned INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN green_seq INTEGER REFERENCES journal(seq)"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN green_reversed INTEGER NOT NULL DEFAULT 0"),
        // Issuance allowance of this terminal per business month (YYYY-MM); HQ assigns it.
        QStringLiteral("CREATE TABLE allowances (month TEXT PRIMARY KEY, granted INTEGER NOT NULL,"
                       " used INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL) WITHOUT ROWID"),
        // Points earned beyond the allowance: recorded, not spendable until released.
        QStringLiteral("CREATE TABLE deferred ("
                       " seq INTEGER PRIMARY KEY REFERENCES journal(seq),"
                       " member_id INTEGER NOT NULL REFERENCES members(id),"
                       " sale_ref TEXT,"
                       " green INTEGER NOT NULL,"
                       " points INTEGER NOT NULL,"
                       " pending INTEGER NOT NULL CHECK (pending >= 0),"
                       " earned_on TEXT NOT NULL,"
                       " valid_through TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX deferred_pending ON deferred(seq) WHERE pending > 0"),
        QStringLiteral("CREATE TABLE households (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE,"
                       " head_member_id INTEGER NOT NULL UNIQUE REFERENCES members(id), created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE household_members (member_id INTEGER PRIMARY KEY REFERENCES members(id),"
                       " household_id INTEGER NOT NULL REFERENCES households(id), joined_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX household_members_household ON household_members(household_id)"),
        QStringLiteral(
            "CREATE TABLE donations (ref TEXT PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES members(id),"
            " charity TEXT NOT NULL, points INTEGER NOT NULL, match_points INTEGER NOT NULL,"
            " seq INTEGER NOT NULL REFERENCES journal(seq), created_at TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral(
            "CREATE TABLE survey_answers (ref TEXT PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES members(id),"
            " survey TEXT NOT NULL, answers TEXT NOT NULL, green_seq INTEGER REFERENCES journal(seq),"
            " created_at TEXT NOT NULL) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX survey_answers_member ON survey_answers(member_id, survey)"),
        // Day reports read a business day's entries; entries arrive in time order, so this index
        // only ever appends.
        QStringLiteral("CREATE INDEX journal_time ON journal(terminal_time)"),
        QStringLiteral("CREATE INDEX sales_time ON sales(created_at)"),
    };
}

// Sync: which members HQ has been told about.
QStringList version4()
{
    return {
        QStringLiteral("ALTER TABLE members ADD COLUMN pushed INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX members_unpushed ON members(id) WHERE pushed = 0"),
    };
}

// Indexes for refunds (earlier reversals of an entry) and tiers (a member's last 12 months), so
// neither grows with the journal.
QStringList version5()
{
    return {
        QStringLiteral("CREATE INDEX journal_reverses ON journal(reverses_seq) WHERE reverses_seq IS NOT NULL"),
        QStringLiteral("CREATE INDEX journal_member_time ON journal(member_id, terminal_time)"),
        // (member_id, terminal_time) serves every per-member query; one index fewer per write.
        QStringLiteral("DROP INDEX journal_member"),
    };
}

// Pull and offline redemption limits. A member's balance and lots may start from what HQ
// confirmed (base_*): the state of every terminal's entries HQ had, including this terminal's up
// to base_seq; this terminal's later entries apply on top. Members never pulled keep base 0.
QStringList version6()
{
    return {
        QStringLiteral("ALTER TABLE balances ADD COLUMN base_points INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE balances ADD COLUMN base_green INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE balances ADD COLUMN base_seq INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE lots ADD COLUMN base_remaining INTEGER NOT NULL DEFAULT 0"),
        // HQ's authorisation of an online redemption; NULL: decided offline.
        QStringLiteral("ALTER TABLE redemptions ADD COLUMN reservation TEXT"),
        QStringLiteral("CREATE INDEX redemptions_member ON redemptions(member_id, created_at)"),
        QStringLiteral("CREATE TABLE hq_incidents (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, terminal_id TEXT,"
                       " seq INTEGER, member_uid TEXT, detail TEXT NOT NULL, created_at TEXT NOT NULL)"),
    };
}

// Survey answers travel to HQ with pushes, like members.
QStringList version7()
{
    return {
        QStringLiteral("ALTER TABLE survey_answers ADD COLUMN pushed INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX survey_answers_unpushed ON survey_answers(ref) WHERE pushed = 0"),
    };
}

// Which privacy terms a member agreed to, and when. Members enrolled before keep NULL: no consent
// was recorded for them, which is not the same as a refusal.
QStringList version8()
{
    return {
        QStringLiteral("ALTER TABLE members ADD COLUMN consent_terms TEXT"),
        QStringLiteral("ALTER TABLE members ADD COLUMN consent_at TEXT"),
    };
}

} // namespace

const QList<QStringList>& migrationSteps()
{
    static const QList<QStringList> steps{version1(), version2(), version3(), version4(),
                                          version5(), version6(), version7(), version8()};
    return steps;
}

} // namespace jifen
