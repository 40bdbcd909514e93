#include "models/linking/linkingevaluation.h"

#include "models/directory/companydirectory.h"

#include <QRegularExpression>

namespace tw {

Result<LabelledSet> LabelledSet::parse(const QString &text)
{
    LabelledSet set;
    int lineNo = 0;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        ++lineNo;
        const QString line = raw.endsWith(QLatin1Char('\r')) ? raw.chopped(1) : raw;
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(QLatin1Char('#'))) {
            const QString comment = line.mid(1).trimmed();
            if (comment.startsWith(QLatin1String("watchlist:"), Qt::CaseInsensitive)) {
                for (const QString &t : comment.mid(10).split(QRegularExpression(QStringLiteral("[\\s,]+")),
                                                              Qt::SkipEmptyParts))
                    set.watchlist << CompanyDirectory::normalizedTicker(t);
            }
            continue;
        }
        QStringList cols = line.split(QLatin1Char('\t'));
        // A header line ("tickers<TAB>headline") is no item.
        if (set.items.isEmpty() && !cols.isEmpty()
            && QStringList{QStringLiteral("tickers"), QStringLiteral("ticker"), QStringLiteral("label"),
                           QStringLiteral("labels"), QStringLiteral("expected"), QStringLiteral("headline"),
                           QStringLiteral("title")}
                   .contains(cols.first().trimmed().toLower()))
            continue;
        // Tickers first, as written here; tickers last is read too.
        static const QRegularExpression tickerList(
            QStringLiteral("^(-|none|[A-Za-z][A-Za-z0-9.\\-]{0,7}([,;| ]+[A-Za-z][A-Za-z0-9.\\-]{0,7})*)?$"));
        const auto isList = [](const QString &c) {
            const QString t = c.trimmed();
            return tickerList.match(t).hasMatch() && (t.isEmpty() || t == QLatin1String("-")
                                                      || t.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0
                                                      || t == t.toUpper());
        };
        if (cols.size() >= 2 && !isList(cols.first()) && isList(cols.last()))
            cols.prepend(cols.takeLast());
        if (cols.size() < 2 || cols.size() > 3 || cols.at(1).trimmed().isEmpty() || !isList(cols.first()))
            return fail(QStringLiteral("line %1: expected TICKERS<TAB>HEADLINE[<TAB>LEAD]").arg(lineNo));
        LabelledText item;
        item.line = lineNo;
        const QString labels = cols.at(0).trimmed();
        if (labels != QLatin1String("-") && labels.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
            for (const QString &t : labels.split(QRegularExpression(QStringLiteral("[,;| ]+")), Qt::SkipEmptyParts))
                item.expected << CompanyDirectory::normalizedTicker(t);
        }
        item.expected.removeDuplicates();
        item.title = cols.at(1).trimmed();
        item.lead = cols.value(2).trimmed();
        set.items << item;
    }
    if (set.items.isEmpty())
        return fail(QStringLiteral("no labelled lines"));
    return set;
}

double LinkingScores::precision() const
{
    const int linked = truePositives + falsePositives;
    return linked == 0 ? 1.0 : double(truePositives) / linked;
}

double LinkingScores::recall() const
{
    const int labelled = truePositives + falseNegatives;
    return labelled == 0 ? 1.0 : double(truePositives) / labelled;
}

double LinkingScores::f1() const
{
    const double p = precision();
    const double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

LinkingScores LinkingScores::measure(const EntityLinker &linker, const QList<LabelledText> &items)
{
    LinkingScores scores;
    for (const LabelledText &item : items) {
        ++scores.items;
        if (item.expected.isEmpty())
            ++scores.traps;
        Article a;
        a.title = item.title;
        a.summary = item.lead;
        QStringList linked;
        for (const TickerLink &l : linker.link(a))
            linked << l.ticker;
        for (const QString &t : item.expected) {
            if (linked.contains(t)) {
                ++scores.truePositives;
            } else {
                ++scores.falseNegatives;
                scores.misses << LinkingMiss{item, t, false};
            }
        }
        for (const QString &t : linked) {
            if (!item.expected.contains(t)) {
                ++scores.falsePositives;
                scores.misses << LinkingMiss{item, t, true};
            }
        }
    }
    return scores;
}

} // namespace tw
