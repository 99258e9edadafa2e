// HQ's errors at the sync indicator (tests/support/fake_hq_network.h answers for HQ): with the
// zh_CN translator, a Chinese sentence by kind of failure saying what to do, HQ's English detail
// after it for support; without a translator, the English the CLI prints, as it always was. The
// ledger records the English either way. And HQ's refusal of a redemption on its screen. Each row
// installs its own translator and cleanup() removes it, so both languages share a process.

#include "fake_hq_network.h"
#include "pos_fixture.h"
#include "sync_scheduler.h"

#include <QSignalSpy>
#include <QTranslator>

#include <memory>

using namespace jifen;
using namespace jifen::test;

Q_DECLARE_METATYPE(jifen::test::FakeAnswer)

namespace {

const QString kHq = u"http://hq.test"_s;

// The row's translator, when it names one.
bool installTranslator(std::unique_ptr<QTranslator>& translator, const QString& language)
{
    if (language.isEmpty())
        return true;
    translator = std::make_unique<QTranslator>();
    return translator->load(u":/i18n/jifen_%1.qm"_s.arg(language)) &&
           QCoreApplication::installTranslator(translator.get());
}

} // namespace

class TstPosHqErrors : public QObject {
    Q_OBJECT
private slots:
    void cleanup();
    void errorAtTheIndicator_data();
    void errorAtTheIndicator();
    void redemptionRefusedByHq_data();
    void redemptionRefusedByHq();

private:
    std::unique_ptr<QTranslator> m_translator;
};

void TstPosHqErrors::cleanup()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator.reset();
}

void TstPosHqErrors::errorAtTheIndicator_data()
{
    QTest::addColumn<QString>("language"); // "zh_CN", or empty: no translator (the CLI's case)
    QTest::addColumn<QString>("path");     // the request that fails; those before it succeed
    QTest::addColumn<FakeAnswer>("answer");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("recorded"); // the ledger's last error after the instant: English always

    using E = QNetworkReply::NetworkError;
    const QString status = u"/v1/status"_s;
    const QString push = u"/v1/push"_s;
    const QString time = u"/v1/time"_s;
    struct Case {
        const char* name;
        QString path;
        FakeAnswer answer;
        QString english;
        QString chinese;
    };
    const QList<Case> cases{
        {"refused (409)", push, FakeAnswer::error(409, u"refused"_s, u"entry 1 breaks the hash chain"_s),
         u"HQ answered 409: entry 1 breaks the hash chain"_s,
         u"总部拒绝了请求。积分已保存在本机；请联系管理员处理。（总部答复 409：entry 1 breaks the hash chain）"_s},
        {"signature refused (401)", status, FakeAnswer::error(401, u"refused"_s, u"unauthorised: bad signature"_s),
         u"HQ answered 401: unauthorised: bad signature"_s,
         u"总部不认可本终端的签名。积分已保存在本机；请联系管理员检查本终端的注册和时钟。"
         u"（总部答复 401：unauthorised: bad signature）"_s},
        {"bad input (400)", push, FakeAnswer::error(400, u"bad_input"_s, u"the body must be a JSON object"_s),
         u"HQ answered 400: the body must be a JSON object"_s,
         u"总部认为本终端发出的请求有误。积分已保存在本机；请联系技术支持。（总部答复 400：the body must be a JSON "
         u"object）"_s},
        {"not found (404)", status, FakeAnswer::error(404, u"not_found"_s, u"unknown terminal T1"_s),
         u"HQ answered 404: unknown terminal T1"_s,
         u"总部找不到本终端或所请求的内容。积分已保存在本机；请联系管理员检查总部地址和本终端的注册。"
         u"（总部答复 404：unknown terminal T1）"_s},
        {"too large (413)", push,
         FakeAnswer::error(413, u"too_large"_s, u"request body of 17000000 bytes is over HQ's limit"_s),
         u"HQ answered 413: request body of 17000000 bytes is over HQ's limit"_s,
         u"一次发送的数据超过了总部的上限。积分已保存在本机；请联系技术支持。"
         u"（总部答复 413：request body of 17000000 bytes is over HQ's limit）"_s},
        {"HQ's storage failing (500)", push, FakeAnswer::error(500, u"storage"_s, u"database is locked"_s),
         u"HQ answered 500: database is locked"_s,
         u"总部出现故障。积分已保存在本机，稍后会自动重试；如果一直失败，请联系技术支持。"
         u"（总部答复 500：database is locked）"_s},
        {"a gateway's page (502)", status, FakeAnswer::raw(502, "<html>bad gateway</html>"),
         u"HQ answered 502: Error transferring http://hq.test/v1/status - server replied: status 502"_s,
         u"总部出现故障。积分已保存在本机，稍后会自动重试；如果一直失败，请联系技术支持。"
         u"（总部答复 502：Error transferring http://hq.test/v1/status - server replied: status 502）"_s},
        {"a proxy's refusal (403)", status, FakeAnswer::raw(403, QByteArray()),
         u"HQ answered 403: Error transferring http://hq.test/v1/status - server replied: status 403"_s,
         u"总部的答复无法处理。积分已保存在本机，稍后会自动重试；如果一直失败，请联系技术支持。"
         u"（总部答复 403：Error transferring http://hq.test/v1/status - server replied: status 403）"_s},
        {"no connection", time, FakeAnswer::failure(E::ConnectionRefusedError, u"Connection refused"_s),
         u"HQ unreachable: Connection refused"_s,
         u"网络不通，连不上总部。积分已保存在本机，网络恢复后会自动同步；请检查网线或 Wi-Fi。（Connection refused）"_s},
        {"no answer in time", time, FakeAnswer::hangs(), u"HQ unreachable: Operation canceled"_s,
         u"总部没有及时应答。积分已保存在本机，稍后会自动同步；如果一直这样，请检查网络。（Operation canceled）"_s},
        {"TLS handshake failing", time, FakeAnswer::failure(E::SslHandshakeFailedError, u"SSL handshake failed"_s),
         u"HQ unreachable: SSL handshake failed"_s,
         u"无法与总部建立安全连接。积分已保存在本机；请联系管理员检查总部的证书。（SSL handshake failed）"_s},
        // The client's own words about HQ's answer.
        {"time without hq_time", time, FakeAnswer::json(200, {}), u"HQ sent no time"_s, u"总部没有发来时间"_s},
    };
    for (const Case& c : cases) {
        QTest::addRow("zh_CN: %s", c.name) << u"zh_CN"_s << c.path << c.answer << c.chinese << c.english;
        QTest::addRow("no translator: %s", c.name) << QString() << c.path << c.answer << c.english << c.english;
    }
}

