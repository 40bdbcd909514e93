#include "models/read/corporatescorereader.h"

#include "models/scoring/corporatescorer.h"
#include "models/store/corporateevidencestore.h"
#include "models/store/sqlexec.h"

#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace tw {

namespace {
// The columns series() and latest() select, in their order.
CorporateScorePoint readScorePoint(const QSqlQuery &q)
{
    return CorporateScorePoint{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toDouble(),
                               q.value(3).toString(), q.value(4).toInt(), q.value(5).toDouble(),
                               q.value(6).toDouble(), q.value(7).toLongLong(), q.value(8).toString()};
}
} // namespace

QString formatCorporateScore(double score, const QString &label)
{
    QString number = std::abs(score) <= 1.0 ? QString::asprintf("%+.2f", score) : QString::number(qRound(score));
    QString l = label;
    if (!l.isEmpty())
        l[0] = l[0].toUpper();
    return l.isEmpty() ? number : number + QLatin1Char(' ') + l;
}

CorporateScoreReader::CorporateScoreReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<CorporateScorePoint>> CorporateScoreReader::series(const QString &ticker) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(R"(
        SELECT as_of_utc, horizon, score, label, article_count, confidence, evidence, newest_story_utc, insufficient
        FROM corporate_scores
        WHERE ticker = :t AND horizon = (SELECT horizon FROM corporate_scores WHERE ticker = :t
                                         GROUP BY horizon ORDER BY count(*) DESC, {HORIZON_PREFERENCE} LIMIT 1)
        ORDER BY as_of_utc)")
                  .replace(QStringLiteral("{HORIZON_PREFERENCE}"), QLatin1String(kHorizonPreferenceSql)));
    q.bindValue(QStringLiteral(":t"), ticker);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Corporate scores read failed"), q));
    return readRows(q, readScorePoint);
}

Result<std::optional<CorporateScorePoint>> CorporateScoreReader::latest(const QString &ticker,
                                                                        const QString &horizon) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT as_of_utc, horizon, score, label, article_count, confidence, evidence, "
                             "newest_story_utc, insufficient FROM corporate_scores WHERE ticker = ? AND horizon = ? "
                             "ORDER BY as_of_utc DESC LIMIT 1"));
    if (auto s = execBound(q, {ticker, horizon}); !s)
        return s.error();
    if (!q.next())
        return std::optional<CorporateScorePoint>{};
    return std::optional<CorporateScorePoint>{readScorePoint(q)};
}

Result<QList<DailyCorporateScore>> CorporateScoreReader::daily(const QString &ticker, const QString &horizonId,
                                                               const QDate &from, const QDate &to) const
{
    const auto horizon = parseHorizon(horizonId);
    if (!horizon)
        return fail(QStringLiteral("Unknown score horizon '%1'").arg(horizonId));
    QList<DailyCorporateScore> out;
    if (!from.isValid() || !to.isValid() || from > to)
        return out;
    // The stories the newest scores were built from (one model version).
    auto version = selectValue(
        m_db, QStringLiteral("SELECT model_version FROM corporate_scores WHERE ticker = ? ORDER BY as_of_utc DESC LIMIT 1"),
        {ticker});
    if (!version)
        return version.error();
    const QString modelVersion = version->toString();

    const qint64 halfLife = horizonHalfLifeMs(*horizon);
    const qint64 window = qint64(kForgottenHalfLives * double(halfLife));
    const qint64 firstEnd = QDateTime(from.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() - 1;
    const qint64 lastEnd = QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() - 1;
    // Ten half-lives before the first day leave less than 0.1% of a story's weight unread.
    auto stories = CorporateEvidenceStore(m_db).storiesBetween(ticker, modelVersion, firstEnd - 10 * halfLife, lastEnd);
    if (!stories)
        return stories.error();

    EvidenceSums sums;
    qsizetype added = 0, windowStart = 0;
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const qint64 end = QDateTime(day.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() - 1;
        for (; added < stories->size() && stories->at(added).publishedUtc <= end; ++added)
            sums.add(stories->at(added).evidence(), 1.0, halfLife);
        sums.advanceTo(end, halfLife);
        while (windowStart < added && stories->at(windowStart).publishedUtc <= end - window)
            ++windowStart;
        const qint64 newest = added > 0 ? stories->at(added - 1).publishedUtc : 0;
        const CorporateScore s =
            CorporateScorer::fromEvidence(ticker, *horizon, sums, int(added - windowStart), newest);
        out << DailyCorporateScore{day, end, s.sufficient(), s.score, s.label, s.articleCount, s.evidence,
                                   s.newestStoryUtc, s.insufficientReason};
    }
    return out;
}

} // namespace tw
