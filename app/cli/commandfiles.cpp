#include "app/cli/commandfiles.h"

#include <QFile>

namespace tw {

int reportFileProblem(CommandContext &ctx, const QString &path, const QString &problem)
{
    ctx.err << "tickerwire " << ctx.command << ": " << path << ": " << problem << '\n';
    return kExitFailure;
}

std::optional<QByteArray> readCommandFile(CommandContext &ctx, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        reportFileProblem(ctx, path, QStringLiteral("cannot read: ") + file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace tw
