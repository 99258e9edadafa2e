#pragma once

#include "member.h"

#include <QFrame>

#include <optional>

class QLabel;

namespace jifen {

// The identified member at the till: masked phone, name, tier, balance, green balance and the
// points that expire within the rule set's window (90 days). Shows "no member" when empty.
class MemberPanel : public QFrame {
    Q_OBJECT
public:
    explicit MemberPanel(QWidget* parent = nullptr);

    void showMember(const MemberSummary& summary);
    void clear();
    const std::optional<MemberSummary>& member() const { return m_member; }

private:
    std::optional<MemberSummary> m_member;
    QLabel* m_phone;
    QLabel* m_name;
    QLabel* m_tier;
    QLabel* m_balance;
    QLabel* m_green;
    QLabel* m_expiring;
};

} // namespace jifen
