#pragma once

#include "models/backtest/sessioncalendar.h"
#include "models/core/result.h"
#include "models/core/storetime.h"
#include "models/events/eventtypes.h"
#include "models/linking/entitylinker.h"
#include "models/store/articlestore.h"
#include "models/store/eventstore.h"
#include "models/store/sqlexec.h"

#include <QDate>
#include <QList>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <vector>

// A generated store for the backtest and the event study: weekday sessions,
// tickers whose next-session return follows the sign of the articles that
// landed on a session (published after the previous 16:00 New York close
// and before this one), with a planted strength, plus events with a planted
// jump. Written straight with SQL in one transaction (the point is a known
// answer, not the ingest path). Shared by tests/backtest and bench/.
namespace twtest {

struct PlantedEvent {
    int ticker = 0;
    int session = 0;            // day 0
    tw::EventKind kind = tw::EventKind::Guidance;
    int sign = 1;               // of its article's score and of the jump
    double jump = 0.05;         // added to the day-0 return, times sign
};

struct StudyStoreSpec {
    int tickers = 20;
    QDate from = QDate(2022, 1, 3);
    QDate to = QDate(2023, 12, 29);
    double articlesPerSession = 0.5;   // per ticker: the mean of a Poisson count
    double dailyVolatility = 0.02;
    // The planted strength: next return = strength x vol x sign(landed scores) + vol x noise.
    double strength = 0.5;
    bool shuffleArticleDays = false;   // same articles, each moved to a random session of its ticker
    double marketVolatility = 0;       // a common factor in every ticker and in the benchmark
    QString benchmark;                 // empty: none
    QString modelVersion = QStringLiteral("test-model");
    quint32 seed = 7;
    QList<PlantedEvent> events;
    // Edits after generation: drop bars, split a ticker, leave one without articles.
    std::function<bool(int ticker, int session)> dropBar;      // true: no bar stored that session
    int splitTicker = -1;              // its raw closes from splitSession on are divided by splitFactor
    int splitSession = 0;
    double splitFactor = 2;
    int tickerWithoutArticles = -1;
    double linkRelevance = 1.0;        // every article's link to its ticker, 0-1 (stored at the store's scale)
    std::function<void(qint64 done)> progress;   // every 100,000 article scores (bench)
};

// One of eight phrases that make a generated title headline-long (chosen by
// article id, so a store can be brought to this shape with one UPDATE).
inline QString headlinePhrase(qint64 id)
{
    static const char *const kPhrases[] = {
        "shares rise after quarterly results beat estimates", "analysts question spending plans for next year",
        "company expands data centre capacity in Europe",     "regulators open review of proposed acquisition",
        "chief executive outlines strategy at investor day",  "supplier delays weigh on second quarter margins",
        "new product line draws strong early demand",         "board approves buyback and raises the dividend"};
    return QString::fromLatin1(kPhrases[id % 8]);
}

// The spans of a typical article score (three phrases, as ArticleScorer writes them).
inline QString scoreSpans()
{
    return QStringLiteral(R"([{"field":"title","start":12,"length":13,"weight":0.8,"text":"beat estimates"},)"
                          R"({"field":"summary","start":40,"length":16,"weight":-0.35,"text":"weigh on margins"},)"
                          R"({"field":"body","start":310,"length":12,"weight":0.5,"text":"strong demand"}])");
}

inline QString studyTicker(int i) { return QStringLiteral("T%1").arg(i, 3, 10, QLatin1Char('0')); }

inline QList<QDate> weekdaySessions(const QDate &from, const QDate &to)
{
    QList<QDate> days;
    for (QDate d = from; d <= to; d = d.addDays(1))
        if (d.dayOfWeek() <= 5)
            days << d;
    return days;
}

class StudyStoreGenerator {
public:
    explicit StudyStoreGenerator(StudyStoreSpec spec) : m_spec(std::move(spec)), m_rng(m_spec.seed) {}

