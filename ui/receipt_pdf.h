#pragma once

#include "escpos.h"
#include "receipt.h"

#include <QImage>
#include <QString>

namespace jifen {

// The receipt reference as a QR code (libqrencode), black modules on white with a two-module
// quiet zone, `scale` pixels a module. A null image when the payload cannot be encoded.
QImage receiptQrImage(const QString& payload, int scale);

// A receipt as a one-page PDF the width of the paper roll (58 or 80 mm) and as long as the receipt:
// the same rows as the printed receipt, Chinese set in WenQuanYi Micro Hei (embedded), the QR code
// as an image. Safe to call off the UI thread (it paints only on the PDF). Returns an empty string
// on success, else what went wrong.
QString writeReceiptPdf(const ReceiptData& receipt, PaperWidth width, const QString& path);

} // namespace jifen
