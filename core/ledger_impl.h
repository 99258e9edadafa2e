#pragma once

// Internal to core: the pieces every ledger operation shares (journal append with the hash
// chain, lot bookkeeping, idempotent client references). Not installed, not used outside core.

#include "ledger.h"

#include <optional>

namespace jifen {

struct Balance {
    Points points;
    Points green;
};

struct LotRow {
    qint64 id = 0;
    LotRef ref;
    bool green = false;
    Points original;
    Points remaining;
    QDate validThrough;
};

enum class SpendPolicy { OrdinaryFirst, GreenOnly };

struct DebitPlan {
    QList<LotMove> moves; // negative
    Points fromLots;
    Points fromGreen;
    Points shortfall; // what no lot could cover: becomes debt when allowed
};

struct NewLot {
    bool green = false;
    Points earned;  // the lot's original size
    Points created; // what goes into the lot after repaying any debt
    QDate earnedOn;
    QDate validThrough;
};

struct EntryDraft {
    EntryKind kind = EntryKind::Earn;
    std::optional<Member> member;
    Points points;
    Points greenPoints;
    QString ref;
    qint64 reversesSeq = 0;
    int rulesetVersion = 0;
    QJsonObject detail;
    QList<LotMove> lots;
    std::optional<NewLot> newLot;
};

class Ledger::Impl {
public:
    Impl(Store& s, const Clock& c)
        : store(s)
        , clock(c)
    {}

    Store& store;
    const Clock& clock;
    std::optional<RuleSet> rules;
    std::optional<TerminalIdentity> ident;
    qint64 lastCommittedSeq = 0;

    Result<TerminalIdentity> identity();
    // The terminal's own key/value settings (sync state, cursors). Empty: not set.
    Result<QString> metaValue(const QString& key);
    Status putMeta(const QString& key, const QString& value);
    Result<RuleSet> activeRules();
    Status storeRuleSet(const RuleSet& rs);

    // "<the members table's columns>" for memberFromRow: every read of a member fills all of Member.
    static const QString& memberColumns();
    static Member memberFromRow(const Statement& q);
    Result<std::optional<Member>> findMember(const QString& column, const QString& value);
    Result<Member> requireMember(const QString& phone, const QString& card);
    Result<Member> memberById(qint64 id);
    Result<Balance> balanceOf(qint64 memberId);
    Result<MemberSummary> summarize(const Member& m);

    // The member part of a request's fingerprint, from the raw input alone (no lookup), so a
    // retry is recognised even if the rule set or the members changed since the first attempt.
    static Result<QString> memberKey(const QString& phone, const QString& card);
    // Client references. nullopt: new; a value: the first result of this very request.
    Result<std::optional<QJsonObject>> priorResult(const QString& ref, const QString& op, const QString& fingerprint);
    Status recordResult(const QString& ref, const QString& op, const QString& fingerprint, const QJsonObject& result);

    Result<JournalEntry> append(EntryDraft draft);
    Result<std::optional<JournalEntry>> entryBySeq(qint64 seq);
    // "SELECT <the journal's columns> FROM journal j LEFT JOIN members m", for entryFromRow.
    static const QString& entryColumns();
    static JournalEntry entryFromRow(const Statement& q);

    Result<QList<LotRow>> spendableLots(qint64 memberId, SpendPolicy policy);
    Result<DebitPlan> planDebit(qint64 memberId, Points amount, SpendPolicy policy,
                                std::optional<LotRef> skip = std::nullopt);
    Result<QList<LotRow>> lotsByRef(const QList<LotRef>& refs);
    // Puts points back into the lots they came from (last consumed first), after first repaying
    // any debt; `consumed` are the original (negative) moves, `alreadyBack` what earlier
    // restorations returned per lot.
    Result<QList<LotMove>> planRestore(const QList<LotMove>& consumed, const QList<LotMove>& alreadyBack, Points amount,
                                       Points debt, Points* green);

    // Expired lots of one member (or of all, memberId 0) become expire entries.
    Result<ExpireResult> expireLots(qint64 memberId, QDate asOf);
    // The automatic expiry an operation runs first. Once the terminal has talked to HQ it never
    // expires past the last business date HQ confirmed: a terminal clock that jumps ahead must
    // not destroy points (lapsed lots are still not spent: spending uses the local date).
    Status expireMemberLots(qint64 memberId);

    // How much an enrolled terminal may let the member redeem without HQ.
    struct OfflineRoom {
        bool enrolled = false;
        Points confirmed; // balance HQ confirmed, less this terminal's unsynced spending
        Points dailyLeft; // the daily offline limit less today's offline redemptions
        Points dailyLimit;
    };
    Result<OfflineRoom> offlineRoom(qint64 memberId, const RuleSet& rs);
    // Points an enrolled terminal spends without HQ (offsets, donations, transfers) must fit the
    // offline room; refused (3) naming `what` otherwise. A standalone terminal decides alone.
    Status requireOfflineRoom(qint64 memberId, const RuleSet& rs, Points cost, const QString& what);

    Result<QString> checkManagerPin(const QString& pin);
    Status requireOperator(const QString& name);
    Result<Tier> tierOf(qint64 memberId, const RuleSet& rs);
    Result<Points> earned12m(qint64 memberId);

    // Issuance allowance of the current business month.
    QString currentMonth() const { return clock.today().toString(QStringLiteral("yyyy-MM")); }
    // `withPending`: also sum the deferred points waiting (for display; a sale does not need it).
    Result<AllowanceInfo> allowanceFor(const QString& month, const RuleSet& rs, bool withPending = true);
    Status useAllowance(const QString& month, Points points, const RuleSet& rs);
    Result<Points> defaultAllowance(const RuleSet& rs); // for a month with no allowance row
    Result<ReleaseResult> releaseDeferred(const RuleSet& rs);

    // Writes a grant (earn, green-grant, adjust, transfer-in, release) with its lot, repaying
    // debt first. `deferred` points beyond the allowance are recorded against the entry.
    struct Grant {
        EntryKind kind = EntryKind::Earn;
        Member member;
        Points points;
        Points deferred;
        bool green = false;
        QDate earnedOn;
        QDate validThrough;
        QString ref;
        QString saleRef;
        qint64 reversesSeq = 0;
        QJsonObject detail;
    };
    Result<JournalEntry> writeGrant(const Grant& grant, const RuleSet& rs);

    // A green action's points as a green-grant entry and lot; returns what was granted now
    // (the rest is deferred for want of allowance).
    Result<Points> writeGreenAction(const Member& member, Points points, const QString& ref, const QJsonObject& detail,
                                    const RuleSet& rs);
    // Points the member received from green actions in the current business month.
    Result<Points> greenActionsThisMonth(qint64 memberId);
    Result<QString> householdOf(qint64 memberId); // empty: none
    QDateTime monthStartUtc(QDate day) const;

    // Starts an operation's unit of work; committed() is emitted only after its commit.
    Status begin(UnitOfWork& uow)
    {
        pendingSeq = 0;
        return uow.begin();
    }
    void emitIfCommitted(Ledger* q);
    qint64 pendingSeq = 0;
};

} // namespace jifen
