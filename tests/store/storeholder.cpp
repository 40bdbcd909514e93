// A second process on a store, for tst_storeconcurrency. Not a test itself.
//
//   tw_storeholder wal STORE ARTICLES   creates or opens STORE the way the window
//       does, stores a feed and ARTICLES articles with checkpoints off (so its
//       pages stay in STORE-wal), prints "ready" and keeps the connection open
//       until it is killed.
//   tw_storeholder lock STORE MS        takes the write lock (a write transaction
//       on SQLite), prints "locked", holds it MS milliseconds, commits, exits.

#include "models/domain/feed.h"
#include "models/pipeline/articleingestor.h"
#include "models/store/feedstore.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace tw;

namespace {
int failWith(const QString &message)
{
    std::fprintf(stderr, "tw_storeholder: %s\n", qPrintable(message));
    return 1;
}

QList<Article> holderArticles(int count)
{
    QList<Article> articles;
    for (int i = 0; i < count; ++i) {
        Article a;
        a.guid = QStringLiteral("holder-%1").arg(i);
        a.url = QStringLiteral("https://holder.example.com/news/%1").arg(i);
        a.title = QStringLiteral("Holder story %1 on Meta capex").arg(i);
        a.summary = QStringLiteral("Meta Platforms guided 2026 capital expenditure to $115 billion to $135 billion.");
        a.source = QStringLiteral("Holder Newsroom");
        a.published = QDateTime(QDate(2026, 4, 8), QTime(17, 0), Qt::UTC).addSecs(i);
        articles << a;
    }
    return articles;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() != 3)
        return failWith(QStringLiteral("usage: tw_storeholder wal|lock STORE N"));
    auto store = StoreConnection::open(args.at(1), QStringLiteral("holder"));
    if (!store)
        return failWith(store.errorMessage());
    QSqlDatabase db = (*store)->database();

    if (args.at(0) == QLatin1String("wal")) {
        if (auto off = execStatements(db, {QStringLiteral("PRAGMA wal_autocheckpoint = 0")}); !off)
            return failWith(off.errorMessage());
        Feed feed;
        feed.url = QStringLiteral("https://holder.example.com/feed.xml");
        if (auto added = FeedStore(db).add(feed); !added)
            return failWith(added.errorMessage());
        if (auto stored = ArticleIngestor(db).ingest(holderArticles(args.at(2).toInt())); !stored)
            return failWith(stored.errorMessage());
        std::printf("ready\n");
        std::fflush(stdout);
        for (;;)
            QThread::sleep(60);
    }
    if (args.at(0) == QLatin1String("lock")) {
        Transaction tx(db);
        if (!tx.active())
            return failWith(tx.beginError());
        if (auto s = execStatements(db, {QStringLiteral(
                "INSERT INTO tickers (symbol, name) VALUES ('HOLD', 'Holder') ON CONFLICT (symbol) DO NOTHING")});
            !s)
            return failWith(s.errorMessage());
        std::printf("locked\n");
        std::fflush(stdout);
        QThread::msleep(args.at(2).toULong());
        if (auto s = tx.commit(); !s)
            return failWith(s.errorMessage());
        std::printf("released\n");
        return 0;
    }
    return failWith(QStringLiteral("unknown mode %1").arg(args.at(0)));
}
