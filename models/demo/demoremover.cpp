#include "models/demo/demoremover.h"

#include "models/alerts/alertrulestore.h"
#include "models/alerts/defaultalertrules.h"
#include "models/demo/demoworkspace.h"
#include "models/linking/entitylinker.h"
#include "models/scoring/scorewriter.h"
#include "models/sentiment/headlinemodel.h"
#include "models/sentiment/sentimentscorer.h"
#include "models/store/articlestore.h"
#include "models/store/corporateevidencestore.h"
#include "models/store/sqlexec.h"
#include "models/store/storechangenotifier.h"
#include "models/store/tickerstore.h"

#include <QSet>
#include <QSqlQuery>

namespace tw {

DemoRemover::DemoRemover(QSqlDatabase db) : m_db(std::move(db)) {}

Result<DemoRemoval> DemoRemover::survey() const
{
    return const_cast<DemoRemover *>(this)->run(false);
}

Result<DemoRemoval> DemoRemover::remove()
{
    return run(true);
}

Result<DemoRemoval> DemoRemover::run(bool apply)
{
    DemoRemoval r;
    auto demoArticles = DemoWorkspace::articles();
    if (!demoArticles)
        return demoArticles.error();
    Transaction tx(m_db);
    if (!tx.active())
        return fail(tx.beginError());

    // The demo's articles, as the bundle names them.
    QSqlQuery find(m_db);
    find.prepare(QStringLiteral("SELECT id, published_utc FROM articles WHERE guid = ? OR (url <> '' AND url = ?)"));
    QList<qint64> ids;
    qint64 latestDemo = 0;
    for (const Article &a : *demoArticles) {
        if (auto s = execBound(find, {a.guid, a.url}); !s)
            return s.error();
        while (find.next()) {
            const qint64 id = find.value(0).toLongLong();
            if (!ids.contains(id)) {
                ids << id;
                latestDemo = std::max(latestDemo, find.value(1).toLongLong());
            }
        }
    }
    r.articles = int(ids.size());
    QSet<QString> tickers;
    QSet<qint64> events;
    QSqlQuery linked(m_db), reported(m_db);
    linked.prepare(QStringLiteral("SELECT ticker FROM article_tickers WHERE article_id = ?"));
    reported.prepare(QStringLiteral("SELECT event_id FROM event_sources WHERE article_id = ?"));
    for (qint64 id : ids) {
        if (auto s = execBound(linked, {id}); !s)
            return s.error();
        while (linked.next())
            tickers.insert(linked.value(0).toString());
        if (auto s = execBound(reported, {id}); !s)
            return s.error();
        while (reported.next())
            events.insert(reported.value(0).toLongLong());
    }
    // Events that only demo articles reported.
    QSqlQuery others(m_db);
    others.prepare(QStringLiteral("SELECT article_id FROM event_sources WHERE event_id = ?"));
    QList<qint64> demoEvents;
    for (qint64 e : events) {
        if (auto s = execBound(others, {e}); !s)
            return s.error();
        bool onlyDemo = true;
        while (others.next())
            onlyDemo = onlyDemo && ids.contains(others.value(0).toLongLong());
        if (onlyDemo)
            demoEvents << e;
    }
    r.events = int(demoEvents.size());

    auto bars = queryScalar(m_db, QStringLiteral("SELECT count(*) FROM quotes WHERE source = 'demo'"));
    if (!bars)
        return bars.error();
    r.quoteBars = int(*bars);

    // The demo's rules, recognised by their whole definition (a rule the
    // analyst wrote under the same name but otherwise different stays).
    AlertRuleStore rules(m_db);
    QList<qint64> ruleIds;
    for (const AlertRule &d : DefaultAlertRules::forMetaWorkspace()) {
        auto stored = rules.byName(d.name);
        if (!stored)
            return stored.error();
        if (!stored->has_value())
            continue;
        const AlertRule &s = **stored;
        if (s.kind == d.kind && s.ticker == d.ticker && s.query == d.query && s.horizon == d.horizon
            && s.threshold == d.threshold)
            ruleIds << s.id;
    }
    r.rules = int(ruleIds.size());
    QSqlQuery firings(m_db);
    firings.prepare(QStringLiteral("SELECT count(*) FROM fired_alerts WHERE rule_id = ?"));
    for (qint64 id : ruleIds) {
        if (auto s = execBound(firings, {id}); !s)
            return s.error();
        if (firings.next())
            r.firings += firings.value(0).toInt();
    }
    r.tickers = QStringList(tickers.cbegin(), tickers.cend());
    r.tickers.sort();
    if (!apply)
        return r;

    ArticleStore articles(m_db);
    for (qint64 id : ids) {
        if (auto s = articles.remove(id); !s)
            return s.error();
    }
    QSqlQuery dropEvent(m_db);
    dropEvent.prepare(QStringLiteral("DELETE FROM events WHERE id = ?"));
    for (qint64 e : demoEvents) {
        if (auto s = execBound(dropEvent, {e}); !s)
            return s.error();
    }
    if (auto s = execStatements(m_db, {QStringLiteral("DELETE FROM quotes WHERE source = 'demo'")}); !s)
        return s.error();
    for (qint64 id : ruleIds) {
        if (auto s = rules.remove(id); !s)   // its firings go with it
            return s.error();
    }
    // Scores of the demo's time span were computed from demo articles: take
    // them out, then score the companies again on what is left.
    if (!r.tickers.isEmpty() && latestDemo > 0) {
        QSqlQuery dropScores(m_db);
        dropScores.prepare(QStringLiteral("DELETE FROM corporate_scores WHERE ticker = ? AND as_of_utc <= ?"));
        for (const QString &t : r.tickers) {
            if (auto s = execBound(dropScores, {t, latestDemo}); !s)
                return s.error();
        }
        auto all = TickerStore(m_db).all();
        if (!all)
            return all.error();
        auto scoring = BuiltInScoring::load();
        if (!scoring)
            return scoring.error();
        const EntityLinker linker(*all);
        ScoreWriter writer(m_db, *scoring->sentences, linker, scoring->headlines);
        // The running state (migration 7) still counts the demo's stories:
        // forget it and build it again from the article scores left.
        CorporateEvidenceStore evidence(m_db);
        for (const QString &t : r.tickers) {
            if (auto s = evidence.clearTicker(t); !s)
                return s.error();
        }
        if (auto s = writer.rebuildCorporate(r.tickers); !s)
            return s.error();
        if (auto refreshed = writer.refreshCorporate(r.tickers); !refreshed)
            return refreshed.error();
    }
    if (auto s = StoreChangeNotifier::announce(m_db, {QStringLiteral("articles"), QStringLiteral("deleted"), 0}); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return r;
}

} // namespace tw
