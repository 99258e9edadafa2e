// Sync over HTTPS: jifen-hq serve --tls-cert/--tls-key with a certificate from a CA made at test
// time (openssl CLI), and the real `jifen` CLI enrolling with --ca and syncing. The terminal
// trusts exactly what it was given: without the CA, or with another one, it refuses HQ.

#include "sync_harness.h"

#include <QStandardPaths>

using namespace jifen;
using namespace jifen::test;

namespace {

// Runs openssl; empty on success, else its complaint.
QString openssl(const QString& dir, const QStringList& args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QStringLiteral("openssl %1: %2")
            .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError()));
    return {};
}

// A CA (ca.pem/ca.key) in `dir`; with `server`, also server.pem/server.key for 127.0.0.1 signed by it.
QString makeCa(const QString& dir, bool server)
{
    QString e =
        openssl(dir, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                      QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                      QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                      QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                      QStringLiteral("/CN=Jifen test CA")});
    if (!e.isEmpty() || !server)
        return e;
    e = openssl(dir,
                {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                 QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    if (!e.isEmpty())
        return e;
    QFile ext(QDir(dir).filePath(QStringLiteral("ext.cnf")));
    if (!ext.open(QIODevice::WriteOnly) || ext.write("subjectAltName=IP:127.0.0.1\n") < 0)
        return QStringLiteral("cannot write ext.cnf");
    ext.close();
    return openssl(dir, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                         QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                         QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
                         QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("ext.cnf")});
}

struct Cli {
    int exit = -1;
    QString out;
    QString err;
};

Cli runJifen(const QString& dataDir, const QStringList& args)
{
    QProcess p;
    p.start(QDir(binDir()).filePath(QStringLiteral("jifen")),
            QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("--json")} + args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TstSyncTls : public QObject {
    Q_OBJECT

private slots:
    void syncOverHttps_data()
    {
        QTest::addColumn<QString>("trust");
        QTest::addColumn<int>("enrollExit");
        QTest::newRow("HQ's CA given with --ca") << QStringLiteral("ca") << 0;
        QTest::newRow("no CA: the system's do not know it") << QStringLiteral("none") << 6;
        QTest::newRow("another CA") << QStringLiteral("other") << 6;
    }
    void syncOverHttps()
    {
        QFETCH(QString, trust);
        QFETCH(int, enrollExit);
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is not installed");
        QTemporaryDir certs;
        QTemporaryDir otherCa;
        const QString made = makeCa(certs.path(), true);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        QVERIFY(makeCa(otherCa.path(), false).isEmpty());

        Backend b(QStringLiteral("sqlite"));
        b.hq->setTls(QDir(certs.path()).filePath(QStringLiteral("server.pem")),
                     QDir(certs.path()).filePath(QStringLiteral("server.key")));
        QVERIFY(b.hq->start());
        QVERIFY(b.hq->url().startsWith(QStringLiteral("https://127.0.0.1:")));

        Terminal t(QStringLiteral("T1"));
        t.sell(0, 5, 2);
        t.close(); // the CLI owns the database from here
        QStringList enroll{QStringLiteral("enroll"), QStringLiteral("--hq"), b.hq->url(), QStringLiteral("--code"),
                           b.code(QStringLiteral("T1"))};
        if (trust == QStringLiteral("ca"))
            enroll << QStringLiteral("--ca") << QDir(certs.path()).filePath(QStringLiteral("ca.pem"));
        else if (trust == QStringLiteral("other"))
            enroll << QStringLiteral("--ca") << QDir(otherCa.path()).filePath(QStringLiteral("ca.pem"));
        const Cli enrolled = runJifen(t.dir.path(), enroll);
        QVERIFY2(enrolled.exit == enrollExit, qPrintable(enrolled.out + enrolled.err));
        if (enrollExit != 0) {
            const QString said = enrolled.out + enrolled.err;
            QVERIFY2(said.contains(QStringLiteral("certificate"), Qt::CaseInsensitive) ||
                         said.contains(QStringLiteral("SSL"), Qt::CaseInsensitive),
                     qPrintable(said));
            QVERIFY(b.journal(QStringLiteral("T1")).isEmpty());
            return;
        }
        // The CA was kept with the enrolment: a later `jifen sync` trusts HQ without --ca.
        const Cli synced = runJifen(t.dir.path(), {QStringLiteral("sync")});
        QVERIFY2(synced.exit == 0, qPrintable(synced.out + synced.err));
        t.reopen();
        QCOMPARE(b.journal(QStringLiteral("T1")), terminalJournal(*t.ledger));
        QVERIFY(b.journal(QStringLiteral("T1")).size() >= 5);
    }

    void plainHttpToTlsServerFails()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is not installed");
        QTemporaryDir certs;
        QVERIFY(makeCa(certs.path(), true).isEmpty());
        Backend b(QStringLiteral("sqlite"));
        b.hq->setTls(QDir(certs.path()).filePath(QStringLiteral("server.pem")),
                     QDir(certs.path()).filePath(QStringLiteral("server.key")));
        QVERIFY(b.hq->start());
        Terminal t(QStringLiteral("T1"));
        QString error;
        QString url = b.hq->url();
        url.replace(QStringLiteral("https://"), QStringLiteral("http://"));
        QVERIFY(!t.enroll(url, b.code(QStringLiteral("T1")), &error));
        QVERIFY(!error.isEmpty());
    }

    void serveRefusesBadTlsFiles_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing certificate")
            << QStringLiteral("nope.pem") << QStringLiteral("server.key") << QStringLiteral("no PEM certificate");
        QTest::newRow("key is a certificate")
            << QStringLiteral("server.pem") << QStringLiteral("server.pem") << QStringLiteral("private key");
        QTest::newRow("missing key") << QStringLiteral("server.pem") << QStringLiteral("nope.key")
                                     << QStringLiteral("cannot read");
    }
    void serveRefusesBadTlsFiles()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, message);
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command is not installed");
        QTemporaryDir certs;
        QVERIFY(makeCa(certs.path(), true).isEmpty());
        QProcess p;
        p.start(QDir(binDir()).filePath(QStringLiteral("jifen-hq")),
                {QStringLiteral("--db"), QDir(certs.path()).filePath(QStringLiteral("hq.db")), QStringLiteral("serve"),
                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"),
                 QDir(certs.path()).filePath(certificate), QStringLiteral("--tls-key"),
                 QDir(certs.path()).filePath(key)});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }
};

QTEST_MAIN(TstSyncTls)
#include "tst_sync_tls.moc"
