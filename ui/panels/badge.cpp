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

namespace {
const QColor &byDirection(int direction, const QColor &positive, const QColor &negative, const QColor &neutral)
{
    return direction > 0 ? positive : (direction < 0 ? negative : neutral);
}
} // namespace

bool prefersDarkTheme(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor sentimentColor(const QString &label, double score)
{
    // The theme's badge fills: white text on them passes WCAG AA.
    const ThemeColors &c = ThemeColors::current();
    return byDirection(sentimentDirection(label, score), c.badgePositive, c.badgeNegative, c.badgeNeutral);
}

QColor sentimentTextColor(const QString &label, double score)
{
    const ThemeColors &c = ThemeColors::current();
    return byDirection(sentimentDirection(label, score), c.positiveText, c.negativeText, c.neutralText);
}

} // namespace tw
