// Screenshots of the main screens, in Chinese, from a real run of the screens: written to
// $JIFEN_SCREENSHOT_DIR (docs/screenshots/ when refreshing the README's pictures), else to a
// temporary directory. Each picture must be a real rendering, not a blank window.

#include "enrol_dialog.h"
#include "manager_screen.h"
#include "pos_fixture.h"
#include "redeem_screen.h"

#include <QImage>
#include <QPixmap>
#include <QTabWidget>

using namespace jifen;
using namespace jifen::test;

class TstPosScreenshots : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void screens();

private:
    void save(QWidget* w, const QString& name);
    QTemporaryDir m_tmp;
    QString m_dir;
};

void TstPosScreenshots::initTestCase()
{
    QVERIFY(installPosTranslation(u"zh_CN"_s));
    m_dir = qEnvironmentVariable("JIFEN_SCREENSHOT_DIR");
    if (m_dir.isEmpty())
        m_dir = m_tmp.path();
    QVERIFY(QDir().mkpath(m_dir));
}

void TstPosScreenshots::save(QWidget* w, const QString& name)
{
    const QImage image = w->grab().toImage();
    QVERIFY2(image.width() > 300 && image.height() > 150, qPrintable(name));
    // A rendering has many colours; a blank or failed grab has one or two.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 8, qPrintable(name));
    const QString path = m_dir + u'/' + name;
    QVERIFY(image.save(path));
    QVERIFY(QFileInfo(path).size() > 1000);
}

void TstPosScreenshots::screens()
{
    Fixture f(QDate(2026, 11, 27), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.ledger->addMember(NewMember{kPhone, u"CARD-0001"_s, u"张三"_s}));
    QVERIFY(f.sale(u"SEED-1"_s, u"1280"_s));
    QVERIFY(f.addManager());
    PosMainWindow::Options options;
    options.databasePath = f.dbPath(); // the report thread's own connection
    PosMainWindow window(*f.ledger, f.clock, options);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    auto cart = QTestEventList();
    cart.addKeyClicks(u"CARD-0001"_s);
    cart.addKeyClick(Qt::Key_Return);
    for (const QString& sku : {u"3*6901000000011"_s, u"6901000000028"_s, u"6901000000035"_s}) {
        cart.addKeyClicks(sku);
        cart.addKeyClick(Qt::Key_Return);
    }
    cart.addKeyClick(Qt::Key_F6);
    cart.addKeyClicks(u"1000"_s);
    cart.addKeyClick(Qt::Key_Return);
    cart.addKeyClick(Qt::Key_F7);
    typeKeys(cart, &window);
    QCOMPARE(window.checkout()->items().size(), 3);
    save(&window, u"checkout.png"_s);

    QTestEventList pay;
    pay.addKeyClick(Qt::Key_F12);
    typeKeys(pay, &window);
    QVERIFY(window.checkout()->lastReceipt());
    save(&window, u"receipt.png"_s);

    QTestEventList enrol;
    enrol.addKeyClick(Qt::Key_F2);
    enrol.addKeyClicks(kPhone2);
    enrol.addKeyClick(Qt::Key_Return);
    typeKeys(enrol, &window);
    auto* dialog = window.findChild<EnrolDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    save(dialog, u"enrol.png"_s);

    QTestEventList redeem;
    redeem.addKeyClick(Qt::Key_Escape);
    typeKeys(redeem, dialog);
    QTRY_VERIFY(window.isActiveWindow());
    window.showRedeem(); // F11 is covered by tst_pos_checkout
    redeem.clear();
    redeem.addKeyClicks(kPhone);
    redeem.addKeyClick(Qt::Key_Return);
    redeem.addKeyClicks(u"FRUIT"_s);
    typeKeys(redeem, &window);
    QVERIFY(window.redeem()->isVisible());
    save(&window, u"redeem.png"_s);

    // The manager's day report with its charts (the PIN prompt is covered by tst_pos_manager).
    window.showManager(kManagerName, kApproverPin);
    window.manager()->tabs()->setCurrentWidget(window.manager()->dayReport());
    QTRY_VERIFY(window.manager()->dayReport()->report()); // made on the report thread
    QTRY_VERIFY(!window.manager()->dayReport()->busy());
    QCoreApplication::processEvents();
    save(&window, u"manager-report.png"_s);
}

QTEST_MAIN(TstPosScreenshots)
#include "tst_pos_screenshots.moc"
