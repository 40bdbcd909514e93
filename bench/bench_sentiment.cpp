// Sentences per second of the sentence scorer on one core, and the time to
// refresh a company's corporate scores from a year of article scores.
//   build/bench/bench_sentiment [--benchmark_filter=...]
// Set TICKERWIRE_BENCH_TSV to a label<TAB>sentence file (for example one of
// ../shared/eval) to measure on it instead of the built-in sentences.
#include "models/demo/demoworkspace.h"
#include "models/scoring/articlescorer.h"
#include "models/scoring/corporatescorer.h"
#include "models/sentiment/sentimentevaluation.h"
#include "models/sentiment/sentimentscorer.h"

#include <benchmark/benchmark.h>

#include <QFile>
#include <QStringList>

#include <cstdlib>

namespace {

// Written for the benchmark: the shapes of wire copy and of headlines.
QStringList builtInSentences()
{
    return {
        QStringLiteral("Operating profit rose to EUR 14.2 mn from EUR 9.6 mn in the corresponding period in 2025 ."),
        QStringLiteral("The net loss narrowed to EUR 2.3 mn , while net sales increased by 7.4 % to EUR 151.2 mn ."),
        QStringLiteral("Acme cut its full-year guidance after costs increased sharply in the third quarter."),
        QStringLiteral("$ACME - Acme beats estimates, raises outlook; shares up 6% https://t.co/abc123"),
        QStringLiteral("Northwind downgraded to underperform at Baystreet on weak demand"),
        QStringLiteral("The company will hold its annual general meeting in Espoo on 14 April 2026 ."),
        QStringLiteral("Although sales fell slightly, the group returned to profit and its order book grew."),
        QStringLiteral("Diluted EPS stood at EUR 0.25 versus EUR 0.42 a year earlier, the company said."),
        QStringLiteral("Meta debuts Muse Spark and guides 2026 AI capex to $115 billion to $135 billion"),
        QStringLiteral("Shares rose nearly 9%, but the capital spending plan deserves a harder look."),
    };
}

QStringList benchSentences()
{
    if (const char *path = std::getenv("TICKERWIRE_BENCH_TSV")) {
        QFile file(QString::fromLocal8Bit(path));
        if (file.open(QIODevice::ReadOnly)) {
            auto parsed = tw::parseLabeledSentences(QString::fromUtf8(file.readAll()));
            if (parsed && !parsed->isEmpty()) {
                QStringList texts;
                for (const tw::LabeledSentence &s : *parsed)
                    texts << s.text;
                return texts;
            }
        }
    }
    return builtInSentences();
}

void BM_ScoreSentence(benchmark::State &state)
{
    auto scorer = tw::SentimentScorer::builtIn();
    if (!scorer) {
        state.SkipWithError("the built-in lexicon did not load");
        return;
    }
    const QStringList sentences = benchSentences();
    qsizetype i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize((*scorer)->score(sentences[i]).score);
        if (++i == sentences.size())
            i = 0;
    }
    state.SetItemsProcessed(state.iterations());   // items/s = sentences/s
}
BENCHMARK(BM_ScoreSentence);

void BM_LoadLexicon(benchmark::State &state)
{
    for (auto _ : state) {
        auto lexicon = tw::SentimentLexicon::loadDefault();
        benchmark::DoNotOptimize(lexicon.ok());
    }
}
BENCHMARK(BM_LoadLexicon)->Unit(benchmark::kMillisecond);

// One article of state.range(0) MB of wire prose (a huge feed item) scored
// for every company it names: sentence-to-mention matching must stay linear
// in the text (issue #16: 1/2/4/8 MB took 2/5/17/71 s when every sentence was
// checked against every mention). Run with --benchmark_filter=ScoreArticle.
void BM_ScoreArticle(benchmark::State &state)
{
    auto scorer = tw::SentimentScorer::builtIn();
    auto headlines = tw::HeadlineModel::builtIn();
    auto tickers = tw::DemoWorkspace::defaultTickers();
    if (!scorer || !headlines || !tickers) {
        state.SkipWithError("the built-in models or demo tickers did not load");
        return;
    }
    const tw::EntityLinker linker(*tickers);
    const tw::ArticleScorer articles(**scorer, linker, *headlines);
    const QStringList paragraph{
        QStringLiteral("Meta shares rose 3% after Alphabet said its ad sales grew 12% in the quarter."),
        QStringLiteral("Microsoft cut its full-year guidance as costs increased sharply."),
        QStringLiteral("Analysts at Baystreet downgraded Amazon to hold, citing weak demand."),
        QStringLiteral("The company will hold its annual general meeting on 14 April 2026."),
        QStringLiteral("Nvidia, Apple, Tesla and Microsoft led the Nasdaq higher on Tuesday."),
    };
    tw::Article article;
    article.title = QStringLiteral("Meta gains share as Google's ad sales stumble");
    const qsizetype target = state.range(0) * 1024 * 1024;
    article.body.reserve(target + 200);
    for (qsizetype i = 0; article.body.size() < target; ++i)
        article.body += paragraph[i % paragraph.size()] + QLatin1Char(i % 7 == 6 ? '\n' : ' ');
    const QList<tw::TickerLink> links = linker.link(article);
    for (auto _ : state)
        benchmark::DoNotOptimize(articles.score(article, links).size());
    state.SetBytesProcessed(state.iterations() * article.body.size() * 2);
}
BENCHMARK(BM_ScoreArticle)->Arg(1)->Arg(2)->Arg(4)->Arg(20)->Unit(benchmark::kSecond)->Iterations(1);

// A company's corporate scores (all three horizons) from a year of article
// scores, as every ingest batch refreshes them: state.range(0) articles,
// evenly spread over 365 days, titles drawn from a small vocabulary.
void BM_CorporateRefresh(benchmark::State &state)
{
    const QStringList words{QStringLiteral("Meta"),     QStringLiteral("capex"),   QStringLiteral("Muse"),
                            QStringLiteral("Spark"),    QStringLiteral("AI"),      QStringLiteral("shares"),
                            QStringLiteral("guidance"), QStringLiteral("raises"),  QStringLiteral("cuts"),
                            QStringLiteral("launch"),   QStringLiteral("model"),   QStringLiteral("ads"),
                            QStringLiteral("revenue"),  QStringLiteral("Llama"),   QStringLiteral("data"),
                            QStringLiteral("center")};
    const int count = int(state.range(0));
    const qint64 now = 1'780'000'000'000LL;
    quint32 seed = 7;
    QList<tw::StoredArticleScore> rows;
    for (int i = 0; i < count; ++i) {
        tw::StoredArticleScore s;
        s.articleId = i + 1;
        s.ticker = QStringLiteral("META");
        s.score = double(i % 21 - 10) / 10.0;
        s.confidence = 0.7;
        s.relevance = 0.8;
        s.publishedUtc = now - qint64(365.0 * 86'400'000.0 * double(count - i) / count);
        QStringList title;
        for (int w = 0; w < 7; ++w) {
            seed = seed * 1664525u + 1013904223u;
            title << words.at(int((seed >> 16) % quint32(words.size())));
        }
        s.title = title.join(QLatin1Char(' '));
        rows << s;
    }
    for (auto _ : state)
        for (tw::ScoreHorizon h : tw::allHorizons())
            benchmark::DoNotOptimize(tw::CorporateScorer::compute(QStringLiteral("META"), h, now, rows).score);
    state.SetItemsProcessed(state.iterations() * count);
}
BENCHMARK(BM_CorporateRefresh)->Arg(2'000)->Arg(20'000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
