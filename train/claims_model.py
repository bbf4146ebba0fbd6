#!/usr/bin/env python3
"""Train whosaid's learned check-worthiness score and write it into `src/claims_model.rs`.

Data
----
The script expects the file ``data/two_class/kfold_25ncs.json`` of the public GitHub repository
https://github.com/utaresearch/claimbuster-spotter (the ClaimBuster claim-spotting code of the
IDIR Lab, UT Arlington). That file holds 9,674 sentences of U.S. presidential debates labelled
by ClaimBuster's crowd of coders: ``label`` 1 = CFS (check-worthy factual sentence, 2,764) and
``label`` 0 = NCS (not check-worthy: non-factual or unimportant factual, 6,910), as a JSON list of
``{"sentence_id": int, "label": 0|1, "text": str}``. It is the file the ClaimBuster data set on
Zenodo ships as ``2.5xNCS.json`` (Arslan et al. 2020, https://doi.org/10.5281/zenodo.3609356),
which its README says was used to train the models of Meng et al. (2020), who evaluate them with
4-fold cross-validation; we evaluate the same way. The weights were built from the copy at commit
332bba0819d79f8e42d0a70277597dfe97036873 of that repository (file SHA-256 below; the script
warns if yours differs).

Obtain it (outside this repository; never commit it)::

    git clone --depth 1 https://github.com/utaresearch/claimbuster-spotter /tmp/claimbuster-spotter
    mkdir -p /tmp/claimbuster
    cp /tmp/claimbuster-spotter/data/two_class/kfold_25ncs.json /tmp/claimbuster/

Run (Python 3.11, standard library only; about 3 to 5 minutes on two cores)::

    python3 train/claims_model.py /tmp/claimbuster/kfold_25ncs.json --write src/claims_model.rs

Without ``--write`` it only prints the evaluation.

What it does
------------
1. Features (mirrored exactly by ``src/claims_model.rs``): the sentence's UTF-8 bytes are split into
   tokens, each a maximal run of ASCII letters and digits, lowercased (every other byte, non-ASCII
   included, separates tokens). A token holding a digit is *numeric*; its normal form is
   ``<num>``, any other token's is itself. Features are: each token (literal), ``<num>`` once more
   for each numeric token, and each pair of adjacent normal forms joined by one space. Each
   feature's bytes are hashed with 32-bit FNV-1a; bucket ``(h ^ (h >> 12)) & 4095``, sign ``-1`` if
   bit 31 of ``h`` is set, else ``+1`` (signed hashing, so collisions cancel on average instead of
   piling up). The vector is the signed count per bucket divided by ``sqrt(number of features)``
   (so long sentences do not score high just for being long), plus a bias.
2. Model: L2-regularised logistic regression (mean log-loss + lambda/2 * |w|^2, bias not
   penalised), fitted by full-batch L-BFGS.
3. Held-out evaluation: stratified 4-fold cross-validation with a fixed seed (as in Meng et al.,
   who aggregate over 4 folds). Within each outer fold, lambda is picked from a small grid by
   validation log-loss on a fixed 80/20 split of that fold's *training* part only, then refit on
   the whole training part; the test fold is never seen before it is scored. Precision, recall and
   F1 of the positive class (CFS) at probability >= 0.5 are pooled over the 4 test folds, for the
   float weights and for the quantised weights that ship; also at a "tuned" cut-off, the one that
   maximised F1 on the same inner validation split (so also never chosen on the test fold), and
   the threshold-free average precision.
4. Shipped model: lambda and tuned cut-off picked the same way on all data, refit on all data,
   weights quantised to i8 with one f32 scale (``scale = max|w| / 127``); the bias stays f32.
5. ``--write`` replaces the generated regions of ``src/claims_model.rs`` (between
   ``@generated-begin:NAME`` and ``@generated-end:NAME`` comment lines): the figures in the module
   doc, the constants, and test vectors (our own sentences, not data) whose probabilities are
   computed here with the quantised weights, so the Rust test proves the Rust features identical.

Everything is deterministic (fixed seeds, full-batch optimisation): the same data gives the same
weights byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import random
import re
import struct
import sys
from dataclasses import dataclass

BUCKETS = 4096
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193
NUM = b"<num>"
TOKEN = re.compile(rb"[A-Za-z0-9]+")
DIGIT = re.compile(rb"[0-9]")
LAMBDAS = (3e-4, 1e-4, 3e-5, 1e-5, 3e-6)
DATA_SHA256 = "10c4ef81d6b5814cee23d8ab7ca5803a0a64944d0da3d813733534ed664ba6fe"
FOLDS = 4
SEED = 20240601
THRESHOLD = 0.5

# Sentences of our own (not from the data) whose probabilities become the Rust test vectors.
# They exercise digits inside words, punctuation, non-ASCII bytes, case and the empty string.
TEST_SENTENCES = (
    "Unemployment fell to 3.9 percent last year, the lowest rate since 1969.",
    "I think that's a wonderful idea, and I thank you for the question.",
    "The Senate passed the bill by 52 to 48 votes on Tuesday.",
    "Crime has doubled in our cities because of these policies.",
    "Thank you very much.",
    "What would you do about it?",
    "Taxes WILL rise by $1,200 for a family of four under his plan.",
    "Café owners in Zürich say the COVID19 rules cost them 30% of revenue — “a disaster”.",
    "We've lost 700,000 jobs; 9/11 changed everything.",
    "",
    "...",
    "hello",
    "In the 1990s the G20 met in 2 cities; now it's 12.",
    "The mayor said the new stadium would create thousands of jobs.",
    "He has been the worst president in the history of our country.",
    "Our plan will cut the deficit in half within four years.",
)


def tokens(sentence: str) -> list[bytes]:
    return [t.lower() for t in TOKEN.findall(sentence.encode("utf-8"))]


def features(sentence: str) -> list[bytes]:
    """The feature strings of a sentence, in the order the Rust code visits them."""
    out: list[bytes] = []
    prev: bytes | None = None
    for tok in tokens(sentence):
        numeric = DIGIT.search(tok) is not None
        out.append(tok)
        norm = NUM if numeric else tok
        if numeric:
            out.append(NUM)
        if prev is not None:
            out.append(prev + b" " + norm)
        prev = norm
    return out


def fnv1a(data: bytes) -> int:
    h = FNV_OFFSET
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & 0xFFFFFFFF
    return h


def bucket_sign(h: int) -> tuple[int, int]:
    return (h ^ (h >> 12)) & (BUCKETS - 1), (-1 if h >> 31 else 1)


def vectorise(sentence: str) -> tuple[list[tuple[int, int]], int]:
    """Sparse signed counts per bucket and the number of features (for the 1/sqrt(n) norm)."""
    counts: dict[int, int] = {}
    feats = features(sentence)
    for f in feats:
        idx, sign = bucket_sign(fnv1a(f))
        counts[idx] = counts.get(idx, 0) + sign
    return [(i, c) for i, c in sorted(counts.items()) if c != 0], len(feats)


@dataclass
class Example:
    x: list[tuple[int, float]]
    y: int


def example(sentence: str, label: int) -> Example:
    sparse, n = vectorise(sentence)
    norm = 1.0 / math.sqrt(n) if n else 0.0
    return Example([(i, c * norm) for i, c in sparse], label)


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def loss_grad(w: list[float], data: list[Example], lam: float) -> tuple[float, list[float]]:
    """Mean log-loss + lam/2 |w[:-1]|^2 and its gradient; w[-1] is the bias."""
    n = len(data)
    grad = [0.0] * (BUCKETS + 1)
    bias = w[BUCKETS]
    total = 0.0
    for ex in data:
        z = bias
        for i, v in ex.x:
            z += w[i] * v
        # log(1 + exp(-z)) for y=1, log(1 + exp(z)) for y=0, computed stably
        s = z if ex.y == 0 else -z
        total += s + math.log1p(math.exp(-s)) if s > 0 else math.log1p(math.exp(s))
        g = sigmoid(z) - ex.y
        for i, v in ex.x:
            grad[i] += g * v
        grad[BUCKETS] += g
    inv = 1.0 / n
    reg = 0.0
    for i in range(BUCKETS):
        grad[i] = grad[i] * inv + lam * w[i]
        reg += w[i] * w[i]
    grad[BUCKETS] *= inv
    return total * inv + 0.5 * lam * reg, grad


def dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b))


def lbfgs(data: list[Example], lam: float, w0: list[float] | None = None,
          memory: int = 10, max_iter: int = 400, tol: float = 1e-6) -> list[float]:
    """Minimise the convex objective with L-BFGS and a backtracking Armijo line search."""
    w = list(w0) if w0 is not None else [0.0] * (BUCKETS + 1)
    f, g = loss_grad(w, data, lam)
    hist: list[tuple[list[float], list[float], float]] = []
    for _ in range(max_iter):
        gnorm = math.sqrt(dot(g, g))
        if gnorm < tol:
            break
        # two-loop recursion
        q = list(g)
        alphas = []
        for s, y, rho in reversed(hist):
            a = rho * dot(s, q)
            alphas.append(a)
            q = [qi - a * yi for qi, yi in zip(q, y)]
        if hist:
            s, y, _ = hist[-1]
            gamma = dot(s, y) / dot(y, y)
        else:
            gamma = 1.0 / gnorm
        r = [gamma * qi for qi in q]
        for (s, y, rho), a in zip(hist, reversed(alphas)):
            b = rho * dot(y, r)
            r = [ri + (a - b) * si for ri, si in zip(r, s)]
        d = [-ri for ri in r]
        slope = dot(g, d)
        if slope >= 0:  # not a descent direction: restart from steepest descent
            hist.clear()
            d = [-gi / gnorm for gi in g]
            slope = dot(g, d)
        step = 1.0
        while True:
            w_new = [wi + step * di for wi, di in zip(w, d)]
            f_new, g_new = loss_grad(w_new, data, lam)
            if f_new <= f + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s = [a - b for a, b in zip(w_new, w)]
        y = [a - b for a, b in zip(g_new, g)]
        sy = dot(s, y)
        if sy > 1e-12:
            hist.append((s, y, 1.0 / sy))
            if len(hist) > memory:
                hist.pop(0)
        converged = abs(f - f_new) <= 1e-10 * max(1.0, abs(f))
        w, f, g = w_new, f_new, g_new
        if converged:
            break
    return w


def predict(w: list[float], ex: Example) -> float:
    z = w[BUCKETS]
    for i, v in ex.x:
        z += w[i] * v
    return sigmoid(z)


def log_loss(w: list[float], data: list[Example]) -> float:
    eps = 1e-12
    total = 0.0
    for ex in data:
        p = min(max(predict(w, ex), eps), 1 - eps)
        total -= math.log(p) if ex.y else math.log(1 - p)
    return total / len(data)


def quantise(w: list[float]) -> tuple[list[int], float, float]:
    """i8 weights, their f32 scale, and the f32 bias."""
    peak = max(abs(x) for x in w[:BUCKETS]) or 1.0
    scale = f32(peak / 127.0)
    q = [max(-127, min(127, round(x / scale))) for x in w[:BUCKETS]]
    return q, scale, f32(w[BUCKETS])


def f32(x: float) -> float:
    """`x` rounded to the nearest f32."""
    return struct.unpack("<f", struct.pack("<f", x))[0]


def dequantise(q: list[int], scale: float, bias: float) -> list[float]:
    return [qi * scale for qi in q] + [bias]


def logit_quantised(sentence: str, q: list[int], scale: float, bias: float) -> float:
    """Exactly what the Rust `logit` computes: integer sum, then one scale and the norm."""
    acc = 0
    feats = features(sentence)
    for f in feats:
        idx, sign = bucket_sign(fnv1a(f))
        acc += sign * q[idx]
    return bias + (scale * acc / math.sqrt(len(feats)) if feats else 0.0)


def score_quantised(sentence: str, q: list[int], scale: float, bias: float) -> float:
    return sigmoid(logit_quantised(sentence, q, scale, bias))


def stratified_folds(labels: list[int], texts: list[str], k: int, seed: int) -> list[int]:
    """Fold number per example, stratified by label; identical texts share a fold."""
    rng = random.Random(seed)
    fold = [-1] * len(labels)
    first: dict[str, int] = {}
    for cls in (0, 1):
        idx = [i for i, y in enumerate(labels) if y == cls and texts[i] not in first]
        rng.shuffle(idx)
        for n, i in enumerate(idx):
            first.setdefault(texts[i], n % k)
    for i, t in enumerate(texts):
        fold[i] = first[t]
    return fold


def split_80_20(data: list[Example], seed: int) -> tuple[list[Example], list[Example]]:
    folds = stratified_folds([e.y for e in data], [str(i) for i in range(len(data))], 5, seed)
    return ([e for e, f in zip(data, folds) if f != 0], [e for e, f in zip(data, folds) if f == 0])


def best_threshold(probs: list[float], gold: list[int]) -> float:
    """The cut-off in [0.20, 0.70] (step 0.01) that maximises F1 of the positive class;
    ties go to the cut-off nearest 0.5."""
    scored = []
    for t in (x / 100 for x in range(20, 71)):
        tp, fp, fn, _ = counts([p >= t for p in probs], gold)
        scored.append((prf(tp, fp, fn)[2], -abs(t - THRESHOLD), t))
    return max(scored)[2]


def choose_lambda(data: list[Example], seed: int) -> tuple[float, dict[float, float], float]:
    """Lambda with the least validation log-loss on an 80/20 split of `data`, and the
    F1-maximising threshold of that model on the same validation part."""
    fit, val = split_80_20(data, seed)
    losses: dict[float, float] = {}
    thresholds: dict[float, float] = {}
    w = None
    for lam in sorted(LAMBDAS, reverse=True):  # strong to weak, warm-started
        w = lbfgs(fit, lam, w)
        losses[lam] = log_loss(w, val)
        thresholds[lam] = best_threshold([predict(w, e) for e in val], [e.y for e in val])
    lam = min(losses, key=losses.get)
    return lam, losses, thresholds[lam]


def select_and_fit(data: list[Example], seed: int) -> tuple[float, dict[float, float], float, list[float]]:
    lam, losses, threshold = choose_lambda(data, seed)
    return lam, losses, threshold, lbfgs(data, lam)


def counts(pred: list[int], gold: list[int]) -> tuple[int, int, int, int]:
    tp = sum(1 for p, g in zip(pred, gold) if p and g)
    fp = sum(1 for p, g in zip(pred, gold) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold) if not p and g)
    tn = len(gold) - tp - fp - fn
    return tp, fp, fn, tn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_fold(args: tuple[int, list[Example], list[Example], list[str]]) -> dict:
    k, train, test, test_texts = args
    lam, losses, threshold, w = select_and_fit(train, SEED + 1 + k)
    q, scale, bias = quantise(w)
    p_float = [predict(w, e) for e in test]
    p_quant = [score_quantised(t, q, scale, bias) for t in test_texts]
    return {"fold": k, "lambda": lam, "threshold": threshold, "val_losses": losses,
            "gold": [e.y for e in test], "p_float": p_float, "p_quant": p_quant}


def average_precision(probs: list[float], gold: list[int]) -> float:
    """Area under the precision-recall curve (mean precision at each true positive, ranked)."""
    hits, total = 0, 0.0
    for rank, (_, y) in enumerate(sorted(zip(probs, gold), key=lambda x: -x[0]), start=1):
        if y:
            hits += 1
            total += hits / rank
    return total / max(1, sum(gold))


def report(name: str, decisions: list[bool], gold: list[int]) -> dict:
    tp, fp, fn, tn = counts(decisions, gold)
    p, r, f = prf(tp, fp, fn)
    acc = (tp + tn) / len(gold)
    print(f"{name:<44} P={p:.3f} R={r:.3f} F1={f:.3f} acc={acc:.3f} (tp={tp} fp={fp} fn={fn} tn={tn})")
    return {"p": p, "r": r, "f1": f, "acc": acc}


def rust_str(s: str) -> str:
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= ord(ch) < 0x7F:
            out.append(ch)
        else:
            out.append(f"\\u{{{ord(ch):x}}}")
    return '"' + "".join(out) + '"'


def rust_f32(x: float) -> str:
    """Shortest decimal that parses back to the same f32."""
    target = f32(x)
    for digits in range(1, 18):
        text = f"{target:.{digits}g}"
        if f32(float(text)) == target:
            break
    return text if any(c in text for c in ".e") else text + ".0"


def replace_region(text: str, name: str, body: str) -> str:
    pat = re.compile(rf"(^[ \t]*// @generated-begin:{name}\b[^\n]*\n)(.*?)(^[ \t]*// @generated-end:{name}\b)",
                     re.S | re.M)
    if not pat.search(text):
        sys.exit(f"region {name!r} not found in the Rust file")
    return pat.sub(lambda m: m.group(1) + body + m.group(3), text, count=1)


def write_rust(path: str, q: list[int], scale: float, bias: float, lam: float, threshold: float,
               cv: dict, n: int, n_pos: int) -> None:
    with open(path, encoding="utf-8") as fh:
        text = fh.read()

    def row(name: str, m: dict, bold: bool = False) -> str:
        f1 = f"**{m['f1']:.3f}**" if bold else f"{m['f1']:.3f}"
        return f"//! | {name} | {m['p']:.3f} | {m['r']:.3f} | {f1} | {m['acc']:.3f} |\n"

    figures = (
        "//! | model, cut-off | precision | recall | F1 | accuracy |\n"
        "//! |---|---|---|---|---|\n"
        + row("shipped i8 weights, p >= 0.5", cv["quant"], True)
        + row("shipped i8 weights, tuned cut-off", cv["quant_tuned"])
        + row("float weights, p >= 0.5", cv["float"])
        + f"//!\n"
        f"//! Class CFS, pooled over the 4 test folds of a stratified 4-fold cross-validation\n"
        f"//! (seed {SEED}) of all {n:,} sentences ({n_pos:,} CFS). Average precision (threshold-free)\n"
        f"//! of the shipped weights: {cv['ap']:.3f}. The tuned cut-off is picked per fold on a\n"
        f"//! validation split of that fold's training part, never on its test fold. The shipped\n"
        f"//! model is refit on all {n:,} sentences with lambda = {lam:g}; its tuned cut-off is\n"
        f"//! [`TUNED_THRESHOLD`].\n"
    )
    text = replace_region(text, "figures", figures)
    lines = []
    for i in range(0, BUCKETS, 32):
        lines.append("    " + " ".join(f"{v}," for v in q[i:i + 32]))
    consts = (
        f"/// Cut-off on [`check_worthiness`] that maximised CFS F1 on held-out validation data\n"
        f"/// (0.5 is the plain probability cut-off; this one trades precision for recall).\n"
        f"pub const TUNED_THRESHOLD: f32 = {rust_f32(threshold)};\n"
        f"/// Dequantisation factor of [`WEIGHTS`]: a weight is `WEIGHTS[i] as f32 * SCALE`.\n"
        f"const SCALE: f32 = {rust_f32(scale)};\n"
        f"/// Intercept of the logistic regression (not quantised).\n"
        f"const BIAS: f32 = {rust_f32(bias)};\n"
        f"/// One signed-hash bucket weight per feature bucket, i8-quantised.\n"
        f"#[rustfmt::skip]\n"
        f"static WEIGHTS: [i8; BUCKETS] = [\n" + "\n".join(lines) + "\n];\n"
    )
    text = replace_region(text, "weights", consts)
    vec_lines = []
    for s in TEST_SENTENCES:
        z = logit_quantised(s, q, scale, bias)
        vec_lines.append(f"        ({rust_str(s)}, {rust_f32(round(z, 5))}, {rust_f32(round(sigmoid(z), 6))}),")
    vectors = ("    /// (sentence, logit, probability), computed by train/claims_model.py with these weights.\n"
               "    #[rustfmt::skip]\n"
               "    const VECTORS: &[(&str, f32, f32)] = &[\n" + "\n".join(vec_lines) + "\n    ];\n")
    text = replace_region(text, "vectors", vectors)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"wrote {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="path to kfold_25ncs.json (see the module docstring)")
    ap.add_argument("--write", metavar="RUST_FILE", help="update the generated regions of this file")
    ap.add_argument("--jobs", type=int, default=2, help="parallel folds (default 2)")
    args = ap.parse_args()

    with open(args.data, "rb") as fh:
        raw = fh.read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != DATA_SHA256:
        print(f"warning: {args.data} has SHA-256 {digest}, not the {DATA_SHA256} the shipped "
              "weights were trained on; figures and weights will differ", file=sys.stderr)
    rows = json.loads(raw.decode("utf-8"))
    texts = [r["text"] for r in rows]
    labels = [int(r["label"]) for r in rows]
    data = [example(t, y) for t, y in zip(texts, labels)]
    n_pos = sum(labels)
    print(f"{len(data)} sentences, {n_pos} CFS, {len(data) - n_pos} NCS")

    folds = stratified_folds(labels, texts, FOLDS, SEED)
    jobs = []
    for k in range(FOLDS):
        train = [e for e, f in zip(data, folds) if f != k]
        test_idx = [i for i, f in enumerate(folds) if f == k]
        jobs.append((k, train, [data[i] for i in test_idx], [texts[i] for i in test_idx]))
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        final = pool.apply_async(select_and_fit, (data, SEED))
        results = pool.map(run_fold, jobs)
        lam, losses, threshold, w = final.get()

    gold, pf, pq, tuned = [], [], [], []
    for res in sorted(results, key=lambda r: r["fold"]):
        print(f"fold {res['fold']}: lambda={res['lambda']:g} threshold={res['threshold']:.2f} "
              "validation log-loss " + " ".join(f"{k:g}:{v:.4f}" for k, v in sorted(res["val_losses"].items())))
        gold += res["gold"]
        pf += res["p_float"]
        pq += res["p_quant"]
        tuned += [p >= res["threshold"] for p in res["p_quant"]]
    cv = {"float": report("4-fold CV, float weights, p >= 0.5", [p >= THRESHOLD for p in pf], gold),
          "quant": report("4-fold CV, i8 weights, p >= 0.5", [p >= THRESHOLD for p in pq], gold),
          "quant_tuned": report("4-fold CV, i8 weights, tuned cut-off", tuned, gold),
          "ap": average_precision(pq, gold)}
    print(f"4-fold CV, i8 weights, average precision: {cv['ap']:.3f}")

    q, scale, bias = quantise(w)
    nonzero = sum(1 for v in q if v)
    print(f"shipped: lambda={lam:g} threshold={threshold:.2f} (validation log-loss "
          + " ".join(f"{k:g}:{v:.4f}" for k, v in sorted(losses.items()))
          + f"), scale={scale:.6g}, bias={bias:.4f}, {nonzero}/{BUCKETS} non-zero i8 weights")
    for s in TEST_SENTENCES:
        print(f"  {score_quantised(s, q, scale, bias):.4f}  {s!r}")
    if args.write:
        write_rust(args.write, q, scale, bias, lam, threshold, cv, len(data), n_pos)


if __name__ == "__main__":
    main()
