#pragma once

#include <QDate>
#include <QString>

namespace tw {

// Where Ctrl+E suggests saving: the folder last used for that panel (the
// analyst's own settings), else the Documents folder, else home; the file
// named for the panel, its ticker and the day ("articles-META-2026-04-08.csv").
class ExportLocation {
public:
    // "articles-META.csv" on `day` -> "articles-META-2026-04-08.csv".
    static QString datedName(const QString &name, const QDate &day);
    // The full path the save dialog starts at for `panelKey`.
    static QString suggestedPath(const QString &panelKey, const QString &fileName);
    // Remembers the folder of `chosenPath` for the panel's next export.
    static void remember(const QString &panelKey, const QString &chosenPath);
};

} // namespace tw
