#include "models/text/sentencesplitter.h"

#include <QTest>

using namespace tw;

class TestSentenceSplitter : public QObject {
    Q_OBJECT

private slots:
    void splits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain") << QStringLiteral("Meta rose. Alphabet fell!  Why? Nobody knows.")
                               << QStringList{QStringLiteral("Meta rose."), QStringLiteral("Alphabet fell!"),
                                              QStringLiteral("Why?"), QStringLiteral("Nobody knows.")};
        QTest::newRow("numbers and abbreviations")
            << QStringLiteral("Meta Platforms Inc. spent $72.5 billion in the U.S. and abroad. Sales rose 5.2 %.")
            << QStringList{QStringLiteral("Meta Platforms Inc. spent $72.5 billion in the U.S. and abroad."),
                           QStringLiteral("Sales rose 5.2 %.")};
        QTest::newRow("paragraphs without a full stop")
            << QStringLiteral("A headline-like line\n\nThe body starts here.")
            << QStringList{QStringLiteral("A headline-like line"), QStringLiteral("The body starts here.")};
        QTest::newRow("quotes") << QStringLiteral("\"It is a ground-up overhaul.\" Analysts agreed.")
                                << QStringList{QStringLiteral("\"It is a ground-up overhaul.\""),
                                               QStringLiteral("Analysts agreed.")};
        QTest::newRow("lowercase continuation") << QStringLiteral("Shares rose approx. nine percent.")
                                                << QStringList{QStringLiteral("Shares rose approx. nine percent.")};
        QTest::newRow("no final stop") << QStringLiteral("Muse Spark launches") << QStringList{QStringLiteral("Muse Spark launches")};
        QTest::newRow("empty") << QString() << QStringList{};
    }

    void splits()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QStringList got;
        for (const SentenceSpan &s : SentenceSplitter::split(text))
            got << text.mid(s.start, s.length);
        QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestSentenceSplitter)
#include "tst_sentencesplitter.moc"
