#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/core/storetime.h"
#include "models/linking/entitylinker.h"
#include "models/scoring/scorewriter.h"
#include "models/store/articlescorestore.h"
#include "models/store/articlestore.h"
#include "models/store/articletickerstore.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"
#include "models/text/articlebounds.h"

#include "models/store/corporateevidencestore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlQuery>

namespace tw {

namespace {

// `tickerwire score --all` rescores every stored article and every company;
// `tickerwire score --ticker META [--horizon medium] [--explain]` prints a
// company's corporate score (recomputed from the store, so it is current).
class ScoreCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("score"); }
    QString summary() const override
    {
        return QStringLiteral("Rescore the store (--all) or print a company's corporate score (--ticker).");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption(QCommandLineOption(QStringLiteral("all"),
                                            QStringLiteral("Rescore every article and every company, with progress.")));
        parser.addOption(QCommandLineOption(QStringLiteral("ticker"), QStringLiteral("The company to print."),
                                            QStringLiteral("SYMBOL")));
        parser.addOption(QCommandLineOption(QStringLiteral("horizon"),
                                            QStringLiteral("short, medium or long (default: all three)."),
                                            QStringLiteral("HORIZON")));
        parser.addOption(QCommandLineOption(QStringLiteral("explain"),
                                            QStringLiteral("Also print the stories and phrases that moved the score.")));
    }

