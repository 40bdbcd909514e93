#include "models/sentiment/headlinemodel.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QCryptographicHash>
#include <QFile>
#include <QTest>

using namespace tw;

// The headline model: reproducible training, a lossless file, sane labels.
class TestHeadlineModel : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;

    static QList<LabeledSentence> fixture()
    {
        auto parsed = parseLabeledSentences(
            QString::fromUtf8(twtest::readAll(twtest::fixture(QStringLiteral("sentiment/headlines-train.tsv")))));
        return parsed ? *parsed : QList<LabeledSentence>{};
    }

private slots:
    void trainingIsDeterministicAndTheFileRoundTrips()
    {
        auto rules = SentimentScorer::builtIn();
        QVERIFY(rules.ok());
        const auto sentences = fixture();
        QCOMPARE(sentences.size(), 18);
        const HeadlineModel a = HeadlineModel::train(sentences, **rules);
        const HeadlineModel b = HeadlineModel::train(sentences, **rules);
        QCOMPARE(a.serialize(), b.serialize());
        QVERIFY(a.vocabularySize() > 0);
        auto parsed = HeadlineModel::parse(a.serialize());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->serialize(), a.serialize());
        QCOMPARE(parsed->digest(), a.digest());
        const QString text = QStringLiteral("Acme to present at investor conference");
        const auto p = a.probabilities(text, (*rules)->score(text));
        const auto q = parsed->probabilities(text, (*rules)->score(text));
        for (size_t k = 0; k < 3; ++k)
            QCOMPARE(p[k], q[k]);
        QVERIFY(p[size_t(SentimentLabel::Neutral)] > p[size_t(SentimentLabel::Positive)]);
        QVERIFY(!HeadlineModel::parse(QStringLiteral("<bias>\t1\t2\n")).ok());
    }

    // The file keeps the number form of QString::number(d, 'f', 4), which the
    // shipped model's digest depends on: a tie rounds away from zero, -0 loses
    // its sign, a small negative keeps it. Models trained before still load
    // with the same digest.
    void numbersAreWrittenAsQtWritesThem()
    {
        const QString in = QStringLiteral("<bias>\t0.03125\t-0.03125\t-0\n"
                                          "<rule>\t-0.00003\t0.00004\t12.34565\n"
                                          "shares rise\t1e-9\t-1e-9\t  2.5 \n");
        auto model = HeadlineModel::parse(in);
        QVERIFY(model.ok());
        const QStringList lines = model->serialize().split(QLatin1Char('\n'));
        QVERIFY(lines.contains(QStringLiteral("<bias>\t0.0313\t-0.0313\t0.0000")));
        const float values[] = {0.03125f, -0.03125f, -0.0f, -0.00003f, 0.00004f, 12.34565f, 1e-9f, -1e-9f, 2.5f};
        QString expected;
        for (float v : values)
            expected += QString::number(double(v), 'f', 4) + QLatin1Char(' ');
        QString written;
        for (const QString &line : lines)
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')) && !line.startsWith(QLatin1String("<rule-")))
                for (const QString &cell : line.split(QLatin1Char('\t')).mid(1))
                    written += cell + QLatin1Char(' ');
        QCOMPARE(written, expected);
        QVERIFY(!HeadlineModel::parse(QStringLiteral("<bias>\t1\t2\tx3\n")).ok());
        QVERIFY(!HeadlineModel::parse(QStringLiteral("<bias>\t1\t2\t1e99\n")).ok());
    }

    void theShippedModelLabelsHeadlines()
    {
        auto rules = SentimentScorer::builtIn();
        auto model = HeadlineModel::builtIn();
        QVERIFY(rules.ok());
        QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.errorMessage()));
        QVERIFY((*model)->vocabularySize() > 1000);
        const auto bad = (*model)->score(**rules, u"Acme shares plunge after profit warning; regulators open probe");
        QCOMPARE(bad.label, SentimentLabel::Negative);
        QVERIFY(bad.score < 0);
        QVERIFY(!bad.spans.isEmpty());   // the rules' phrases still explain it
        const auto good = (*model)->score(**rules, u"Acme beats estimates and raises full-year outlook");
        QCOMPARE(good.label, SentimentLabel::Positive);
        const auto flat = (*model)->score(**rules, u"Acme to present at investor conference on Tuesday");
        QCOMPARE(flat.label, SentimentLabel::Neutral);
        QCOMPARE(flat.score, 0.0);
    }

    // The built-in model takes its digest from the file's bytes: that holds
    // only while the file is exactly what serialize() writes.
    void theShippedFileIsTheModelsOwnSerialization()
    {
        auto model = HeadlineModel::builtIn();
        QVERIFY(model.ok());
        QFile file(QStringLiteral(":/sentiment/headline-model.tsv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray shipped = file.readAll();
        QVERIFY(shipped == (*model)->serializeUtf8());
        auto parsed = HeadlineModel::parse(QString::fromUtf8(shipped));
        QVERIFY(parsed.ok());
        QCOMPARE((*model)->digest(), parsed->digest());
        QCOMPARE((*model)->digest(),
                 QString::fromLatin1(QCryptographicHash::hash(shipped, QCryptographicHash::Sha256).toHex().left(8)));
    }

    void trainCommandWritesTheSameFileTwice()
    {
        const QString train = twtest::fixture(QStringLiteral("sentiment/headlines-train.tsv"));
        const QString first = m_sandbox.filePath(QStringLiteral("a.tsv"));
        const QString second = m_sandbox.filePath(QStringLiteral("b.tsv"));
        const auto a = twtest::runCli({QStringLiteral("train-headlines"), train, QStringLiteral("--out"), first},
                                      m_sandbox.path());
        QCOMPARE(a.exitCode, 0);
        QVERIFY2(a.out.contains(QStringLiteral("18 headlines")), qPrintable(a.out));
        QCOMPARE(twtest::runCli({QStringLiteral("train-headlines"), train, QStringLiteral("--out"), second},
                                m_sandbox.path())
                     .exitCode,
                 0);
        QCOMPARE(twtest::sha256(first), twtest::sha256(second));
        QCOMPARE(twtest::runCli({QStringLiteral("train-headlines"), train}, m_sandbox.path()).exitCode, 2);
        const auto eval = twtest::runCli({QStringLiteral("eval"), QStringLiteral("--headlines"), train}, m_sandbox.path());
        QCOMPARE(eval.exitCode, 0);
        QVERIFY(eval.out.contains(QStringLiteral("+ headlines-")));
    }
};

QTEST_GUILESS_MAIN(TestHeadlineModel)
#include "tst_headlinemodel.moc"
