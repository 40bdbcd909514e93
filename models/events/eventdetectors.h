#pragma once

#include <optional>

#include "models/events/eventtypes.h"
#include "models/events/sentencecontext.h"

#include <QList>

namespace tw {

// One detector per event kind, each reading one sentence. They return the
// events the sentence states (usually none), with the sentence's offsets
// filled in and the company set; merging is the caller's business.
namespace detect {
QList<ExtractedEvent> launches(const SentenceContext &s);
QList<ExtractedEvent> deals(const SentenceContext &s);
QList<ExtractedEvent> priceMoves(const SentenceContext &s);
QList<ExtractedEvent> leadership(const SentenceContext &s);
QList<ExtractedEvent> legal(const SentenceContext &s);
QList<ExtractedEvent> rankings(const SentenceContext &s, const QHash<QString, QString> &products, bool articleAboutBenchmarks);
// Guidance and reported actuals for capex, revenue and expenses.
QList<ExtractedEvent> figures(const SentenceContext &s);
// False when figures() can find nothing: no currency or no metric named.
bool mayStateFigures(const KeywordScreen &screen);
// False when the sentence lacks every word the detectors need: none of them
// can find anything in it, whatever companies or dates it names.
bool mayStateAnEvent(const KeywordScreen &screen);
} // namespace detect

// Within one article, two statements of the same thing are one event
// whatever dates they carry (the headline's is the publication day, the
// body's the day the text names); across articles the dates must be close.
enum class DateRule { Window, Ignore };

// Two statements of the same event (same company and kind, compatible
// subject and figures, dates close enough for that kind).
bool sameEvent(const ExtractedEvent &a, const ExtractedEvent &b, DateRule dates = DateRule::Window);
// The most days apart two reports of one event of `kind` may be under
// sameEvent (nullopt: no limit), so the merger reads only the stored events
// of that window instead of every event of the company.
std::optional<qint64> sameEventMaxDaysApart(EventKind kind);
// The better of two dates for one event: a date the text names beats the
// publication date; then the finer; then the earlier.
bool betterDate(const EventDate &candidate, const EventDate &current);

} // namespace tw
