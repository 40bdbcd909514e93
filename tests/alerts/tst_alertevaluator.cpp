#include "alertfixture.h"

#include "models/alerts/alertevaluator.h"
#include "models/alerts/alertworker.h"
#include "models/alerts/alertrulestore.h"
#include "models/alerts/firedalertstore.h"

#include <QStandardPaths>
#include <QSignalSpy>
#include <QThread>

using namespace tw;
using namespace alerttest;

// Each rule kind against data that should fire it and data that should not;
// de-duplication and cooldown, also across a restart (the store reopened).
class TestAlertEvaluator : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<StoreConnection> m_store;
    const QDateTime m_now{QDate(2026, 11, 30), QTime(12, 0), Qt::UTC};

    QSqlDatabase db() const { return m_store->database(); }
    QString path() const { return m_dir.filePath(QStringLiteral("eval.db")); }

    qint64 addRule(AlertKind kind, const QString &ticker, std::optional<double> threshold = {},
                   const QString &query = {}, const QStringList &eventKinds = {})
    {
        AlertRule r;
        r.kind = kind;
        r.ticker = ticker;
        r.threshold = threshold;
        r.query = query;
        r.eventKinds = eventKinds;
        auto added = AlertRuleStore(db()).add(r);
        if (!added)
            qFatal("rule refused: %s", qPrintable(added.errorMessage()));
        return added->id;
    }

    QList<FiredAlert> evaluate(const QDateTime &at)
    {
        auto fired = AlertEvaluator(db()).evaluate(at);
        if (!fired)
            qFatal("evaluation failed: %s", qPrintable(fired.errorMessage()));
        return *fired;
    }

    static QList<qint64> ruleIds(const QList<FiredAlert> &alerts)
    {
        QList<qint64> ids;
        for (const FiredAlert &a : alerts)
            ids << a.ruleId;
        return ids;
    }

    void reopen()
    {
        m_store.reset();
        m_store = openStore(path(), QStringLiteral("eval"));
    }

