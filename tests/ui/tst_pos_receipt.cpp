// Receipts: a known sale on a fixed clock encodes to exactly the committed golden ESC/POS bytes
// (58 mm and 80 mm, Chinese in GB18030, QR raster); the printer takes them as a device file and
// over raw TCP; the same receipt as a PDF (Shift+F8 at the checkout), read back with pdftotext.

#include "escpos.h"
#include "pos_fixture.h"
#include "receipt_pdf.h"
#include "receipt_printer.h"
#include "redeem_screen.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>

using namespace jifen;
using namespace jifen::test;

class TstPosReceipt : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void gb18030_data();
    void gb18030();
    void golden_data();
    void golden();
    void printToDeviceFile();
    void printOverTcp();
    void printerUnreachable();
    void printProgressAndQueue();
    void deviceNotWritable();
    void pdf_data();
    void pdf();
    void pdfByShiftF8();
    void redemptionPrinted_data();
    void redemptionPrinted();

private:
    static Result<ReceiptData> knownSale(Fixture& f);
};

void TstPosReceipt::initTestCase()
{
    QVERIFY(installPosTranslation(u"zh_CN"_s)); // receipts print in Chinese
}

void TstPosReceipt::gb18030_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("columns");
    QTest::newRow("ascii") << u"Total 12.50"_s << QByteArray("Total 12.50") << 11;
    QTest::newRow("积分") << u"积分"_s << QByteArray::fromHex("bbfdb7d6") << 4;
    QTest::newRow("full-width yuan sign and bracket") << u"￥（"_s << QByteArray::fromHex("a3a4a3a8") << 4;
    QTest::newRow("half-width yen is four bytes") << u"¥"_s << QByteArray::fromHex("81308436") << 1;
    QTest::newRow("euro") << u"€"_s << QByteArray::fromHex("a2e3") << 1;
}

void TstPosReceipt::gb18030()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    QFETCH(int, columns);
    auto encoded = toGb18030(text);
    QVERIFY(encoded);
    QCOMPARE(encoded.value().toHex(), bytes.toHex());
    QCOMPARE(printColumns(text), columns);
}

Result<ReceiptData> TstPosReceipt::knownSale(Fixture& f)
{
    if (!f.ledger->addMember(NewMember{kPhone, QString(), u"张三"_s}))
        return Error::storage(u"member"_s);
    if (!f.sale(u"SEED-1"_s, u"1000"_s))
        return Error::storage(u"seed"_s);
    SaleRequest r;
    r.ref = u"T1-20261127-000003"_s;
    r.phone = kPhone;
    r.items = {u"6901000000011:3"_s, u"6901000000028:1"_s, u"6901000000035:1"_s};
    r.offsetPoints = 1000;
    r.tender = u"wechat"_s;
    auto sale = f.ledger->sale(r);
    if (!sale)
        return sale.error();
    auto after = f.ledger->memberByPhone(kPhone);
    if (!after)
        return after.error();
    return receiptForSale(sale.value(), after.value(), u"红米好物 · 城东店"_s, u"T1"_s, QString(), r.tender,
                          u"赶集日双倍积分"_s, f.clock.nowUtc());
}

void TstPosReceipt::golden_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("file");
    QTest::newRow("58 mm") << int(PaperWidth::Mm58) << u"receipt_58mm.bin"_s;
    QTest::newRow("80 mm") << int(PaperWidth::Mm80) << u"receipt_80mm.bin"_s;
}

