#include "identity.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace jifen {

Result<QString> normalizePhone(const QString& input)
{
    QString p = input.trimmed();
    p.remove(QLatin1Char(' '));
    p.remove(QLatin1Char('-'));
    if (p.startsWith(QStringLiteral("+86")))
        p.remove(0, 3);
    if (p.isEmpty())
        return Error::badInput(QCoreApplication::translate("jifen::Identity", "phone number is empty"));
    static const QRegularExpression mobile(QStringLiteral("^1[3-9][0-9]{9}$"));
    if (!mobile.match(p).hasMatch())
        return Error::badInput(
            QCoreApplication::translate("jifen::Identity",
                                        "phone number %1 is not a mainland mobile number (11 digits, 13x-19x)")
                .arg(maskPhone(p)));
    return p;
}

QString maskPhone(const QString& phone)
{
    if (phone.size() < 8)
        return QString(phone.size(), QLatin1Char('*'));
    return phone.left(3) + QString(phone.size() - 7, QLatin1Char('*')) + phone.right(4);
}

Result<QString> normalizeCard(const QString& input)
{
    const QString c = input.trimmed().toUpper();
    static const QRegularExpression form(QStringLiteral("^[A-Z0-9-]{4,32}$"));
    if (c.isEmpty())
        return Error::badInput(QCoreApplication::translate("jifen::Identity", "card number is empty"));
    if (!form.match(c).hasMatch())
        return Error::badInput(
            QCoreApplication::translate("jifen::Identity", "card number must be 4-32 letters, digits or dashes"));
    return c;
}

Result<QString> normalizeName(const QString& input, const QString& what)
{
    const QString n = input.trimmed();
    if (n.isEmpty())
        return Error::badInput(QCoreApplication::translate("jifen::Identity", "%1 is empty").arg(what));
    if (n.size() > 64)
        return Error::badInput(
            QCoreApplication::translate("jifen::Identity", "%1 is longer than 64 characters").arg(what));
    for (const QChar ch : n) {
        if (ch.category() == QChar::Other_Control || ch.category() == QChar::Other_Format)
            return Error::badInput(
                QCoreApplication::translate("jifen::Identity", "%1 contains control characters").arg(what));
    }
    return n;
}

Result<QString> normalizeRef(const QString& input)
{
    const QString r = input.trimmed();
    static const QRegularExpression form(QStringLiteral("^[A-Za-z0-9._:-]{1,64}$"));
    if (r.isEmpty())
        return Error::badInput(
            QCoreApplication::translate("jifen::Identity", "--ref is empty; every write needs a client reference"));
    if (!form.match(r).hasMatch())
        return Error::badInput(QCoreApplication::translate(
            "jifen::Identity", "reference must be 1-64 characters of letters, digits and . _ : -"));
    return r;
}

Result<QString> normalizeCode(const QString& input, const QString& what)
{
    const QString c = input.trimmed();
    static const QRegularExpression form(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    if (c.isEmpty())
        return Error::badInput(QCoreApplication::translate("jifen::Identity", "%1 is empty").arg(what));
    if (!form.match(c).hasMatch())
        return Error::badInput(
            QCoreApplication::translate("jifen::Identity", "%1 must be 1-32 letters, digits, _ or -").arg(what));
    return c;
}

} // namespace jifen
