#include "ui/window/panelregistry.h"

#include "ui/panels/alertspanel.h"
#include "ui/panels/articlespanel.h"
#include "ui/panels/capexpanel.h"
#include "ui/panels/chartpanel.h"
#include "ui/panels/feedstatuspanel.h"
#include "ui/panels/readerpanel.h"
#include "ui/panels/signalpanel.h"
#include "ui/panels/timelinepanel.h"
#include "ui/panels/watchlistpanel.h"

#define TW_TITLE(text) QT_TRANSLATE_NOOP("tw::PanelRegistry", text)

namespace tw {

// The default arrangement: watchlist over feed status on the left, chart
// over articles in the middle, reader on the right, timeline/capex/alerts
// tabbed under the reader, the signal study a fourth tab there (it
// computes only when brought to the front). Sizes are for a 1600 px wide window.
const QList<PanelSpec> &panelRegistry()
{
    using P = DockPlace;
    static const QList<PanelSpec> panels{
        PanelSpec::of<WatchlistPanel>("dock.watchlist", TW_TITLE("Watchlist"), "Alt+1",
                                      P::inArea(Qt::LeftDockWidgetArea), {380, 0}),
        PanelSpec::of<ChartPanel>("dock.chart", TW_TITLE("Chart"), "Alt+2", P::rightOf("dock.watchlist"), {760, 520}),
        PanelSpec::of<ArticlesPanel>("dock.articles", TW_TITLE("Articles"), "Alt+3", P::below("dock.chart"), {0, 380}),
        PanelSpec::of<ReaderPanel>("dock.reader", TW_TITLE("Reader"), "Alt+4", P::rightOf("dock.chart"), {460, 357}),
        PanelSpec::of<TimelinePanel>("dock.timeline", TW_TITLE("Timeline"), "Alt+5", P::below("dock.reader"), {0, 565}),
        PanelSpec::of<CapexPanel>("dock.capex", TW_TITLE("Capex & guidance"), "Alt+6", P::tabbedWith("dock.timeline")),
        PanelSpec::of<AlertsPanel>("dock.alerts", TW_TITLE("Alerts"), "Alt+7", P::tabbedWith("dock.capex")),
        PanelSpec::of<FeedStatusPanel>("dock.feeds", TW_TITLE("Feed status"), "Alt+8", P::below("dock.watchlist")),
        PanelSpec::of<SignalPanel>("dock.signal", TW_TITLE("Signal"), "Alt+9", P::tabbedWith("dock.alerts")),
    };
    return panels;
}

const PanelSpec *panelSpecOf(const QMetaObject *type)
{
    for (const PanelSpec &spec : panelRegistry()) {
        if (spec.type == type)
            return &spec;
    }
    return nullptr;
}

} // namespace tw
