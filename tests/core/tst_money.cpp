// Money, Points and the identity fields a cashier types: what is accepted, what it becomes, and
// the message given for everything refused.

#include "error.h"
#include "identity.h"
#include "money.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace jifen;

namespace jifen {
inline char* toString(ErrorCode code)
{
    return qstrdup(errorCodeName(code).toUtf8().constData());
}
} // namespace jifen

class TestMoney : public QObject {
    Q_OBJECT
private slots:
    void parseYuanValid_data();
    void parseYuanValid();
    void parseYuanInvalid_data();
    void parseYuanInvalid();
    void toYuanString_data();
    void toYuanString();
    void arithmeticIsExact();
    void proportionalShares_data();
    void proportionalShares();
    void pointsParse_data();
    void pointsParse();
    void normalizePhone_data();
    void normalizePhone();
    void maskPhone_data();
    void maskPhone();
    void normalizeCard_data();
    void normalizeCard();
    void normalizeRef_data();
    void normalizeRef();
    void normalizeName_data();
    void normalizeName();
};

void TestMoney::parseYuanValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("one fen 0.01") << "0.01" << qint64(1) << "0.01";
    QTest::newRow("whole yuan 1") << "1" << qint64(100) << "1.00";
    QTest::newRow("one decimal 12.5") << "12.5" << qint64(1250) << "12.50";
    QTest::newRow("two decimals 12.34") << "12.34" << qint64(1234) << "12.34";
    QTest::newRow("largest 99999999.99") << "99999999.99" << Money::maxFen << "99999999.99";
    QTest::newRow("largest whole 99999999") << "99999999" << qint64(9999999900) << "99999999.00";
    QTest::newRow("leading zeros 007.10") << "007.10" << qint64(710) << "7.10";
    QTest::newRow("many leading zeros 0000000000012.34") << "0000000000012.34" << qint64(1234) << "12.34";
    QTest::newRow("surrounding spaces trimmed") << "  3.20 " << qint64(320) << "3.20";
    QTest::newRow("zero yuan and fen 0.10") << "0.10" << qint64(10) << "0.10";
}

void TestMoney::parseYuanValid()
{
    QFETCH(QString, text);
    QFETCH(qint64, fen);
    QFETCH(QString, canonical);
    const auto m = Money::parseYuan(text);
    QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message));
    QCOMPARE(m->fen(), fen);
    QCOMPARE(m->toYuanString(), canonical);
    // The canonical form parses back to the same amount.
    const auto again = Money::parseYuan(m->toYuanString());
    QVERIFY(again.ok());
    QCOMPARE(again->fen(), fen);
}

void TestMoney::parseYuanInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // a fragment the user must see

    QTest::newRow("negative -1") << "-1"
                                 << "negative";
    QTest::newRow("negative -0.01") << "-0.01"
                                    << "negative";
    QTest::newRow("three decimals 1.234") << "1.234"
                                          << "more than two decimals";
    QTest::newRow("three decimals 0.001") << "0.001"
                                          << "more than two decimals";
    QTest::newRow("exponent 1e5") << "1e5"
                                  << "not a number of yuan";
    QTest::newRow("letters abc") << "abc"
                                 << "not a number of yuan";
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("only a space") << " "
                                  << "empty";
    QTest::newRow("too large 100000000") << "100000000"
                                         << "too large";
    QTest::newRow("too large 123456789.01") << "123456789.01"
                                            << "too large";
    QTest::newRow("zero 0") << "0"
                            << "at least 0.01";
    QTest::newRow("zero 0.00") << "0.00"
                               << "at least 0.01";
    QTest::newRow("zero 000.0") << "000.0"
                                << "at least 0.01";
    QTest::newRow("trailing point 1.") << "1."
                                       << "not a number of yuan";
    QTest::newRow("no whole part .5") << ".5"
                                      << "not a number of yuan";
    QTest::newRow("plus sign +5") << "+5"
                                  << "not a number of yuan";
    QTest::newRow("thousands separator 1,000") << "1,000"
                                               << "not a number of yuan";
    QTest::newRow("decimal comma 12,50") << "12,50"
                                         << "not a number of yuan";
    QTest::newRow("currency sign ¥12") << "¥12"
                                       << "not a number of yuan";
    QTest::newRow("unit 12元") << "12元"
                               << "not a number of yuan";
    QTest::newRow("full-width digits １２") << "１２"
                                            << "not a number of yuan";
    QTest::newRow("inner space 1 2") << "1 2"
                                     << "not a number of yuan";
    QTest::newRow("two points 1.2.3") << "1.2.3"
                                      << "not a number of yuan";
}

