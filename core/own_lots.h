#pragma once

#include <QCryptographicHash>
#include <QString>

#include <algorithm>
#include <utility>
#include <vector>

namespace jifen {

// A terminal's own lots that HQ left out of a pull page, summed the same way at HQ and at the
// terminal: how many, the points left in them, and a digest of which lot holds what. Count and
// points alone would pass two lots that are off in opposite directions (a salvaged database).
class OwnLotsTally {
public:
    void add(qint64 seq, qint64 remaining)
    {
        m_lots.emplace_back(seq, remaining);
        m_points += remaining;
    }
    qint64 count() const { return qint64(m_lots.size()); }
    qint64 points() const { return m_points; }
    // SHA-256 (hex) of "seq=remaining;" for each lot in seq order.
    QString digest() const
    {
        auto lots = m_lots;
        std::sort(lots.begin(), lots.end());
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const auto& [seq, remaining] : lots)
            hash.addData(QByteArray::number(seq) + '=' + QByteArray::number(remaining) + ';');
        return QString::fromLatin1(hash.result().toHex());
    }

private:
    std::vector<std::pair<qint64, qint64>> m_lots;
    qint64 m_points = 0;
};

} // namespace jifen
