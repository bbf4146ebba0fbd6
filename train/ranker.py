#!/usr/bin/env python3
"""Trains the speaker ranker (`src/ranker.rs`) on PolNeAR's source spans and writes its
weights into `src/tables/ranker.rs`.

1. `cargo run --release --example candidates -- FILES` prints, for every cued quote the rules
   find, the source phrases they propose with their features (see `ranker::FEATURES`).
2. Each quote is matched to a gold attribution of PolNeAR the way `polnear-score` matches
   content (character IoU >= 0.5 after trimming marks and punctuation). A candidate is right
   when at least half of it lies inside the gold source span.
3. A logistic regression (L2, eight Newton steps: deterministic)
   learns one weight per feature on `train/`; `dev/` reports how often the top candidate is
   right, against the rules' own pick.

Standard library only.

    python3 train/ranker.py ../shared/data/polnear --write src/tables/ranker.rs
"""
import json
import math
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polnear  # noqa: E402

TRIM = " \t\r\n\"'“”‘’«»‹›„‚.,;:!?—–-()[]"
L2 = 1e-3
ITERATIONS = 8


def trim(text, s, e):
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def iou(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def examples(data, split, binary):
    """[(features, label)] per matched quote with a gold source, as lists of candidates."""
    arts = {a.name: a for a in polnear.load(data, split)}
    tdir = os.path.join(data, split, "text")
    files = [os.path.join(tdir, n + ".txt") for n in sorted(arts)]
    out = subprocess.run([binary] + files, capture_output=True, check=True, text=True).stdout
    groups = []
    b2c_cache = {}
    for line in out.splitlines():
        q = json.loads(line)
        name = os.path.basename(q["file"])[:-4]
        a = arts[name]
        b2c = b2c_cache.get(name) or b2c_cache.setdefault(name, polnear.byte_to_char(a.text))
        qs = trim(a.text, b2c[q["start"]], b2c[q["end"]])
        best, bv = None, 0.5
        for r in a.attributions:
            pieces = [trim(a.text, s, e) for s, e in r.content]
            pieces.append(trim(a.text, min(s for s, _ in r.content), max(e for _, e in r.content)))
            v = max(iou(p, qs) for p in pieces)
            if v >= bv:
                best, bv = r, v
        if best is None or not best.source:
            continue
        group = []
        for c in q["candidates"]:
            s, e = b2c[c["start"]], b2c[c["end"]]
            inside = sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in best.source)
            group.append((c["f"], 1 if e > s and inside / (e - s) >= 0.5 else 0))
        groups.append(group)
    return groups


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def fit(groups, n):
    """Newton's method (iteratively reweighted least squares) with an L2 penalty: a few
    exact steps, no learning rate to tune, the same weights on every run."""
    rows = [x for g in groups for x in g]
    w = [0.0] * n
    for _ in range(ITERATIONS):
        grad = [L2 * len(rows) * wi for wi in w]
        hess = [[(L2 * len(rows) if i == j else 0.0) for j in range(n)] for i in range(n)]
        for f, y in rows:
            p = sigmoid(sum(a * b for a, b in zip(f, w)))
            r = p - y
            q = p * (1 - p)
            for i in range(n):
                if f[i] == 0.0:
                    continue
                grad[i] += r * f[i]
                qi = q * f[i]
                hi = hess[i]
                for j in range(n):
                    if f[j] != 0.0:
                        hi[j] += qi * f[j]
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
    return w


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            k = m[r][c] / m[c][c]
            for j in range(c, n + 1):
                m[r][j] -= k * m[c][j]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][j] * x[j] for j in range(r + 1, n))) / m[r][r]
    return x


def evaluate(groups, w):
    """Share of quotes (with any right candidate) whose top candidate is right; the same for
    the rules' own pick (feature 0, `by_rule`)."""
    n = top = rule = 0
    for g in groups:
        if not any(y for _, y in g):
            continue
        n += 1
        best = max(g, key=lambda c: sum(a * b for a, b in zip(c[0], w)))
        top += best[1]
        rule += any(y for f, y in g if f[0] == 1.0)
    return top / max(1, n), rule / max(1, n), n


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data = sys.argv[1]
    binary = os.environ.get("CANDIDATES", "target/release/examples/candidates")
    train = examples(data, "train", binary)
    dev = examples(data, "dev", binary)
    n = len(train[0][0][0])
    w = fit(train, n)
    for split, g in (("train", train), ("dev", dev)):
        top, rule, k = evaluate(g, w)
        print(f"{split}: {k} quotes with a right candidate; top candidate right {top:.3f}, rules' pick right {rule:.3f}", file=sys.stderr)
    if "--write" in sys.argv:
        path = sys.argv[sys.argv.index("--write") + 1]
        top, rule, k = evaluate(dev, w)
        with open(path, "w", encoding="utf-8") as f:
            f.write("//! Weights of the speaker ranker, learned from PolNeAR's training split (generated: do not edit).\n")
            f.write(f"//! Regenerate: `cargo build --release --example candidates && python3 train/ranker.py ../shared/data/polnear --write {path}`.\n")
            f.write(f"//! {sum(len(g) for g in train)} candidates of {len(train)} training quotes; on dev/ the top candidate is right for\n")
            f.write(f"//! {top:.3f} of {k} quotes (the rules' own pick: {rule:.3f}). Order: `ranker::FEATURES`.\n")
            f.write(f"pub const WEIGHTS: [f32; {n}] = [{', '.join(f'{x:.4f}' for x in w)}];\n")


if __name__ == "__main__":
    main()
