#include "alertfixture.h"

#include "models/alerts/alertrulestore.h"
#include "models/alerts/defaultalertrules.h"

#include <QStandardPaths>
#include <QJsonDocument>

#include <limits>

Q_DECLARE_METATYPE(tw::AlertRule)

using namespace tw;

// Rules as the analyst writes them: what is accepted, what is refused and
// with which message, and that a stored rule reads back as it was written.
class TestAlertRules : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<StoreConnection> m_store;

    QSqlDatabase db() const { return m_store->database(); }

    static AlertRule rule(AlertKind kind, const QString &ticker = {}, std::optional<double> threshold = {},
                          const QString &query = {})
    {
        AlertRule r;
        r.kind = kind;
        r.ticker = ticker;
        r.threshold = threshold;
        r.query = query;
        return r;
    }

private slots:
    // Acknowledgements and mutes go to the analyst's settings: keep them out of the real ones.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_store.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("rules.db")));
        m_store = alerttest::openStore(m_dir.filePath(QStringLiteral("rules.db")), QStringLiteral("rules"));
        alerttest::addTickers(db());
    }

    void cleanup() { m_store.reset(); }

    void invalidRulesAreRefusedWithAReason_data()
    {
        QTest::addColumn<AlertRule>("rule");
        QTest::addColumn<QString>("expected");
        QTest::newRow("score threshold above 100")
            << rule(AlertKind::ScoreThreshold, QStringLiteral("META"), 150.0) << QStringLiteral("bad threshold 150");
        QTest::newRow("score threshold missing")
            << rule(AlertKind::ScoreThreshold, QStringLiteral("META")) << QStringLiteral("needs --threshold");
        QTest::newRow("negative price move")
            << rule(AlertKind::PriceMove, QStringLiteral("META"), -5.0) << QStringLiteral("bad threshold -5");
        QTest::newRow("not a number")
            << rule(AlertKind::PriceMove, QStringLiteral("META"), std::numeric_limits<double>::quiet_NaN())
            << QStringLiteral("finite number");
        QTest::newRow("unknown ticker")
            << rule(AlertKind::PriceMove, QStringLiteral("ZZZZ"), 5.0) << QStringLiteral("unknown ticker 'ZZZZ'");
        QTest::newRow("unbalanced quote")
            << rule(AlertKind::ArticleMatch, {}, {}, QStringLiteral("\"Muse Spark"))
            << QStringLiteral("malformed search query");
        QTest::newRow("dangling operator")
            << rule(AlertKind::ArticleMatch, {}, {}, QStringLiteral("Muse AND")) << QStringLiteral("malformed search query");
        QTest::newRow("article match without query")
            << rule(AlertKind::ArticleMatch) << QStringLiteral("needs --query");
        QTest::newRow("threshold on a label rule")
            << rule(AlertKind::LabelChange, QStringLiteral("META"), 3.0) << QStringLiteral("take no --threshold");
        AlertRule horizon = rule(AlertKind::LabelChange, QStringLiteral("META"));
        horizon.horizon = QStringLiteral("decade");
        QTest::newRow("unknown horizon") << horizon << QStringLiteral("unknown horizon 'decade'");
        AlertRule kinds = rule(AlertKind::Event, QStringLiteral("META"));
        kinds.eventKinds = {QStringLiteral("launch"), QStringLiteral("party")};
        QTest::newRow("unknown event kind") << kinds << QStringLiteral("unknown event kind 'party'");
        AlertRule cooldown = rule(AlertKind::PriceMove, QStringLiteral("META"), 5.0);
        cooldown.cooldownSeconds = -1;
        QTest::newRow("negative cooldown") << cooldown << QStringLiteral("cooldown cannot be negative");
    }

    void invalidRulesAreRefusedWithAReason()
    {
        QFETCH(AlertRule, rule);
        QFETCH(QString, expected);
        AlertRuleStore store(db());
        auto added = store.add(rule);
        QVERIFY(!added.ok());
        QVERIFY2(added.errorMessage().contains(expected), qPrintable(added.errorMessage()));
        QCOMPARE(store.all()->size(), 0);
    }

    void unknownTickerMessageListsTheKnownOnes()
    {
        auto added = AlertRuleStore(db()).add(rule(AlertKind::PriceMove, QStringLiteral("ZZZZ"), 5.0));
        QVERIFY(!added.ok());
        QVERIFY2(added.errorMessage().contains(QStringLiteral("META, GOOGL")), qPrintable(added.errorMessage()));
    }

    void validRulesAreNormalisedAndReadBack()
    {
        AlertRuleStore store(db());
        AlertRule r = rule(AlertKind::ArticleMatch, QStringLiteral("meta, googl"), {}, QStringLiteral("\"Muse Spark\" OR capex"));
        r.sources = {QStringLiteral("Reuters")};
        auto added = store.add(r);
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.errorMessage()));
        QVERIFY(added->id > 0);
        auto back = store.byId(added->id);
        QVERIFY(back.ok() && back->has_value());
        const AlertRule &stored = **back;
        QCOMPARE(stored.ticker, QStringLiteral("META,GOOGL"));
        QCOMPARE(stored.query, QStringLiteral("\"Muse Spark\" OR capex"));
        QCOMPARE(stored.sources, QStringList{QStringLiteral("Reuters")});
        QCOMPARE(stored.cooldownSeconds, qint64(0));   // article rules fire per article, no cooldown
        QVERIFY(stored.enabled);

        auto label = store.add(rule(AlertKind::LabelChange, QStringLiteral("meta")));
        QVERIFY(label.ok());
        QCOMPARE(label->horizon, QStringLiteral("medium"));
        QCOMPARE(label->cooldownSeconds, qint64(3600));
        auto volume = store.add(rule(AlertKind::NewsVolume, QStringLiteral("META")));
        QVERIFY(volume.ok());
        QCOMPARE(volume->threshold.value_or(0), 3.0);
    }

    void editEnableMuteRemove()
    {
        AlertRuleStore store(db());
        auto added = store.add(rule(AlertKind::PriceMove, QStringLiteral("META"), 5.0));
        QVERIFY(added.ok());
        AlertRule edited = *added;
        edited.threshold = 7.5;
        edited.cooldownSeconds = 600;
        QVERIFY(store.update(edited).ok());
        QVERIFY(store.setEnabled(added->id, false).ok());
        QVERIFY(store.setMuted(added->id, true).ok());
        auto back = store.byId(added->id);
        QCOMPARE((*back)->threshold.value_or(0), 7.5);
        QCOMPARE((*back)->cooldownSeconds, qint64(600));
        QVERIFY(!(*back)->enabled);
        QVERIFY((*back)->muted);
        QCOMPARE(store.enabledRules()->size(), 0);

        edited.threshold = 0;
        QVERIFY(!store.update(edited).ok());
        QVERIFY(store.remove(added->id).ok());
        QVERIFY(!(*store.byId(added->id)).has_value());
        auto missing = store.setMuted(4242, true);
        QVERIFY(!missing.ok());
        QVERIFY(missing.errorMessage().contains(QStringLiteral("4242")));
    }

    void jsonRoundTrip()
    {
        AlertRule r = rule(AlertKind::Event, QStringLiteral("META"));
        r.name = QStringLiteral("META launches and deals");
        r.eventKinds = {QStringLiteral("launch"), QStringLiteral("deal")};
        r.muted = true;
        const QByteArray text = QJsonDocument(r.toJson()).toJson();
        auto back = AlertRule::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY(back.ok());
        QCOMPARE(back->kind, AlertKind::Event);
        QCOMPARE(back->name, r.name);
        QCOMPARE(back->eventKinds, r.eventKinds);
        QVERIFY(back->muted);
        QVERIFY(!back->threshold.has_value());

        auto bad = AlertRule::fromJson(QJsonObject{{QStringLiteral("kind"), QStringLiteral("horoscope")}});
        QVERIFY(!bad.ok());
        QVERIFY(bad.errorMessage().contains(QStringLiteral("horoscope")));
    }

    void durations()
    {
        QCOMPARE(parseDurationSeconds(QStringLiteral("90")).value_or(-1), qint64(90));
        QCOMPARE(parseDurationSeconds(QStringLiteral("15m")).value_or(-1), qint64(900));
        QCOMPARE(parseDurationSeconds(QStringLiteral("1h")).value_or(-1), qint64(3600));
        QCOMPARE(parseDurationSeconds(QStringLiteral("2d")).value_or(-1), qint64(172800));
        QVERIFY(!parseDurationSeconds(QStringLiteral("soon")).has_value());
        QVERIFY(!parseDurationSeconds(QStringLiteral("-1h")).has_value());
        QCOMPARE(formatDuration(3600), QStringLiteral("1h"));
        QCOMPARE(formatDuration(90), QStringLiteral("90s"));
    }

    void defaultRulesInstallOnce()
    {
        auto first = DefaultAlertRules::install(db());
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.errorMessage()));
        QCOMPARE(*first, 4);
        auto second = DefaultAlertRules::install(db());
        QVERIFY(second.ok());
        QCOMPARE(*second, 0);
        const auto rules = *AlertRuleStore(db()).all();
        QCOMPARE(rules.size(), 4);
        QStringList kinds;
        for (const AlertRule &r : rules)
            kinds << kindName(r.kind);
        QCOMPARE(kinds, (QStringList{QStringLiteral("label-change"), QStringLiteral("price-move"),
                                     QStringLiteral("guidance"), QStringLiteral("article-match")}));
    }
};


QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alertrules.moc"
