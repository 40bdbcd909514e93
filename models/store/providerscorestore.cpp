#include "models/store/providerscorestore.h"

#include "models/store/sqlexec.h"
#include "models/store/sqlvalues.h"

#include <QSqlQuery>

namespace tw {

ProviderScoreStore::ProviderScoreStore(QSqlDatabase db) : m_db(std::move(db)) {}

Status ProviderScoreStore::replace(qint64 articleId, const QList<ProviderSentiment> &scores)
{
    if (auto s = execBound(m_db, QStringLiteral("DELETE FROM provider_scores WHERE article_id = ?"), {articleId}); !s)
        return s;
    if (scores.isEmpty())
        return {};
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO provider_scores (article_id, ticker, provider, score, label, relevance) "
                                  "VALUES (?,?,?,?,?,?) ON CONFLICT (article_id, ticker, provider) DO UPDATE SET "
                                  "score = excluded.score, label = excluded.label, relevance = excluded.relevance"));
    for (const ProviderSentiment &p : scores) {
        if (auto s = execBound(insert, {articleId, p.ticker, p.provider, nullableDouble(p.score), p.label,
                                        nullableDouble(p.relevance)});
            !s)
            return s;
    }
    return {};
}

} // namespace tw
