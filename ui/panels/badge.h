#pragma once

#include <QColor>
#include <QString>

namespace tw {

// Colours of sentiment, shared by every panel so "bullish" looks the same
// everywhere. Labels are compared case-insensitively.
QColor sentimentColor(const QString &label, double score = 0);
// True for "bullish"/"positive", false for "bearish"/"negative"; by sign otherwise.
int sentimentDirection(const QString &label, double score);

} // namespace tw
