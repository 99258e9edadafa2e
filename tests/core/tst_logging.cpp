// Log lines never carry a phone number unmasked, whatever the caller passed in; under systemd each
// line carries its journal priority.

#include "logging.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class Logging : public QObject {
    Q_OBJECT

private slots:
    void masksPhones_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare number") << u"member 13800138000 added"_s << u"member 138****8000 added"_s;
        QTest::newRow("+86 prefix") << u"phone +8613800138000"_s << u"phone 138****8000"_s;
        QTest::newRow("86 and space") << u"phone 86 13912345678."_s << u"phone 139****5678."_s;
        QTest::newRow("two numbers") << u"13800138000->19912345678"_s << u"138****8000->199****5678"_s;
        QTest::newRow("in a flag") << u"--phone=15000000001 --name=x"_s << u"--phone=150****0001 --name=x"_s;
        QTest::newRow("inside JSON") << uR"({"phone":"17012345678"})"_s << uR"({"phone":"170****5678"})"_s;
        QTest::newRow("12 digits untouched") << u"seq 138001380001"_s << u"seq 138001380001"_s;
        QTest::newRow("not a mobile prefix") << u"ref 12800138000"_s << u"ref 12800138000"_s;
        QTest::newRow("already masked") << u"138****8000"_s << u"138****8000"_s;
        QTest::newRow("no digits") << u"HQ acknowledged"_s << u"HQ acknowledged"_s;
    }
    void masksPhones()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(jifen::maskPhonesInText(text), expected);
    }

    void formatsLines_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("journal");
        QTest::addColumn<QString>("expectedStart");
        QTest::newRow("journal info") << int(QtInfoMsg) << true << u"<6>jifen.sync: pushed "_s;
        QTest::newRow("journal warning") << int(QtWarningMsg) << true << u"<4>jifen.sync: pushed "_s;
        QTest::newRow("journal debug") << int(QtDebugMsg) << true << u"<7>jifen.sync: pushed "_s;
        QTest::newRow("terminal warning") << int(QtWarningMsg) << false << u"jifen jifen.sync warning: pushed"_s;
    }
    void formatsLines()
    {
        QFETCH(int, type);
        QFETCH(bool, journal);
        QFETCH(QString, expectedStart);
        const QString line = jifen::formatLogLine(static_cast<QtMsgType>(type), "jifen.sync",
                                                  u"pushed 13800138000\nsecond line"_s, u"jifen"_s, journal);
        QVERIFY2(!line.contains(u"13800138000"_s), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1Char('\n')), qPrintable(line)); // one record per line
        if (journal)
            QVERIFY2(line.startsWith(expectedStart), qPrintable(line));
        else // a UTC timestamp first, then program, category and level
            QVERIFY2(line.section(QLatin1Char(' '), 1).startsWith(expectedStart), qPrintable(line));
        QVERIFY2(line.contains(u"138****8000"_s), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(Logging)
#include "tst_logging.moc"
