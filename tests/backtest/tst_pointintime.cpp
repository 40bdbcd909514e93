#include "models/backtest/pointintimescorer.h"
#include "models/backtest/pricehistory.h"
#include "models/backtest/rankcorrelation.h"
#include "models/backtest/sessioncalendar.h"
#include "models/core/storetime.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace tw;

namespace {

const QTimeZone kNewYork("America/New_York");

qint64 newYork(const QDate &d, int h, int m)
{
    return QDateTime(d, QTime(h, m), kNewYork).toMSecsSinceEpoch();
}

StoredArticleScore row(qint64 id, qint64 published, double score, const QString &title, double relevance = 1.0,
                       double confidence = 0.8)
{
    StoredArticleScore r;
    r.articleId = id;
    r.ticker = QStringLiteral("ACME");
    r.score = score;
    r.confidence = confidence;
    r.relevance = relevance;
    r.publishedUtc = published;
    r.title = title;
    r.spans = QStringLiteral("[]");
    return r;
}

QList<QDate> weekdays(const QDate &from, int count)
{
    QList<QDate> days;
    for (QDate d = from; days.size() < count; d = d.addDays(1))
        if (d.dayOfWeek() <= 5)
            days << d;
    return days;
}

// A history with syndicated copies (same title within hours), varied
// relevance and confidence, quiet spells and bursts.
QList<StoredArticleScore> randomHistory(quint32 seed, const QList<qint64> &closes)
{
    QRandomGenerator rng(seed);
    static const char *const kWords[] = {"orders", "margin", "plant", "chips", "cloud", "probe", "deal", "outlook"};
    QList<StoredArticleScore> rows;
    qint64 id = 1;
    const qint64 start = closes.first() - 10LL * 24 * 3600 * 1000, end = closes.last() + 3600 * 1000;
    for (qint64 t = start; t < end;) {
        t += qint64(rng.generateDouble() * (rng.bounded(5) == 0 ? 4.0 : 0.6) * 24 * 3600 * 1000);
        const QString title = QStringLiteral("ACME %1 %2 story %3")
                                  .arg(QString::fromLatin1(kWords[rng.bounded(8)]),
                                       QString::fromLatin1(kWords[rng.bounded(8)]))
                                  .arg(id);
        const double score = rng.generateDouble() * 2 - 1;
        rows << row(id++, t, score, title, rng.generateDouble(), rng.generateDouble());
        const int copies = rng.bounded(4) == 0 ? int(rng.bounded(3)) + 1 : 0;
        for (int c = 0; c < copies; ++c)
            rows << row(id++, t + qint64(rng.generateDouble() * 2.5 * 24 * 3600 * 1000),
                        std::clamp(score + rng.generateDouble() * 0.2 - 0.1, -1.0, 1.0), title,
                        rng.generateDouble(), rng.generateDouble());
    }
    // Stored order is by publication; the scorer must not depend on it.
    std::reverse(rows.begin(), rows.end());
    return rows;
}

} // namespace

