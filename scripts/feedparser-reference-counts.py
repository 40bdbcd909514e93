#!/usr/bin/python3
"""What Debian's python3-feedparser makes of each file of feedparser's test
corpus, as far as the conformance test (tests/feeds/tst_feedconformance) needs
it: how many entries it recovers, and which of them hold nothing an article is
made of (no link or id, and no text in the title, summary or content once
the markup is gone). Tickerwire stores no such item: assertions on them are not
applicable, entries after them are matched one place earlier, and the
ill-formed floor counts only the others.

    cd ../shared/data/feeds/feedparser-tests
    /usr/bin/python3 <tree>/scripts/feedparser-reference-counts.py wellformed illformed encoding entities json \
        > <tree>/tests/fixtures/feedparser-reference/entries.tsv

Run by hand when the corpus changes (it needs apt's python3-feedparser; the
test itself never runs Python). Files are parsed from their bytes.
"""
import html
import pathlib
import re
import sys

import feedparser

TAG = re.compile(r"<[^>]*>")


def text_of(value):
    return html.unescape(TAG.sub(" ", value or "")).strip()


def has_content(entry):
    if any((entry.get(key) or "").strip() for key in ("link", "id")):
        return True
    if text_of(entry.get("title")) or text_of(entry.get("summary")):
        return True
    return any(text_of(c.get("value")) for c in entry.get("content", []))


print("# file\tentries ('?': feedparser failed)\tentries without title, link, id or text (0-based; '-' for none)"
      "\t(feedparser %s)" % feedparser.__version__)
for folder in sys.argv[1:]:
    for path in sorted(pathlib.Path(folder).rglob("*")):
        if path.is_file():
            try:
                entries = feedparser.parse(path.read_bytes()).entries
            except Exception as e:   # feedparser 6.0.10 itself fails on one sanitizer test
                print("%s\t?\t-\t# feedparser: %s" % (path.as_posix(), e), file=sys.stdout)
                continue
            empty = [str(i) for i, e in enumerate(entries) if not has_content(e)]
            print("%s\t%d\t%s" % (path.as_posix(), len(entries), ",".join(empty) or "-"))
