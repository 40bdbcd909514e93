#include "ui/export/exportlocation.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace tw {

namespace {
QString settingsKey(const QString &panelKey)
{
    return QStringLiteral("export/folders/") + (panelKey.isEmpty() ? QStringLiteral("other") : panelKey);
}
} // namespace

QString ExportLocation::datedName(const QString &name, const QDate &day)
{
    const QFileInfo info(name);
    const QString suffix = info.suffix().isEmpty() ? QStringLiteral("csv") : info.suffix();
    return QStringLiteral("%1-%2.%3").arg(info.completeBaseName(), day.toString(Qt::ISODate), suffix);
}

QString ExportLocation::suggestedPath(const QString &panelKey, const QString &fileName)
{
    QString folder = QSettings().value(settingsKey(panelKey)).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // A dialog started in a folder that does not exist opens the working
    // directory instead: fall back to home rather than there.
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    return QDir(folder).filePath(fileName);
}

void ExportLocation::remember(const QString &panelKey, const QString &chosenPath)
{
    QSettings().setValue(settingsKey(panelKey), QFileInfo(chosenPath).absolutePath());
}

} // namespace tw