    tw::Status write(QSqlDatabase db)
    {
        tw::Transaction tx(db);
        if (!tx.active())
            return tw::fail(tx.beginError());
        const QList<QDate> sessions = weekdaySessions(m_spec.from, m_spec.to);
        const QList<qint64> closes = tw::ExchangeClock(QStringLiteral("America/New_York")).closesUtc(sessions);
        QSqlQuery ticker(db), bar(db), article(db), link(db), score(db);
        if (!ticker.prepare(QStringLiteral("INSERT INTO tickers (symbol, name, exchange, timezone, aliases, "
                                           "on_watchlist, position) VALUES (?,?,?,?,?,?,?)"))
            || !bar.prepare(QStringLiteral("INSERT INTO quotes (ticker, bar_interval, ts_utc, trade_date, open, high, "
                                           "low, close, volume, source, fetched_utc) VALUES (?,?,?,?,?,?,?,?,?,?,?)"))
            || !article.prepare(QStringLiteral("INSERT INTO articles (id, guid, url, title, source, published_utc, "
                                               "fetched_utc, content_hash) VALUES (?,?,?,?,?,?,?,?)"))
            || !link.prepare(QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) VALUES "
                                            "(?,?,?)"))
            || !score.prepare(QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, "
                                             "label, confidence, spans, scored_utc) VALUES (?,?,?,?,?,?,?,?)")))
            return tw::fail(tw::describeSqlError(QStringLiteral("prepare the generator"), article));

        std::vector<double> market(size_t(sessions.size()));
        for (double &m : market)
            m = m_spec.marketVolatility * normal();
        if (!m_spec.benchmark.isEmpty()) {
            double close = 100;
            for (qsizetype t = 0; t < sessions.size(); ++t) {
                close *= std::exp(market[size_t(t)]);
                if (auto s = writeBar(bar, m_spec.benchmark, sessions[t], close); !s)
                    return s;
            }
        }
        for (int k = 0; k < m_spec.tickers; ++k) {
            const QString symbol = studyTicker(k);
            if (auto s = tw::execBound(ticker, {symbol, QStringLiteral("Study company %1").arg(k),
                                                QStringLiteral("NYSE"), QStringLiteral("America/New_York"),
                                                QStringLiteral("[]"), 1, k});
                !s)
                return s;
            // Articles per session, each with a sign; what landed on a session drives the next return.
            struct Planned {
                qsizetype session;
                double score;
            };
            std::vector<Planned> planned;
            std::vector<double> landed(size_t(sessions.size()), 0.0);
            for (qsizetype t = 1; t < sessions.size(); ++t) {
                if (k == m_spec.tickerWithoutArticles)
                    break;
                const int count = poisson(m_spec.articlesPerSession);
                for (int a = 0; a < count; ++a) {
                    const double s = (uniform() < 0.5 ? -1 : 1) * (0.3 + 0.6 * uniform());
                    planned.push_back({t, s});
                    landed[size_t(t)] += s;
                }
            }
            std::vector<double> eventJump(size_t(sessions.size()), 0.0);
            for (const PlantedEvent &e : std::as_const(m_spec.events))
                if (e.ticker == k && e.session > 0 && e.session < sessions.size())
                    eventJump[size_t(e.session)] += e.sign * e.jump;
            double close = 50 + 100 * uniform();
            for (qsizetype t = 0; t < sessions.size(); ++t) {
                if (t > 0) {
                    const double signal = landed[size_t(t - 1)];
                    const double r = m_spec.strength * m_spec.dailyVolatility * ((signal > 0) - (signal < 0))
                                     + m_spec.dailyVolatility * normal() + market[size_t(t)] + eventJump[size_t(t)];
                    close *= std::exp(r);
                }
                if (m_spec.dropBar && m_spec.dropBar(k, int(t)))
                    continue;
                const double raw = k == m_spec.splitTicker && t >= m_spec.splitSession ? close / m_spec.splitFactor
                                                                                       : close;
                if (auto s = writeBar(bar, symbol, sessions[t], raw); !s)
                    return s;
            }
            if (m_spec.shuffleArticleDays) {
                std::vector<qsizetype> days;
                for (const Planned &p : planned)
                    days.push_back(p.session);
                for (size_t i = days.size(); i > 1; --i)
                    std::swap(days[i - 1], days[size_t(m_rng.bounded(quint32(i)))]);
                for (size_t i = 0; i < planned.size(); ++i)
                    planned[i].session = days[i];
            }
            for (const Planned &p : planned)
                if (auto s = writeArticle(article, link, score, symbol, closes, p.session, p.score); !s)
                    return s;
            for (const PlantedEvent &e : std::as_const(m_spec.events))
                if (e.ticker == k)
                    if (auto s = writeEvent(db, article, link, score, symbol, sessions, closes, e); !s)
                        return s;
        }
        // The articles went in without their full-text rows (ArticleStore writes those).
        if (auto s = tw::ArticleStore::rebuildSearchIndex(db); !s)
            return s;
        return tx.commit();
    }

    qint64 articleCount() const { return m_nextId - 1; }

