#include "models/scoring/articlerescorer.h"

#include "models/store/corporateevidencestore.h"
#include "models/store/sqlexec.h"
#include "models/text/articlebounds.h"

#include <QHash>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace tw {

namespace {
struct Chunk {
    std::vector<qint64> ids;
    std::vector<Article> articles;   // the analysed part (ArticleBounds)
    std::vector<QList<TickerLink>> links;
    std::vector<QList<ArticleScoreRow>> rows;   // filled by ChunkScoring

    bool empty() const { return ids.empty(); }
    qsizetype size() const { return qsizetype(ids.size()); }
};

// Scores one chunk on worker threads, each taking the next article in turn.
// The chunk must not be touched until wait() returns (the destructor waits).
class ChunkScoring {
public:
    ChunkScoring(const ScoreWriter &writer, Chunk &chunk, int threads)
    {
        chunk.rows.assign(chunk.ids.size(), {});
        for (int t = 0; t < threads; ++t) {
            m_threads.emplace_back([this, &writer, &chunk] {
                for (size_t i; (i = m_next.fetch_add(1, std::memory_order_relaxed)) < chunk.ids.size();)
                    chunk.rows[i] = writer.scoreRows(chunk.articles[i], chunk.links[i]);
            });
        }
    }
    ~ChunkScoring() { wait(); }
    ChunkScoring(const ChunkScoring &) = delete;
    ChunkScoring &operator=(const ChunkScoring &) = delete;

    void wait()
    {
        for (std::thread &t : m_threads) {
            if (t.joinable())
                t.join();
        }
    }

private:
    std::atomic<size_t> m_next = 0;
    std::vector<std::thread> m_threads;
};

// Reads the articles after `afterId` in id order, with their links (read
// for the chunk in one query, most relevant first as the ingest gives them).
class ChunkReader {
public:
    ChunkReader(QSqlDatabase db, ArticleRescorer::Chunking chunking) : m_articles(db), m_links(db), m_chunking(chunking)
    {
        m_articles.setForwardOnly(true);
        m_links.setForwardOnly(true);
    }

    Status prepare()
    {
        if (!m_articles.prepare(QStringLiteral("SELECT id, title, summary, body FROM articles WHERE id > ? ORDER BY id LIMIT ?"))
            || !m_links.prepare(QStringLiteral("SELECT article_id, ticker, relevance FROM article_tickers "
                                               "WHERE article_id > ? AND article_id <= ? "
                                               "ORDER BY article_id, relevance DESC, ticker")))
            return fail(describeSqlError(QStringLiteral("prepare rescoring"), m_articles));
        return {};
    }

    Result<Chunk> read(qint64 afterId)
    {
        Chunk chunk;
        if (auto s = execBound(m_articles, {afterId, m_chunking.articles}); !s)
            return s.error();
        qsizetype chars = 0;
        while (chars < m_chunking.chars && m_articles.next()) {
            Article a;
            a.title = m_articles.value(1).toString();
            a.summary = m_articles.value(2).toString();
            a.body = m_articles.value(3).toString();
            chars += a.title.size() + a.summary.size() + a.body.size();
            chunk.ids.push_back(m_articles.value(0).toLongLong());
            chunk.articles.push_back(ArticleBounds::analysedPart(a));
        }
        m_articles.finish();
        if (chunk.empty())
            return chunk;
        QHash<qint64, qsizetype> indexOf;
        indexOf.reserve(chunk.size());
        for (qsizetype i = 0; i < chunk.size(); ++i)
            indexOf.insert(chunk.ids[size_t(i)], i);
        chunk.links.resize(chunk.ids.size());
        if (auto s = execBound(m_links, {afterId, chunk.ids.back()}); !s)
            return s.error();
        while (m_links.next()) {
            const auto at = indexOf.constFind(m_links.value(0).toLongLong());
            if (at != indexOf.cend())
                chunk.links[size_t(*at)] << TickerLink{m_links.value(1).toString(),
                                                        TickerLink::relevanceFromStore(m_links.value(2).toDouble()), 0};
        }
        m_links.finish();
        return chunk;
    }

private:
    QSqlQuery m_articles;
    QSqlQuery m_links;
    ArticleRescorer::Chunking m_chunking;
};
} // namespace

ArticleRescorer::ArticleRescorer(QSqlDatabase db, ScoreWriter &writer, Chunking chunking)
    : m_db(std::move(db)), m_writer(writer), m_chunking(chunking)
{
}

int ArticleRescorer::scoringThreads()
{
    return std::clamp(QThread::idealThreadCount(), 1, 16);
}

Status ArticleRescorer::run(const std::function<void(qint64 done, qint64 total)> &progress)
{
    auto total = queryScalar(m_db, QStringLiteral("SELECT COUNT(*) FROM articles"));
    if (!total)
        return total.error();
    if (auto cleared = inTransaction(m_db, [this] { return CorporateEvidenceStore(m_db).clearAll(); }); !cleared)
        return cleared;
    ChunkReader reader(m_db, m_chunking);
    if (auto s = reader.prepare(); !s)
        return s;

    const int threads = scoringThreads();
    auto first = reader.read(0);
    if (!first)
        return first.error();
    // Chunks live on the heap: the scoring threads hold on to them.
    auto current = std::make_unique<Chunk>(std::move(*first));
    auto scoring = std::make_unique<ChunkScoring>(m_writer, *current, threads);
    qint64 done = 0;
    while (!current->empty()) {
        // Read the next chunk while this one is scored, then score it while
        // this one is written.
        auto next = reader.read(current->ids.back());
        if (!next)
            return next.error();
        auto following = std::make_unique<Chunk>(std::move(*next));
        scoring->wait();
        auto nextScoring = std::make_unique<ChunkScoring>(m_writer, *following, threads);
        const Chunk &chunk = *current;
        const qint64 before = done;
        auto written = writeInTimedBatches(
            m_db, chunk.size(),
            [&](qsizetype i) { return m_writer.writeScores(chunk.ids[size_t(i)], chunk.rows[size_t(i)]); },
            [&](qsizetype n) { done = before + n; });
        if (!written)
            return written;
        if (progress)
            progress(done, *total);
        current = std::move(following);
        scoring = std::move(nextScoring);
    }
    return {};
}

} // namespace tw
