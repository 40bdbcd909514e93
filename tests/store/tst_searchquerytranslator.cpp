#include "models/store/searchquerytranslator.h"

#include <QTest>

using namespace tw;

// The user's search syntax, translated to FTS5 MATCH (SQLite) and to_tsquery
// (PostgreSQL). The store suite checks that both find the same articles; this
// one pins the translation itself and its error messages.
class TestSearchQueryTranslator : public QObject {
    Q_OBJECT

private slots:
    void translates_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("fts5");
        QTest::addColumn<QString>("tsquery");
        QTest::newRow("word") << "capex" << "\"capex\"" << "capex";
        QTest::newRow("case") << "Capex" << "\"capex\"" << "capex";
        QTest::newRow("implicit and") << "meta capex" << "(\"meta\" AND \"capex\")" << "(meta & capex)";
        QTest::newRow("explicit and") << "meta AND capex" << "(\"meta\" AND \"capex\")" << "(meta & capex)";
        QTest::newRow("or") << "spark OR capex" << "(\"spark\" OR \"capex\")" << "(spark | capex)";
        QTest::newRow("not") << "meta NOT capex" << "(\"meta\" NOT \"capex\")" << "(meta & !capex)";
        QTest::newRow("and not") << "meta AND NOT capex" << "(\"meta\" NOT \"capex\")" << "(meta & !capex)";
        QTest::newRow("two nots") << "meta NOT capex NOT llama"
                                  << "((\"meta\" NOT \"capex\") NOT \"llama\")" << "(meta & !capex & !llama)";
        QTest::newRow("phrase") << "\"muse spark\"" << "\"muse spark\"" << "(muse <-> spark)";
        QTest::newRow("prefix") << "cap*" << "\"cap\"*" << "cap:*";
        QTest::newRow("phrase prefix") << "\"muse spa\"*" << "\"muse spa\"*" << "(muse <-> spa:*)";
        QTest::newRow("precedence: AND binds tighter than OR")
            << "a b OR c" << "((\"a\" AND \"b\") OR \"c\")" << "((a & b) | c)";
        QTest::newRow("parentheses") << "meta (capex OR guidance)"
                                     << "(\"meta\" AND (\"capex\" OR \"guidance\"))" << "(meta & (capex | guidance))";
        QTest::newRow("not a group") << "meta NOT (capex OR llama)"
                                     << "(\"meta\" NOT (\"capex\" OR \"llama\"))" << "(meta & !(capex | llama))";
        QTest::newRow("punctuation splits a word into a phrase") << "AT&T" << "\"at t\"" << "(at <-> t)";
        QTest::newRow("operator words in lower case are words") << "buy or sell"
            << "(\"buy\" AND \"or\" AND \"sell\")" << "(buy & or & sell)";
        QTest::newRow("syntax characters cannot escape") << "meta's \"capex:*\" ^x"
            << "(\"meta s\" AND \"capex\" AND \"x\")" << "((meta <-> s) & capex & x)";
        QTest::newRow("accents kept") << "Zürich" << "\"zürich\"" << "zürich";
        QTest::newRow("lone punctuation ignored") << "meta - capex" << "(\"meta\" AND \"capex\")" << "(meta & capex)";
    }

    void translates()
    {
        QFETCH(QString, query);
        QFETCH(QString, fts5);
        QFETCH(QString, tsquery);
        auto f = SearchQueryTranslator::toFts5(query);
        QVERIFY2(f.ok(), qPrintable(f.ok() ? QString() : f.errorMessage()));
        QCOMPARE(*f, fts5);
        auto t = SearchQueryTranslator::toTsQuery(query);
        QVERIFY(t.ok());
        QCOMPARE(*t, tsquery);
        QCOMPARE(*SearchQueryTranslator::translate(query, SqlDialect::Postgres), tsquery);
        QCOMPARE(*SearchQueryTranslator::translate(query, SqlDialect::Sqlite), fts5);
    }

    void refusesMalformedQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << "" << "no words";
        QTest::newRow("only punctuation") << "&& --" << "no words";
        QTest::newRow("unclosed quote") << "\"muse spark" << "unclosed quote";
        QTest::newRow("empty phrase") << "meta \"\"" << "empty phrase";
        QTest::newRow("leading NOT") << "NOT capex" << "NOT needs something to exclude from";
        QTest::newRow("trailing NOT") << "meta NOT" << "NOT needs a word after it";
        QTest::newRow("trailing OR") << "meta OR" << "OR needs a word on both sides";
        QTest::newRow("leading OR") << "OR meta" << "OR needs a word on both sides";
        QTest::newRow("leading AND") << "AND meta" << "AND needs a word on both sides";
        QTest::newRow("trailing AND") << "meta AND" << "AND needs a word after it";
        QTest::newRow("unclosed paren") << "(meta capex" << "unclosed '('";
        QTest::newRow("stray paren") << "meta) capex" << "unmatched ')'";
        QTest::newRow("empty parens") << "meta ()" << "empty parentheses";
    }

    void refusesMalformedQueries()
    {
        QFETCH(QString, query);
        QFETCH(QString, message);
        for (const SqlDialect d : {SqlDialect::Sqlite, SqlDialect::Postgres}) {
            auto r = SearchQueryTranslator::translate(query, d);
            QVERIFY2(!r.ok(), qPrintable(query));
            QVERIFY2(r.errorMessage().contains(message), qPrintable(r.errorMessage()));
        }
    }
};

QTEST_GUILESS_MAIN(TestSearchQueryTranslator)
#include "tst_searchquerytranslator.moc"
