#pragma once

#include "error.h"

#include <QString>

namespace jifen {

// Prints a statement's HTML (statementHtml()) to an A4 PDF at `path`. Chinese text is set in
// WenQuanYi Micro Hei, embedded in the file. Needs a QGuiApplication (an offscreen one will do).
Status writeStatementPdf(const QString& html, const QString& path);

} // namespace jifen
