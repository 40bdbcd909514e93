#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/core/storetime.h"
#include "models/linking/entitylinker.h"
#include "models/scoring/articlerescorer.h"
#include "models/scoring/scorewriter.h"
#include "models/store/articlescorestore.h"
#include "models/store/bulkpagecache.h"
#include "models/store/foreignkeypause.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"

#include <QElapsedTimer>

#include <optional>

namespace tw {

namespace {

// `tickerwire score --all` rescores every stored article and every company;
// `tickerwire score --ticker META [--horizon medium] [--explain]` prints a
// company's corporate score (recomputed from the store, so it is current).
class ScoreCommand final : public Command {
public:
    ScoreCommand()
        : Command({
            .name = QStringLiteral("score"),
            .summary = QStringLiteral("Rescore the store (--all) or print a company's corporate score (--ticker)."),
            .options = {{QStringLiteral("all"), QStringLiteral("Rescore every article and every company, with progress.")},
                        {QStringLiteral("ticker"), QStringLiteral("The company to print."), QStringLiteral("SYMBOL")},
                        {QStringLiteral("horizon"), QStringLiteral("short, medium or long (default: all three)."),
                         QStringLiteral("HORIZON")},
                        {QStringLiteral("explain"),
                         QStringLiteral("Also print the stories and phrases that moved the score.")}},
            .takesNoArguments = true,
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        const bool all = ctx.parser.isSet(QStringLiteral("all"));
        const QString ticker = ctx.parser.value(QStringLiteral("ticker")).trimmed().toUpper();
        if (all == !ticker.isEmpty())
            return reportUsageError(ctx, QStringLiteral("give either --all or --ticker SYMBOL"));
        QList<ScoreHorizon> horizons = allHorizons();
        if (ctx.parser.isSet(QStringLiteral("horizon"))) {
            const auto h = parseHorizon(ctx.parser.value(QStringLiteral("horizon")).trimmed().toLower());
            if (!h)
                return reportUsageError(ctx, QStringLiteral("--horizon is short, medium or long"));
            horizons = {*h};
        }

        auto store = openStoreOrReport(ctx, all ? StoreAccess::Write : StoreAccess::ReadOnly);
        if (!store)
            return kExitFailure;
        QSqlDatabase db = store->database();
        // A full rescore reads and rewrites most of the store.
        std::optional<BulkPageCache> bulkCache;
        if (all)
            bulkCache.emplace(db);
        auto tickers = TickerStore(db).all();
        if (!tickers)
            return reportFailure(ctx, tickers.errorMessage());
        auto scoring = BuiltInScoring::load();
        if (!scoring)
            return reportFailure(ctx, scoring.errorMessage());
        const EntityLinker linker(*tickers);
        ScoreWriter writer(db, *scoring->sentences, linker, scoring->headlines);

        QElapsedTimer runTimer;
        runTimer.start();
        qint64 rescoredArticles = 0;
        QStringList symbols;
        if (all) {
            // Article scores in short transactions (a second writer waits
            // seconds at most), then each company's running state built once.
            auto rescored = rescoreArticles(db, writer, ctx);
            if (!rescored)
                return reportFailure(ctx, rescored.errorMessage());
            rescoredArticles = *rescored;
            for (const TickerInfo &t : *tickers)
                symbols << t.symbol;
        } else {
            bool known = false;
            for (const TickerInfo &t : *tickers)
                known = known || t.symbol == ticker;
            if (!known) {
                ctx.err << "tickerwire score: " << ticker << " is not a ticker of this workspace\n";
                return kExitFailure;
            }
            symbols << ticker;
        }
        // The rebuild's member rows point at articles whose scores it reads
        // under this transaction's write lock, so every key holds; checking
        // each against the articles table (a random page of it per row) was
        // a third of the rebuild on a million articles.
        std::optional<Result<ForeignKeyPause>> keysPaused;
        if (all) {
            keysPaused.emplace(ForeignKeyPause::begin(db));
            if (!*keysPaused)
                return reportFailure(ctx, keysPaused->errorMessage());
        }
        Transaction tx(db);
        if (!tx.active())
            return reportFailure(ctx, tx.beginError());
        if (all) {
            // A company's stories are a few seconds' work on a big store: say
            // how far it got, twice a second at most.
            QElapsedTimer sinceReport;
            sinceReport.start();
            auto built = [&](qsizetype done, qsizetype total) {
                if (done < total && sinceReport.elapsed() < 500)
                    return;
                sinceReport.restart();
                ctx.err << "built the scores of " << done << " of " << total << " companies\n";
                ctx.err.flush();
            };
            if (auto rebuilt = writer.rebuildCorporateAfterRescore(symbols, built); !rebuilt)
                return reportFailure(ctx, rebuilt.errorMessage());
        }
        auto scores = writer.refreshCorporate(symbols);
        if (!scores)
            return reportFailure(ctx, scores.errorMessage());
        if (auto committed = tx.commit(); !committed)
            return reportFailure(ctx, committed.errorMessage());
        if (keysPaused) {
            if (auto on = (**keysPaused).end(); !on)
                return reportFailure(ctx, on.errorMessage());
        }
        if (all) {
            const double seconds = std::max(1e-3, double(runTimer.nsecsElapsed()) / 1e9);
            ctx.err << "done: " << rescoredArticles << " articles and " << symbols.size() << " companies in "
                    << QString::number(seconds, 'f', 1) << " s (" << qint64(double(rescoredArticles) / seconds)
                    << " articles/s in all)\n";
            ctx.err.flush();
        }
        if (scores->isEmpty()) {
            // Scores are per company: a store with articles but no watchlist has none.
            if (symbols.isEmpty())
                ctx.out << "no companies on the watchlist: nothing to score (add some with `tickerwire watchlist add`)\n";
            else
                ctx.out << "no articles in the store: nothing to score\n";
            return kExitOk;
        }
        const bool explaining = ctx.parser.isSet(QStringLiteral("explain"));
        for (const CorporateScore &written : *scores) {
            if (!horizons.contains(written.horizon))
                continue;
            CorporateScore s = written;
            if (explaining) {
                // The stories and phrases: from every row, at the same as-of.
                auto rows = ArticleScoreStore(db).forTicker(s.ticker, writer.modelVersion());
                if (!rows)
                    return reportFailure(ctx, rows.errorMessage());
                s = CorporateScorer::compute(s.ticker, s.horizon, written.asOfUtc, *rows);
            }
            ctx.out << s.ticker << ": " << s.headline() << " (" << s.evidenceLine() << ", confidence "
                    << QString::number(s.confidence, 'f', 2) << ", as of " << isoUtc(fromStoreTime(s.asOfUtc))
                    << ")\n";
            if (!s.sufficient() && !explaining)
                ctx.out << "  " << s.insufficientReason << '\n';
            if (explaining)
                explain(s, ctx.out);
        }
        return kExitOk;
    }

private:
    // ArticleRescorer: chunks in id order scored on every core, written in
    // short transactions; progress after each chunk. The running corporate
    // state is dropped first and built again at the end.
    // Gives the number of articles scored.
    static Result<qint64> rescoreArticles(QSqlDatabase db, ScoreWriter &writer, CommandContext &ctx)
    {
        QElapsedTimer timer;
        timer.start();
        qint64 rescored = 0;
        writer.setKeepsCorporateState(false);
        auto done = ArticleRescorer(db, writer).run([&](qint64 scored, qint64 total) {
            rescored = scored;
            const double seconds = std::max(1e-3, double(timer.nsecsElapsed()) / 1e9);
            ctx.err << "scored " << scored << " of " << total << " articles (" << qint64(double(scored) / seconds)
                    << " articles/s)\n";
            ctx.err.flush();
        });
        writer.setKeepsCorporateState(true);
        if (!done)
            return done.error();
        const double seconds = std::max(1e-3, double(timer.nsecsElapsed()) / 1e9);
        ctx.err << "rescored " << rescored << " articles in " << QString::number(seconds, 'f', 1) << " s ("
                << qint64(double(rescored) / seconds) << " articles/s, " << ArticleRescorer::scoringThreads()
                << " scoring threads); building the companies' scores\n";
        ctx.err.flush();
        return rescored;
    }

    static void explain(const CorporateScore &s, QTextStream &out)
    {
        const double halfLifeDays = double(horizonHalfLifeMs(s.horizon)) / (24.0 * 3600 * 1000);
        out << "  evidence: " << s.articleCount << (s.articleCount == 1 ? " story" : " stories") << " in the last "
            << QString::number(kForgottenHalfLives * halfLifeDays, 'f', 0) << " days; weight "
            << QString::number(s.evidence, 'f', 2)
            << " (a fresh, fully relevant, fully confident story weighs 1; weight halves every "
            << QString::number(halfLifeDays, 'f', 0) << (halfLifeDays == 1 ? " day" : " days") << ")\n";
        out << "  shrinkage: mean story score " << QString::asprintf("%+.3f", s.rawMean) << " x "
            << QString::number(s.evidence, 'f', 2) << " / (" << QString::number(s.evidence, 'f', 2) << " + "
            << QString::number(kNeutralPriorWeight, 'f', 0) << " neutral prior) = keeps "
            << QString::number(100 * s.shrinkage, 'f', 0) << "% -> score " << QString::number(s.score, 'f', 1) << '\n';
        if (s.sufficient())
            out << "  evidence is sufficient (at least " << kMinStories << " stories and weight "
                << QString::number(kMinEvidence, 'f', 1) << ")\n";
        else
            out << "  insufficient news: " << s.insufficientReason << '\n';
        out << "  stories (points = contribution to the distance from 50; weight after decay):\n";
        for (const StoryContribution &c : s.topStories) {
            out << "    " << (c.points >= 0 ? "+" : "") << QString::number(c.points, 'f', 1) << "  w "
                << QString::number(c.weight, 'f', 2) << "  "
                << isoUtc(fromStoreTime(c.publishedUtc)).left(10) << "  " << c.title;
            if (!c.source.isEmpty())
                out << " (" << c.source << ")";
            if (c.copies > 1)
                out << " [" << c.copies << " copies counted once]";
            out << '\n';
        }
        out << "  phrases:\n";
        for (const PhraseContribution &p : s.topPhrases)
            out << "    " << (p.points >= 0 ? "+" : "") << QString::number(p.points, 'f', 1) << "  \"" << p.text
                << "\"\n";
    }
};

} // namespace

std::unique_ptr<Command> makeScoreCommand() { return std::make_unique<ScoreCommand>(); }

} // namespace tw
