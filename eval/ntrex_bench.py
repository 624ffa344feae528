"""Comparable-coverage benchmark built deterministically from NTREX-128.

Source: NTREX-128 (MicrosoftTranslator/NTREX, folder NTREX-128, CC BY-SA 4.0): WMT19 newstest
English news with human translations, line-aligned, with document ids (DOCUMENT_IDS.tsv).

Per story, a Russian, a Ukrainian and a Bulgarian version each drop about a third of the
sentences, swap some neighbours, and take in two unrelated sentences from other stories. All
versions of all stories go into one pile with no hint of which is which. NTREX documents from
different outlets on one real-world event (eval/many_outlets.py's SAME_EVENT) keep one member each. Gold: a story's
versions form one event; two sentences with the same source line are a pair.

    python -m eval.ntrex_bench [--data DIR] [--stories N] [--encoder SPEC] [--grid]

Its rules are framing's defaults; this bench was not used to tune them (eval/many_outlets.py was).
"""

from __future__ import annotations

import argparse
import random
import zlib
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

from eval.common import data_dir, embed_documents, prf, require_data, step, table
from eval.many_outlets import SAME_EVENT
from framing.embed import language_centroids
from framing.match import ClaimParams, GroupingParams, align_event, entities, group_documents

LANGUAGES = {"ru": "newstest2019-ref.rus.txt", "uk": "newstest2019-ref.ukr.txt", "bg": "newstest2019-ref.bul.txt"}


@dataclass
class BenchDocument:
    id: str
    story: str
    language: str
    sentences: list[str]
    lines: list[int | None]  # source line of each sentence; None for an inserted unrelated one


