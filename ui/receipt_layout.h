#pragma once

#include "receipt.h"

#include <QList>
#include <QString>

namespace jifen {

// One receipt, decided once and drawn by each output (ESC/POS bytes, the on-screen text, the
// PDF), so the three can never disagree on what a receipt says.
struct ReceiptRow {
    enum Kind { Title, Center, Text, Pair, Rule, Qr };
    Kind kind;
    QString left;
    QString right;
};

// Labels go through tr() in context "Receipt".
QList<ReceiptRow> receiptRows(const ReceiptData& receipt);

// The full-width yuan sign and the amount: "￥12.50".
QString receiptYuan(Money m);

} // namespace jifen
