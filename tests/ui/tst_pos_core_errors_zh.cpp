// Core's errors on the Chinese screens: a refusal or a bad entry that the ledger (not the screen)
// words reaches the cashier in Chinese, inside the screen's own Chinese sentence. Its own process:
// the zh_CN translator, once installed, stays for every test that follows.

#include "pos_fixture.h"
#include "redeem_screen.h"
#include "refund_screen.h"

#include <QDialog>
#include <QRegularExpression>

using namespace jifen;
using namespace jifen::test;

class TstPosCoreErrorsZh : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void errorShownInChinese_data();
    void errorShownInChinese();
};

void TstPosCoreErrorsZh::initTestCase()
{
    QVERIFY(installPosTranslation(u"zh_CN"_s));
}

void TstPosCoreErrorsZh::errorShownInChinese_data()
{
    QTest::addColumn<QTestEventList>("events");
    QTest::addColumn<QString>("pin");   // typed into the manager's PIN prompt; empty: no prompt
    QTest::addColumn<QString>("label"); // the objectName of the label that says why
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QStringList>("values"); // codes and references inside the text, ASCII by nature

    // The member holds 100 points from sale SEED-1 of 100 yuan.
    QTest::newRow("redemption beyond the balance (Ledger, refused)")
        << redeemKeys(kPhone, u"FRUIT-BOX"_s) << QString() << u"redeemMessageLabel"_s
        << u"未兑换：积分不足，无法兑换 FRUIT-BOX：余额 100，需要 500 未作任何记录；如需允许，请询问店长。"_s
        << QStringList{u"FRUIT-BOX"_s};

    QTest::newRow("refund beyond the sale (Ledger, refused)")
        << refundKeys(u"SEED-1"_s, u"150"_s) << QString() << u"refundMessageLabel"_s
        << u"未退款：退款 150.00 元超过了销售单 SEED-1 尚可退的 100.00 元 未作任何记录；如需允许，请询问店长。"_s
        << QStringList{u"SEED-1"_s};
    QTest::newRow("refund amount in thousandths (Money, bad input)")
        << refundKeys(u"SEED-1"_s, u"12.345"_s) << QString() << u"refundMessageLabel"_s
        << u"未退款：金额 12.345 超过两位小数（最小单位是分） 请更正输入后重试。"_s << QStringList();

    QTest::newRow("wrong manager PIN (Ledger, in the PIN prompt)")
        << redeemKeys(kPhone, u"JW-CLEAN"_s) << u"1111"_s << u"managerPinErrorLabel"_s
        << u"未授权：店长密码错误（第 1 次，共可试 5 次）"_s << QStringList();
}

void TstPosCoreErrorsZh::errorShownInChinese()
{
    QFETCH(QTestEventList, events);
    QFETCH(QString, pin);
    QFETCH(QString, label);
    QFETCH(QString, shown);
    QFETCH(QStringList, values);
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.addManager());
    QVERIFY(addMemberWithPoints(f, 100));
    const qint64 entries = f.journalSize();
    PosMainWindow window(*f.ledger, f.clock, {});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    typeKeys(events, &window);
    if (!pin.isEmpty()) {
        auto* dialog = window.findChild<QDialog*>(u"managerPinDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isActiveWindow());
        auto typed = pinKeys(pin);
        typeKeys(typed, dialog);
    }

    const QByteArray name = label.toLatin1();
    QTRY_COMPARE(labelText(&window, name.constData()), shown);
    // Beyond the codes and references it quotes, the cashier reads no English word.
    QString rest = shown;
    for (const QString& v : values)
        rest.remove(v);
    static const QRegularExpression latin(u"[A-Za-z]"_s);
    QVERIFY2(!rest.contains(latin), qPrintable(rest));
    QCOMPARE(f.journalSize(), entries); // refused: nothing was written
}

QTEST_MAIN(TstPosCoreErrorsZh)
#include "tst_pos_core_errors_zh.moc"
