#include "escpos.h"

#include "receipt_layout.h"

#include <iconv.h>
#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace jifen {

namespace {

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
    // POSIX's failure value for iconv_open is (iconv_t)-1; there is no other way to spell it.
    if (cd == reinterpret_cast<iconv_t>(-1)) // NOLINT(performance-no-int-to-ptr)
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
    : m_columns(width == PaperWidth::Mm58 ? 32 : 48)
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
    QByteArray image(qsizetype(rowBytes) * size, '\0');
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
    for (const ReceiptRow& row : receiptRows(receipt)) {
        switch (row.kind) {
        case ReceiptRow::Title:
            w.align(Qt::AlignHCenter);
            w.bold(true);
            w.doubleSize(true);
            w.text(row.left);
            w.doubleSize(false);
            w.bold(false);
            w.align(Qt::AlignLeft);
            break;
        case ReceiptRow::Center:
            w.align(Qt::AlignHCenter);
            w.text(row.left);
            w.align(Qt::AlignLeft);
            break;
        case ReceiptRow::Text:
            w.text(row.left);
            break;
        case ReceiptRow::Pair:
            w.pair(row.left, row.right);
            break;
        case ReceiptRow::Rule:
            w.rule();
            break;
        case ReceiptRow::Qr: {
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
    for (const ReceiptRow& row : receiptRows(receipt)) {
        switch (row.kind) {
        case ReceiptRow::Title:
        case ReceiptRow::Center: {
            const int pad = std::max(0, (columns - printColumns(row.left)) / 2);
            lines.append(QString(pad, QLatin1Char(' ')) + row.left);
            break;
        }
        case ReceiptRow::Text:
            lines.append(row.left);
            break;
        case ReceiptRow::Pair:
            lines.append(padPair(row.left, row.right, columns));
            break;
        case ReceiptRow::Rule:
            lines.append(QString(columns, QLatin1Char('-')));
            break;
        case ReceiptRow::Qr:
            lines.append(QString(std::max(0, (columns - 8) / 2), QLatin1Char(' ')) +
                         QStringLiteral("[QR %1]").arg(row.left));
            break;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace jifen
