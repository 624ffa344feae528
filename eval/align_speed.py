"""How long claim alignment takes once embeddings exist, by articles x sentences per event.

Vectors are synthetic (random unit vectors around a shared topic direction, like e5's high floor)
so the timing measures the aligner alone. Alignment compares sentences only within an event: its
cost is quadratic in the event's sentence count (one similarity matrix) and does not depend on
how many other events the pile holds.

    python -m eval.align_speed [--repeat N]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from eval.common import step, table
from framing.match.align import align

SHAPES = [(2, 20), (5, 40), (10, 40), (20, 40), (10, 100), (40, 40)]


def synthetic_event(articles: int, sentences: int, seed: int = 0) -> tuple[np.ndarray, list[int]]:
    rng = np.random.default_rng(seed)
    topic = rng.normal(size=384)
    claims = rng.normal(size=(sentences, 384))
    rows, owner = [], []
    for article in range(articles):
        for claim in rng.permutation(sentences):
            rows.append(3.0 * topic + claims[claim] + 0.6 * rng.normal(size=384))
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
        align(vectors, owner)  # warm-up
        start = time.perf_counter()
        for _ in range(args.repeat):
            index = align(vectors, owner)
        seconds = (time.perf_counter() - start) / args.repeat
        rows.append([f"{articles} x {sentences}", len(owner), f"{seconds * 1000:.1f}", len(index.pairs), len(index.members)])
    print(table(["articles x sentences", "rows", "align ms", "pairs", "clusters"], rows))


if __name__ == "__main__":
    main()
