// The operator status page end to end in a real browser: a real jifen-hq with a terminal that
// pushed sales and an incident, headless Chromium driven by chromedriver over the W3C WebDriver
// HTTP protocol (spoken here with QNetworkAccessManager). Skips, saying why, when Chromium or
// chromedriver is missing or cannot start in this environment.

#include "hq_status.h"
#include "operator_sessions.h"
#include "sync_harness.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>

using namespace jifen;
using namespace jifen::test;

namespace {

// A click on a submit button may return before the form's navigation has finished, so what
// follows a click is awaited, not read at once.
constexpr int kNavigation = 15000;

const QString kElementKey = QStringLiteral("element-6066-11e4-a52e-4f735466cecf");

// A minimal W3C WebDriver client: one synchronous call per step.
class WebDriver {
public:
    ~WebDriver()
    {
        if (!m_session.isEmpty())
            call("DELETE", QStringLiteral("/session/%1").arg(m_session));
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Empty on success, else why the browser cannot be used here.
    QString start(const QString& profileDir)
    {
        const QString driver = QStandardPaths::findExecutable(QStringLiteral("chromedriver"));
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (driver.isEmpty() || chromium.isEmpty())
            return QStringLiteral("chromium or chromedriver is not installed (scripts/install-deps.sh installs them)");
        QTcpServer probe; // a free port for chromedriver
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return QStringLiteral("no free port");
        m_port = probe.serverPort();
        probe.close();
        m_process.setProgram(driver);
        m_process.setArguments({QStringLiteral("--port=%1").arg(m_port)});
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("chromedriver did not start: %1").arg(m_process.errorString());
        QByteArray seen;
        while (!seen.contains("started successfully") && m_process.waitForReadyRead(15000))
            seen += m_process.readAllStandardOutput();
        if (!seen.contains("started successfully"))
            return QStringLiteral("chromedriver did not come up: %1").arg(QString::fromUtf8(seen));
        const QJsonObject options{
            {QStringLiteral("binary"), chromium},
            {QStringLiteral("args"),
             QJsonArray{QStringLiteral("--headless=new"), QStringLiteral("--no-sandbox"),
                        QStringLiteral("--disable-gpu"), QStringLiteral("--disable-dev-shm-usage"),
                        QStringLiteral("--no-first-run"), QStringLiteral("--user-data-dir=%1").arg(profileDir)}}};
        const QJsonObject reply =
            call("POST", QStringLiteral("/session"),
                 {{QStringLiteral("capabilities"),
                   QJsonObject{{QStringLiteral("alwaysMatch"),
                                QJsonObject{{QStringLiteral("browserName"), QStringLiteral("chrome")},
                                            {QStringLiteral("goog:chromeOptions"), options}}}}}})
                .toObject();
        m_session = reply.value(QStringLiteral("value")).toObject().value(QStringLiteral("sessionId")).toString();
        if (m_session.isEmpty())
            return QStringLiteral("chromium cannot run here: %1")
                .arg(QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)).left(600));
        return {};
    }

    QJsonValue call(const char* method, const QString& path, const QJsonObject& body = {})
    {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setTransferTimeout(60000);
        QNetworkReply* reply = m_network.sendCustomRequest(
            request, method, qstrcmp(method, "POST") == 0 ? QJsonDocument(body).toJson() : QByteArray());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(90000);
        QJsonObject out = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return out;
    }
    QJsonObject session(const char* method, const QString& path, const QJsonObject& body = {})
    {
        return call(method, QStringLiteral("/session/%1%2").arg(m_session, path), body).toObject();
    }

    void go(const QString& url) { session("POST", QStringLiteral("/url"), {{QStringLiteral("url"), url}}); }
    QString currentUrl() { return session("GET", QStringLiteral("/url")).value(QStringLiteral("value")).toString(); }
    QString source() { return session("GET", QStringLiteral("/source")).value(QStringLiteral("value")).toString(); }
    // The element's id, empty when there is none.
    QString find(const QString& css)
    {
        return session("POST", QStringLiteral("/element"),
                       {{QStringLiteral("using"), QStringLiteral("css selector")}, {QStringLiteral("value"), css}})
            .value(QStringLiteral("value"))
            .toObject()
            .value(kElementKey)
            .toString();
    }
    // The element's visible text, runs of white space (between table cells) made one space.
    QString text(const QString& css)
    {
        const QString id = find(css);
        return id.isEmpty() ? QStringLiteral("<no %1>").arg(css)
                            : session("GET", QStringLiteral("/element/%1/text").arg(id))
                                  .value(QStringLiteral("value"))
                                  .toString()
                                  .simplified();
    }
    void type(const QString& css, const QString& text)
    {
        const QString id = find(css);
        session("POST", QStringLiteral("/element/%1/clear").arg(id));
        session("POST", QStringLiteral("/element/%1/value").arg(id), {{QStringLiteral("text"), text}});
    }
    void click(const QString& css) { session("POST", QStringLiteral("/element/%1/click").arg(find(css))); }
    QJsonArray cookies() { return session("GET", QStringLiteral("/cookie")).value(QStringLiteral("value")).toArray(); }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QString m_session;
    QNetworkAccessManager m_network;
};

} // namespace

