#pragma once

#include "models/read/articlepage.h"

#include <QAbstractTableModel>

namespace tw {

// The article list as a lazily loading table: it holds only the pages the
// view has scrolled to, fetching the next one (by keyset, see ArticleCursor)
// when the view asks through canFetchMore/fetchMore. A store of a million
// articles therefore opens with one page read.
class ArticleListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Time, Source, Tickers, Title, Sentiment, ColumnCount };
    enum Role {
        ArticleIdRole = Qt::UserRole + 1,
        ScoreRole,
        LabelRole,
        // With a search: the title with its matched terms marked, and the
        // words around the best match (splitMarkedText); null otherwise.
        MarkedTitleRole,
        SnippetRole,
    };
    static constexpr int kPageSize = 200;

    explicit ArticleListModel(QSqlDatabase db, QObject *parent = nullptr);

    const ArticleFilter &filter() const { return m_filter; }
    void setFilter(const ArticleFilter &filter);
    // Re-reads from the first page.
    void reload();
    // After new rows were stored: puts each row stored since the last read
    // where it belongs among the pages already read (on top, or further down
    // for a story published earlier but fetched later), keeping the view's
    // scroll position; rows below the pages read come with the next page.
    // Falls back to reload() when that is not possible (a search, another
    // order than newest first, or more than a page of new rows).
    void refreshNewest();
    // How many articles the filter matches in the store (-1 when the count
    // failed), however many pages are loaded.
    qint64 totalCount() const { return m_total; }
    // Whether sort() can order by `column` (Time, Title and Source: each has
    // an index to page on; tickers and sentiment are computed per row).
    static bool isSortable(int column);
    // The last read error, empty when the last read worked.
    const QString &lastError() const { return m_lastError; }
    qint64 articleId(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    void loadFailed(const QString &message);
    void totalCountChanged(qint64 count);

private:
    ArticlePageReader m_reader;
    ArticleFilter m_filter;
    QList<ArticleRow> m_rows;
    bool m_atEnd = false;
    qint64 m_seenId = 0;   // the newest article id in the store when last read
    qint64 m_total = -1;
    QString m_lastError;
};

} // namespace tw
