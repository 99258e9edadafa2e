#pragma once

#include "clock.h"
#include "journal.h"
#include "member.h"
#include "operations.h"
#include "ruleset.h"
#include "statement.h"
#include "store.h"

#include <QObject>

#include <optional>

namespace jifen {

struct TerminalIdentity {
    QString storeId;
    QString terminalId;
    QString merchantCategory;
};

// An incident HQ raised about this store's terminals (overdraft, broken chain...), pulled for the
// manager's screen.
struct HqIncident {
    qint64 id = 0;
    QString kind;
    QString terminalId;
    qint64 seq = 0;
    QString memberUid;
    QString detail;
    QString createdAt;
};

// A sale as recorded, with what its receipt needs besides the result: who rang it up, the tender,
// when, and the member as they stand now (balance and points expiring soon).
struct RecordedSale {
    SaleResult sale;
    QString cashier;
    QString tender;
    QDateTime time;
    std::optional<MemberSummary> member;
};

enum class OperatorRole { Cashier, Manager };
QString operatorRoleName(OperatorRole role);

struct OperatorInfo {
    QString name;
    OperatorRole role = OperatorRole::Cashier;
    QDateTime createdAt;
};

// The points ledger of one terminal. Every operation validates its input, runs in one unit of
// work and is idempotent by its client reference. Listeners hear of a change only through
// committed(), which is emitted after the transaction has committed.
class Ledger : public QObject {
    Q_OBJECT
public:
    Ledger(Store& store, const Clock& clock, QObject* parent = nullptr);
    ~Ledger() override;

    // Terminal set-up: records the store, terminal and merchant category and loads the built-in
    // rule set. Repeating it with the same identity is harmless; a different identity is refused.
    Status initialize(const QString& storeId, const QString& terminalId, const QString& merchantCategory);
    // The checks initialize() makes on its input, without touching any storage: a caller can
    // refuse bad input before it creates a data directory.
    static Status checkIdentity(const QString& storeId, const QString& terminalId, const QString& merchantCategory);
    Result<TerminalIdentity> identity();

    Result<Member> addMember(const NewMember& input);
    Result<MemberSummary> memberByPhone(const QString& phone);
    Result<MemberSummary> memberByCard(const QString& card);
    Result<QList<Member>> listMembers(qint64 limit = 1000, qint64 offset = 0);

    Result<SaleResult> sale(const SaleRequest& request);
    Result<RedeemResult> redeem(const RedeemRequest& request);
    Result<RedemptionQuote> quoteRedemption(const RedeemRequest& request);
    Result<RefundResult> refund(const RefundRequest& request);
    Result<ReturnRewardResult> returnReward(const ReturnRewardRequest& request);
    // The last sale recorded on this terminal (the receipt to reprint after a restart); nullopt
    // before the first sale.
    Result<std::optional<RecordedSale>> lastSale();
    Result<ExpireResult> expire(std::optional<QDate> asOf = std::nullopt);

    // The points program. Compliance: points only from a sale with a positive paid amount, a
    // recorded green action or a manager's adjustment with a reason; issuance within the
    // terminal's allowance (beyond it earning is deferred); transfers only inside a household.
    Result<GrantResult> grantGreen(const GreenRequest& request);
    Result<GrantResult> adjust(const AdjustRequest& request);
    Result<TransferResult> transfer(const TransferRequest& request);
    Result<DonateResult> donate(const DonateRequest& request);
    Result<SurveyAnswerResult> answerSurvey(const SurveyAnswerRequest& request);

    Result<HouseholdInfo> createHousehold(const QString& headPhone);
    Result<HouseholdInfo> addToHousehold(const QString& headPhone, const QString& memberPhone);
    Result<HouseholdInfo> removeFromHousehold(const QString& headPhone, const QString& memberPhone);
    Result<HouseholdInfo> household(const QString& phone);

    // The terminal's issuance allowance for a business month ("YYYY-MM"; empty: this month).
    Result<AllowanceInfo> allowance(const QString& month = QString());
    // Sets the month's allowance (never below what was already issued) and releases deferred
    // earning, oldest first, into the room it makes.
    Result<AllowanceInfo> setAllowance(qint64 points, const QString& month = QString());
    // What HQ says at enrolment and on every pull: whether budgets are in use for this terminal.
    // Once they are, a month HQ has not allowed issues nothing (earning is deferred); a month this
    // terminal had been issuing on the rule set's initial allowance keeps only what it issued.
    Status setAllowancesAssigned(bool assigned);

    // Loads a rule set (JSON). Refused unless it is newer than the active one and keeps every
    // compliance line.
    Result<RuleSet> loadRules(const QByteArray& json);
    // HQ's content for the active version when this terminal's copy differs (another content
    // under the same number): replaces it. Entries already recorded keep what they recorded.
    Result<RuleSet> replaceRules(const QByteArray& json);

    Result<StatementData> statement(const QString& phone, const QString& card, int year, int month);
    Result<DayReport> dayReport(std::optional<QDate> date = std::nullopt);
    Result<QList<CharityTotal>> charityTotals();

