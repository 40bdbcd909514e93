#pragma once

#include "models/export/csvexport.h"
#include "models/export/csvreader.h"
#include "models/export/exportquery.h"
#include "models/read/articlelistmodel.h"
#include "models/store/sqldialect.h"

#include <QBuffer>
#include <QSqlDatabase>
#include <QString>

namespace twtest {

// Pages the article list through to its end under `filter`, exports the
// same filter as CSV, and compares them row by row (id, source, tickers,
// title, label, in order). Returns the first difference, empty when the file
// holds exactly the list's rows; `listed` gets the list's row count.
inline QString compareListWithExport(QSqlDatabase db, const tw::ArticleFilter &filter, int &listed)
{
    using tw::ArticleListModel;
    ArticleListModel model(db);
    model.setFilter(filter);
    while (model.canFetchMore({}))
        model.fetchMore({});
    listed = model.rowCount();
    if (!model.lastError().isEmpty())
        return QStringLiteral("list: ") + model.lastError();
    auto query = tw::ExportQuery::articleList(filter, tw::dialectOf(db));
    if (!query)
        return QStringLiteral("query: ") + query.errorMessage();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot open the buffer");
    const tw::CsvExport exporter(db, {});
    auto written = exporter.writeTo(&buffer, *query);
    if (!written)
        return QStringLiteral("export: ") + written.errorMessage();
    if (written->rows != listed)
        return QStringLiteral("export wrote %1 rows, the list has %2").arg(written->rows).arg(listed);
    auto counted = exporter.countRows(*query);
    if (!counted || *counted != listed)
        return QStringLiteral("the export's count disagrees with the list's %1 rows").arg(listed);
    const auto rows = tw::CsvReader::parse(bytes);
    if (!rows || rows->size() != listed + 1)
        return QStringLiteral("the file does not hold a header and %1 rows").arg(listed);
    for (int r = 0; r < listed; ++r) {
        const QStringList &row = rows->at(r + 1);
        const auto shown = [&](int column, int role = Qt::DisplayRole) {
            return model.index(r, column).data(role).toString();
        };
        if (row.at(0).toLongLong() != model.articleId(r) || row.at(2) != shown(ArticleListModel::Source)
            || row.at(3) != shown(ArticleListModel::Tickers) || row.at(4) != shown(ArticleListModel::Title)
            || row.at(6) != shown(ArticleListModel::Sentiment, ArticleListModel::LabelRole))
            return QStringLiteral("row %1 differs: %2").arg(r).arg(row.join(QLatin1Char('|')));
    }
    return {};
}

} // namespace twtest
