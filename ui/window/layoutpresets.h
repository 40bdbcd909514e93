#pragma once

#include <QList>
#include <QString>

class QMainWindow;

namespace tw {

// A named arrangement of the docks, as data: columns left to right, each a
// stack of tab groups top to bottom; the first dock of a group is the tab
// shown. Docks are named by their object names ("dock.reader"); widths and
// heights are relative weights. A dock named nowhere is hidden (the View
// menu brings it back).
struct LayoutPreset {
    struct Group {
        QList<const char *> tabs;
        int height = 1;
    };
    struct Column {
        QList<Group> groups;
        int width = 1;
    };
    QString name;      // shown in View > Layouts
    QString purpose;   // its tooltip
    QList<Column> columns;

    // Overview, Reading, Charts.
    static const QList<LayoutPreset> &all();
    // Case-insensitive; null for an unknown name.
    static const LayoutPreset *named(const QString &name);

    // Arranges the window's docks this way, sized for the window's size now;
    // false (and nothing moved) when the window lacks a dock the preset names.
    bool apply(QMainWindow *window) const;
};

} // namespace tw
