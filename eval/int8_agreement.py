"""Do the default int8 encoder's decisions match fp32's? Events, claim pairs and top frames, side by side.

Dynamic int8 once gave different vectors on CPUs with and without VNNI (ONNX Runtime's u8 x s8
kernels can saturate on AVX2); the bundled model now has 7-bit weights (reduce_range), so no sum can
saturate and the integer arithmetic is exact on every x86 CPU. This command measures what is left: the distance between int8 and fp32
decisions, on this machine, with its CPU flags printed beside it. ``tests/test_real_model.py`` runs
the same comparison on the seeds with the tolerances stated there, so every machine checks itself.

    python -m eval.int8_agreement [--data DIR] [--seeds 3] [--stories N]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

from eval.common import cpu_description, data_dir, prf, require_data, step, table

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass(frozen=True)
class Agreement:
    """How far two runs' decisions are apart: 1.0 is identical."""

    event_pairs_f1: float  # the documents grouped together, one run against the other
    claim_pairs_f1: float  # the sentence pairs put in one claim
    top_frame_agreement: float  # sentences given the same frame (abstaining counts as a frame)
    min_cosine: float  # lowest cosine between the two runs' vectors of one sentence


def _event_pairs(result: object) -> set[tuple[str, str]]:
    return {tuple(sorted((a, b))) for e in result.events for a, b in combinations(e.documents, 2)}  # type: ignore[attr-defined]


def _claim_pairs(result: object) -> set[tuple]:
    pairs = set()
    for cluster in result.clusters:  # type: ignore[attr-defined]
        rows = [(m.document, m.sentence) for m in (*cluster.members, *cluster.parts)]
        pairs |= {tuple(sorted((x, y))) for x, y in combinations(rows, 2) if x[0] != y[0]}
    return pairs


def _f1(a: set, b: set) -> float:
    return 1.0 if not a and not b else prf(a, b)[2]


def compare_results(first: object, second: object) -> tuple[float, float, float]:
    """Event-pair F1, claim-pair F1 and top-frame agreement of two results on the same inputs."""
    frames = [
        (first.sentence_frame(d.id, s.id), second.sentence_frame(d.id, s.id))  # type: ignore[attr-defined]
        for d in first.documents for s in d.sentences  # type: ignore[attr-defined]
    ]
    agreement = sum(a == b for a, b in frames) / len(frames) if frames else 1.0
    return _f1(_event_pairs(first), _event_pairs(second)), _f1(_claim_pairs(first), _claim_pairs(second)), agreement


def seed_agreement(seeds: Path = SEEDS, frames: bool = True) -> Agreement:
    """The default int8 encoder against fp32 on the seed articles (the full pipeline, frames included)."""
    import framing
    from framing.embed import CachedEncoder, resolve_encoder

    int8, fp32 = CachedEncoder(resolve_encoder(None)), CachedEncoder(resolve_encoder("e5-small-fp32"))
    first = framing.compare([str(seeds)], encoder=int8, frames=frames)
    second = framing.compare([str(seeds)], encoder=fp32, frames=frames)
    texts = [s.text for d in first.documents for s in d.sentences]
    cosine = float((int8.encode(texts) * fp32.encode(texts)).sum(axis=1).min())
    return Agreement(*compare_results(first, second), min_cosine=cosine)


def bench_agreement(data: Path, seed: int, stories: int | None) -> Agreement:
    """The same on one pile of the many-outlet bench (grouping and claims; the bench has no frames)."""
    from eval.many_outlets import build_pile, run_pipeline
    from framing.embed import CachedEncoder, resolve_encoder

    articles = build_pile(data, seed, stories)
    decisions = []
    vectors_by_encoder = []
    for spec in (None, "e5-small-fp32"):
        encoder = CachedEncoder(resolve_encoder(spec))
        step(f"many-outlet pile {seed}: embedding with {spec or 'the default int8 encoder'}")
        flat = encoder.encode([s for a in articles for s in a.sentences])
        bounds = np.cumsum([0] + [len(a.sentences) for a in articles])
        vectors = [flat[bounds[i] : bounds[i + 1]] for i in range(len(articles))]
        events, clusters = run_pipeline(articles, vectors, encoder)
        decisions.append((
            {tuple(sorted((a, b))) for e in events for a, b in combinations(e, 2)},
            {tuple(sorted((x, y))) for c in clusters for x, y in combinations(c, 2) if x[0] != y[0]},
        ))
        vectors_by_encoder.append(flat)
    cosine = float((vectors_by_encoder[0] * vectors_by_encoder[1]).sum(axis=1).min())
    (events_a, claims_a), (events_b, claims_b) = decisions
    return Agreement(_f1(events_a, events_b), _f1(claims_a, claims_b), float("nan"), cosine)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding ntrex/ (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--seeds", default="3", help="many-outlet generator seeds to compare on (held out: 3,4,5)")
    parser.add_argument("--stories", type=int, default=None, help="use only N stories per pile")
    args = parser.parse_args()
    data = require_data(data_dir(args.data), "ntrex")
    print(f"CPU: {cpu_description()}")
    step("seed articles: int8 and fp32 runs")
    rows = [["seed articles", *_cells(seed_agreement())]]
    for seed in (int(s) for s in args.seeds.split(",")):
        rows.append([f"many-outlet pile, seed {seed}", *_cells(bench_agreement(data, seed, args.stories))])
    print(table(["input", "events (pair F1)", "claims (pair F1)", "top frame agrees", "lowest cosine"], rows))


def _cells(agreement: Agreement) -> list:
    frames = "-" if np.isnan(agreement.top_frame_agreement) else agreement.top_frame_agreement
    return [agreement.event_pairs_f1, agreement.claim_pairs_f1, frames, agreement.min_cosine]


if __name__ == "__main__":
    main()