void TstPosReceipt::golden()
{
    QFETCH(int, width);
    QFETCH(QString, file);
    Fixture f(QDate(2026, 11, 27), u"fruit"_s); // a market day: double points over 100 yuan
    QVERIFY2(f.ok(), qPrintable(f.error));
    auto receipt = knownSale(f);
    QVERIFY2(receipt, qPrintable(receipt ? QString() : receipt.error().message));
    QCOMPARE(receipt->paid.toYuanString(), u"148.00"_s);
    QCOMPARE(receipt->earned.value(), 295); // doubled: 140 + 71 green + 84
    QCOMPARE(receipt->greenEarned.value(), 71);

    auto bytes = encodeReceipt(receipt.value(), static_cast<PaperWidth>(width));
    QVERIFY(bytes);
    QVERIFY(bytes->startsWith(QByteArray("\x1b\x40\x1c\x26", 4))); // reset, Chinese mode
    QVERIFY(bytes->endsWith(QByteArray("\x1d\x56\x42\x00", 4)));   // cut
    QVERIFY(bytes->contains(toGb18030(u"本次积分"_s).value()));    // points earned, in GB18030
    QVERIFY(bytes->contains(toGb18030(u"138****8000"_s).value())); // the masked phone only
    QVERIFY(!bytes->contains(QByteArray("13800138000")));
    QVERIFY(bytes->contains(QByteArray("\x1d\x76\x30\x00", 4)));      // the QR raster image
    QVERIFY(bytes->contains(toGb18030(u"赶集日双倍积分"_s).value())); // the promotion

    const QString path = qEnvironmentVariable("JIFEN_SOURCE_DIR") + u"/tests/ui/golden/"_s + file;
    if (qEnvironmentVariableIsSet("JIFEN_UPDATE_GOLDEN")) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.value());
        QSKIP("golden file written");
    }
    QFile golden(path);
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray expected = golden.readAll();
    if (bytes.value() != expected) {
        qsizetype i = 0;
        while (i < expected.size() && i < bytes->size() && expected.at(i) == bytes->at(i))
            ++i;
        QFAIL(qPrintable(u"receipt differs from %1 at byte %2 (got %3 bytes, expected %4)"_s.arg(path)
                             .arg(i)
                             .arg(bytes->size())
                             .arg(expected.size())));
    }
}

namespace {

// The text of a PDF as pdftotext (poppler-utils) reads it; a null string when it is not installed.
QString pdfText(const QString& path)
{
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty())
        return QString();
    QProcess p;
    p.start(pdftotext, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return u"<pdftotext failed: %1>"_s.arg(QString::fromUtf8(p.readAllStandardError()));
    return QString::fromUtf8(p.readAllStandardOutput());
}

QByteArray fileStart(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(5) : QByteArray();
}

} // namespace

void TstPosReceipt::pdf_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("58 mm") << int(PaperWidth::Mm58);
    QTest::newRow("80 mm") << int(PaperWidth::Mm80);
}

