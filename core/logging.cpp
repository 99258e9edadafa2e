#include "logging.h"

#include "identity.h"

#include <QDateTime>
#include <QMutex>
#include <QRegularExpression>

#include <cstdio>

#include <sys/stat.h>
#include <unistd.h>

// Warnings and above unless installLogging() says otherwise: a program or test that links core
// without installing Jifen's logging (the crash worker, the test suites) stays quiet.
Q_LOGGING_CATEGORY(lcCore, "jifen.core", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSync, "jifen.sync", QtWarningMsg)
Q_LOGGING_CATEGORY(lcHq, "jifen.hq", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "jifen.cli", QtWarningMsg)
Q_LOGGING_CATEGORY(lcOps, "jifen.ops", QtWarningMsg)

namespace jifen {

namespace {

// The handler is process-wide by nature (qInstallMessageHandler); these are its settings.
struct HandlerState {
    QString program;
    bool verbose = false;
    bool quietQt = false;
    bool journal = false;
    QMutex mutex;
};

HandlerState& state()
{
    static HandlerState s;
    return s;
}

const char* levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

// sd-daemon(3) priority prefixes, read by journald from a stream connected to it.
const char* journalPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "<7>";
    case QtInfoMsg:
        return "<6>";
    case QtWarningMsg:
        return "<4>";
    case QtCriticalMsg:
        return "<3>";
    case QtFatalMsg:
        return "<2>";
    }
    return "<6>";
}

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    HandlerState& s = state();
    const char* category = context.category ? context.category : "default";
    const bool ours = qstrncmp(category, "jifen.", 6) == 0;
    if (!ours && s.quietQt && !s.verbose && type != QtCriticalMsg && type != QtFatalMsg &&
        !qEnvironmentVariableIsSet("JIFEN_DEBUG"))
        return;
    const QByteArray line = formatLogLine(type, category, message, s.program, s.journal).toUtf8() + '\n';
    QMutexLocker lock(&s.mutex);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fflush(stderr);
}

// QtMsgType's values are not in order of severity (QtInfoMsg is 4).
int severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 1;
}

// systemd sets JOURNAL_STREAM to "DEVICE:INODE" of the stream it connected to stderr; a child whose
// stderr was redirected elsewhere inherits the variable, so it only counts when they still match.
bool stderrIsJournal()
{
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    const qsizetype colon = stream.indexOf(':');
    if (colon <= 0)
        return false;
    struct stat st {};
    if (fstat(STDERR_FILENO, &st) != 0)
        return false;
    bool devOk = false;
    bool inoOk = false;
    const qulonglong dev = stream.left(colon).toULongLong(&devOk);
    const qulonglong ino = stream.mid(colon + 1).toULongLong(&inoOk);
    return devOk && inoOk && dev == static_cast<qulonglong>(st.st_dev) && ino == static_cast<qulonglong>(st.st_ino);
}

} // namespace

bool loggingToJournal()
{
    return stderrIsJournal();
}

QString maskPhonesInText(const QString& text)
{
    static const QRegularExpression phone(QStringLiteral("(?<![0-9])(?:\\+?86[ -]?)?(1[3-9][0-9]{9})(?![0-9])"));
    QString out;
    qsizetype from = 0;
    auto it = phone.globalMatch(text);
    if (!it.hasNext())
        return text;
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart(0) - from);
        out += maskPhone(m.captured(1));
        from = m.capturedEnd(0);
    }
    out += QStringView(text).mid(from);
    return out;
}

QString formatLogLine(QtMsgType type, const char* category, const QString& message, const QString& program,
                      bool journal)
{
    QString masked = maskPhonesInText(message);
    masked.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (journal) // journald stamps time, unit and pid itself
        return QStringLiteral("%1%2: %3")
            .arg(QString::fromLatin1(journalPriority(type)), QString::fromLatin1(category), masked);
    return QStringLiteral("%1 %2 %3 %4: %5")
        .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), program, QString::fromLatin1(category),
             QString::fromLatin1(levelName(type)), masked);
}

void installLogging(const LogOptions& options)
{
    HandlerState& s = state();
    {
        QMutexLocker lock(&s.mutex);
        s.program = options.program;
        s.verbose = options.verbose;
        s.quietQt = options.quietQt;
        s.journal = stderrIsJournal();
    }
    const int threshold = options.verbose ? severity(QtDebugMsg) : severity(options.threshold);
    QString rules;
    for (QtMsgType level : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg}) {
        static const char* names[] = {"debug", "warning", "critical", "fatal", "info"};
        rules += QStringLiteral("jifen.*.%1=%2\n")
                     .arg(QString::fromLatin1(names[level]),
                          severity(level) >= threshold ? QStringLiteral("true") : QStringLiteral("false"));
    }
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(handler);
}

} // namespace jifen
