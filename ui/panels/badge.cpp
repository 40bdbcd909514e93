#include "ui/panels/badge.h"

#include "ui/theme/themecolors.h"

namespace tw {

int sentimentDirection(const QString &label, double score)
{
    const QString l = label.toLower();
    if (l.contains(QLatin1String("bull")) || l.contains(QLatin1String("posit")))
        return 1;
    if (l.contains(QLatin1String("bear")) || l.contains(QLatin1String("negat")))
        return -1;
    // A corporate score without enough news claims no direction, whatever its number.
    if (l.contains(QLatin1String("neutral")) || l.contains(QLatin1String("mixed"))
        || l.contains(QLatin1String("insufficient")))
        return 0;
    return score > 0.05 ? 1 : (score < -0.05 ? -1 : 0);
}

bool prefersDarkTheme(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor sentimentColor(const QString &label, double score)
{
    // The theme's badge fills: white text on them passes WCAG AA.
    const ThemeColors &c = ThemeColors::current();
    switch (sentimentDirection(label, score)) {
    case 1:
        return c.badgePositive;
    case -1:
        return c.badgeNegative;
    default:
        return c.badgeNeutral;
    }
}

QColor sentimentTextColor(const QString &label, double score)
{
    const ThemeColors &c = ThemeColors::current();
    switch (sentimentDirection(label, score)) {
    case 1:
        return c.positiveText;
    case -1:
        return c.negativeText;
    default:
        return c.neutralText;
    }
}

} // namespace tw