def build_case(data: Path, max_stories: int | None = None, min_lines: int = 6, variants: int = 1) -> list[BenchDocument]:
    """The pile; ``variants`` > 1 adds further versions per story and language (other random drops),
    for scaling runs that need more articles than NTREX has."""
    ids = (data / "ntrex" / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    texts = {
        lang: (data / "ntrex" / name).read_text(encoding="utf-8").splitlines() for lang, name in LANGUAGES.items()
    }
    stories: dict[str, list[int]] = {}
    for line, story in enumerate(ids):
        stories.setdefault(story.split("\t")[0], []).append(line)
    dropped = {doc for group in SAME_EVENT for doc in group[1:]}  # one document per real-world event
    names = [s for s in stories if len(stories[s]) >= min_lines and s not in dropped][: max_stories or None]
    documents = []
    for story in names:
        for lang, variant in ((lang, v) for lang in LANGUAGES for v in range(variants)):
            rng = random.Random(zlib.crc32(f"{story}/{lang}".encode() + (f"/{variant}".encode() if variant else b"")))
            kept = [line for line in stories[story] if rng.random() >= 1 / 3]
            for i in range(len(kept) - 1):
                if rng.random() < 0.15:
                    kept[i], kept[i + 1] = kept[i + 1], kept[i]
            lines: list[int | None] = list(kept)
            others = [s for s in names if s != story]
            for _ in range(2):
                other = rng.choice(others)
                lines.insert(rng.randrange(len(lines) + 1), None)
                filler = rng.choice(stories[other])
                lines[lines.index(None)] = -filler - 1  # negative: unrelated, remember its text
            sentences = [texts[lang][abs(x) - 1 if x < 0 else x] for x in lines]
            documents.append(
                BenchDocument(f"{story}/{lang}" + (f"/{variant}" if variant else ""), story, lang, sentences,
                              [x if x >= 0 else None for x in lines])
            )
    rng = random.Random(7)
    rng.shuffle(documents)
    return documents


def evaluate(
    documents: list[BenchDocument],
    vectors: list[np.ndarray],
    params: ClaimParams,
    oracle_events: bool,
    grouping: GroupingParams | None = None,
) -> dict[str, float]:
    centroids = language_centroids("multilingual-e5-small")
    ents = [entities.document_entities(d.sentences) for d in documents]
    ids = [d.id for d in documents]
    if oracle_events:
        groups: dict[str, list[int]] = {}
        for i, d in enumerate(documents):
            groups.setdefault(d.story, []).append(i)
        events = list(groups.values())
    else:
        index = {d: i for i, d in enumerate(ids)}
        grouped = group_documents(
            ids, None, ents, [None] * len(ids), grouping, sentence_vectors=vectors, languages=[d.language for d in documents],
            centroids=centroids,
        )
        events = [[index[m] for m in e.documents] for e in grouped]
    gold_doc_pairs = {(a, b) for a, b in combinations(range(len(documents)), 2) if documents[a].story == documents[b].story}
    predicted_doc_pairs = {tuple(sorted(p)) for e in events for p in combinations(e, 2)}
    _, _, group_f1 = prf(predicted_doc_pairs, gold_doc_pairs)

    gold, predicted = set(), set()
    for a, b in gold_doc_pairs:
        where = {line: j for j, line in enumerate(documents[b].lines) if line is not None}
        for i, line in enumerate(documents[a].lines):
            if line is not None and line in where:
                gold.add(((a, i), (b, where[line])))
    for members in events:
        if len(members) < 2:
            continue
        found = align_event([documents[d].sentences for d in members], [vectors[d] for d in members],
                            [documents[d].language for d in members], params, centroids=centroids)
        for cluster in found.clusters:
            for x, y in combinations(cluster, 2):
                ra, rb = sorted(((members[x[0]], x[1]), (members[y[0]], y[1])))
                if ra[0] != rb[0]:
                    predicted.add((ra, rb))
    p, r, f1 = prf(predicted, gold)
    return {"pair_p": p, "pair_r": r, "pair_f1": f1, "group_f1": group_f1, "events": len(events)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding ntrex/ (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--stories", type=int, default=None, help="use only the first N stories")
    parser.add_argument("--encoder", default=None, help="encoder spec (default: bundled e5-small)")
    parser.add_argument("--grid", action="store_true", help="also print the threshold grid used for tuning")
    args = parser.parse_args()
    data = require_data(data_dir(args.data), "ntrex")
    step("building the comparable case")
    documents = build_case(data, args.stories)
    n_sentences = sum(len(d.sentences) for d in documents)
    step(f"embedding {n_sentences} sentences of {len(documents)} documents")
    vectors = embed_documents([d.sentences for d in documents], args.encoder)
    stories = Counter(d.story for d in documents)
    print(f"NTREX comparable case: {len(stories)} stories x 3 languages = {len(documents)} documents, "
          f"{n_sentences} sentences")
    rows = []
    for label, oracle in (("stories separated", True), ("stories mixed", False)):
        step(f"{label}: {'aligning' if oracle else 'grouping and aligning'}")
        m = evaluate(documents, vectors, ClaimParams(units=False), oracle)
        rows.append([label, m["events"], m["group_f1"], m["pair_p"], m["pair_r"], m["pair_f1"]])
    print(table(["setting", "events", "group F1", "pair P", "pair R", "pair F1"], rows))
    if args.grid:
        grid = []
        for mutual in (0.04, 0.08, 0.12, 0.16):
            step(f"grid: mutual margin {mutual}")
            for extra in (0.2, 0.3, 0.4):
                m = evaluate(documents, vectors, ClaimParams(mutual_margin=mutual, extra_margin=extra, units=False), True)
                grid.append([mutual, extra, m["pair_p"], m["pair_r"], m["pair_f1"]])
        print(table(["mutual margin", "extra margin", "pair P", "pair R", "pair F1"], grid))
        grouping = []
        for threshold in (0.7, 0.8, 0.85, 0.9, 1.0):
            step(f"grid: grouping threshold {threshold}")
            m = evaluate(documents, vectors, ClaimParams(units=False), False, GroupingParams(threshold=threshold))
            grouping.append([threshold, m["events"], m["group_f1"]])
        print(table(["threshold", "events", "group F1"], grouping))


if __name__ == "__main__":
    main()
