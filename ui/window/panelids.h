#pragma once

#include <QString>

#include <array>

namespace tw {

// The docks of the main window. The object names are part of the saved layout:
// renaming one loses that dock's saved place.
enum class PanelId { Watchlist, Chart, Articles, Reader, Timeline, Capex, Alerts, FeedStatus };

struct PanelInfo {
    PanelId id;
    const char *objectName;
    const char *title;
    const char *shortcut;   // View menu toggle
};

inline constexpr std::array<PanelInfo, 8> kPanels{{
    {PanelId::Watchlist, "dock.watchlist", "Watchlist", "Alt+1"},
    {PanelId::Chart, "dock.chart", "Chart", "Alt+2"},
    {PanelId::Articles, "dock.articles", "Articles", "Alt+3"},
    {PanelId::Reader, "dock.reader", "Reader", "Alt+4"},
    {PanelId::Timeline, "dock.timeline", "Timeline", "Alt+5"},
    {PanelId::Capex, "dock.capex", "Capex && guidance", "Alt+6"},
    {PanelId::Alerts, "dock.alerts", "Alerts", "Alt+7"},
    {PanelId::FeedStatus, "dock.feeds", "Feed status", "Alt+8"},
}};

} // namespace tw
