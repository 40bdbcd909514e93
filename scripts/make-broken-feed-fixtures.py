#!/usr/bin/python3
"""Writes tests/fixtures/feeds-broken/: one defect per file in an otherwise
good three-item feed, and expected.json with what must be stored for each
(titles exact, links, UTC dates, and for some files summaries).

    /usr/bin/python3 scripts/make-broken-feed-fixtures.py tests/fixtures/feeds-broken

The shapes are the breakages of real feeds (feedparser's issue tracker and
test corpus, PHP/CMS output, mis-declared encodings); the companies and
headlines are made up. Re-run only to add a case; the files are committed.
"""
import json
import pathlib
import sys

OUT = pathlib.Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)

TITLES = [
    "Contoso raises full-year guidance after record quarter",
    "Fabrikam to acquire Northwind Traders for $1.1 billion",
    "Tailspin Toys names new chief financial officer",
]
LINKS = [
    "https://wire.example.com/markets/contoso-guidance",
    "https://wire.example.com/markets/fabrikam-northwind",
    "https://wire.example.com/markets/tailspin-cfo",
]
PUBDATES = ["Tue, 14 Apr 2026 12:30:00 GMT", "Tue, 14 Apr 2026 13:05:00 GMT", "Tue, 14 Apr 2026 14:45:00 GMT"]
DATES = ["2026-04-14T12:30:00Z", "2026-04-14T13:05:00Z", "2026-04-14T14:45:00Z"]
SUMMARIES = [
    "Contoso Ltd. raised its revenue guidance to $4.2 billion.",
    "The all-cash deal values Northwind at 14 times earnings.",
    "The appointment takes effect on 1 May.",
]

expected = {}


def item(i, title=None, link=None, pubdate=None, description=None, extra=""):
    title = TITLES[i] if title is None else title
    link = LINKS[i] if link is None else link
    pubdate = PUBDATES[i] if pubdate is None else pubdate
    description = SUMMARIES[i] if description is None else description
    return ("<item>\n<title>%s</title>\n<link>%s</link>\n<guid>%s</guid>\n<pubDate>%s</pubDate>\n"
            "<description>%s</description>%s\n</item>\n" % (title, link, LINKS[i], pubdate, description, extra))


def rss(items, prolog='<?xml version="1.0" encoding="UTF-8"?>\n', channel_extra="",
        channel_description="Company news and filings", namespaces=""):
    return (prolog + '<rss version="2.0"%s>\n<channel>\n<title>Northwind Wire: Markets</title>\n'
            "<link>https://wire.example.com/markets</link>\n<description>%s</description>\n%s%s</channel>\n</rss>\n"
            % (namespaces, channel_description, channel_extra, "".join(items)))


def write(name, data, titles=None, links=None, dates=None, summaries=None, content_type=None, why=""):
    if isinstance(data, str):
        data = data.encode("utf-8")
    (OUT / name).write_bytes(data)
    case = {"defect": why, "titles": titles or TITLES, "links": links or LINKS, "dates": dates or DATES}
    if summaries is not None:
        case["summaries"] = summaries
    if content_type:
        case["contentType"] = content_type
    expected[name] = case


def base_items(**changes):
    return [item(i, **{k: v[i] for k, v in changes.items()}) for i in range(3)]


# --- markup ---------------------------------------------------------------
write("entity-in-channel.rss", rss(base_items(), channel_description="Company news&nbsp;and filings &mdash; updated hourly"),
      why="HTML entities (&nbsp; &mdash;) in the channel description, before the first item")
t = list(TITLES)
t[1] = "Fabrikam to acquire Northwind Traders for $1.1 billion"   # a no-break space is stored as a space
s = list(SUMMARIES)
s[0] = "Contoso\u2019s board raised the guidance to $4.2 billion \u2014 a record."
write("entity-in-item.rss",
      rss([item(0, description="Contoso&rsquo;s board raised the guidance to $4.2 billion &mdash; a record."),
           item(1, title="Fabrikam to acquire Northwind Traders for $1.1&nbsp;billion"), item(2)]),
      titles=t, summaries=s, why="HTML entities (&rsquo; &mdash; &nbsp;) inside items")
