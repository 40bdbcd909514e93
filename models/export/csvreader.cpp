#include "models/export/csvreader.h"

namespace tw {

Result<QList<QStringList>> CsvReader::parse(const QByteArray &input)
{
    QByteArray csv = input;
    if (csv.startsWith("\xEF\xBB\xBF"))
        csv.remove(0, 3);

    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    qsizetype i = 0;
    const qsizetype n = csv.size();
    int line = 1;
    auto endField = [&] {
        row.append(QString::fromUtf8(field));
        field.clear();
    };
    auto endRow = [&] {
        endField();
        rows.append(row);
        row.clear();
    };
    while (i < n) {
        if (csv[i] == '"') {
            if (!field.isEmpty())
                return fail(QStringLiteral("line %1: a quote inside an unquoted field").arg(line));
            ++i;
            for (;;) {
                if (i >= n)
                    return fail(QStringLiteral("line %1: a quoted field is not closed").arg(line));
                if (csv[i] == '"') {
                    if (i + 1 < n && csv[i + 1] == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (csv[i] == '\n')
                    ++line;
                field.append(csv[i++]);
            }
            if (i < n && csv[i] != ',' && csv[i] != '\r' && csv[i] != '\n')
                return fail(QStringLiteral("line %1: text after a closing quote").arg(line));
            continue;
        }
        if (csv[i] == ',') {
            endField();
            ++i;
        } else if (csv[i] == '\r' && i + 1 < n && csv[i + 1] == '\n') {
            endRow();
            i += 2;
            ++line;
        } else if (csv[i] == '\n') {
            endRow();
            ++i;
            ++line;
        } else {
            field.append(csv[i++]);
        }
    }
    // A last row without its line end still counts.
    if (!field.isEmpty() || !row.isEmpty())
        endRow();
    return rows;
}

} // namespace tw
