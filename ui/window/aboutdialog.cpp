#include "ui/window/aboutdialog.h"

#include "models/core/version.h"

#include "models/store/sqliteversion.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QVBoxLayout>

namespace tw {

AboutDialog::AboutDialog(const QString &storeLocation, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Tickerwire"));
    const QString sqlite = sqliteLibraryVersion();
    m_details = tr("Tickerwire %1\n"
                   "Store: %2\n"
                   "Qt: %3 (built with %4)\n"
                   "SQLite: %5")
                    .arg(QStringLiteral(TICKERWIRE_VERSION), storeLocation, QString::fromLatin1(qVersion()),
                         QStringLiteral(QT_VERSION_STR), sqlite.isEmpty() ? tr("driver not available") : sqlite);

    auto *title = new QLabel(QStringLiteral("<h2>Tickerwire %1</h2><p>%2</p>")
                                 .arg(QStringLiteral(TICKERWIRE_VERSION).toHtmlEscaped(),
                                      tr("Market and news terminal for equity analysts.")),
                             this);
    auto *details = new QLabel(m_details, this);
    details->setObjectName(QStringLiteral("aboutDetails"));
    details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(details);
    layout->addWidget(buttons);
}

} // namespace tw