// The point-in-time score: which close an article counts for, the running
// series against the corporate scorer itself, and the pieces the backtest
// stands on (session calendar, split-adjusted prices, rank statistics).
class TestPointInTime : public QObject {
    Q_OBJECT

private slots:
    void closeIsFourPmNewYorkInSummerAndWinter()
    {
        const ExchangeClock clock(QStringLiteral("America/New_York"));
        QCOMPARE(clock.closeTime(), QTime(16, 0));
        // EDT (UTC-4) and EST (UTC-5).
        QCOMPARE(clock.closeUtc(QDate(2025, 7, 1)), QDateTime(QDate(2025, 7, 1), QTime(20, 0), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(clock.closeUtc(QDate(2025, 12, 1)), QDateTime(QDate(2025, 12, 1), QTime(21, 0), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(ExchangeClock(QString()).timeZoneId(), QStringLiteral("America/New_York"));
        QCOMPARE(ExchangeClock(QStringLiteral("Nowhere/Else")).timeZoneId(), QStringLiteral("America/New_York"));
        QCOMPARE(ExchangeClock(QStringLiteral("Europe/London")).closeTime(), QTime(16, 30));
    }

    void anArticleAfterTheCloseCountsForTheNextSession_data()
    {
        QTest::addColumn<QDate>("day");
        QTest::newRow("summer (EDT)") << QDate(2025, 7, 9);
        QTest::newRow("winter (EST)") << QDate(2025, 12, 10);
        QTest::newRow("friday to monday") << QDate(2025, 12, 12);
    }

    void anArticleAfterTheCloseCountsForTheNextSession()
    {
        QFETCH(QDate, day);
        const QList<QDate> sessions = weekdays(day.addDays(-7), 12);
        const qsizetype d = sessions.indexOf(day);
        QVERIFY(d > 0 && d + 1 < sessions.size());
        const QList<qint64> closes = ExchangeClock(QStringLiteral("America/New_York")).closesUtc(sessions);
        QCOMPARE(ExchangeClock::sessionOf(newYork(day, 15, 55), closes), d);
        QCOMPARE(ExchangeClock::sessionOf(newYork(day, 16, 0), closes), d + 1);   // at the close: too late
        QCOMPARE(ExchangeClock::sessionOf(newYork(day, 16, 5), closes), d + 1);
        QCOMPARE(ExchangeClock::sessionOf(newYork(sessions[d - 1], 16, 5), closes), d);

        // The same bullish article on either side of the close, through the series.
        PointInTimeScorer scorer(ScoreHorizon::Short);
        const QList<SessionScore> before =
            scorer.series(QStringLiteral("ACME"), {row(1, newYork(day, 15, 55), 0.8, QStringLiteral("ACME wins"))},
                          closes);
        const QList<SessionScore> after =
            scorer.series(QStringLiteral("ACME"), {row(1, newYork(day, 16, 5), 0.8, QStringLiteral("ACME wins"))},
                          closes);
        QCOMPARE(before[d].landed, 1);
        QCOMPARE(before[d].stories, 1);
        // One story is thin evidence: the scorer shrinks it towards 50, but its side shows.
        QVERIFY(before[d].score > 50);
        QCOMPARE(after[d].landed, 0);
        QCOMPARE(after[d].stories, 0);
        QCOMPARE(after[d].score, 50.0);
        QCOMPARE(after[d + 1].landed, 1);
        QVERIFY(after[d + 1].score > 50);
        for (qsizetype i = 0; i < d; ++i)
            QCOMPARE(after[i].stories, 0);
    }

    void runningSeriesEqualsTheScorerAtEveryClose_data()
    {
        QTest::addColumn<int>("horizon");
        QTest::addColumn<quint32>("seed");
        for (ScoreHorizon h : allHorizons())
            for (quint32 seed : {1u, 2u, 3u})
                QTest::addRow("%s/%u", qPrintable(horizonName(h)), seed) << int(h) << seed;
    }

    void runningSeriesEqualsTheScorerAtEveryClose()
    {
        QFETCH(int, horizon);
        QFETCH(quint32, seed);
        const ScoreHorizon h = ScoreHorizon(horizon);
        const QList<qint64> closes =
            ExchangeClock(QStringLiteral("America/New_York")).closesUtc(weekdays(QDate(2025, 1, 6), 160));
        const QList<StoredArticleScore> rows = randomHistory(seed, closes);
        PointInTimeScorer scorer(h);
        const QList<SessionScore> series = scorer.series(QStringLiteral("ACME"), rows, closes);
        QVERIFY2(!scorer.exactOnly(), qPrintable(scorer.note()));
        QCOMPARE(series.size(), closes.size());
        int withNews = 0;
        for (qsizetype i = 0; i < closes.size(); ++i) {
            const CorporateScore exact = PointInTimeScorer::scoreAt(QStringLiteral("ACME"), h, closes[i], rows);
            QVERIFY2(std::abs(exact.score - series[i].score) < 1e-6,
                     qPrintable(QStringLiteral("close %1: %2 vs %3").arg(i).arg(series[i].score).arg(exact.score)));
            QCOMPARE(series[i].label, exact.label);
            QCOMPARE(series[i].stories, exact.articleCount);
            withNews += exact.articleCount > 0 ? 1 : 0;
        }
        QVERIFY(withNews > 100);
    }

    // Once its running form is trusted, the scorer takes rows as numbers and
    // titles' words (the backtest's read): the same series as whole rows.
    void seriesFromNumbersAndWordsEqualsWholeRows()
    {
        const QList<qint64> closes =
            ExchangeClock(QStringLiteral("America/New_York")).closesUtc(weekdays(QDate(2025, 1, 6), 160));
        PointInTimeScorer checked(ScoreHorizon::Medium);
        for (quint32 seed = 11; checked.needsWholeRows(); ++seed) {
            QVERIFY(seed < 40);
            (void)checked.series(QStringLiteral("ACME"), randomHistory(seed, closes), closes);
        }
        QVERIFY(!checked.exactOnly());
        for (quint32 seed : {4u, 5u}) {
            const QList<StoredArticleScore> rows = randomHistory(seed, closes);
            EvidenceHistory history;
            for (const StoredArticleScore &r : rows)
                history.add(ArticleEvidence{r.articleId, r.publishedUtc, r.score, r.confidence, r.relevance},
                            QByteArrayView(r.title.toUtf8()));
            QCOMPARE(history.size(), rows.size());
            const QList<SessionScore> compact = checked.series(QStringLiteral("ACME"), history, closes);
            const QList<SessionScore> whole = PointInTimeScorer(ScoreHorizon::Medium).series(QStringLiteral("ACME"), rows, closes);
            QCOMPARE(compact.size(), whole.size());
            for (qsizetype i = 0; i < whole.size(); ++i) {
                QCOMPARE(compact[i].score, whole[i].score);
                QCOMPARE(compact[i].label, whole[i].label);
                QCOMPARE(compact[i].stories, whole[i].stories);
                QCOMPARE(compact[i].landed, whole[i].landed);
            }
        }
    }

    void laterArticlesNeverChangeEarlierCloses()
    {
        const QList<qint64> closes =
            ExchangeClock(QStringLiteral("America/New_York")).closesUtc(weekdays(QDate(2025, 3, 3), 60));
        QList<StoredArticleScore> rows = randomHistory(9, closes);
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [&](const StoredArticleScore &r) { return r.publishedUtc >= closes[40]; }),
                   rows.end());
        PointInTimeScorer scorer(ScoreHorizon::Medium);
        const QList<SessionScore> before = scorer.series(QStringLiteral("ACME"), rows, closes);
        // A very bearish burst, and a copy of an old story's title, published after close 40.
        QList<StoredArticleScore> more = rows;
        for (int i = 0; i < 5; ++i)
            more << row(10'000 + i, closes[40] + i * 3'600'000, -1.0, QStringLiteral("ACME collapses %1").arg(i));
        more << row(20'000, closes[40] + 60'000, -1.0, rows.first().title);
        const QList<SessionScore> after = scorer.series(QStringLiteral("ACME"), more, closes);
        for (qsizetype i = 0; i <= 40; ++i) {
            QCOMPARE(after[i].score, before[i].score);
            QCOMPARE(after[i].stories, before[i].stories);
        }
        QVERIFY(after[41].score < before[41].score - 5);
    }

    void calendarFindsSessions()
    {
        const SessionCalendar c({QDate(2025, 1, 3), QDate(2025, 1, 2), QDate(2025, 1, 6), QDate(2025, 1, 3)});
        QCOMPARE(c.size(), 3);
        QCOMPARE(c.indexOf(QDate(2025, 1, 6)), 2);
        QCOMPARE(c.indexOf(QDate(2025, 1, 4)), -1);
        QCOMPARE(c.firstOnOrAfter(QDate(2025, 1, 4)), 2);
        QCOMPARE(c.firstOnOrAfter(QDate(2025, 2, 1)), 3);
    }

    void splitsAreFoundAndAdjusted()
    {
        const QList<QDate> days = weekdays(QDate(2025, 1, 6), 10);
        const SessionCalendar calendar(days);
        QList<DailyClose> bars;
        const double prices[] = {100, 101, 102, 51.5, 52, 52.5, 53, 159.6, 160, 161};   // 2:1, then 1:3
        for (int i = 0; i < 10; ++i)
            bars << DailyClose{days[i], prices[i], false};
        const PriceHistory h = PriceHistory::build(QStringLiteral("ACME"), bars, calendar);
        QCOMPARE(h.splits().size(), 2);
        QCOMPARE(h.splits()[0].date, days[3]);
        QCOMPARE(h.splits()[0].factor, 2.0);
        QCOMPARE(h.splits()[0].ratioText(), QStringLiteral("2:1"));
        QCOMPARE(h.splits()[1].date, days[7]);
        QCOMPARE(h.splits()[1].ratioText(), QStringLiteral("1:3"));
        QVERIFY(std::abs(h.dailyReturn(3) - (103.0 / 102.0 - 1)) < 1e-12);
        QVERIFY(std::abs(h.dailyReturn(7) - (159.6 / 159.0 - 1)) < 1e-12);
        QVERIFY(std::abs(h.forwardReturn(0, 9) - (161.0 / 3 * 2 / 100.0 - 1)) < 1e-12);
        // An ordinary 12% day is not a split; a 45% fall is not one either.
        QCOMPARE(PriceHistory::splitFactorOf(0.88), 0.0);
        QCOMPARE(PriceHistory::splitFactorOf(0.55), 0.0);
        QCOMPARE(PriceHistory::splitFactorOf(0.1), 10.0);
    }

    void missingDaysAndGapsAreCounted()
    {
        const QList<QDate> days = weekdays(QDate(2025, 1, 6), 30);
        const SessionCalendar calendar(days);
        QList<DailyClose> bars;
        for (int i = 0; i < 30; ++i)
            if (i != 4 && (i < 12 || i > 19))   // one missing day, then a hole of eight sessions
                bars << DailyClose{days[i], 100.0 + i, false};
        const PriceHistory h = PriceHistory::build(QStringLiteral("ACME"), bars, calendar);
        QCOMPARE(h.barCount(), 21);
        QCOMPARE(h.missingSessions(), 9);
        QCOMPARE(h.gaps().size(), 1);
        QCOMPARE(h.gaps()[0].lastBefore, days[11]);
        QCOMPARE(h.gaps()[0].firstAfter, days[20]);
        QVERIFY(std::isnan(h.forwardReturn(4, 1)));          // no bar at the start
        QVERIFY(std::isnan(h.forwardReturn(3, 1)));          // no bar at the end
        QVERIFY(!std::isnan(h.forwardReturn(3, 2)));         // over a missing day: both ends exist
        QVERIFY(std::isnan(h.forwardReturn(10, 15)));        // across the hole: cut
        QVERIFY(!std::isnan(h.forwardReturn(20, 5)));
    }

    void ranksAverageTies()
    {
        const std::vector<double> v{3, 1, 3, 2};
        const std::vector<double> r = averageRanks(v);
        QCOMPARE(r, (std::vector<double>{3.5, 1, 3.5, 2}));
    }

    void subsetRanksEqualRanksOfTheSubset()
    {
        QRandomGenerator rng(3);
        std::vector<double> values;
        for (int i = 0; i < 500; ++i)
            values.push_back(double(rng.bounded(40)));   // many ties
        values[7] = std::numeric_limits<double>::quiet_NaN();
        const RankOrder order(values);
        std::vector<qint32> position(values.size(), -1);
        std::vector<double> subset;
        for (size_t i = 0; i < values.size(); ++i)
            if (i != 7 && rng.bounded(3) != 0) {
                position[i] = qint32(subset.size());
                subset.push_back(values[i]);
            }
        QCOMPARE(order.ranksOf(position, subset.size()), averageRanks(subset));
    }

    // Long inputs are ordered by a radix sort on the values' bits: their
    // ranks must be those a comparison sort gives, with ties (-0 against +0
    // among them), negatives, infinities, subnormals and NaN.
    void longInputsRankAsAComparisonSortDoes()
    {
        QRandomGenerator rng(11);
        const double inf = std::numeric_limits<double>::infinity();
        std::vector<double> values;
        for (int i = 0; i < 60000; ++i) {
            switch (rng.bounded(6)) {
            case 0: values.push_back(double(rng.bounded(50)) - 25); break;   // many ties
            case 1: values.push_back(rng.generateDouble() * 2e-3 - 1e-3); break;
            case 2: values.push_back((rng.bounded(2) ? 1 : -1) * rng.generateDouble() * 1e300); break;
            case 3: values.push_back(rng.bounded(2) ? 0.0 : -0.0); break;
            case 4: values.push_back(rng.bounded(2) ? inf : -inf); break;
            default: values.push_back(rng.generateDouble() * 100); break;
            }
        }
        values[17] = std::numeric_limits<double>::quiet_NaN();
        values[99] = std::numeric_limits<double>::denorm_min();
        values[100] = -std::numeric_limits<double>::denorm_min();
        // Average ranks by std::sort and operator== (NaN: no rank).
        auto reference = [](const std::vector<double> &v) {
            std::vector<size_t> order;
            for (size_t i = 0; i < v.size(); ++i)
                if (!std::isnan(v[i]))
                    order.push_back(i);
            std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
            std::vector<double> ranks(v.size(), std::numeric_limits<double>::quiet_NaN());
            for (size_t i = 0; i < order.size();) {
                size_t j = i + 1;
                while (j < order.size() && v[order[j]] == v[order[i]])
                    ++j;
                for (size_t k = i; k < j; ++k)
                    ranks[order[k]] = (double(i) + double(j - 1)) / 2.0 + 1.0;
                i = j;
            }
            return ranks;
        };
        auto same = [](const std::vector<double> &a, const std::vector<double> &b) {
            if (a.size() != b.size())
                return false;
            for (size_t i = 0; i < a.size(); ++i)
                if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
                    return false;
            return true;
        };
        QVERIFY(same(averageRanks(values), reference(values)));

        const RankOrder order(values);
        std::vector<qint32> position(values.size(), -1);
        std::vector<double> subset;
        for (size_t i = 0; i < values.size(); ++i)
            if (!std::isnan(values[i]) && rng.bounded(3) != 0) {
                position[i] = qint32(subset.size());
                subset.push_back(values[i]);
            }
        QVERIFY(subset.size() > 30000);
        QVERIFY(same(order.ranksOf(position, subset.size()), reference(subset)));
        // Every place at once: the ranks of all the values, NaN for the NaN.
        QVERIFY(same(order.ranks(values.size()), reference(values)));
        std::vector<qint32> every(values.size());
        std::iota(every.begin(), every.end(), 0);
        QVERIFY(same(order.ranks(values.size()), order.ranksOf(every, values.size())));
    }

    void spearmanMatchesKnownValues()
    {
        std::vector<double> x, y, noise;
        std::vector<qint32> s;
        QRandomGenerator rng(5);
        for (int i = 0; i < 2000; ++i) {
            x.push_back(rng.generateDouble());
            noise.push_back(rng.generateDouble());
            y.push_back(std::pow(x.back(), 3));   // monotone
            s.push_back(i);
        }
        const CorrelationEstimate perfect = spearmanCorrelation(x, y, s, 1);
        QVERIFY(std::abs(perfect.value - 1) < 1e-12);
        const CorrelationEstimate none = spearmanCorrelation(x, noise, s, 1);
        QVERIFY(std::abs(none.value) < 0.07);
        // Under independence the standard error is about 1/sqrt(n).
        QVERIFY(std::abs(none.standardError * std::sqrt(2000.0) - 1) < 0.15);
        QCOMPARE(spearmanCorrelation(std::span(x).first(10), std::span(y).first(10), std::span(s).first(10), 1).valid(),
                 false);
        const std::vector<double> flat(2000, 1.0);
        QVERIFY(!spearmanCorrelation(flat, y, s, 1).valid());
    }

    void overlappingReturnsWidenTheStandardError()
    {
        // A persistent signal against 20-day sums of the same noise: the
        // products are autocorrelated, and Newey–West must say so.
        QRandomGenerator rng(11);
        std::vector<double> eps(4020);
        for (double &e : eps)
            e = rng.generateDouble() - 0.5;
        std::vector<double> x, y;
        std::vector<qint32> s;
        double level = 0;
        for (int t = 0; t < 4000; ++t) {
            level = 0.95 * level + (rng.generateDouble() - 0.5);
            double sum = 0;
            for (int k = 1; k <= 20; ++k)
                sum += eps[size_t(t + k)];
            x.push_back(level);
            y.push_back(sum);
            s.push_back(t);
        }
        const CorrelationEstimate naive = spearmanCorrelation(x, y, s, 0);
        const CorrelationEstimate hac = spearmanCorrelation(x, y, s, 20);
        QCOMPARE(naive.value, hac.value);
        QVERIFY2(hac.standardError > 2.5 * naive.standardError,
                 qPrintable(QStringLiteral("%1 vs %2").arg(hac.standardError).arg(naive.standardError)));
    }

    void studentQuantiles()
    {
        QCOMPARE(studentT975(1), 12.706);
        QCOMPARE(studentT975(10), 2.228);
        QVERIFY(std::abs(studentT975(60) - 2.000) < 0.002);
        QVERIFY(std::abs(studentT975(1000) - 1.962) < 0.002);
        const std::vector<double> v{1, 2, 3, 4};
        const MeanBand b = meanWithBand(v);
        QCOMPARE(b.mean, 2.5);
        QVERIFY(std::abs(b.halfWidth - 3.182 * std::sqrt(5.0 / 3.0) / 2) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestPointInTime)
#include "tst_pointintime.moc"
