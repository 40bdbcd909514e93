#include "models/events/eventextractor.h"
#include "models/text/articletext.h"

#include "testsupport.h"

#include <QTest>

using namespace tw;

// Extraction on sentences written for the purpose: every kind, with and
// without a date in the text, and the figures that must not become events.
class TestEventExtractor : public QObject {
    Q_OBJECT

    QList<TickerInfo> m_tickers;

    static TickerInfo ticker(const QString &symbol, const QString &name, const QStringList &aliases)
    {
        TickerInfo t;
        t.symbol = symbol;
        t.name = name;
        t.aliases = aliases;
        return t;
    }

    QList<ExtractedEvent> extract(const QString &title, const QString &body, const QDateTime &published) const
    {
        const EntityLinker linker(m_tickers);
        Article a;
        a.title = title;
        a.body = body;
        a.published = published;
        return EventExtractor(linker).extract(a, linker.link(a));
    }

    static const ExtractedEvent *only(const QList<ExtractedEvent> &events, EventKind kind)
    {
        const ExtractedEvent *found = nullptr;
        for (const ExtractedEvent &e : events) {
            if (e.kind != kind)
                continue;
            if (found)
                return nullptr;  // more than one
            found = &e;
        }
        return found;
    }

    static QString describe(const QList<ExtractedEvent> &events)
    {
        QStringList lines;
        for (const ExtractedEvent &e : events)
            lines << QStringLiteral("%1 %2 %3 [%4] %5").arg(e.date.display(), eventKindId(e.kind), e.title, e.subject,
                                                            e.amount.display());
        return lines.join(QLatin1Char('\n'));
    }

    static QDateTime at(int y, int m, int d) { return QDateTime(QDate(y, m, d), QTime(15, 0), Qt::UTC); }

private slots:
    void initTestCase()
    {
        m_tickers = {ticker(QStringLiteral("META"), QStringLiteral("Meta Platforms, Inc."),
                            {QStringLiteral("Meta"), QStringLiteral("Meta Platforms"), QStringLiteral("Facebook parent")}),
                     ticker(QStringLiteral("GOOGL"), QStringLiteral("Alphabet Inc."),
                            {QStringLiteral("Alphabet"), QStringLiteral("Google")}),
                     ticker(QStringLiteral("NVDA"), QStringLiteral("NVIDIA Corporation"), {QStringLiteral("Nvidia")}),
                     ticker(QStringLiteral("SAP"), QStringLiteral("SAP SE"), {QStringLiteral("SAP")})};
    }

