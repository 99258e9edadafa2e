// HQ's side of the wire: a push body and a pull body, as JSON, against HqService on a fresh
// in-memory SQLite HqDatabase with one enrolled terminal T1. The first byte picks a mode: bit 0
// re-chains the entries (seq 1.., prev_hash, hash) so they get past the chain check and into the
// books; bit 1 makes them T1's own. Invariants: a push HQ accepts can be repeated with the same
// answer (exactly once), and afterwards HQ's books verify (balances equal their journal).
#include "clock.h"
#include "fuzz_targets.h"
#include "hq_database.h"
#include "hq_service.h"
#include "journal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace jifen::fuzz {

namespace {

QJsonObject rechained(QJsonObject request, bool ownTerminal)
{
    QJsonArray out;
    QString prev = genesisHash();
    qint64 seq = 0;
    for (const QJsonValue& v : request.value(QStringLiteral("entries")).toArray()) {
        auto e = JournalEntry::fromJson(v.toObject());
        if (!e) {
            out.append(v);
            continue;
        }
        JournalEntry entry = e.value();
        if (ownTerminal)
            entry.terminalId = QStringLiteral("T1");
        entry.seq = ++seq;
        entry.prevHash = prev;
        entry.hash = entry.computeHash();
        prev = entry.hash;
        out.append(entry.toJson());
    }
    request.insert(QStringLiteral("entries"), out);
    return request;
}

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

int hqSync(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    ensureApplication();
    const std::uint8_t mode = data[0];
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1)));
    if (!doc.isObject())
        return 0;
    QJsonObject request = doc.object();
    if (mode & 1)
        request = rechained(request, mode & 2);

    auto db = sync::HqDatabase::open(QStringLiteral(":memory:"));
    check(db.ok(), "an in-memory HQ database does not open", db ? QString() : db.error().message);
    FixedClock clock(QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC));
    sync::HqService hq(*db.value(), clock);
    auto code = hq.addTerminal(QStringLiteral("S1"), QStringLiteral("T1"));
    check(code.ok(), "addTerminal fails");
    auto enrolled =
        hq.enroll({{QStringLiteral("code"), code.value()}, {QStringLiteral("terminal_id"), QStringLiteral("T1")}});
    check(enrolled.ok(), "enroll fails");

    auto first = hq.push(QStringLiteral("T1"), request);
    if (first) {
        auto again = hq.push(QStringLiteral("T1"), request);
        check(again.ok(), "an accepted push is refused when repeated",
              again ? QString() : again.error().message + QLatin1Char(' ') + compact(request));
        check(again.value().value(QStringLiteral("acked_seq")) == first.value().value(QStringLiteral("acked_seq")),
              "a repeated push moves acked_seq", compact(first.value()) + QLatin1Char(' ') + compact(again.value()));
    }
    auto books = hq.verify();
    check(books.ok(), "verify fails", books ? QString() : books.error().message);
    check(books.value().value(QStringLiteral("ok")).toBool(), "HQ's books do not verify after a push",
          compact(books.value()) + QLatin1Char(' ') + compact(request));

    auto status = hq.terminalStatus(QStringLiteral("T1"));
    check(status.ok(), "terminal status fails");
    (void)hq.pull(QStringLiteral("T1"), request);
    auto all = hq.pull(QStringLiteral("T1"), QJsonObject{});
    check(all.ok(), "a pull from the start fails", all ? QString() : all.error().message);
    return 0;
}

} // namespace jifen::fuzz

JIFEN_FUZZ_ENTRY(hqSync)