t = list(TITLES)
t[2] = "Tailspin Toys names Ren\u00e9e Dupr\u00e9 chief financial officer"
write("entity-eacute-before-items.rss",
      rss([item(0), item(1), item(2, title="Tailspin Toys names Ren&eacute;e Dupr&eacute; chief financial officer")],
          channel_description="March&eacute; &amp; soci&eacute;t&eacute;s"),
      titles=t, why="&eacute; in the channel and in an item title")
write("blank-lines-before-prolog.rss", "\n\n   \n" + rss(base_items()),
      why="blank lines and spaces before <?xml (a PHP include's stray newline)")
write("bom.rss", b"\xef\xbb\xbf" + rss(base_items()).encode("utf-8"), why="UTF-8 byte order mark before the prolog")
write("bom-and-blank-line.rss", b"\xef\xbb\xbf\r\n" + rss(base_items()).encode("utf-8"),
      why="byte order mark, then a blank line, then the prolog")
l = list(LINKS)
l[1] = "https://wire.example.com/markets?id=2&ref=rss&utm_source=feed"
write("bare-ampersand-link.rss", rss([item(0), item(1, link="https://wire.example.com/markets?id=2&ref=rss&utm_source=feed"), item(2)]),
      links=l, why="unescaped & in a link's query")
t = list(TITLES)
t[1] = "Fabrikam & Northwind agree $1.1 billion R&D deal"
write("bare-ampersand-title.rss", rss([item(0), item(1, title="Fabrikam & Northwind agree $1.1 billion R&D deal"), item(2)]),
      titles=t, why="unescaped & in a title (R&D, a lone &)")
t = list(TITLES)
t[0] = "Q3: revenue < forecast, margin > 20%"
write("less-than-in-title.rss", rss([item(0, title="Q3: revenue < forecast, margin > 20%"), item(1), item(2)]),
      titles=t, why="an unescaped < in a title")
t = ["Contoso <CTSO.O> shares rise 3%", "Q3: revenue < forecast, margin > 20%", "EPS < $1.20 vs > $1.10 expected"]
write("markup-looking-headlines.rss",
      rss([item(0, title="Contoso &lt;CTSO.O&gt; shares rise 3%"),
           item(1, title="Q3: revenue &lt; forecast, margin &gt; 20%"),
           item(2, title="<![CDATA[EPS < $1.20 vs > $1.10 expected]]>")]),
      titles=t, why="escaped < > and CDATA in headlines: text, not tags (Reuters instrument codes)")
s = list(SUMMARIES)
s[0] = "Contoso <CTSO.O> raised its guidance; Q3 revenue < forecast, margin > 20%."
write("markup-looking-description.rss",
      rss([item(0, description="Contoso &amp;lt;CTSO.O&amp;gt; raised its guidance; Q3 revenue &lt; forecast, margin &gt; 20%."),
           item(1), item(2)]),
      summaries=s, why="instrument code and comparison signs in an HTML description")
t = list(TITLES)
t[2] = "Tailspin Toys names new chief financial officer"
write("control-character.rss",
      rss([item(0), item(1), item(2, title="Tailspin Toys names new\x0b chief financial\x1b officer")]),
      titles=t, why="control characters XML forbids (VT, ESC) in a title")
s = list(SUMMARIES)
s[0] = "Contoso Ltd. raised its revenue guidance.\nThe shares rose 4%."
write("raw-br.rss",
      rss([item(0, description="Contoso Ltd. raised its revenue guidance.<br>The shares rose 4%."), item(1), item(2)]),
      summaries=s, why="a raw, unclosed <br> inside a description")
s = list(SUMMARIES)
s[1] = "The all-cash deal values Northwind at 14 times earnings. Closing is expected in Q3."
write("raw-unclosed-paragraphs.rss",
      rss([item(0), item(1, description="<p>The all-cash deal values Northwind at <b>14 times</b> earnings.<p>Closing is expected in Q3."),
           item(2)]),
      summaries=None, why="raw HTML with unclosed <p> and a stray end tag inside a description")
full = rss(base_items())
cut = full.index("</channel>") + 4
write("truncated.rss", full[:cut], why="download cut short after the last item (inside </channel>)")
full = rss(base_items())
write("truncated-no-end-tags.rss", full[: full.index("</channel>")], why="download cut short: </channel></rss> missing")
write("text-before-prolog.rss",
      "<br />\n<b>Warning</b>:  date(): It is not safe to rely on the system's timezone settings in "
      "<b>/var/www/feed.php</b> on line <b>12</b><br />\n" + rss(base_items()),
      why="a PHP warning printed before the document")