    // Sync state (the network side lives in sync/). The journal is the outbox: entries after
    // HQ's acknowledged seq are pending.
    struct SyncState {
        QString hqUrl;
        QByteArray key;
        qint64 ackedSeq = 0;
        qint64 lastSeq = 0;
        QString lastSuccess; // ISO instant, empty: never
        QString lastError;
        QByteArray hqCaPem; // extra CA certificates (PEM) to trust for an https HQ; empty: the system's
        qint64 pending() const { return lastSeq - ackedSeq; }
    };
    Result<SyncState> syncState();
    Status saveEnrollment(const QString& hqUrl, const QByteArray& key);
    // The CA certificate(s) HQ's TLS certificate is checked against (`jifen enroll --ca`).
    Status saveHqCa(const QByteArray& pem);
    // Members HQ has not been told about yet, as wire records.
    Result<QJsonArray> unpushedMembers(qint64 limit);
    // The journal after afterSeq as a push's "entries" array, encoded straight from the rows
    // (the same JSON `jifen journal` prints, keys sorted): at most maxEntries entries and, past
    // the first, at most maxBytes of JSON. One statement, no JournalEntry in between.
    struct JournalBatch {
        QByteArray json = QByteArrayLiteral("[]"); // "[{…},{…}]"
        int count = 0;
        qint64 lastSeq = 0; // the last entry's seq; afterSeq when empty
    };
    Result<JournalBatch> journalBatch(qint64 afterSeq, int maxEntries, qint64 maxBytes);
    // Survey answers HQ has not been told about yet, as wire records.
    Result<QJsonArray> unpushedSurveyAnswers(qint64 limit);
    // After HQ acknowledged a push: the new acked seq and the members and survey answers (by ref)
    // it now knows, together.
    Status recordPushed(qint64 ackedSeq, const QStringList& memberUids, const QStringList& surveyRefs = {});
    Status recordSyncResult(bool ok, const QString& error);
    // HQ's clock as last seen: the terminal's automatic expiry never runs past HQ's date.
    Status recordHqTime(const QDateTime& hqTime);

    // Pull: what HQ confirmed. A page holds members changed since the cursor with their balances
    // and lots as HQ has them, which includes this terminal's entries up to throughSeq. A member
    // with later entries of this terminal is left alone (it comes again after the next push); a
    // new member whose phone or card is already another local member's is not taken (HQ has an
    // incident for it). Applied in one transaction together with the new cursors.
    struct ConfirmedLot {
        LotRef ref;
        bool green = false;
        Points original;
        Points remaining;
        QDate earnedOn;
        QDate validThrough;
    };
    // This terminal's own lots that only it has moved, left out of a page at its request: how
    // many HQ has, what remains in them, and OwnLotsTally's digest of which holds what. The
    // terminal must hold exactly those.
    struct OwnLotsOmitted {
        qint64 count = 0;
        Points remaining;
        QString digest;
    };
    struct ConfirmedMember {
        Member member;
        Points points;
        Points green;
        QList<ConfirmedLot> lots;
        std::optional<OwnLotsOmitted> ownLots; // unset: lots lists every lot with points left
    };
    struct StockDelivery {
        QString reward;
        qint64 quantity = 0;
    };
    struct PullPage {
        qint64 throughSeq = 0;
        QList<ConfirmedMember> members;
        QList<HqIncident> incidents;
        QList<StockDelivery> deliveries; // added to this terminal's stock, once (stockCursor)
        QString cursor;
        qint64 incidentCursor = 0;
        qint64 stockCursor = 0;
    };
    struct PullApplied {
        qint64 applied = 0;
        qint64 skipped = 0;
        qint64 conflicts = 0;
        qint64 incidents = 0;
        qint64 deliveries = 0;
        // Members whose own lots here did not match HQ's count: nothing of the page was applied,
        // and it must be pulled again with every lot listed.
        qint64 ownLotsMismatched = 0;
    };
    struct PullCursors {
        QString members;
        qint64 incidents = 0;
        qint64 stock = 0;
    };
    Result<PullApplied> applyPull(const PullPage& page);
    Result<PullCursors> pullCursors();
    Result<QList<HqIncident>> hqIncidents(qint64 limit = 100);

    Result<QList<JournalEntry>> journal(qint64 afterSeq = 0, qint64 limit = -1);
    Result<qint64> lastSeq();
    Result<VerifyReport> verify();

    Result<RuleSet> rules();
    Result<QList<QPair<Reward, qint64>>> catalogWithStock(); // stock -1: not stocked

    Status addOperator(const QString& name, const QString& role, const QString& pin);
    Result<QList<OperatorInfo>> listOperators();
    // The manager whose PIN this is. Five wrong PINs in a row lock manager approval on this
    // terminal for five minutes.
    Result<QString> approveAsManager(const QString& pin);

signals:
    void committed(qint64 lastSeq);

public:
    class Impl; // opaque; named publicly so core's own helper functions can take it

private:
    std::unique_ptr<Impl> d;
};

} // namespace jifen
