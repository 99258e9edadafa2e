// The CLI's argument parser: the input is an argument vector (split at NUL). extractGlobals,
// commandWords and parseFlags never crash; what parseFlags accepts only holds flags the spec
// names, every required flag, no repeated non-repeatable flag, and values taken from the line.
#include "cli_args.h"
#include "fuzz_targets.h"

namespace jifen::fuzz {

namespace {

const QList<cli::FlagSpec>& specs()
{
    static const QList<cli::FlagSpec> all = {
        // sale: values, a switch, one required flag, one repeatable flag
        {{QStringLiteral("ref"), QStringLiteral("phone"), QStringLiteral("card"), QStringLiteral("amount"),
          QStringLiteral("item"), QStringLiteral("offset-points")},
         {QStringLiteral("dry-run")},
         {QStringLiteral("ref")},
         {QStringLiteral("item")}},
        // rules load FILE: a positional value
        {{QStringLiteral("file")}, {}, {QStringLiteral("file")}, {}, QStringLiteral("file")},
        // no flags at all
        {},
    };
    return all;
}

} // namespace

int cliArgs(const std::uint8_t* data, std::size_t size)
{
    QStringList argv;
    for (const QByteArray& f : fields(data, size))
        argv.append(QString::fromUtf8(f));
    const QString line = argv.join(QChar(0));

    auto globals = cli::extractGlobals(argv);
    if (!globals)
        return 0;
    check(globals.value().rest.size() <= argv.size(), "extractGlobals invents arguments");
    const QStringList words = cli::commandWords(globals.value().rest);
    check(words.size() <= globals.value().rest.size(), "commandWords invents words");
    const QStringList tokens = globals.value().rest.mid(words.size());
    for (const cli::FlagSpec& spec : specs()) {
        auto parsed = cli::parseFlags(tokens, spec);
        if (!parsed) {
            check(!parsed.error().message.isEmpty(), "a refusal without a message");
            continue;
        }
        const cli::ParsedArgs& p = parsed.value();
        for (auto it = p.values.cbegin(); it != p.values.cend(); ++it) {
            check(spec.values.contains(it.key()), "parseFlags accepts a value flag the spec does not name", it.key());
            check(it.value().size() == 1 || spec.repeatable.contains(it.key()), "a flag given twice is accepted",
                  it.key());
            for (const QString& v : it.value())
                check(line.contains(v), "a value that is not on the line", v);
        }
        for (const QString& s : p.switches)
            check(spec.switches.contains(s), "parseFlags accepts a switch the spec does not name", s);
        for (const QString& r : spec.required)
            check(p.values.contains(r), "a required flag is missing from an accepted line", r);
    }
    return 0;
}

} // namespace jifen::fuzz

JIFEN_FUZZ_ENTRY(cliArgs)
