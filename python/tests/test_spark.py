"""The Spark job (python/examples/spark_quotes.py) in local mode (local[2], loopback, no UI) on
the dev articles: its quote table must hold exactly the quotes that `whosaid annotate --jsonl`
prints, one row each, with the speaker's name and the source phrase."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))
BIN = os.environ.get("WHOSAID_BIN", str(ROOT / "target" / "release" / "whosaid"))

sys.path.insert(0, str(ROOT / "python" / "examples"))
import spark_quotes  # noqa: E402  (the job, imported as a module: as bench/batch.py does)



@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The dev articles as JSON Lines, each twice under different ids (so ids matter)."""
    d = tmp_path_factory.mktemp("corpus")
    path = d / "articles.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for rep in range(2):
            for p in GOLD:
                g = json.loads(p.read_text(encoding="utf-8"))
                f.write(json.dumps({"id": f"{g['id']}#{rep}", "text": g["text"], "extra": 1}) + "\n")
    return path


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = spark_quotes.session("local[2]", "whosaid-test")
    yield s
    s.stop()


def expected_rows(corpus):
    """The quote rows from the CLI's JSON Lines output, offsets turned into code points."""
    out = subprocess.run(
        [BIN, "annotate", "--jsonl", "--threads", "2", str(corpus)], capture_output=True, check=True
    ).stdout.decode()
    texts = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"]
    rows = set()
    for line in out.splitlines():
        ann = json.loads(line)
        text = texts[ann["id"]]
        raw = text.encode("utf-8")

        def ch(b):
            return len(raw[:b].decode("utf-8"))

        names = {e["id"]: (e["name"], e["title"]) for e in ann["entities"]}
        for q in ann["quotes"]:
            name, title = names.get(q["speaker"], (None, None))
            rows.add(
                (
                    ann["id"],
                    q["id"],
                    ch(q["start"]),
                    ch(q["end"]),
                    q["text"],
                    q["kind"],
                    name,
                    title,
                    q["source"]["text"] if q["source"] else None,
                )
            )
    return rows


def table_rows(pdf):
    cols = ["id", "quote", "start", "end", "text", "kind", "speaker", "title", "source"]
    pdf = pdf.astype(object).where(pdf.notna(), None)
    return [tuple(None if v is None else (int(v) if c in ("start", "end") else v) for c, v in zip(cols, r))
            for r in pdf[cols].itertuples(index=False)]


def test_spark_job_writes_one_row_per_quote_matching_the_cli(spark, corpus, tmp_path):
    out = tmp_path / "quotes.parquet"
    n = spark_quotes.run(spark, str(corpus), str(out), partitions=3)
    want = expected_rows(corpus)
    assert n == len(want) > 200

    import pandas as pd

    pdf = pd.read_parquet(out)
    assert list(pdf.columns) == [name for name, _ in spark_quotes.QUOTE_COLUMNS]
    got = table_rows(pdf)
    assert len(got) == len(set(got)) == n
    assert set(got) == want
    # The spans index the article text as Python strings.
    texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in corpus.read_text(encoding="utf-8").splitlines()}
    for r in pdf.itertuples(index=False):
        assert texts[r.id][r.start : r.end] == r.text
    assert ((pdf.confidence >= 0) & (pdf.confidence <= 1)).all()
    assert pdf.speaker.notna().mean() > 0.5


def test_empty_and_quoteless_articles_give_no_rows(spark, tmp_path):
    path = tmp_path / "few.jsonl"
    path.write_text(
        json.dumps({"id": 1, "text": ""}) + "\n"
        + json.dumps({"id": 2, "text": "No quotes here at all."}) + "\n"
        + json.dumps({"id": 3, "text": "“We are ready,” said John Kirby."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "few-out"
    assert spark_quotes.run(spark, str(path), str(out)) == 1
    import pandas as pd

    (row,) = table_rows(pd.read_parquet(out))
    assert row[0] == "3" and row[4] == "We are ready" and row[6] == "John Kirby"


# Last in the file: main() stops the Spark session it gets, which is the module's (getOrCreate
# reuses it, sparing a second JVM).
def test_main_on_parquet_input(spark, corpus, tmp_path, capsys):
    """The job's command line on a Parquet corpus: the same rows."""
    import pandas as pd

    articles = tmp_path / "articles.parquet"
    pd.read_json(corpus, lines=True, dtype={"id": str})[["id", "text"]].to_parquet(articles)
    out = tmp_path / "from-main"
    assert spark_quotes.main([str(articles), str(out), "--master", "local[2]"]) == 0
    assert "quotes written" in capsys.readouterr().err
    assert set(table_rows(pd.read_parquet(out))) == expected_rows(corpus)
