#include "statement_pdf.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace jifen {

Status writeStatementPdf(const QString& html, const QString& path)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Error::storage(QStringLiteral("cannot print a PDF without a QGuiApplication"));
    if (path.isEmpty())
        return Error::badInput(QStringLiteral("the PDF needs a file name"));

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::storage(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));

    QPdfWriter writer(&file);
    writer.setCreator(QStringLiteral("Jifen"));
    writer.setTitle(QStringLiteral("积分月结单"));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 20, 20, 20),
                                     QPageLayout::Millimeter));

    QTextDocument doc;
    QFont font(QStringLiteral("WenQuanYi Micro Hei"));
    font.setPointSize(11);
    doc.setDefaultFont(font);
    doc.setHtml(html);
    // Lay the document out on the printable area, in the writer's device pixels.
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setPageSize(QSizeF(page.width(), page.height()));

    QPainter painter;
    if (!painter.begin(&writer))
        return Error::storage(QStringLiteral("cannot start the PDF %1").arg(path));
    const int pages = doc.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -i * page.height());
        const QRectF clip(0, i * page.height(), page.width(), page.height());
        doc.drawContents(&painter, clip);
        painter.restore();
    }
    if (!painter.end())
        return Error::storage(QStringLiteral("cannot finish the PDF %1").arg(path));
    file.close();
    if (file.error() != QFileDevice::NoError)
        return Error::storage(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return Ok{};
}

} // namespace jifen
