#include "models/linking/contextcues.h"

#include <QStringList>

namespace tw {

namespace {
HashedWordSet words(const char *spaceSeparated)
{
    HashedWordSet out;
    for (const QString &w : QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out.insert(w);
    return out;
}
} // namespace

const ContextCues &ContextCues::instance()
{
    static const ContextCues cues;
    return cues;
}

ContextCues::ContextCues()
{
    m_business = words(
        // markets and money
        "shares share stock stocks equity earnings revenue revenues sales profit profits loss losses margin margins "
        "quarter quarterly fiscal guidance outlook results analyst analysts investor investors shareholder "
        "shareholders stake valuation valued market markets ipo listing bond bonds debt billion billions million "
        "millions trillion bn mln usd dividend dividends buyback buybacks capex spending budget cash "
        "rating ratings upgrade upgrades upgraded downgrade downgrades downgraded bullish bearish nasdaq nyse dow "
        "rally rallies rallied selloff premarket trading traders hedge price prices pricing priced cheaper "
        "expensive cost costs costly "
        // corporate life
        "company companies firm firms business businesses corporate conglomerate giant giants rival rivals "
        "competitor competitors startup startups unit division subsidiary brand brands ceo cfo coo cto chairman "
        "chief executive executives founder cofounder board boardroom management employees employee staff "
        "workforce workers worker union unions layoffs layoff jobs job hiring hires hire headcount headquarters "
        "hq office offices campus acquisition acquisitions acquire acquires acquired acquiring buyout merger "
        "mergers deal deals takeover bid partnership partnerships partner partners alliance contract contracts "
        "agreement supplier suppliers supply customers customer clients client users user subscribers "
        "subscriber subscription subscriptions members membership memberships advertisers advertising ads "
        "marketing "
        // law and regulators
        "lawsuit lawsuits court courts judge jury antitrust regulator regulators regulatory ftc doj sec cma "
        "commission fine fined fines penalty probe probes investigation settlement settles settled ruling "
        "trial patent patents monopoly tariff tariffs sanctions lobbying "
        // products and operations
        "product products service services platform platforms app apps software hardware device devices "
        "smartphone smartphones phone phones tablet laptop laptops pc pcs chip chips chipmaker semiconductor "
        "semiconductors gpu gpus processor processors ai chatbot chatbots model models cloud datacenter "
        "datacenters servers server data compute computing search browser streaming video videos music "
        "gaming console consoles headset glasses wearable wearables store stores retail retailer retailers "
        "ecommerce online shopping shoppers delivery deliveries warehouse warehouses fulfillment logistics "
        "drivers vehicle vehicles truck trucks car cars ev evs automaker carmaker pickup factory factories "
        "plant plants production output recall recalls recalled launch launches launched rollout outage "
        "outages cybersecurity breach hackers privacy security feature features update upgrade tech benchmark benchmarks "
        "coding developers developer release releases "
        "technology technologies internet network networks robotaxi robotaxis "
        "foundry fab inventory shipments orders bookings sells sold selling buy buys bought pays paid venture jv "
        "drug drugs fda approval");
    m_actions = words(
        "says said say tells told to will plans plan planned launches launched unveils "
        "unveiled announces announced reports reported posts posted beats beat misses missed cuts cut raises "
        "raised hires hired buys bought sells sold acquires acquired invests invested sues sued wins won loses "
        "lost faces faced agrees agreed settles settled expands expanded opens opened closes closed delays "
        "delayed recalls recalled partners partnered teams signs signed inks inked bets pledges pledged pushes "
        "rolls debuts debuted introduces introduced releases released ships shipped tests tested adds added "
        "drops dropped ends ended files filed seeks sought warns warned confirms confirmed denies denied rejects "
        "rejected appeals boosts boosted lifts lifted trims trimmed slashes slashed halts halted pauses paused "
        "resumes resumed reaches reached tops topped overtakes nears slips slipped gains gained jumps jumped rises "
        "rose falls fell soars soared tumbles tumbled plunges plunged surges surged climbs climbed sinks sank "
        "slides slid rallies dips dipped extends extended renews renewed targets eyes considers weighs explores "
        "prepares readies builds built spends spent outlines outlined predicts expects expected tells accuses "
        "accused blames charges charged stops stopped shuts scraps scrapped wants offers offered brings "
        "unveiling launching reporting hiring cutting buying selling investing building is was has had "
        "lays laid shutters restructures reorganizes moves moved leads led doubles tripled doubled face pays paid");
    m_functionWords = words(
        "why how what when where who which whether is are was were can could will would should shall may might must "
        "does did do has have had inside after before as at for from in on with without here this that these those "
        "even only just more most top all both not but and or so if then once while about against under over "
        "rival report reports exclusive breaking update analysis opinion watch see meet new old why-is");
    m_otherSense = words(
        // nature and geography
        "rainforest rainforests forest forests jungle jungles river rivers basin deforestation tribe tribes tribal "
        "indigenous wildlife species ecosystem ecosystems biodiversity conservation conservationists "
        "brazil brazilian peru peruvian colombia colombian ecuador venezuela bolivia amazonia amazonian manaus "
        "expedition explorers canopy tributary tributaries dolphins dolphin fish fishing drought droughts "
        "wildfire wildfires blaze flooding floods rainfall trees logging loggers mining-free "
        // sky, colour and weather
        "sky skies blue turquoise waters ocean sea seas lagoon coast coastline beach beaches weather sunny "
        "sunshine cloudless forecasters meteorologists temperatures breeze hue shade paint "
        // space, astronomy and the zodiac
        "nasa rover rovers mars martian spacecraft astronaut astronauts orbit orbiter lunar moon planet "
        "planets telescope crater craters molecules geologists astronomers constellation constellations "
        "horoscope horoscopes zodiac astrology astrological aries taurus cancer leo virgo libra scorpio "
        "sagittarius capricorn aquarius pisces "
        "birds parrots animals soup "
        // the kitchen and the orchard
        "recipe recipes pie pies cider orchard orchards juice bake baked baking cinnamon caramel salad crumble "
        "tart tarts dessert desserts fruit fruits harvest cook cooking ingredients sauce slices sliced peel "
        "tablespoon teaspoon oven bread butter sugar muffins cake cakes jam vinegar pork");
    // Legal forms (Inc., Corp., Company) are not here: "Ford Motor Company" is Ford.
    m_organisationForms = words(
        "group holdings holding foundation university institute museum council association society hospital "
        "church school college academy trust fund funds bancorp bancshares bancorporation reit acquisition "
        "partners etf");
    m_industryWords = words(
        "materials financial bank capital energy resources minerals mining metals pharmaceuticals pharma "
        "therapeutics biosciences biotherapeutics realty properties industries insurance airlines foods "
        "hospitality investments securities royalty power");
    m_otherKinds = words(
        "exchange trust fund rover spacecraft mission telescope river basin rainforest tribe tribes festival band "
        "university foundation church hospital school casino hotel resort restaurant warriors "
        "constellation warriors");
    m_companyNouns = words(
        "rival rivals retailer giant company firm maker chipmaker carmaker automaker owner parent startup "
        "competitor partner unit investor backer supplier customer shares stake stock of-shares platform "
        "e-commerce tech ceo cfo owned backed acquired funded");
    m_calendar = words(
        "january february march april may june july august september october november december monday tuesday "
        "wednesday thursday friday saturday sunday today yesterday");
    m_exchanges = words("nasdaq nyse amex nysearca nysemkt otc otcqx otcqb bats cboe tsx lse xetra arca");
    for (const char *s : {"O", "OQ", "N", "K", "A", "P", "PK"})
        m_suffixes.insert(QString::fromLatin1(s));
}

} // namespace tw
