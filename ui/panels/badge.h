#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace tw {

// Colours of sentiment, shared by every panel so "bullish" looks the same
// everywhere. Labels are compared case-insensitively. Colours come from the
// theme (ui/theme/themecolors.h).
// A badge's fill (white text on it).
QColor sentimentColor(const QString &label, double score = 0);
// Sentiment as text on the view's base colour.
QColor sentimentTextColor(const QString &label, double score = 0);
// True for "bullish"/"positive", false for "bearish"/"negative"; by sign otherwise.
int sentimentDirection(const QString &label, double score);
// True when the widget's palette is dark (charts then use their dark theme).
bool prefersDarkTheme(const QPalette &palette);

} // namespace tw
