#include "models/scoring/scorewriter.h"

#include "models/core/storetime.h"
#include "models/store/articlescorestore.h"
#include "models/store/corporatescorestore.h"
#include "models/store/sqlexec.h"

namespace tw {

Result<BuiltInScoring> BuiltInScoring::load()
{
    auto sentences = SentimentScorer::builtIn();
    if (!sentences)
        return sentences.error();
    auto headlines = HeadlineModel::builtIn();
    if (!headlines)
        return headlines.error();
    return BuiltInScoring{*sentences, *headlines};
}

ScoreWriter::ScoreWriter(QSqlDatabase db, const SentimentScorer &sentences, const EntityLinker &linker,
                         const HeadlineModel *headlines)
    : m_db(std::move(db)), m_sentences(sentences), m_headlines(headlines), m_articles(sentences, linker, headlines),
      m_modelVersion(modelVersionOf(sentences, headlines)),
      m_articleScores(m_db), m_corporate(m_db, m_modelVersion)
{
}

QString ScoreWriter::modelVersion() const
{
    return m_modelVersion;
}

QString ScoreWriter::modelVersionOf(const SentimentScorer &sentences, const HeadlineModel *headlines)
{
    return headlines ? QStringLiteral("%1+hl-%2").arg(sentences.modelVersion(), headlines->digest())
                     : sentences.modelVersion();
}

Status ScoreWriter::scoreArticle(qint64 articleId, const Article &article, const QList<TickerLink> &links, bool fresh)
{
    // No linked company, no score: the sentences need no scoring to say so.
    return scoreArticle(articleId, article, links, fresh,
                        links.isEmpty() ? QList<ArticleScore>{} : m_articles.score(article, links));
}

Status ScoreWriter::scoreArticle(qint64 articleId, const Article &article, const QList<TickerLink> &links, bool fresh,
                                 const QList<ArticleScore> &scores)
{
    if (m_keepCorporate)
        if (auto s = m_corporate.beforeScores(articleId, fresh, links); !s)
            return s;
    if (auto s = m_articleScores.replace(articleId, m_modelVersion, scores, toStoreTime(nowUtc())); !s)
        return s;
    if (!m_keepCorporate)
        return {};
    return m_corporate.addScores(articleId, article, scores, links);
}

QList<ArticleScoreRow> ScoreWriter::scoreRows(const Article &article, const QList<TickerLink> &links) const
{
    QList<ArticleScoreRow> rows;
    if (links.isEmpty())
        return rows;
    const QList<ArticleScore> scores = m_articles.score(article, links);
    rows.reserve(scores.size());
    for (const ArticleScore &score : scores)
        rows << ArticleScoreRow::from(score);
    return rows;
}

Status ScoreWriter::writeScores(qint64 articleId, const QList<ArticleScoreRow> &rows)
{
    return m_articleScores.replace(articleId, m_modelVersion, rows, toStoreTime(nowUtc()));
}

Result<qint64> ScoreWriter::storeAsOf() const
{
    return queryScalar(m_db, QStringLiteral("SELECT COALESCE(MAX(published_utc), 0) FROM articles"));
}

Result<QList<CorporateScore>> ScoreWriter::refreshCorporate(const QStringList &tickers, std::optional<qint64> asOfUtc)
{
    qint64 asOf = 0;
    if (asOfUtc) {
        asOf = *asOfUtc;
    } else {
        auto latest = storeAsOf();
        if (!latest)
            return latest.error();
        asOf = *latest;
    }
    return m_corporate.flush(tickers, asOf);
}

Result<int> ScoreWriter::backfillCorporateHistory(const QStringList &tickers, qint64 fromUtc, qint64 toUtc,
                                                  qint64 stepMs)
{
    if (stepMs <= 0 || fromUtc > toUtc)
        return fail(QStringLiteral("score history: the step must be positive and the range not reversed"));
    ArticleScoreStore articleScores(m_db);
    CorporateScoreStore corporate(m_db);
    int written = 0;
    for (const QString &ticker : tickers) {
        auto rows = articleScores.forTicker(ticker, modelVersion());
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            continue;
        // Walk back from `toUtc` so the newest point is the store's "now".
        for (qint64 asOf = toUtc; asOf >= fromUtc; asOf -= stepMs) {
            for (ScoreHorizon h : allHorizons()) {
                if (auto saved = corporate.save(CorporateScorer::compute(ticker, h, asOf, *rows), modelVersion());
                    !saved)
                    return saved.error();
                ++written;
            }
        }
    }
    return written;
}

} // namespace tw
