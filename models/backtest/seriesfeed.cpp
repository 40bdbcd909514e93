#include "models/backtest/seriesfeed.h"

#include "models/backtest/studyinputs.h"
#include "models/store/articleevidencereader.h"

#include <QSqlError>
#include <QThread>

#include <algorithm>

namespace tw {

namespace {
// How far the workers may run ahead of the caller (series held at once).
constexpr int kAhead = 16;
} // namespace

// A worker's (or the caller's) reading and scoring state.
struct SeriesFeed::Scorer {
    Scorer(QSqlDatabase db, ScoreHorizon horizon) : inputs(db), articles(db), pointInTime(horizon) {}
    StudyInputs inputs;
    ArticleEvidenceReader articles;   // its statements prepared once for all the tickers
    PointInTimeScorer pointInTime;
    EvidenceHistory history;   // the ticker being scored (its memory kept for the next)
    QHash<QString, QList<qint64>> closesByZone;
};

int SeriesFeed::workersFor(qsizetype tickers)
{
    const int connections = StudyInputs::connectionsFor(tickers);
    return connections > 1 ? connections : 0;
}

SeriesFeed::SeriesFeed(QSqlDatabase db, int workers, QStringList tickers, std::vector<bool> wanted,
                       ScoreHorizon horizon, QString modelVersion, QList<QDate> sessions)
    : m_db(std::move(db)), m_tickers(std::move(tickers)), m_wanted(std::move(wanted)), m_horizon(horizon),
      m_modelVersion(std::move(modelVersion)), m_sessions(std::move(sessions)), m_ready(size_t(m_tickers.size()))
{
    if (workers <= 0) {
        m_inline = std::make_unique<Scorer>(m_db, m_horizon);
        return;
    }
    for (int w = 0; w < workers; ++w)
        m_threads.emplace_back([this, w] { work(w); });
}

SeriesFeed::~SeriesFeed()
{
    m_stop = true;
    m_changed.notify_all();
    for (std::thread &t : m_threads)
        t.join();
}

QString SeriesFeed::note() const
{
    if (m_inline)
        return m_inline->pointInTime.note();
    return m_notes.isEmpty() ? QString() : m_notes.first();
}

Result<ScoredTicker> SeriesFeed::score(Scorer &scorer, const QString &ticker, const QString &modelVersion,
                                       const QList<QDate> &sessions)
{
    ScoredTicker out;
    // Whole rows (titles) only while the running form is being checked
    // against the estimator (a worker's first few tickers); then each
    // title's words are taken from its UTF-8 as it is read.
    const bool wholeRows = scorer.pointInTime.needsWholeRows();
    std::optional<QList<StoredArticleScore>> rows;
    EvidenceHistory &history = scorer.history;
    history.clear();
    if (wholeRows) {
        auto read = scorer.articles.forTicker(ticker, modelVersion);
        if (!read)
            return read.error();
        rows = std::move(*read);
        out.articleScores = int(rows->size());
    } else {
        const Status read = scorer.articles.forEach(
            ticker, modelVersion, [&](const ArticleEvidence &row, QByteArrayView title) { history.add(row, title); });
        if (!read)
            return read.error();
        out.articleScores = int(history.size());
    }
    if (out.articleScores == 0)
        return out;
    auto clock = scorer.inputs.clock(ticker);
    if (!clock)
        return clock.error();
    auto zone = scorer.closesByZone.find(clock->timeZoneId());
    if (zone == scorer.closesByZone.end())
        zone = scorer.closesByZone.insert(clock->timeZoneId(), clock->closesUtc(sessions));
    out.series = wholeRows ? scorer.pointInTime.series(ticker, std::move(*rows), *zone)
                           : scorer.pointInTime.series(ticker, history, *zone);
    return out;
}

void SeriesFeed::work(int worker)
{
    const QString name = QStringLiteral("series-feed-%1-%2").arg(quintptr(this)).arg(worker);
    {
        QSqlDatabase db = QSqlDatabase::cloneDatabase(m_db.connectionName(), name);
        const bool opened = db.open();
        Scorer scorer(db, m_horizon);
        for (;;) {
            const int k = m_next++;
            if (k >= m_tickers.size() || m_stop)
                break;
            {
                // Stay within kAhead of the caller.
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [&] { return m_stop || k < m_taken + kAhead; });
                if (m_stop)
                    break;
            }
            std::optional<Result<ScoredTicker>> result;
            if (!opened)
                result = Result<ScoredTicker>(fail(QStringLiteral("Cannot open a second connection to the store: %1")
                                                      .arg(db.lastError().text())));
            else if (!m_wanted[size_t(k)])
                result = ScoredTicker{};
            else
                result = score(scorer, m_tickers.at(k), m_modelVersion, m_sessions);
            std::lock_guard lock(m_mutex);
            m_ready[size_t(k)] = std::move(result);
            if (!scorer.pointInTime.note().isEmpty() && m_notes.isEmpty())
                m_notes << scorer.pointInTime.note();
            m_changed.notify_all();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Result<ScoredTicker> SeriesFeed::take(int k)
{
    if (m_inline) {
        if (!m_wanted[size_t(k)])
            return ScoredTicker{};
        return score(*m_inline, m_tickers.at(k), m_modelVersion, m_sessions);
    }
    std::unique_lock lock(m_mutex);
    m_taken = k;
    m_changed.notify_all();
    m_changed.wait(lock, [&] { return m_ready[size_t(k)].has_value(); });
    Result<ScoredTicker> result = std::move(*m_ready[size_t(k)]);
    m_ready[size_t(k)].reset();
    return result;
}

} // namespace tw
