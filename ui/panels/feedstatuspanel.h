#pragma once

#include <QSqlDatabase>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace tw {

class EmptyStateStack;

// Every configured feed with its last success, last error and next fetch.
// "Retry now" makes the selected feed due immediately and asks for it
// (retryRequested); the window's background fetcher then fetches it at once.
class FeedStatusPanel : public QWidget {
    Q_OBJECT

public:
    explicit FeedStatusPanel(QSqlDatabase db, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QString emptyMessage() const;

public slots:
    void reload();
    bool retryNow(qint64 feedId);

signals:
    void retryRequested(qint64 feedId);

private:
    QSqlDatabase m_db;
    QTableWidget *m_table;
    EmptyStateStack *m_stack;
    QPushButton *m_retry;
};

} // namespace tw
