"""The Python package: the JSON contract with code-point offsets, the golden articles, the
same results as the command line, bad input, and annotate_many's parallelism."""

import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

import whosaid

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))
BIN = os.environ.get("WHOSAID_BIN", str(ROOT / "target" / "release" / "whosaid"))

KIRBY = "“We are ready,” said Pentagon press secretary John Kirby."


def gold(path):
    return json.loads(path.read_text(encoding="utf-8"))


def spans(a):
    """Every (start, end, text) of an annotations dict that carries its own text."""
    for q in a["quotes"]:
        yield q["start"], q["end"], q["text"]
        for p in (q["cue"], q["source"]):
            if p is not None:
                yield p["start"], p["end"], p["text"]
    for c in a["claims"]:
        yield c["start"], c["end"], c["text"]


def check_contract(text, a):
    assert a["version"] == whosaid.FORMAT_VERSION == 2
    assert a["offsets"] == "chars"
    assert set(a) == {"version", "offsets", "entities", "quotes", "claims", "sources"}
    for start, end, t in spans(a):
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == t
    ids = {e["id"] for e in a["entities"]}
    for e in a["entities"]:
        assert e["kind"] in ("person", "organization")
        for m in e["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
    for i, q in enumerate(a["quotes"], 1):
        assert q["id"] == f"q{i}"
        assert q["kind"] in ("direct", "indirect")
        assert q["speaker"] is None or q["speaker"] in ids
        assert 0.0 <= q["confidence"] <= 1.0
    quote_ids = {q["id"] for q in a["quotes"]}
    for c in a["claims"]:
        assert c["quote"] is None or c["quote"] in quote_ids
        assert 0.0 <= c["score"] <= 1.0
    assert sum(s["quotes"] for s in a["sources"]) == len(a["quotes"])


def test_readme_example_names_john_kirby():
    a = whosaid.annotate("“We are ready,” said John Kirby.")
    check_contract("“We are ready,” said John Kirby.", a)
    (q,) = a["quotes"]
    assert q["text"] == "We are ready"
    speaker = next(e for e in a["entities"] if e["id"] == q["speaker"])
    assert speaker["name"] == "John Kirby"
    assert q["source"]["text"] == "John Kirby"


def test_contract_and_title():
    a = whosaid.annotate(KIRBY)
    check_contract(KIRBY, a)
    (e,) = a["entities"]
    assert (e["name"], e["title"]) == ("John Kirby", "Pentagon press secretary")


def direct_quote_speakers(path):
    """(gold direct quotes found, [(gold speaker, right?)]) for one gold article."""
    g = gold(path)
    a = whosaid.annotate(g["text"])
    check_contract(g["text"], a)
    names = {e["id"]: e["name"] for e in a["entities"]}
    direct = [q for q in a["quotes"] if q["kind"] == "direct"]
    strip = " \n\"'“”‘’«».,;:!?—–-"
    speakers = []
    for gq in (q for q in g["quotes"] if q["kind"] == "direct"):
        want = gq["text"].strip(strip)
        found = [q for q in direct if want in q["text"] or q["text"].strip(strip) in want]
        assert found, f"{path.stem}: gold direct quote not found: {want[:80]!r}"
        if gq["speaker"]:
            surname = gq["speaker"].split()[-1].lower()
            speakers.append(any(surname in names.get(q["speaker"], "").lower() for q in found))
    return speakers


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_golden_article_direct_quotes(path):
    """Every gold direct quote is found (direct recall is 1.00 on the dev set)."""
    direct_quote_speakers(path)


def test_golden_speakers():
    """The gold speaker's surname is in the speaker's name for most direct quotes (0.92 on the
    dev set when this was written; the target of issue #3 is 0.90)."""
    right = [r for p in GOLD for r in direct_quote_speakers(p)]
    assert len(right) > 40
    assert sum(right) / len(right) >= 0.85, f"{sum(right)}/{len(right)}"


def utf8_to_chars(text):
    """byte offset -> code point offset, for comparing with the CLI's UTF-8 offsets."""
    table, b = {}, 0
    for i, ch in enumerate(text):
        table[b] = i
        b += len(ch.encode("utf-8"))
    table[b] = len(text)
    return table


def test_same_annotations_as_the_cli():
    """The Python layer adds nothing and loses nothing: the CLI's output, offsets converted."""
    texts = [gold(p)["text"] for p in GOLD] + [KIRBY + " 😀 中文 «Non», a-t-il dit."]
    for text in texts:
        cli = json.loads(
            subprocess.run([BIN, "annotate", "-"], input=text.encode(), capture_output=True, check=True).stdout
        )
        m = utf8_to_chars(text)

        def conv(x):
            if isinstance(x, dict):
                return {k: (m[v] if k in ("start", "end") else conv(v)) for k, v in x.items()}
            if isinstance(x, list):
                return [conv(v) for v in x]
            return x

        cli = conv(cli)
        cli["offsets"] = "chars"
        assert whosaid.annotate(text) == cli


def test_empty_and_blank_input_give_empty_annotations():
    for text in ["", " ", "\n\n\t"]:
        a = whosaid.annotate(text)
        assert (a["entities"], a["quotes"], a["claims"], a["sources"]) == ([], [], [], [])
    assert whosaid.annotate_many([]) == []


@pytest.mark.parametrize("bad", [None, 1, 2.5, b"bytes", bytearray(b"x"), ["list"], {"text": "x"}])
def test_non_str_is_a_type_error(bad):
    with pytest.raises(TypeError, match="must be str"):
        whosaid.annotate(bad)


def test_annotate_many_bad_input():
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        whosaid.annotate_many(["ok", b"no"])
    with pytest.raises(TypeError, match="not a str"):
        whosaid.annotate_many("a string is not a list of texts")
    with pytest.raises(TypeError):
        whosaid.annotate_many(5)
    with pytest.raises(ValueError):
        whosaid.annotate_many(["x"], threads=0)
    with pytest.raises(TypeError):
        whosaid.annotate()  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "text",
    [
        "\ud800",
        "\udfff“We are ready,” said John Kirby.\ud800",
        "“We \ud83d\ude00 are ready,” said John \udc00Kirby. 😀 He said the talks failed in 2019.",
        "a\ud800" * 1000 + KIRBY,
    ],
    ids=["alone", "around", "split-pair", "many"],
)
def test_lone_surrogates_are_handled_and_offsets_still_slice(text):
    a = whosaid.annotate(text)
    check_contract(text, a)
    (b,) = whosaid.annotate_many([text])
    assert a == b
    if "Kirby" in text:
        assert any("ready" in q["text"] for q in a["quotes"])