void TestMoney::parseYuanInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto m = Money::parseYuan(text);
    QVERIFY2(!m.ok(), qPrintable(u"accepted as "_s + (m.ok() ? m->toYuanString() : QString())));
    QCOMPARE(m.error().code, ErrorCode::BadInput);
    QVERIFY2(m.error().message.contains(message), qPrintable(m.error().message));
}

void TestMoney::toYuanString_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("text");

    QTest::newRow("zero") << qint64(0) << "0.00";
    QTest::newRow("one fen") << qint64(1) << "0.01";
    QTest::newRow("ten fen") << qint64(10) << "0.10";
    QTest::newRow("one yuan") << qint64(100) << "1.00";
    QTest::newRow("1234.56") << qint64(123456) << "1234.56";
    QTest::newRow("largest") << Money::maxFen << "99999999.99";
    QTest::newRow("minus half a yuan") << qint64(-50) << "-0.50";
    QTest::newRow("minus 123.45") << qint64(-12345) << "-123.45";
    QTest::newRow("minus one fen") << qint64(-1) << "-0.01";
}

void TestMoney::toYuanString()
{
    QFETCH(qint64, fen);
    QFETCH(QString, text);
    QCOMPARE(Money::fromFen(fen).toYuanString(), text);
}

void TestMoney::proportionalShares_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QList<qint64>>("weights");
    QTest::addColumn<QList<qint64>>("shares");
    QTest::newRow("even split") << qint64(100) << QList<qint64>{50, 50} << QList<qint64>{50, 50};
    QTest::newRow("remainder to the last positive")
        << qint64(10) << QList<qint64>{10, 10, 10} << QList<qint64>{3, 3, 4};
    QTest::newRow("capped at each weight") << qint64(500) << QList<qint64>{100, 200} << QList<qint64>{100, 200};
    QTest::newRow("zero weights take nothing")
        << qint64(90) << QList<qint64>{0, 30, 0, 60} << QList<qint64>{0, 30, 0, 60};
    // A negative weight (a discount line) must neither take a share nor shrink the total: with
    // {5, 3, -8} the full sum is zero, which divided by zero before.
    QTest::newRow("negative weight summing to zero") << qint64(8) << QList<qint64>{5, 3, -8} << QList<qint64>{5, 3, 0};
    QTest::newRow("negative weight among positives") << qint64(6) << QList<qint64>{4, -2, 8} << QList<qint64>{2, 0, 4};
    QTest::newRow("nothing to share") << qint64(0) << QList<qint64>{3, 4} << QList<qint64>{0, 0};
}

void TestMoney::proportionalShares()
{
    QFETCH(qint64, amount);
    QFETCH(QList<qint64>, weights);
    QFETCH(QList<qint64>, shares);
    const QList<qint64> got = jifen::proportionalShares(amount, weights);
    QCOMPARE(got, shares);
    qint64 sum = 0;
    for (qint64 s : got)
        sum += s;
    QVERIFY(sum <= amount);
}

