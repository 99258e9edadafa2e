#include "fuzz_targets.h"

#include <QCoreApplication>
#include <QList>

#include <cstdio>
#include <cstdlib>

namespace jifen::fuzz {

void check(bool condition, const char* what, const QString& detail)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz invariant broken: %s %s\n", what, detail.toUtf8().constData());
    std::abort();
}

void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "jifen-fuzz";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

QList<QByteArray> fields(const std::uint8_t* data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)).split('\0');
}

} // namespace jifen::fuzz
