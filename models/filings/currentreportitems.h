#pragma once

#include "models/events/eventtypes.h"

#include <QDate>
#include <QString>

#include <optional>

namespace tw {

// What one numbered item of an 8-K is: its official title, a short label
// for titles and the timeline, and the kind of event it reports (none for
// 9.01, which only lists exhibits).
struct CurrentReportItem {
    const char *number;
    const char *title;
    const char *label;
    std::optional<EventKind> kind;
};

// Header-only: the parsers library (feeds/parsers) reads items by number and
// title without linking models/.
namespace currentreport_detail {
inline constexpr CurrentReportItem kItems[] = {
    {"1.01", "Entry into a Material Definitive Agreement", "material agreement", EventKind::Deal},
    {"1.02", "Termination of a Material Definitive Agreement", "agreement terminated", EventKind::Deal},
    {"1.03", "Bankruptcy or Receivership", "bankruptcy or receivership", EventKind::Legal},
    {"1.04", "Mine Safety - Reporting of Shutdowns and Patterns of Violations", "mine safety report", EventKind::Other},
    {"1.05", "Material Cybersecurity Incidents", "cybersecurity incident", EventKind::CyberIncident},
    {"2.01", "Completion of Acquisition or Disposition of Assets", "acquisition or disposition completed", EventKind::Deal},
    {"2.02", "Results of Operations and Financial Condition", "results of operations", EventKind::Results},
    {"2.03", "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant",
     "new financial obligation", EventKind::Other},
    {"2.04", "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement",
     "obligation accelerated", EventKind::Other},
    {"2.05", "Costs Associated with Exit or Disposal Activities", "restructuring costs", EventKind::Restructuring},
    {"2.06", "Material Impairments", "material impairment", EventKind::Other},
    {"3.01", "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing",
     "listing notice", EventKind::Other},
    {"3.02", "Unregistered Sales of Equity Securities", "unregistered share sale", EventKind::Other},
    {"3.03", "Material Modification to Rights of Security Holders", "shareholder rights modified", EventKind::Other},
    {"4.01", "Changes in Registrant's Certifying Accountant", "auditor change", EventKind::Other},
    {"4.02", "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review",
     "earlier financial statements withdrawn", EventKind::Other},
    {"5.01", "Changes in Control of Registrant", "change in control", EventKind::Deal},
    {"5.02", "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers",
     "director or officer change", EventKind::Leadership},
    {"5.03", "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year", "bylaws or fiscal year amended",
     EventKind::Other},
    {"5.04", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans", "benefit plan trading suspended",
     EventKind::Other},
    {"5.05", "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
     "code of ethics amended", EventKind::Other},
    {"5.06", "Change in Shell Company Status", "shell company status changed", EventKind::Other},
    {"5.07", "Submission of Matters to a Vote of Security Holders", "shareholder vote results", EventKind::Other},
    {"5.08", "Shareholder Director Nominations", "director nominations", EventKind::Other},
    {"6.01", "ABS Informational and Computational Material", "asset-backed securities material", EventKind::Other},
    {"6.02", "Change of Servicer or Trustee", "servicer or trustee changed", EventKind::Other},
    {"6.03", "Change in Credit Enhancement or Other External Support", "credit enhancement changed", EventKind::Other},
    {"6.04", "Failure to Make a Required Distribution", "required distribution missed", EventKind::Other},
    {"6.05", "Securities Act Updating Disclosure", "Securities Act update", EventKind::Other},
    {"7.01", "Regulation FD Disclosure", "Regulation FD disclosure", EventKind::Other},
    {"8.01", "Other Events", "other events", EventKind::Other},
    {"9.01", "Financial Statements and Exhibits", "financial statements and exhibits", std::nullopt},
};

// Form 8-K before August 23, 2004.
inline constexpr CurrentReportItem kLegacyItems[] = {
    {"1", "Changes in Control of Registrant", "change in control", EventKind::Deal},
    {"2", "Acquisition or Disposition of Assets", "acquisition or disposition", EventKind::Deal},
    {"3", "Bankruptcy or Receivership", "bankruptcy or receivership", EventKind::Legal},
    {"4", "Changes in Registrant's Certifying Accountant", "auditor change", EventKind::Other},
    {"5", "Other Events", "other events", EventKind::Other},
    {"6", "Resignations of Registrant's Directors", "director resignation", EventKind::Leadership},
    {"7", "Financial Statements and Exhibits", "financial statements and exhibits", std::nullopt},
    {"8", "Change in Fiscal Year", "fiscal year changed", EventKind::Other},
    {"9", "Regulation FD Disclosure", "Regulation FD disclosure", EventKind::Other},
    {"10", "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
     "code of ethics amended", EventKind::Other},
    {"11", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans", "benefit plan trading suspended",
     EventKind::Other},
    {"12", "Results of Operations and Financial Condition", "results of operations", EventKind::Results},
};

// Letters and digits only, lower case: titles are compared by their words.
inline QString letters(const QString &text)
{
    QString out;
    for (QChar c : text) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}
} // namespace currentreport_detail

// The items of Form 8-K since August 2004 (1.05 since December 2023).
inline const CurrentReportItem *currentReportItem(const QString &number)
{
    for (const CurrentReportItem &item : currentreport_detail::kItems) {
        if (number == QLatin1String(item.number))
            return &item;
    }
    return nullptr;
}

// Items of 8-Ks filed before August 23, 2004, numbered 1 to 12.
inline const CurrentReportItem *legacyCurrentReportItem(const QString &number)
{
    for (const CurrentReportItem &item : currentreport_detail::kLegacyItems) {
        if (number == QLatin1String(item.number))
            return &item;
    }
    return nullptr;
}

// The item an 8-K's number means on its filing date (a plain "5" is a
// pre-2004 item; an unknown date reads by the number's shape).
inline const CurrentReportItem *currentReportItemFor(const QString &number, const QDate &filed)
{
    if (number.contains(QLatin1Char('.')) && (!filed.isValid() || filed >= QDate(2004, 8, 23)))
        return currentReportItem(number);
    if (!number.contains(QLatin1Char('.')))
        return legacyCurrentReportItem(number);
    return nullptr;
}

// The item whose official title `title` is (EDGAR's "ITEM INFORMATION"
// header and feed summaries give titles; wording and punctuation vary).
inline const CurrentReportItem *currentReportItemByTitle(const QString &title)
{
    const QString wanted = currentreport_detail::letters(title);
    if (wanted.size() < 8)
        return nullptr;
    // Titles come shortened ("Departure of Directors or Certain Officers;
    // ... Compensatory Arrangements of Certain Of") or with ':' for ';'.
    const CurrentReportItem *best = nullptr;
    qsizetype bestLength = 0;
    for (const CurrentReportItem &item : currentreport_detail::kItems) {
        const QString official = currentreport_detail::letters(QString::fromLatin1(item.title));
        qsizetype common = 0;
        while (common < official.size() && common < wanted.size() && official.at(common) == wanted.at(common))
            ++common;
        const bool whole = common == official.size() || common == wanted.size();
        if ((whole || common >= 24) && common > bestLength) {
            best = &item;
            bestLength = common;
        }
    }
    return best;
}

} // namespace tw
