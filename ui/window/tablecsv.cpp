#include "window/tablecsv.h"

#include <QAbstractItemModel>
#include <QSaveFile>

namespace tw {

namespace {
QByteArray field(const QString &text)
{
    QString t = text;
    // A leading = + - @ would be run as a formula by spreadsheets.
    if (!t.isEmpty() && QStringLiteral("=+-@").contains(t.front()) && !(t.size() > 1 && t.at(1).isDigit()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) || t.contains(QLatin1Char('\n'))
        || t.contains(QLatin1Char('\r'))) {
        t.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        t = QLatin1Char('"') + t + QLatin1Char('"');
    }
    return t.toUtf8();
}
} // namespace

Status writeTableCsv(const QAbstractItemModel &model, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    file.write("\xEF\xBB\xBF");
    const int columns = model.columnCount();
    QByteArrayList cells;
    for (int c = 0; c < columns; ++c)
        cells << field(model.headerData(c, Qt::Horizontal).toString());
    file.write(cells.join(',') + "\r\n");
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c = 0; c < columns; ++c)
            cells << field(model.index(r, c).data().toString());
        file.write(cells.join(',') + "\r\n");
    }
    if (!file.commit())
        return fail(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace tw