write("undeclared-prefix.rss",
      rss([item(0, extra="\n<itunes:duration>3:02</itunes:duration>"), item(1, extra="\n<media:thumbnail url=\"https://wire.example.com/t.jpg\"/>"),
           item(2)]),
      why="itunes: and media: prefixes used without xmlns declarations")
write("html-doctype-on-rss.rss",
      '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
      '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n' + rss(base_items(), prolog=""),
      why="an XHTML DOCTYPE left on an RSS document by a CMS template")
write("netscape-doctype-entities.rss",
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
      '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
      + rss([item(0, description="Contoso&nbsp;Ltd. raised its revenue guidance to $4.2&nbsp;billion."), item(1), item(2)], prolog=""),
      summaries=["Contoso Ltd. raised its revenue guidance to $4.2 billion.", SUMMARIES[1], SUMMARIES[2]],
      why="RSS 0.91's Netscape DOCTYPE (external DTD) with HTML entities")
t = list(TITLES)
t[1] = "Fabrikam to acquire Northwind Traders \u2013 a $1.1 billion deal"
write("numeric-references-c1.rss",
      rss([item(0), item(1, title="Fabrikam to acquire Northwind Traders &#150; a $1.1 billion deal"), item(2)]),
      titles=t, why="&#150; (Windows-1252's en dash written as a character reference in 0x80-0x9F)")
s = list(SUMMARIES)
s[0] = "Contoso\u2019s revenue guidance rose to $4.2 billion \u2014 a record."
write("double-encoded-utf8.rss",
      rss([item(0, description="Contoso\u00e2\u20ac\u2122s revenue guidance rose to $4.2 billion \u00e2\u20ac\u201d a record."), item(1), item(2)]),
      summaries=s, why="UTF-8 read as Windows-1252 and encoded again upstream (mojibake: â€™ for ’)")
t = list(TITLES)
t[0] = "Contoso: a record quarter"
write("xhtml-title-with-script.atom",
      '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>Northwind Wire: Markets</title>\n'
      '<id>urn:example:wire</id><updated>2026-04-14T15:00:00Z</updated>\n'
      + "".join('<entry><title type="%s">%s</title><link href="%s"/><id>%s</id><updated>%s</updated>'
                "<summary>%s</summary></entry>\n"
                % ((("xhtml", '<div xmlns="http://www.w3.org/1999/xhtml">Contoso: <script>track("x")</script>a record quarter</div>')
                    if i == 0 else ("text", TITLES[i])) + (LINKS[i], LINKS[i], DATES[i], SUMMARIES[i])) for i in range(3))
      + "</feed>\n", titles=t, why="script text inside an XHTML title")
write("atom-entity-in-entry.atom",
      '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<title>Northwind&nbsp;Wire: Markets</title>\n'
      '<id>urn:example:wire</id><updated>2026-04-14T15:00:00Z</updated>\n'
      + "".join('<entry><title>%s</title><link href="%s"/><id>%s</id><updated>%s</updated><summary type="html">%s</summary></entry>\n'
                % (TITLES[i], LINKS[i], LINKS[i], DATES[i], SUMMARIES[i].replace("Ltd.", "Ltd.&nbsp;")) for i in range(3))
      + "</feed>\n", why="&nbsp; in an Atom feed's title and an entry's summary")
write("guid-not-permalink.rss",
      rss([item(i).replace("<link>%s</link>\n" % LINKS[i], "").replace("<guid>", '<guid isPermaLink="false">') for i in range(3)]),
      links=["", "", ""], why='no <link>, and guids marked isPermaLink="false": the guid is no link')
write("content-encoded-only.rss",
      rss(["<item>\n<content:encoded><![CDATA[<p>%s</p>]]></content:encoded>\n<pubDate>%s</pubDate>\n</item>\n"
           % (SUMMARIES[i], PUBDATES[i]) for i in range(3)],
          namespaces=' xmlns:content="http://purl.org/rss/1.0/modules/content/"'),
      titles=["", "", ""], links=["", "", ""], summaries=SUMMARIES, why="items with only content:encoded")

