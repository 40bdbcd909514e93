#include "ui/panels/emptystate.h"

#include <QLabel>

namespace tw {

EmptyStateStack::EmptyStateStack(QWidget *content, QWidget *parent)
    : QStackedWidget(parent)
    , m_message(new QLabel(this))
{
    m_message->setObjectName(QStringLiteral("emptyState"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(16);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    addWidget(content);
    addWidget(m_message);
}

void EmptyStateStack::showContent()
{
    setCurrentIndex(0);
}

void EmptyStateStack::showMessage(const QString &message)
{
    m_message->setText(message);
    setCurrentIndex(1);
}

bool EmptyStateStack::isShowingMessage() const
{
    return currentIndex() == 1;
}

QString EmptyStateStack::message() const
{
    return isShowingMessage() ? m_message->text() : QString();
}

} // namespace tw