void TestMoney::arithmeticIsExact()
{
    // 0.10 + 0.20 is exactly 0.30 (no binary floating point anywhere).
    const Money a = Money::parseYuan(u"0.10"_s).value();
    const Money b = Money::parseYuan(u"0.20"_s).value();
    QCOMPARE((a + b).toYuanString(), u"0.30"_s);
    QCOMPARE((a + b).fen(), Money::parseYuan(u"0.30"_s)->fen());
    QCOMPARE((a - b).toYuanString(), u"-0.10"_s);
    QVERIFY(a < b);
    QVERIFY(Points(5) + Points(7) == Points(12));
    QVERIFY(-Points(5) == Points(-5));
}

void TestMoney::pointsParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("value"); // 0: refused
    QTest::addColumn<QString>("message");

    QTest::newRow("one") << "1" << qint64(1) << "";
    QTest::newRow("hundred") << "100" << qint64(100) << "";
    QTest::newRow("one billion (the most)") << "1000000000" << qint64(1000000000) << "";
    QTest::newRow("spaces trimmed") << " 42 " << qint64(42) << "";
    QTest::newRow("leading zero 0100") << "0100" << qint64(100) << "";
    QTest::newRow("zero") << "0" << qint64(0) << "must be positive";
    QTest::newRow("negative") << "-5" << qint64(0) << "not a whole number";
    QTest::newRow("fraction") << "1.5" << qint64(0) << "not a whole number";
    QTest::newRow("letters") << "abc" << qint64(0) << "not a whole number";
    QTest::newRow("empty") << "" << qint64(0) << "empty";
    QTest::newRow("one over a billion") << "1000000001" << qint64(0) << "too large";
    QTest::newRow("eleven digits") << "99999999999" << qint64(0) << "99999999999";
    QTest::newRow("exponent") << "1e3" << qint64(0) << "not a whole number";
}

void TestMoney::pointsParse()
{
    QFETCH(QString, text);
    QFETCH(qint64, value);
    QFETCH(QString, message);
    const auto p = Points::parse(text);
    if (value > 0) {
        QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().message));
        QCOMPARE(p->value(), value);
    } else {
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, ErrorCode::BadInput);
        QVERIFY2(p.error().message.contains(message), qPrintable(p.error().message));
    }
}

void TestMoney::normalizePhone_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized"); // empty: refused

    QTest::newRow("plain 13800138000") << "13800138000"
                                       << "13800138000";
    QTest::newRow("with spaces 138 0013 8000") << "138 0013 8000"
                                               << "13800138000";
    QTest::newRow("with dashes 138-0013-8000") << "138-0013-8000"
                                               << "13800138000";
    QTest::newRow("country code +8613800138000") << "+8613800138000"
                                                 << "13800138000";
    QTest::newRow("country code and spaces") << "+86 138 0013 8000"
                                             << "13800138000";
    QTest::newRow("surrounding spaces, 199 prefix") << " 19912345678 "
                                                    << "19912345678";
    QTest::newRow("second digit 2 refused") << "12800138000"
                                            << "";
    QTest::newRow("ten digits refused") << "1380013800"
                                        << "";
    QTest::newRow("twelve digits refused") << "138001380001"
                                           << "";
    QTest::newRow("landline refused") << "02112345678"
                                      << "";
    QTest::newRow("other country code refused") << "+85213800138000"
                                                << "";
    QTest::newRow("letters refused") << "1380013800a"
                                     << "";
    QTest::newRow("empty refused") << ""
                                   << "";
    QTest::newRow("only +86 refused") << "+86"
                                      << "";
}

void TestMoney::normalizePhone()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    const auto p = jifen::normalizePhone(input);
    if (!normalized.isEmpty()) {
        QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().message));
        QCOMPARE(p.value(), normalized);
        return;
    }
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, ErrorCode::BadInput);
    // A refused number is never echoed in full: messages end up in logs.
    QString digits = input;
    digits.remove(u' ').remove(u'-').remove(u"+86"_s);
    if (digits.size() >= 8)
        QVERIFY2(!p.error().message.contains(digits), qPrintable(p.error().message));
}

