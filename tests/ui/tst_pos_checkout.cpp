// The checkout driven by the keyboard alone: scans, quantities, Backspace, F-keys and Enter as
// data rows; enrolment with the required consent; the sync indicator; the Chinese translation.

#include "enrol_dialog.h"
#include "pos_fixture.h"
#include "receipt_printer.h"
#include "redeem_screen.h"
#include "refund_screen.h"
#include "sync_status_widget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>

using namespace jifen;
using namespace jifen::test;

namespace {

const QString kWatermelon = u"6901000000011"_s; // 25.00, fruit
const QString kApple = u"6901000000028"_s;      // 38.00, eco

} // namespace

class TstPosCheckout : public QObject {
    Q_OBJECT
private slots:
    void checkoutByKeys_data();
    void checkoutByKeys();
    void escapeCancels();
    void offsetSaves_data();
    void offsetSaves();
    void keysOfEachScreen_data();
    void keysOfEachScreen();
    void enrolment_data();
    void enrolment();
    void redeemWithPin_data();
    void redeemWithPin();
    void redeemCategories_data();
    void redeemCategories();
    void refund_data();
    void refund();
    void returnReward_data();
    void returnReward();
    void reprintAfterRestart_data();
    void reprintAfterRestart();
    void syncIndicator();
    void chineseTranslation();
};

void TstPosCheckout::checkoutByKeys_data()
{
    QTest::addColumn<QTestEventList>("events");
    QTest::addColumn<QString>("amount"); // the committed sale's bill
    QTest::addColumn<QString>("paid");
    QTest::addColumn<qint64>("earned");
    QTest::addColumn<qint64>("balance"); // after the sale; seeded with 1,000 points
    QTest::addColumn<QString>("tender");
    const int enter = Qt::Key_Return;

    QTest::newRow("member, scan, quantity with Backspace, Enter pays")
        << keys({Qt::Key_F2, u"13800138000"_s, enter, kWatermelon, enter, Qt::Key_F4, u"5"_s, Qt::Key_Backspace, u"3"_s,
                 enter, enter})
        << u"75.00"_s << u"75.00"_s << qint64(75) << qint64(1075) << u"cash"_s;
    QTest::newRow("scan twice merges, 2*SKU, F12 pays")
        << keys({Qt::Key_F2, u"13800138000"_s, enter, kWatermelon, enter, kWatermelon, enter, u"2*"_s + kApple, enter,
                 Qt::Key_F12})
        << u"126.00"_s << u"126.00"_s << qint64(126) << qint64(1126) << u"cash"_s;
    QTest::newRow("points offset and Alipay")
        << keys({Qt::Key_F2, u"13800138000"_s, enter, kWatermelon, enter, kWatermelon, enter, Qt::Key_F6, u"500"_s,
                 enter, Qt::Key_F7, Qt::Key_F7, Qt::Key_F12})
        << u"50.00"_s << u"45.00"_s << qint64(45) << qint64(1000 - 500 + 45) << u"alipay"_s;
    QTest::newRow("amount only, typo corrected") << keys({Qt::Key_F2, u"13800138000"_s, enter, Qt::Key_F5, u"88.88"_s,
                                                          Qt::Key_Backspace, u"0"_s, enter, Qt::Key_F12})
                                                 << u"88.80"_s << u"88.80"_s << qint64(88) << qint64(1088) << u"cash"_s;
    QTest::newRow("member card scanned into the item field")
        << keys({u"CARD-0001"_s, enter, kApple, enter, enter}) << u"38.00"_s << u"38.00"_s << qint64(38) << qint64(1038)
        << u"cash"_s;
    QTest::newRow("F9 removes the last line")
        << keys({Qt::Key_F2, u"13800138000"_s, enter, kWatermelon, enter, kApple, enter, Qt::Key_F9, enter})
        << u"25.00"_s << u"25.00"_s << qint64(25) << qint64(1025) << u"cash"_s;
    QTest::newRow("no member earns nothing") << keys({kWatermelon, enter, Qt::Key_F7, enter}) << u"25.00"_s
                                             << u"25.00"_s << qint64(0) << qint64(1000) << u"wechat"_s;
}

