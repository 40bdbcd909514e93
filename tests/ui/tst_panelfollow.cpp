// Panels that follow what the analyst looks at (#23.7, #23.10, #20.1): the
// reader follows the ticker, a firing opens its cause and shows when the news
// happened, and the watchlist shows a score with its evidence.
#include "models/alerts/alertrulestore.h"
#include "models/alerts/firedalertstore.h"
#include "models/core/storetime.h"
#include "models/read/articlepage.h"
#include "models/store/articlestore.h"
#include "models/store/sqlexec.h"
#include "temporarystores.h"
#include "ui/panels/alertspanel.h"
#include "ui/panels/articlespanel.h"
#include "ui/panels/readerpanel.h"
#include "ui/panels/selectionmodel.h"
#include "ui/panels/sparklinedelegate.h"
#include "ui/panels/watchlistpanel.h"

#include <QSqlQuery>
#include <QTableWidget>
#include <QLocale>
#include <QTest>

using namespace tw;

class TestPanelFollow : public QObject {
    Q_OBJECT

    twtest::TemporaryStore m_store;

    QSqlDatabase db() const { return m_store.database(); }

    qint64 newestArticleOf(const QString &ticker) const
    {
        ArticleFilter f;
        f.ticker = ticker;
        auto page = ArticlePageReader(db()).page(f, std::nullopt, 1);
        return page && !page->isEmpty() ? page->first().id : 0;
    }

