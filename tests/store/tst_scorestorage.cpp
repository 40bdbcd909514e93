#include "models/core/storetime.h"
#include "models/linking/entitylinker.h"
#include "models/pipeline/articleingestor.h"
#include "models/scoring/articlerescorer.h"
#include "models/scoring/articlescorer.h"
#include "models/scoring/scorewriter.h"
#include "models/sentiment/headlinemodel.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"
#include "models/text/articlebounds.h"
#include "temporarystores.h"
#include "testsupport.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace tw;

namespace {
// The spans as the scorer stored them before it wrote the JSON itself.
QByteArray referenceSpansJson(const QList<ArticleSpan> &spans)
{
    QJsonArray array;
    for (const ArticleSpan &s : spans) {
        array.append(QJsonObject{{QStringLiteral("field"), articleFieldName(s.field)},
                                 {QStringLiteral("start"), s.start},
                                 {QStringLiteral("length"), s.length},
                                 {QStringLiteral("weight"), std::round(s.weight * 1000) / 1000},
                                 {QStringLiteral("text"), s.text}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}
const QList<TickerInfo> &watchlist()
{
    static const QList<TickerInfo> tickers{
        {QStringLiteral("META"), QStringLiteral("Meta Platforms, Inc."), QStringLiteral("NASDAQ"),
         QStringLiteral("America/New_York"), {QStringLiteral("Meta")}, true, 0, 0},
        {QStringLiteral("GOOGL"), QStringLiteral("Alphabet Inc."), QStringLiteral("NASDAQ"),
         QStringLiteral("America/New_York"), {QStringLiteral("Alphabet"), QStringLiteral("Google")}, true, 1, 0},
        {QStringLiteral("MSFT"), QStringLiteral("Microsoft Corporation"), QStringLiteral("NASDAQ"),
         QStringLiteral("America/New_York"), {QStringLiteral("Microsoft")}, true, 2, 0},
        {QStringLiteral("NVDA"), QStringLiteral("NVIDIA Corporation"), QStringLiteral("NASDAQ"),
         QStringLiteral("America/New_York"), {QStringLiteral("Nvidia")}, true, 3, 0},
        {QStringLiteral("AMZN"), QStringLiteral("Amazon.com, Inc."), QStringLiteral("NASDAQ"),
         QStringLiteral("America/New_York"), {QStringLiteral("Amazon")}, true, 4, 0}};
    return tickers;
}

// The labelled headlines (tests/fixtures/linking/headlines.tsv) as articles:
// the lead as summary and body, the body once more with a longer text.
QList<Article> headlineArticles()
{
    const QString tsv = QString::fromUtf8(twtest::readAll(twtest::fixture(QStringLiteral("linking/headlines.tsv"))));
    QList<Article> articles;
    const qint64 start = toStoreTime(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    for (const QString &line : tsv.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('#')) || line.trimmed().isEmpty())
            continue;
        const QStringList fields = line.split(QLatin1Char('\t'));
        Article a;
        a.guid = QStringLiteral("h%1").arg(articles.size());
        a.url = QStringLiteral("https://news.example.com/") + a.guid;
        a.title = fields.value(1);
        a.summary = fields.value(2);
        a.body = articles.size() % 3 == 0 ? a.summary + QStringLiteral(" ") + fields.value(1) + QStringLiteral(". ")
                                                + a.summary
                                          : a.summary;
        a.published = fromStoreTime(start + articles.size() * 3'600'000LL);
        a.fetched = a.published;
        articles << a;
    }
    return articles;
}

// Every article score but its time, in one text.
QByteArray articleScores(QSqlDatabase db)
{
    QSqlQuery q(QStringLiteral("SELECT article_id, ticker, model_version, score, label, confidence, spans "
                               "FROM article_scores ORDER BY article_id, ticker"),
                db);
    QByteArray all;
    while (q.next()) {
        for (int c = 0; c < 7; ++c)
            all += q.value(c).toString().toUtf8() + (c < 6 ? '|' : '\n');
    }
    return all;
}
} // namespace

// How article scores are stored: the spans' JSON is byte for byte what
// QJsonDocument wrote, for any phrase text and weight.
class TestScoreStorage : public QObject {
    Q_OBJECT

private slots:
    void spansJsonIsQJsonDocumentsBytes()
    {
        std::mt19937_64 random(19);
        // Phrases of every kind of character: ASCII, JSON's escapes and
        // control characters, accents, CJK, emoji (surrogate pairs), and
        // surrogates without their pair.
        const QList<QString> pieces{QStringLiteral("raises guidance"), QStringLiteral("\""), QStringLiteral("\\"),
                                    QStringLiteral("/"), QStringLiteral("\n"), QStringLiteral("\r\t\b\f"),
                                    QString(QChar(0x01)), QString(QChar(0x1F)), QString(QChar(0x7F)),
                                    QStringLiteral("é€ü"), QStringLiteral("利润"), QStringLiteral("🚀"),
                                    QString(QChar(0xD83D)), QString(QChar(0xDE80)), QString(QChar(0xFFFE)),
                                    QString(QChar(0xFEFF)), QString(QChar(0))};
        std::uniform_int_distribution<int> piece(0, int(pieces.size()) - 1);
        std::uniform_int_distribution<int> count(0, 6);
        std::uniform_real_distribution<double> weight(-3.0, 3.0);
        const QList<double> odd{0.0, -0.0, 2.0, -1.0, 0.0004, -0.0004, 0.0005, 1e-7, 12345.6789, 1e21, -1e300,
                                std::numeric_limits<double>::infinity(), std::nan("")};
        for (int i = 0; i < 20000; ++i) {
            QList<ArticleSpan> spans;
            for (int n = count(random); n > 0; --n) {
                ArticleSpan s;
                s.field = ArticleField(random() % 3);
                s.start = qint32(random() % 100000) - (i % 50 == 0 ? 50000 : 0);
                s.length = qint32(random() % 300);
                s.weight = i % 7 == 0 ? odd.at(qsizetype(random() % quint64(odd.size()))) : weight(random);
                for (int k = int(random() % 5); k > 0; --k)
                    s.text += pieces.at(piece(random));
                spans << s;
            }
            const QByteArray expected = referenceSpansJson(spans);
            if (ArticleScorer::spansJsonUtf8(spans) != expected)
                QFAIL(qPrintable(QStringLiteral("%1\nexpected\n%2")
                                     .arg(QString::fromUtf8(ArticleScorer::spansJsonUtf8(spans).toHex()),
                                          QString::fromUtf8(expected.toHex()))));
            QCOMPARE(ArticleScorer::spansJson(spans), QString::fromUtf8(expected));
        }
    }

    // The rescore scores chunks on several threads while it writes the one
    // before: the scores are those of scoring each article in turn, however
    // the chunks fall (by count or by the text they hold).
    void rescoringInChunksOnThreadsGivesTheScoresOfOneByOne()
    {
        auto sentences = SentimentScorer::builtIn();
        auto headlines = HeadlineModel::builtIn();
        QVERIFY(sentences.ok() && headlines.ok());
        const EntityLinker linker(watchlist());
        const QList<Article> articles = headlineArticles();
        QVERIFY(articles.size() > 400);

        QList<QByteArray> results;
        for (const ArticleRescorer::Chunking chunking :
             {ArticleRescorer::Chunking{0, 0} /* one by one */, ArticleRescorer::Chunking{7, 1 << 20},
              ArticleRescorer::Chunking{5000, 1000}, ArticleRescorer::Chunking{}}) {
            twtest::TemporaryStore store;
            QVERIFY2(store.open(QStringLiteral("s.db"), QStringLiteral("rescore")), qPrintable(store.errorString()));
            QSqlDatabase db = store.database();
            for (const TickerInfo &t : watchlist())
                QVERIFY(TickerStore(db).upsert(t).ok());
            QVERIFY(ArticleIngestor(db).ingest(articles).ok());
            ScoreWriter writer(db, **sentences, linker, *headlines);
            writer.setKeepsCorporateState(false);
            if (chunking.articles == 0) {
                // As `score --all` scored before: each article in turn, on this thread.
                Transaction tx(db);
                QSqlQuery q(QStringLiteral("SELECT id, title, summary, body FROM articles ORDER BY id"), db);
                while (q.next()) {
                    Article a;
                    a.title = q.value(1).toString();
                    a.summary = q.value(2).toString();
                    a.body = q.value(3).toString();
                    QList<TickerLink> links;
                    QSqlQuery l(db);
                    l.prepare(QStringLiteral("SELECT ticker, relevance FROM article_tickers WHERE article_id = ? "
                                             "ORDER BY relevance DESC, ticker"));
                    QVERIFY(execBound(l, {q.value(0)}).ok());
                    while (l.next())
                        links << TickerLink{l.value(0).toString(), TickerLink::relevanceFromStore(l.value(1).toDouble()), 0};
                    QVERIFY(writer.scoreArticle(q.value(0).toLongLong(), ArticleBounds::analysedPart(a), links).ok());
                }
                QVERIFY(tx.commit().ok());
            } else {
                QList<qint64> progress;
                auto done = ArticleRescorer(db, writer, chunking).run([&](qint64 n, qint64 total) {
                    QCOMPARE(total, qint64(articles.size()));
                    progress << n;
                });
                QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
                QCOMPARE(progress.last(), qint64(articles.size()));
                if (chunking.articles == 7)
                    QCOMPARE(progress.size(), int((articles.size() + 6) / 7));
                if (chunking.chars == 1000)
                    QVERIFY2(progress.size() > 25, QByteArray::number(progress.size()).constData());
            }
            results << articleScores(db);
            QVERIFY2(results.last().count('\n') > 150, QByteArray::number(results.last().count('\n')).constData());
        }
        for (qsizetype i = 1; i < results.size(); ++i)
            QCOMPARE(results.at(i), results.first());
    }
};

QTEST_GUILESS_MAIN(TestScoreStorage)
#include "tst_scorestorage.moc"