class TstHqStatusBrowser : public QObject {
    Q_OBJECT

private slots:
    void operatorLogsInAndSeesHq()
    {
        Backend b(QStringLiteral("sqlite"));
        QVERIFY(b.hq->start());
        int exit = -1;
        b.hq->admin(
            {QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("anna")},
            &exit, QByteArrayLiteral("correct horse battery\n"));
        QCOMPARE(exit, 0);

        // A terminal that pushed sales, then a tampered entry: a chain-broken incident.
        Terminal t(QStringLiteral("T1"));
        QVERIFY(
            t.ledger->addMember({phone(1), QString(), QStringLiteral("<i>王五</i>"), QStringLiteral("person")}).ok());
        QVERIFY(t.enroll(b.hq->url(), b.code(QStringLiteral("T1"))));
        t.sell(0, 5, 1, 1);
        QVERIFY(t.sync());
        const QString month = sync::chinaMonth(QDateTime::currentDateTimeUtc());
        QVERIFY(b.budget(month, 200000));
        b.hq->admin({QStringLiteral("allowance"), QStringLiteral("set"), QStringLiteral("--terminal"),
                     QStringLiteral("T1"), QStringLiteral("--month"), month, QStringLiteral("--points"),
                     QStringLiteral("100000")},
                    &exit);
        QCOMPARE(exit, 0);
        t.sell(5, 2, 1, 1);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            raw.setDatabaseName(t.dir.filePath(QStringLiteral("jifen.db")));
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("DROP TRIGGER journal_no_update")));
            QVERIFY(q.exec(QStringLiteral("UPDATE journal SET points = points + 1000 WHERE seq = 7")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        QVERIFY(!t.sync());
        QCOMPARE(b.incidents().size(), 1);

        // What HQ's books say, to compare with what the page shows.
        qint64 liability = 0;
        qint64 issued = 0;
        qint64 acked = 0;
        {
            auto db = sync::HqDatabase::open(b.hq->db());
            QVERIFY(db);
            liability = db.value()->scalar(QStringLiteral("SELECT SUM(points) FROM balances")).value().toLongLong();
            issued = db.value()
                         ->scalar(QStringLiteral("SELECT SUM(points) FROM journal WHERE kind = 'earn'"))
                         .value()
                         .toLongLong();
            acked = db.value()->scalar(QStringLiteral("SELECT acked_seq FROM terminals")).value().toLongLong();
        }
        QVERIFY(liability > 0);
        QVERIFY(acked > 0);

        QTemporaryDir profile;
        WebDriver browser;
        const QString why = browser.start(profile.path());
        if (!why.isEmpty())
            QSKIP(qPrintable(why));

        // Without a session the page sends the browser to the login form.
        browser.go(b.hq->url() + QStringLiteral("/status"));
        QCOMPARE(browser.currentUrl(), b.hq->url() + QStringLiteral("/login"));
        QVERIFY(browser.source().contains(QStringLiteral("operator login")));

        // A wrong password is refused.
        browser.type(QStringLiteral("input[name=name]"), QStringLiteral("anna"));
        browser.type(QStringLiteral("input[name=password]"), QStringLiteral("correct horse battery?"));
        browser.click(QStringLiteral("#login"));
        QTRY_COMPARE_WITH_TIMEOUT(browser.text(QStringLiteral("#login-error")),
                                  QStringLiteral("Wrong name or password."), kNavigation);
        QVERIFY(browser.cookies().isEmpty());
        browser.go(b.hq->url() + QStringLiteral("/status"));
        QCOMPARE(browser.currentUrl(), b.hq->url() + QStringLiteral("/login"));

        // The right one logs in through the form.
        browser.type(QStringLiteral("input[name=name]"), QStringLiteral("anna"));
        browser.type(QStringLiteral("input[name=password]"), QStringLiteral("correct horse battery"));
        browser.click(QStringLiteral("#login"));
        QTRY_COMPARE_WITH_TIMEOUT(browser.currentUrl(), b.hq->url() + QStringLiteral("/status"), kNavigation);
        const QJsonArray cookies = browser.cookies();
        QCOMPARE(cookies.size(), 1);
        const QJsonObject cookie = cookies.first().toObject();
        QCOMPARE(cookie.value(QStringLiteral("name")).toString(), QStringLiteral("jifen_hq_session"));
        QCOMPARE(cookie.value(QStringLiteral("httpOnly")).toBool(), true);
        QCOMPARE(cookie.value(QStringLiteral("sameSite")).toString(), QStringLiteral("Strict"));

        // What the page shows.
        QCOMPARE(browser.text(QStringLiteral("#operator")), QStringLiteral("anna"));
        const QString terminal = browser.text(QStringLiteral("tr[data-terminal=T1]"));
        QVERIFY2(terminal.contains(QStringLiteral("T1 S1 yes %1 just now").arg(acked)), qPrintable(terminal));
        QCOMPARE(browser.text(QStringLiteral("#liability-points")), QString::number(liability));
        const QString budget = browser.text(QStringLiteral("#budget"));
        QVERIFY2(budget.contains(QStringLiteral("%1 T1 %2 100000").arg(month).arg(issued)), qPrintable(budget));
        const QString incidents = browser.text(QStringLiteral("#incidents"));
        QVERIFY2(incidents.contains(QStringLiteral("chain-broken T1 7")), qPrintable(incidents));
        QCOMPARE(browser.text(QStringLiteral("#incident-count")), QStringLiteral("1 incident(s)"));
        // Charts are drawn (server-side SVG), and no script ran or was sent.
        const QString source = browser.source();
        QCOMPARE(source.count(QStringLiteral("<svg")), 4);
        QVERIFY(!source.contains(QStringLiteral("<script")));
        QVERIFY(!source.contains(QStringLiteral("<i>王五</i>")));

        // Logging out ends the session.
        browser.click(QStringLiteral("#logout"));
        QTRY_COMPARE_WITH_TIMEOUT(browser.currentUrl(), b.hq->url() + QStringLiteral("/login"), kNavigation);
        browser.go(b.hq->url() + QStringLiteral("/status"));
        QCOMPARE(browser.currentUrl(), b.hq->url() + QStringLiteral("/login"));
    }

    // The same login over plain HTTP, no browser: the redirect, the cookie's attributes and the
    // throttle after repeated failures.
    void loginOverHttp()
    {
        Backend b(QStringLiteral("sqlite"));
        QVERIFY(b.hq->start());
        int exit = -1;
        b.hq->admin(
            {QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("anna")},
            &exit, QByteArrayLiteral("correct horse battery\n"));
        QCOMPARE(exit, 0);
        QNetworkAccessManager network;
        network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        struct Answer {
            int status = 0;
            QByteArray location;
            QByteArray cookie;
            QByteArray body;
        };
        auto send = [&](const QString& path, const QByteArray& form, const QByteArray& cookie = {}) {
            QNetworkRequest request(QUrl(b.hq->url() + path));
            if (!cookie.isEmpty())
                request.setRawHeader(QByteArrayLiteral("Cookie"), cookie);
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
            QNetworkReply* reply = form.isNull() ? network.get(request) : network.post(request, form);
            QSignalSpy done(reply, &QNetworkReply::finished);
            if (!reply->isFinished())
                done.wait(30000);
            Answer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                     reply->rawHeader(QByteArrayLiteral("Location")), reply->rawHeader(QByteArrayLiteral("Set-Cookie")),
                     reply->readAll()};
            reply->deleteLater();
            return a;
        };
        const Answer anonymous = send(QStringLiteral("/status"), QByteArray());
        QCOMPARE(anonymous.status, 303);
        QCOMPARE(anonymous.location, QByteArrayLiteral("/login"));
        const Answer forged =
            send(QStringLiteral("/status"), QByteArray(), QByteArrayLiteral("jifen_hq_session=") + QByteArray(64, 'a'));
        QCOMPARE(forged.status, 303);

        const Answer good =
            send(QStringLiteral("/login"), QByteArrayLiteral("name=anna&password=correct+horse+battery"));
        QCOMPARE(good.status, 303);
        QCOMPARE(good.location, QByteArrayLiteral("/status"));
        QVERIFY2(good.cookie.contains("; HttpOnly") && good.cookie.contains("; SameSite=Strict") &&
                     good.cookie.contains("Max-Age=28800"),
                 good.cookie.constData());
        const QByteArray session = good.cookie.left(good.cookie.indexOf(';'));
        const Answer page = send(QStringLiteral("/status"), QByteArray(), session);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("<b id=\"operator\">anna</b>"));

        for (int i = 0; i < sync::OperatorSessions::kMaxFailures; ++i)
            QCOMPARE(send(QStringLiteral("/login"), QByteArrayLiteral("name=anna&password=guess")).status, 401);
        // Locked now, even with the right password; the session already given stays valid.
        const Answer locked =
            send(QStringLiteral("/login"), QByteArrayLiteral("name=anna&password=correct+horse+battery"));
        QCOMPARE(locked.status, 429);
        QVERIFY(locked.body.contains("Too many failed logins"));
        QCOMPARE(send(QStringLiteral("/status"), QByteArray(), session).status, 200);
        // Logging out ends it.
        QCOMPARE(send(QStringLiteral("/logout"), QByteArrayLiteral(""), session).status, 303);
        QCOMPARE(send(QStringLiteral("/status"), QByteArray(), session).status, 303);
    }
};

QTEST_MAIN(TstHqStatusBrowser)
#include "tst_hq_status_browser.moc"
