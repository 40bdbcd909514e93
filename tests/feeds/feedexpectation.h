#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace twtest {

// What Tickerwire keeps of one parsed document, as the conformance harness
// compares it with feedparser's expectations.
struct KeptEntry {
    QString title;
    QString link;
    QString summary;
    QString content;
    QDateTime date;   // published, else updated (the one date an article keeps), UTC
};

struct KeptFeed {
    QString title;
    QList<KeptEntry> entries;
    // feedparser's entries (0-based) that hold no title, link, id or text: no
    // article, so not stored; assertions on them are not applicable and the
    // entries after them are ours one place earlier (feedparser-reference/).
    QList<int> emptyEntries;
    QString decodedText;   // the document as our decoder made it text
    QByteArray body;       // the bytes, for `encoding == ...`
};

enum class Verdict { Pass, Fail, NotApplicable };

struct Evaluation {
    Verdict verdict = Verdict::NotApplicable;
    QString detail;   // for a failure: the first clause that failed, with both sides
};

// Evaluates one `Expect:` line of feedparser's test corpus (a small Python
// expression over feedparser's result) against what we kept. The shapes that
// occur are parsed: `and`/`or`/`not`, chained `==`, `is None/True/False`,
// string, number, tuple and dict literals (with `+` concatenation), indexing
// and attribute access on `feed` and `entries`, `len()` and `ord()`.
//
// Applicability: a clause is judged only when every field it reads is one we
// keep (entry title, link, summary/description, content[0], the published or
// updated date, the feed title, the number of entries) or `encoding`; clauses
// on anything else (`bozo`, authors, tags, enclosures, ...) and on entries
// feedparser itself finds empty (KeptFeed::emptyEntries) are not applicable.
// An expectation passes when all its applicable clauses hold; one without an
// applicable clause is not applicable (detail "empty entry" when it was for
// an empty entry). Text is compared as text, with runs of white space (no-break
// spaces too) folded to one space on both sides: feedparser's value is the
// element's text, or its HTML when the element was HTML, and the assertion
// does not say which, so ours passes when it is the text of either reading
// (the value as written, or read as HTML). Links are compared as URLs (a host
// is case-blind). Dates as the 9-tuple of UTC time.struct_time.
// `encoding == X` holds when decoding the bytes as X gives the text we decoded.
Evaluation evaluateExpectation(const QString &expression, const KeptFeed &feed);

// feedparser's markup-to-text reading for the comparison (exposed for tests).
QString expectedAsText(const QString &value, bool bodyField);

} // namespace twtest
