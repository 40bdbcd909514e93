#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace tw {

// One numbered item of an 8-K ("5.02", "Departure of Directors or Certain
// Officers; ...") and, when the document was read, what it says.
struct FilingItem {
    QString number;     // "5.02"; a filing before August 2004 numbers items "5", "12"
    QString title;
    QString text;       // plain text, paragraphs separated by "\n"; empty when only listed
};

// A document filed with a filing: an exhibit such as the EX-99.1 press release.
struct FilingExhibit {
    QString type;           // "EX-99.1"
    QString fileName;       // "bke20241122-8kexhibit.htm"
    QString description;    // as filed: "PRESS RELEASE DATED JUNE 25, 2026"
    QString title;          // the headline its text opens with, when one was found
    QString text;           // plain text, paragraphs separated by "\n"
};

// One filing on SEC EDGAR, as much of it as the source says: a feed entry
// or a submissions row lists form, dates and item numbers; the filing's own
// document adds the items' text and the exhibits.
struct Filing {
    QString accession;          // "0001628280-25-058337"
    qint64 cik = 0;             // the filer
    QString companyName;        // "Meta Platforms, Inc."
    QStringList tickers;        // as the filing or the submissions list name them, most traded first
    QString form;               // "8-K", "8-K/A", "10-K", "4"
    QDate filed;                // the filing date
    QDate reportDate;           // period of report: for an 8-K, the date of the earliest event reported
    QDateTime accepted;         // UTC, when EDGAR accepted it (invalid when unknown)
    QList<FilingItem> items;    // in the order filed
    QList<FilingExhibit> exhibits;
    QString primaryDocument;    // "meta-20251219.htm"
    QString indexUrl;           // the filing index page on www.sec.gov
    QString documentUrl;        // the primary document, when known

    QStringList itemNumbers() const;
    bool isCurrentReport() const;   // 8-K or 8-K/A
    // The date its news happened: the report date, else the filing date.
    QDate eventDate() const;
};

// Header-only: the parsers library (feeds/parsers) uses it without linking models/.


inline QStringList Filing::itemNumbers() const
{
    QStringList numbers;
    for (const FilingItem &item : items)
        numbers << item.number;
    return numbers;
}

inline bool Filing::isCurrentReport() const
{
    return form == QLatin1String("8-K") || form == QLatin1String("8-K/A");
}

inline QDate Filing::eventDate() const
{
    return reportDate.isValid() ? reportDate : filed;
}

// "0001628280-25-058337" from "000162828025058337" or any spelling with the 18 digits.
inline QString normalizedAccession(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    if (digits.size() != 18)
        return QString();
    return digits.left(10) + QLatin1Char('-') + digits.mid(10, 2) + QLatin1Char('-') + digits.mid(12);
}

// EDGAR's addresses, built from the CIK and accession number.
inline QString filingFolderUrl(qint64 cik, const QString &accession)
{
    const QString accessionNumber = normalizedAccession(accession);
    if (cik <= 0 || accessionNumber.isEmpty())
        return QString();
    return QStringLiteral("https://www.sec.gov/Archives/edgar/data/%1/%2/")
        .arg(cik)
        .arg(QString(accessionNumber).remove(QLatin1Char('-')));
}

inline QString filingIndexUrl(qint64 cik, const QString &accession)
{
    const QString folder = filingFolderUrl(cik, accession);
    return folder.isEmpty() ? QString() : folder + normalizedAccession(accession) + QStringLiteral("-index.htm");
}

inline QString filingDocumentUrl(qint64 cik, const QString &accession, const QString &fileName)
{
    const QString folder = filingFolderUrl(cik, accession);
    return folder.isEmpty() || fileName.isEmpty() ? QString() : folder + fileName;
}


} // namespace tw