void TstPosReceipt::pdf()
{
    QFETCH(int, width);
    Fixture f(QDate(2026, 11, 27), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    auto receipt = knownSale(f);
    QVERIFY2(receipt, qPrintable(receipt ? QString() : receipt.error().message));
    QVERIFY(!receiptQrImage(receipt->ref, 4).isNull());

    QTemporaryDir dir;
    const QString path = dir.filePath(u"receipt.pdf"_s);
    const QString error = writeReceiptPdf(receipt.value(), static_cast<PaperWidth>(width), path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(fileStart(path), QByteArray("%PDF-"));
    const QString text = pdfText(path);
    if (text.isNull())
        QSKIP("pdftotext (poppler-utils) is not installed");
    // The same content as the printed receipt, in Chinese: reference, points, promotion, phone.
    for (const QString& expected :
         {receipt->ref, u"红米好物"_s, u"本次积分"_s, u"295"_s, u"赶集日双倍积分"_s, u"138****8000"_s, u"148.00"_s}) {
        QVERIFY2(text.contains(expected), qPrintable(u"no \"%1\" in:\n%2"_s.arg(expected, text)));
    }
    QVERIFY(!text.contains(kPhone)); // only the masked phone
}

void TstPosReceipt::pdfByShiftF8()
{
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QTemporaryDir dir;
    PosMainWindow::Options options;
    options.storeName = u"鲜果铺"_s;
    options.receiptPdfDir = dir.filePath(u"receipts"_s); // made when the first PDF is saved
    PosMainWindow window(*f.ledger, f.clock, options);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy saved(&window, &PosMainWindow::receiptPdfSaved);

    QTestEventList nothingYet;
    nothingYet.addKeyClick(Qt::Key_F8, Qt::ShiftModifier);
    typeKeys(nothingYet, &window);
    QCOMPARE(saved.size(), 0); // no receipt yet: said on the status bar, nothing written

    QTestEventList amount; // an amount-only sale, then its receipt as a PDF
    amount.addKeyClick(Qt::Key_F5);
    amount.addKeyClicks(u"12.50"_s);
    amount.addKeyClick(Qt::Key_Return);
    amount.addKeyClick(Qt::Key_F12);
    amount.addKeyClick(Qt::Key_F8, Qt::ShiftModifier);
    typeKeys(amount, &window);
    QVERIFY(window.checkout()->lastReceipt());
    QTRY_COMPARE(saved.size(), 1); // written off the UI thread
    const QString path = saved.first().at(0).toString();
    QVERIFY2(saved.first().at(1).toString().isEmpty(), qPrintable(saved.first().at(1).toString()));
    QCOMPARE(path, QDir(options.receiptPdfDir).filePath(window.checkout()->lastReceipt()->ref + u".pdf"_s));
    QCOMPARE(fileStart(path), QByteArray("%PDF-"));
    QVERIFY(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(path)));
    const QString text = pdfText(path);
    if (!text.isNull()) {
        QVERIFY2(text.contains(u"鲜果铺"_s), qPrintable(text));
        QVERIFY2(text.contains(window.checkout()->lastReceipt()->ref), qPrintable(text));
    }
}

void TstPosReceipt::redemptionPrinted_data()
{
    QTest::addColumn<QString>("reward"); // typed into the catalog search
    QTest::addColumn<qint64>("spent");
    QTest::addColumn<bool>("voucher");
    QTest::newRow("partner reward: its voucher code") << u"CINEMA-TICKET"_s << qint64(1500) << true;
    QTest::newRow("goods: no code") << u"FRUIT-BOX"_s << qint64(500) << false;
}

void TstPosReceipt::redemptionPrinted()
{
    QFETCH(QString, reward);
    QFETCH(qint64, spent);
    QFETCH(bool, voucher);
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(addMemberWithPoints(f, 2000));
    QTemporaryDir dir;
    const QString device = dir.filePath(u"lp0"_s);
    PosMainWindow::Options options;
    options.storeName = u"鲜果铺"_s;
    options.printer = device;
    PosMainWindow window(*f.ledger, f.clock, options);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy printed(window.printer(), &ReceiptPrinter::finished);

    QTestEventList redeem;
    redeem.addKeyClick(Qt::Key_F11);
    redeem.addKeyClicks(kPhone);
    redeem.addKeyClick(Qt::Key_Return);
    redeem.addKeyClicks(reward);
    redeem.addKeyClick(Qt::Key_Return);
    typeKeys(redeem, &window);
    QTRY_VERIFY(window.redeem()->lastResult()); // standalone: the ledger answers at once
    const RedeemResult result = window.redeem()->lastResult().value();
    QCOMPARE(result.pointsSpent.value(), spent);
    QCOMPARE(!result.voucherCode.isEmpty(), voucher);
    QTRY_COMPARE(printed.size(), 1);
    QVERIFY2(printed.first().at(0).toBool(), qPrintable(printed.first().at(1).toString()));

    QFile file(device);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith(QByteArray("\x1b\x40\x1c\x26", 4)));
    QVERIFY(bytes.contains(toGb18030(u"兑换小票"_s).value()));
    QVERIFY(bytes.contains(toGb18030(u"鲜果铺"_s).value()));
    QVERIFY(bytes.contains(result.ref.toLatin1()));
    QVERIFY(bytes.contains(toGb18030(u"138****8000"_s).value()));
    QVERIFY(!bytes.contains(kPhone.toLatin1()));
    QCOMPARE(bytes.contains(toGb18030(u"券码"_s).value()), voucher);
    if (voucher)
        QVERIFY(bytes.contains(result.voucherCode.toLatin1()));
    QCOMPARE(window.lastReceipt()->ref, result.ref); // F8 reprints the redemption
    QCOMPARE(window.lastReceipt()->voucherCode, result.voucherCode);
}

