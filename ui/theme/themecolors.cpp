#include "ui/theme/themecolors.h"

#include "models/events/eventtypes.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QHash>

#include <cmath>

namespace tw {

namespace {
QColor hex(const char *rgb)
{
    return QColor(QString::fromLatin1(rgb));
}

// Each colour of both themes, one row a colour: a colour added to ThemeColors
// is one row here, and neither theme can miss it.
struct Shade {
    QColor ThemeColors::*field;
    const char *light;
    const char *dark;
};
constexpr Shade kShades[] = {
    {&ThemeColors::window, "#efefef", "#2b2d30"},
    {&ThemeColors::windowText, "#1a1a1a", "#e4e4e4"},
    {&ThemeColors::base, "#ffffff", "#1e1f22"},
    {&ThemeColors::alternateBase, "#f4f5f7", "#26282b"},
    {&ThemeColors::text, "#1a1a1a", "#e4e4e4"},
    {&ThemeColors::button, "#e6e6e6", "#3a3c40"},
    {&ThemeColors::buttonText, "#1a1a1a", "#e4e4e4"},
    {&ThemeColors::highlight, "#2a62a8", "#2f65a8"},
    {&ThemeColors::highlightedText, "#ffffff", "#ffffff"},
    {&ThemeColors::toolTipBase, "#ffffe1", "#3a3c40"},
    {&ThemeColors::toolTipText, "#1a1a1a", "#f0f0f0"},
    {&ThemeColors::placeholderText, "#656565", "#9a9a9a"},
    {&ThemeColors::link, "#1a5fb4", "#79b8ff"},
    {&ThemeColors::disabledText, "#9a9a9a", "#6f6f6f"},
    {&ThemeColors::mutedText, "#5f5f5f", "#a8a8a8"},
    {&ThemeColors::up, "#2e9e4f", "#3fb868"},
    {&ThemeColors::down, "#d03b3b", "#e5534b"},
    {&ThemeColors::upText, "#1e7b3a", "#57c97c"},
    {&ThemeColors::downText, "#b3261e", "#ff7b72"},
    {&ThemeColors::badgePositive, "#1e7b3a", "#1e7b3a"},
    {&ThemeColors::badgeNegative, "#b3261e", "#b3261e"},
    {&ThemeColors::badgeNeutral, "#5f6368", "#5f6368"},
    {&ThemeColors::badgeText, "#ffffff", "#ffffff"},
    {&ThemeColors::neutralText, "#5f6368", "#a8a8a8"},
    {&ThemeColors::highlightPositiveBackground, "#c9f0d3", "#1f4a2c"},
    {&ThemeColors::highlightPositiveText, "#14532d", "#c9f0d3"},
    {&ThemeColors::highlightNegativeBackground, "#f8cfcf", "#5a2222"},
    {&ThemeColors::highlightNegativeText, "#7f1d1d", "#f8cfcf"},
    {&ThemeColors::axisText, "#3a3a3a", "#c8c8c8"},
    {&ThemeColors::gridLine, "#e3e3e3", "#34363a"},
    {&ThemeColors::axisLine, "#9a9a9a", "#6a6a6a"},
    {&ThemeColors::scoreLine, "#7d3c98", "#c39bd3"},
    {&ThemeColors::focusLine, "#d35400", "#f0a050"},
    {&ThemeColors::crosshair, "#7f8c8d", "#9aa5a6"},
    {&ThemeColors::warningBackground, "#b3261e", "#b3261e"},
    {&ThemeColors::warningText, "#ffffff", "#ffffff"},
};

ThemeColors makeTheme(bool isDark)
{
    ThemeColors c;
    c.isDark = isDark;
    for (const Shade &shade : kShades)
        c.*shade.field = hex(isDark ? shade.dark : shade.light);
    // Shared with another role in both themes.
    c.positiveText = c.upText;
    c.negativeText = c.downText;
    c.chartBackground = c.base;
    c.plotBackground = c.base;
    return c;
}

double channel(double v)
{
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
} // namespace

QPalette ThemeColors::palette() const
{
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, windowText);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternateBase);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, buttonText);
    p.setColor(QPalette::BrightText, isDark ? hex("#ffffff") : hex("#000000"));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, highlightedText);
    p.setColor(QPalette::ToolTipBase, toolTipBase);
    p.setColor(QPalette::ToolTipText, toolTipText);
    p.setColor(QPalette::PlaceholderText, placeholderText);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::LinkVisited, link);
    // Fusion draws bevels and frames from these.
    p.setColor(QPalette::Light, isDark ? window.lighter(150) : hex("#ffffff"));
    p.setColor(QPalette::Midlight, isDark ? window.lighter(125) : hex("#f7f7f7"));
    p.setColor(QPalette::Mid, isDark ? window.darker(130) : hex("#bdbdbd"));
    p.setColor(QPalette::Dark, isDark ? window.darker(160) : hex("#9f9f9f"));
    p.setColor(QPalette::Shadow, hex("#000000"));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabledText);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, isDark ? hex("#4a4c50") : hex("#c8c8c8"));
    return p;
}

const ThemeColors &ThemeColors::light()
{
    static const ThemeColors c = makeTheme(false);
    return c;
}

const ThemeColors &ThemeColors::dark()
{
    static const ThemeColors c = makeTheme(true);
    return c;
}

const ThemeColors &ThemeColors::forPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? dark() : light();
}

const ThemeColors &ThemeColors::current()
{
    return forPalette(QGuiApplication::palette());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

EventKindStyle eventKindStyle(const QString &kind)
{
    const QString key = kind.trimmed().toLower();
    // The known kinds' marks are columns of their table (models/events/eventtypes.h).
    if (const auto known = eventKindFromId(key)) {
        const EventKindInfo info = describeEventKind(*known);
        return {QColor::fromRgb(info.rgb), QLatin1Char(info.letter),
                QCoreApplication::translate("EventKind", info.title)};
    }
    // A kind added later still gets a distinct, dark enough colour.
    QString name = key;
    name.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return {QColor::fromHsv(int(qHash(key) % 360), 200, 120), key.isEmpty() ? QLatin1Char('?') : key[0].toUpper(),
            name};
}

} // namespace tw
