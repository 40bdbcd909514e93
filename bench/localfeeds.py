#!/usr/bin/env python3
"""The whole fetch path on local feeds: `tickerwire feeds add` + `tickerwire fetch`
against newsboat (when installed), on the same feeds in the same run.

    python3 bench/localfeeds.py build/app/tickerwire [--feeds 200] [--items 100]
        [--hosts 20] [--watchlist on|off|both] [--keep DIR]

FEEDS RSS 2.0 documents of ITEMS items each are written to a temporary
directory and served by HOSTS static HTTP servers on 127.0.0.2, 127.0.0.3, ...
(feeds spread over hosts, as real feeds are), each on its own thread. Titles
and descriptions are real financial headlines (../shared/eval/tfns/dev.tsv,
MIT); about one item in eight also names one of the default watchlist's
companies (META GOOGL MSFT NVDA AMZN), so linking, scoring and event merging
run as they do for an analyst. With the watchlist on, the store follows those
five companies (resources/workspace/tickers.json); off, it follows none.

Prints wall and CPU seconds of `tickerwire fetch` (and of the 200 `feeds add`
runs before it, set-up like newsboat's urls file), newsboat's `-x reload`
time, and the ratio tickerwire / newsboat. Then both fetch the same feeds
again, served in full (a new Last-Modified, so no 304) with nothing new: the
refresh an analyst's terminal makes all day. Not a test: timings depend on
the machine. Only loopback addresses are contacted.
"""
import argparse
import http.server
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TFNS = os.path.join(ROOT, "..", "shared", "eval", "tfns", "dev.tsv")
TICKERS = os.path.join(ROOT, "resources", "workspace", "tickers.json")

WATCHED = [
    "Meta Platforms raised its 2026 capital expenditure guidance to $125 billion as AI spending grows.",
    "Alphabet shares rose 3% after Google reported strong cloud revenue growth.",
    "Microsoft said Azure revenue grew 39% in the quarter, beating estimates.",
    "Nvidia shares fell 4% on export restrictions for its data centre chips.",
    "Amazon Web Services signed a $10 billion deal with a large AI startup.",
    "Meta launched Muse Spark, its first model from Meta Superintelligence Labs.",
    "Google DeepMind unveiled Gemini 3, and Alphabet stock climbed to a record.",
    "Amazon cut its full-year outlook as costs rose sharply.",
]


def headlines():
    lines = []
    try:
        with open(TFNS, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t", 1)
                if len(parts) == 2 and parts[1].strip():
                    lines.append(parts[1].strip())
    except OSError:
        pass
    if not lines:  # outside the project's layout: plain generated text
        lines = ["Company %d reports quarterly results" % i for i in range(1000)]
    return lines


def write_feeds(directory, feeds, items):
    texts = headlines()
    rng = random.Random(20260408)
    base = 1780000000  # a fixed "now" (seconds): every run writes the same feeds
    for f in range(feeds):
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
               "<title>Local feed %d</title><link>https://feeds.local.invalid/%d/</link>\n" % (f, f)]
        for i in range(items):
            n = f * items + i
            title = rng.choice(texts)
            body = " ".join(rng.choice(texts) for _ in range(3))
            if n % 8 == 0:
                body = rng.choice(WATCHED) + " " + body
            published = base - (n * 97) % (30 * 86400)
            out.append("<item><title>%s</title><link>https://news.local.invalid/%d/%d</link>"
                       "<guid isPermaLink=\"false\">local-%d-%d</guid><pubDate>%s</pubDate>"
                       "<description>%s</description></item>\n"
                       % (escape(title), f, i, f, i, formatdate(published, usegmt=True), escape(body)))
        out.append("</channel></rss>\n")
        with open(os.path.join(directory, "feed%d.xml" % f), "w", encoding="utf-8") as fh:
            fh.write("".join(out))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory, hosts, port):
    servers = []
    for h in range(hosts):
        address = "127.0.0.%d" % (h + 2)
        handler = lambda *a, **k: QuietHandler(*a, directory=directory, **k)
        server = http.server.ThreadingHTTPServer((address, port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, env=None):
    cpu0 = children_cpu()
    t0 = time.monotonic()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    wall = time.monotonic() - t0
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode(errors="replace"))
        raise SystemExit("%s exited %d" % (cmd[0], done.returncode))
    return wall, children_cpu() - cpu0, done.stdout.decode(errors="replace")


