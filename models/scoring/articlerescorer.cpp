#include "models/scoring/articlerescorer.h"

#include "models/store/corporateevidencestore.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlitestatement.h"
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

// One read statement's rows: on SQLite through the driver's handle (QSQLITE
// caching each row in QVariants cost more than the rest of the read), else
// a QSqlQuery. Values read as QSqlQuery::value() gives them.
class RowCursor {
public:
    explicit RowCursor(const QSqlDatabase &db) : m_db(db), m_query(db) { m_query.setForwardOnly(true); }

    Status prepare(const char *sql)
    {
        if (dialectOf(m_db) == SqlDialect::Sqlite && SqliteStatement::isUtf8Database(m_db)) {
            auto prepared = SqliteStatement::prepare(m_db, sql);
            if (!prepared)
                return prepared.error();
            m_statement = std::move(*prepared);
            return {};
        }
        if (!m_query.prepare(QString::fromLatin1(sql)))
            return fail(describeSqlError(QStringLiteral("prepare rescoring"), m_query));
        return {};
    }

    Status exec(qint64 first, qint64 second)
    {
        if (!m_statement.isPrepared())
            return execBound(m_query, {first, second});
        m_statement.reset();
        m_statement.bind(1, first);
        m_statement.bind(2, second);
        return {};
    }

    Result<bool> next()
    {
        if (!m_statement.isPrepared())
            return m_query.next();
        return m_statement.step();
    }

    qint64 integer(int column) const
    {
        if (!m_statement.isPrepared())
            return m_query.value(column).toLongLong();
        const SqliteStatement::Value v = m_statement.value(column);
        return v.storage() == SqliteStatement::Storage::Integer ? v.toInt64() : v.asQt().toLongLong();
    }

    double real(int column) const
    {
        if (!m_statement.isPrepared())
            return m_query.value(column).toDouble();
        const SqliteStatement::Value v = m_statement.value(column);
        return v.storage() == SqliteStatement::Storage::Real ? v.toDouble() : v.asQt().toDouble();
    }

    QString text(int column) const
    {
        if (!m_statement.isPrepared())
            return m_query.value(column).toString();
        const SqliteStatement::Value v = m_statement.value(column);
        qsizetype size = 0;
        if (v.storage() == SqliteStatement::Storage::Text) {
            if (const char *utf8 = v.exactUtf8(&size))
                return QString::fromUtf8(utf8, size);
        }
        return v.asQt().toString();
    }

    // Calls each() on every row until it returns false or the rows end,
    // then ends the read (on failure too).
    template <typename Each>
    Status forEach(const Each &each)
    {
        for (;;) {
            auto row = next();
            if (!row) {
                finish();
                return row.error();
            }
            if (!*row || !each())
                break;
        }
        finish();
        return {};
    }

    // Ends the read (its snapshot) before the chunk is written.
    void finish()
    {
        if (m_statement.isPrepared())
            m_statement.reset();
        else
            m_query.finish();
    }

private:
    QSqlDatabase m_db;
    SqliteStatement m_statement;
    QSqlQuery m_query;
};

// Reads the articles after `afterId` in id order, with their links (read
// for the chunk in one query, most relevant first as the ingest gives them).
class ChunkReader {
public:
    ChunkReader(QSqlDatabase db, ArticleRescorer::Chunking chunking) : m_articles(db), m_links(db), m_chunking(chunking)
    {
    }

    Status prepare()
    {
        if (auto s = m_articles.prepare("SELECT id, title, summary, body FROM articles WHERE id > ? ORDER BY id LIMIT ?");
            !s)
            return s;
        return m_links.prepare("SELECT article_id, ticker, relevance FROM article_tickers "
                               "WHERE article_id > ? AND article_id <= ? "
                               "ORDER BY article_id, relevance DESC, ticker");
    }

    Result<Chunk> read(qint64 afterId)
    {
        Chunk chunk;
        if (m_chunking.chars <= 0)
            return chunk;   // no room for an article's text
        if (auto s = m_articles.exec(afterId, m_chunking.articles); !s)
            return s.error();
        qsizetype chars = 0;
        if (auto s = m_articles.forEach([&] {
                Article a;
                a.title = m_articles.text(1);
                a.summary = m_articles.text(2);
                a.body = m_articles.text(3);
                chars += a.title.size() + a.summary.size() + a.body.size();
                chunk.ids.push_back(m_articles.integer(0));
                chunk.articles.push_back(ArticleBounds::analysedPart(a));
                return chars < m_chunking.chars;
            });
            !s)
            return s.error();
        if (chunk.empty())
            return chunk;
        QHash<qint64, qsizetype> indexOf;
        indexOf.reserve(chunk.size());
        for (qsizetype i = 0; i < chunk.size(); ++i)
            indexOf.insert(chunk.ids[size_t(i)], i);
        chunk.links.resize(chunk.ids.size());
        if (auto s = m_links.exec(afterId, chunk.ids.back()); !s)
            return s.error();
        if (auto s = m_links.forEach([&] {
                const auto at = indexOf.constFind(m_links.integer(0));
                if (at != indexOf.cend())
                    chunk.links[size_t(*at)] << TickerLink{m_links.text(1),
                                                            TickerLink::relevanceFromStore(m_links.real(2)), 0};
                return true;
            });
            !s)
            return s.error();
        return chunk;
    }

private:
    RowCursor m_articles;
    RowCursor m_links;
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
    if (auto cleared = CorporateEvidenceStore(m_db).clearAllCommitted(); !cleared)
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
