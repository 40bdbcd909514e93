#pragma once

#include "ui/panels/panel.h"

#include <QSqlDatabase>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tw {

class EmptyStateStack;

// Every configured feed with its last success, last error and next fetch.
// "Retry now" makes the selected feed due immediately and asks for it
// (retryRequested); the window's background fetcher then fetches it at once.
class FeedStatusPanel : public Panel {
    Q_OBJECT

public:
    explicit FeedStatusPanel(QSqlDatabase db, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QString emptyMessage() const;

    // Every configured feed, as listed.
    Result<ExportQuery> exportQuery() const override;
    QString exportName() const override;
    // "Retry now" then fetches the feed at once.
    void attachFetcher(BackgroundFetcher *fetcher) override;
    // The fetch under way, shown above the list: "Fetching 3/12 feeds…".
    QString progressText() const;

public slots:
    void reload() override;
    bool retryNow(qint64 feedId);
    // A fetch's progress (feeds done of total); total 0 while it starts.
    void showFetchProgress(int done, int total);
    // The fetch ended: `summary` ("12 feeds, 40 new articles, 1 failed") stays shown.
    void showFetchFinished(const QString &summary);
    // Why nothing is fetched in this session, shown where the progress would be.
    void showFetchingOff(const QString &reason);

signals:
    void retryRequested(qint64 feedId);

private:
    QTableWidget *m_table;
    EmptyStateStack *m_stack;
    QPushButton *m_retry;
    QLabel *m_progressText;
    QProgressBar *m_progress;
};

} // namespace tw
