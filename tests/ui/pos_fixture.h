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
#include <QVariant>

#include <initializer_list>

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

// Strings are typed character by character; ints are single keys (Qt::Key).
inline QTestEventList keys(std::initializer_list<QVariant> steps)
{
    QTestEventList list;
    for (const QVariant& step : steps) {
        if (step.typeId() == QMetaType::QString)
            list.addKeyClicks(step.toString());
        else
            list.addKeyClick(static_cast<Qt::Key>(step.toInt()));
    }
    return list;
}

// From the checkout: the member found by phone (F2), `cart` scanned (a barcode, "3*barcode"),
// F12 pays.
inline QTestEventList saleKeys(const QString& phone, const QString& cart)
{
    return keys({Qt::Key_F2, phone, Qt::Key_Return, cart, Qt::Key_Return, Qt::Key_F12});
}

// The redemption screen (F11): the member found by phone, `reward` typed by its code, Enter redeems.
inline QTestEventList redeemKeys(const QString& phone, const QString& reward)
{
    return keys({Qt::Key_F11, phone, Qt::Key_Return, reward, Qt::Key_Return});
}

// The refund screen (Shift+F12): a sale's or a redemption's receipt number (typed, or its QR code
// scanned), `amount` (empty: all of it), Enter confirms.
inline QTestEventList refundKeys(const QString& ref, const QString& amount = QString())
{
    QTestEventList list;
    list.addKeyClick(Qt::Key_F12, Qt::ShiftModifier);
    list.addKeyClicks(ref);
    list.addKeyClick(Qt::Key_Return);
    if (!amount.isEmpty())
        list.addKeyClicks(amount);
    list.addKeyClick(Qt::Key_Return);
    return list;
}

// A PIN typed into the manager's prompt, Enter.
inline QTestEventList pinKeys(const QString& pin)
{
    return keys({pin, Qt::Key_Return});
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
