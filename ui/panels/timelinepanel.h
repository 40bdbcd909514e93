#pragma once

#include "ui/panels/panel.h"

#include <QSqlDatabase>
#include <QWidget>

class QLabel;
class QListWidget;
class QTreeWidget;

namespace tw {

class EmptyStateStack;
class SelectionModel;

// The extracted events of the current ticker, newest first. Choosing one
// marks its date on the chart and lists the articles that reported it;
// choosing one of those opens it in the reader.
class TimelinePanel : public Panel {
    Q_OBJECT

public:
    TimelinePanel(QSqlDatabase db, SelectionModel *selection, QWidget *parent = nullptr);

    QTreeWidget *events() const { return m_events; }
    QListWidget *sources() const { return m_sources; }
    QString emptyMessage() const;

    // The events listed (of the current ticker, or all), a row per source article.
    Result<ExportQuery> exportQuery() const override;
    QString exportName() const override;

public slots:
    void reload() override;
    // Makes `eventId` the current row (0: none), as a click on it would.
    void selectEvent(qint64 eventId);

private:
    void showSources(qint64 eventId);
    void showSourceList(bool shown);

    QTreeWidget *m_events;
    QListWidget *m_sources;
    QLabel *m_sourcesHint;
    EmptyStateStack *m_stack;
};

} // namespace tw
