#pragma once

#include "ui/panels/panel.h"

#include <QSqlDatabase>
#include <QUrl>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tw {

class EmptyStateStack;
class SafeTextBrowser;
class SelectionModel;

// The open article: sanitised text with the phrases that drove its scores
// highlighted, the per-ticker scores, and a way out to the browser.
class ReaderPanel : public Panel {
    Q_OBJECT

public:
    ReaderPanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent = nullptr);

    SafeTextBrowser *browser() const { return m_browser; }
    QTableWidget *scoreTable() const { return m_scores; }
    qint64 articleId() const { return m_articleId; }
    QString emptyMessage() const;

    // The open article, a row per linked ticker with its score.
    Result<ExportQuery> exportQuery() const override;
    QString exportName() const override;

public slots:
    void showArticle(qint64 articleId);
    void reload() override;
    // The reader follows the ticker: an open article that does not mention
    // `ticker` gives way to the newest one that does, or to an empty state.
    void followTicker(const QString &ticker);

private:
    qint64 m_articleId = 0;
    QString m_noArticleFor;   // the ticker no stored article mentions, for the empty state
    QUrl m_url;
    EmptyStateStack *m_stack;
    SafeTextBrowser *m_browser;
    QTableWidget *m_scores;
    QPushButton *m_open;
};

} // namespace tw
