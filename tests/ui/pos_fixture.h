#pragma once

// The GUI suites' fixture: a core test fixture (temporary ledger on a FixedClock, terminal T1 of
// a fruit shop) plus helpers to find widgets by objectName and to type as a keyboard does.

#include "../core/fixture.h"
#include "checkout_screen.h"
#include "member_panel.h"
#include "pos_main_window.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTestEventList>

namespace jifen::test {

// Each event goes to the widget that has the focus when it arrives, the way a keyboard or a
// keyboard-wedge scanner delivers keys; F-key shortcuts are matched as in real use.
inline void typeKeys(QTestEventList& events, QWidget* window)
{
    for (QTestEvent* e : events) {
        QWidget* target = QApplication::focusWidget();
        e->simulate(target ? target : window);
    }
}

template <typename T> T* child(QWidget* root, const char* name)
{
    return root->findChild<T*>(QString::fromLatin1(name));
}

inline QString labelText(QWidget* root, const char* name)
{
    auto* l = child<QLabel>(root, name);
    return l ? l->text() : u"<no label %1>"_s.arg(QString::fromLatin1(name));
}

// A member with a balance to spend (earned on an amount-only sale).
inline bool addMemberWithPoints(Fixture& f, qint64 yuan)
{
    if (!f.addMember())
        return false;
    return yuan == 0 || bool(f.sale(u"SEED-1"_s, QString::number(yuan)));
}

} // namespace jifen::test
