#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/core/storetime.h"
#include "models/linking/entitylinker.h"
#include "models/scoring/scorewriter.h"
#include "models/store/articlestore.h"
#include "models/store/articletickerstore.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"
#include "models/text/articlebounds.h"

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

        auto store = openCommandStore(ctx.globals, ctx.err);
        if (!store) {
            ctx.err << "tickerwire: " << store.errorMessage() << '\n';
            return kExitFailure;
        }
        QSqlDatabase db = (*store)->database();
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
            // In batches: the store stays writable for the window and cron
            // between them. The corporate scores follow in one last transaction.
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
        for (const CorporateScore &s : *scores) {
            if (!horizons.contains(s.horizon))
                continue;
            ctx.out << s.ticker << ": " << s.headline() << " (" << s.articleCount << (s.articleCount == 1 ? " article" : " articles") << ", confidence "
                    << QString::number(s.confidence, 'f', 2) << ", as of " << isoUtc(fromStoreTime(s.asOfUtc))
                    << ")\n";
            if (ctx.parser.isSet(QStringLiteral("explain")))
                explain(s, ctx.out);
        }
        return kExitOk;
    }

private:
    static Status rescoreArticles(QSqlDatabase db, ScoreWriter &writer, CommandContext &ctx)
    {
        auto total = queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM articles"));
        if (!total)
            return total.error();
        QList<qint64> ids;
        {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.exec(QStringLiteral("SELECT id FROM articles ORDER BY id")))
                return fail(describeSqlError(QStringLiteral("list articles"), q));
            while (q.next())
                ids << q.value(0).toLongLong();
        }
        ArticleStore articles(db);
        ArticleTickerStore links(db);
        qsizetype reported = 0;
        return writeInTimedBatches(
            db, ids.size(),
            [&](qsizetype i) -> Status {
                const qint64 id = ids.at(i);
                auto article = articles.byId(id);
                if (!article)
                    return article.error();
                if (!*article)
                    return {};   // removed since the list was read
                auto linked = links.forArticle(id);
                if (!linked)
                    return linked.error();
                return writer.scoreArticle(id, ArticleBounds::analysedPart(**article), *linked);
            },
            [&](qsizetype done) {
                if (done - reported >= 500 || done == ids.size()) {
                    ctx.err << "scored " << done << " of " << ids.size() << " articles\n";
                    ctx.err.flush();
                    reported = done;
                }
            });
    }

    static void explain(const CorporateScore &s, QTextStream &out)
    {
        out << "  stories (points = contribution to the distance from 50):\n";
        for (const StoryContribution &c : s.topStories) {
            out << "    " << (c.points >= 0 ? "+" : "") << QString::number(c.points, 'f', 1) << "  "
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