    int run(CommandContext &ctx) override
    {
        const bool all = ctx.parser.isSet(QStringLiteral("all"));
        const QString ticker = ctx.parser.value(QStringLiteral("ticker")).trimmed().toUpper();
        if (!ctx.arguments.isEmpty()) {
            ctx.err << "tickerwire score: unexpected argument '" << ctx.arguments.first() << "'\n";
            return kExitUsage;
        }
        if (all == !ticker.isEmpty()) {
            ctx.err << "tickerwire score: give either --all or --ticker SYMBOL\n";
            return kExitUsage;
        }
        QList<ScoreHorizon> horizons = allHorizons();
        if (ctx.parser.isSet(QStringLiteral("horizon"))) {
            const auto h = parseHorizon(ctx.parser.value(QStringLiteral("horizon")).trimmed().toLower());
            if (!h) {
                ctx.err << "tickerwire score: --horizon is short, medium or long\n";
                return kExitUsage;
            }
            horizons = {*h};
        }

        auto store = openStoreOrReport(ctx, all ? StoreAccess::Write : StoreAccess::ReadOnly);
        if (!store)
            return kExitFailure;
        QSqlDatabase db = store->database();
        auto tickers = TickerStore(db).all();
        if (!tickers) {
            ctx.err << "tickerwire: " << tickers.errorMessage() << '\n';
            return kExitFailure;
        }
        auto sentiment = SentimentScorer::builtIn();
        if (!sentiment) {
            ctx.err << "tickerwire: " << sentiment.errorMessage() << '\n';
            return kExitFailure;
        }
        auto headlines = HeadlineModel::builtIn();
        if (!headlines) {
            ctx.err << "tickerwire: " << headlines.errorMessage() << '\n';
            return kExitFailure;
        }
        const EntityLinker linker(*tickers);
        ScoreWriter writer(db, **sentiment, linker, *headlines);

        QStringList symbols;
        if (all) {
            // Article scores in short transactions (a second writer waits
            // seconds at most), then each company's running state built once.
            if (auto rescored = rescoreArticles(db, writer, ctx); !rescored) {
                ctx.err << "tickerwire: " << rescored.errorMessage() << '\n';
                return kExitFailure;
            }
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
        Transaction tx(db);
        if (!tx.active()) {
            ctx.err << "tickerwire: " << tx.beginError() << '\n';
            return kExitFailure;
        }
        if (all) {
            if (auto rebuilt = writer.rebuildCorporate(symbols); !rebuilt) {
                ctx.err << "tickerwire: " << rebuilt.errorMessage() << '\n';
                return kExitFailure;
            }
        }
        auto scores = writer.refreshCorporate(symbols);
        if (!scores) {
            ctx.err << "tickerwire: " << scores.errorMessage() << '\n';
            return kExitFailure;
        }
        if (auto committed = tx.commit(); !committed) {
            ctx.err << "tickerwire: " << committed.errorMessage() << '\n';
            return kExitFailure;
        }
        if (scores->isEmpty()) {
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
                if (!rows) {
                    ctx.err << "tickerwire: " << rows.errorMessage() << '\n';
                    return kExitFailure;
                }
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
    // Streams the articles in id order, a chunk per transaction, with their
    // links read for the chunk in one query: no per-article look-ups. The
    // running corporate state is dropped first and built again at the end.
    static Status rescoreArticles(QSqlDatabase db, ScoreWriter &writer, CommandContext &ctx)
    {
        constexpr int kChunk = 5000;
        auto total = queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM articles"));
        if (!total)
            return total.error();
        {
            Transaction tx(db);
            if (auto cleared = CorporateEvidenceStore(db).clearAll(); !cleared)
                return cleared;
            if (auto c = tx.commit(); !c)
                return c;
        }
        writer.setKeepsCorporateState(false);
        QSqlQuery articles(db), links(db);
        articles.setForwardOnly(true);
        links.setForwardOnly(true);
        if (!articles.prepare(QStringLiteral("SELECT id, title, summary, body FROM articles WHERE id > ? ORDER BY id LIMIT ?"))
            || !links.prepare(QStringLiteral("SELECT article_id, ticker, relevance FROM article_tickers "
                                             "WHERE article_id > ? AND article_id <= ? ORDER BY article_id, relevance DESC, ticker")))
            return fail(describeSqlError(QStringLiteral("prepare rescoring"), articles));
        QElapsedTimer timer;
        timer.start();
        qint64 done = 0, after = 0;
        for (;;) {
            QList<std::pair<qint64, Article>> chunk;
            if (auto s = execBound(articles, {after, kChunk}); !s)
                return s;
            while (articles.next()) {
                Article a;
                a.title = articles.value(1).toString();
                a.summary = articles.value(2).toString();
                a.body = articles.value(3).toString();
                chunk.append({articles.value(0).toLongLong(), std::move(a)});
            }
            articles.finish();
            if (chunk.isEmpty())
                break;
            const qint64 last = chunk.last().first;
            QHash<qint64, QList<TickerLink>> linked;
            if (auto s = execBound(links, {after, last}); !s)
                return s;
            while (links.next())
                linked[links.value(0).toLongLong()] << TickerLink{links.value(1).toString(),
                                                                  TickerLink::relevanceFromStore(links.value(2).toDouble()), 0};
            links.finish();
            // Written in transactions of about half a second each, so a
            // second writer waits that long at most, whatever the articles' size.
            const qint64 before = done;
            auto written = writeInTimedBatches(
                db, chunk.size(),
                [&](qsizetype i) -> Status {
                    const auto &[id, article] = chunk.at(i);
                    return writer.scoreArticle(id, ArticleBounds::analysedPart(article), linked.value(id));
                },
                [&](qsizetype n) { done = before + n; });
            if (!written)
                return written;
            after = last;
            const double seconds = std::max(1e-3, timer.nsecsElapsed() / 1e9);
            ctx.err << "scored " << done << " of " << *total << " articles (" << qint64(done / seconds)
                    << " articles/s)\n";
            ctx.err.flush();
        }
        writer.setKeepsCorporateState(true);
        const double seconds = std::max(1e-3, timer.nsecsElapsed() / 1e9);
        ctx.err << "rescored " << done << " articles in " << QString::number(seconds, 'f', 1) << " s ("
                << qint64(done / seconds) << " articles/s); building the companies' scores\n";
        ctx.err.flush();
        return {};
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
