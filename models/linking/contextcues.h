#pragma once

#include "models/linking/texttokens.h"

#include <QString>

namespace tw {

// The words around a name that tell which sense it has. Business words
// ("shares", "earnings", "lawsuit", "customers") and a company acting
// ("Ford recalls", "Apple to ...") speak for the company; nature, weather,
// sky, space, zodiac and kitchen words ("Amazon rainforest", "Azure skies",
// "apple pie", "rover") for another sense; an organisation word after the
// name ("Meta Materials", "Ford Foundation", "Gemini crypto exchange") for
// another organisation of that name.
// Each test is of a token's lower case.
class ContextCues {
public:
    static const ContextCues &instance();

    bool isBusiness(const TextToken &t) const { return m_business.contains(t); }
    bool isAction(const TextToken &t) const { return m_actions.contains(t); }
    bool isOtherSense(const TextToken &t) const { return m_otherSense.contains(t); }
    // Legal and institutional forms: "Group", "Foundation", "University".
    bool isOrganisationForm(const TextToken &t) const { return m_organisationForms.contains(t); }
    // Lines of business that end company names: "Materials", "Financial".
    bool isIndustryWord(const TextToken &t) const { return m_industryWords.contains(t); }
    // Kinds of entity a company is not: "exchange", "rover", "tribe", "river".
    bool isOtherEntityKind(const TextToken &t) const { return m_otherKinds.contains(t); }
    // Words before a name that make it a company: "rival", "retailer", "shares of".
    bool isCompanyNoun(const TextToken &t) const { return m_companyNouns.contains(t); }
    bool isMonthOrDay(const TextToken &t) const { return m_calendar.contains(t); }
    // Words that open a sentence without being a first name ("Why", "Inside", "Rival").
    bool isFunctionWord(const TextToken &t) const { return m_functionWords.contains(t); }
    // Stock exchange names that qualify a ticker: "NASDAQ: COST", "NYSE:F".
    bool isExchange(QStringView lower) const { return m_exchanges.contains(lower); }
    // Reuters instrument suffixes: "COST.O", "F.N".
    bool isExchangeSuffix(QStringView upper) const { return m_suffixes.contains(upper); }

private:
    ContextCues();

    HashedWordSet m_business;
    HashedWordSet m_actions;
    HashedWordSet m_otherSense;
    HashedWordSet m_organisationForms;
    HashedWordSet m_industryWords;
    HashedWordSet m_otherKinds;
    HashedWordSet m_companyNouns;
    HashedWordSet m_calendar;
    HashedWordSet m_functionWords;
    HashedWordSet m_exchanges;
    HashedWordSet m_suffixes;
};

} // namespace tw