void TstPosReceipt::printToDeviceFile()
{
    QTemporaryDir dir;
    const QString device = dir.filePath(u"lp0"_s);
    ReceiptPrinter printer(device);
    QSignalSpy done(&printer, &ReceiptPrinter::finished);
    const QByteArray bytes("\x1b\x40hello\n\x1d\x56\x42\x00", 12);
    printer.print(bytes);
    QTRY_COMPARE(done.size(), 1); // written by a worker thread
    QCOMPARE(done.first().at(0).toBool(), true);
    QFile f(device);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), bytes);
}

void TstPosReceipt::printProgressAndQueue()
{
    QTemporaryDir dir;
    const QString device = dir.filePath(u"lp0"_s);
    ReceiptPrinter printer(device);
    QSignalSpy done(&printer, &ReceiptPrinter::finished);
    QSignalSpy progress(&printer, &ReceiptPrinter::progress);
    const QByteArray first(20000, 'a'); // a receipt with a large raster, written in chunks
    const QByteArray second(700, 'b');
    printer.print(first);
    QVERIFY(printer.busy());
    printer.print(second); // waits for the first
    QTRY_COMPARE(done.size(), 2);
    QVERIFY(done.at(0).at(0).toBool() && done.at(1).at(0).toBool());
    QVERIFY2(progress.size() > 3, qPrintable(QString::number(progress.size())));
    QCOMPARE(progress.first().at(0).toLongLong(), 0);
    QCOMPARE(progress.first().at(1).toLongLong(), 20000);
    QCOMPARE(progress.last().at(0).toLongLong(), 700);
    QCOMPARE(progress.last().at(1).toLongLong(), 700);
    QFile f(device);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), first + second); // in order, nothing interleaved
}

void TstPosReceipt::deviceNotWritable()
{
    QTemporaryDir dir;
    ReceiptPrinter printer(dir.filePath(u"no/such/dir/lp0"_s));
    QSignalSpy done(&printer, &ReceiptPrinter::finished);
    printer.print(QByteArray("\x1b\x40", 2));
    QTRY_COMPARE(done.size(), 1);
    QCOMPARE(done.first().at(0).toBool(), false);
    QVERIFY2(done.first().at(1).toString().contains(u"no/such/dir/lp0"_s), qPrintable(done.first().at(1).toString()));
}

void TstPosReceipt::printOverTcp()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QByteArray received;
    bool closed = false;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket* s = server.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, this, [&, s] { received += s->readAll(); });
        connect(s, &QTcpSocket::disconnected, this, [&] { closed = true; });
    });
    ReceiptPrinter printer(u"tcp://127.0.0.1:%1"_s.arg(server.serverPort()));
    QSignalSpy done(&printer, &ReceiptPrinter::finished);
    QByteArray bytes(5000, 'x');
    bytes.prepend(QByteArray("\x1b\x40", 2));
    printer.print(bytes);
    QTRY_COMPARE(done.size(), 1);
    QCOMPARE(done.first().at(0).toBool(), true);
    QTRY_VERIFY(closed);
    QCOMPARE(received, bytes);
}

void TstPosReceipt::printerUnreachable()
{
    QTcpServer probe; // a port nobody listens on: take one, then close it
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    ReceiptPrinter printer(u"tcp://127.0.0.1:%1"_s.arg(port));
    QSignalSpy done(&printer, &ReceiptPrinter::finished);
    printer.print(QByteArray("\x1b\x40", 2));
    QTRY_COMPARE(done.size(), 1);
    QCOMPARE(done.first().at(0).toBool(), false);
    QVERIFY(!done.first().at(1).toString().isEmpty());
}

QTEST_MAIN(TstPosReceipt)
#include "tst_pos_receipt.moc"
