#include "models/store/migrations/migration.h"

namespace tw {

// The article list sorts by title for real: its pages are keyset ranges of
// (title, id), which an index on the pair keeps an index range scan however
// many articles there are (sorting by source already has articles_source,
// whose entries end in the id on SQLite).
Status migration0008ArticleSort(QSqlDatabase &db, SqlDialect dialect)
{
    return execDdl(db, dialect, {QStringLiteral("CREATE INDEX articles_title ON articles(title, id)")});
}

} // namespace tw
