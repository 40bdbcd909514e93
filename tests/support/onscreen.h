#pragma once

#include <QSize>
#include <QTest>
#include <QWidget>

namespace twtest {

// `widget` at `size`, shown, once the window system has put it on screen:
// what a widget test does before it reads geometry or clicks. False when the
// widget never appeared.
inline bool shownAt(QWidget &widget, const QSize &size)
{
    widget.resize(size);
    widget.show();
    return QTest::qWaitForWindowExposed(&widget);
}

} // namespace twtest
