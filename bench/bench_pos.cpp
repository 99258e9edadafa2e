// jifen-pos benchmarks (not tests), offscreen: with a million members and a busy day's journal,
// (1) from the delivery of the scanner's Enter in the member field to the event loop having painted
// the member panel, and (2) from "complete sale" (F12) to the committed sale's confirmation and its
// on-screen receipt painted, with the receipt's ESC/POS bytes made. Each is compared with baselines measured in the
// same run (a bare indexed read, a bare durable transaction, and the core without the window). Prints a Markdown
// section; bench/run.sh appends it to docs/benchmarks.md.

#include "checkout_screen.h"
#include "escpos.h"
#include "identity.h"
#include "ledger.h"
#include "member_panel.h"
#include "pos_main_window.h"
#include "receipt.h"
#include "receipt_printer.h"
#include "store.h"
#include "sync_client.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <functional>
#include <vector>

using namespace jifen;

namespace {

struct Stats {
    qint64 p50 = 0, p99 = 0, max = 0, mean = 0; // nanoseconds
};

Stats stats(std::vector<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    Stats s;
    s.p50 = ns[ns.size() / 2];
    s.p99 = ns[std::min(ns.size() - 1, ns.size() * 99 / 100)];
    s.max = ns.back();
    qint64 sum = 0;
    for (qint64 v : ns)
        sum += v;
    s.mean = sum / static_cast<qint64>(ns.size());
    return s;
}

QString ms(qint64 ns)
{
    return QString::number(ns / 1e6, 'f', 2);
}

[[noreturn]] void die(const QString& what)
{
    QTextStream(stderr) << "bench_pos: " << what << '\n';
    std::exit(1);
}

template <typename T> T must(Result<T> r, const char* what)
{
    if (!r)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), r.error().message));
    return std::move(r).value();
}

QString phoneOf(qint64 i)
{
    return QString::number(13000000000LL + i * 7919 % 6999999999LL);
}

void bulkMembers(Store& store, int members)
{
    // Through SQL: enrolment speed is not what is measured here.
    UnitOfWork uow(store);
    if (!uow.begin())
        die(QStringLiteral("bulk begin"));
    auto m = must(store.prepare(QStringLiteral("INSERT INTO members (id, uid, phone, name, kind, created_at)"
                                               " VALUES (?, ?, ?, ?, 'person', '2026-01-01T00:00:00.000Z')")),
                  "prepare members");
    auto b =
        must(store.prepare(QStringLiteral("INSERT INTO balances (member_id, points, green_points) VALUES (?, 0, 0)")),
             "prepare balances");
    for (int i = 1; i <= members; ++i) {
        m.bindValue(0, i);
        m.bindValue(1, QStringLiteral("pos-bench-%1").arg(i));
        m.bindValue(2, phoneOf(i));
        m.bindValue(3, QStringLiteral("会员%1").arg(i));
        b.bindValue(0, i);
        if (!store.exec(m) || !store.exec(b))
            die(QStringLiteral("bulk insert"));
    }
    if (!uow.commit())
        die(QStringLiteral("bulk commit"));
}

// Through QTest rather than a bare sendEvent: F12 and the other keys of the till are QShortcuts,
// which only a key that passes the shortcut map (as the keyboard's does) can trigger.
void key(QWidget* target, Qt::Key k)
{
    QTest::keyClick(target, k);
}

void type(QWidget* target, const QString& text)
{
    QTest::keyClicks(target, text);
}

// Processes what is pending (layout, paint) so a timing starts from a quiet window.
void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

// Notes when a widget has been painted while a condition on what it shows holds: the paint event
// is the proof the change reached the screen, not only the widget's state.
class PaintWatch : public QObject {
public:
    explicit PaintWatch(QWidget* widget)
        : m_widget(widget)
    {
        widget->installEventFilter(this);
    }
    void expect(std::function<bool()> shows)
    {
        m_shows = std::move(shows);
        m_seen = false;
    }
    bool seen() const { return m_seen; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_widget && event->type() == QEvent::Paint && m_shows && m_shows())
            m_seen = true;
        return false;
    }