def run_tickerwire(binary, urls, workdir, watchlist):
    store = os.path.join(workdir, "store-%s.db" % ("on" if watchlist else "off"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if watchlist:
        # The default watchlist, as an analyst adds it (this also creates the store).
        with open(TICKERS, encoding="utf-8") as f:
            symbols = [t["symbol"] for t in json.load(f)["tickers"]]
        subprocess.run([binary, "--store", store, "watchlist", "add"] + symbols, check=True,
                       stdout=subprocess.DEVNULL, env=env)
    add_wall = add_cpu = 0.0
    for url in urls:
        w, c, _ = timed([binary, "--store", store, "feeds", "add", url], env)
        add_wall += w
        add_cpu += c
    wall, cpu, summary = fetch_tickerwire(binary, store)
    return store, add_wall, add_cpu, wall, cpu, summary


def fetch_tickerwire(binary, store):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    wall, cpu, out = timed([binary, "--store", store, "fetch"], env)
    summary = [line for line in out.splitlines() if line.startswith("fetched ")]
    return wall, cpu, summary[-1] if summary else "(no summary)"


def serve_again_in_full(directory):
    # A new Last-Modified on every file: the next requests get the whole
    # feeds again (200, not 304), as from a server that rewrites its feed
    # on every request. Nothing in them changed.
    later = time.time() + 60
    for name in os.listdir(directory):
        os.utime(os.path.join(directory, name), (later, later))


def run_newsboat(urls, workdir, again=False):
    newsboat = shutil.which("newsboat")
    if not newsboat:
        return None
    nb = os.path.join(workdir, "newsboat")
    os.makedirs(nb, exist_ok=True)
    with open(os.path.join(nb, "urls"), "w") as f:
        f.write("\n".join(urls) + "\n")
    with open(os.path.join(nb, "config"), "w") as f:
        f.write("reload-threads 2\n")
    cache = os.path.join(nb, "cache.db")
    if os.path.exists(cache) and not again:
        os.remove(cache)
    env = dict(os.environ, HOME=nb)
    wall, cpu, _ = timed([newsboat, "-u", os.path.join(nb, "urls"), "-c", cache, "-C",
                          os.path.join(nb, "config"), "-x", "reload"], env)
    return wall, cpu


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("tickerwire")
    p.add_argument("--feeds", type=int, default=200)
    p.add_argument("--items", type=int, default=100)
    p.add_argument("--hosts", type=int, default=20)
    p.add_argument("--port", type=int, default=18080)
    p.add_argument("--watchlist", choices=["on", "off", "both"], default="both")
    p.add_argument("--keep", help="write feeds and stores here and keep them")
    a = p.parse_args()

    workdir = a.keep or tempfile.mkdtemp(prefix="tw-localfeeds-")
    os.makedirs(workdir, exist_ok=True)
    feeds_dir = os.path.join(workdir, "feeds")
    os.makedirs(feeds_dir, exist_ok=True)
    write_feeds(feeds_dir, a.feeds, a.items)
    servers = serve(feeds_dir, a.hosts, a.port)
    urls = ["http://127.0.0.%d:%d/feed%d.xml" % (f % a.hosts + 2, a.port, f) for f in range(a.feeds)]
    print("%d feeds x %d items on %d loopback hosts" % (a.feeds, a.items, a.hosts), flush=True)
    try:
        newsboat = run_newsboat(urls, workdir)
        if newsboat:
            print("newsboat -x reload (2 threads): %.2f s wall, %.2f s CPU" % newsboat, flush=True)
        else:
            print("newsboat: not installed (apt-get install newsboat); no ratio", flush=True)
        modes = {"on": [True], "off": [False], "both": [True, False]}[a.watchlist]
        label = {True: "watchlist on (META GOOGL MSFT NVDA AMZN)", False: "watchlist off"}
        stores = {}
        for watchlist in modes:
            store, add_wall, add_cpu, wall, cpu, summary = run_tickerwire(os.path.abspath(a.tickerwire), urls, workdir,
                                                                          watchlist)
            stores[watchlist] = store
            line = ("tickerwire fetch, %s: %.2f s wall, %.2f s CPU; %d x feeds add: %.2f s wall [%s]"
                    % (label[watchlist], wall, cpu, a.feeds, add_wall, summary))
            if newsboat:
                line += "; ratio to newsboat %.2f" % (wall / newsboat[0])
            print(line, flush=True)

        # The steady state: the same feeds fetched again, served in full
        # with nothing new, into the stores and cache the first fetch filled.
        serve_again_in_full(feeds_dir)
        print("again, every feed served in full with nothing new:", flush=True)
        newsboat = run_newsboat(urls, workdir, again=True)
        if newsboat:
            print("newsboat -x reload (2 threads): %.2f s wall, %.2f s CPU" % newsboat, flush=True)
        for watchlist in modes:
            wall, cpu, summary = fetch_tickerwire(os.path.abspath(a.tickerwire), stores[watchlist])
            line = "tickerwire fetch, %s: %.2f s wall, %.2f s CPU [%s]" % (label[watchlist], wall, cpu, summary)
            if newsboat:
                line += "; ratio to newsboat %.2f" % (wall / newsboat[0])
            print(line, flush=True)
    finally:
        for s in servers:
            s.shutdown()
        if not a.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