# --- encodings --------------------------------------------------------------
HEADLINES = {
    "windows-1251": "Газпром увеличил добычу газа на 5%",
    "koi8-r": "Сбербанк повысил прогноз прибыли на 2026 год",
    "iso-8859-5": "Лукойл выплатит дивиденды за четвёртый квартал",
    "iso-8859-2": "Orlen zwiększył zysk o 12% w pierwszym kwartale",
    "iso-8859-7": "Η Εθνική Τράπεζα αύξησε τα κέρδη κατά 8%",
    "iso-8859-9": "Türk Hava Yolları yolcu sayısını artırdı",
    "iso-8859-15": "Œuvre SA : bénéfice de 120 millions €",
    "gb2312": "腾讯第一季度营收增长百分之十二",
    "gbk": "臺積電第一季營收創新高",
    "big5": "台積電第一季營收創新高",
    "shift_jis": "トヨタ自動車、第1四半期の純利益が増加",
    "euc-kr": "삼성전자 1분기 영업이익 증가",
    "windows-1252": "L’Oréal’s “beauty tech” sales rise – €1.2 billion",
}
for encoding, headline in HEADLINES.items():
    t = list(TITLES)
    t[0] = headline
    doc = rss([item(0, title=headline), item(1), item(2)], prolog='<?xml version="1.0" encoding="%s"?>\n' % encoding.upper())
    write("encoding-%s.rss" % encoding, doc.encode(encoding), titles=t, why="declared %s, headline in its script" % encoding)
t = list(TITLES)
t[0] = HEADLINES["windows-1251"]
write("encoding-windows-1251-http-charset.rss",
      rss([item(0, title=HEADLINES["windows-1251"]), item(1), item(2)], prolog='<?xml version="1.0"?>\n').encode("windows-1251"),
      titles=t, content_type="application/rss+xml; charset=windows-1251",
      why="windows-1251 named only by the HTTP Content-Type")
t = list(TITLES)
t[0] = "Renée Dupré’s “bold” plan for Contoso"
write("wrong-charset-utf8-declared-latin1.rss",
      rss([item(0, title=t[0]), item(1), item(2)], prolog='<?xml version="1.0" encoding="ISO-8859-1"?>\n').encode("utf-8"),
      titles=t, why="declares ISO-8859-1, the bytes are UTF-8")
write("wrong-charset-cp1252-declared-utf8.rss",
      rss([item(0, title=t[0]), item(1), item(2)]).encode("windows-1252"),
      titles=t, why="declares UTF-8, the bytes are Windows-1252")
t2 = list(TITLES)
t2[0] = "Contoso’s board: “we don’t see a slowdown”"
write("wrong-charset-cp1252-declared-latin1.rss",
      rss([item(0, title=t2[0]), item(1), item(2)], prolog='<?xml version="1.0" encoding="ISO-8859-1"?>\n').encode("windows-1252"),
      titles=t2, why="Windows-1252 punctuation (0x92 0x93 0x94) declared as ISO-8859-1")
t3 = list(TITLES)
t3[0] = "Contoso’s guidance: “record” quarter — Ren\ufffde Dupr\u00e9"
write("undecodable-bytes.rss",
      rss([item(0, title="Contoso’s guidance: “record” quarter — Ren@@e Dupr##"), item(1), item(2)])
      .encode("utf-8").replace(b"@@", b"\x81").replace(b"##", b"\xe9"),
      titles=t3, why="stray bytes in a UTF-8 document: 0xE9 is Windows-1252 é, 0x81 is nothing anywhere (U+FFFD)")

# --- dates ----------------------------------------------------------------
def dated(name, pubdates, dates, why, element="pubDate"):
    items = []
    for i in range(3):
        it = item(i, pubdate=pubdates[i])
        if element != "pubDate":
            it = it.replace("<pubDate>%s</pubDate>" % pubdates[i], "<dc:date>%s</dc:date>" % pubdates[i])
        items.append(it)
    write(name, rss(items, namespaces=' xmlns:dc="http://purl.org/dc/elements/1.1/"'), dates=dates, why=why)


