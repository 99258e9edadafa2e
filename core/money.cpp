#include "money.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace jifen {

Result<Money> Money::parseYuan(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error::badInput(QCoreApplication::translate("jifen::Money", "amount is empty; give yuan like 12.50"));
    if (t.startsWith(QLatin1Char('-')))
        return Error::badInput(
            QCoreApplication::translate("jifen::Money", "amount %1 is negative; amounts must be positive").arg(t));
    static const QRegularExpression form(QStringLiteral("^([0-9]+)(?:\\.([0-9]{1,2}))?$"));
    const auto m = form.match(t);
    if (!m.hasMatch()) {
        static const QRegularExpression tooPrecise(QStringLiteral("^[0-9]+\\.[0-9]{3,}$"));
        if (tooPrecise.match(t).hasMatch())
            return Error::badInput(
                QCoreApplication::translate("jifen::Money",
                                            "amount %1 has more than two decimals (fen is the smallest unit)")
                    .arg(t));
        return Error::badInput(
            QCoreApplication::translate("jifen::Money", "amount %1 is not a number of yuan like 12.50").arg(t));
    }
    const QString whole = m.captured(1);
    // Leading zeros are tolerated but the integer part is bounded before converting.
    QString trimmedWhole = whole;
    while (trimmedWhole.size() > 1 && trimmedWhole.startsWith(QLatin1Char('0')))
        trimmedWhole.remove(0, 1);
    if (trimmedWhole.size() > 8)
        return Error::badInput(
            QCoreApplication::translate("jifen::Money", "amount %1 is too large (at most 99999999.99)").arg(t));
    QString frac = m.captured(2);
    while (frac.size() < 2)
        frac.append(QLatin1Char('0'));
    const qint64 fen = trimmedWhole.toLongLong() * 100 + frac.toLongLong();
    if (fen <= 0)
        return Error::badInput(QCoreApplication::translate("jifen::Money", "amount %1 must be at least 0.01").arg(t));
    return Money(fen);
}

QString Money::toYuanString() const
{
    const qint64 a = m_fen < 0 ? -m_fen : m_fen;
    return QStringLiteral("%1%2.%3")
        .arg(m_fen < 0 ? QStringLiteral("-") : QString())
        .arg(a / 100)
        .arg(a % 100, 2, 10, QLatin1Char('0'));
}

Result<Points> Points::parse(const QString& text)
{
    const QString t = text.trimmed();
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,10}$"));
    if (t.isEmpty())
        return Error::badInput(QCoreApplication::translate("jifen::Money", "points value is empty"));
    if (!digits.match(t).hasMatch())
        return Error::badInput(
            QCoreApplication::translate("jifen::Money", "points value %1 is not a whole number").arg(t));
    const qint64 n = t.toLongLong();
    if (n <= 0)
        return Error::badInput(QCoreApplication::translate("jifen::Money", "points value %1 must be positive").arg(t));
    if (n > maxInput)
        return Error::badInput(QCoreApplication::translate("jifen::Money", "points value %1 is too large").arg(t));
    return Points(n);
}

qint64 mulDiv(qint64 a, qint64 b, qint64 c)
{
    const __int128 product = static_cast<__int128>(a) * static_cast<__int128>(b);
    return static_cast<qint64>(product / c);
}

QList<qint64> proportionalShares(qint64 amount, const QList<qint64>& weights)
{
    QList<qint64> shares(weights.size(), 0);
    qint64 total = 0;
    qsizetype last = -1;
    // Only positive weights take a share, so only they make the total: with a negative weight
    // among them the full sum could be zero or less (and divide by zero below).
    for (qsizetype i = 0; i < weights.size(); ++i) {
        if (weights[i] <= 0)
            continue;
        total += weights[i];
        last = i;
    }
    if (total <= 0)
        return shares;
    qint64 left = amount;
    for (qsizetype i = 0; i < weights.size() && left > 0; ++i) {
        if (weights[i] <= 0)
            continue;
        const qint64 share = i == last ? left : mulDiv(amount, weights[i], total);
        shares[i] = std::min(share, weights[i]);
        left -= shares[i];
    }
    return shares;
}

} // namespace jifen
