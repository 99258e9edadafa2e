// The receipt encoder: any receipt (texts, amounts, points, lines, dates) encodes to ESC/POS for
// 58 and 80 mm paper or is refused with an error, never a crash; the stream starts with the reset
// and ends with the cut. Field 0 of the input gives the numbers, the other NUL-separated fields
// the texts.
#include "escpos.h"
#include "fuzz_targets.h"
#include "receipt.h"

#include <QTimeZone>

#include <cstring>

namespace jifen::fuzz {

namespace {

// Numbers drawn from a byte stream; zero once it runs out.
class Numbers {
public:
    explicit Numbers(const QByteArray& bytes)
        : m_bytes(bytes)
    {}
    qint64 next(qint64 bound) // in [-bound, bound]
    {
        quint64 v = 0;
        for (int i = 0; i < 8 && m_pos < m_bytes.size(); ++i)
            v = (v << 8) | static_cast<unsigned char>(m_bytes.at(m_pos++));
        return static_cast<qint64>(v % (2 * static_cast<quint64>(bound) + 1)) - bound;
    }
    int byte() { return m_pos < m_bytes.size() ? static_cast<unsigned char>(m_bytes.at(m_pos++)) : 0; }

private:
    QByteArray m_bytes;
    qsizetype m_pos = 0;
};

} // namespace

int escpos(const std::uint8_t* data, std::size_t size)
{
    ensureApplication();
    const QList<QByteArray> f = fields(data, size);
    Numbers n(f.value(0));
    auto text = [&f](int i) { return QString::fromUtf8(f.value(i)); };
    constexpr qint64 money = 100 * Money::maxFen;
    constexpr qint64 points = 1000 * Points::maxInput;

    ReceiptData r;
    r.storeName = text(1);
    r.terminalId = text(2);
    r.ref = text(3);
    r.cashier = text(4);
    r.tender = text(5);
    r.promotionName = text(6);
    r.phoneMasked = text(7);
    r.memberName = text(8);
    r.time = QDateTime::fromSecsSinceEpoch(n.next(Q_INT64_C(253402300799)), Qt::UTC);
    r.amount = Money::fromFen(n.next(money));
    r.offsetPoints = Points(n.next(points));
    r.offsetAmount = Money::fromFen(n.next(money));
    r.paid = Money::fromFen(n.next(money));
    r.member = n.byte() & 1;
    r.earned = Points(n.next(points));
    r.greenEarned = Points(n.next(points));
    r.deferred = Points(n.next(points));
    r.balance = Points(n.next(points));
    r.greenBalance = Points(n.next(points));
    for (qsizetype i = 9; i < f.size(); ++i) {
        ReceiptData::Line l;
        l.name = text(static_cast<int>(i));
        l.quantity = n.next(Points::maxInput);
        l.unitPrice = Money::fromFen(n.next(money));
        l.total = Money::fromFen(n.next(money));
        r.lines.append(l);
        r.expiringSoon.append({Points(n.next(points)), QDate::fromJulianDay(n.next(5373484))});
    }

    for (const PaperWidth width : {PaperWidth::Mm58, PaperWidth::Mm80}) {
        auto bytes = encodeReceipt(r, width);
        if (bytes) {
            check(bytes.value().startsWith(QByteArray("\x1b\x40", 2)), "a receipt does not start with ESC @");
            check(bytes.value().endsWith(QByteArray("\x1d\x56\x42\x00", 4)), "a receipt does not end with the cut");
        } else {
            check(!bytes.error().message.isEmpty(), "a refusal without a message");
        }
        (void)receiptText(r, width);
        EscPosWriter w(width);
        w.initialize();
        w.pair(r.storeName, r.ref);
        (void)w.qrCode(r.memberName, n.byte() - 128);
        w.feed(n.byte());
        (void)w.bytes();
    }
    (void)printColumns(r.storeName);
    (void)tenderDisplayName(r.tender);
    return 0;
}

} // namespace jifen::fuzz

JIFEN_FUZZ_ENTRY(escpos)
