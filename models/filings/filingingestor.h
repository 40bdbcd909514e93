#pragma once

#include "models/core/result.h"
#include "models/domain/article.h"
#include "models/domain/filing.h"
#include "models/domain/reportedfact.h"
#include "models/store/reportedfigurestore.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace tw {

struct FilingIngestReport {
    int filings = 0;            // filings read
    int newFilings = 0;
    int eventsCreated = 0;      // events the news had not reported
    int eventsConfirmed = 0;    // news events a filing confirmed
    int pressReleases = 0;      // EX-99 exhibits stored as the company's articles
    int articlesInserted = 0;
    int facts = 0;              // XBRL facts read
    int newFacts = 0;
    int figures = 0;            // reported figures standing for the company
    FigureChanges figureChanges;
    QString ticker;             // what the figures or filings were stored under
    QList<qint64> newEventIds;
    QStringList notes;          // what was left out and why
};

// The one path by which SEC filings enter the store, whatever brought them
// (a feed, the submissions list, a file): the filing and its items, the
// events of an 8-K merged with the news's, the EX-99 press releases through
// the article pipeline as the company's own statements, and XBRL facts as
// reported figures. Each call is one transaction (the articles' own batch
// is the ArticleIngestor's).
class FilingIngestor {
public:
    // The company's ticker from its CIK, when nothing stored knows it (the
    // app hands in the company directory's lookup).
    using CikLookup = std::function<QString(qint64 cik)>;

    explicit FilingIngestor(QSqlDatabase db, CikLookup directory = {});

    // Filings a feed or the submissions list names (items listed, no text).
    Result<FilingIngestReport> ingestListed(const QList<Filing> &filings, const QString &ticker = QString());
    // A filing's own document: items with text, exhibits.
    Result<FilingIngestReport> ingestDocument(const Filing &filing, const QString &ticker = QString());
    // A company's XBRL facts: kept as filed, resolved into figures per period.
    Result<FilingIngestReport> ingestFacts(const CompanyFacts &facts, const QString &ticker = QString());

    // The ticker a filing goes under: the one given, the filing's own, the
    // one stored filings of the company used, the directory's.
    Result<QString> tickerFor(qint64 cik, const QStringList &ownTickers, const QString &given) const;

    // An EX-99 exhibit as an article by the company.
    static Article pressRelease(const Filing &filing, const FilingExhibit &exhibit, const QString &ticker);

private:
    Status storeFiling(const Filing &filing, const QString &ticker, FilingIngestReport &report);

    QSqlDatabase m_db;
    CikLookup m_directory;
};

} // namespace tw
