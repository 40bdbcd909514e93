#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace tw {

struct RelinkReport {
    int examined = 0;    // stored articles that may name the companies
    int relinked = 0;    // whose links changed (and were rescored)
};

// After the watchlist or a company's names change: links the stored articles
// that may name the companies again, with today's names, and rescores those
// whose links changed, then the companies' corporate scores. Candidates come
// from the full-text index (the companies' names and tickers), so a store of a
// million articles reads only the few that could match. One transaction.
class ArticleRelinker {
public:
    using Progress = std::function<void(int done, int total)>;

    explicit ArticleRelinker(QSqlDatabase db);

    Result<RelinkReport> relink(const QStringList &symbols, const Progress &progress = {});

private:
    QSqlDatabase m_db;
};

} // namespace tw
