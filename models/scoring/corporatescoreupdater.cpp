#include "models/scoring/corporatescoreupdater.h"

#include "models/core/storetime.h"
#include "models/store/articleevidencereader.h"
#include "models/store/articlescorestore.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"

#include <QFileInfo>

#include <algorithm>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace tw {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
// As StoryGrouper: copies are titles 60% alike, first published within three days.
constexpr qint64 kCopyWindowMs = 3 * kDayMs;

qint64 windowMs(ScoreHorizon h)
{
    return qint64(kForgottenHalfLives * double(horizonHalfLifeMs(h)));
}
} // namespace

CorporateScoreUpdater::CorporateScoreUpdater(QSqlDatabase db, QString modelVersion)
    : m_db(db), m_modelVersion(std::move(modelVersion)), m_evidence(db), m_scores(db)
{
}

void CorporateScoreUpdater::discard()
{
    m_pending.clear();
    keepStoriesIfNobodyElseWrote();

    // Ids of stories a rolled-back batch made may come again; and the cache stays small.
    if (m_dirty || m_titleWords.size() > 200'000)
        m_titleWords.clear();
    m_dirty = false;
}

void CorporateScoreUpdater::keepStoriesIfNobodyElseWrote()
{
    // Another writer may have added stories since the last batch. SQLite's
    // data_version changes exactly when another connection commits; this
    // connection's own story writes go through this updater, which keeps the
    // cache current (a batch that failed before its flush leaves m_dirty; a
    // failed one rebuilds the ingest's stages, this cache with them). A large
    // cache is dropped to stay small.
    std::optional<qint64> mark;
    if (dialectOf(m_db) == SqlDialect::Sqlite) {
        if (auto v = queryScalar(m_db, QStringLiteral("PRAGMA data_version")); v)
            mark = *v;
    }
    qsizetype cached = 0;
    for (const DayCache &c : std::as_const(m_stories))
        cached += qsizetype(c.byTime.size());
    if (m_dirty || !mark || mark != m_othersMark || cached > 100'000)
        m_stories.clear();
    m_othersMark = mark;
}

Result<QList<const StoredStory *>> CorporateScoreUpdater::nearStories(const Key &key, qint64 fromUtc, qint64 toUtc)
{
    DayCache &cache = m_stories[key];
    for (qint64 day = fromUtc / kDayMs - (fromUtc < 0 ? 1 : 0); day * kDayMs <= toUtc; ++day) {
        if (cache.days.contains(day))
            continue;
        auto read = m_evidence.storiesBetween(key.ticker, key.modelVersion, day * kDayMs, (day + 1) * kDayMs - 1);
        if (!read)
            return read.error();
        for (const StoredStory &s : *read) {
            cache.byTime[{s.publishedUtc, s.id}] = s;
            cache.publishedOf.insert(s.id, s.publishedUtc);
        }
        cache.days.insert(day);
    }
    QList<const StoredStory *> out;
    for (auto it = cache.byTime.lower_bound({fromUtc, std::numeric_limits<qint64>::min()});
         it != cache.byTime.end() && it->first.first <= toUtc; ++it)
        out << &it->second;
    return out;
}

void CorporateScoreUpdater::cacheStory(const StoredStory &story)
{
    const Key key{story.ticker, story.modelVersion};
    auto c = m_stories.find(key);
    if (c == m_stories.end())
        return;
    uncacheStory(key, story.id);
    c->byTime[{story.publishedUtc, story.id}] = story;
    c->publishedOf.insert(story.id, story.publishedUtc);
}

void CorporateScoreUpdater::uncacheStory(const Key &key, qint64 storyId)
{
    auto c = m_stories.find(key);
    if (c == m_stories.end())
        return;
    if (auto p = c->publishedOf.find(storyId); p != c->publishedOf.end()) {
        c->byTime.erase({*p, storyId});
        c->publishedOf.erase(p);
    }
}

const StoryGrouper::TitleWords &CorporateScoreUpdater::wordsOf(const StoredStory &story)
{
    auto it = m_titleWords.find(story.id);
    if (it == m_titleWords.end())
        it = m_titleWords.insert(story.id, StoryGrouper::words(story.title));
    return *it;
}

Result<HorizonSums *> CorporateScoreUpdater::load(const Key &key)
{
    if (auto it = m_pending.find(key); it != m_pending.end())
        return &*it;
    auto stored = m_evidence.state(key.ticker, key.modelVersion);
    if (!stored)
        return stored.error();
    if (stored->has_value())
        return &*m_pending.insert(key, **stored);
    if (key.modelVersion != m_modelVersion)
        return static_cast<HorizonSums *>(nullptr);
    if (auto built = build(key); !built)
        return built.error();
    return &*m_pending.find(key);
}

// From the company's stored article scores, in time order, grouped into
// stories exactly as CorporateScorer::compute groups them.
CorporateScoreUpdater::BuiltStories CorporateScoreUpdater::assemble(const QString &ticker, const QString &modelVersion,
                                                                   const QList<StoredArticleScore> &rows)
{
    BuiltStories built;
    const QList<int> groupOf = StoryGrouper::group(rows);
    QList<StoredStory> &stories = built.stories;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const StoredArticleScore &r = rows.at(i);
        const int g = groupOf[i];
        if (g == stories.size()) {
            StoredStory s;
            s.ticker = ticker;
            s.modelVersion = modelVersion;
            s.publishedUtc = r.publishedUtc;
            s.firstArticleId = r.articleId;
            s.title = r.title;
            s.copies = 0;
            s.relevance = r.relevance;
            stories << s;
        }
        StoredStory &s = stories[g];
        ++s.copies;
        s.scoreSum += r.score;
        s.confidenceSum += r.confidence;
        s.relevance = std::max(s.relevance, r.relevance);
        built.members << StoryMember{r.articleId, ticker, modelVersion, g, r.publishedUtc, r.score, r.confidence,
                                     r.relevance};
    }
    for (const StoredStory &s : std::as_const(stories)) {
        for (ScoreHorizon h : allHorizons())
            built.sums[size_t(h)].add(s.evidence(), 1.0, horizonHalfLifeMs(h));
    }
    return built;
}

Status CorporateScoreUpdater::store(const Key &key, BuiltStories &built, bool clearFirst)
{
    if (clearFirst) {
        if (auto cleared = m_evidence.clear(key.ticker, key.modelVersion); !cleared)
            return cleared;
    }
    m_stories.remove(key);
    if (auto s = m_evidence.insertBuilt(built.stories, built.members); !s)
        return s;
    m_pending.insert(key, built.sums);
    return {};
}

Status CorporateScoreUpdater::build(const Key &key)
{
    // What grouping needs of each row (no label, spans or source).
    auto rows = ArticleEvidenceReader(m_db).forTicker(key.ticker, key.modelVersion);
    if (!rows)
        return rows.error();
    BuiltStories built = assemble(key.ticker, key.modelVersion, *rows);
    return store(key, built, true);
}

Status CorporateScoreUpdater::applyStoryChange(const Key &key, const std::optional<StoryEvidence> &before,
                                               const std::optional<StoryEvidence> &after)
{
    m_dirty = true;
    auto sums = load(key);
    if (!sums)
        return sums.error();
    if (!*sums)
        return {};   // an old model version's company without state: nothing reads it
    for (ScoreHorizon h : allHorizons()) {
        EvidenceSums &e = (**sums)[size_t(h)];
        if (before)
            e.add(*before, -1.0, horizonHalfLifeMs(h));
        if (after)
            e.add(*after, 1.0, horizonHalfLifeMs(h));
    }
    return {};
}

Status CorporateScoreUpdater::beforeScores(qint64 articleId, bool fresh, const QList<TickerLink> &links)
{
    for (const TickerLink &l : links)
        if (auto s = load(Key{l.ticker, m_modelVersion}); !s)
            return s.error();
    if (fresh)
        return {};
    auto members = m_evidence.takeMembers(articleId);
    if (!members)
        return members.error();
    for (const StoryMember &m : *members)
        if (auto s = removeMember(m); !s)
            return s;
    return {};
}

// The story loses a copy: its sums are made again from the copies left (the
// most relevant copy may be the one leaving), or it goes with its last copy.
Status CorporateScoreUpdater::removeMember(const StoryMember &member)
{
    auto story = m_evidence.story(member.storyId);
    if (!story)
        return story.error();
    if (!story->has_value())
        return {};
    StoredStory s = **story;
    const StoryEvidence before = s.evidence();
    auto left = m_evidence.members(s.id);
    if (!left)
        return left.error();
    const Key key{s.ticker, s.modelVersion};
    if (left->isEmpty()) {
        if (auto d = m_evidence.deleteStory(s.id); !d)
            return d;
        uncacheStory(key, s.id);
        return applyStoryChange(key, before, std::nullopt);
    }
    s.copies = int(left->size());
    s.scoreSum = s.confidenceSum = s.relevance = 0;
    for (const StoryMember &m : *left) {
        s.scoreSum += m.score;
        s.confidenceSum += m.confidence;
        s.relevance = std::max(s.relevance, m.relevance);
    }
    if (left->first().articleId != s.firstArticleId) {
        // The first copy left: the story now dates from the next one (members come oldest first).
        s.firstArticleId = left->first().articleId;
        s.publishedUtc = left->first().publishedUtc;
        auto title = m_evidence.articleTitle(s.firstArticleId);
        if (!title)
            return title.error();
        s.title = *title;
        m_titleWords.remove(s.id);
    }
    if (auto u = m_evidence.updateStory(s); !u)
        return u;
    cacheStory(s);
    return applyStoryChange(key, before, s.evidence());
}

Status CorporateScoreUpdater::addScores(qint64 articleId, const Article &article, const QList<ArticleScore> &scores,
                                        const QList<TickerLink> &links)
{
    const qint64 published = toStoreTime(article.published);
    for (const ArticleScore &a : scores) {
        // The relevance as article_tickers keeps it (whole percent), so the
        // running state and a recompute from the store weigh the link alike.
        double relevance = 0;
        for (const TickerLink &l : links)
            if (l.ticker == a.ticker)
                relevance = TickerLink::relevanceFromStore(l.relevancePercent());
        const StoryMember m{articleId, a.ticker, m_modelVersion, 0, published, a.score, a.confidence, relevance};
        if (auto s = addMember(m, article.title); !s)
            return s;
    }
    return {};
}

// The earliest story first published within three days whose title is alike
// (StoryGrouper::sameStory, the 60% the grouping uses) takes the copy;
// otherwise the copy starts a story.
Status CorporateScoreUpdater::addMember(const StoryMember &member, const QString &title)
{
    const Key key{member.ticker, member.modelVersion};
    auto near = nearStories(key, member.publishedUtc - kCopyWindowMs, member.publishedUtc + kCopyWindowMs);
    if (!near)
        return near.error();
    StoryMember m = member;
    const StoryGrouper::TitleWords words = StoryGrouper::words(title);
    for (const StoredStory *candidate : std::as_const(*near)) {
        if (!StoryGrouper::sameStory(words, wordsOf(*candidate)))
            continue;
        StoredStory s = *candidate;   // the cache's copy changes below
        const StoryEvidence before = s.evidence();
        ++s.copies;
        s.scoreSum += m.score;
        s.confidenceSum += m.confidence;
        s.relevance = std::max(s.relevance, m.relevance);
        if (m.publishedUtc < s.publishedUtc) {
            s.publishedUtc = m.publishedUtc;
            s.firstArticleId = m.articleId;
            s.title = title;
            m_titleWords.insert(s.id, words);
        }
        if (auto u = m_evidence.updateStory(s); !u)
            return u;
        cacheStory(s);
        m.storyId = s.id;
        if (auto i = m_evidence.insertMember(m); !i)
            return i;
        return applyStoryChange(key, before, s.evidence());
    }
    StoredStory s;
    s.ticker = m.ticker;
    s.modelVersion = m.modelVersion;
    s.publishedUtc = m.publishedUtc;
    s.firstArticleId = m.articleId;
    s.title = title;
    s.copies = 1;
    s.scoreSum = m.score;
    s.confidenceSum = m.confidence;
    s.relevance = m.relevance;
    auto id = m_evidence.insertStory(s);
    if (!id)
        return id.error();
    m.storyId = *id;
    s.id = *id;
    m_titleWords.insert(*id, words);
    cacheStory(s);
    if (auto i = m_evidence.insertMember(m); !i)
        return i;
    return applyStoryChange(key, std::nullopt, s.evidence());
}

Result<QList<CorporateScore>> CorporateScoreUpdater::flush(const QStringList &tickers, qint64 asOfUtc)
{
    QList<CorporateScore> written;
    QStringList all = tickers;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        if (it.key().modelVersion == m_modelVersion)
            all << it.key().ticker;
    all.sort();
    all.removeDuplicates();
    for (const QString &ticker : all) {
        const Key key{ticker, m_modelVersion};
        auto sums = load(key);
        if (!sums)
            return sums.error();
        for (ScoreHorizon h : allHorizons()) {
            EvidenceSums &e = (**sums)[size_t(h)];
            e.advanceTo(asOfUtc, horizonHalfLifeMs(h));
            if (asOfUtc <= 0)
                continue;   // an empty store has nothing to score
            // Stories in the horizon's window, up to the score's as-of.
            auto count = m_evidence.countStories(ticker, m_modelVersion, e.asOfUtc - windowMs(h), e.asOfUtc);
            if (!count)
                return count.error();
            CorporateScore score = CorporateScorer::fromEvidence(ticker, h, e, count->stories, count->newestUtc);
            if (auto saved = m_scores.save(score, m_modelVersion); !saved)
                return saved.error();
            written << score;
        }
    }
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        for (ScoreHorizon h : allHorizons())
            if (auto s = m_evidence.saveState(it.key().ticker, it.key().modelVersion, h, it.value()[size_t(h)]); !s)
                return s.error();
    m_pending.clear();
    m_dirty = false;   // saved: the caller commits next
    return written;
}

Status CorporateScoreUpdater::rebuild(const QStringList &tickers)
{
    for (const QString &ticker : tickers) {
        const Key key{ticker, m_modelVersion};
        m_pending.remove(key);
        if (auto s = build(key); !s)
            return s;
    }
    return {};
}

namespace {
// Reads and groups each ticker's article scores on a second connection, on
// its own thread, at most two tickers ahead of take(): the next ticker's
// stories are ready by the time this one's are stored. Where a second
// connection would not see the same rows (an in-memory store) or cannot be
// opened, take() reads on the caller's connection instead.
class StoryReadAhead {
public:
    using Built = CorporateScoreUpdater::BuiltStories;

    StoryReadAhead(const QSqlDatabase &db, const QStringList &tickers, const QString &modelVersion)
        : m_db(db), m_tickers(tickers), m_modelVersion(modelVersion), m_ready(size_t(tickers.size()))
    {
        if (tickers.size() > 1 && sharesFile(db))
            m_thread = std::thread([this] { work(); });
        else
            m_inline = true;
    }
    ~StoryReadAhead()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }
    StoryReadAhead(const StoryReadAhead &) = delete;
    StoryReadAhead &operator=(const StoryReadAhead &) = delete;

    Result<Built> take(qsizetype k)
    {
        {
            std::unique_lock lock(m_mutex);
            m_taken = k;
            m_changed.notify_all();
            m_changed.wait(lock, [&] { return m_inline || m_ready[size_t(k)].has_value(); });
            if (m_ready[size_t(k)].has_value()) {
                Result<Built> built = std::move(*m_ready[size_t(k)]);
                m_ready[size_t(k)].reset();
                return built;
            }
        }
        if (!m_inlineReader)
            m_inlineReader.emplace(m_db);
        return read(*m_inlineReader, k);
    }

private:
    static bool sharesFile(const QSqlDatabase &db)
    {
        if (dialectOf(db) == SqlDialect::Postgres)
            return true;
        const QString name = db.databaseName();
        return !name.isEmpty() && name != QLatin1String(":memory:") && !name.startsWith(QLatin1String("file:"))
               && QFileInfo::exists(name);
    }

    // What grouping needs of each row (no label, spans or source).
    Result<Built> read(ArticleEvidenceReader &reader, qsizetype k) const
    {
        auto rows = reader.forTicker(m_tickers.at(k), m_modelVersion);
        if (!rows)
            return rows.error();
        return CorporateScoreUpdater::assemble(m_tickers.at(k), m_modelVersion, *rows);
    }

    void work()
    {
        const QString name = QStringLiteral("story-read-ahead-%1").arg(quintptr(this));
        {
            QSqlDatabase db = QSqlDatabase::cloneDatabase(m_db.connectionName(), name);
            if (!db.open()) {
                std::lock_guard lock(m_mutex);
                m_inline = true;
                m_changed.notify_all();
            } else {
                {
                    ArticleEvidenceReader reader(db);   // its statements go before the connection
                    for (qsizetype k = 0; k < m_tickers.size(); ++k) {
                        {
                            std::unique_lock lock(m_mutex);
                            m_changed.wait(lock, [&] { return m_stop || k <= m_taken + 2; });
                            if (m_stop)
                                break;
                        }
                        Result<Built> built = read(reader, k);
                        std::lock_guard lock(m_mutex);
                        m_ready[size_t(k)] = std::move(built);
                        m_changed.notify_all();
                    }
                }
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
    }

    QSqlDatabase m_db;
    const QStringList m_tickers;
    const QString m_modelVersion;
    std::vector<std::optional<Result<Built>>> m_ready;
    std::optional<ArticleEvidenceReader> m_inlineReader;   // the caller's thread's
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    qsizetype m_taken = -1;
    bool m_inline = false;
    bool m_stop = false;
};
} // namespace

Status CorporateScoreUpdater::rebuildCommitted(const QStringList &tickers,
                                              const std::function<void(qsizetype, qsizetype)> &progress)
{
    QStringList distinct;
    for (const QString &t : tickers) {
        if (!distinct.contains(t))
            distinct << t;
    }
    // After a full rescore nothing is left to clear, and clearing a ticker
    // scans every member row (there is no index by ticker): once per ticker,
    // that grew with the square of the companies.
    auto empty = m_evidence.isEmpty();
    if (!empty)
        return empty.error();
    StoryReadAhead ahead(m_db, distinct, m_modelVersion);
    for (qsizetype k = 0; k < distinct.size(); ++k) {
        const Key key{distinct.at(k), m_modelVersion};
        m_pending.remove(key);
        auto built = ahead.take(k);
        if (!built)
            return built.error();
        if (auto s = store(key, *built, !*empty); !s)
            return s;
        if (progress)
            progress(k + 1, distinct.size());
    }
    return {};
}

} // namespace tw
