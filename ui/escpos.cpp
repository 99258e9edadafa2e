#include "escpos.h"

#include "clock.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <iconv.h>
#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace jifen {

namespace {

// The full-width yuan sign: it is two bytes (A3A4) in GB2312/GBK, which every Chinese thermal
// printer knows; the half-width U+00A5 is a four-byte GB18030 sequence many of them misprint.
QString yuan(Money m)
{
    return QStringLiteral("￥") + m.toYuanString();
}

// One receipt, laid out once for both outputs: a list of (style, left, right) lines.
struct Layout {
    enum Kind { Title, Center, Text, Pair, Rule, Qr };
    struct Row {
        Kind kind;
        QString left;
        QString right;
    };
    QList<Row> rows;
    void add(Kind k, const QString& l, const QString& r = QString()) { rows.append(Row{k, l, r}); }
};

Layout layoutReceipt(const ReceiptData& r)
{
    Layout out;
    out.add(Layout::Title, r.storeName);
    out.add(Layout::Center, QCoreApplication::translate("Receipt", "Sales receipt"));
    out.add(Layout::Rule, QString());
    out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Receipt no."), r.ref);
    const QDateTime cst = r.time.toTimeZone(QTimeZone(8 * 3600));
    out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Time"),
            cst.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Terminal"), r.terminalId);
    if (!r.cashier.isEmpty())
        out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Cashier"), r.cashier);
    out.add(Layout::Rule, QString());
    for (const ReceiptData::Line& l : r.lines) {
        out.add(Layout::Text, l.name);
        out.add(Layout::Pair, QStringLiteral("  %1 x %2").arg(l.quantity).arg(yuan(l.unitPrice)), yuan(l.total));
    }
    out.add(Layout::Rule, QString());
    out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Total"), yuan(r.amount));
    if (r.offsetPoints.value() > 0)
        out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Points offset %1").arg(r.offsetPoints.value()),
                QStringLiteral("-") + yuan(r.offsetAmount));
    out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Paid (%1)").arg(tenderDisplayName(r.tender)),
            yuan(r.paid));
    if (!r.promotionName.isEmpty())
        out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Promotion"), r.promotionName);
    if (r.member) {
        out.add(Layout::Rule, QString());
        out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Member"), r.phoneMasked);
        out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Points earned"),
                QString::number(r.earned.value()));
        if (r.greenEarned.value() > 0)
            out.add(Layout::Pair, QCoreApplication::translate("Receipt", "  of which green"),
                    QString::number(r.greenEarned.value()));
        if (r.deferred.value() > 0)
            out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Points pending"),
                    QString::number(r.deferred.value()));
        out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Points balance"),
                QString::number(r.balance.value()));
        if (r.greenBalance.value() > 0)
            out.add(Layout::Pair, QCoreApplication::translate("Receipt", "Green points balance"),
                    QString::number(r.greenBalance.value()));
        for (const ExpiringPoints& e : r.expiringSoon)
            out.add(Layout::Pair,
                    QCoreApplication::translate("Receipt", "Expiring %1").arg(e.validThrough.toString(Qt::ISODate)),
                    QString::number(e.points.value()));
    }
    out.add(Layout::Rule, QString());
    out.add(Layout::Qr, r.ref);
    out.add(Layout::Center, QCoreApplication::translate("Receipt", "Thank you, please come again"));
    return out;
}

QString padPair(const QString& left, const QString& right, int columns)
{
    const int gap = columns - printColumns(left) - printColumns(right);
    if (gap >= 1)
        return left + QString(gap, QLatin1Char(' ')) + right;
    return left + QLatin1Char(' ') + right; // too long: the printer wraps it
}

} // namespace

Result<QByteArray> toGb18030(const QString& text)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return Error::storage(QStringLiteral("this system's iconv cannot convert to GB18030"));
    const std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
    QByteArray in = text.toUtf8();
    QByteArray out(in.size() * 2 + 8, Qt::Uninitialized);
    char* inp = in.data();
    size_t inLeft = static_cast<size_t>(in.size());
    char* outp = out.data();
    size_t outLeft = static_cast<size_t>(out.size());
    if (iconv(cd, &inp, &inLeft, &outp, &outLeft) == static_cast<size_t>(-1))
        return Error::badInput(QStringLiteral("text cannot be encoded as GB18030 (errno %1)").arg(errno));
    out.truncate(out.size() - static_cast<qsizetype>(outLeft));
    return out;
}

