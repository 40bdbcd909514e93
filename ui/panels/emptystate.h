#pragma once

#include "models/core/result.h"

#include <QList>
#include <QStackedWidget>

class QLabel;

namespace tw {

// A panel's content with a message in its place while there is nothing to
// show ("No events extracted yet"), so no dock is ever a blank rectangle.
class EmptyStateStack : public QStackedWidget {
    Q_OBJECT

public:
    EmptyStateStack(QWidget *content, QWidget *parent = nullptr);

    void showContent();
    void showMessage(const QString &message);
    // After reading a panel's rows: the error (put into `whenFailed`'s %1) or
    // `whenEmpty` in the content's place, or the content when there are rows.
    // True when there are rows to fill in.
    template <typename Row>
    bool showRows(const Result<QList<Row>> &rows, const QString &whenEmpty,
                  const QString &whenFailed = QStringLiteral("%1"))
    {
        if (!rows)
            showMessage(whenFailed.arg(rows.errorMessage()));
        else if (rows->isEmpty())
            showMessage(whenEmpty);
        else
            showContent();
        return rows && !rows->isEmpty();
    }
    bool isShowingMessage() const;
    QString message() const;

private:
    QLabel *m_message;
};

} // namespace tw
