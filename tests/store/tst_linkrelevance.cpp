#include "models/alerts/alertevaluator.h"
#include "models/alerts/alertrulestore.h"
#include "models/directory/watchlistadder.h"
#include "models/pipeline/articleingestor.h"
#include "models/read/articlelistmodel.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"

#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// A link's relevance (0-100) as the store keeps it, and what goes by it: the
// article list's "main subject" filter and alert rules that count articles.
class TestLinkRelevance : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<StoreConnection> m_store;

    qint64 relevance(qint64 article, const char *ticker)
    {
        auto v = queryScalar(m_store->database(),
                             QStringLiteral("SELECT CAST(relevance AS INTEGER) FROM article_tickers WHERE article_id = %1 "
                                            "AND ticker = '%2'")
                                 .arg(article)
                                 .arg(QString::fromLatin1(ticker)));
        return v ? *v : -1;
    }

private slots:
    void initTestCase()
    {
        auto store = StoreConnection::open(m_dir.filePath(QStringLiteral("links.db")), QStringLiteral("links"));
        QVERIFY(store.ok());
        m_store = std::move(*store);
        for (const char *t : {"NET", "COST"})
            QVERIFY(WatchlistAdder(m_store->database()).add(QString::fromLatin1(t)).ok());
        // A rule that counts Cloudflare stories, in place before they arrive.
        AlertRule rule;
        rule.name = QStringLiteral("Cloudflare news");
        rule.kind = AlertKind::ArticleMatch;
        rule.ticker = QStringLiteral("NET");
        rule.query = QStringLiteral("Cloudflare");
        QVERIFY(AlertRuleStore(m_store->database()).add(rule).ok());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Article main;
        main.guid = QStringLiteral("a1");
        main.title = QStringLiteral("Cloudflare outage takes down large parts of the internet");
        main.summary = QStringLiteral("Cloudflare said a faulty configuration file caused the disruption.");
        main.published = now.addSecs(-600);
        main.fetched = now;
        Article passing;
        passing.guid = QStringLiteral("a2");
        passing.title = QStringLiteral("Costco raises membership fees for the first time since 2017");
        passing.summary = QStringLiteral("Costco Wholesale said the annual fee will rise to $65.");
        passing.body = QStringLiteral("Costco Wholesale said the annual fee will rise to $65. The warehouse club has "
                                      "more than 130 million members. Its website, which sits behind Cloudflare, "
                                      "saw heavy traffic after the announcement.");
        passing.published = now.addSecs(-300);
        passing.fetched = now;
        QVERIFY(ArticleIngestor(m_store->database()).ingest({main, passing}).ok());
    }

    void theStoreKeepsAWholeNumber()
    {
        QVERIFY2(relevance(1, "NET") >= 80, qPrintable(QString::number(relevance(1, "NET"))));
        QVERIFY(relevance(2, "COST") >= 80);
        const qint64 mention = relevance(2, "NET");
        QVERIFY2(mention > 0 && mention < kMainSubjectRelevance, qPrintable(QString::number(mention)));
    }

    void theArticleListCanHidePassingMentions()
    {
        ArticleListModel model(m_store->database());
        ArticleFilter f;
        f.ticker = QStringLiteral("NET");
        model.setFilter(f);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 2);
        f.minRelevance = kMainSubjectRelevance;
        model.setFilter(f);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 1);
    }

    void alertRulesIgnorePassingMentions()
    {
        auto fired = AlertEvaluator(m_store->database()).evaluate(QDateTime::currentDateTimeUtc());
        QVERIFY2(fired.ok(), qPrintable(fired.ok() ? QString() : fired.errorMessage()));
        QCOMPARE(fired->size(), 1);
        QCOMPARE(fired->first().message.count(QStringLiteral("Costco")), 0);   // only the outage story
    }
};

QTEST_GUILESS_MAIN(TestLinkRelevance)
#include "tst_linkrelevance.moc"
