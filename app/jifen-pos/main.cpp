// jifen-pos: the cashier's window on a terminal's ledger. Wiring only: the screens live in ui/,
// the rules in core/, the network in sync/.

#include "clock.h"
#include "hq_network.h"
#include "ledger.h"
#include "pos_main_window.h"
#include "store.h"
#include "sync_client.h"
#include "sync_scheduler.h"
#include "sync_status_widget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>

using namespace jifen;

namespace {

int fail(const QString& message, int code)
{
    std::fprintf(stderr, "jifen-pos: %s\n", message.toLocal8Bit().constData());
    return code;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace

int main(int argc, char* argv[])
{
    if (!hasDisplay())
        return fail(QStringLiteral("no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Run it on the "
                                   "terminal's screen, or QT_QPA_PLATFORM=offscreen for a check; the headless "
                                   "demo is `bash scripts/demo.sh` with the `jifen` CLI."),
                    2);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("jifen"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Jifen cashier app: checkout, members, receipts."));
    parser.addHelpOption();
    const QCommandLineOption dataDir({QStringLiteral("data-dir"), QStringLiteral("data")},
                                     QStringLiteral("The terminal's data directory (as for `jifen --data-dir`)."),
                                     QStringLiteral("dir"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("zh_CN (default) or en."),
                                  QStringLiteral("language"), QStringLiteral("zh_CN"));
    const QCommandLineOption cashier(QStringLiteral("cashier"), QStringLiteral("The cashier (a registered operator)."),
                                     QStringLiteral("name"));
    const QCommandLineOption printer(QStringLiteral("printer"),
                                     QStringLiteral("Receipt printer: a device file or tcp://host:9100."),
                                     QStringLiteral("target"));
    const QCommandLineOption paper(QStringLiteral("paper"), QStringLiteral("Receipt paper: 58 or 80 (mm)."),
                                   QStringLiteral("mm"), QStringLiteral("80"));
    const QCommandLineOption storeName(QStringLiteral("store-name"), QStringLiteral("The name printed on receipts."),
                                       QStringLiteral("name"));
    const QCommandLineOption nightly(QStringLiteral("nightly-sync-hour"),
                                     QStringLiteral("The hour (0-23, China time) of the nightly sync round."),
                                     QStringLiteral("hour"), QStringLiteral("2"));
    const QCommandLineOption receiptPdfDir(
        QStringLiteral("receipt-pdf-dir"),
        QStringLiteral("Where Shift+F8 saves the last receipt as a PDF (default: DATA_DIR/receipts)."),
        QStringLiteral("dir"));
    parser.addOptions({dataDir, lang, cashier, printer, paper, storeName, nightly, receiptPdfDir});
    parser.process(app);

    if (parser.value(paper) != QLatin1String("58") && parser.value(paper) != QLatin1String("80"))
        return fail(QStringLiteral("--paper is 58 or 80"), 2);

    bool hourOk = false;
    const int hour = parser.value(nightly).toInt(&hourOk);
    if (!hourOk || hour < 0 || hour > 23)
        return fail(QStringLiteral("--nightly-sync-hour is 0 to 23"), 2);

    QString dir = parser.value(dataDir);
    if (dir.isEmpty())
        dir = qEnvironmentVariable("JIFEN_DATA_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString dbPath = QDir(dir).filePath(QStringLiteral("jifen.db"));
    const QString settingsPath = QDir(dir).filePath(QStringLiteral("jifen-pos.ini"));
    QString language = parser.value(lang);
    if (!parser.isSet(lang)) {
        if (!qEnvironmentVariableIsEmpty("JIFEN_LANG"))
            language = qEnvironmentVariable("JIFEN_LANG");
        else
            language =
                QSettings(settingsPath, QSettings::IniFormat).value(QStringLiteral("language"), language).toString();
    }
    if (!installPosTranslation(language))
        return fail(QStringLiteral("no translation for language \"%1\" (zh_CN or en)").arg(language), 2);
    if (!QFileInfo::exists(dbPath))
        return fail(QStringLiteral("no terminal data in %1; run `jifen --data-dir %1 init --store S --terminal T` "
                                   "first")
                        .arg(dir),
                    4);

    std::unique_ptr<Clock> clock;
    if (const QString fixed = qEnvironmentVariable("JIFEN_CLOCK"); !fixed.isEmpty()) {
        auto instant = parseInstant(fixed);
        if (!instant)
            return fail(QStringLiteral("JIFEN_CLOCK: %1").arg(instant.error().message), 2);
        clock = std::make_unique<FixedClock>(instant.value());
    } else {
        clock = std::make_unique<SystemClock>();
    }
    auto store = Store::open(dbPath);
    if (!store)
        return fail(store.error().message, static_cast<int>(store.error().code));
    Ledger ledger(*store.value(), *clock);
    auto identity = ledger.identity();
    if (!identity)
        return fail(identity.error().message, static_cast<int>(identity.error().code));

    PosMainWindow::Options options;
    options.cashier = parser.value(cashier);
    options.storeName = parser.value(storeName); // empty: named after the store's code
    options.printer = parser.value(printer);
    options.paper = parser.value(paper) == QLatin1String("58") ? PaperWidth::Mm58 : PaperWidth::Mm80;
    // What the manager saved on the settings tab, unless the command line says otherwise.
    options.settingsPath = settingsPath;
    options.databasePath = dbPath; // the report thread opens its own connection to it
    options.receiptPdfDir =
        parser.isSet(receiptPdfDir) ? parser.value(receiptPdfDir) : QDir(dir).filePath(QStringLiteral("receipts"));
    const QSettings saved(settingsPath, QSettings::IniFormat);
    if (!parser.isSet(printer))
        options.printer = saved.value(QStringLiteral("printer")).toString();
    options.nightlyHour = parser.isSet(nightly) ? hour : saved.value(QStringLiteral("nightly_sync_hour"), 2).toInt();
    options.language = language;
    // Sync and online redemption share one network manager, trusting HQ's CA when one was enrolled.
    sync::HqNetworkAccessManager network;
    options.network = &network;
    PosMainWindow window(ledger, *clock, options);

    // Sync runs on the network's own events; the window never waits on it. The scheduler decides
    // when: soon after a change while HQ answers, with backoff while it does not, and nightly.
    if (auto st = network.trustEnrolledCa(ledger); !st)
        return fail(st.error().message, static_cast<int>(st.error().code));
    sync::SyncClient client(ledger, network, *clock);
    // The client reads and encodes each batch, and applies each pull page, on this (the window's)
    // thread between network events; small batches and pages keep each under a frame (about 25 µs
    // an entry), where the CLI's 5,000-entry batches would hold the window for a tenth of a second
    // (bench_pos times a pull page).
    client.setBatchLimits(sync::SyncClient::kWindowBatchEntries, sync::SyncClient::kWindowBatchBytes);
    client.setPullPageSize(sync::SyncClient::kWindowPullMembers);
    sync::SyncScheduler::Settings schedule;
    schedule.nightlyHour = options.nightlyHour;
    sync::SyncScheduler scheduler(client, ledger, *clock, schedule);
    window.attachSync(client, scheduler);
    scheduler.start();

    window.show();
    return app.exec();
}
