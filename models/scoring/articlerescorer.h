#pragma once

#include "models/core/result.h"
#include "models/scoring/scorewriter.h"

#include <QSqlDatabase>

#include <functional>

namespace tw {

// A chunk ends at this many articles or this much text (characters of
// title, summary and body), whichever comes first: at most three chunks are
// in memory (one read, one scored, one written), whatever the articles' size.
struct RescoreChunking {
    int articles = 5000;
    qsizetype chars = 16 * 1024 * 1024;
};

// Rescores every stored article (`tickerwire score --all`): reads them in id
// order in chunks, scores a chunk on every core while the one before it is
// written, and writes each chunk's scores in transactions of about half a
// second (another writer waits that long at most). Scoring is pure, so the
// threads share nothing but the read-only scorer; the store is only touched
// on the caller's thread. The companies' running state is cleared first and
// left for the caller to rebuild (ScoreWriter::rebuildCorporate).
class ArticleRescorer {
public:
    using Chunking = RescoreChunking;

    ArticleRescorer(QSqlDatabase db, ScoreWriter &writer, Chunking chunking = {});

    // `progress(done, total)` after each chunk is committed.
    Status run(const std::function<void(qint64 done, qint64 total)> &progress);

    // Scoring threads: one per core, the caller's thread reading and writing
    // beside them.
    static int scoringThreads();

private:
    QSqlDatabase m_db;
    ScoreWriter &m_writer;
    Chunking m_chunking;
};

} // namespace tw
