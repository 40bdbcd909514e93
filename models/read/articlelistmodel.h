#pragma once

#include "read/articlepage.h"

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
    enum Role { ArticleIdRole = Qt::UserRole + 1, ScoreRole, LabelRole };
    static constexpr int kPageSize = 200;

    explicit ArticleListModel(QSqlDatabase db, QObject *parent = nullptr);

    const ArticleFilter &filter() const { return m_filter; }
    void setFilter(const ArticleFilter &filter);
    // Re-reads from the first page (after new rows were stored).
    void reload();
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

private:
    ArticlePageReader m_reader;
    ArticleFilter m_filter;
    QList<ArticleRow> m_rows;
    bool m_atEnd = false;
    QString m_lastError;
};

} // namespace tw
