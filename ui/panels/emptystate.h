#pragma once

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
    bool isShowingMessage() const;
    QString message() const;

private:
    QLabel *m_message;
};

} // namespace tw
