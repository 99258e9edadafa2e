#pragma once

#include "error.h"

#include <QList>
#include <QString>
#include <QtGlobal>

#include <compare>

namespace jifen {

// An amount of money in fen (1 yuan = 100 fen). Exact integer arithmetic only.
class Money {
public:
    constexpr Money() = default;
    static constexpr Money fromFen(qint64 fen) { return Money(fen); }

    // Accepts "0.01" .. "99999999.99": digits, at most two decimals, no sign, no exponent.
    static Result<Money> parseYuan(const QString& text);

    constexpr qint64 fen() const { return m_fen; }
    QString toYuanString() const; // "123.45", "-0.50"

    constexpr Money operator+(Money o) const { return Money(m_fen + o.m_fen); }
    constexpr Money operator-(Money o) const { return Money(m_fen - o.m_fen); }
    // clang-tidy 14 reads the defaulted comparison's synthesized `0` as a null pointer.
    constexpr auto operator<=>(const Money&) const = default; // NOLINT(modernize-use-nullptr)

    static constexpr qint64 maxFen = 9999999999; // 99,999,999.99 yuan

private:
    constexpr explicit Money(qint64 fen)
        : m_fen(fen)
    {}
    qint64 m_fen = 0;
};

// A number of loyalty points. Points are whole; they never carry a fraction or interest.
class Points {
public:
    constexpr Points() = default;
    constexpr explicit Points(qint64 n)
        : m_n(n)
    {}

    // Accepts a positive whole number up to one billion.
    static Result<Points> parse(const QString& text);

    constexpr qint64 value() const { return m_n; }

    constexpr Points operator+(Points o) const { return Points(m_n + o.m_n); }
    constexpr Points operator-(Points o) const { return Points(m_n - o.m_n); }
    constexpr Points operator-() const { return Points(-m_n); }
    constexpr Points& operator+=(Points o)
    {
        m_n += o.m_n;
        return *this;
    }
    constexpr Points& operator-=(Points o)
    {
        m_n -= o.m_n;
        return *this;
    }
    constexpr auto operator<=>(const Points&) const = default; // NOLINT(modernize-use-nullptr): as Money's

    static constexpr qint64 maxInput = 1000000000;

private:
    qint64 m_n = 0;
};

// floor(a * b / c) for a, b, c >= 0, c > 0, without overflow.
qint64 mulDiv(qint64 a, qint64 b, qint64 c);

// `amount` spread over `weights` in proportion (floor), the last positive weight taking the rest;
// no share exceeds its weight, a zero or negative weight gets nothing. amount <= sum of the positive
// weights.
QList<qint64> proportionalShares(qint64 amount, const QList<qint64>& weights);

} // namespace jifen
