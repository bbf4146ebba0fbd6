#!/usr/bin/env python3
"""Mines PolNeAR's cue spans for the words that introduce attributions, with the frames they
take, and writes the table `src/tables/cues.rs` that the crate compiles in.

For every word of every training article we count how often it occurs, and how often it is
(part of) a gold cue, separately for each *frame*, the shape of what follows it:

- `that`   a `that` within the next four words, before any punctuation (`said on Friday that`)
- `quote`  a quotation mark or a colon right after it, or a comma and then a mark (`said: “`)
- `to`     `to` right after it (`plans to …`, `declined to comment`): an intention or a refusal
- `clause` anything else (`says the campaign will …`, `believes it is …`)

A word enters the table when it is a cue at least MIN_CUE times in some frame; the table keeps
the probability that the word is a cue in each frame (add-one smoothed), so the engine can
accept `found that …` and refuse `found the …`. Learned on `train/` only. Standard library only;
deterministic.

    python3 train/cues.py ../shared/data/polnear --write src/tables/cues.rs
    python3 train/cues.py ../shared/data/polnear --report      # top cues, precision on dev
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polnear  # noqa: E402

WORD = re.compile(r"[A-Za-z]+(?:[’'][a-z]+)?|[“”\"«»:,;.!?]")
FRAMES = ("that", "quote", "to", "clause")
MIN_CUE = 4
MIN_TOTAL_P = 0.08  # a word that is almost never a cue in any frame is left out
KEEP_P = 0.5  # the lowest probability the engine accepts a cue at (`cues::MIN_PROBABILITY`)
QUOTE_MARKS = set("“”\"«»")
# Closed-class words are parts of longer cues (`has said`, `went on to say`, `according to`),
# never cues by themselves: the engine handles them as auxiliaries and particles.
STOP = set("""a about above across after against all also an and any are as at back be been before being
between both but by can could did do does doing down during each even ever for from further had has have
having he her here him his how i if in into is it its just like made make may me might more most much must
my never no nor not now of off on once only or other our out over own same she should so some still such
than that the their them then there these they this those through to too under until up upon us very was
we were what when where which while who whom why will with would yet you your""".split())


def frame_at(toks, i):
    nxt = [t for t, _, _ in toks[i + 1:i + 6]]
    if nxt and (nxt[0] in QUOTE_MARKS or nxt[0] == ":" or (nxt[0] == "," and len(nxt) > 1 and nxt[1] in QUOTE_MARKS)):
        return "quote"
    if nxt and nxt[0].lower() == "to":
        return "to"
    for t in nxt[:4]:
        if t in {",", ";", ".", "!", "?", ":"} or t in QUOTE_MARKS:
            break
        if t.lower() == "that":
            return "that"
    return "clause"


def count(articles):
    total = collections.Counter()
    cue = collections.Counter()
    for a in articles:
        marks = bytearray(len(a.text) + 1)
        for r in a.attributions:
            for s, e in r.cue:
                for k in range(s, min(e, len(a.text))):
                    marks[k] = 1
        toks = [(m.group(0), m.start(), m.end()) for m in WORD.finditer(a.text)]
        for i, (w, s, e) in enumerate(toks):
            if not w[0].isalpha() or not w[0].islower() or w in STOP:
                continue  # capitalised forms are names as often as verbs; the engine lowercases sentence-initial cues itself
            key = (w.replace("’", "'"), frame_at(toks, i))
            total[key] += 1
            if marks[s]:
                cue[key] += 1
    return total, cue


def table(total, cue):
    words = sorted({w for w, _ in total})
    rows = []
    for w in words:
        cues = [cue[(w, f)] for f in FRAMES]
        tots = [total[(w, f)] for f in FRAMES]
        if max(cues) < MIN_CUE or sum(cues) / max(1, sum(tots)) < MIN_TOTAL_P:
            continue
        probs = [(c + 0.0) / (t + 1.0) for c, t in zip(cues, tots)]  # add-one: rare frames stay low
        if max(probs) < KEEP_P:
            continue  # never a cue at the engine's thresholds: not worth its bytes in the wasm
        rows.append((w, probs, sum(cues)))
    return rows


def write(rows, path, n_articles):
    lines = [
        "//! Cue words learned from PolNeAR's training split (generated: do not edit).",
        "//!",
        f"//! Regenerate with `python3 train/cues.py ../shared/data/polnear --write {path}`",
        f"//! ({n_articles} training articles). Each row: a lowercase word and the probability",
        "//! that it introduces an attribution when followed by `that`, by a quotation mark or",
        "//! colon, by `to`, or by anything else (see `train/cues.py`). Sorted by word for binary",
        "//! search.",
        "",
        "/// `(word, [p_that, p_quote, p_to, p_clause])`.",
        "pub const CUES: &[(&str, [f32; 4])] = &[",
    ]
    for w, p, _ in rows:
        lines.append(f'    ("{w}", [{", ".join(f"{x:.3f}" for x in p)}]),')
    lines.append("];")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = sys.argv[1]
    train = polnear.load(data, "train")
    total, cue = count(train)
    rows = table(total, cue)
    print(f"{len(rows)} cue words from {len(train)} training articles", file=sys.stderr)
    if "--write" in sys.argv:
        write(rows, sys.argv[sys.argv.index("--write") + 1], len(train))
    if "--report" in sys.argv:
        dev = polnear.load(data, "dev")
        dt, dc = count(dev)
        for thr in (0.3, 0.4, 0.5, 0.6):
            keep = {(w, f) for w, p, _ in rows for f, x in zip(FRAMES, p) if x >= thr}
            tp = sum(dc[k] for k in keep)
            fp = sum(dt[k] - dc[k] for k in keep)
            allc = sum(dc.values())
            print(f"threshold {thr}: dev word-level precision {tp / max(1, tp + fp):.3f}, recall of cue words {tp / max(1, allc):.3f}")
        for w, p, n in sorted(rows, key=lambda r: -r[2])[:60]:
            print(f"{w:16} {n:5}  " + " ".join(f"{f}={x:.2f}" for f, x in zip(FRAMES, p)))


if __name__ == "__main__":
    main()
