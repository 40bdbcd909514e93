#include "ui/dialogs/companycompleter.h"

#include "models/directory/companydirectory.h"

#include <QAbstractItemView>
#include <QLineEdit>
#include <QStandardItemModel>

namespace tw {

CompanyCompleter::CompanyCompleter(QLineEdit *edit)
    : QCompleter(edit), m_model(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("companyCompleter"));
    setModel(m_model);
    setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    // The popup shows the whole line; choosing one puts only its ticker in the box.
    setCompletionRole(Qt::UserRole);
    setCaseSensitivity(Qt::CaseInsensitive);
    setMaxVisibleItems(10);
    edit->setCompleter(this);
    connect(edit, &QLineEdit::textEdited, this, &CompanyCompleter::update);
}

QString CompanyCompleter::tickerOf(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype gap = trimmed.indexOf(QStringLiteral("  "));
    return gap > 0 ? trimmed.left(gap) : trimmed;
}

QString CompanyCompleter::resolve(const QString &typed)
{
    const CompanyDirectory &dir = CompanyDirectory::builtIn();
    const QString ticker = tickerOf(typed);
    if (dir.byTicker(ticker))
        return CompanyDirectory::normalizedTicker(ticker);
    const auto best = dir.complete(typed, 1);
    return best.isEmpty() ? QString() : best.first()->ticker();
}

QStringList CompanyCompleter::suggestions(const QString &typed, int limit)
{
    QStringList lines;
    for (const CompanyRecord *c : CompanyDirectory::builtIn().complete(typed, limit))
        lines << (c->exchange.isEmpty() ? QStringLiteral("%1  %2").arg(c->ticker(), c->name)
                                        : QStringLiteral("%1  %2 · %3").arg(c->ticker(), c->name, c->exchange));
    return lines;
}

void CompanyCompleter::update(const QString &typed)
{
    m_model->clear();
    if (typed.trimmed().isEmpty()) {
        popup()->hide();
        return;
    }
    for (const QString &line : suggestions(typed)) {
        auto *item = new QStandardItem(line);
        item->setData(tickerOf(line), Qt::UserRole);
        m_model->appendRow(item);
    }
    if (m_model->rowCount() == 0) {
        popup()->hide();
        return;
    }
    setCompletionPrefix(QString());
    complete();
}

} // namespace tw
