#pragma once

#include "models/store/sqlexec.h"
#include "testsupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace twtest {

// Runs the statements of a fixture file (one per `;` at a line end, `--`
// lines skipped). Returns what failed, empty when every statement ran.
inline QString applySqlFixture(QSqlDatabase db, const QString &relative)
{
    const QString text = QString::fromUtf8(readAll(fixture(relative)));
    QStringList statements;
    QString current;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            statements << current;
            current.clear();
        }
    }
    if (statements.isEmpty())
        return QStringLiteral("%1 holds no statements").arg(relative);
    for (const QString &sql : std::as_const(statements)) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return tw::describeSqlError(sql.left(80), q);
    }
    return {};
}

} // namespace twtest
