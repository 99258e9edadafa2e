#include "receipt_pdf.h"

#include "receipt_layout.h"

#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <qrencode.h>

#include <memory>

namespace jifen {

namespace {

constexpr int kDpi = 300;
constexpr qreal kMarginMm = 3;

qreal mmToDots(qreal mm)
{
    return mm * kDpi / 25.4;
}

QFont receiptFont(qreal points, bool bold)
{
    QFont font(QStringLiteral("WenQuanYi Micro Hei"));
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

} // namespace

QImage receiptQrImage(const QString& payload, int scale)
{
    const QByteArray data = payload.toUtf8();
    QRcode* code = QRcode_encodeString8bit(data.constData(), 0, QR_ECLEVEL_M);
    if (!code)
        return QImage();
    const std::unique_ptr<QRcode, void (*)(QRcode*)> holder(code, QRcode_free);
    const int quiet = 2;
    const int size = (code->width + 2 * quiet) * scale;
    QImage image(size, size, QImage::Format_Mono);
    image.fill(Qt::color0);
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    for (int my = 0; my < code->width; ++my) {
        for (int mx = 0; mx < code->width; ++mx) {
            if (!(code->data[my * code->width + mx] & 1))
                continue;
            for (int y = 0; y < scale; ++y) {
                for (int x = 0; x < scale; ++x)
                    image.setPixel((mx + quiet) * scale + x, (my + quiet) * scale + y, 1);
            }
        }
    }
    return image;
}

QString writeReceiptPdf(const ReceiptData& receipt, PaperWidth width, const QString& path)
{
    if (path.isEmpty())
        return QStringLiteral("the PDF needs a file name");
    const QList<ReceiptRow> rows = receiptRows(receipt);
    const qreal paperMm = width == PaperWidth::Mm58 ? 58 : 80;
    // Type as a thermal printer sets it: 32 or 48 columns across the printable width.
    const qreal textPoints = width == PaperWidth::Mm58 ? 7 : 7.5;
    const QFont body = receiptFont(textPoints, false);
    const QFont title = receiptFont(textPoints * 1.6, true);
    const QImage qr = receiptQrImage(receipt.ref, 8);
    if (qr.isNull())
        return QStringLiteral("cannot draw a QR code of \"%1\"").arg(receipt.ref);
    const qreal qrDots = mmToDots(width == PaperWidth::Mm58 ? 28 : 34);

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    QPdfWriter writer(&file);
    writer.setCreator(QStringLiteral("Jifen"));
    writer.setTitle(receipt.ref);
    writer.setResolution(kDpi);

    // The page is as long as the receipt, so measure every row before the page exists.
    const qreal bodyLine = QFontMetricsF(body, &writer).lineSpacing();
    const qreal titleLine = QFontMetricsF(title, &writer).lineSpacing();
    qreal height = 0;
    for (const ReceiptRow& row : rows) {
        switch (row.kind) {
        case ReceiptRow::Title:
            height += titleLine;
            break;
        case ReceiptRow::Rule:
            height += bodyLine / 2;
            break;
        case ReceiptRow::Qr:
            height += qrDots + bodyLine / 2;
            break;
        default:
            height += bodyLine;
        }
    }
    const qreal heightMm = height * 25.4 / kDpi + 2 * kMarginMm + 2;
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(paperMm, heightMm), QPageSize::Millimeter), QPageLayout::Portrait,
                                     QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));

    QPainter painter;
    if (!painter.begin(&writer))
        return QStringLiteral("cannot start the PDF %1").arg(path);
    const qreal lineWidth = writer.pageLayout().paintRectPixels(kDpi).width();
    qreal y = 0;
    for (const ReceiptRow& row : rows) {
        switch (row.kind) {
        case ReceiptRow::Title:
            painter.setFont(title);
            painter.drawText(QRectF(0, y, lineWidth, titleLine), Qt::AlignHCenter | Qt::AlignVCenter, row.left);
            y += titleLine;
            break;
        case ReceiptRow::Center:
            painter.setFont(body);
            painter.drawText(QRectF(0, y, lineWidth, bodyLine), Qt::AlignHCenter | Qt::AlignVCenter, row.left);
            y += bodyLine;
            break;
        case ReceiptRow::Text:
            painter.setFont(body);
            painter.drawText(QRectF(0, y, lineWidth, bodyLine), Qt::AlignLeft | Qt::AlignVCenter, row.left);
            y += bodyLine;
            break;
        case ReceiptRow::Pair:
            painter.setFont(body);
            painter.drawText(QRectF(0, y, lineWidth, bodyLine), Qt::AlignLeft | Qt::AlignVCenter, row.left);
            painter.drawText(QRectF(0, y, lineWidth, bodyLine), Qt::AlignRight | Qt::AlignVCenter, row.right);
            y += bodyLine;
            break;
        case ReceiptRow::Rule: {
            QPen dashed(Qt::black, mmToDots(0.2), Qt::DashLine);
            painter.setPen(dashed);
            painter.drawLine(QPointF(0, y + bodyLine / 4), QPointF(lineWidth, y + bodyLine / 4));
            painter.setPen(Qt::black);
            y += bodyLine / 2;
            break;
        }
        case ReceiptRow::Qr:
            painter.drawImage(QRectF((lineWidth - qrDots) / 2, y, qrDots, qrDots), qr);
            y += qrDots + bodyLine / 2;
            break;
        }
    }
    if (!painter.end())
        return QStringLiteral("cannot finish the PDF %1").arg(path);
    file.close();
    if (file.error() != QFileDevice::NoError)
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return QString();
}

} // namespace jifen
