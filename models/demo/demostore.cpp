#include "models/demo/demostore.h"

#include "models/demo/demoworkspace.h"
#include "models/store/migrations/migration.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace tw {

QString DemoStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo.db"));
}

QByteArray DemoStore::bundledDigest()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *resource : {":/demo/articles.json", ":/workspace/tickers.json", ":/sentiment/lexicon.tsv",
                                 ":/sentiment/headline-model.tsv", ":/directory/companies.tsv"}) {
        QFile f(QString::fromLatin1(resource));
        if (f.open(QIODevice::ReadOnly))
            hash.addData(f.readAll());
    }
    hash.addData(QByteArray::number(latestSchemaVersion()));
    hash.addData(DemoWorkspace::syntheticSeriesEnd().toString(Qt::ISODate).toUtf8());
    return hash.result().toHex().left(32);
}

Result<DemoStore::Opened> DemoStore::open(const QString &path, const QString &connectionName)
{
    const QString digestPath = path + QStringLiteral(".digest");
    const QByteArray wanted = bundledDigest();
    QFile digestFile(digestPath);
    const QByteArray have = digestFile.open(QIODevice::ReadOnly) ? digestFile.readAll().trimmed() : QByteArray();
    digestFile.close();
    Opened opened;
    if (have != wanted || !QFileInfo::exists(path)) {
        // Only the demo's own files: nothing here is the analyst's.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".digest")})
            QFile::remove(path + suffix);
        opened.created = true;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto connection = StoreConnection::open(path, connectionName);
    if (!connection)
        return connection.error();
    opened.connection = std::move(*connection);
    if (opened.created) {
        auto loaded = DemoWorkspace::load(opened.connection->database());
        if (!loaded)
            return fail(QStringLiteral("Could not build the demo workspace: %1").arg(loaded.errorMessage()));
        QSaveFile out(digestPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(wanted + '\n') < 0 || !out.commit())
            return fail(QStringLiteral("Could not write %1: %2").arg(digestPath, out.errorString()));
    }
    return opened;
}

} // namespace tw