    void launchWithTheDateInTheText()
    {
        const auto events = extract(QStringLiteral("Meta's new model arrives"),
                                    QStringLiteral("Meta unveiled Muse Spark on April 8, 2026, its first closed model."),
                                    at(2026, 4, 10));
        const ExtractedEvent *e = only(events, EventKind::Launch);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->ticker, QStringLiteral("META"));
        QCOMPARE(e->date.display(), QStringLiteral("2026-04-08"));
        QCOMPARE(e->date.basis, DateBasis::Text);
        QCOMPARE(e->subject, QStringLiteral("muse spark"));
        QCOMPARE(e->title, QStringLiteral("META launches Muse Spark"));
    }

    void launchWithoutADateTakesThePublicationDay()
    {
        const auto events = extract(QStringLiteral("Alphabet introduces Gemini 4 for developers"), QString(),
                                    at(2026, 5, 2));
        const ExtractedEvent *e = only(events, EventKind::Launch);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->ticker, QStringLiteral("GOOGL"));
        QCOMPARE(e->date.display(), QStringLiteral("2026-05-02"));
        QCOMPARE(e->date.basis, DateBasis::Published);
        QCOMPARE(e->subject, QStringLiteral("gemini 4"));
    }

    void theSentenceOffsetsPointAtTheStatement()
    {
        Article a;
        a.title = QStringLiteral("Weekly round-up");
        a.body = QStringLiteral("Markets were calm. Meta unveiled Muse Spark on Wednesday. Nothing else happened.");
        a.published = at(2026, 4, 9);
        const EntityLinker linker(m_tickers);
        const auto events = EventExtractor(linker).extract(a, linker.link(a));
        QCOMPARE(events.size(), 1);
        const QString text = ArticleText::compose(a);
        QCOMPARE(text.mid(events[0].sentenceStart, events[0].sentenceEnd - events[0].sentenceStart),
                 QStringLiteral("Meta unveiled Muse Spark on Wednesday."));
        QCOMPARE(events[0].date.display(), QStringLiteral("2026-04-08"));
        QCOMPARE(ArticleText::locate(a, events[0].sentenceStart).field, ArticleField::Body);
    }

    void guidanceForms_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QString>("ticker");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("amount");
        QTest::newRow("to, in year") << "Meta expects capital expenditure of $115 billion to $135 billion in 2026."
                                     << "META" << "capex" << "115-135 billion USD 2026";
        QTest::newRow("between, this year") << "Meta plans to spend between 115 and 135 billion dollars on AI infrastructure this year."
                                            << "META" << "capex" << "115-135 billion USD 2026";
        QTest::newRow("B, year before") << "Meta set 2026 capex guidance at $115B-$135B." << "META" << "capex"
                                        << "115-135 billion USD 2026";
        QTest::newRow("bn, no year") << "Meta's capex guidance of $115bn–$135bn worried investors." << "META"
                                     << "capex" << "115-135 billion USD 2026";
        QTest::newRow("EUR revenue") << "SAP expects revenue of between €36 billion and €37 billion in 2027."
                                     << "SAP" << "revenue" << "36-37 billion EUR 2027";
        QTest::newRow("euro sign bn") << "SAP guided 2026 revenue to €36bn." << "SAP" << "revenue"
                                      << "36 billion EUR 2026";
        QTest::newRow("USD mn expenses") << "Nvidia forecast operating expenses of USD 4,300 mn for fiscal 2027."
                                         << "NVDA" << "expenses" << "4300 million USD 2027";
        QTest::newRow("M revenue") << "Nvidia sees revenue of $500M-$600M from the new line in 2026." << "NVDA"
                                   << "revenue" << "500-600 million USD 2026";
        QTest::newRow("quarter of fiscal year") << "Nvidia expects revenue of $54 billion, plus or minus 2%, for the third quarter of fiscal 2027."
                                               << "NVDA" << "revenue" << "54 billion USD 2027-Q3";
        QTest::newRow("current quarter") << "SAP expects revenue between €9 billion and €9.5 billion in the current quarter."
                                         << "SAP" << "revenue" << "9-9.5 billion EUR 2026-Q2";
        QTest::newRow("the company") << "Meta had a busy day. The company expects capex of $120 billion next year."
                                     << "META" << "capex" << "120 billion USD 2027";
    }

    void guidanceForms()
    {
        QFETCH(QString, sentence);
        QFETCH(QString, ticker);
        QFETCH(QString, metric);
        QFETCH(QString, amount);
        // The headline names the company, as a headline does.
        const auto events = extract(sentence.section(QLatin1Char(' '), 0, 0) + QStringLiteral(" update"), sentence,
                                    at(2026, 4, 8));
        const ExtractedEvent *e = only(events, EventKind::Guidance);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->ticker, ticker);
        QCOMPARE(e->metric, metric);
        QCOMPARE(e->amount.display(), amount);
        QCOMPARE(e->date.display(), QStringLiteral("2026-04-08"));
    }

    void raisedAndReaffirmedGuidanceSayWhich()
    {
        auto raised = extract(QStringLiteral("Update"), QStringLiteral("Meta raised its 2026 capex guidance to $125 billion to $145 billion."),
                              at(2026, 7, 30));
        QVERIFY2(only(raised, EventKind::Guidance), qPrintable(describe(raised)));
        QCOMPARE(only(raised, EventKind::Guidance)->subject, QStringLiteral("raised"));
        auto kept = extract(QStringLiteral("Update"), QStringLiteral("Meta reaffirmed its 2026 capex outlook of $115 billion to $135 billion."),
                            at(2026, 7, 30));
        QVERIFY2(only(kept, EventKind::Guidance), qPrintable(describe(kept)));
        QCOMPARE(only(kept, EventKind::Guidance)->subject, QStringLiteral("reaffirmed"));
    }

    void reportedActualsAreNotGuidance()
    {
        const auto events = extract(
            QStringLiteral("Meta's capex"),
            QStringLiteral("Meta's capital expenditure reached about $72 billion in 2025, up from about $39.2 billion in 2024."),
            at(2026, 1, 29));
        QVERIFY2(!only(events, EventKind::Guidance) && events.size() == 2, qPrintable(describe(events)));
        QCOMPARE(events[0].kind, EventKind::Actual);
        QCOMPARE(events[0].amount.display(), QStringLiteral("72 billion USD 2025"));
        QCOMPARE(events[1].amount.display(), QStringLiteral("39.2 billion USD 2024"));
    }

    void theMidpointOfARangeIsNotASecondFigure()
    {
        const auto events = extract(
            QStringLiteral("Update"),
            QStringLiteral("Meta expects capex of $115 billion to $135 billion in 2026. At the midpoint of $125 billion, "
                           "the capex guidance is nearly double last year's."),
            at(2026, 4, 8));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].amount.display(), QStringLiteral("115-135 billion USD 2026"));
    }

    void dealWithAmountAndMonth()
    {
        const auto events = extract(QStringLiteral("Looking back"),
                                    QStringLiteral("When Meta agreed to a $14.3 billion deal tied to Scale AI in June 2025, "
                                                   "few expected it."),
                                    at(2026, 4, 13));
        const ExtractedEvent *e = only(events, EventKind::Deal);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->ticker, QStringLiteral("META"));
        QCOMPARE(e->date.display(), QStringLiteral("2025-06"));
        QCOMPARE(e->date.precision, DatePrecision::Month);
        QCOMPARE(e->subject, QStringLiteral("scale ai"));
        QCOMPARE(e->amount.display(), QStringLiteral("14.3 billion USD"));
    }

    void dealCounterpartyBeforeTheWord()
    {
        const auto events = extract(QStringLiteral("Meta's Scale AI deal, worth about $14.3bn, is done"), QString(),
                                    at(2025, 6, 30));
        const ExtractedEvent *e = only(events, EventKind::Deal);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->subject, QStringLiteral("scale ai"));
        QVERIFY(e->amount.approximate);
    }

    void priceMoveDownOnANamedWeekday()
    {
        // Published Thursday 2026-03-05: "on Tuesday" is 2026-03-03.
        const auto events = extract(QStringLiteral("Chip stocks slide"),
                                    QStringLiteral("Nvidia shares fell 5.5% on Tuesday after the memory warning."),
                                    at(2026, 3, 5));
        const ExtractedEvent *e = only(events, EventKind::PriceMove);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->ticker, QStringLiteral("NVDA"));
        QCOMPARE(*e->amount.low, -5.5);
        QCOMPARE(e->amount.unit, QStringLiteral("percent"));
        QCOMPARE(e->date.display(), QStringLiteral("2026-03-03"));
        QCOMPARE(e->title, QStringLiteral("NVDA shares fall 5.5%"));
    }

    void priceMoveBySymbolAndByShares()
    {
        auto bySymbol = extract(QStringLiteral("META climbs close to 9 percent as the market rallies"), QString(), at(2026, 4, 8));
        QVERIFY2(only(bySymbol, EventKind::PriceMove), qPrintable(describe(bySymbol)));
        QCOMPARE(*only(bySymbol, EventKind::PriceMove)->amount.low, 9.0);
        auto byShares = extract(QStringLiteral("Shares rose nearly 9%, but Meta's plan deserves a harder look"), QString(),
                                at(2026, 4, 8));
        QVERIFY2(only(byShares, EventKind::PriceMove), qPrintable(describe(byShares)));
        QCOMPARE(only(byShares, EventKind::PriceMove)->ticker, QStringLiteral("META"));
    }

    void leadershipChange()
    {
        const auto events = extract(QStringLiteral("New AI chief"),
                                    QStringLiteral("Meta has named Alexandr Wang, the founder of Scale AI, as its Chief AI Officer."),
                                    at(2025, 6, 13));
        const ExtractedEvent *e = only(events, EventKind::Leadership);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->ticker, QStringLiteral("META"));
        QCOMPARE(e->subject, QStringLiteral("chief ai officer"));
        QVERIFY2(e->title.contains(QStringLiteral("Alexandr Wang")), qPrintable(e->title));
    }

    void leadershipDeparture()
    {
        const auto events = extract(QStringLiteral("Nvidia CFO steps down"),
                                    QStringLiteral("Nvidia said on March 2, 2026 that Jane Doe will step down as CFO."),
                                    at(2026, 3, 3));
        const ExtractedEvent *e = only(events, EventKind::Leadership);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->ticker, QStringLiteral("NVDA"));
        QVERIFY(e->subject.contains(QStringLiteral("departure")));
    }

    void legalAction()
    {
        const auto events = extract(QStringLiteral("Regulators act"),
                                    QStringLiteral("The European Commission fined Meta €798 million on November 14, 2024."),
                                    at(2024, 11, 15));
        const ExtractedEvent *e = only(events, EventKind::Legal);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->ticker, QStringLiteral("META"));
        QCOMPARE(e->date.display(), QStringLiteral("2024-11-14"));
        QCOMPARE(e->amount.display(), QStringLiteral("798 million EUR"));
        QVERIFY(!only(events, EventKind::Guidance));
    }

    void rankingResult()
    {
        const auto events = extract(QStringLiteral("Leaderboard"),
                                    QStringLiteral("Meta's Muse Spark scored 52 on the Artificial Analysis Intelligence Index."),
                                    at(2026, 4, 9));
        const ExtractedEvent *e = only(events, EventKind::Ranking);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->ticker, QStringLiteral("META"));
        QCOMPARE(*e->amount.low, 52.0);
        QCOMPARE(e->subject, QStringLiteral("muse spark"));
    }

    void aNewsroomSpeaksInTheFirstPerson()
    {
        const auto launch = extract(QStringLiteral("Introducing Muse Spark, the First Model From Meta Superintelligence Labs"),
                                    QStringLiteral("Today we're introducing Muse Spark, the first model from Meta "
                                                   "Superintelligence Labs."),
                                    at(2026, 4, 8));
        QVERIFY2(only(launch, EventKind::Launch), qPrintable(describe(launch)));
        QCOMPARE(only(launch, EventKind::Launch)->subject, QStringLiteral("muse spark"));
        const auto guidance = extract(QStringLiteral("Meta: an update on our AI infrastructure"),
                                      QStringLiteral("We expect 2026 capital expenditures, including principal payments on "
                                                     "finance leases, in the range of $115\u00A0billion to $135\u00A0billion."),
                                      at(2026, 4, 8));
        QVERIFY2(only(guidance, EventKind::Guidance), qPrintable(describe(guidance)));
        QCOMPARE(only(guidance, EventKind::Guidance)->amount.display(), QStringLiteral("115-135 billion USD 2026"));
    }

    void textWithoutEventsYieldsNone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("share of users") << "An assistant used by only 9% of Meta users in a week would be a curiosity.";
        QTest::newRow("phone case") << "Meta's shop sells a $5 phone case and expects more sales this year.";
        QTest::newRow("market forecast") << "Meta cited a forecast that the market will grow from $22 billion in 2025 to $325 billion by 2033.";
        QTest::newRow("growth percent") << "Analysts expect Meta's revenue to grow 20% this year.";
        QTest::newRow("rental fees") << "Rental fees for Nvidia H100s are up about 40% in six months.";
        QTest::newRow("someone else's round") << "OpenAI has closed a $122 billion funding round, raising the stakes for Meta.";
        QTest::newRow("generic release") << "When a company like Meta releases a model with open weights, anyone can run it.";
        QTest::newRow("headcount") << "Meta expects headcount of 80,000 in 2026.";
        QTest::newRow("analysts expected") << "Meta reported revenue of $42.3 billion, above the $41.4 billion analysts expected.";
        QTest::newRow("better than expected") << "Meta's capex came in at $20 billion for the quarter, lower than expected.";
        QTest::newRow("charging for access") << "Meta charged developers for API access and ruled out a free tier.";
        QTest::newRow("opinion") << "Judging Meta's multi-year build-out by the next set of results is a category error.";
    }

    void textWithoutEventsYieldsNone()
    {
        QFETCH(QString, text);
        const auto events = extract(QStringLiteral("Notebook"), text, at(2026, 5, 12));
        QVERIFY2(events.isEmpty(), qPrintable(describe(events)));
    }

    // Headlines about made-up companies: each yields exactly the events a
    // reader finds in it, and the ones with no event yield nothing.
    void headlinesYieldWhatAReaderFinds_data()
    {
        QTest::addColumn<QString>("published");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("expected");
        const QString text = QString::fromUtf8(twtest::readAll(twtest::fixture(QStringLiteral("events/headlines.tsv"))));
        QVERIFY(!text.isEmpty());
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList f = line.split(QLatin1Char('\t'));
            QStringList expected = f.value(3) == QLatin1String("-") ? QStringList() : f.value(3).split(QLatin1Char(';'));
            expected.sort();
            QTest::newRow(qPrintable(f.value(1))) << f.value(0) << f.value(1) << f.value(2) << expected;
        }
    }

    void headlinesYieldWhatAReaderFinds()
    {
        QFETCH(QString, published);
        QFETCH(QString, title);
        QFETCH(QString, body);
        QFETCH(QStringList, expected);
        const QList<TickerInfo> fictional{
            ticker(QStringLiteral("ADTM"), QStringLiteral("Adatum Social, Inc."),
                   {QStringLiteral("Adatum"), QStringLiteral("Adatum Social"), QStringLiteral("Adatum Research")}),
            ticker(QStringLiteral("NWND"), QStringLiteral("Northwind Corporation"), {QStringLiteral("Northwind")}),
            ticker(QStringLiteral("CTSO"), QStringLiteral("Contoso, Inc."), {QStringLiteral("Contoso"), QStringLiteral("Contoso Cloud")}),
            ticker(QStringLiteral("FBKM"), QStringLiteral("Fabrikam Corporation"), {QStringLiteral("Fabrikam")}),
            ticker(QStringLiteral("TLSP"), QStringLiteral("Tailspin Holdings"),
                   {QStringLiteral("Tailspin"), QStringLiteral("Tailspin Cloud"), QStringLiteral("Aurora")}),
        };
        const EntityLinker linker(fictional);
        Article a;
        a.title = title;
        a.body = body;
        a.published = QDateTime(QDate::fromString(published, Qt::ISODate), QTime(15, 0), Qt::UTC);
        const auto events = EventExtractor(linker).extract(a, linker.link(a));
        QStringList found;
        for (const ExtractedEvent &e : events)
            found << e.ticker + QLatin1Char(':') + eventKindId(e.kind);
        found.sort();
        QVERIFY2(found == expected, qPrintable(found.join(QLatin1Char(' ')) + QStringLiteral(" | ") + describe(events)));
    }

    void oneEventStatedThriceInAnArticleComesOutOnce()
    {
        const auto events = extract(
            QStringLiteral("Meta debuts Muse Spark"),
            QStringLiteral("Meta debuted Muse Spark on April 8, 2026. Analysts cheered the launch of Muse Spark."),
            at(2026, 4, 9));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].date.display(), QStringLiteral("2026-04-08"));
        QCOMPARE(events[0].date.basis, DateBasis::Text);
    }

    // The detectors screen each sentence for the words their patterns need
    // before running them: the words count in any case where the pattern
    // ignores case, in the spellings PCRE2 folds ("ſ" is an "s"), with a
    // typographic apostrophe, and in any sentence of the article.
    void caselessCuesCountInAnyCase()
    {
        const auto events = extract(QStringLiteral("Meta EXPECTS Capital Expenditures of $115 billion to $135 billion in 2026."),
                                    QString(), at(2026, 4, 9));
        const ExtractedEvent *e = only(events, EventKind::Guidance);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->metric, QStringLiteral("capex"));
        QCOMPARE(e->amount.display(), QStringLiteral("115-135 billion USD 2026"));
    }

    void caselessCuesCountInPcreFoldedSpellings()
    {
        const auto events = extract(QStringLiteral("Meta expects total expen\u017Fes of $114 billion to $119 billion in 2026."),
                                    QString(), at(2026, 4, 9));
        const ExtractedEvent *e = only(events, EventKind::Guidance);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->metric, QStringLiteral("expenses"));
    }

    void aRelativeDayCountsInCapitals()
    {
        const auto events = extract(QStringLiteral("Meta unveiled Muse Spark YESTERDAY."), QString(), at(2026, 4, 9));
        const ExtractedEvent *e = only(events, EventKind::Launch);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->date.display(), QStringLiteral("2026-04-08"));
        QCOMPARE(e->date.basis, DateBasis::Text);
    }

    void aProductTiedWithATypographicApostropheStandsForItsCompany()
    {
        const auto events = extract(QStringLiteral("Meta\u2019s Muse Spark tops a leaderboard"),
                                    QStringLiteral("Muse Spark scored 52 on the Artificial Analysis Intelligence Index."),
                                    at(2026, 4, 9));
        const ExtractedEvent *e = only(events, EventKind::Ranking);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->ticker, QStringLiteral("META"));
        QCOMPARE(e->subject, QStringLiteral("muse spark"));
    }

    void aFigureAfterALongSentenceIsRead()
    {
        QString opening = QStringLiteral("Markets were calm");
        for (int i = 0; i < 40; ++i)
            opening += QStringLiteral(", and traders waited for news from the central bank");
        const QString figure = QStringLiteral("Meta expects capital expenditures of $115 billion to $135 billion in 2026.");
        Article a;
        a.title = QStringLiteral("Weekly round-up");
        a.body = opening + QStringLiteral(". ") + figure;
        a.published = at(2026, 4, 9);
        const EntityLinker linker(m_tickers);
        const auto events = EventExtractor(linker).extract(a, linker.link(a));
        const ExtractedEvent *e = only(events, EventKind::Guidance);
        QVERIFY2(e, qPrintable(describe(events)));
        QCOMPARE(e->amount.display(), QStringLiteral("115-135 billion USD 2026"));
        QCOMPARE(ArticleText::compose(a).mid(e->sentenceStart, e->sentenceEnd - e->sentenceStart), figure);
    }
};

QTEST_GUILESS_MAIN(TestEventExtractor)
#include "tst_eventextractor.moc"
