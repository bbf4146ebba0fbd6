"""Corpus-scale throughput: `whosaid annotate --jsonl`, `whosaid.annotate_many` and the Spark
job; "1 core" runs are pinned to one CPU with sched_setaffinity, on the 8 dev articles (tests/gold) repeated.

    python bench/batch.py [--articles N] [--spark-mb MB] [--no-spark]

Run with the Python of scripts/test-python's venv (it has whosaid, pyspark, pandas) after
`cargo build --release`. Prints a Markdown table: wall and CPU seconds (user + sys) and
articles per second on 1 thread and on all cores, and the load average around each run.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = os.environ.get("WHOSAID_BIN", str(ROOT / "target" / "release" / "whosaid"))
GOLD = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests" / "gold").glob("*.json"))]


def corpus(n):
    return [{"id": f"{GOLD[i % len(GOLD)]['id']}#{i}", "text": GOLD[i % len(GOLD)]["text"]} for i in range(n)]


def load():
    return os.getloadavg()[0]


def cpu(who):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def measure(fn, who):
    l0, c0, t0 = load(), cpu(who), time.perf_counter()
    fn()
    wall, c = time.perf_counter() - t0, cpu(who) - c0
    return wall, c, (l0 + load()) / 2


def best_of(k, fn, who):
    runs = [measure(fn, who) for _ in range(k)]
    return min(runs, key=lambda r: r[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=4000)
    ap.add_argument("--spark-mb", type=float, default=100)
    ap.add_argument("--no-spark", action="store_true")
    ap.add_argument("--no-batch", action="store_true", help="only the Spark job")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cores = os.cpu_count()
    docs = corpus(args.articles)
    mb = sum(len(d["text"].encode()) for d in docs) / 1e6
    tmp = Path(tempfile.mkdtemp(prefix="whosaid-bench-"))
    rows = []
    try:
        path = tmp / "corpus.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        # "1 core": pinned to CPU 0 (threads inherit the affinity), one worker thread.
        all_cpus = os.sched_getaffinity(0)
        for threads in () if args.no_batch else (1, cores):
            pin = {min(all_cpus)} if threads == 1 else all_cpus

            def cli():
                subprocess.run([BIN, "annotate", "--jsonl", "--threads", str(threads), str(path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                               preexec_fn=lambda: os.sched_setaffinity(0, pin))
            rows.append((f"CLI `annotate --jsonl --threads {threads}`", threads,
                         *best_of(args.repeat, cli, resource.RUSAGE_CHILDREN)))
        import whosaid

        texts = [d["text"] for d in docs]
        whosaid.annotate_many(texts[:50])  # warm up
        for threads in () if args.no_batch else (1, cores):
            os.sched_setaffinity(0, {min(all_cpus)} if threads == 1 else all_cpus)
            rows.append((f"Python `annotate_many(threads={threads})`", threads,
                         *best_of(args.repeat, lambda: whosaid.annotate_many(texts, threads=threads),
                                  resource.RUSAGE_SELF)))
        os.sched_setaffinity(0, all_cpus)
        if not args.no_batch:
            print(f"corpus: {args.articles} articles, {mb:.1f} MB (the 8 dev articles repeated); "
                  f"{cores} cores; best of {args.repeat}\n")
            print("| run | cores (threads) | wall s | CPU s (user+sys) | articles/s (wall) | MB/s | load avg (1 min) |")
            print("|---|---|---|---|---|---|---|")
        for name, th, wall, c, la in rows:
            print(f"| {name} | {th} | {wall:.2f} | {c:.2f} | {args.articles / wall:.0f} | {mb / wall:.2f} | {la:.1f} |")
        by = {r[0]: r for r in rows}
        for kind in () if args.no_batch else ("CLI", "Python"):
            one, many = [r for r in rows if r[0].startswith(kind)]
            print(f"\n{kind}: speed-up on {cores} cores {one[2] / many[2]:.2f}× "
                  f"(target ≥ {0.7 * cores:.1f}×); CPU per article {1000 * one[3] / args.articles:.2f} ms "
                  f"on 1 thread, {1000 * many[3] / args.articles:.2f} ms on {cores}")
        del by

        if not args.no_spark:
            sys.path.insert(0, str(ROOT / "python" / "examples"))
            import spark_quotes

            per = sum(len(g["text"].encode()) for g in GOLD)
            n = max(len(GOLD), int(args.spark_mb * 1e6 / per) * len(GOLD))
            big = tmp / "spark.jsonl"
            with big.open("w", encoding="utf-8") as f:
                for d in corpus(n):
                    f.write(json.dumps(d) + "\n")
            size = big.stat().st_size / 1e6
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            t0 = time.perf_counter()
            spark = spark_quotes.session(f"local[{cores}]", "whosaid-bench")
            t1 = time.perf_counter()
            l0 = load()
            quotes = spark_quotes.run(spark, str(big), str(tmp / "quotes.parquet"))
            t2 = time.perf_counter()
            spark.stop()
            print(f"\nSpark local[{cores}]: {n} articles ({size:.0f} MB of JSON Lines) → {quotes} quote rows "
                  f"in {t2 - t1:.1f} s ({n / (t2 - t1):.0f} articles/s; session start {t1 - t0:.1f} s; "
                  f"load {l0:.1f} → {load():.1f})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
