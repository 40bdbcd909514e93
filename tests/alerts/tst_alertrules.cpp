#include "alertfixture.h"

#include "models/alerts/alertrulestore.h"
#include "models/alerts/defaultalertrules.h"
#include "models/events/eventtypes.h"

#include <QStandardPaths>
#include <QJsonDocument>

#include <limits>

Q_DECLARE_METATYPE(tw::AlertRule)
Q_DECLARE_METATYPE(tw::RuleField)
Q_DECLARE_METATYPE(tw::RuleProblem::Reason)

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
        using R = RuleProblem::Reason;
        QTest::addColumn<AlertRule>("rule");
        QTest::addColumn<RuleField>("field");
        QTest::addColumn<RuleProblem::Reason>("reason");
        QTest::addColumn<QString>("value");
        QTest::newRow("score threshold above 100")
            << rule(AlertKind::ScoreThreshold, QStringLiteral("META"), 150.0) << RuleField::Threshold << R::OutOfRange
            << QStringLiteral("150");
        QTest::newRow("score threshold at 100")
            << rule(AlertKind::ScoreThreshold, QStringLiteral("META"), 100.0) << RuleField::Threshold << R::OutOfRange
            << QStringLiteral("100");
        QTest::newRow("score threshold missing")
            << rule(AlertKind::ScoreThreshold, QStringLiteral("META")) << RuleField::Threshold << R::Required << QString();
        QTest::newRow("negative price move")
            << rule(AlertKind::PriceMove, QStringLiteral("META"), -5.0) << RuleField::Threshold << R::OutOfRange
            << QStringLiteral("-5");
        QTest::newRow("news volume above 50")
            << rule(AlertKind::NewsVolume, QStringLiteral("META"), 51.0) << RuleField::Threshold << R::OutOfRange
            << QStringLiteral("51");
        QTest::newRow("not a number")
            << rule(AlertKind::PriceMove, QStringLiteral("META"), std::numeric_limits<double>::quiet_NaN())
            << RuleField::Threshold << R::NotFinite << QStringLiteral("nan");
        QTest::newRow("unknown ticker")
            << rule(AlertKind::PriceMove, QStringLiteral("ZZZZ"), 5.0) << RuleField::Ticker << R::Unknown
            << QStringLiteral("ZZZZ");
        QTest::newRow("two tickers on a price rule")
            << rule(AlertKind::PriceMove, QStringLiteral("META,GOOGL"), 5.0) << RuleField::Ticker << R::OneOnly
            << QStringLiteral("META,GOOGL");
        QTest::newRow("unbalanced quote")
            << rule(AlertKind::ArticleMatch, {}, {}, QStringLiteral("\"Muse Spark")) << RuleField::Query << R::Malformed
            << QStringLiteral("\"Muse Spark");
        QTest::newRow("dangling operator")
            << rule(AlertKind::ArticleMatch, {}, {}, QStringLiteral("Muse AND")) << RuleField::Query << R::Malformed
            << QStringLiteral("Muse AND");
        QTest::newRow("article match without query")
            << rule(AlertKind::ArticleMatch) << RuleField::Query << R::Required << QString();
        QTest::newRow("threshold on a label rule")
            << rule(AlertKind::LabelChange, QStringLiteral("META"), 3.0) << RuleField::Threshold << R::NotTaken
            << QStringLiteral("3");
        QTest::newRow("query on a price rule")
            << rule(AlertKind::PriceMove, QStringLiteral("META"), 5.0, QStringLiteral("capex")) << RuleField::Query
            << R::NotTaken << QStringLiteral("capex");
        AlertRule horizon = rule(AlertKind::LabelChange, QStringLiteral("META"));
        horizon.horizon = QStringLiteral("decade");
        QTest::newRow("unknown horizon") << horizon << RuleField::Horizon << R::Unknown << QStringLiteral("decade");
        AlertRule kinds = rule(AlertKind::Event, QStringLiteral("META"));
        kinds.eventKinds = {QStringLiteral("launch"), QStringLiteral("party")};
        QTest::newRow("unknown event kind") << kinds << RuleField::EventKinds << R::Unknown << QStringLiteral("party");
        AlertRule sources = rule(AlertKind::Guidance, QStringLiteral("META"));
        sources.sources = {QStringLiteral("Reuters")};
        QTest::newRow("sources on a guidance rule")
            << sources << RuleField::Sources << R::NotTaken << QStringLiteral("Reuters");
        AlertRule cooldown = rule(AlertKind::PriceMove, QStringLiteral("META"), 5.0);
        cooldown.cooldownSeconds = -1;
        QTest::newRow("negative cooldown") << cooldown << RuleField::Cooldown << R::Negative << QStringLiteral("-1");
    }

    // The store says what is wrong as data (the front ends word it) and
    // stores nothing.
    void invalidRulesAreRefusedWithAReason()
    {
        QFETCH(AlertRule, rule);
        QFETCH(RuleField, field);
        QFETCH(RuleProblem::Reason, reason);
        QFETCH(QString, value);
        AlertRuleStore store(db());
        auto check = store.validate(rule);
        QVERIFY(!check.ok());
        QCOMPARE(check.problem().kind, rule.kind);
        QCOMPARE(check.problem().field, field);
        QCOMPARE(check.problem().reason, reason);
        QCOMPARE(check.problem().value, value);
        auto added = store.add(rule);
        QVERIFY(!added.ok());
        QCOMPARE(added.errorMessage(), check.problem().message());
        QCOMPARE(store.all()->size(), 0);
    }

    // Each front end names the fields its own way; the sentence is the same.
    void problemsAreWordedWithTheFrontEndsFieldNames()
    {
        auto check = AlertRuleStore(db()).validate(rule(AlertKind::ScoreThreshold, QStringLiteral("META")));
        QVERIFY(!check.ok());
        const QString cli = check.problem().message([](RuleField f) -> QString { return QStringLiteral("--") + ruleFieldKey(f); });
        QVERIFY2(cli.startsWith(QStringLiteral("score-threshold needs --threshold, a corporate score between 0 and 100")),
                 qPrintable(cli));
        QVERIFY2(check.problem().message().contains(QStringLiteral("needs threshold,")), qPrintable(check.problem().message()));
        QVERIFY(!check.problem().message().contains(QStringLiteral("--")));

        auto notTaken = AlertRuleStore(db()).validate(rule(AlertKind::LabelChange, QStringLiteral("META"), 3.0));
        QCOMPARE(notTaken.problem().message(),
                 QStringLiteral("threshold applies only to score-threshold, price-move, news-volume rules, not to label-change"));
        auto tsquery = AlertRuleStore(db()).validate(rule(AlertKind::ArticleMatch, {}, {}, QStringLiteral("Muse AND")));
        QVERIFY2(tsquery.problem().message().startsWith(QStringLiteral("malformed search query 'Muse AND': ")),
                 qPrintable(tsquery.problem().message()));
        QVERIFY(!tsquery.problem().detail.isEmpty());
    }

    // Every kind has its row: a name that reads back, a label, and the
    // settings it needs among those it takes.
    void everyKindHasItsRow()
    {
        QCOMPARE(AlertKinds::all().size(), std::size_t(7));
        QStringList names;
        for (AlertKind kind : AlertKinds::all()) {
            const AlertKindInfo info = describeAlertKind(kind);
            QVERIFY(info.name && info.label && *info.label);
            QCOMPARE(kindFromName(QString::fromLatin1(info.name)), std::optional<AlertKind>(kind));
            QVERIFY((info.needs.bits & ~info.takes.bits) == 0);
            QCOMPARE(info.takes.has(RuleField::Cooldown), info.condition);
            QVERIFY(info.takes.has(RuleField::Ticker));
            names << kindName(kind);
        }
        QCOMPARE(allKindNames(), names);
        QCOMPARE(kindFromName(QStringLiteral(" Price-Move ")), std::optional<AlertKind>(AlertKind::PriceMove));
        QVERIFY(!kindFromName(QStringLiteral("horoscope")));
        // The news's eight kinds and the four only 8-K filings report (#22).
        QCOMPARE(EventKinds::all().size(), std::size_t(12));
        QCOMPARE(eventKindFromId(QStringLiteral("cyber-incident")), std::optional<EventKind>(EventKind::CyberIncident));
        QCOMPARE(eventKindFromId(QStringLiteral("price-move")), std::optional<EventKind>(EventKind::PriceMove));
        QCOMPARE(AlertRuleStore::horizons(), (QStringList{QStringLiteral("short"), QStringLiteral("medium"), QStringLiteral("long")}));
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
