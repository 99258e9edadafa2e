#pragma once

#include "error.h"
#include "receipt.h"

#include <QByteArray>
#include <QString>

namespace jifen {

enum class PaperWidth { Mm58, Mm80 };

// Text as GB18030, the encoding Chinese thermal printers take (Qt 6.4's QStringEncoder has no
// GB18030, so this goes through glibc's iconv). Refused only if iconv lacks the conversion.
Result<QByteArray> toGb18030(const QString& text);

// Columns a string takes on a thermal printer's text line: CJK and full-width characters two.
int printColumns(const QString& text);

// Builds ESC/POS command streams for 58 mm (384 dots, 32 columns) and 80 mm (576 dots, 48
// columns) printers: text in GB18030 with Chinese mode on, QR codes as raster images drawn with
// libqrencode (every ESC/POS printer prints raster; not all know GS ( k).
class EscPosWriter {
public:
    explicit EscPosWriter(PaperWidth width);

    int columns() const { return m_columns; }
    int dots() const { return m_dots; }

    void initialize();
    void align(Qt::Alignment alignment);
    void bold(bool on);
    void doubleSize(bool on);
    void text(const QString& line);                       // one line, newline added
    void pair(const QString& left, const QString& right); // left and right on one line
    void rule();                                          // a line of dashes
    void feed(int lines);
    Status qrCode(const QString& payload, int moduleDots);
    void cut();

    // The stream so far; the first encoding error, if any, wins.
    Result<QByteArray> bytes() const;

private:
    void raw(const QByteArray& bytes) { m_out.append(bytes); }
    int m_columns;
    int m_dots;
    QByteArray m_out;
    std::optional<Error> m_error;
};

// A sale's receipt as ESC/POS bytes. Labels go through tr() in context "Receipt".
Result<QByteArray> encodeReceipt(const ReceiptData& receipt, PaperWidth width);

// The same receipt as plain text lines (the on-screen preview).
QString receiptText(const ReceiptData& receipt, PaperWidth width);

} // namespace jifen
