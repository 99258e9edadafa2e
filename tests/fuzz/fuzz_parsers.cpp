// The parsers of everything a cashier types: amounts, points, phone numbers, cards, names, refs,
// codes, instants and dates. Each field of the input (split at NUL) goes through every parser;
// what a parser accepts must be in range and stable (parsing its own output gives it back), and a
// masked phone never contains the number.
#include "clock.h"
#include "fuzz_targets.h"
#include "identity.h"
#include "money.h"

namespace jifen::fuzz {

namespace {

void one(const QString& text)
{
    if (auto m = Money::parseYuan(text)) {
        check(m.value().fen() > 0 && m.value().fen() <= Money::maxFen, "amount out of range", text);
        auto back = Money::parseYuan(m.value().toYuanString());
        check(back.ok() && back.value() == m.value(), "an amount does not survive its own text", text);
    }
    if (auto p = Points::parse(text))
        check(p.value().value() > 0 && p.value().value() <= Points::maxInput, "points out of range", text);
    if (auto phone = normalizePhone(text)) {
        const QString n = phone.value();
        check(n.size() == 11, "a normalized phone is not 11 characters", n);
        auto again = normalizePhone(n);
        check(again.ok() && again.value() == n, "normalizePhone is not idempotent", n);
        check(!maskPhone(n).contains(n), "maskPhone shows the number", n);
    }
    (void)maskPhone(text);
    if (auto card = normalizeCard(text)) {
        auto again = normalizeCard(card.value());
        check(again.ok() && again.value() == card.value(), "normalizeCard is not idempotent", text);
    }
    if (auto name = normalizeName(text, QStringLiteral("name"))) {
        check(!name.value().isEmpty() && name.value().size() <= 64, "a name out of bounds", text);
        for (const QChar c : name.value())
            check(c.category() != QChar::Other_Control, "a name keeps a control character", text);
    }
    if (auto ref = normalizeRef(text))
        check(!ref.value().isEmpty() && ref.value().size() <= 64, "a ref out of bounds", text);
    if (auto code = normalizeCode(text, QStringLiteral("code")))
        check(!code.value().isEmpty() && code.value().size() <= 32, "a code out of bounds", text);
    if (auto instant = parseInstant(text)) {
        check(instant.value().isValid(), "an invalid instant accepted", text);
        (void)formatInstant(instant.value());
        (void)businessDate(instant.value());
    }
    if (auto date = parseDate(text)) {
        check(date.value().isValid(), "an invalid date accepted", text);
        auto back = parseDate(date.value().toString(Qt::ISODate));
        check(back.ok() && back.value() == date.value(), "a date does not survive its own text", text);
    }
}

} // namespace

int parsers(const std::uint8_t* data, std::size_t size)
{
    for (const QByteArray& f : fields(data, size))
        one(QString::fromUtf8(f));
    // The same bytes as UTF-16 too: lone surrogates and other characters UTF-8 decoding never yields.
    if (size >= 2) {
        const QByteArray aligned(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)); // char16_t-aligned
        one(QString::fromUtf16(reinterpret_cast<const char16_t*>(aligned.constData()), aligned.size() / 2));
    }
    return 0;
}

} // namespace jifen::fuzz

JIFEN_FUZZ_ENTRY(parsers)