    static int rowOf(const QTableWidget *table, const QString &symbol)
    {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text() == symbol)
                return r;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.openDemo(QStringLiteral("demo.db"), QStringLiteral("follow")),
                 qPrintable(m_store.errorString()));
    }

    void cleanupTestCase() { m_store.close(); }

    void theReaderFollowsTheTicker()
    {
        SelectionModel selection;
        ArticlesPanel articles(db(), &selection);
        ReaderPanel reader(db(), &selection);
        selection.setTicker(QStringLiteral("META"));
        const qint64 meta = newestArticleOf(QStringLiteral("META"));
        QVERIFY(meta > 0);
        QCOMPARE(reader.articleId(), meta);

        // An article that is about GOOGL too stays open; one that is not gives way.
        const qint64 google = newestArticleOf(QStringLiteral("GOOGL"));
        QVERIFY(google > 0);
        auto alsoGoogle = queryScalar(db(), QStringLiteral("SELECT count(*) FROM article_tickers WHERE article_id = %1 "
                                                           "AND ticker = 'GOOGL'").arg(meta));
        QVERIFY(alsoGoogle.ok());
        selection.setTicker(QStringLiteral("GOOGL"));
        QCOMPARE(reader.articleId(), *alsoGoogle > 0 ? meta : google);
        QCOMPARE(selection.articleId(), reader.articleId());
        // From an article about NVDA alone to MSFT: the newest MSFT article.
        selection.setArticle(newestArticleOf(QStringLiteral("NVDA")));
        const qint64 microsoft = newestArticleOf(QStringLiteral("MSFT"));
        auto nvdaAlsoMsft = queryScalar(db(), QStringLiteral("SELECT count(*) FROM article_tickers WHERE article_id = %1 "
                                                             "AND ticker = 'MSFT'").arg(selection.articleId()));
        QVERIFY(nvdaAlsoMsft.ok());
        const qint64 before = selection.articleId();
        selection.setTicker(QStringLiteral("MSFT"));
        QCOMPARE(reader.articleId(), *nvdaAlsoMsft > 0 ? before : microsoft);

        // A ticker nothing mentions: an empty state that says so, not the old article.
        selection.setTicker(QStringLiteral("ZZZZ"));
        QCOMPARE(reader.articleId(), 0);
        QVERIFY2(reader.emptyMessage().contains(QStringLiteral("No stored article mentions ZZZZ")),
                 qPrintable(reader.emptyMessage()));
    }

    void aFiringShowsNewsAndFiredTimesAndOpensItsCause()
    {
        AlertRule rule;
        rule.kind = AlertKind::ArticleMatch;
        rule.name = QStringLiteral("Capex news");
        rule.query = QStringLiteral("capex");
        auto added = AlertRuleStore(db()).add(rule);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.errorMessage()));
        const qint64 cause = newestArticleOf(QStringLiteral("META"));
        auto article = ArticleStore(db()).byId(cause);
        QVERIFY(article.ok() && article->has_value());
        FiredAlert firing;
        firing.ruleId = added->id;
        firing.fired = QDateTime(QDate(2026, 12, 6), QTime(5, 16), Qt::UTC);   // long after the news
        firing.ticker = QStringLiteral("META");
        firing.message = QStringLiteral("META: %1").arg((*article)->title);
        firing.causeKey = QStringLiteral("article:%1").arg(cause);
        auto recorded = FiredAlertStore(db()).record(firing, {cause});
        QVERIFY(recorded.ok() && recorded->has_value());

        SelectionModel selection;
        ReaderPanel reader(db(), &selection);
        AlertsPanel alerts(db(), &selection);
        QTableWidget *fired = alerts.firedTable();
        int row = -1;
        for (int r = 0; r < fired->rowCount(); ++r) {
            if (fired->item(r, 0)->data(Qt::UserRole).toLongLong() == **recorded)
                row = r;
        }
        QVERIFY(row >= 0);
        const QString newsTime = fromStoreTime(toStoreTime((*article)->published)).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        QCOMPARE(fired->horizontalHeaderItem(0)->text(), QStringLiteral("News (UTC)"));
        QCOMPARE(fired->item(row, 0)->text(), newsTime);
        QCOMPARE(fired->horizontalHeaderItem(1)->text(), QStringLiteral("Fired (UTC)"));
        QCOMPARE(fired->item(row, 1)->text(), QStringLiteral("2026-12-06 05:16"));

        selection.setTicker(QStringLiteral("GOOGL"));
        QVERIFY(selection.articleId() != cause);
        // Double-clicking the firing opens its article, as the notification click does.
        emit fired->cellDoubleClicked(row, 4);
        QCOMPARE(selection.ticker(), QStringLiteral("META"));
        QCOMPARE(selection.articleId(), cause);
        QCOMPARE(reader.articleId(), cause);
    }

    void theWatchlistShowsEvidenceFadesThinScoresAndSaysWhenNewsIsInsufficient()
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("SELECT model_version FROM score_stories ORDER BY id LIMIT 1")));
        const QString model = q.next() ? q.value(0).toString() : QStringLiteral("lexicon-1");
        q.finish();
        const qint64 now = QDateTime::currentDateTimeUtc().toMSecsSinceEpoch();
        const qint64 day = 86400000LL;
        QVERIFY(q.exec(QStringLiteral("DELETE FROM corporate_scores")));
        // META: fourteen fresh stories; GOOGL: the same number from two stories
        // half a year old; MSFT: one story, below the threshold.
        QVERIFY(q.prepare(QStringLiteral(
            "INSERT INTO corporate_scores (ticker, horizon, as_of_utc, score, label, article_count, confidence, "
            "model_version, evidence, newest_story_utc, insufficient) VALUES (?, 'medium', ?, ?, ?, ?, 0.6, ?, ?, ?, ?)")));
        const QVariantList rows[] = {
            {QStringLiteral("META"), now, 71.0, QStringLiteral("bullish"), 14, model, 6.5, now - day, QStringLiteral("")},
            {QStringLiteral("GOOGL"), now, 71.0, QStringLiteral("bullish"), 2, model, 0.9, now - 180 * day, QStringLiteral("")},
            {QStringLiteral("MSFT"), now, 50.0, QStringLiteral("Insufficient news"), 1, model, 0.3, now - 3 * day,
             QStringLiteral("1 story in the last 35 days (2 needed)")},
        };
        for (const QVariantList &r : rows) {
            for (const QVariant &v : r)
                q.addBindValue(v);
            QVERIFY2(q.exec(), qPrintable(describeSqlError(QStringLiteral("insert"), q)));
        }

        SelectionModel selection;
        WatchlistPanel watchlist(db(), &selection);
        const QTableWidget *table = watchlist.table();
        const int meta = rowOf(table, QStringLiteral("META"));
        const int google = rowOf(table, QStringLiteral("GOOGL"));
        const int microsoft = rowOf(table, QStringLiteral("MSFT"));
        QVERIFY(meta >= 0 && google >= 0 && microsoft >= 0);

        QCOMPARE(table->item(meta, 3)->text(), QStringLiteral("71 Bullish · 14 stories"));
        // Half a year without a story: the score says when it was news.
        const QString googleText = table->item(google, 3)->text();
        const QString newestDay = QLocale(QLocale::English).toString(
            QDateTime::fromMSecsSinceEpoch(now - 180 * day, Qt::UTC).date(), QStringLiteral("MMM d"));
        QVERIFY2(googleText.startsWith(QStringLiteral("71 Bullish · 2 stories · ") + newestDay), qPrintable(googleText));
        // The same 71 does not look the same: thin, stale evidence fades.
        const double strong = table->item(meta, 3)->data(WatchlistPanel::kStrengthRole).toDouble();
        const double thin = table->item(google, 3)->data(WatchlistPanel::kStrengthRole).toDouble();
        QCOMPARE(strong, 1.0);
        QVERIFY2(thin < 0.5, qPrintable(QString::number(thin)));
        QVERIFY(table->item(google, 3)->toolTip().contains(QStringLiteral("faded")));
        QVERIFY(table->item(meta, 3)->background().color() != table->item(google, 3)->background().color());

        QCOMPARE(table->item(microsoft, 3)->text(), QStringLiteral("— insufficient news"));
        QVERIFY2(table->item(microsoft, 3)->toolTip().contains(QStringLiteral("1 story in the last 35 days")),
                 qPrintable(table->item(microsoft, 3)->toolTip()));

        // Thirty days of the score beside it, a gap (not 50) where the evidence was insufficient.
        const QVariantList days = table->item(meta, 5)->data(SparklineDelegate::ValuesRole).toList();
        QCOMPARE(days.size(), 30);
        for (const QVariant &v : days)
            QVERIFY(!v.isValid() || (v.toDouble() >= 0 && v.toDouble() <= 100));
        QVERIFY(table->item(meta, 5)->toolTip().startsWith(QStringLiteral("Corporate score, ")));
    }
};

QTEST_MAIN(TestPanelFollow)
#include "tst_panelfollow.moc"
