#pragma once

#include "models/core/kindtable.h"

#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>

namespace tw {

// What a rule watches. describeAlertKind() is its table: a new kind is its
// enum value, its row there, its evaluation (AlertEvaluator) and its
// description (AlertRule::describe); -Wswitch names each place.
enum class AlertKind {
    ScoreThreshold,   // the corporate score crosses `threshold` (0-100) for a horizon
    LabelChange,      // the corporate score's label changes for a horizon
    PriceMove,        // a daily close moves at least `threshold` % against the previous close
    ArticleMatch,     // a new article matches the full-text `query` (optionally by tickers/sources)
    NewsVolume,       // today's article count is `threshold` standard deviations above 30 days
    Guidance,         // a new or changed guidance figure (optionally for one metric)
    Event,            // a new event of one of `eventKinds` (all kinds when empty)
};

// The settings of a rule besides its kind and name.
enum class RuleField { Ticker, Horizon, Threshold, Query, EventKinds, Sources, Cooldown };

// A set of RuleFields, usable in constant expressions.
struct RuleFields {
    unsigned bits = 0;
    constexpr RuleFields() = default;
    constexpr RuleFields(std::initializer_list<RuleField> fields)
    {
        for (RuleField f : fields)
            bits |= 1u << static_cast<unsigned>(f);
    }
    constexpr bool has(RuleField f) const { return (bits >> static_cast<unsigned>(f)) & 1u; }
};

// A kind's threshold: low < value, and value < high (value <= high when highInclusive).
struct ThresholdRange {
    double low = 0;
    double high = 0;
    bool highInclusive = false;
    double byDefault = 0;   // taken when the rule gives none; 0: the rule must give one
};

struct AlertKindInfo {
    const char *name = nullptr;        // the CLI's, the store's and the JSON export's spelling
    const char *label = nullptr;       // what it watches, in words (dialog, CLI help)
    bool condition = false;            // a value that can hover at a threshold: a cooldown between firings
    bool severalTickers = false;       // may name several tickers (comma-separated)
    RuleFields takes{};                // the settings it takes; any other given is refused
    RuleFields needs{};                // the settings it cannot do without
    ThresholdRange threshold{};
    const char *thresholdMeaning = ""; // what the threshold means, for hints and messages
    const char *queryMeaning = "";     // what the query field holds for this kind
};

constexpr AlertKindInfo describeAlertKind(AlertKind kind)
{
    using F = RuleField;
    switch (kind) {
    case AlertKind::ScoreThreshold:
        return {"score-threshold", "the corporate score crosses a threshold", true, false,
                {F::Ticker, F::Horizon, F::Threshold, F::Cooldown}, {F::Threshold}, {0, 100, false, 0},
                "a corporate score between 0 and 100, e.g. 70", ""};
    case AlertKind::LabelChange:
        return {"label-change", "the corporate score's label changes", true, false,
                {F::Ticker, F::Horizon, F::Cooldown}, {}, {}, "", ""};
    case AlertKind::PriceMove:
        return {"price-move", "a daily close moves against the previous close", true, false,
                {F::Ticker, F::Threshold, F::Cooldown}, {F::Threshold}, {0, 100, true, 0},
                "a move in percent above 0 and at most 100, e.g. 5", ""};
    case AlertKind::ArticleMatch:
        return {"article-match", "a new article matches a search", false, true, {F::Ticker, F::Query, F::Sources},
                {F::Query}, {}, "", "a full-text search: words, \"phrases\", AND/OR/NOT, prefix*"};
    case AlertKind::NewsVolume:
        return {"news-volume", "today's news volume is unusually high", true, false,
                {F::Ticker, F::Threshold, F::Cooldown}, {}, {0, 50, true, 3},
                "a z-score against 30 days above 0 and at most 50 (empty: 3)", ""};
    case AlertKind::Guidance:
        return {"guidance", "a new or changed guidance figure", false, false, {F::Ticker, F::Query}, {}, {}, "",
                "an optional metric, e.g. capex"};
    case AlertKind::Event:
        return {"event", "a new event of some kinds", false, false, {F::Ticker, F::EventKinds}, {}, {}, "", ""};
    }
    return {};
}

using AlertKinds = KindTable<AlertKind, describeAlertKind>;

inline QString kindName(AlertKind kind) { return AlertKinds::name(kind); }
inline std::optional<AlertKind> kindFromName(const QString &name)
{
    return AlertKinds::fromName(QStringView(name).trimmed(), Qt::CaseInsensitive);
}
inline QStringList allKindNames() { return AlertKinds::names(); }
// Condition rules watch a value that can hover at a threshold: they get a
// cooldown. The others fire once per new cause (article, event) and have none.
inline bool isConditionKind(AlertKind kind) { return describeAlertKind(kind).condition; }

// The field's key in a rule's JSON export ("event_kinds").
QString ruleFieldKey(RuleField field);

// What is wrong with a rule, as data: each front end words it with its own
// names for the fields (the CLI its options, the dialog its form).
struct RuleProblem {
    enum class Reason {
        Required,     // the kind needs this setting
        NotTaken,     // the kind takes no such setting
        OutOfRange,   // a threshold outside the kind's range
        NotFinite,    // a threshold that is no number
        Negative,     // a negative cooldown
        Unknown,      // a ticker, horizon or event kind nobody knows (`known` lists those that are)
        Malformed,    // a search the full-text index refuses (`detail` says why)
        OneOnly,      // several tickers where the kind takes one
        StoreFailed,  // reading the store failed (`detail`)
    };
    AlertKind kind = AlertKind::ArticleMatch;
    RuleField field = RuleField::Ticker;
    Reason reason = Reason::Required;
    QString value;        // what the rule gave for the field
    QStringList known;
    QString detail;

    // One sentence, naming fields with `fieldName` (the CLI: "--threshold";
    // the dialog: "threshold"; by default their JSON keys).
    QString message(QString (*fieldName)(RuleField) = ruleFieldKey) const;
};

} // namespace tw
