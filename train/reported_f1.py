#!/usr/bin/env python3
"""Reported-speech F1 in whosaid's own convention, estimated on PolNeAR.

    python3 train/reported_f1.py ../shared/data/polnear dev target/release/whosaid [SCORER]

PolNeAR's content spans cover beliefs, plans and endorsements too, so its reported-content
recall is a floor for what whosaid calls reported speech (`X said (that) …`). This narrows the
gold to what the issue's hand-annotated articles count: attributions whose cue is a speech
verb or `according to` and whose content is not a direct quote. Recall is over those;
precision is over whosaid's indirect quotes, right when one matches any PolNeAR content
(IoU >= 0.5 after trimming, as `polnear-score` matches content). SCORER is the path of
`polnear-score` (default: ../shared/tools/polnear-score), whose span helpers this reuses.
Standard library only; deterministic.
"""
import json
import os
import re
import subprocess
import sys
from importlib.machinery import SourceFileLoader

SPEECH = re.compile(
    r"^(said|says|say|saying|told|tells|tell|telling|added|adding|according to|stated|explained|"
    r"argued|claimed|insisted|noted|wrote|announced|asked|warned|declared|acknowledged|admitted|"
    r"contended|suggested|maintained|asserted|testified|tweeted|replied|responded|recalled|"
    r"reported|predicted|promised|vowed|pledged|confirmed|denied|stressed|emphasized|complained|"
    r"agreed|countered|conceded|estimated|concluded|observed|remarked|repeated|reiterated|"
    r"continued)$")


def main():
    data, split, binary = sys.argv[1:4]
    scorer = sys.argv[4] if len(sys.argv) > 4 else os.path.join(data, "..", "..", "tools", "polnear-score")
    ps = SourceFileLoader("polnear_score", scorer).load_module()
    d = os.path.join(data, split)
    gold_n = gold_hit = pred_n = pred_ok = 0
    for f in sorted(os.listdir(os.path.join(d, "text"))):
        name = f[:-4]
        text = open(os.path.join(d, "text", f), encoding="utf-8").read()
        anns = sorted(a for a in os.listdir(os.path.join(d, "attributions"))
                      if a == name + ".ann" or a.startswith(name + "_"))
        if not anns:
            continue
        spans, rels = {}, []
        for line in open(os.path.join(d, "attributions", anns[0]), encoding="utf-8"):
            p = line.rstrip("\n").split("\t")
            if p[0].startswith("T") and len(p) >= 2:
                kind, _, locs = p[1].partition(" ")
                spans[p[0]] = [tuple(map(int, x.split())) for x in locs.split(";")]
            elif p[0].startswith("E") and len(p) >= 2:
                roles = {}
                for a in p[1].split():
                    r, _, t = a.partition(":")
                    roles.setdefault(re.sub(r"\d+$", "", r), []).append(t)
                rels.append(roles)
        out = subprocess.run([binary, "annotate", os.path.join(d, "text", f)], capture_output=True)
        pred = json.loads(out.stdout)
        b2c, b = {}, 0
        for i, ch in enumerate(text):
            b2c[b] = i
            b += len(ch.encode())
        b2c[b] = len(text)
        indirect = [ps.trim(text, b2c[q["start"]], b2c[q["end"]])
                    for q in pred["quotes"] if q["kind"] == "indirect"]
        every = []
        for r in rels:
            content = [p for t in r.get("Content", []) if t in spans for p in spans[t]]
            if not content:
                continue
            cue = " ".join(text[a:b] for t in r.get("Cue", []) if t in spans for a, b in spans[t])
            whole = ps.trim(text, min(s for s, _ in content), max(e for _, e in content))
            pieces = [ps.trim(text, a, b) for a, b in content] + [whole]
            every.append(pieces)
            direct = bool(ps.quoted_segments(text, *whole)) or text[max(0, whole[0] - 1)] in "“\""
            if direct or not SPEECH.match(cue.lower().strip()):
                continue
            gold_n += 1
            gold_hit += any(ps.iou(x, p) >= 0.5 for x in pieces for p in indirect)
        for p in indirect:
            pred_n += 1
            pred_ok += any(ps.iou(x, p) >= 0.5 for pieces in every for x in pieces)
    r = gold_hit / max(1, gold_n)
    p = pred_ok / max(1, pred_n)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"speech-cued reported gold={gold_n} recall={r:.3f} indirect={pred_n} precision={p:.3f} f1={f1:.3f}")


if __name__ == "__main__":
    main()