private:
    QWidget* m_widget;
    std::function<bool()> m_shows;
    bool m_seen = false;
};

template <typename T> T* childOf(QWidget* parent, const char* name)
{
    auto* child = parent->findChild<T*>(QLatin1String(name));
    if (!child)
        die(QStringLiteral("%1 not found").arg(QLatin1String(name)));
    return child;
}

// The floors: one member row read by its phone, one row committed durably.
class BareFloor {
public:
    explicit BareFloor(Store& store)
        : m_store(store)
    {
        if (!store.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, v INTEGER)")))
            die(QStringLiteral("create the baseline table"));
    }
    void read(const QString& phone)
    {
        auto q = must(m_store.prepare(QStringLiteral("SELECT id, name FROM members WHERE phone = ?")), "bare read");
        q.bindValue(0, phone);
        if (!m_store.exec(q) || !q.query().next())
            die(QStringLiteral("bare read found nothing"));
        q.query().finish();
    }
    void commit(int v)
    {
        UnitOfWork uow(m_store);
        auto q = must(m_store.prepare(QStringLiteral("INSERT INTO bench_bare (v) VALUES (?)")), "bare insert");
        q.bindValue(0, v);
        if (!uow.begin() || !m_store.exec(q) || !uow.commit())
            die(QStringLiteral("bare commit"));
    }

private:
    Store& m_store;
};

} // namespace

