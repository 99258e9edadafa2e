#include "cli_args.h"

namespace jifen::cli {

Result<GlobalOptions> extractGlobals(const QStringList& arguments)
{
    GlobalOptions g;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        if (a == QStringLiteral("--json")) {
            g.json = true;
        } else if (a == QStringLiteral("--help") || a == QStringLiteral("-h")) {
            g.help = true;
        } else if (a == QStringLiteral("--version")) {
            g.version = true;
        } else if (a == QStringLiteral("--verbose")) {
            g.verbose = true;
        } else if (a == QStringLiteral("--data-dir")) {
            if (i + 1 >= arguments.size())
                return Error::badInput(QStringLiteral("--data-dir needs a directory"));
            g.dataDir = arguments.at(++i);
        } else if (a.startsWith(QStringLiteral("--data-dir="))) {
            g.dataDir = a.mid(11);
        } else {
            g.rest.append(a);
        }
    }
    return g;
}

QStringList commandWords(const QStringList& rest)
{
    QStringList words;
    for (const QString& t : rest) {
        if (t.startsWith(QLatin1Char('-')))
            break;
        words.append(t);
    }
    return words;
}

Result<ParsedArgs> parseFlags(const QStringList& tokens, const FlagSpec& spec)
{
    ParsedArgs out;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        QString flag = tokens.at(i);
        if (!flag.startsWith(QStringLiteral("--"))) {
            if (spec.positional.isEmpty() || out.values.contains(spec.positional))
                return Error::badInput(QStringLiteral("unexpected argument \"%1\"").arg(flag));
            out.values[spec.positional].append(flag);
            continue;
        }
        QString inlineValue;
        bool hasInline = false;
        const int eq = flag.indexOf(QLatin1Char('='));
        if (eq > 0) {
            inlineValue = flag.mid(eq + 1);
            flag = flag.left(eq);
            hasInline = true;
        }
        const QString name = flag.mid(2);
        if (spec.switches.contains(name)) {
            if (hasInline)
                return Error::badInput(QStringLiteral("--%1 takes no value").arg(name));
            out.switches.append(name);
            continue;
        }
        if (!spec.values.contains(name))
            return Error::badInput(QStringLiteral("unknown option --%1").arg(name));
        QString value;
        if (hasInline) {
            value = inlineValue;
        } else {
            if (i + 1 >= tokens.size())
                return Error::badInput(QStringLiteral("--%1 needs a value").arg(name));
            value = tokens.at(++i);
        }
        if (out.values.contains(name) && !spec.repeatable.contains(name))
            return Error::badInput(QStringLiteral("--%1 is given twice").arg(name));
        out.values[name].append(value);
    }
    for (const QString& r : spec.required) {
        if (!out.values.contains(r))
            return Error::badInput(QStringLiteral("--%1 is required").arg(r));
    }
    return out;
}

Result<std::unique_ptr<Clock>> clockFromEnvironment()
{
    const QString fixed = qEnvironmentVariable("JIFEN_CLOCK");
    if (fixed.isEmpty())
        return std::unique_ptr<Clock>(std::make_unique<SystemClock>());
    auto instant = parseInstant(fixed);
    if (!instant)
        return Error::badInput(QStringLiteral("JIFEN_CLOCK: %1").arg(instant.error().message));
    return std::unique_ptr<Clock>(std::make_unique<FixedClock>(instant.value()));
}

} // namespace jifen::cli
