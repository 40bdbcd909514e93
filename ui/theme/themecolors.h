#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace tw {

// The colours of one theme, which widgets ask for instead of hard-coding
// them: the window palette (Fusion), the chart, candles, badges, the reader's
// highlights and the event kinds. Text colours are chosen to pass WCAG AA
// (contrast >= 4.5) on the backgrounds they are drawn on; tst_theme checks.
struct ThemeColors {
    bool isDark = false;

    // Window (applied through QPalette with the Fusion style).
    QColor window, windowText, base, alternateBase, text, button, buttonText;
    QColor highlight, highlightedText, toolTipBase, toolTipText, placeholderText, link, disabledText;
    QColor mutedText;   // secondary lines (a reader's byline), on `base`

    // Prices: candle bodies, and up/down figures drawn as text on `base`.
    QColor up, down, upText, downText;
    // Sentiment: a badge's fill with `badgeText` on it, and as text on `base`.
    QColor badgePositive, badgeNegative, badgeNeutral, badgeText;
    QColor positiveText, negativeText, neutralText;
    // The reader's phrase highlights: text on a tinted background.
    QColor highlightPositiveBackground, highlightPositiveText;
    QColor highlightNegativeBackground, highlightNegativeText;
    // Chart furniture.
    QColor chartBackground, plotBackground, axisText, gridLine, axisLine;
    QColor scoreLine, focusLine, crosshair;
    // A warning label (synthetic prices): text on its fill.
    QColor warningBackground, warningText;

    QPalette palette() const;

    static const ThemeColors &light();
    static const ThemeColors &dark();
    // The set matching a palette (dark when its window colour is dark): what a
    // widget asks with its own palette(), so it follows the theme applied.
    static const ThemeColors &forPalette(const QPalette &palette);
    // For code without a widget at hand: the application's palette.
    static const ThemeColors &current();
};

// WCAG 2.x contrast ratio between two opaque colours (1 to 21).
double contrastRatio(const QColor &a, const QColor &b);

// An event kind's marker: its colour (white letters on it pass AA), its
// letter and its name for a legend ("price-move" -> 'P', "Price move"). The
// known kinds' come from their table (describeEventKind: allEventKindIds()
// lists them in legend order); an unknown kind gets one from its name.
struct EventKindStyle {
    QColor color;
    QChar letter;
    QString name;
};
EventKindStyle eventKindStyle(const QString &kind);

} // namespace tw
