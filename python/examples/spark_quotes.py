"""Who said what across a corpus, on Apache Spark: one row per quote.

    spark-submit python/examples/spark_quotes.py INPUT OUTPUT [--master local[2]] [--partitions N]

INPUT is JSON Lines (``{"id": …, "text": …}`` per line) or Parquet (a file or folder ending in
``.parquet``, or ``--input-format parquet``) with columns ``id`` and ``text``. OUTPUT is a
Parquet folder with one row per quote:

    id          the article's id (as a string)
    quote       q1, q2, … within the article
    start, end  offsets of the quote in the article text, in code points (Python indices)
    text        the quote
    kind        direct | indirect
    speaker     the speaker's fullest name (``John Kirby``), or null when nobody is named
    title       the speaker's title when the article gives one
    source      the source phrase as written (``he``, ``a spokeswoman``), or null
    confidence  in [0, 1]

Every executor needs the ``whosaid`` package (``pip install .`` from the repository) in the
Python that Spark runs (``PYSPARK_PYTHON``). Articles are annotated with ``mapInPandas``: each
Arrow batch goes to ``whosaid.annotate_many`` with the GIL released; Spark already runs one
task per core, so each task uses one thread (``WHOSAID_THREADS`` to change it).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator

QUOTE_COLUMNS = [
    ("id", "string"),
    ("quote", "string"),
    ("start", "int"),
    ("end", "int"),
    ("text", "string"),
    ("kind", "string"),
    ("speaker", "string"),
    ("title", "string"),
    ("source", "string"),
    ("confidence", "float"),
]
QUOTE_SCHEMA = ", ".join(f"`{name}` {ty}" for name, ty in QUOTE_COLUMNS)


def quote_rows(article_id: str, ann: dict) -> list[dict]:
    """The rows of one article's annotations (the JSON contract, code-point offsets)."""
    entities = {e["id"]: e for e in ann["entities"]}
    rows = []
    for q in ann["quotes"]:
        e = entities.get(q["speaker"]) if q["speaker"] else None
        rows.append(
            {
                "id": article_id,
                "quote": q["id"],
                "start": q["start"],
                "end": q["end"],
                "text": q["text"],
                "kind": q["kind"],
                "speaker": e["name"] if e else None,
                "title": e["title"] if e else None,
                "source": q["source"]["text"] if q["source"] else None,
                "confidence": q["confidence"],
            }
        )
    return rows


def annotate_batches(batches: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:  # noqa: F821
    """mapInPandas function: (id, text) batches in, quote rows out."""
    import pandas as pd

    import whosaid

    threads = int(os.environ.get("WHOSAID_THREADS", "1"))
    names = [name for name, _ in QUOTE_COLUMNS]
    for batch in batches:
        texts = ["" if t is None else t for t in batch["text"].tolist()]
        anns = whosaid.annotate_many(texts, threads=threads)
        rows = []
        for article_id, ann in zip(batch["id"].tolist(), anns):
            rows.extend(quote_rows(None if article_id is None else str(article_id), ann))
        out = pd.DataFrame(rows, columns=names)
        yield out.astype({"start": "int32", "end": "int32", "confidence": "float32"})


def quote_table(articles):
    """A DataFrame with columns id, text → one row per quote (see the module docstring)."""
    from pyspark.sql import functions as F

    if __name__ != "__main__":
        # Imported as a module: ship its functions by value, so executors need only whosaid.
        from pyspark import cloudpickle

        cloudpickle.register_pickle_by_value(sys.modules[__name__])
    return articles.select(F.col("id").cast("string").alias("id"), "text").mapInPandas(
        annotate_batches, QUOTE_SCHEMA
    )


def read_articles(spark, path: str, fmt: str | None = None):
    fmt = fmt or ("parquet" if path.rstrip("/").endswith(".parquet") else "json")
    if fmt == "parquet":
        return spark.read.parquet(path)
    # One JSON object per line; only id and text are read.
    return spark.read.schema("id string, text string").json(path)


def session(master: str = "local[2]", app: str = "whosaid-quotes"):
    """A SparkSession on loopback only, with no web UI."""
    from pyspark.sql import SparkSession

    # Spark binds its driver, block manager and Python workers to this address.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )


def run(spark, input_path: str, output_path: str, fmt: str | None = None, partitions: int | None = None) -> int:
    """Annotates the corpus at input_path and writes the quote table to output_path (Parquet).
    Returns the number of quotes written."""
    articles = read_articles(spark, input_path, fmt)
    if partitions:
        articles = articles.repartition(partitions)
    quotes = quote_table(articles)
    quotes.write.mode("overwrite").parquet(output_path)
    return spark.read.parquet(output_path).count()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[*]"))
    p.add_argument("--input-format", choices=["json", "parquet"])
    p.add_argument("--partitions", type=int)
    args = p.parse_args(argv)
    spark = session(args.master)
    try:
        n = run(spark, args.input, args.output, args.input_format, args.partitions)
    finally:
        spark.stop()
    print(f"spark_quotes: {n} quotes written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
