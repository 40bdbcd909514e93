#include "ui/panels/articlehtml.h"

#include "ui/theme/themecolors.h"

#include "models/text/safetext.h"
#include "models/core/storetime.h"
#include "ui/panels/badge.h"

#include <QRegularExpression>
#include <QTextDocumentFragment>

#include <algorithm>

namespace tw {

namespace {
struct Mark {
    int start;
    int end;
    double weight;
    QString ticker;
};

QString escapeParagraphs(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(QStringLiteral("\n\n"), QStringLiteral("</p><p>"));
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}
} // namespace

QString ArticleHtml::toPlainText(const QString &maybeHtml)
{
    static const QRegularExpression tag(QStringLiteral("<\\s*/?\\s*[a-zA-Z][^>]*>"));
    if (!tag.match(maybeHtml).hasMatch())
        return maybeHtml;
    // Script and style bodies are code, not text.
    QString cleaned = maybeHtml;
    static const QRegularExpression code(QStringLiteral("<(script|style)[^>]*>.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    cleaned.remove(code);
    cleaned.remove(tag);
    // No tags are left, so the fragment has nothing to load; it only decodes entities.
    return QTextDocumentFragment::fromHtml(cleaned).toPlainText();
}

QString ArticleHtml::highlight(const QString &text, const QString &field, const QList<ArticleTickerScore> &scores)
{
    QList<Mark> marks;
    for (const ArticleTickerScore &s : scores) {
        for (const ScoreSpan &span : s.spans) {
            if (span.field.compare(field, Qt::CaseInsensitive) != 0)
                continue;
            int start = span.start;
            int end = span.end;
            // Offsets that do not point at the phrase (a re-normalised body)
            // fall back to finding the phrase itself.
            if (!span.text.isEmpty() && (start < 0 || text.mid(start, end - start) != span.text)) {
                start = int(text.indexOf(span.text, 0, Qt::CaseInsensitive));
                end = start < 0 ? -1 : start + int(span.text.size());
            }
            if (start < 0 || end > text.size() || end <= start)
                continue;
            marks << Mark{start, end, span.weight, s.ticker};
        }
    }
    std::sort(marks.begin(), marks.end(), [](const Mark &a, const Mark &b) { return a.start < b.start; });
    QString html;
    int pos = 0;
    for (const Mark &m : std::as_const(marks)) {
        if (m.start < pos)
            continue; // overlapping phrase: the first one wins
        html += escapeParagraphs(text.mid(pos, m.start - pos));
        const bool positive = m.weight >= 0;
        const ThemeColors &colors = ThemeColors::current();
        const QString background
            = (positive ? colors.highlightPositiveBackground : colors.highlightNegativeBackground).name();
        const QString foreground = (positive ? colors.highlightPositiveText : colors.highlightNegativeText).name();
        const QString tip = QStringLiteral("%1 weight %2").arg(m.ticker).arg(m.weight, 0, 'f', 2);
        html += QStringLiteral("<span class=\"%1\" style=\"background-color:%2; color:%3;\" title=\"%4\">%5</span>")
                    .arg(positive ? QStringLiteral("pos") : QStringLiteral("neg"), background, foreground,
                        tip.toHtmlEscaped(), escapeParagraphs(text.mid(m.start, m.end - m.start)));
        pos = m.end;
    }
    html += escapeParagraphs(text.mid(pos));
    return html;
}

QString ArticleHtml::render(const Article &article, const QList<ArticleTickerScore> &scores)
{
    // Controls and bidi overrides shown as marks, never acted on (one
    // character for one, so the score spans still point at their phrases).
    const QString title = displaySafe(toPlainText(article.title));
    const QString summary = displaySafe(toPlainText(article.summary), TextLines::MultiLine);
    const QString body = displaySafe(toPlainText(article.body), TextLines::MultiLine);
    QString html = QStringLiteral("<h2>%1</h2>").arg(highlight(title, QStringLiteral("title"), scores));
    QString meta = displaySafe(article.source).toHtmlEscaped();
    if (!article.author.isEmpty())
        meta += QStringLiteral(" · ") + displaySafe(article.author).toHtmlEscaped();
    meta += QStringLiteral(" · ") + article.published.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    html += QStringLiteral("<p style=\"color:%1;\">%2</p>").arg(ThemeColors::current().mutedText.name(), meta);
    if (!summary.isEmpty() && summary != body.left(summary.size()))
        html += QStringLiteral("<p><i>%1</i></p>").arg(highlight(summary, QStringLiteral("summary"), scores));
    html += QStringLiteral("<p>%1</p>").arg(highlight(body, QStringLiteral("body"), scores));
    return html;
}

} // namespace tw
