#include "articlestoregenerator.h"

#include "models/core/storetime.h"
#include "models/store/articlestore.h"
#include "models/store/sqlexec.h"

#include <QSqlQuery>

namespace twbench {

tw::Status generateArticles(QSqlDatabase db, qint64 count)
{
    static const char *const kTickers[] = {"META", "GOOGL", "MSFT", "AMZN", "NVDA"};
    static const char *const kLabels[] = {"bearish", "neutral", "bullish"};
    tw::Transaction tx(db);
    if (!tx.active())
        return tw::fail(tx.beginError());
    QSqlQuery article(db), link(db), score(db);
    if (!article.prepare(QStringLiteral("INSERT INTO articles (id, guid, url, title, summary, source, published_utc, "
                                        "fetched_utc, content_hash) VALUES (?,?,?,?,?,?,?,?,?)"))
        || !link.prepare(QStringLiteral("INSERT INTO article_tickers VALUES (?,?,?)"))
        || !score.prepare(QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, "
                                         "label, confidence, scored_utc) VALUES (?,?,?,?,?,?,?)")))
        return tw::fail(tw::describeSqlError(QStringLiteral("prepare generator"), article));
    const qint64 start = tw::toStoreTime(QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
    for (qint64 i = 1; i <= count; ++i) {
        const QString ticker = QString::fromLatin1(kTickers[i % 5]);
        const qint64 published = start + i * 60'000;
        const double s = double((i * 7919) % 2001 - 1000) / 1000.0;
        QString title = QStringLiteral("%1 headline %2: capex, guidance and \"AI\" spending").arg(ticker).arg(i);
        if (i % 10 == 0)
            title += QStringLiteral("\nsecond line");
        if (auto r = tw::execBound(article, {i, QStringLiteral("bench-%1").arg(i),
                                             QStringLiteral("https://news.example.com/bench/%1").arg(i), title,
                                             QStringLiteral("Synthetic summary for row %1.").arg(i),
                                             QStringLiteral("Bench Wire"), published, published + 1000,
                                             QStringLiteral("hash-%1").arg(i)});
            !r)
            return r;
        if (auto r = tw::execBound(link, {i, ticker, 50 + double(i % 50)}); !r)
            return r;
        if (auto r = tw::execBound(score, {i, ticker, QStringLiteral("bench-1"), s,
                                           QString::fromLatin1(kLabels[s < -0.2 ? 0 : s > 0.2 ? 2 : 1]), 0.75,
                                           published + 5000});
            !r)
            return r;
    }
    if (auto indexed = tw::ArticleStore::rebuildSearchIndex(db); !indexed)
        return indexed;
    return tx.commit();
}

} // namespace twbench
