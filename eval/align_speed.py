"""How long claim alignment takes once embeddings exist, by articles x sentences per event.

Vectors are synthetic (random unit vectors around a shared topic direction, like e5's high floor)
so the timing measures the aligner alone: no encoder runs, so there is no ratio to fp32
sentence-transformers to give. Alignment compares sentences only within an event: its cost is
quadratic in the event's sentence count (one similarity matrix) and does not depend on how many
other events the pile holds. Two aligners are timed: the ratio-margin core (``framing.match.align``)
and the claim clustering the pipeline runs (``framing.match.claims.claim_clusters``, whole sentences),
with and without its parts pass, and with neither parts nor refinement.

    python -m eval.align_speed [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from eval.common import cpu_description, step, table
from framing.match import claims
from framing.match.align import align

SHAPES = [(2, 20), (5, 40), (10, 40), (20, 40), (10, 100), (40, 40)]


def synthetic_event(articles: int, sentences: int, seed: int = 0, topic_weight: float = 3.0, noise: float = 0.6) -> tuple[np.ndarray, list[int]]:
    rng = np.random.default_rng(seed)
    topic = rng.normal(size=384)
    claims = rng.normal(size=(sentences, 384))
    rows, owner = [], []
    for article in range(articles):
        for claim in rng.permutation(sentences):
            rows.append(topic_weight * topic + claims[claim] + noise * rng.normal(size=384))
            owner.append(article)
    vectors = np.asarray(rows, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), owner


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = []
    for articles, sentences in SHAPES:
        step(f"{articles} articles x {sentences} sentences")
        vectors, owner = synthetic_event(articles, sentences)
        index = align(vectors, owner)
        # the claim clustering reads language-centred vectors: no shared topic direction left, and noisier
        # (paraphrases), so that its claims form as they do on real events
        centred, _ = synthetic_event(articles, sentences, topic_weight=0.0, noise=1.2)
        position = _positions(owner)
        titles = [False] * len(owner)
        timed = [
            _milliseconds(args.repeat, align, vectors, owner),
            _milliseconds(args.repeat, claims.claim_clusters, centred, owner, position, titles),
            _milliseconds(args.repeat, claims.claim_clusters, centred, owner, position, titles, claims.ClaimParams(part_margin=None)),
            _milliseconds(args.repeat, _without_refinement, centred, owner, position),
        ]
        found = claims.claim_clusters(centred, owner, position, titles).clusters
        rows.append([f"{articles} x {sentences}", len(owner), *(f"{t:.1f}" for t in timed), len(index.pairs), len(index.members), len(found)])
    print(table(["articles x sentences", "rows", "align ms", "claim clusters ms", "without parts ms", "without refinement ms", "pairs", "clusters",
                 "claims"], rows))
    print(f"CPU: {cpu_description()}")


def _positions(owner: list[int]) -> list[int]:
    seen: dict[int, int] = {}
    position = []
    for o in owner:
        position.append(seen.get(o, 0))
        seen[o] = position[-1] + 1
    return position


def _milliseconds(repeat: int, run: Callable[..., object], *args: object) -> float:
    run(*args)  # warm-up
    start = time.perf_counter()
    for _ in range(repeat):
        run(*args)
    return (time.perf_counter() - start) / repeat * 1000


def _without_refinement(vectors: np.ndarray, owner: list[int], position: list[int]) -> list[list[int]]:
    """claims.claim_clusters' steps with the refinement pass and the parts left out (what it cost before report 15)."""
    params = claims.ClaimParams()
    owner_arr = np.asarray(owner)
    k = min(params.max_k, max(params.k, len(set(owner)) // 2))
    margin = claims.sentence_margins(vectors, owner_arr, k)
    pairs = claims.candidate_pairs(margin, owner_arr, np.asarray(position), np.zeros(len(owner), dtype=bool), params)
    return claims.constrained_clusters(len(owner), pairs, owner_arr, np.asarray(position), params.split_documents, margin,
                                       params.cluster_margin)


if __name__ == "__main__":
    main()