void TstPosCheckout::checkoutByKeys()
{
    QFETCH(QTestEventList, events);
    QFETCH(QString, amount);
    QFETCH(QString, paid);
    QFETCH(qint64, earned);
    QFETCH(qint64, balance);
    QFETCH(QString, tender);

    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.ledger->addMember(NewMember{kPhone, u"CARD-0001"_s, u"张三"_s}));
    QVERIFY(f.sale(u"SEED-1"_s, u"1000"_s));
    PosMainWindow window(*f.ledger, f.clock, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy committed(f.ledger.get(), &Ledger::committed);
    QSignalSpy completed(window.checkout(), &CheckoutScreen::saleCompleted);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&window, "itemLineEdit")); // no click needed

    typeKeys(events, &window);

    QCOMPARE(completed.size(), 1);
    QCOMPARE(committed.size(), 1);
    const auto& receipt = window.checkout()->lastReceipt();
    QVERIFY(receipt);
    QCOMPARE(receipt->amount.toYuanString(), amount);
    QCOMPARE(receipt->paid.toYuanString(), paid);
    QCOMPARE(receipt->earned.value(), earned);
    QCOMPARE(receipt->tender, tender);
    QCOMPARE(f.balance(), balance);
    if (earned > 0) {
        QCOMPARE(receipt->balance.value(), balance);
        QCOMPARE(receipt->phoneMasked, u"138****8000"_s);
    }
    // The committed sale is what the ledger holds, and the till is ready for the next one.
    auto report = f.ledger->dayReport();
    QVERIFY(report);
    QCOMPARE(report->sales, 2);
    QVERIFY(window.checkout()->items().isEmpty());
    QCOMPARE(labelText(window.checkout(), "memberPhoneLabel"),
             QCoreApplication::translate("jifen::MemberPanel", "no member"));
    QVERIFY(child<QPlainTextEdit>(&window, "receiptView")->toPlainText().contains(receipt->ref));
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&window, "itemLineEdit"));
    QVERIFY(f.verifyProblems().isEmpty());
}

