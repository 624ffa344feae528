"""Name differences on translations: every name a claim comparison reports as "only in one side" of two sentences
that translate each other is a false difference (both name the same people and places).

Source: SIB-200 (FLORES-200 sentences, 1,004 per language) and NTREX-128 (1,997 news lines), ru/uk/bg/en, line-parallel,
read from ``--data`` / ``$FRAMING_DATA`` / ``../shared/data``. For each of the six language pairs, every parallel line pair
goes through :func:`framing.findings.compare_claims`; the table counts the "entity" differences it reports, per 100 line
pairs, and the commonest names reported. Stop 41 chose its key spellings, stems and words that are not names from
the real piles' unmatched names and the SIB-200 list (both read); NTREX's list was read once before the stems for
"United States", "Earth" and "Sun" were added, so neither set is held out for the word lists: the figures say how
much noise a reader of the side-by-side diff and the coverage view sees, not a held-out score. Stop 42's looser
spellings (:func:`framing.match.entities.named_elsewhere`: Williams/Уильямс, John/Джоном, Labour/лейбористы,
May/Мей, George/Джордж, Нью-Йорку/York, РХБЗ spelt out, a first name whose surname the other side has) were chosen
on SIB-200's train split and NTREX's odd-numbered documents; the rows "all, held-out half" count SIB-200's
dev and test sentences and NTREX's even-numbered documents, which were not read for them.

    python -m eval.entity_differences [--data DIR] [--top 15]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from eval.common import data_dir, require_data, step, table
from framing.findings import compare_claims

SIB = {"en": "eng_Latn", "ru": "rus_Cyrl", "uk": "ukr_Cyrl", "bg": "bul_Cyrl"}
NTREX = {"en": "newstest2019-src.eng.txt", "ru": "newstest2019-ref.rus.txt", "uk": "newstest2019-ref.ukr.txt",
         "bg": "newstest2019-ref.bul.txt"}
PAIRS = (("en", "ru"), ("en", "uk"), ("en", "bg"), ("ru", "uk"), ("ru", "bg"), ("uk", "bg"))


def sib_lines(data: Path) -> dict[str, list[str]]:
    by_language: dict[str, dict[str, str]] = {}
    for language, folder in SIB.items():
        rows: dict[str, str] = {}
        for split in ("train", "dev", "test"):
            with open(data / "sib200" / folder / f"{split}.tsv", encoding="utf-8") as handle:
                rows.update({row["index_id"]: row["text"] for row in csv.DictReader(handle, delimiter="\t")})
        by_language[language] = rows
    ids = sorted(by_language["en"])
    return {language: [rows[i] for i in ids] for language, rows in by_language.items()}


def ntrex_lines(data: Path) -> dict[str, list[str]]:
    return {language: (data / "ntrex" / name).read_text(encoding="utf-8").splitlines() for language, name in NTREX.items()}


def sib_held_out(data: Path) -> set[int]:
    """Positions (in :func:`sib_lines` order) of SIB-200's dev and test sentences: held out for the looser name
    spellings of stop 42, chosen on the train split."""
    split_of: dict[str, str] = {}
    for split in ("train", "dev", "test"):
        with open(data / "sib200" / SIB["en"] / f"{split}.tsv", encoding="utf-8") as handle:
            split_of.update({row["index_id"]: split for row in csv.DictReader(handle, delimiter="\t")})
    return {i for i, index_id in enumerate(sorted(split_of)) if split_of[index_id] != "train"}


def ntrex_held_out(data: Path) -> set[int]:
    """Lines of NTREX's even-numbered documents (0, 2, ... in file order): held out for the looser name spellings of
    stop 42, chosen on the odd-numbered ones."""
    documents = [line.split("\t")[0] for line in (data / "ntrex" / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()]
    order = {doc: n for n, doc in enumerate(dict.fromkeys(documents))}
    return {i for i, doc in enumerate(documents) if order[doc] % 2 == 0}


def name_differences(lines: dict[str, list[str]], held_out: set[int]) -> tuple[dict[str, tuple[int, int]], Counter[str]]:
    """Per language pair, and for all pairs in the tuning and held-out halves: (line pairs, name differences
    reported); and the names reported, counted."""
    counts: dict[str, tuple[int, int]] = {}
    halves = {"all, tuning half": [0, 0], "all, held-out half": [0, 0]}
    names: Counter[str] = Counter()
    for a, b in PAIRS:
        found = 0
        for i, (x, y) in enumerate(zip(lines[a], lines[b])):
            reported = [d.value for d in compare_claims(x, y) if d.kind == "entity"]
            found += len(reported)
            names.update(reported)
            half = halves["all, held-out half" if i in held_out else "all, tuning half"]
            half[0] += 1
            half[1] += len(reported)
        counts[f"{a}-{b}"] = (min(len(lines[a]), len(lines[b])), found)
    counts.update({label: (n, f) for label, (n, f) in halves.items()})
    return counts, names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--top", type=int, default=15, help="how many of the commonest reported names to print")
    args = parser.parse_args()
    data = require_data(data_dir(args.data), "ntrex", "sib200")
    rows = []
    for corpus, read, held_out in (("SIB-200", sib_lines, sib_held_out), ("NTREX-128", ntrex_lines, ntrex_held_out)):
        step(f"comparing {corpus} translations")
        counts, names = name_differences(read(data), held_out(data))
        pairs = {k: v for k, v in counts.items() if not k.startswith("all")}
        total_pairs = sum(n for n, _ in pairs.values())
        total = sum(f for _, f in pairs.values())
        rows += [[corpus, pair, n, f, round(100 * f / n, 1)] for pair, (n, f) in pairs.items()]
        rows.append([corpus, "all", total_pairs, total, round(100 * total / total_pairs, 1)])
        rows += [[corpus, label, n, f, round(100 * f / n, 1)] for label, (n, f) in counts.items() if label.startswith("all")]
        print(f"{corpus}: commonest names reported on one side only: " + ", ".join(f"{k} {v}" for k, v in names.most_common(args.top)))
    print(table(["corpus", "languages", "line pairs", "names on one side only", "per 100 pairs"], rows))


if __name__ == "__main__":
    main()
