#include "ui/window/layoutpresets.h"

#include <QDockWidget>
#include <QHash>
#include <QMainWindow>

namespace tw {

namespace {
// The docks' object names (ui/window/panelregistry.cpp).
namespace P {
constexpr const char *Watchlist = "dock.watchlist", *Chart = "dock.chart", *Articles = "dock.articles",
                     *Reader = "dock.reader", *Timeline = "dock.timeline", *Capex = "dock.capex", *Alerts = "dock.alerts",
                     *FeedStatus = "dock.feeds", *Signal = "dock.signal";
} // namespace P
} // namespace

const QList<LayoutPreset> &LayoutPreset::all()
{
    // Panels that are often empty or glanced at (feed status, alerts, capex)
    // share a tab group with a busier one instead of taking their own strip.
    static const QList<LayoutPreset> presets{
        {QStringLiteral("Overview"),
         QStringLiteral("Watchlist over the timeline, chart over articles (alerts and feeds as tabs), the reader "
                        "over capex (signal as a tab)"),
         {{{{{P::Watchlist}, 4}, {{P::Timeline}, 6}}, 25},
          {{{{P::Chart}, 11}, {{P::Articles, P::Alerts, P::FeedStatus}, 9}}, 45},
          {{{{P::Reader}, 11}, {{P::Capex, P::Signal}, 9}}, 30}}},
        {QStringLiteral("Reading"),
         QStringLiteral("The article list beside a tall reader; the other panels as tabs over the list, alerts and "
                        "feed status as tabs beside it"),
         // Two tab groups, so each tab keeps its whole name in a 1366-wide window.
         {{{{{P::Watchlist, P::Chart, P::Timeline, P::Capex, P::Signal}, 3},
            {{P::Articles, P::Alerts, P::FeedStatus}, 7}},
           36},
          {{{{P::Reader}, 1}}, 64}}},
        {QStringLiteral("Charts"),
         QStringLiteral("A large chart, the timeline beside it; articles, capex, alerts, feeds and signal as tabs "
                        "below"),
         {{{{{P::Watchlist}, 1}, {{P::Timeline}, 2}}, 22},
          {{{{P::Chart}, 6}, {{P::Articles, P::Capex, P::Alerts, P::FeedStatus, P::Signal}, 4}}, 52},
          {{{{P::Reader}, 1}}, 26}}},
    };
    return presets;
}

const LayoutPreset *LayoutPreset::named(const QString &name)
{
    for (const LayoutPreset &p : all()) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

bool LayoutPreset::apply(QMainWindow *window) const
{
    QHash<QString, QDockWidget *> docks;
    for (QDockWidget *d : window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        docks.insert(d->objectName(), d);
    QList<QDockWidget *> placed;
    for (const Column &c : columns)
        for (const Group &g : c.groups)
            for (const char *id : g.tabs)
                placed << docks.value(QString::fromLatin1(id));
    if (placed.contains(nullptr))
        return false;   // a dock this preset names is not in the window
    const QSize size = window->size();   // the preset is sized for it and keeps it
    // Docks are moved while hidden: a hidden dock asks for no room, so no
    // in-between arrangement (several docks stacked in one column) grows the
    // window past the screen of a 1366x768 laptop.
    for (QDockWidget *d : std::as_const(docks)) {
        d->setFloating(false);
        d->hide();
    }
    auto dock = [&](const char *id) { return docks.value(QString::fromLatin1(id)); };
    auto head = [&](const Group &g) { return dock(g.tabs.constFirst()); };
    // Columns first (each split off the one before it), then each column's
    // groups under its first, then the tabs of each group.
    window->addDockWidget(Qt::LeftDockWidgetArea, head(columns.constFirst().groups.constFirst()));
    for (int c = 1; c < columns.size(); ++c)
        window->splitDockWidget(head(columns.at(c - 1).groups.constFirst()), head(columns.at(c).groups.constFirst()),
                                Qt::Horizontal);
    for (const Column &c : columns) {
        for (int g = 1; g < c.groups.size(); ++g)
            window->splitDockWidget(head(c.groups.at(g - 1)), head(c.groups.at(g)), Qt::Vertical);
        for (const Group &g : c.groups) {
            for (int t = 1; t < g.tabs.size(); ++t)
                window->tabifyDockWidget(dock(g.tabs.at(t - 1)), dock(g.tabs.at(t)));
        }
    }
    for (QDockWidget *d : std::as_const(placed))
        d->show();
    for (const Column &c : columns)
        for (const Group &g : c.groups)
            head(g)->raise();

    if (window->size() != size)
        window->resize(size.expandedTo(window->minimumSizeHint()));
    // Weights to pixels at that size.
    QList<QDockWidget *> heads;
    QList<int> widths;
    int totalWidth = 0;
    for (const Column &c : columns)
        totalWidth += c.width;
    for (const Column &c : columns) {
        heads << head(c.groups.constFirst());
        widths << size.width() * c.width / std::max(totalWidth, 1);
    }
    window->resizeDocks(heads, widths, Qt::Horizontal);
    for (const Column &c : columns) {
        if (c.groups.size() < 2)
            continue;
        QList<QDockWidget *> stack;
        QList<int> heights;
        int total = 0;
        for (const Group &g : c.groups)
            total += g.height;
        for (const Group &g : c.groups) {
            stack << head(g);
            heights << size.height() * g.height / std::max(total, 1);
        }
        window->resizeDocks(stack, heights, Qt::Vertical);
    }
    return true;
}

} // namespace tw
