#!/usr/bin/env python3
"""PolNeAR reader: brat standoff attributions (source, cue, content) as Python objects.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in US political news:
`SPLIT/text/NAME.txt` with `SPLIT/attributions/NAME[_annotator].ann`, offsets in code points.
This module only reads; the scripts beside it (`cues.py`, `ranker.py`) learn from `train/` and
report on `dev/`. Standard library only.

    python3 train/polnear.py DATA_DIR SPLIT            # counts
    python3 train/polnear.py DATA_DIR SPLIT --show N   # the first N attributions, as text
"""
import os
import re
import sys
from dataclasses import dataclass, field


@dataclass
class Attribution:
    content: list  # [(start, end)] in code points; discontinuous spans have several pieces
    source: list = field(default_factory=list)
    cue: list = field(default_factory=list)


@dataclass
class Article:
    name: str
    text: str
    attributions: list


def parse_ann(path):
    spans, rels = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0].startswith("T") and len(parts) >= 2:
                kind, _, locs = parts[1].partition(" ")
                pieces = [tuple(map(int, p.split())) for p in locs.split(";")]
                spans[parts[0]] = (kind, pieces)
            elif parts[0].startswith("E") and len(parts) >= 2:
                roles = {}
                for arg in parts[1].split():
                    role, _, tid = arg.partition(":")
                    roles.setdefault(re.sub(r"\d+$", "", role), []).append(tid)
                rels.append(roles)
    out = []
    for r in rels:
        get = lambda role: [p for t in r.get(role, []) if t in spans for p in spans[t][1]]
        content = get("Content")
        if content:
            out.append(Attribution(content=content, source=get("Source"), cue=get("Cue")))
    return out


def load(data_dir, split):
    """Every article of a split, in name order (one annotator's file per article: the first)."""
    tdir = os.path.join(data_dir, split, "text")
    adir = os.path.join(data_dir, split, "attributions")
    anns = sorted(os.listdir(adir))
    out = []
    for fn in sorted(os.listdir(tdir)):
        if not fn.endswith(".txt"):
            continue
        name = fn[:-4]
        ann = next((a for a in anns if a == name + ".ann" or a.startswith(name + "_")), None)
        if ann is None:
            continue
        with open(os.path.join(tdir, fn), encoding="utf-8") as f:
            text = f.read()
        out.append(Article(name, text, parse_ann(os.path.join(adir, ann))))
    return out


def span_text(text, pieces):
    return " … ".join(text[s:e] for s, e in pieces)


def byte_to_char(text):
    """Map from UTF-8 byte offset to code-point offset (whosaid's CLI speaks bytes)."""
    m, b = {}, 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    arts = load(sys.argv[1], sys.argv[2])
    n = sum(len(a.attributions) for a in arts)
    print(f"{len(arts)} articles, {n} attributions, "
          f"{sum(1 for a in arts for r in a.attributions if r.source)} with a source, "
          f"{sum(1 for a in arts for r in a.attributions if r.cue)} with a cue")
    if "--show" in sys.argv:
        k = int(sys.argv[sys.argv.index("--show") + 1])
        for a in arts:
            for r in a.attributions:
                if k <= 0:
                    sys.exit(0)
                k -= 1
                print(f"[{span_text(a.text, r.source)}] [{span_text(a.text, r.cue)}] {span_text(a.text, r.content)[:100]}")
