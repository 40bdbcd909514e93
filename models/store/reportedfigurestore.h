#pragma once

#include "models/core/result.h"
#include "models/domain/reportedfact.h"
#include "models/filings/reportedfigures.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace tw {

struct FigureChanges {
    int added = 0;      // periods not reported before
    int changed = 0;    // a figure, or the filing it stands on, changed
    int unchanged = 0;
};

// reported_facts (every fact as filed: the history) and reported_figures
// (per company, metric and period, the figure that stands). The caller owns
// the transaction.
class ReportedFigureStore {
public:
    explicit ReportedFigureStore(QSqlDatabase db);

    // Adds facts not stored before; returns how many were new.
    Result<int> addFacts(qint64 cik, const QList<ReportedFact> &facts);
    Result<QList<ReportedFact>> facts(qint64 cik) const;
    // Replaces the company's figures with `figures`, telling what changed.
    Result<FigureChanges> replaceFigures(const QString &ticker, qint64 cik, const QList<ReportedFigure> &figures);
    // Empty ticker or metric: all. Ordered by ticker, metric and period.
    Result<QList<ReportedFigure>> figures(const QString &ticker, const QString &metric) const;

private:
    QSqlDatabase m_db;
};

} // namespace tw
