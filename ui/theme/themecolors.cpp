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

ThemeColors makeLight()
{
    ThemeColors c;
    c.isDark = false;
    c.window = hex("#efefef");
    c.windowText = hex("#1a1a1a");
    c.base = hex("#ffffff");
    c.alternateBase = hex("#f4f5f7");
    c.text = hex("#1a1a1a");
    c.button = hex("#e6e6e6");
    c.buttonText = hex("#1a1a1a");
    c.highlight = hex("#2a62a8");
    c.highlightedText = hex("#ffffff");
    c.toolTipBase = hex("#ffffe1");
    c.toolTipText = hex("#1a1a1a");
    c.placeholderText = hex("#656565");
    c.link = hex("#1a5fb4");
    c.disabledText = hex("#9a9a9a");
    c.mutedText = hex("#5f5f5f");
    c.up = hex("#2e9e4f");
    c.down = hex("#d03b3b");
    c.upText = hex("#1e7b3a");
    c.downText = hex("#b3261e");
    c.badgePositive = hex("#1e7b3a");
    c.badgeNegative = hex("#b3261e");
    c.badgeNeutral = hex("#5f6368");
    c.badgeText = hex("#ffffff");
    c.positiveText = c.upText;
    c.negativeText = c.downText;
    c.neutralText = hex("#5f6368");
    c.highlightPositiveBackground = hex("#c9f0d3");
    c.highlightPositiveText = hex("#14532d");
    c.highlightNegativeBackground = hex("#f8cfcf");
    c.highlightNegativeText = hex("#7f1d1d");
    c.chartBackground = c.base;
    c.plotBackground = c.base;
    c.axisText = hex("#3a3a3a");
    c.gridLine = hex("#e3e3e3");
    c.axisLine = hex("#9a9a9a");
    c.scoreLine = hex("#7d3c98");
    c.focusLine = hex("#d35400");
    c.crosshair = hex("#7f8c8d");
    c.warningBackground = hex("#b3261e");
    c.warningText = hex("#ffffff");
    return c;
}

ThemeColors makeDark()
{
    ThemeColors c;
    c.isDark = true;
    c.window = hex("#2b2d30");
    c.windowText = hex("#e4e4e4");
    c.base = hex("#1e1f22");
    c.alternateBase = hex("#26282b");
    c.text = hex("#e4e4e4");
    c.button = hex("#3a3c40");
    c.buttonText = hex("#e4e4e4");
    c.highlight = hex("#2f65a8");
    c.highlightedText = hex("#ffffff");
    c.toolTipBase = hex("#3a3c40");
    c.toolTipText = hex("#f0f0f0");
    c.placeholderText = hex("#9a9a9a");
    c.link = hex("#79b8ff");
    c.disabledText = hex("#6f6f6f");
    c.mutedText = hex("#a8a8a8");
    c.up = hex("#3fb868");
    c.down = hex("#e5534b");
    c.upText = hex("#57c97c");
    c.downText = hex("#ff7b72");
    c.badgePositive = hex("#1e7b3a");
    c.badgeNegative = hex("#b3261e");
    c.badgeNeutral = hex("#5f6368");
    c.badgeText = hex("#ffffff");
    c.positiveText = c.upText;
    c.negativeText = c.downText;
    c.neutralText = hex("#a8a8a8");
    c.highlightPositiveBackground = hex("#1f4a2c");
    c.highlightPositiveText = hex("#c9f0d3");
    c.highlightNegativeBackground = hex("#5a2222");
    c.highlightNegativeText = hex("#f8cfcf");
    c.chartBackground = c.base;
    c.plotBackground = c.base;
    c.axisText = hex("#c8c8c8");
    c.gridLine = hex("#34363a");
    c.axisLine = hex("#6a6a6a");
    c.scoreLine = hex("#c39bd3");
    c.focusLine = hex("#f0a050");
    c.crosshair = hex("#9aa5a6");
    c.warningBackground = hex("#b3261e");
    c.warningText = hex("#ffffff");
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
    static const ThemeColors c = makeLight();
    return c;
}

const ThemeColors &ThemeColors::dark()
{
    static const ThemeColors c = makeDark();
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
