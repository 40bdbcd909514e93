#pragma once

#include "models/domain/article.h"
#include "models/store/articlestore.h"
#include "models/store/sqlexec.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace twtest {

// The article-list suites' rows, the same on both backends: `count` notes
// (450 is more than two pages of the list), capex notes with a quoted word
// in the title and every fourth a dividend note instead, three per instant
// so the order must break ties by id, every third on NVDA and the others on
// META, from two sources, each scored for its ticker (bullish and bearish in
// turn). Returns what failed, empty when all is stored.
inline QString addGeneratedNotes(QSqlDatabase db, int count = 450)
{
    using namespace tw;
    Transaction tx(db);
    ArticleStore articles(db);
    QSqlQuery link(db);
    QSqlQuery score(db);
    if (!link.prepare(QStringLiteral("INSERT INTO article_tickers (article_id, ticker, relevance) VALUES (?, ?, 80)"))
        || !score.prepare(QStringLiteral("INSERT INTO article_scores (article_id, ticker, model_version, score, label, "
                                         "confidence, scored_utc) VALUES (?, ?, 'test-1', ?, ?, 0.7, 1775700000000)")))
        return QStringLiteral("cannot prepare the generated notes' rows");
    for (int i = 0; i < count; ++i) {
        Article a;
        a.guid = QStringLiteral("gen-%1").arg(i);
        a.url = QStringLiteral("https://example.invalid/a/%1").arg(i);
        a.title = i % 4 == 0 ? QStringLiteral("Dividend note %1").arg(i)
                             : QStringLiteral("Capex note %1, with \"quotes\"").arg(i);
        a.body = QStringLiteral("Body of generated article %1.").arg(i);
        a.source = i % 2 ? QStringLiteral("Odd Wire") : QStringLiteral("Even Post");
        a.published = QDateTime(QDate(2026, 2, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(i / 3) * 60);
        auto stored = articles.upsert(a);
        if (!stored)
            return stored.errorMessage();
        const QString ticker = i % 3 == 0 ? QStringLiteral("NVDA") : QStringLiteral("META");
        if (auto s = execBound(link, {stored->id, ticker}); !s)
            return s.errorMessage();
        if (auto s = execBound(score, {stored->id, ticker, i % 2 ? 0.4 : -0.4,
                                       i % 2 ? QStringLiteral("bullish") : QStringLiteral("bearish")});
            !s)
            return s.errorMessage();
    }
    auto committed = tx.commit();
    return committed ? QString() : committed.errorMessage();
}

} // namespace twtest
