#pragma once

#include <QCompleter>

class QLineEdit;
class QStandardItemModel;

namespace tw {

// Completes a ticker box on tickers and company names as the analyst types:
// "cost" offers "COST  Costco Wholesale · Nasdaq" first. Choosing a line puts
// its ticker in the box. Suggestions come from the company directory.
class CompanyCompleter : public QCompleter {
    Q_OBJECT

public:
    explicit CompanyCompleter(QLineEdit *edit);

    // "COST  Costco Wholesale · Nasdaq" -> "COST"; anything else is returned trimmed.
    static QString tickerOf(const QString &text);
    // The ticker the analyst means by what they typed: the ticker itself, the
    // ticker of a chosen line, else the best match of a name ("costco"). Empty
    // when nothing matches.
    static QString resolve(const QString &typed);
    // The lines offered for `typed`, best first.
    static QStringList suggestions(const QString &typed, int limit = 12);

private:
    void update(const QString &typed);

    QStandardItemModel *m_model;
};

} // namespace tw