void TstPosHqErrors::errorAtTheIndicator()
{
    QFETCH(QString, language);
    QFETCH(QString, path);
    QFETCH(FakeAnswer, answer);
    QFETCH(QString, shown);
    QFETCH(QString, recorded);
    QVERIFY(installTranslator(m_translator, language));
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.addMember());
    QVERIFY(f.sale(u"S-1"_s, u"10"_s));
    QVERIFY(f.ledger->saveEnrollment(kHq, QByteArray(32, 'k')));

    // HQ answers time and status as usual (nothing acknowledged yet) until the failing request.
    const QString now = formatInstant(f.clock.nowUtc());
    FakeHqNetwork network([&](const FakeRequest& r) {
        if (r.path == path)
            return answer;
        if (r.path == u"/v1/time"_s)
            return FakeAnswer::json(200, {{u"hq_time"_s, now}});
        return FakeAnswer::json(200, {{u"terminal_id"_s, u"T1"_s}, {u"acked_seq"_s, 0}, {u"hq_time"_s, now}});
    });
    sync::SyncClient client(*f.ledger, network, f.clock);
    client.setRequestTimeout(200); // a hanging HQ is given up quickly
    sync::SyncScheduler scheduler(client, *f.ledger, f.clock, {}, 1);
    PosMainWindow window(*f.ledger, f.clock, {});
    window.attachSync(client, scheduler);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy finished(&client, &sync::SyncClient::finished);

    QTest::keyClick(&window, Qt::Key_F10); // sync now
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(network.requests().last().path, path);
    QCOMPARE(finished.first().at(1).toString(), shown);
    // The indicator says offline and, on its count of what HQ has not got, why.
    QCOMPARE(labelText(&window, "syncStateLabel"), QCoreApplication::translate("jifen::SyncStatusWidget", "Offline"));
    QCOMPARE(child<QLabel>(&window, "syncStatusLabel")->toolTip(), shown);
    // The ledger keeps the English whatever the window's language: `jifen status` prints it.
    QCOMPARE(f.ledger->syncState()->lastError, now + u' ' + recorded);
}

void TstPosHqErrors::redemptionRefusedByHq_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("shown");
    QTest::newRow("zh_CN")
        << u"zh_CN"_s
        << u"未兑换：总部不同意本次兑换（总部答复 409：not enough confirmed points: 100 available at "
           u"HQ, 300 asked） 未作任何记录；如需允许，请询问店长。"_s;
    QTest::newRow("no translator") << QString()
                                   << u"Not redeemed: HQ refused the redemption: HQ answered 409: not enough confirmed "
                                      u"points: 100 available at HQ, 300 asked Nothing was recorded; ask the manager "
                                      u"if it should be allowed."_s;
}

// HQ has the member's confirmed balance and says no: its reason inside the screen's sentence.
void TstPosHqErrors::redemptionRefusedByHq()
{
    QFETCH(QString, language);
    QFETCH(QString, shown);
    QVERIFY(installTranslator(m_translator, language));
    Fixture f(QDate(2026, 11, 23), u"fruit"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(addMemberWithPoints(f, 1000));
    QVERIFY(f.ledger->saveEnrollment(kHq, QByteArray(32, 'k')));
    const qint64 entries = f.journalSize();
    FakeHqNetwork network([&](const FakeRequest& r) {
        if (r.path == u"/v1/time"_s)
            return FakeAnswer::json(200, {{u"hq_time"_s, formatInstant(f.clock.nowUtc())}});
        return FakeAnswer::error(409, u"refused"_s, u"not enough confirmed points: 100 available at HQ, 300 asked"_s);
    });
    PosMainWindow::Options options;
    options.network = &network;
    PosMainWindow window(*f.ledger, f.clock, options);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    auto redeem = redeemKeys(kPhone, u"FRUIT-WASH"_s);
    typeKeys(redeem, &window);
    QTRY_COMPARE(labelText(&window, "redeemMessageLabel"), shown);
    QCOMPARE(network.count("POST", u"/v1/reserve"_s), 1);
    QCOMPARE(f.journalSize(), entries); // refused: nothing was written
}

QTEST_MAIN(TstPosHqErrors)
#include "tst_pos_hq_errors.moc"
