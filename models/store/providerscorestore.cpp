#include "models/store/providerscorestore.h"

#include "models/store/sqlexec.h"

#include <QSqlQuery>

namespace tw {

namespace {
QVariant optionalNumber(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}
} // namespace

ProviderScoreStore::ProviderScoreStore(QSqlDatabase db) : m_db(std::move(db)) {}

Status ProviderScoreStore::replace(qint64 articleId, const QList<ProviderSentiment> &scores)
{
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM provider_scores WHERE article_id = ?"));
    if (auto s = execBound(clear, {articleId}); !s)
        return s;
    if (scores.isEmpty())
        return {};
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO provider_scores (article_id, ticker, provider, score, label, relevance) "
                                  "VALUES (?,?,?,?,?,?) ON CONFLICT (article_id, ticker, provider) DO UPDATE SET "
                                  "score = excluded.score, label = excluded.label, relevance = excluded.relevance"));
    for (const ProviderSentiment &p : scores) {
        if (auto s = execBound(insert, {articleId, p.ticker, p.provider, optionalNumber(p.score), p.label,
                                        optionalNumber(p.relevance)});
            !s)
            return s;
    }
    return {};
}

} // namespace tw
