#include "models/read/corporatescorereader.h"

#include "models/store/sqlexec.h"

#include <QSqlQuery>
#include <QVariant>

#include <cmath>

namespace tw {

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
        SELECT as_of_utc, horizon, score, label, article_count, confidence FROM corporate_scores
        WHERE ticker = :t AND horizon = (SELECT horizon FROM corporate_scores WHERE ticker = :t
                                         GROUP BY horizon ORDER BY count(*) DESC, {HORIZON_PREFERENCE} LIMIT 1)
        ORDER BY as_of_utc)")
                  .replace(QStringLiteral("{HORIZON_PREFERENCE}"), QLatin1String(kHorizonPreferenceSql)));
    q.bindValue(QStringLiteral(":t"), ticker);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Corporate scores read failed"), q));
    QList<CorporateScorePoint> out;
    while (q.next())
        out << CorporateScorePoint{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toDouble(),
            q.value(3).toString(), q.value(4).toInt(), q.value(5).toDouble()};
    return out;
}

} // namespace tw