def test_offsets_slice_python_strings_with_astral_and_combining_characters():
    text = "😀👍🏽 e\u0301 中文 " + KIRBY + " 🇺🇸 Kirby told reporters that 8,500 troops had been put on alert."
    a = whosaid.annotate(text)
    check_contract(text, a)
    assert len(a["quotes"]) >= 2
    for e in a["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]].strip()


def test_huge_string():
    text = "\n\n".join(gold(p)["text"] for p in GOLD)
    big = "\n\n".join([text] * max(1, (8 << 20) // len(text)))  # ~8 MB
    a = whosaid.annotate(big)
    assert len(a["quotes"]) > 1000
    check_contract(big, a)


def test_annotate_many_matches_annotate_in_order_on_any_thread_count():
    texts = [gold(p)["text"] for p in GOLD] * 3 + ["", KIRBY]
    one = [whosaid.annotate(t) for t in texts]
    for threads in (None, 1, 2, 7, 100):
        assert whosaid.annotate_many(texts, threads=threads) == one
    assert whosaid.annotate_many(iter(texts[:3])) == one[:3]  # any iterable
    assert whosaid.annotate_many(t for t in texts[:2]) == one[:2]


def test_the_gil_is_released_while_annotating():
    """Another Python thread keeps running while annotate_many works."""
    texts = [gold(p)["text"] for p in GOLD] * 40
    done = threading.Event()
    ticks = [0, 0]  # (while running, total)

    def count():
        while not done.is_set():
            ticks[1] += 1
            time.sleep(0)

    t = threading.Thread(target=count)
    t.start()
    time.sleep(0.05)
    before = ticks[1]
    whosaid.annotate_many(texts, threads=1)
    ticks[0] = ticks[1] - before
    done.set()
    t.join()
    assert ticks[0] > 100, ticks
