#include "ui/dialogs/helpdialog.h"

#include "models/events/eventtypes.h"
#include "models/scoring/corporatescorer.h"
#include "ui/panels/kindicon.h"
#include "ui/theme/themecolors.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tw {

namespace {
// An article's label threshold (models/scoring/articlescorer.cpp,
// kLabelThreshold): an article's mean sentence score at or beyond ±0.15
// is labelled positive or negative.
constexpr double kArticleLabelThreshold = 0.15;

// The corporate labels' bands, read off corporateScoreLabel itself so the
// page says what the code does: [(from, to, label)].
struct Band {
    int from;
    int to;
    QString label;
};
QList<Band> corporateBands()
{
    QList<Band> bands;
    for (int s = 0; s <= 100; ++s) {
        const QString label = corporateScoreLabel(s);
        if (bands.isEmpty() || bands.constLast().label != label)
            bands << Band{s, s, label};
        else
            bands.last().to = s;
    }
    return bands;
}
} // namespace

HelpDialog::HelpDialog(QWidget *parent) : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("helpDialog"));
    setWindowTitle(tr("Tickerwire Help"));
    m_browser->setOpenExternalLinks(false);
    m_browser->setOpenLinks(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(720, 640);
    render();
}

void HelpDialog::render()
{
    for (const QString &kind : allEventKindIds())
        m_browser->document()->addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("kind:") + kind),
                                           eventKindImage(kind, 16, devicePixelRatioF()));
    m_browser->setHtml(pageHtml());
}

void HelpDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        render();   // colours named in the page follow the theme
    QDialog::changeEvent(event);
}

QString HelpDialog::pageHtml()
{
    const ThemeColors &c = ThemeColors::current();
    const QList<Band> bands = corporateBands();
    Band somewhat{55, 64, QString()};
    for (const Band &b : bands) {
        if (b.label.compare(QLatin1String("Somewhat bullish"), Qt::CaseInsensitive) == 0)
            somewhat = b;
    }
    QString html;
    html += QStringLiteral("<h2>%1</h2>").arg(tr("Reading Tickerwire's numbers"));
    html += tr("<p>Tickerwire reads the news about the companies you follow and scores it. Three different "
               "numbers come out of that, on three scales. They answer different questions, so they are never "
               "mixed on one axis.</p>");

    html += QStringLiteral("<h3>%1</h3>").arg(tr("1. Article sentiment: −1 to +1"));
    html += tr("<p>The coloured badge beside each article in the Articles list, and the score in the reader. It "
               "says how positive or negative <i>one article</i> is about the company: −1 is as negative as "
               "the wording gets, 0 is neutral or balanced, +1 is as positive as it gets. Articles from "
               "%1 upwards are labelled <b>positive</b>, from −%1 downwards <b>negative</b>; anything between "
               "is <b>neutral</b> (most articles mix good and bad news, so their mean is damped toward 0).</p>")
                .arg(QString::number(kArticleLabelThreshold, 'f', 2));
    html += tr("<p>In the reader, the phrases that moved the score are highlighted: "
               "<span style=\"background-color:%1; color:%2;\">&nbsp;green pushed it up&nbsp;</span>, "
               "<span style=\"background-color:%3; color:%4;\">&nbsp;red pushed it down&nbsp;</span>.</p>")
                .arg(c.highlightPositiveBackground.name(), c.highlightPositiveText.name(),
                     c.highlightNegativeBackground.name(), c.highlightNegativeText.name());

    html += QStringLiteral("<h3>%1</h3>").arg(tr("2. Corporate score: 0 to 100"));
    html += tr("<p>The number in the watchlist and the purple line on the chart (right-hand axis). It sums up "
               "<i>the recent news about a company</i>: 50 is neutral, above 50 the news leans bullish, below "
               "50 bearish. Recent, relevant, confident stories count most; a story's weight halves every "
               "half-life (1 day for the short term, 1 week for the medium term shown by default, 30 days for "
               "the long term). The same story syndicated by several outlets counts once.</p>");
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><tr><th>%1</th><th>%2</th></tr>")
                .arg(tr("Score"), tr("Label"));
    for (const Band &b : bands)
        html += QStringLiteral("<tr><td align=\"center\">%1–%2</td><td>%3</td></tr>")
                    .arg(b.from)
                    .arg(b.to)
                    .arg(b.label.toHtmlEscaped());
    html += QStringLiteral("</table>");
    html += tr("<p>Scores are rounded before labelling, so 54.6 shows as \"55 Somewhat bullish\".</p>");

    html += QStringLiteral("<h3>%1</h3>").arg(tr("3. \"Somewhat bullish\" and \"Somewhat bearish\""));
    html += tr("<p>These are the corporate score's middle bands, not a separate scale: the news leans one way, "
               "but not strongly. \"Somewhat bullish\" means a score from %1 to %2 — more good news than bad, "
               "with mixed or weak evidence. It is not a forecast of the price and not a recommendation.</p>")
                .arg(somewhat.from)
                .arg(somewhat.to);

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Evidence and \"insufficient news\""));
    html += tr("<p>A score is only as good as the news behind it. Every corporate score is pulled toward the "
               "neutral 50 by a prior worth %1 fresh, fully relevant stories, so one article cannot make a "
               "company \"Bullish\". When there are fewer than %2 distinct stories in the last five half-lives, "
               "or their combined weight is below %3 of one fresh, fully relevant story, Tickerwire shows "
               "<b>insufficient news</b> (\"—\") instead of a number, with the reason in the tooltip.</p>")
                .arg(kNeutralPriorWeight)
                .arg(kMinStories)
                .arg(kMinEvidence);
    html += tr("<p>On the chart, days without enough evidence have <b>no score line</b>: the line stops and "
               "starts again, it does not fall back to 50. The read-out above the chart gives the score as it "
               "stood at the end of the day under the cursor, how many stories it rests on and the date of the "
               "newest one.</p>");

    html += QStringLiteral("<h3>%1</h3>").arg(tr("The chart's marks"));
    html += tr("<p>Candles are daily prices on trading days only (weekends and holidays take no room); green "
               "closed up, red closed down; volume along the bottom. Events extracted from the news sit above "
               "the day's candle, one lettered mark per event (the Timeline uses the same marks). Hover a mark "
               "to see the event, its amount and the outlets that reported it; click it to select it in the "
               "Timeline, which draws a dashed line at its date.</p><table cellpadding=\"2\">");
    for (EventKind kind : EventKinds::all()) {
        const QString id = eventKindId(kind);
        html += QStringLiteral("<tr><td><img src=\"kind:%1\" width=\"16\" height=\"16\"></td><td><b>%2</b></td>"
                               "<td>%3</td></tr>")
                    .arg(id, eventKindStyle(id).name.toHtmlEscaped(),
                         QString::fromLatin1(describeEventKind(kind).label).toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    html += tr("<p>Prices marked <b>SYNTHETIC DEMO PRICES</b> are generated for the demo workspace and are not "
               "market data.</p>");
    return html;
}

HelpDialog *HelpDialog::showHelp(QWidget *anchor)
{
    QWidget *window = anchor ? anchor->window() : nullptr;
    auto *dialog = window ? window->findChild<HelpDialog *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (!dialog) {
        dialog = new HelpDialog(window);   // owned by the window, kept for the next F1
        dialog->setModal(false);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace tw