int run(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto intArg = [&](const QString& name, int fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const int members = intArg(QStringLiteral("--members"), 1000000);
    const int daySales = intArg(QStringLiteral("--day-sales"), 5000);
    const int rounds = intArg(QStringLiteral("--rounds"), 300);
    const qsizetype di = args.indexOf(QStringLiteral("--dir"));
    QTemporaryDir dir(di >= 0 && di + 1 < args.size()
                          ? args.at(di + 1) + QStringLiteral("/jifen-bench-pos-XXXXXX")
                          : QDir::currentPath() + QStringLiteral("/jifen-bench-pos-XXXXXX"));
    if (!dir.isValid())
        die(QStringLiteral("cannot create a scratch directory"));

    SystemClock clock;
    auto store = must(Store::open(dir.filePath(QStringLiteral("jifen.db"))), "open");
    Ledger ledger(*store, clock);
    must(ledger.initialize(QStringLiteral("S1"), QStringLiteral("T1"), QStringLiteral("fruit")), "init");
    QElapsedTimer load;
    load.start();
    bulkMembers(*store, members);
    const qint64 loadMs = load.elapsed();
    // A busy day: sales through the ledger (earn entries, lots, balances, sale rows, journal).
    load.restart();
    QRandomGenerator rng(20261123);
    for (int i = 0; i < daySales; ++i) {
        SaleRequest r;
        r.ref = QStringLiteral("DAY-%1").arg(i);
        r.phone = phoneOf(1 + rng.bounded(members));
        r.amount = QStringLiteral("%1.%2").arg(5 + i % 200).arg(i % 100, 2, 10, QLatin1Char('0'));
        must(ledger.sale(r), "day sale");
    }
    const qint64 dayMs = load.elapsed();

    // Baselines, measured in this run on the same database: the bare indexed read of one member
    // row (SQLite's floor for the lookup) and a bare durable one-row transaction (the fsync floor
    // of a commit); and the core alone, Ledger::memberByPhone and Ledger::sale plus the receipt's
    // ESC/POS bytes, without the window.
    BareFloor floor(*store);
    std::vector<qint64> bareReadNs, bareCommitNs, coreMemberNs, coreSaleNs;
    for (int round = 0; round < rounds; ++round) {
        const QString phone = phoneOf(1 + rng.bounded(members));
        QElapsedTimer t;
        t.start();
        floor.read(phone);
        bareReadNs.push_back(t.nsecsElapsed());
        t.restart();
        floor.commit(round);
        bareCommitNs.push_back(t.nsecsElapsed());
        t.restart();
        auto summary = must(ledger.memberByPhone(phone), "core member");
        coreMemberNs.push_back(t.nsecsElapsed());
        SaleRequest r;
        r.ref = QStringLiteral("CORE-%1").arg(round);
        r.phone = phone;
        r.items = {QStringLiteral("6901000000011:1"), QStringLiteral("6901000000028:2")};
        r.tender = QStringLiteral("cash");
        t.restart();
        auto sale = must(ledger.sale(r), "core sale");
        auto after = must(ledger.memberByPhone(phone), "core member after");
        const ReceiptData receipt = receiptForSale(sale, after, QStringLiteral("bench"), QStringLiteral("T1"),
                                                   QString(), r.tender, QString(), clock.nowUtc());
        const QByteArray bytes = must(encodeReceipt(receipt, PaperWidth::Mm80), "core receipt");
        coreSaleNs.push_back(t.nsecsElapsed());
        if (bytes.isEmpty() || summary.member.phone != phone)
            die(QStringLiteral("core baseline produced nothing"));
    }

    // The window, with a receipt printer configured so the ESC/POS bytes are made in the timed
    // path (the bytes then go to /dev/null on the printer's worker thread).
    PosMainWindow::Options options;
    options.printer = QStringLiteral("/dev/null");
    options.storeName = QStringLiteral("bench");
    PosMainWindow window(ledger, clock, options);
    window.resize(1280, 800);
    window.show();
    window.activateWindow();
    // The till's keys are window shortcuts: they only fire in the active window.
    if (!QTest::qWaitForWindowActive(&window))
        die(QStringLiteral("the window never became active"));
    // Looked up under the checkout screen, not the window: the redeem screen has a member panel of
    // its own with the same object names, and QStackedWidget raises the current page to the end of
    // the children, so a window-wide findChild returns the hidden redeem screen's label.
    QWidget* checkout = window.checkout();
    auto* memberEdit = childOf<QLineEdit>(checkout, "memberLineEdit");
    auto* itemEdit = childOf<QLineEdit>(checkout, "itemLineEdit");
    auto* phoneLabel = childOf<QLabel>(window.checkout()->memberPanel(), "memberPhoneLabel");
    auto* messageLabel = childOf<QLabel>(checkout, "messageLabel");
    auto* receiptView = childOf<QPlainTextEdit>(checkout, "receiptView");
    for (QWidget* w : {static_cast<QWidget*>(memberEdit), static_cast<QWidget*>(phoneLabel),
                       static_cast<QWidget*>(messageLabel), static_cast<QWidget*>(receiptView)}) {
        if (!w->isVisible())
            die(QStringLiteral("%1 is not visible: nothing to time").arg(w->objectName()));
    }
    int printed = 0;
    QObject::connect(window.printer(), &ReceiptPrinter::finished, &app, [&printed](bool ok, const QString& error) {
        if (!ok)
            die(QStringLiteral("printing failed: %1").arg(error));
        ++printed;
    });
    PaintWatch phonePainted(phoneLabel);
    PaintWatch messagePainted(messageLabel);
    PaintWatch receiptPainted(receiptView->viewport());

    std::vector<qint64> memberNs;
    std::vector<qint64> saleNs;
    for (int round = 0; round < rounds; ++round) {
        const QString phone = phoneOf(1 + rng.bounded(members));
        memberEdit->setFocus();
        memberEdit->clear();
        type(memberEdit, phone); // the scanner's keystrokes, not timed
        settle();
        // From the Enter key event's delivery to the frame that shows the member's masked phone
        // painted: the posted layout and update requests are processed as a frame would. The clock
        // is read after the processEvents call that delivered the paint has returned, so the rest
        // of the frame (the other dirty widgets, the flush to the backing store) is inside it.
        const QString masked = maskPhone(phone);
        phonePainted.expect([phoneLabel, masked] { return phoneLabel->text() == masked; });
        QElapsedTimer t;
        t.start();
        key(memberEdit, Qt::Key_Return);
        while (!phonePainted.seen()) {
            QCoreApplication::processEvents();
            if (t.elapsed() > 10000)
                die(QStringLiteral("the member panel was never painted (shows \"%1\", expected \"%2\", visible %3, "
                                   "message \"%4\")")
                        .arg(phoneLabel->text(), maskPhone(phone))
                        .arg(phoneLabel->isVisible())
                        .arg(messageLabel->text()));
        }
        memberNs.push_back(t.nsecsElapsed());
        if (!window.checkout()->memberPanel()->member())
            die(QStringLiteral("the member panel shows no member"));

        itemEdit->setFocus();
        type(itemEdit, QStringLiteral("6901000000011"));
        key(itemEdit, Qt::Key_Return);
        type(itemEdit, QStringLiteral("2*6901000000028"));
        key(itemEdit, Qt::Key_Return);
        settle();
        const auto last = ledger.lastSeq().value();
        const int jobs = printed;
        // From F12's delivery to the frame showing both "Sale <ref> recorded" and the on-screen
        // receipt of that sale painted; the receipt's ESC/POS bytes are made before that (the
        // printer is handed them at the commit). The ref is the one this sale was given, so a
        // paint of the previous sale's text does not count.
        const QString previousRef =
            window.checkout()->lastReceipt() ? window.checkout()->lastReceipt()->ref : QString();
        auto thisSaleRef = [&window, previousRef]() -> QString {
            const auto& r = window.checkout()->lastReceipt();
            return r && r->ref != previousRef ? r->ref : QString();
        };
        messagePainted.expect([messageLabel, thisSaleRef] {
            const QString ref = thisSaleRef();
            return !ref.isEmpty() && messageLabel->text().contains(ref);
        });
        receiptPainted.expect([receiptView, thisSaleRef] {
            const QString ref = thisSaleRef();
            return !ref.isEmpty() && receiptView->toPlainText().contains(ref);
        });
        t.restart();
        key(itemEdit, Qt::Key_F12);
        while (!messagePainted.seen() || !receiptPainted.seen()) {
            QCoreApplication::processEvents();
            if (t.elapsed() > 10000)
                die(QStringLiteral("the sale's confirmation and receipt were never painted (message \"%1\", "
                                   "message painted %2, receipt painted %3)")
                        .arg(messageLabel->text())
                        .arg(messagePainted.seen())
                        .arg(receiptPainted.seen()));
        }
        saleNs.push_back(t.nsecsElapsed());
        const auto& receipt = window.checkout()->lastReceipt();
        if (ledger.lastSeq().value() == last || !receipt || !messageLabel->text().contains(receipt->ref))
            die(QStringLiteral("the sale was not committed"));
        while (printed == jobs) // the bytes reached the printer (outside the timing)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }

    // A pull page as HQ sends one after a push: members with their confirmed balances and lots.
    // The client applies each page on the window's thread (one transaction), so a page must fit
    // between two frames; jifen-pos asks for SyncClient::kWindowPullMembers members a
    // page, the CLI 500.
    struct PageTiming {
        int members;
        int lots;
        Stats stats;
    };
    QList<PageTiming> pageTimings;
    qint64 hqSeq = 0;
    for (const auto& [pageMembers, lotsEach] :
         {std::pair{sync::SyncClient::kWindowPullMembers, 10}, std::pair{sync::SyncClient::kPullPageSize, 10}}) {
        std::vector<qint64> pageNs;
        for (int page = 0; page < 10; ++page) {
            Ledger::PullPage p;
            p.throughSeq = must(ledger.lastSeq(), "last seq");
            for (int i = 0; i < pageMembers; ++i) {
                const qint64 id = 1 + rng.bounded(members);
                Ledger::ConfirmedMember c;
                c.member.uid = QStringLiteral("pos-bench-%1").arg(id);
                c.member.phone = phoneOf(id);
                c.member.name = QStringLiteral("会员%1").arg(id);
                c.member.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
                for (int l = 0; l < lotsEach; ++l) {
                    const qint64 points = 10 + l;
                    c.lots.append(Ledger::ConfirmedLot{LotRef{QStringLiteral("T9"), ++hqSeq}, false, Points(points),
                                                       Points(points), QDate(2026, 11, 1), QDate(2028, 12, 31)});
                    c.points += Points(points);
                }
                p.members.append(c);
            }
            p.cursor = QStringLiteral("%1/pos-bench").arg(hqSeq);
            QElapsedTimer t;
            t.start();
            must(ledger.applyPull(p), "apply pull page");
            pageNs.push_back(t.nsecsElapsed());
        }
        pageTimings.append(PageTiming{pageMembers, lotsEach, stats(pageNs)});
    }

    const Stats m = stats(memberNs);
    const Stats s = stats(saleNs);
    const Stats br = stats(bareReadNs);
    const Stats bc = stats(bareCommitNs);
    const Stats cm = stats(coreMemberNs);
    const Stats cs = stats(coreSaleNs);
    auto row = [](const QString& name, const Stats& x, const QString& target) {
        return QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
            .arg(name, ms(x.p50), ms(x.p99), ms(x.max), ms(x.mean), target);
    };
    QTextStream out(stdout);
    out << "## jifen-pos: member shown, sale committed (offscreen)\n\n"
        << members << " members (bulk-loaded in " << loadMs << " ms) and a day of " << daySales
        << " sales in the journal (recorded in " << dayMs << " ms); " << rounds
        << " rounds on the real window (1280×800, offscreen platform), load average " << loadAverage()
        << ". Member: from the delivery of the scanner's Enter in the member field\n"
        << "until the event loop has painted the member panel with the member's masked phone. Sale: from\n"
        << "F12 with a two-line cart until the sale is committed (one durable transaction), the receipt's\n"
        << "ESC/POS bytes are made and handed to the printer, and both the confirmation naming the sale\n"
        << "and the on-screen receipt of that sale have been painted.\n"
        << "Sending the bytes to the printer runs on a worker thread and is not included.\n"
        << "Baselines from the same run: a bare indexed read of the member row, a bare durable one-row\n"
        << "transaction, and the core alone (Ledger::memberByPhone; Ledger::sale, the member re-read and\n"
        << "the ESC/POS bytes) without the window.\n\n"
        << "| step | p50 ms | p99 ms | max ms | mean ms | target ms |\n|---|---:|---:|---:|---:|---:|\n"
        << row(QStringLiteral("scanner Enter → member panel painted"), m, QStringLiteral("16"))
        << row(QStringLiteral("core: member lookup (baseline)"), cm, QStringLiteral(""))
        << row(QStringLiteral("bare indexed read (baseline)"), br, QStringLiteral(""))
        << row(QStringLiteral("complete sale → committed, receipt bytes, confirmation and receipt painted"), s,
               QStringLiteral("33"))
        << row(QStringLiteral("core: sale + receipt bytes (baseline)"), cs, QStringLiteral(""))
        << row(QStringLiteral("bare durable transaction (baseline)"), bc, QStringLiteral("")) << "\n"
        << "Window over core (mean): member " << QString::number(double(m.mean) / double(cm.mean), 'f', 2) << "×, sale "
        << QString::number(double(s.mean) / double(cs.mean), 'f', 2) << "×. Targets at p99: member **"
        << (m.p99 < 16'000'000 ? "met" : "missed") << "**, sale **" << (s.p99 < 33'000'000 ? "met" : "missed")
        << "**.\n\n";
    out << "### A pull page applied on the window's thread\n\n"
        << "`Ledger::applyPull` of a page of members (random among the " << members
        << ", each with its confirmed balance and 10 lots), one transaction, 10 pages per size. jifen-pos\n"
        << "asks HQ for " << sync::SyncClient::kWindowPullMembers << " members a page (the CLI for "
        << sync::SyncClient::kPullPageSize << "), so a page it applies "
        << "has to fit between frames.\n\n"
        << "| members a page | lots a page | p50 ms | p99 ms | max ms | mean ms |\n|---:|---:|---:|---:|---:|---:|\n";
    for (const PageTiming& pt : pageTimings)
        out << "| " << pt.members << " | " << pt.members * pt.lots << " | " << ms(pt.stats.p50) << " | "
            << ms(pt.stats.p99) << " | " << ms(pt.stats.max) << " | " << ms(pt.stats.mean) << " |\n";
    out << "\n";
    return 0;
}

// A benchmark that throws (std::bad_alloc with a million members) says so instead of aborting.
int main(int argc, char** argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_pos: %s\n", e.what());
        return 1;
    }
}