private slots:
    // Acknowledgements and mutes go to the analyst's settings: keep them out of the real ones.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_store.reset();
        QFile::remove(path());
        m_store = openStore(path(), QStringLiteral("eval"));
        addTickers(db());
    }

    void cleanup() { m_store.reset(); }

    void scoreThresholdFiresOnACrossingOnly()
    {
        const qint64 at60 = addRule(AlertKind::ScoreThreshold, QStringLiteral("META"), 60.0);
        addRule(AlertKind::ScoreThreshold, QStringLiteral("META"), 70.0);
        addScore(db(), QStringLiteral("META"), QStringLiteral("medium"), m_now.addDays(-2), 50, QStringLiteral("Neutral"));
        QVERIFY(evaluate(m_now.addDays(-2)).isEmpty());   // a first snapshot has nothing to cross from

        addScore(db(), QStringLiteral("META"), QStringLiteral("medium"), m_now.addDays(-1), 62,
                 QStringLiteral("Somewhat bullish"));
        const auto fired = evaluate(m_now);
        QCOMPARE(ruleIds(fired), QList<qint64>{at60});
        QCOMPARE(fired.first().message,
                 QStringLiteral("META medium-term score rose above 60: 50 -> 62 (Somewhat bullish)"));

        // Evaluating again, rescoring the same snapshot, or a new snapshot on
        // the same side of the line: nothing.
        QVERIFY(evaluate(m_now).isEmpty());
        addScore(db(), QStringLiteral("META"), QStringLiteral("medium"), m_now.addDays(-1), 62,
                 QStringLiteral("Somewhat bullish"));
        QVERIFY(evaluate(m_now.addSecs(7200)).isEmpty());
        addScore(db(), QStringLiteral("META"), QStringLiteral("medium"), m_now, 64, QStringLiteral("Somewhat bullish"));
        QVERIFY(evaluate(m_now.addSecs(7200)).isEmpty());
        // Another horizon is another series.
        addScore(db(), QStringLiteral("META"), QStringLiteral("short"), m_now, 20, QStringLiteral("Bearish"));
        addScore(db(), QStringLiteral("META"), QStringLiteral("short"), m_now.addSecs(60), 90, QStringLiteral("Bullish"));
        QVERIFY(evaluate(m_now.addSecs(7200)).isEmpty());
    }

    void labelChangeFiresWhenTheLabelChanges()
    {
        const qint64 rule = addRule(AlertKind::LabelChange, QStringLiteral("META"));
        addScore(db(), QStringLiteral("META"), QStringLiteral("medium"), m_now.addDays(-3), 50, QStringLiteral("Neutral"));
        addScore(db(), QStringLiteral("META"), QStringLiteral("medium"), m_now.addDays(-2), 53, QStringLiteral("Neutral"));
        QVERIFY(evaluate(m_now.addDays(-2)).isEmpty());
        addScore(db(), QStringLiteral("META"), QStringLiteral("medium"), m_now.addDays(-1), 58,
                 QStringLiteral("Somewhat bullish"));
        const auto fired = evaluate(m_now);
        QCOMPARE(ruleIds(fired), QList<qint64>{rule});
        QCOMPARE(fired.first().ticker, QStringLiteral("META"));
        QVERIFY2(fired.first().message.contains(QStringLiteral("Neutral -> Somewhat bullish")),
                 qPrintable(fired.first().message));
        QVERIFY(evaluate(m_now.addSecs(7200)).isEmpty());
        // GOOGL changing label is not this rule's business.
        addScore(db(), QStringLiteral("GOOGL"), QStringLiteral("medium"), m_now.addDays(-1), 50, QStringLiteral("Neutral"));
        addScore(db(), QStringLiteral("GOOGL"), QStringLiteral("medium"), m_now, 30, QStringLiteral("Bearish"));
        QVERIFY(evaluate(m_now.addSecs(7200)).isEmpty());
    }

    void priceMoveFiresAtTheThreshold()
    {
        const qint64 five = addRule(AlertKind::PriceMove, QStringLiteral("META"), 5.0);
        addRule(AlertKind::PriceMove, QStringLiteral("META"), 10.0);
        addRule(AlertKind::PriceMove, QStringLiteral("GOOGL"), 5.0);
        addBar(db(), QStringLiteral("META"), QDate(2026, 4, 7), 560.0);
        addBar(db(), QStringLiteral("META"), QDate(2026, 4, 8), 609.5);   // +8.8%
        addBar(db(), QStringLiteral("GOOGL"), QDate(2026, 4, 7), 140.0);
        addBar(db(), QStringLiteral("GOOGL"), QDate(2026, 4, 8), 144.3);  // +3.1%
        const auto fired = evaluate(m_now);
        QCOMPARE(ruleIds(fired), QList<qint64>{five});
        QCOMPARE(fired.first().message,
                 QStringLiteral("META moved +8.8% on 2026-04-08 (close 609.50 against 560.00 on 2026-04-07)"));
        QVERIFY(evaluate(m_now.addSecs(7200)).isEmpty());
        addBar(db(), QStringLiteral("META"), QDate(2026, 4, 9), 612.0);   // +0.4%
        QVERIFY(evaluate(m_now.addSecs(7200)).isEmpty());
        addBar(db(), QStringLiteral("META"), QDate(2026, 4, 10), 575.0);  // -6.0%
        const auto drop = evaluate(m_now.addSecs(7200));
        QCOMPARE(ruleIds(drop), QList<qint64>{five});
        QVERIFY(drop.first().message.startsWith(QStringLiteral("META moved -6.0% on 2026-04-10")));
    }

    void articleMatchListsABatchInOneFiring()
    {
        const qint64 muse = addRule(AlertKind::ArticleMatch, QString(), {}, QStringLiteral("\"Muse Spark\""));
        const qint64 metaCapex = addRule(AlertKind::ArticleMatch, QStringLiteral("META"), {}, QStringLiteral("capex"));
        AlertRule reuters;
        reuters.kind = AlertKind::ArticleMatch;
        reuters.query = QStringLiteral("Muse");
        reuters.sources = {QStringLiteral("Reuters")};
        QVERIFY(AlertRuleStore(db()).add(reuters).ok());

        const QDateTime t(QDate(2026, 4, 8), QTime(20, 0), Qt::UTC);
        ingest(db(), {article(QStringLiteral("a1"), QStringLiteral("Meta unveils Muse Spark"),
                              QStringLiteral("Meta Platforms introduced Muse Spark on Wednesday."), t),
                      article(QStringLiteral("a2"), QStringLiteral("What Muse Spark means for Meta"),
                              QStringLiteral("Analysts weigh the Muse Spark model."), t.addSecs(600)),
                      article(QStringLiteral("a3"), QStringLiteral("Alphabet raises capex"),
                              QStringLiteral("Google parent Alphabet lifted its capex plans."), t.addSecs(900))});
        const auto fired = evaluate(m_now);
        QCOMPARE(ruleIds(fired), QList<qint64>{muse});
        const FiredAlert &a = fired.first();
        QCOMPARE(a.articles.size(), 2);
        QCOMPARE(a.articles.at(0).title, QStringLiteral("Meta unveils Muse Spark"));
        QCOMPARE(a.articles.at(1).title, QStringLiteral("What Muse Spark means for Meta"));
        QCOMPARE(a.message, QStringLiteral("2 new articles matching \"Muse Spark\": Meta unveils Muse Spark; "
                                           "What Muse Spark means for Meta"));

        // The same articles again (and an unchanged re-ingest) fire nothing.
        QCOMPARE(ingest(db(), {article(QStringLiteral("a1"), QStringLiteral("Meta unveils Muse Spark"),
                                       QStringLiteral("Meta Platforms introduced Muse Spark on Wednesday."), t)})
                     .unchanged,
                 1);
        QVERIFY(evaluate(m_now).isEmpty());

        ingest(db(), {article(QStringLiteral("a4"), QStringLiteral("Meta lifts capex"),
                              QStringLiteral("Meta Platforms lifted its capex guidance."), t.addDays(1)),
                      article(QStringLiteral("a5"), QStringLiteral("Muse Spark reviewed"),
                              QStringLiteral("Muse Spark, reviewed by Reuters staff."), t.addDays(1), QStringLiteral("Reuters"))});
        const auto next = evaluate(m_now);
        QCOMPARE(next.size(), 3);
        QCOMPARE(next.at(0).ruleId, muse);
        QCOMPARE(next.at(0).message, QStringLiteral("New article matching \"Muse Spark\": Muse Spark reviewed"));
        QCOMPARE(next.at(1).ruleId, metaCapex);
        QCOMPARE(next.at(1).articles.size(), 1);
        QCOMPARE(next.at(1).articles.first().title, QStringLiteral("Meta lifts capex"));
        QCOMPARE(next.at(2).articles.first().title, QStringLiteral("Muse Spark reviewed"));
    }

    void ruleAddedLaterIgnoresOlderArticles()
    {
        const QDateTime t(QDate(2026, 4, 8), QTime(20, 0), Qt::UTC);
        ingest(db(), {article(QStringLiteral("old"), QStringLiteral("Meta unveils Muse Spark"),
                              QStringLiteral("Muse Spark arrives."), t)});
        addRule(AlertKind::ArticleMatch, QString(), {}, QStringLiteral("\"Muse Spark\""));
        QVERIFY(evaluate(m_now).isEmpty());
    }

    void newsVolumeSpikeAgainstThirtyDays()
    {
        const qint64 meta = addRule(AlertKind::NewsVolume, QStringLiteral("META"), 3.0);
        addRule(AlertKind::NewsVolume, QStringLiteral("GOOGL"), 3.0);
        QList<Article> batch;
        const QDateTime morning(m_now.date(), QTime(9, 0), Qt::UTC);
        for (int back = 1; back <= 30; ++back) {
            batch << article(QStringLiteral("base-%1").arg(back), QStringLiteral("Meta daily note %1").arg(back),
                             QStringLiteral("Meta Platforms shares were little changed."), morning.addDays(-back));
            if (back % 2 == 0)   // GOOGL: one article every other day
                batch << article(QStringLiteral("g-%1").arg(back), QStringLiteral("Alphabet note %1").arg(back),
                                 QStringLiteral("Alphabet shares were little changed."), morning.addDays(-back));
        }
        batch << article(QStringLiteral("g-today"), QStringLiteral("Alphabet today"),
                         QStringLiteral("Alphabet shares moved."), morning);
        ingest(db(), batch);
        QVERIFY(evaluate(m_now).isEmpty());   // META: nothing today yet; GOOGL: one article is no spike

        QList<Article> today;
        for (int i = 0; i < 8; ++i)
            today << article(QStringLiteral("today-%1").arg(i), QStringLiteral("Meta story %1").arg(i),
                             QStringLiteral("Meta Platforms in the news again."), morning.addSecs(i * 60));
        ingest(db(), today);
        const auto fired = evaluate(m_now);
        QCOMPARE(ruleIds(fired), QList<qint64>{meta});
        QCOMPARE(fired.first().message,
                 QStringLiteral("META news volume spike: 8 articles today against 1.0 a day over 30 days (z = 7.0)"));
        QCOMPARE(fired.first().articles.size(), 8);
        QVERIFY(evaluate(m_now.addSecs(7200)).isEmpty());   // one spike per ticker and day
    }

    void guidanceFiresOnNewAndChangedFigures()
    {
        const qint64 capex = addRule(AlertKind::Guidance, QStringLiteral("META"), {}, QStringLiteral("capex"));
        const QDateTime t(QDate(2026, 4, 8), QTime(20, 0), Qt::UTC);
        const auto report = ingest(db(), {article(QStringLiteral("g1"), QStringLiteral("Meta guides 2026 capex"),
                                                  QStringLiteral("Meta expects $115 billion to $135 billion."), t)});
        const qint64 source = report.changedIds.first();
        addEvent(db(), QStringLiteral("META"), QStringLiteral("guidance"), QStringLiteral("2026 revenue outlook"),
                 QStringLiteral("revenue"), 200, 210, QStringLiteral("meta-rev-2026"));
        addEvent(db(), QStringLiteral("META"), QStringLiteral("launch"), QStringLiteral("Muse Spark launch"), QString(),
                 0, 0, QStringLiteral("meta-launch"));
        addEvent(db(), QStringLiteral("META"), QStringLiteral("guidance"), QStringLiteral("2026 capex guidance"),
                 QStringLiteral("capex"), 115, 135, QStringLiteral("meta-capex-2026"), {source});
        const auto fired = evaluate(m_now);
        QCOMPARE(ruleIds(fired), QList<qint64>{capex});
        QCOMPARE(fired.first().message,
                 QStringLiteral("META capex guidance for 2026: 115-135 billion USD (2026 capex guidance, 2026-04-08)"));
        QCOMPARE(fired.first().articles.size(), 1);
        QCOMPARE(fired.first().articles.first().title, QStringLiteral("Meta guides 2026 capex"));
        QVERIFY(evaluate(m_now).isEmpty());

        addEvent(db(), QStringLiteral("META"), QStringLiteral("guidance"), QStringLiteral("2026 capex guidance"),
                 QStringLiteral("capex"), 120, 135, QStringLiteral("meta-capex-2026"), {source});
        const auto revised = evaluate(m_now);
        QCOMPARE(ruleIds(revised), QList<qint64>{capex});
        QVERIFY(revised.first().message.contains(QStringLiteral("120-135 billion USD")));
        QVERIFY(evaluate(m_now).isEmpty());
    }

    void eventRuleFiresForChosenKinds()
    {
        const qint64 launches = addRule(AlertKind::Event, QStringLiteral("META"), {}, {}, {QStringLiteral("launch")});
        addEvent(db(), QStringLiteral("META"), QStringLiteral("deal"), QStringLiteral("Scale AI stake"), QString(), 14.3,
                 14.3, QStringLiteral("meta-deal"));
        addEvent(db(), QStringLiteral("GOOGL"), QStringLiteral("launch"), QStringLiteral("Gemini update"), QString(), 0, 0,
                 QStringLiteral("googl-launch"));
        QVERIFY(evaluate(m_now).isEmpty());
        addEvent(db(), QStringLiteral("META"), QStringLiteral("launch"), QStringLiteral("Meta launches Muse Spark"),
                 QString(), 0, 0, QStringLiteral("meta-launch"));
        const auto fired = evaluate(m_now);
        QCOMPARE(ruleIds(fired), QList<qint64>{launches});
        QCOMPARE(fired.first().message, QStringLiteral("META launch on 2026-04-08: Meta launches Muse Spark"));
        QVERIFY(evaluate(m_now).isEmpty());
    }

    void cooldownHoldsAcrossARestart()
    {
        const qint64 rule = addRule(AlertKind::PriceMove, QStringLiteral("META"), 5.0);   // default cooldown 1h
        addBar(db(), QStringLiteral("META"), QDate(2026, 11, 23), 600.0);
        addBar(db(), QStringLiteral("META"), QDate(2026, 11, 24), 636.0);   // +6%
        QCOMPARE(ruleIds(evaluate(m_now)), QList<qint64>{rule});

        addBar(db(), QStringLiteral("META"), QDate(2026, 11, 25), 597.0);   // -6.1%, 10 minutes later
        QVERIFY(evaluate(m_now.addSecs(600)).isEmpty());

        reopen();
        addBar(db(), QStringLiteral("META"), QDate(2026, 11, 26), 633.0);   // +6.0%, 20 minutes later
        QVERIFY(evaluate(m_now.addSecs(1200)).isEmpty());
        // After the cooldown, the moves seen during it stay dropped...
        QVERIFY(evaluate(m_now.addSecs(7200)).isEmpty());
        // ...and the next one fires.
        addBar(db(), QStringLiteral("META"), QDate(2026, 11, 27), 680.0);   // +7.4%
        const auto fired = evaluate(m_now.addSecs(7260));
        QCOMPARE(ruleIds(fired), QList<qint64>{rule});
        QVERIFY(fired.first().message.contains(QStringLiteral("2026-11-27")));
        QCOMPARE(FiredAlertStore(db()).list()->size(), 2);
    }

    void sameCauseNeverFiresTwiceAcrossARestart()
    {
        addRule(AlertKind::ArticleMatch, QString(), {}, QStringLiteral("\"Muse Spark\""));
        const QDateTime t(QDate(2026, 4, 8), QTime(20, 0), Qt::UTC);
        const Article a1 = article(QStringLiteral("r1"), QStringLiteral("Meta unveils Muse Spark"),
                                   QStringLiteral("Muse Spark arrives."), t);
        ingest(db(), {a1});
        QCOMPARE(evaluate(m_now).size(), 1);
        reopen();
        QVERIFY(evaluate(m_now).isEmpty());
        ingest(db(), {a1});
        QVERIFY(evaluate(m_now.addDays(1)).isEmpty());
        ingest(db(), {a1, article(QStringLiteral("r2"), QStringLiteral("Muse Spark tested"),
                                  QStringLiteral("We tried Muse Spark."), t.addDays(1))});
        const auto fired = evaluate(m_now.addDays(1));
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired.first().articles.size(), 1);
        QCOMPARE(fired.first().articles.first().title, QStringLiteral("Muse Spark tested"));

        // The store itself refuses a second firing for one cause.
        FiredAlert again = fired.first();
        auto recorded = FiredAlertStore(db()).record(again, {});
        QVERIFY(recorded.ok());
        QVERIFY(!recorded->has_value());
    }

    void aBrokenRuleDoesNotSilenceTheOthers()
    {
        const qint64 broken = addRule(AlertKind::ArticleMatch, QString(), {}, QStringLiteral("Muse"));
        const qint64 good = addRule(AlertKind::ArticleMatch, QString(), {}, QStringLiteral("Spark"));
        // A query stored before validation existed, or edited by hand.
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("UPDATE alert_rules SET query = 'Muse AND' WHERE id = %1").arg(broken)));
        ingest(db(), {article(QStringLiteral("b1"), QStringLiteral("Muse Spark"), QStringLiteral("Muse Spark."),
                              m_now.addDays(-1))});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("alert rule \\d+ .* skipped: .*Muse AND")));
        QCOMPARE(ruleIds(evaluate(m_now)), QList<qint64>{good});
    }

    void disabledRulesDoNotFire()
    {
        const qint64 rule = addRule(AlertKind::ArticleMatch, QString(), {}, QStringLiteral("Muse"));
        QVERIFY(AlertRuleStore(db()).setEnabled(rule, false).ok());
        ingest(db(), {article(QStringLiteral("d1"), QStringLiteral("Muse Spark"), QStringLiteral("Muse."),
                              m_now.addDays(-1))});
        QVERIFY(evaluate(m_now).isEmpty());
    }

    void acknowledge()
    {
        addRule(AlertKind::ArticleMatch, QString(), {}, QStringLiteral("Muse"));
        ingest(db(), {article(QStringLiteral("k1"), QStringLiteral("Muse Spark"), QStringLiteral("Muse."),
                              m_now.addDays(-1))});
        const auto fired = evaluate(m_now);
        QCOMPARE(fired.size(), 1);
        FiredAlertStore store(db());
        QCOMPARE(*store.unacknowledgedCount(), qint64(1));
        QVERIFY(*store.acknowledge(fired.first().id));
        QCOMPARE(*store.unacknowledgedCount(), qint64(0));
        QVERIFY(!*store.acknowledge(9999));
        QCOMPARE(store.list(m_now.addSecs(1))->size(), 0);
        QCOMPARE(store.list(m_now)->size(), 1);
    }

    void workerEvaluatesOnItsOwnThread()
    {
        addRule(AlertKind::ArticleMatch, QString(), {}, QStringLiteral("\"Muse Spark\""));
        ingest(db(), {article(QStringLiteral("w1"), QStringLiteral("Meta unveils Muse Spark"),
                              QStringLiteral("Muse Spark arrives."), m_now.addDays(-1))});
        QThread thread;
        auto *worker = new AlertWorker(path());
        worker->moveToThread(&thread);
        connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        thread.start();
        QSignalSpy fired(worker, &AlertWorker::fired);
        QSignalSpy failed(worker, &AlertWorker::failed);
        QMetaObject::invokeMethod(worker, &AlertWorker::evaluate, Qt::QueuedConnection);
        QVERIFY(fired.wait(30000));
        QCOMPARE(failed.size(), 0);
        const auto alerts = fired.first().at(0).value<QList<FiredAlert>>();
        QVERIFY(fired.first().at(1).toBool());   // neither do-not-disturb nor pop-ups off
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().articles.first().title, QStringLiteral("Meta unveils Muse Spark"));
        QMetaObject::invokeMethod(worker, &AlertWorker::shutdown, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        QCOMPARE(FiredAlertStore(db()).list()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAlertEvaluator)
#include "tst_alertevaluator.moc"