void TestMoney::maskPhone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("masked");

    QTest::newRow("mobile 138****8000") << "13800138000"
                                        << "138****8000";
    QTest::newRow("mobile 199****5678") << "19912345678"
                                        << "199****5678";
    QTest::newRow("eight characters") << "12345678"
                                      << "123*5678";
    QTest::newRow("seven characters fully hidden") << "1234567"
                                                   << "*******";
    QTest::newRow("empty") << ""
                           << "";
}

void TestMoney::maskPhone()
{
    QFETCH(QString, phone);
    QFETCH(QString, masked);
    QCOMPARE(jifen::maskPhone(phone), masked);
}

void TestMoney::normalizeCard_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized"); // empty: refused

    QTest::newRow("upper-cased ab-12") << "ab-12"
                                       << "AB-12";
    QTest::newRow("trimmed card0001") << " card0001 "
                                      << "CARD0001";
    QTest::newRow("four characters") << "A1B2"
                                     << "A1B2";
    QTest::newRow("thirty-two characters") << QString(32, u'9') << QString(32, u'9');
    QTest::newRow("three characters refused") << "AB1"
                                              << "";
    QTest::newRow("thirty-three characters refused") << QString(33, u'9') << "";
    QTest::newRow("underscore refused") << "AB_12"
                                        << "";
    QTest::newRow("inner space refused") << "AB 12"
                                         << "";
    QTest::newRow("Chinese refused") << "会员卡0001"
                                     << "";
    QTest::newRow("empty refused") << ""
                                   << "";
}

void TestMoney::normalizeCard()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    const auto c = jifen::normalizeCard(input);
    if (normalized.isEmpty()) {
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, ErrorCode::BadInput);
        QVERIFY(c.error().message.contains(u"card number"_s));
    } else {
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message));
        QCOMPARE(c.value(), normalized);
    }
}

void TestMoney::normalizeRef_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");

    QTest::newRow("short s1") << "s1" << true;
    QTest::newRow("all allowed punctuation") << "sale:2026-11-23.001_a" << true;
    QTest::newRow("sixty-four characters") << QString(64, u'r') << true;
    QTest::newRow("sixty-five characters") << QString(65, u'r') << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("only spaces") << "   " << false;
    QTest::newRow("inner space") << "sale 1" << false;
    QTest::newRow("slash") << "a/b" << false;
    QTest::newRow("Chinese") << "销售1" << false;
    QTest::newRow("quote") << "a'b" << false;
    QTest::newRow("comma") << "a,b" << false;
}

void TestMoney::normalizeRef()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    const auto r = jifen::normalizeRef(input);
    QCOMPARE(r.ok(), valid);
    if (valid)
        QCOMPARE(r.value(), input.trimmed());
    else
        QCOMPARE(r.error().code, ErrorCode::BadInput);
}

void TestMoney::normalizeName_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized"); // empty: refused

    QTest::newRow("Chinese name") << "张三"
                                  << "张三";
    QTest::newRow("trimmed") << "  李四 "
                             << "李四";
    QTest::newRow("sixty-four characters") << QString(64, u'名') << QString(64, u'名');
    QTest::newRow("sixty-five characters refused") << QString(65, u'名') << "";
    QTest::newRow("empty refused") << ""
                                   << "";
    QTest::newRow("control character refused") << QStringLiteral("a\tb") << "";
    QTest::newRow("zero-width joiner refused") << u"a\u200Db"_s << "";
}

void TestMoney::normalizeName()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    const auto n = jifen::normalizeName(input, u"member name"_s);
    if (normalized.isEmpty()) {
        QVERIFY(!n.ok());
        QCOMPARE(n.error().code, ErrorCode::BadInput);
        QVERIFY2(n.error().message.startsWith(u"member name"_s), qPrintable(n.error().message));
    } else {
        QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
        QCOMPARE(n.value(), normalized);
    }
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