void TstPosCheckout::escapeCancels()
{
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(addMemberWithPoints(f, 0));
    PosMainWindow window(*f.ledger, f.clock, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const qint64 before = f.journalSize();
    auto events = keys({Qt::Key_F2, u"13800138000"_s, Qt::Key_Return, kWatermelon, Qt::Key_Return});
    typeKeys(events, &window);
    QCOMPARE(window.checkout()->items().size(), 1);
    QCOMPARE(labelText(&window, "totalLabel"), u"¥25.00"_s);
    QCOMPARE(labelText(&window, "pointsPreviewLabel"), u"25"_s); // the preview, before anything is written
    QCOMPARE(f.journalSize(), before);
    auto esc = keys({Qt::Key_Escape, Qt::Key_Return}); // Enter on an empty cart does nothing
    typeKeys(esc, &window);
    QVERIFY(window.checkout()->items().isEmpty());
    QVERIFY(!window.checkout()->memberPanel()->member());
    QCOMPARE(f.journalSize(), before);
    QVERIFY(!child<QPushButton>(&window, "completeButton")->isEnabled());
}

void TstPosCheckout::offsetSaves_data()
{
    QTest::addColumn<qint64>("balance"); // the member's points before the sale
    QTest::addColumn<QString>("typed");  // into the offset field (F6); empty: none
    QTest::addColumn<QString>("saves");  // yuan the label says the offset saves; empty: none
    QTest::addColumn<qint64>("most");    // points the label says may be offset at most
    QTest::addColumn<QString>("pay");
    QTest::addColumn<qint64>("offset"); // points the committed sale took
    QTest::newRow("1000 points save 10 yuan")
        << qint64(5000) << u"1000"_s << u"10.00"_s << qint64(5000) << u"¥65.00"_s << qint64(1000);
    QTest::newRow("250 points count as 200")
        << qint64(5000) << u"250"_s << u"2.00"_s << qint64(5000) << u"¥73.00"_s << qint64(200);
    QTest::newRow("the balance caps the offset")
        << qint64(3000) << u"3000"_s << u"30.00"_s << qint64(3000) << u"¥45.00"_s << qint64(3000);
    QTest::newRow("the bill caps the offset")
        << qint64(10000) << u"7500"_s << u"75.00"_s << qint64(7500) << u"¥0.00"_s << qint64(7500);
    QTest::newRow("no offset") << qint64(5000) << QString() << QString() << qint64(5000) << u"¥75.00"_s << qint64(0);
}

void TstPosCheckout::offsetSaves()
{
    QFETCH(qint64, balance);
    QFETCH(QString, typed);
    QFETCH(QString, saves);
    QFETCH(qint64, most);
    QFETCH(QString, pay);
    QFETCH(qint64, offset);
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(addMemberWithPoints(f, balance));
    QCOMPARE(f.balance(), balance);
    PosMainWindow window(*f.ledger, f.clock, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    auto cart = keys(
        {Qt::Key_F2, kPhone, Qt::Key_Return, u"3*"_s + kWatermelon, Qt::Key_Return, Qt::Key_F6, typed, Qt::Key_Return});
    typeKeys(cart, &window);
    const QString said = labelText(&window, "offsetSavedLabel");
    QVERIFY2(saves.isEmpty() ? !said.contains(u"saves"_s) : said.startsWith(u"saves %1 yuan"_s.arg(saves)),
             qPrintable(said));
    QVERIFY2(said.contains(u"at most %1 point"_s.arg(most)), qPrintable(said));
    QCOMPARE(labelText(&window, "payLabel"), pay);
    auto complete = keys({Qt::Key_F12});
    typeKeys(complete, &window);
    QVERIFY(window.checkout()->lastReceipt());
    QCOMPARE(window.checkout()->lastReceipt()->offsetPoints.value(), offset);
    QCOMPARE(window.checkout()->lastReceipt()->paid.toYuanString(), pay.mid(1));
}

void TstPosCheckout::keysOfEachScreen_data()
{
    QTest::addColumn<QTestEventList>("open");
    QTest::addColumn<QString>("pin"); // typed into the manager PIN prompt when not empty
    QTest::addColumn<QString>("screen");
    QTest::addColumn<QString>("firstField");
    QTest::addColumn<QStringList>("legend");
    QTestEventList redeem;
    redeem.addKeyClick(Qt::Key_F11);
    QTest::newRow("F11 redeem") << redeem << QString() << u"redeemScreen"_s << u"redeemMemberLineEdit"_s
                                << QStringList{u"F3 reward"_s, u"F12 or Enter redeem"_s, u"Esc back"_s};
    QTestEventList refund;
    refund.addKeyClick(Qt::Key_F12, Qt::ShiftModifier);
    QTest::newRow("Shift+F12 refund") << refund << QString() << u"refundScreen"_s << u"refundSaleRefLineEdit"_s
                                      << QStringList{u"F2 receipt no."_s, u"F12 or Enter refund"_s, u"Esc back"_s};
    QTestEventList manager;
    manager.addKeyClick(Qt::Key_F10, Qt::ShiftModifier);
    QTest::newRow("Shift+F10 manager, PIN, Enter")
        << manager << kApproverPin << u"managerScreen"_s << u"householdHeadLineEdit"_s
        << QStringList{u"Alt+1…9 tabs"_s, u"Enter confirm"_s, u"Esc back"_s};
}

// Every screen is reached by a key from the checkout, takes the keys in its first field, shows its
// own keys in the always-visible legend, and Esc brings the checkout back with the scanner's field
// focused and the checkout's keys shown again.
void TstPosCheckout::keysOfEachScreen()
{
    QFETCH(QTestEventList, open);
    QFETCH(QString, pin);
    QFETCH(QString, screen);
    QFETCH(QString, firstField);
    QFETCH(QStringList, legend);
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.addManager());
    PosMainWindow window(*f.ledger, f.clock, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(labelText(&window, "shortcutsLabel").contains(u"F12 pay"_s));
    typeKeys(open, &window);
    if (!pin.isEmpty()) {
        auto* dialog = window.findChild<QDialog*>(u"managerPinDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isActiveWindow());
        auto typed = pinKeys(pin);
        typeKeys(typed, dialog);
        QTRY_VERIFY(window.isActiveWindow() && QApplication::focusWidget());
    }
    auto* shown = window.findChild<QWidget*>(screen);
    QVERIFY(shown);
    QTRY_VERIFY(shown->isVisible());
    QVERIFY(QApplication::focusWidget());
    QCOMPARE(QApplication::focusWidget()->objectName(), firstField);
    const QString keysShown = labelText(&window, "shortcutsLabel");
    for (const QString& k : legend)
        QVERIFY2(keysShown.contains(k), qPrintable(keysShown));
    QVERIFY2(!keysShown.contains(u"F12 pay"_s), qPrintable(keysShown));
    auto esc = keys({Qt::Key_Escape});
    typeKeys(esc, &window);
    QTRY_VERIFY(!shown->isVisible());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&window, "itemLineEdit"));
    QVERIFY(labelText(&window, "shortcutsLabel").contains(u"F12 pay"_s));
}

void TstPosCheckout::enrolment_data()
{
    QTest::addColumn<QTestEventList>("dialogKeys"); // typed once the enrolment dialog is open
    QTest::addColumn<bool>("enrolled");
    QTest::newRow("name, consent, Enter") << keys({u"Li Si"_s, Qt::Key_F9, Qt::Key_Return}) << true;
    QTest::newRow("no consent: Enter refused, Esc leaves")
        << keys({u"Li Si"_s, Qt::Key_Return, Qt::Key_Escape}) << false;
    QTest::newRow("consent given then withdrawn")
        << keys({u"Li Si"_s, Qt::Key_F9, Qt::Key_F9, Qt::Key_Return, Qt::Key_Escape}) << false;
}

void TstPosCheckout::enrolment()
{
    QFETCH(QTestEventList, dialogKeys);
    QFETCH(bool, enrolled);
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    PosMainWindow window(*f.ledger, f.clock, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    auto lookup = keys({Qt::Key_F2, kPhone2, Qt::Key_Return});
    typeKeys(lookup, &window);
    auto* dialog = window.findChild<EnrolDialog*>(u"enrolDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isActiveWindow());
    QCOMPARE(child<QLineEdit>(dialog, "enrolPhoneLineEdit")->text(), kPhone2);
    QVERIFY(!child<QPushButton>(dialog, "enrolOkButton")->isEnabled()); // consent first
    QPointer<EnrolDialog> guard(dialog);

    typeKeys(dialogKeys, dialog);

    QTRY_VERIFY(!guard || !guard->isVisible());
    auto member = f.ledger->memberByPhone(kPhone2);
    QCOMPARE(bool(member), enrolled);
    if (enrolled) {
        QCOMPARE(member->member.name, u"Li Si"_s);
        // The dialog's required consent is recorded: the terms version shown, at the till's time.
        QCOMPARE(member->member.consentTerms, kPrivacyTermsVersion);
        QCOMPARE(member->member.consentAt, f.clock.nowUtc());
        QCOMPARE(labelText(window.checkout(), "memberPhoneLabel"), u"139****9000"_s);
        QCOMPARE(labelText(window.checkout(), "memberBalanceLabel"), u"0"_s);
    } else {
        QCOMPARE(member.error().code, ErrorCode::NotFound);
        QVERIFY(!window.checkout()->memberPanel()->member());
    }
    QTRY_COMPARE(QApplication::focusWidget(), child<QLineEdit>(&window, "itemLineEdit"));
    auto f11 = keys({Qt::Key_F11}); // the F-keys work again once the dialog is gone
    typeKeys(f11, &window);
    QVERIFY(window.redeem()->isVisible());
}

void TstPosCheckout::redeemWithPin_data()
{
    QTest::addColumn<QString>("reward");
    QTest::addColumn<QStringList>("pins"); // typed into the PIN prompt in turn; empty: no prompt expected
    QTest::addColumn<qint64>("spent");
    QTest::newRow("no PIN needed") << u"FRUIT-BOX"_s << QStringList() << qint64(500);
    QTest::newRow("right PIN") << u"JW-CLEAN"_s << QStringList{kApproverPin} << qint64(20000);
    QTest::newRow("wrong PIN, then Esc") << u"JW-CLEAN"_s << QStringList{u"1111"_s} << qint64(0);
    QTest::newRow("wrong PIN, then right") << u"JW-CLEAN"_s << QStringList{u"1111"_s, kApproverPin} << qint64(20000);
}

void TstPosCheckout::redeemWithPin()
{
    QFETCH(QString, reward);
    QFETCH(QStringList, pins);
    QFETCH(qint64, spent);
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.addManager());
    QVERIFY(addMemberWithPoints(f, 25000));
    PosMainWindow window(*f.ledger, f.clock, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    auto open = redeemKeys(kPhone, reward);
    typeKeys(open, &window);
    auto* dialog = window.findChild<QDialog*>(u"managerPinDialog"_s);
    QCOMPARE(dialog != nullptr, !pins.isEmpty());
    if (dialog) {
        QTRY_VERIFY(dialog->isActiveWindow());
        QPointer<QDialog> guard(dialog);
        for (const QString& pin : pins) {
            auto typed = pinKeys(pin);
            typeKeys(typed, dialog);
            if (pin != kApproverPin) { // refused: the prompt stays, saying why, and nothing is spent
                QVERIFY(guard && guard->isVisible());
                QVERIFY(!labelText(dialog, "managerPinErrorLabel").isEmpty());
                QCOMPARE(f.balance(), 25000);
            }
        }
        if (spent == 0) {
            auto esc = keys({Qt::Key_Escape});
            typeKeys(esc, dialog);
        }
        QTRY_VERIFY(!guard || !guard->isVisible());
    }
    QCOMPARE(f.balance(), 25000 - spent);
    QCOMPARE(window.redeem()->lastResult().has_value(), spent > 0);
    if (spent > 0) {
        QCOMPARE(window.redeem()->lastResult()->pointsSpent.value(), spent);
        QCOMPARE(window.redeem()->lastResult()->approvedBy.isEmpty(), pins.isEmpty());
    }
    QVERIFY(f.verifyProblems().isEmpty());
}

void TstPosCheckout::redeemCategories_data()
{
    QTest::addColumn<int>("presses"); // of F5, which steps through the categories
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("category"); // a reward kind, "green", or empty: all
    QTest::newRow("all at first") << 0 << QString() << QString();
    QTest::newRow("F5 once: vouchers") << 1 << QString() << u"voucher"_s;
    QTest::newRow("F5 four times: partner rewards") << 4 << QString() << u"partner"_s;
    QTest::newRow("F5 five times: green only") << 5 << QString() << u"green"_s;
    QTest::newRow("F5 six times: all again") << 6 << QString() << QString();
    QTest::newRow("a search within services") << 2 << u"fruit"_s << u"service"_s;
}

void TstPosCheckout::redeemCategories()
{
    QFETCH(int, presses);
    QFETCH(QString, search);
    QFETCH(QString, category);
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    auto catalog = f.ledger->catalogWithStock();
    QVERIFY(catalog);
    QStringList expected; // the codes the table should list, in catalog order
    for (const auto& [reward, stock] : catalog.value()) {
        const bool inCategory =
            category.isEmpty() || (category == u"green"_s ? reward.greenOnly : rewardKindName(reward.kind) == category);
        if (inCategory &&
            (reward.name.contains(search, Qt::CaseInsensitive) || reward.code.contains(search, Qt::CaseInsensitive)))
            expected.append(reward.code);
    }
    QVERIFY(!expected.isEmpty());
    PosMainWindow window(*f.ledger, f.clock, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QTestEventList steps;
    steps.addKeyClick(Qt::Key_F11);
    steps.addKeyClick(Qt::Key_F3);
    for (int i = 0; i < presses; ++i)
        steps.addKeyClick(Qt::Key_F5);
    steps.addKeyClicks(search);
    typeKeys(steps, &window);

    QCOMPARE(child<QComboBox>(window.redeem(), "rewardCategoryComboBox")->currentData().toString(), category);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(window.redeem(), "rewardSearchLineEdit"));
    auto* table = child<QTableWidget>(window.redeem(), "catalogTable");
    auto rules = f.ledger->rules();
    QVERIFY(rules);
    QStringList listed;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString code = table->item(row, 0)->data(Qt::UserRole).toString();
        listed.append(code);
        const Reward* reward = rules->reward(code);
        QVERIFY(reward);
        QCOMPARE(table->item(row, 1)->text(), rewardKindText(reward->kind)); // the category column
    }
    QCOMPARE(listed, expected);
}

void TstPosCheckout::refund_data()
{
    QTest::addColumn<QString>("saleRef"); // empty: the sale just made at the checkout
    QTest::addColumn<QString>("amount");  // typed; empty: everything
    QTest::addColumn<qint64>("reversed");
    QTest::addColumn<bool>("refunded");
    QTest::newRow("full refund") << QString() << QString() << qint64(75) << true;
    QTest::newRow("partial refund") << QString() << u"25.00"_s << qint64(25) << true;
    QTest::newRow("more than was paid") << QString() << u"80.00"_s << qint64(0) << false;
    QTest::newRow("unknown receipt") << u"T1-19990101-000001"_s << QString() << qint64(0) << false;
}

void TstPosCheckout::refund()
{
    QFETCH(QString, saleRef);
    QFETCH(QString, amount);
    QFETCH(qint64, reversed);
    QFETCH(bool, refunded);
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(addMemberWithPoints(f, 0));
    PosMainWindow window(*f.ledger, f.clock, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto sale = saleKeys(kPhone, u"3*"_s + kWatermelon);
    typeKeys(sale, &window);
    QVERIFY(window.checkout()->lastReceipt());
    QCOMPARE(f.balance(), 75);
    if (saleRef.isEmpty())
        saleRef = window.checkout()->lastReceipt()->ref; // what the receipt's QR code carries
    const qint64 entries = f.journalSize();

    auto refundTyped = refundKeys(saleRef, amount);
    typeKeys(refundTyped, &window);

    QVERIFY(window.refunds()->isVisible());
    QCOMPARE(window.refunds()->lastResult().has_value(), refunded);
    QCOMPARE(f.balance(), 75 - reversed);
    if (refunded) {
        QCOMPARE(window.refunds()->lastResult()->pointsReversed.value(), reversed);
    } else {
        QCOMPARE(f.journalSize(), entries); // a refused refund writes nothing
        QVERIFY(!labelText(window.refunds(), "refundMessageLabel").isEmpty());
    }
    auto back = keys({Qt::Key_Escape});
    typeKeys(back, &window);
    QVERIFY(window.checkout()->isVisible());
    QVERIFY(f.verifyProblems().isEmpty());
}

void TstPosCheckout::returnReward_data()
{
    QTest::addColumn<QString>("amount");      // typed after the redemption's reference
    QTest::addColumn<bool>("returnedBefore"); // already returned once (from the CLI, say)
    QTest::addColumn<bool>("returned");
    QTest::newRow("goods back, points back") << QString() << false << true;
    QTest::newRow("returned twice") << QString() << true << false;
    QTest::newRow("an amount is for sales") << u"5.00"_s << false << false;
}

void TstPosCheckout::returnReward()
{
    QFETCH(QString, amount);
    QFETCH(bool, returnedBefore);
    QFETCH(bool, returned);
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(addMemberWithPoints(f, 1000));
    const auto stockOf = [&f](const QString& code) {
        auto catalog = f.ledger->catalogWithStock();
        for (const auto& [reward, stock] : catalog ? catalog.value() : QList<QPair<Reward, qint64>>()) {
            if (reward.code == code)
                return stock;
        }
        return qint64(-2);
    };
    const qint64 stock = stockOf(u"FRUIT-BOX"_s);
    QVERIFY(stock > 0);
    const QString redeemRef = u"T1-R20261123-000002"_s;
    QVERIFY(f.redeem(redeemRef, u"FRUIT-BOX"_s));
    QCOMPARE(f.balance(), 500);
    QCOMPARE(stockOf(u"FRUIT-BOX"_s), stock - 1);
    if (returnedBefore)
        QVERIFY(f.returnReward(u"CLI-B-1"_s, redeemRef));
    const qint64 balance = f.balance();
    const qint64 entries = f.journalSize();

    PosMainWindow window(*f.ledger, f.clock, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto returnKeys = refundKeys(redeemRef, amount); // the redemption receipt's QR code scanned, Enter confirms
    typeKeys(returnKeys, &window);

    QCOMPARE(window.refunds()->lastReturn().has_value(), returned);
    QVERIFY(!window.refunds()->lastResult()); // nothing was refunded as a sale
    if (returned) {
        QCOMPARE(window.refunds()->lastReturn()->pointsRestored.value(), 500);
        QCOMPARE(f.balance(), 1000);
        QCOMPARE(stockOf(u"FRUIT-BOX"_s), stock);
        QVERIFY(labelText(window.refunds(), "refundMessageLabel").contains(redeemRef));
    } else {
        QCOMPARE(f.balance(), balance);
        QCOMPARE(f.journalSize(), entries); // a refused return writes nothing
        QVERIFY(!labelText(window.refunds(), "refundMessageLabel").isEmpty());
    }
    QVERIFY(f.verifyProblems().isEmpty());
}

void TstPosCheckout::reprintAfterRestart_data()
{
    QTest::addColumn<bool>("sold"); // a sale at the checkout before the restart
    QTest::newRow("the last sale reprinted") << true;
    QTest::newRow("nothing sold yet") << false;
}

void TstPosCheckout::reprintAfterRestart()
{
    QFETCH(bool, sold);
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(addMemberWithPoints(f, 0));
    QTemporaryDir dir;
    PosMainWindow::Options options;
    options.printer = dir.filePath(u"lp0"_s);
    QString ref;
    {
        auto window = std::make_unique<PosMainWindow>(*f.ledger, f.clock, options);
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(!window->lastReceipt());
        if (sold) {
            QSignalSpy printed(window->printer(), &ReceiptPrinter::finished);
            auto sale = saleKeys(kPhone, u"2*"_s + kWatermelon);
            typeKeys(sale, window.get());
            QVERIFY(window->lastReceipt());
            ref = window->lastReceipt()->ref;
            QTRY_COMPARE(printed.size(), 1);
            QVERIFY(QFile::remove(options.printer)); // the roll is empty again
        }
        window->close();
    }
    // The app quits and starts again on the same data directory.
    f.ledger.reset();
    f.store.reset();
    auto store = Store::open(f.dbPath());
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    f.store = std::move(store).value();
    f.ledger = std::make_unique<Ledger>(*f.store, f.clock);

    PosMainWindow window(*f.ledger, f.clock, options);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.lastReceipt().has_value(), sold);
    QSignalSpy printed(window.printer(), &ReceiptPrinter::finished);
    auto f8 = keys({Qt::Key_F8});
    typeKeys(f8, &window);
    if (!sold) {
        QCOMPARE(printed.size(), 0);
        QVERIFY(!QFile::exists(options.printer));
        return;
    }
    QCOMPARE(window.lastReceipt()->ref, ref);
    QCOMPARE(window.lastReceipt()->earned.value(), 50);
    QCOMPARE(window.lastReceipt()->balance.value(), f.balance());
    QCOMPARE(window.lastReceipt()->phoneMasked, u"138****8000"_s);
    QVERIFY(child<QPlainTextEdit>(&window, "receiptView")->toPlainText().contains(ref));
    QTRY_COMPARE(printed.size(), 1);
    QFile roll(options.printer);
    QVERIFY(roll.open(QIODevice::ReadOnly));
    QVERIFY(roll.readAll().contains(ref.toLatin1()));
}

void TstPosCheckout::syncIndicator()
{
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.addMember());
    SyncStatusWidget status(*f.ledger);
    QSignalSpy requested(&status, &SyncStatusWidget::syncRequested);
    auto* state = child<QLabel>(&status, "syncStateLabel");
    auto* button = child<QPushButton>(&status, "syncNowButton");
    QCOMPARE(state->text(), QCoreApplication::translate("jifen::SyncStatusWidget", "Not enrolled with HQ"));
    QVERIFY(!button->isEnabled());

    QVERIFY(f.ledger->saveEnrollment(u"http://127.0.0.1:9"_s, QByteArray(32, 'k')));
    QVERIFY(f.ledger->recordSyncResult(false, u"HQ unreachable"_s)); // HQ went away
    status.refresh();
    QCOMPARE(state->text(), u"Offline"_s);
    const QString before = labelText(&status, "syncStatusLabel");
    QVERIFY2(before.contains(u"never"_s), qPrintable(before));

    QVERIFY(f.sale(u"S-1"_s, u"10"_s)); // committed() refreshes the count by itself
    const QString after = labelText(&status, "syncStatusLabel");
    auto sync = f.ledger->syncState();
    QVERIFY(sync && sync->pending() > 0);
    QVERIFY2(after != before && after.startsWith(QString::number(sync->pending()) + u' '), qPrintable(after));

    button->click();
    QCOMPARE(requested.size(), 1);
    status.syncStarted();
    button->click(); // one sync at a time
    QCOMPARE(requested.size(), 1);
    QVERIFY(f.ledger->recordSyncResult(true, QString())); // HQ is back
    status.syncFinished(true, QString());
    QCOMPARE(state->text(), u"Online"_s);
    QVERIFY(!labelText(&status, "syncStatusLabel").contains(u"never"_s));
}

void TstPosCheckout::chineseTranslation()
{
    QVERIFY(installPosTranslation(u"zh_CN"_s));
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    PosMainWindow window(*f.ledger, f.clock, {});
    QCOMPARE(window.windowTitle(), u"积分收银台"_s);
    QCOMPARE(child<QPushButton>(&window, "completeButton")->text(), u"结账 (F12)"_s);
    QCOMPARE(labelText(&window, "syncStateLabel"), u"未在总部注册"_s);
    QCOMPARE(labelText(window.checkout(), "memberPhoneLabel"), u"未识别会员"_s);
    QCOMPARE(child<QComboBox>(&window, "tenderComboBox")->itemText(1), u"微信支付"_s);
}

QTEST_MAIN(TstPosCheckout)
#include "tst_pos_checkout.moc"
