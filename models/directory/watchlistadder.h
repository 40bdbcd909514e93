#pragma once

#include "models/core/result.h"
#include "models/directory/companydirectory.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace tw {

struct WatchlistAddition {
    QString symbol;       // as stored ("COST")
    QString name;         // "Costco Wholesale"
    bool added = false;   // false: it was already on the watchlist (perhaps as another share class)
    QString message;      // one line for the analyst
    int articlesExamined = 0;   // stored articles that may name it
    int articlesRelinked = 0;   // of those, whose links changed
};

// Puts a listed company on the watchlist the way `tickerwire watchlist add`
// and the window's add box do: the directory's name, exchange, CIK and
// aliases (plus the bundled workspace's own names for it); another share
// class of a company already there is that company; a company known before
// keeps the names the analyst gave it; articles already stored that name it
// are linked (ArticleRelinker). A company may be named by ticker, CIK or name;
// unknown or ambiguous input is refused (closest matches, or the candidates).
class WatchlistAdder {
public:
    using Progress = std::function<void(int done, int total)>;

    explicit WatchlistAdder(QSqlDatabase db);

    // The refusal for a ticker the directory does not list ("did you mean ...").
    static QString unknownTickerMessage(const QString &typed);
    // The company a ticker, CIK or name names, or the refusal: unknown ("did
    // you mean ..."), or a name several companies go by (each with its ticker).
    static Result<CompanyMatch> lookUp(const QString &typed);

    Result<WatchlistAddition> add(const QString &typed, const Progress &progress = {});

private:
    QSqlDatabase m_db;
};

} // namespace tw
