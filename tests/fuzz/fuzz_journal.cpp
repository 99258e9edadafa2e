// The wire form of a journal entry: JournalEntry::fromJson must refuse anything malformed and
// never crash; what it accepts must survive toJson -> fromJson unchanged (same canonical bytes,
// same hash).
#include "fuzz_targets.h"
#include "journal.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace jifen::fuzz {

int journalEntry(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    lotMovesFromText(QString::fromUtf8(bytes));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (!doc.isObject())
        return 0;
    auto e = JournalEntry::fromJson(doc.object());
    if (!e)
        return 0;
    const JournalEntry& entry = e.value();
    const QByteArray canonical = entry.canonical();
    auto again = JournalEntry::fromJson(entry.toJson());
    check(again.ok(), "an accepted entry's own toJson() is refused",
          again ? QString()
                : again.error().message + QStringLiteral(" in ") +
                      QString::fromUtf8(QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact)));
    check(again.value().canonical() == canonical, "toJson/fromJson changes the canonical bytes",
          QString::fromUtf8(canonical) + QStringLiteral(" vs ") + QString::fromUtf8(again.value().canonical()));
    check(again.value().computeHash() == entry.computeHash(), "toJson/fromJson changes the hash");
    if (auto text = lotMovesFromText(lotMovesToText(entry.lots)))
        check(*text == entry.lots, "lot moves do not survive their text form", lotMovesToText(entry.lots));
    else
        check(entry.lots.isEmpty(), "lot moves of an accepted entry do not parse back", lotMovesToText(entry.lots));
    return 0;
}

} // namespace jifen::fuzz

JIFEN_FUZZ_ENTRY(journalEntry)
