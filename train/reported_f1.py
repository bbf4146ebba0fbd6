#!/usr/bin/env python3
"""Reported-speech F1 in whosaid's own convention, estimated on PolNeAR.

    python3 train/reported_f1.py ../shared/data/polnear dev target/release/whosaid [SCORER]

PolNeAR's content spans cover beliefs, plans and endorsements too, so its reported-content
recall is a floor for what whosaid calls reported speech (`X said (that) …`). This narrows the
gold to what the issue's hand-annotated articles count: attributions whose cue is a speech
verb or `according to` and whose content is not a direct quote. Recall is over those;
precision is over whosaid's indirect quotes, right when one matches any PolNeAR content
(IoU >= 0.5 after trimming, as `polnear-score` matches content). Articles are read with
`polnear.py`; SCORER is the path of `polnear-score` (default: ../shared/tools/polnear-score),
whose span helpers (trim, IoU, quoted segments) this reuses so the matching is the scorer's.
Standard library only; deterministic.
"""
import json
import os
import re
import subprocess
import sys
from importlib.machinery import SourceFileLoader

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polnear  # noqa: E402  (the project's PolNeAR reader)

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
    gold_n = gold_hit = pred_n = pred_ok = 0
    for art in polnear.load(data, split):
        text = art.text
        path = os.path.join(data, split, "text", art.name + ".txt")
        pred = json.loads(subprocess.run([binary, "annotate", path], capture_output=True).stdout)
        b2c = polnear.byte_to_char(text)
        indirect = [ps.trim(text, b2c[q["start"]], b2c[q["end"]])
                    for q in pred["quotes"] if q["kind"] == "indirect"]
        every = []
        for r in art.attributions:
            cue = polnear.span_text(text, r.cue).replace(" … ", " ")
            whole = ps.trim(text, min(s for s, _ in r.content), max(e for _, e in r.content))
            pieces = [ps.trim(text, a, b) for a, b in r.content] + [whole]
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
