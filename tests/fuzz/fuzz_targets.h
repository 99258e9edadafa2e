#pragma once

// The fuzz targets, as plain functions: built with libFuzzer (clang, -DJIFEN_FUZZ=ON) each one is
// an executable whose LLVMFuzzerTestOneInput calls it; in the normal build tst_fuzz_regressions
// feeds them every seed and every input that once crashed (tests/fuzz/corpus, tests/fuzz/regressions).
// A target returns 0; a broken invariant aborts with a message (a crash, to the fuzzer and the test).

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace jifen::fuzz {

int journalEntry(const std::uint8_t* data, std::size_t size); // JournalEntry::fromJson and the lot text
int hqSync(const std::uint8_t* data, std::size_t size);       // HqService::push and ::pull on in-memory SQLite
int ruleSet(const std::uint8_t* data, std::size_t size);      // RuleSet::fromJson
int parsers(const std::uint8_t* data, std::size_t size);      // money, points, phone, card, name, ref, dates
int cliArgs(const std::uint8_t* data, std::size_t size);      // extractGlobals, commandWords, parseFlags
int escpos(const std::uint8_t* data, std::size_t size);       // encodeReceipt, receiptText, EscPosWriter

// Aborts (after printing why) when an invariant does not hold.
void check(bool condition, const char* what, const QString& detail = {});

// A QCoreApplication for Qt parts that want one (SQL drivers, translations); made once.
void ensureApplication();

// Splits the input into fields at NUL bytes: a cheap structure the fuzzer learns quickly.
QList<QByteArray> fields(const std::uint8_t* data, std::size_t size);

} // namespace jifen::fuzz

#ifdef JIFEN_LIBFUZZER
#define JIFEN_FUZZ_ENTRY(fn)                                                                                           \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)                                  \
    {                                                                                                                  \
        return jifen::fuzz::fn(data, size);                                                                            \
    }
#else
#define JIFEN_FUZZ_ENTRY(fn)
#endif
