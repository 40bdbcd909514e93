#pragma once

#include <QList>
#include <QMetaObject>
#include <QSize>
#include <QSqlDatabase>

#include <type_traits>

namespace tw {

class Panel;
class SelectionModel;

// What a panel is built from: the store connection of the GUI thread and the
// shared selection (ticker, article, date).
struct PanelContext {
    QSqlDatabase db;
    SelectionModel *selection = nullptr;
};

// Where a dock goes in the default arrangement: in a window area, or beside,
// below or tabbed with a dock placed before it. Right-of places are made
// first, then below, then tabs, each in registry order, so the columns exist
// before they are split and tab groups form in the slot of their first dock.
struct DockPlace {
    enum class Kind { Area, RightOf, Below, TabbedWith };
    Kind kind = Kind::Area;
    Qt::DockWidgetArea area = Qt::LeftDockWidgetArea;
    const char *of = nullptr;   // the other dock's object name

    static constexpr DockPlace inArea(Qt::DockWidgetArea area) { return {Kind::Area, area, nullptr}; }
    static constexpr DockPlace rightOf(const char *dock) { return {Kind::RightOf, Qt::LeftDockWidgetArea, dock}; }
    static constexpr DockPlace below(const char *dock) { return {Kind::Below, Qt::LeftDockWidgetArea, dock}; }
    static constexpr DockPlace tabbedWith(const char *dock) { return {Kind::TabbedWith, Qt::LeftDockWidgetArea, dock}; }
};

// One dock of the main window.
struct PanelSpec {
    const QMetaObject *type;   // the Panel subclass
    const char *objectName;    // part of the saved layout: renaming one loses that dock's saved place
    const char *title;         // translated with QObject::tr at run time
    const char *shortcut;      // the View menu toggle
    DockPlace place;
    QSize size;                // default width/height in pixels; 0 leaves it to the layout
    Panel *(*create)(const PanelContext &context);

    // A panel is built from the store and the selection, or from the store alone.
    template <class T>
    static PanelSpec of(const char *objectName, const char *title, const char *shortcut, DockPlace place,
                        QSize size = {})
    {
        return {&T::staticMetaObject, objectName, title, shortcut, place, size, [](const PanelContext &c) -> Panel * {
                    if constexpr (std::is_constructible_v<T, QSqlDatabase, SelectionModel *>)
                        return new T(c.db, c.selection);
                    else
                        return new T(c.db);
                }};
    }
};

// Every panel of the window, in View menu order (Alt+1…). The window loops
// over this list; adding a panel is the panel, its line here and CMake.
const QList<PanelSpec> &panelRegistry();

// The entry of the Panel subclass `type`, or null.
const PanelSpec *panelSpecOf(const QMetaObject *type);

} // namespace tw