int printColumns(const QString& text)
{
    int n = 0;
    for (const char32_t c : text.toUcs4()) {
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                          (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                          (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                          (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
        n += wide ? 2 : 1;
    }
    return n;
}

EscPosWriter::EscPosWriter(PaperWidth width)
    : m_width(width)
    , m_columns(width == PaperWidth::Mm58 ? 32 : 48)
    , m_dots(width == PaperWidth::Mm58 ? 384 : 576)
{}

void EscPosWriter::initialize()
{
    raw(QByteArray("\x1b\x40", 2)); // ESC @: reset
    raw(QByteArray("\x1c\x26", 2)); // FS &: Chinese character mode
}

void EscPosWriter::align(Qt::Alignment alignment)
{
    char n = 0;
    if (alignment & Qt::AlignHCenter)
        n = 1;
    else if (alignment & Qt::AlignRight)
        n = 2;
    raw(QByteArray("\x1b\x61", 2) + QByteArray(1, n)); // ESC a n
}

void EscPosWriter::bold(bool on)
{
    raw(QByteArray("\x1b\x45", 2) + QByteArray(1, on ? 1 : 0)); // ESC E n
}

void EscPosWriter::doubleSize(bool on)
{
    raw(QByteArray("\x1d\x21", 2) + QByteArray(1, on ? 0x11 : 0x00)); // GS ! n
    raw(QByteArray("\x1c\x21", 2) + QByteArray(1, on ? 0x0c : 0x00)); // FS ! n: the same for Chinese
}

void EscPosWriter::text(const QString& line)
{
    auto encoded = toGb18030(line);
    if (!encoded) {
        if (!m_error)
            m_error = encoded.error();
        return;
    }
    raw(encoded.value());
    raw(QByteArray("\n", 1));
}

void EscPosWriter::pair(const QString& left, const QString& right)
{
    text(padPair(left, right, m_columns));
}

void EscPosWriter::rule()
{
    text(QString(m_columns, QLatin1Char('-')));
}

void EscPosWriter::feed(int lines)
{
    raw(QByteArray("\x1b\x64", 2) + QByteArray(1, static_cast<char>(lines))); // ESC d n
}

Status EscPosWriter::qrCode(const QString& payload, int moduleDots)
{
    const QByteArray data = payload.toUtf8();
    QRcode* code = QRcode_encodeString8bit(data.constData(), 0, QR_ECLEVEL_M);
    if (!code)
        return Error::badInput(QStringLiteral("cannot draw a QR code of \"%1\"").arg(payload));
    const std::unique_ptr<QRcode, void (*)(QRcode*)> holder(code, QRcode_free);
    const int quiet = 2; // modules of white border
    const int modules = code->width + 2 * quiet;
    const int scale = std::max(1, std::min(moduleDots, m_dots / modules));
    const int size = modules * scale;
    const int rowBytes = (size + 7) / 8;
    QByteArray image(rowBytes * size, '\0');
    for (int y = 0; y < size; ++y) {
        const int my = y / scale - quiet;
        for (int x = 0; x < size; ++x) {
            const int mx = x / scale - quiet;
            if (mx < 0 || my < 0 || mx >= code->width || my >= code->width)
                continue;
            if (code->data[my * code->width + mx] & 1)
                image[y * rowBytes + x / 8] = static_cast<char>(image[y * rowBytes + x / 8] | (0x80 >> (x % 8)));
        }
    }
    // GS v 0 m xL xH yL yH d...: a raster bit image, xL/xH in bytes, yL/yH in dots.
    raw(QByteArray("\x1d\x76\x30\x00", 4));
    raw(QByteArray(1, static_cast<char>(rowBytes & 0xff)) + QByteArray(1, static_cast<char>(rowBytes >> 8)));
    raw(QByteArray(1, static_cast<char>(size & 0xff)) + QByteArray(1, static_cast<char>(size >> 8)));
    raw(image);
    return Ok{};
}

void EscPosWriter::cut()
{
    raw(QByteArray("\x1d\x56\x42\x00", 4)); // GS V 66 0: feed to the cutter and cut
}

Result<QByteArray> EscPosWriter::bytes() const
{
    if (m_error)
        return *m_error;
    return m_out;
}

Result<QByteArray> encodeReceipt(const ReceiptData& receipt, PaperWidth width)
{
    EscPosWriter w(width);
    w.initialize();
    for (const Layout::Row& row : layoutReceipt(receipt).rows) {
        switch (row.kind) {
        case Layout::Title:
            w.align(Qt::AlignHCenter);
            w.bold(true);
            w.doubleSize(true);
            w.text(row.left);
            w.doubleSize(false);
            w.bold(false);
            w.align(Qt::AlignLeft);
            break;
        case Layout::Center:
            w.align(Qt::AlignHCenter);
            w.text(row.left);
            w.align(Qt::AlignLeft);
            break;
        case Layout::Text:
            w.text(row.left);
            break;
        case Layout::Pair:
            w.pair(row.left, row.right);
            break;
        case Layout::Rule:
            w.rule();
            break;
        case Layout::Qr: {
            w.align(Qt::AlignHCenter);
            const Status qr = w.qrCode(row.left, width == PaperWidth::Mm58 ? 5 : 6);
            if (!qr)
                return qr.error();
            w.align(Qt::AlignLeft);
            break;
        }
        }
    }
    w.feed(3);
    w.cut();
    return w.bytes();
}

QString receiptText(const ReceiptData& receipt, PaperWidth width)
{
    const int columns = width == PaperWidth::Mm58 ? 32 : 48;
    QStringList lines;
    for (const Layout::Row& row : layoutReceipt(receipt).rows) {
        switch (row.kind) {
        case Layout::Title:
        case Layout::Center: {
            const int pad = std::max(0, (columns - printColumns(row.left)) / 2);
            lines.append(QString(pad, QLatin1Char(' ')) + row.left);
            break;
        }
        case Layout::Text:
            lines.append(row.left);
            break;
        case Layout::Pair:
            lines.append(padPair(row.left, row.right, columns));
            break;
        case Layout::Rule:
            lines.append(QString(columns, QLatin1Char('-')));
            break;
        case Layout::Qr:
            lines.append(QString(std::max(0, (columns - 8) / 2), QLatin1Char(' ')) +
                         QStringLiteral("[QR %1]").arg(row.left));
            break;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace jifen
