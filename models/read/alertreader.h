#pragma once

#include "models/core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tw {

struct FiredAlertRow {
    qint64 id = 0;
    qint64 firedUtc = 0;
    // When the news behind it happened: the newest cause article's
    // publication (0 for a price or score cause, which has no article).
    qint64 newsUtc = 0;
    qint64 causeArticleId = 0;   // that article, 0 when none
    QString causeKey;            // "event:12", "guidance:12:…", a quote or score key
    QString ruleName;
    QString ticker;
    QString message;
    bool acknowledged = false;
};

struct AlertRuleRow {
    qint64 id = 0;
    QString name;
    QString kind;
    QString ticker;
    std::optional<double> threshold;
    QString query;
    bool enabled = true;
    bool muted = false;
    qint64 lastFiredUtc = 0;
};

// The alerts panel's two lists (rows written by the alert engine).
class AlertReader {
public:
    explicit AlertReader(QSqlDatabase db);

    Result<QList<FiredAlertRow>> fired(int limit = 500) const; // newest first
    Result<QList<AlertRuleRow>> rules() const;

private:
    QSqlDatabase m_db;
};

} // namespace tw
