#pragma once

#include "models/linking/texttokens.h"

#include <QSet>
#include <QString>

namespace tw {

// The words around a name that tell which sense it has. Business words
// ("shares", "earnings", "lawsuit", "customers") and a company acting
// ("Ford recalls", "Apple to ...") speak for the company; nature, weather,
// sky, space, zodiac and kitchen words ("Amazon rainforest", "Azure skies",
// "apple pie", "rover") for another sense; an organisation word after the
// name ("Meta Materials", "Ford Foundation", "Gemini crypto exchange") for
// another organisation of that name.
class ContextCues {
public:
    static const ContextCues &instance();

    bool isBusiness(QStringView lower) const { return m_business.contains(lookupKey(lower)); }
    bool isAction(QStringView lower) const { return m_actions.contains(lookupKey(lower)); }
    bool isOtherSense(QStringView lower) const { return m_otherSense.contains(lookupKey(lower)); }
    // Legal and institutional forms: "Group", "Foundation", "University".
    bool isOrganisationForm(QStringView lower) const { return m_organisationForms.contains(lookupKey(lower)); }
    // Lines of business that end company names: "Materials", "Financial".
    bool isIndustryWord(QStringView lower) const { return m_industryWords.contains(lookupKey(lower)); }
    // Kinds of entity a company is not: "exchange", "rover", "tribe", "river".
    bool isOtherEntityKind(QStringView lower) const { return m_otherKinds.contains(lookupKey(lower)); }
    // Words before a name that make it a company: "rival", "retailer", "shares of".
    bool isCompanyNoun(QStringView lower) const { return m_companyNouns.contains(lookupKey(lower)); }
    bool isMonthOrDay(QStringView lower) const { return m_calendar.contains(lookupKey(lower)); }
    // Words that open a sentence without being a first name ("Why", "Inside", "Rival").
    bool isFunctionWord(QStringView lower) const { return m_functionWords.contains(lookupKey(lower)); }
    // Stock exchange names that qualify a ticker: "NASDAQ: COST", "NYSE:F".
    bool isExchange(QStringView lower) const { return m_exchanges.contains(lookupKey(lower)); }
    // Reuters instrument suffixes: "COST.O", "F.N".
    bool isExchangeSuffix(QStringView upper) const { return m_suffixes.contains(lookupKey(upper)); }

private:
    ContextCues();

    QSet<QString> m_business;
    QSet<QString> m_actions;
    QSet<QString> m_otherSense;
    QSet<QString> m_organisationForms;
    QSet<QString> m_industryWords;
    QSet<QString> m_otherKinds;
    QSet<QString> m_companyNouns;
    QSet<QString> m_calendar;
    QSet<QString> m_functionWords;
    QSet<QString> m_exchanges;
    QSet<QString> m_suffixes;
};

} // namespace tw