private:
    double uniform() { return m_rng.generateDouble(); }
    int poisson(double mean)
    {
        // Knuth's product of uniforms: fine for the small means used here.
        const double limit = std::exp(-mean);
        int k = 0;
        for (double p = uniform(); p > limit; p *= uniform())
            ++k;
        return k;
    }
    double normal()
    {
        // Box–Muller on the seeded generator: the same numbers everywhere.
        const double u1 = std::max(uniform(), 1e-12), u2 = uniform();
        return std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
    }

    tw::Status writeBar(QSqlQuery &bar, const QString &symbol, const QDate &date, double close)
    {
        const qint64 open = tw::toStoreTime(QDateTime(date, QTime(9, 30), QTimeZone("America/New_York")));
        return tw::execBound(bar, {symbol, QStringLiteral("1d"), open, date.toString(Qt::ISODate), close, close * 1.01,
                                   close * 0.99, close, 1'000'000, QStringLiteral("test"), open});
    }

    // An article that lands on `session`: published after the previous
    // session's close and before this one's, at a random moment between.
    tw::Status writeArticle(QSqlQuery &article, QSqlQuery &link, QSqlQuery &score, const QString &symbol,
                            const QList<qint64> &closes, qsizetype session, double value,
                            qint64 publishedOverride = 0)
    {
        const qint64 id = m_nextId++;
        const qint64 from = closes[session - 1] + 60'000, to = closes[session] - 60'000;
        const qint64 published = publishedOverride ? publishedOverride
                                                   : from + qint64(uniform() * double(to - from));
        static const char *const kWords[] = {"orders", "margin", "plant", "chips", "cloud", "probe", "deal",
                                             "outlook", "board", "recall", "pricing", "growth"};
        // As long as a real headline, and as many scored phrases as a real
        // article score: the backtest reads and groups them all.
        const QString title = QStringLiteral("%1 %2 %3 %4 %5 %6")
                                  .arg(symbol)
                                  .arg(id)
                                  .arg(QString::fromLatin1(kWords[m_rng.bounded(12)]),
                                       QString::fromLatin1(kWords[m_rng.bounded(12)]))
                                  .arg(m_rng.bounded(100000))
                                  .arg(headlinePhrase(id));
        if (auto s = tw::execBound(article, {id, QStringLiteral("study-%1").arg(id),
                                             QStringLiteral("https://news.example.com/study/%1").arg(id), title,
                                             QStringLiteral("Study Wire"), published, published + 3'600'000,
                                             QStringLiteral("study-hash-%1").arg(id)});
            !s)
            return s;
        if (auto s = tw::execBound(link, {id, symbol, tw::TickerLink{symbol, m_spec.linkRelevance, 1}.relevancePercent()});
            !s)
            return s;
        if (auto s = tw::execBound(score, {id, symbol, m_spec.modelVersion, value,
                                           QString::fromLatin1(value > 0 ? "positive" : "negative"), 0.8,
                                           scoreSpans(), published + 3'600'000});
            !s)
            return s;
        if (m_spec.progress && id % 100'000 == 0)
            m_spec.progress(id);
        return {};
    }

    tw::Status writeEvent(QSqlDatabase db, QSqlQuery &article, QSqlQuery &link, QSqlQuery &score,
                          const QString &symbol, const QList<QDate> &sessions, const QList<qint64> &closes,
                          const PlantedEvent &e)
    {
        // Its report: published at 10:00 New York on day 0, before the close.
        const qint64 published = tw::toStoreTime(
            QDateTime(sessions[e.session], QTime(10, 0), QTimeZone("America/New_York")));
        const qint64 articleId = m_nextId;
        if (auto s = writeArticle(article, link, score, symbol, closes, e.session, 0.6 * e.sign, published); !s)
            return s;
        tw::ExtractedEvent x;
        x.ticker = symbol;
        x.kind = e.kind;
        x.date = tw::EventDate{sessions[e.session], tw::DatePrecision::Day, tw::DateBasis::Published};
        x.title = QStringLiteral("%1 %2 event %3").arg(symbol, tw::eventKindId(e.kind)).arg(articleId);
        x.subject = QStringLiteral("subject %1").arg(articleId);
        x.confidence = 0.9;
        tw::EventStore events(db);
        auto id = events.insert(x);
        if (!id)
            return id.error();
        return events.addSource(*id, articleId, 0, 10);
    }

    StudyStoreSpec m_spec;
    QRandomGenerator m_rng;
    qint64 m_nextId = 1;
};

} // namespace twtest