dated("dates-us-short-zones.rss", ["Tue, 14 Apr 2026 08:30:00 ET", "Tue, 14 Apr 2026 08:05:00 CT", "Tue, 14 Apr 2026 07:45:00 PT"],
      ["2026-04-14T13:30:00Z", "2026-04-14T14:05:00Z", "2026-04-14T15:45:00Z"], "ET, CT, PT (feedparser reads them as standard time)")
dated("dates-us-zones.rss", ["Tue, 14 Apr 2026 08:30:00 EDT", "Tue, 14 Jan 2026 08:05:00 EST", "Tue, 14 Apr 2026 07:45:00 MST"],
      ["2026-04-14T12:30:00Z", "2026-01-14T13:05:00Z", "2026-04-14T14:45:00Z"], "EDT, EST, MST")
dated("dates-european-zones.rss", ["Tue, 14 Apr 2026 14:30:00 MEST", "Wed, 14 Jan 2026 14:05:00 MET", "Tue, 14 Apr 2026 16:45:00 CEST"],
      ["2026-04-14T12:30:00Z", "2026-01-14T13:05:00Z", "2026-04-14T14:45:00Z"], "MEST, MET, CEST")
dated("dates-gmt-offsets.rss", ["Tue, 14 Apr 2026 11:29:00 GMT-01:01", "Tue, 14 Apr 2026 18:35:00 GMT+05:30", "Tue, 14 Apr 2026 16:45:00 UTC+2"],
      ["2026-04-14T12:30:00Z", "2026-04-14T13:05:00Z", "2026-04-14T14:45:00Z"], "GMT-01:01, GMT+05:30, UTC+2")
dated("dates-no-time.rss", ["Tue, 14 Apr 2026", "Wed, 15 Apr 2026", "Thu, 16 Apr 2026"],
      ["2026-04-14T00:00:00Z", "2026-04-15T00:00:00Z", "2026-04-16T00:00:00Z"], "RFC 822 dates without a time")
dated("dates-extra-comma.rss", ["Tue, 14 Apr, 2026 12:30:00 UTC", "Tue,14 Apr 2026 13:05:00 -0000", "Tue, 14 Apr, 2026 14:45 GMT"],
      DATES, "a comma after the month, none after the weekday, no seconds")
dated("dates-month-before-day.rss", ["Tue Apr 14 2026 14:30:00 +0200", "Tue Apr 14 2026 09:05:00 -0400", "Tue Apr 14 2026 14:45:00 +0000"],
      DATES, "JavaScript's Date.toString order (Thu Aug 30 2012 17:26:16 +0200)")
dated("dates-asctime.rss", ["Tue Apr 14 12:30:00 2026", "Tue Apr 14 13:05:00 +0000 2026", "Tue Apr 14 14:45:00 2026"],
      DATES, "asctime, with and without a zone before the year")
dated("dates-long-month-names.rss", ["Tuesday, 14 April 2026 12:30:00 GMT", "14 April 2026 13:05 GMT", "Tue, 14 Apr 2026 02:45:00 PM GMT"],
      DATES, "full weekday and month names, a 12-hour time")
dated("dates-iso-in-dc-date.rss", ["2026-04-14 12:30:00", "2026-04-14T15:05:00+02:00", "2026-04-14T14:45:00.250Z"],
      ["2026-04-14T12:30:00Z", "2026-04-14T13:05:00Z", "2026-04-14T14:45:00.250Z"],
      "W3C-DTF variants in dc:date: a space for T, an offset, fractions", element="dc:date")
dated("dates-slashes.rss", ["2026/04/14 12:30:00", "2026/4/14 13:05:00", "Tue, 2026/04/14 10:45:00 EDT"],
      DATES, "yyyy/mm/dd dates (Perforce, Asian CMSs)")
items = []
for i, d in enumerate(["Tue, 14 Apr 2026 12:30:00 GMT", "Tue Apr 14 13:05:00 2026", "2026-04-14T16:45:00+02:00"]):
    items.append({"id": LINKS[i], "url": LINKS[i], "title": TITLES[i], "content_text": SUMMARIES[i], "date_published": d})
write("dates-jsonfeed-rfc822.json",
      json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Northwind Wire: Markets",
                  "home_page_url": "https://wire.example.com/markets", "items": items}, indent=1, ensure_ascii=False),
      why="RFC 822 and asctime dates in a JSON Feed (the spec says RFC 3339)")

(OUT / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(len(expected), "fixtures")
