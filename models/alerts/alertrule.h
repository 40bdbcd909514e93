#pragma once

#include "models/alerts/alertkind.h"
#include "models/core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw {

// One alert rule as the analyst configured it. `ticker` empty means every
// ticker of the workspace (for article-match: any article).
struct AlertRule {
    qint64 id = 0;
    QString name;
    AlertKind kind = AlertKind::ArticleMatch;
    QString ticker;
    QString horizon;                     // score kinds: short, medium, long
    std::optional<double> threshold;     // score 0-100, percent, z-score
    QString query;                       // article-match: FTS5; guidance: metric ("capex")
    QStringList eventKinds;              // event: launch, guidance, deal, price-move, leadership, legal, ranking, actual
    QStringList sources;                 // article-match: publisher names
    qint64 cooldownSeconds = 3600;
    bool enabled = true;
    bool muted = false;
    QDateTime created;

    // A short human description ("META price move >= 5%").
    QString describe() const;

    // The portable form used by `alerts export/import` (no id, no state).
    QJsonObject toJson() const;
    static Result<AlertRule> fromJson(const QJsonObject &json);
};

// Durations as the CLI takes them: "90", "90s", "15m", "1h", "2d".
std::optional<qint64> parseDurationSeconds(const QString &text);
QString formatDuration(qint64 seconds);

} // namespace tw
