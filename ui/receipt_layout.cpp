#include "receipt_layout.h"

#include "error_text.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace jifen {

// The full-width yuan sign: it is two bytes (A3A4) in GB2312/GBK, which every Chinese thermal
// printer knows; the half-width U+00A5 is a four-byte GB18030 sequence many of them misprint.
QString receiptYuan(Money m)
{
    return QStringLiteral("￥") + m.toYuanString();
}

namespace {

struct Rows {
    QList<ReceiptRow> rows;
    void add(ReceiptRow::Kind k, const QString& l, const QString& r = QString()) { rows.append(ReceiptRow{k, l, r}); }
};

} // namespace

QList<ReceiptRow> receiptRows(const ReceiptData& r)
{
    Rows out;
    out.add(ReceiptRow::Title, r.storeName);
    const bool sale = r.kind == ReceiptData::Kind::Sale;
    out.add(ReceiptRow::Center, sale ? QCoreApplication::translate("Receipt", "Sales receipt")
                                     : QCoreApplication::translate("Receipt", "Redemption receipt"));
    out.add(ReceiptRow::Rule, QString());
    out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Receipt no."), r.ref);
    const QDateTime cst = r.time.toTimeZone(QTimeZone(8 * 3600));
    out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Time"),
            cst.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Terminal"), r.terminalId);
    if (!r.cashier.isEmpty())
        out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Cashier"), r.cashier);
    out.add(ReceiptRow::Rule, QString());
    if (!sale) {
        out.add(ReceiptRow::Text, r.rewardName);
        out.add(ReceiptRow::Pair, QStringLiteral("  x %1").arg(r.rewardQuantity),
                QCoreApplication::translate("Receipt", "%n point(s)", nullptr, countOf(r.pointsSpent.value())));
        out.add(ReceiptRow::Rule, QString());
        out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Points spent"),
                QString::number(r.pointsSpent.value()));
        if (!r.voucherCode.isEmpty()) {
            // The code is what the partner checks, so it stands on a line of its own in bold.
            out.add(ReceiptRow::Text, QCoreApplication::translate("Receipt", "Voucher code"));
            out.add(ReceiptRow::Title, r.voucherCode);
        }
    }
    for (const ReceiptData::Line& l : r.lines) {
        out.add(ReceiptRow::Text, l.name);
        out.add(ReceiptRow::Pair, QStringLiteral("  %1 x %2").arg(l.quantity).arg(receiptYuan(l.unitPrice)),
                receiptYuan(l.total));
    }
    if (sale) {
        out.add(ReceiptRow::Rule, QString());
        out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Total"), receiptYuan(r.amount));
    }
    if (r.offsetPoints.value() > 0)
        out.add(ReceiptRow::Pair,
                QCoreApplication::translate("Receipt", "Points offset %1").arg(r.offsetPoints.value()),
                QStringLiteral("-") + receiptYuan(r.offsetAmount));
    if (sale)
        out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Paid (%1)").arg(tenderDisplayName(r.tender)),
                receiptYuan(r.paid));
    if (!r.promotionName.isEmpty())
        out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Promotion"), r.promotionName);
    if (r.member) {
        out.add(ReceiptRow::Rule, QString());
        out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Member"), r.phoneMasked);
        if (sale)
            out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Points earned"),
                    QString::number(r.earned.value()));
        if (r.greenEarned.value() > 0)
            out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "  of which green"),
                    QString::number(r.greenEarned.value()));
        if (r.deferred.value() > 0)
            out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Points pending"),
                    QString::number(r.deferred.value()));
        out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Points balance"),
                QString::number(r.balance.value()));
        if (r.greenBalance.value() > 0)
            out.add(ReceiptRow::Pair, QCoreApplication::translate("Receipt", "Green points balance"),
                    QString::number(r.greenBalance.value()));
        for (const ExpiringPoints& e : r.expiringSoon)
            out.add(ReceiptRow::Pair,
                    QCoreApplication::translate("Receipt", "Expiring %1").arg(e.validThrough.toString(Qt::ISODate)),
                    QString::number(e.points.value()));
    }
    out.add(ReceiptRow::Rule, QString());
    out.add(ReceiptRow::Qr, r.ref);
    out.add(ReceiptRow::Center, QCoreApplication::translate("Receipt", "Thank you, please come again"));
    return out.rows;
}

} // namespace jifen
