#pragma once

#include "clock.h"
#include "error.h"
#include "hq_database.h"
#include "journal.h"
#include "ruleset.h"

#include <QJsonArray>
#include <QJsonObject>

#include <map>
#include <optional>
#include <vector>

namespace jifen::sync {

struct HqStatus;

// HQ's business logic, independent of HTTP: enrolment, request authentication, idempotent
// ingest of terminals' journals, member and incident views. The HTTP layer (http_server.*) maps
// its results to status codes.
class HqService {
public:
    HqService(HqDatabase& db, const Clock& clock);
    QString now() const { return formatInstant(m_clock.nowUtc()); }

    // A one-time enrolment code for a new terminal (printed once; only its hash is stored).
    Result<QString> addTerminal(const QString& storeId, const QString& terminalId);
    Result<QJsonArray> terminals();

    // {code, terminal_id} -> {terminal_id, store_id, key}. The code works once.
    Result<QJsonObject> enroll(const QJsonObject& request);

    // The terminal a signed request comes from; refuses unsigned, wrongly signed, stale and
    // replayed requests.
    struct SignedRequest {
        QByteArray method;
        QByteArray path;
        QByteArray body;
        QString terminalId;
        QString timestamp;
        QString nonce;
        QString signature;
        QByteArray bodyDigest; // hex SHA-256 of body when already computed; empty: computed here
    };
    Result<QString> authenticate(const SignedRequest& request);

    // Stores entries after the terminal's acknowledged seq. Safe to repeat: an entry HQ already
    // has is skipped; a different entry under the same seq, a broken chain or another terminal's
    // entry is refused and raises an incident.
    Result<QJsonObject> push(const QString& terminalId, const QJsonObject& request);
    Result<QJsonObject> terminalStatus(const QString& terminalId);

    // What changed since the terminal's cursor: members with their confirmed balances and lots
    // (with the acknowledged seq of this terminal those include), the newest rule set, the
    // terminal's allowances, incidents of its store. Paged; "more" says another page waits.
    Result<QJsonObject> pull(const QString& terminalId, const QJsonObject& request);

    // Online redemption, like a card payment: reserve points against HQ's confirmed balance, then
    // commit (the terminal recorded it) or void. Held reservations time out.
    static constexpr qint64 kReservationSecs = 120;
    Result<QJsonObject> reserve(const QString& terminalId, const QJsonObject& request);
    Result<QJsonObject> commitReservation(const QString& terminalId, const QJsonObject& request)
    {
        return finishReservation(terminalId, request, true);
    }
    Result<QJsonObject> voidReservation(const QString& terminalId, const QJsonObject& request)
    {
        return finishReservation(terminalId, request, false);
    }

    // Administration. Merchants own stores; a merchant's monthly budget bounds the allowances
    // of its terminals together (compliance line 2), so offline terminals can never exceed it.
    Result<int> publishRules(const QByteArray& json);
    Result<QJsonObject> addMerchant(const QString& merchantId, const QString& name, const QString& category);
    Result<QJsonObject> addStore(const QString& storeId, const QString& merchantId, const QString& name);
    Result<QJsonArray> merchants();
    Result<QJsonObject> setBudget(const QString& merchantId, const QString& month, qint64 points);
    Result<QJsonObject> setAllowance(const QString& terminalId, const QString& month, qint64 points);
    // Members known to HQ before any terminal saw them (CSV: phone,name[,card[,kind]]); terminals
    // pull them. All or nothing: one bad line refuses the file, naming the line.
    Result<QJsonObject> importMembers(const QByteArray& csv);
    // Reward stock delivered to a terminal; it adds the quantity to its stock on its next sync.
    Result<QJsonObject> deliverStock(const QString& terminalId, const QString& reward, qint64 quantity);

    // Reports, from HQ's journal (months are business months of the entries' terminal time).
    Result<QJsonObject> liabilityReport();
    Result<QJsonObject> issuanceReport(const QString& month);   // per merchant: issued vs budget
    Result<QJsonObject> settlementReport(const QString& month); // points issued at one merchant, spent at another
    Result<QJsonObject> greenReport(const QString& month);
    Result<QJsonObject> charityReport();
    Result<QJsonObject> surveyReport();
    // Lots past their last valid day by HQ's date that their terminal has not expired yet: the
    // terminals expire them through HQ's date at their next sync.
    Result<QJsonObject> expiryReport();
    Result<QJsonObject> statement(const QString& phone, const QString& month);

    Result<QJsonObject> memberByPhone(const QString& phone);
    Result<QJsonArray> incidents();
    // Checks HQ's own books: every balance equals the sum of its journal, every chain verifies.
    Result<QJsonObject> verify();

    // The operator status page and operator accounts (hq_status.cpp).
    Result<HqStatus> status();
    Status addOperator(const QString& name, const QString& password);
    // True when the name and password match an operator; the same work is done for an unknown
    // name, so timing does not tell which names exist.
    Result<bool> checkOperator(const QString& name, const QString& password);
    const Clock& clock() const { return m_clock; }
    QString backend() const { return m_db.describe(); }

private:
    Status raiseIncident(const QString& kind, const QString& terminalId, qint64 seq, const QString& memberUid,
                         const QString& detail);
    Status storeMembers(const QString& terminalId, const QJsonArray& members, QStringList* incidents,
                        QSet<QString>* touched);
    Status stampRevisions(const QSet<QString>& members);
    // The text forms of a pushed entry, made once: hashed when parsed, stored when written.
    struct EntryForms {
        QString time;
        QString detail;
        QString lots;
        QString hash;
    };
    static Status parseEntries(const QJsonArray& entries, QList<JournalEntry>* parsed, std::vector<EntryForms>* forms);
    // An entry that passed the idempotency, continuity and chain checks, with the text forms it
    // was hashed from (stored as they are).
    struct StagedEntry {
        const JournalEntry* e;
        QString time;
        QString detail;
        QString lots;
    };
    // Journal rows, balances, lots and the earning, expiry, reservation and overdraft effects of
    // checked entries, in entry order.
    Status storeEntries(const QString& terminalId, const QList<StagedEntry>& staged, const QString& now,
                        QStringList* incidents, QSet<QString>* touched);
    Result<QJsonObject> finishReservation(const QString& terminalId, const QJsonObject& request, bool commit);
    // Re-computes a sale's earning from the rule-set version it records; a difference is an
    // `earn-mismatch` incident (the entry stands: history is never rewritten).
    Status checkEarning(const QString& terminalId, const JournalEntry& e, QStringList* incidents);
    Result<const RuleSet*> rulesetVersion(int version); // nullptr: HQ does not have it
    // HQ's content of `version` when a terminal holding that version has other content (its hash
    // differs); empty otherwise (hq_earning.cpp, next to the rule-set cache).
    Result<QJsonObject> rulesetReplacement(qint64 version, const QString& terminalHash);
    // "allowances" (this terminal's, from `fromMonth` on) and "allowances_assigned" into `out`:
    // what enrolment and every pull tell a terminal about its issuance (hq_allowances.cpp).
    Status addAllowances(const QString& terminalId, const QString& fromMonth, QJsonObject* out);

    HqDatabase& m_db;
    const Clock& m_clock;
    std::map<int, std::optional<RuleSet>> m_rulesets; // per version, parsed once; nullopt: HQ lacks it
};

} // namespace jifen::sync
