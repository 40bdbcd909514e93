#include "ui/panels/readerpanel.h"

#include "ui/panels/articlehtml.h"
#include "ui/panels/badge.h"
#include "ui/panels/emptystate.h"
#include "ui/panels/safetextbrowser.h"
#include "ui/panels/selectionmodel.h"
#include "models/read/articlepage.h"
#include "models/read/articlescorereader.h"
#include "models/store/articlestore.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tw {

ReaderPanel::ReaderPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent)
    : Panel(std::move(db), selection, parent)
    , m_browser(new SafeTextBrowser(this))
    , m_scores(new QTableWidget(0, 4, this))
    , m_open(new QPushButton(tr("Open in browser"), this))
{
    setObjectName(QStringLiteral("readerPanel"));
    m_scores->setHorizontalHeaderLabels({tr("Ticker"), tr("Score"), tr("Label"), tr("Confidence")});
    m_scores->verticalHeader()->hide();
    m_scores->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_scores->setSelectionMode(QAbstractItemView::NoSelection);
    m_scores->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_scores->setShowGrid(false);
    m_open->setEnabled(false);

    auto *content = new QWidget(this);
    auto *inner = new QVBoxLayout(content);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->addWidget(m_browser, 1);
    inner->addWidget(m_scores);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    inner->addLayout(buttons);
    m_stack = new EmptyStateStack(content, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_stack);

    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_url.isValid() && (m_url.scheme() == QLatin1String("https") || m_url.scheme() == QLatin1String("http")))
            QDesktopServices::openUrl(m_url);
    });
    connect(m_selection, &SelectionModel::articleChanged, this, &ReaderPanel::showArticle);
    connect(m_selection, &SelectionModel::tickerChanged, this, &ReaderPanel::followTicker);
    addExportAction(m_scores);
    showArticle(m_selection->articleId());
}

Result<ExportQuery> ReaderPanel::exportQuery() const
{
    if (m_articleId <= 0)
        return fail(tr("Open an article to export it."));
    return ExportQuery::article(m_articleId);
}

QString ReaderPanel::exportName() const
{
    return QStringLiteral("article-%1.csv").arg(m_articleId);
}

QString ReaderPanel::emptyMessage() const
{
    return m_stack->message();
}

void ReaderPanel::reload()
{
    if (m_articleId > 0)
        showArticle(m_articleId);
}

void ReaderPanel::followTicker(const QString &ticker)
{
    if (ticker.isEmpty())
        return;
    if (m_articleId > 0) {
        if (auto scores = ArticleScoreReader(m_db).scores(m_articleId)) {
            for (const ArticleTickerScore &s : std::as_const(*scores)) {
                if (s.ticker == ticker)
                    return;   // the open article is about this ticker too
            }
        }
    }
    ArticleFilter newest;
    newest.ticker = ticker;
    auto page = ArticlePageReader(m_db).page(newest, std::nullopt, 1);
    if (page && !page->isEmpty()) {
        m_selection->setArticle(page->first().id);
        return;
    }
    m_noArticleFor = ticker;
    if (m_selection->articleId() == 0)
        showArticle(0);
    else
        m_selection->setArticle(0);
}

void ReaderPanel::showArticle(qint64 articleId)
{
    m_articleId = articleId;
    if (articleId <= 0) {
        m_stack->showMessage(m_noArticleFor.isEmpty()
                                 ? tr("Select an article to read it here.")
                                 : tr("No stored article mentions %1 yet.").arg(m_noArticleFor));
        return;
    }
    m_noArticleFor.clear();
    auto article = ArticleStore(m_db).byId(articleId);
    if (!article || !article->has_value()) {
        m_stack->showMessage(article ? tr("This article is no longer in the store.") : article.errorMessage());
        return;
    }
    const Article &a = **article;
    auto scores = ArticleScoreReader(m_db).scores(articleId);
    const QList<ArticleTickerScore> list = scores ? *scores : QList<ArticleTickerScore>();
    m_browser->setHtml(ArticleHtml::render(a, list));
    m_url = QUrl(a.url, QUrl::StrictMode);
    m_open->setEnabled(m_url.isValid() && !m_url.host().isEmpty());
    m_open->setToolTip(a.url);

    m_scores->setRowCount(int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        const ArticleTickerScore &s = list.at(i);
        m_scores->setItem(i, 0, new QTableWidgetItem(s.ticker));
        auto *score = new QTableWidgetItem(s.scored ? QString::asprintf("%+.2f", s.score) : tr("not scored"));
        auto *label = new QTableWidgetItem(s.label);
        if (s.scored) {
            score->setForeground(sentimentTextColor(s.label, s.score));
            label->setForeground(sentimentTextColor(s.label, s.score));
        }
        m_scores->setItem(i, 1, score);
        m_scores->setItem(i, 2, label);
        m_scores->setItem(i, 3, new QTableWidgetItem(s.scored ? QString::number(s.confidence, 'f', 2) : QString()));
        m_scores->item(i, 0)->setToolTip(tr("Relevance %1 of 100").arg(qRound(s.relevance * 100)));
    }
    m_scores->setVisible(!list.isEmpty());
    // As tall as its rows (up to five), so the article keeps the space.
    const int rows = std::min<int>(int(list.size()), 5);
    m_scores->setFixedHeight(
        m_scores->horizontalHeader()->height() + rows * m_scores->verticalHeader()->defaultSectionSize() + 4);
    m_stack->showContent();
}

} // namespace tw
