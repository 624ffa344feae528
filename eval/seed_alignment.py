"""Score claim alignment on the seed event against the hand-made gold in eval/gold/seed_alignment.toml.

    python -m eval.seed_alignment [--encoder SPEC] [--seeds DIR] [--show]

Prints pair precision / recall / F1 (precision over sure + possible pairs, recall over sure
pairs) and omission precision / recall (sentences the gold says only one outlet reports, against
the one-member claim clusters). --show lists the predicted pairs, marked sure / possible / wrong.
"""

from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

from eval.common import step, table
from framing.ingest.documents import Document
from framing.match import ClaimParams
from framing.pipeline import compare
from framing.result import ComparisonResult

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GOLD = Path(__file__).parent / "gold" / "seed_alignment.toml"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

Sentence = tuple[str, int]  # (document prefix, sentence id)


def find_sentence(documents: dict[str, Document], prefix: str, excerpt: str) -> Sentence:
    doc = next(d for d in documents.values() if d.id.startswith(prefix))
    hits = [s.id for s in doc.sentences if excerpt in s.text]
    if len(hits) != 1:
        raise ValueError(f"gold excerpt {excerpt!r} matches {len(hits)} sentences of {doc.id}, expected one")
    return prefix, hits[0]


def load_gold(result: ComparisonResult, path: Path = GOLD) -> tuple[set, set, list[str]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    documents = {d.id: d for d in result.documents}
    sure, possible = set(), set()
    prefixes: set[str] = set()
    for pair in data["pair"]:
        a, b = find_sentence(documents, *pair["a"]), find_sentence(documents, *pair["b"])
        prefixes.update((a[0], b[0]))
        (sure if pair["kind"] == "sure" else possible).add(tuple(sorted((a, b))))
    return sure, possible, sorted(prefixes)


def predicted_pairs(result: ComparisonResult, prefixes: list[str]) -> tuple[set, set]:
    pairs, singletons = set(), set()
    for cluster in result.clusters:
        # a sentence that states the claim inside a longer one (cluster.parts) is aligned with it too
        members = [(m.document[:3], m.sentence) for m in (*cluster.members, *cluster.parts) if m.document[:3] in prefixes]
        if len(cluster.members) == 1 and members:
            singletons.add(members[0])
        for a, b in combinations(members, 2):
            if a[0] != b[0]:
                pairs.add(tuple(sorted((a, b))))
    return pairs, singletons


def score(result: ComparisonResult, path: Path = GOLD) -> dict[str, float]:
    sure, possible, prefixes = load_gold(result, path)
    predicted, singletons = predicted_pairs(result, prefixes)
    allowed = sure | possible
    precision = len(predicted & allowed) / len(predicted) if predicted else 0.0
    recall = len(predicted & sure) / len(sure) if sure else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    linked = {s for pair in allowed for s in pair}
    every = {(d.id[:3], s.id) for d in result.documents if d.id[:3] in prefixes for s in d.sentences}
    gold_alone = every - linked
    omission_p = len(singletons & gold_alone) / len(singletons) if singletons else 0.0
    omission_r = len(singletons & gold_alone) / len(gold_alone) if gold_alone else 0.0
    return {
        "pairs predicted": len(predicted), "sure": len(sure), "possible": len(possible),
        "pair P": precision, "pair R": recall, "pair F1": f1,
        "omission P": omission_p, "omission R": omission_r, "gold omissions": len(gold_alone),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", default=None)
    parser.add_argument("--seeds", default=str(SEEDS))
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--sweep", action="store_true", help="also score other mutual-margin thresholds")
    args = parser.parse_args()
    step(f"framing compare {args.seeds}")
    result = compare([args.seeds], encoder=args.encoder)
    metrics = score(result)
    print(table(list(metrics), [list(metrics.values())]))
    if args.sweep:
        rows = []
        for units in (True, False):
            for margin in (0.04, 0.06, 0.08, 0.1, 0.12, 0.16):
                step(f"sweep: units {units}, mutual margin {margin}")
                params = ClaimParams(mutual_margin=margin, units=units)
                m = score(compare([args.seeds], encoder=args.encoder, params=params, frames=False))
                rows.append([units, margin, m["pairs predicted"], m["pair P"], m["pair R"], m["pair F1"], m["omission P"], m["omission R"]])
        print(table(["units", "mutual margin", "pairs", "pair P", "pair R", "pair F1", "omission P", "omission R"], rows))
    if args.show:
        sure, possible, prefixes = load_gold(result)
        predicted, _ = predicted_pairs(result, prefixes)
        text = {(d.id[:3], s.id): s.text for d in result.documents for s in d.sentences}
        for a, b in sorted(predicted):
            mark = "sure" if (a, b) in sure else "possible" if (a, b) in possible else "WRONG"
            print(f"{mark:8} {a[0]}:{a[1]:<2} {text[a][:60]!r}\n         {b[0]}:{b[1]:<2} {text[b][:60]!r}")
        for a, b in sorted(sure - predicted):
            print(f"MISSED   {a[0]}:{a[1]:<2} {text[a][:60]!r}\n         {b[0]}:{b[1]:<2} {text[b][:60]!r}")


if __name__ == "__main__":
    main()
