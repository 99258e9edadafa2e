#pragma once

#include <QCoreApplication>
#include <QString>

namespace jifen::sync {

// A message for people composed once from its English source text: `text` in the language of the
// installed translator (what the cashier reads: jifen-pos loads one), `english` the source with the
// same values (what the ledger keeps for `jifen status`, and what the log says). Without a
// translator, as in the CLI, the two are equal.
struct Message {
    QString text;
    QString english;

    // `source` and `disambiguation` are literals lupdate sees: in a QCoreApplication::translate()
    // elsewhere or marked QT_TRANSLATE_NOOP(context, source).
    static Message translated(const char* context, const char* source, const char* disambiguation = nullptr)
    {
        return {QCoreApplication::translate(context, source, disambiguation), QString::fromUtf8(source)};
    }
    // Text that arrives composed, in whatever language (core's errors): the same in both.
    static Message composed(const QString& text) { return {text, text}; }

    // QString::arg() on both.
    template <typename... Args> Message arg(const Args&... args) const
    {
        return {text.arg(args...), english.arg(args...)};
    }
};

} // namespace jifen::sync
