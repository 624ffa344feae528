"""Event grouping at scale: time and peak memory for 1,000 and 10,000 articles (synthetic e5-like vectors).

Articles are drawn in stories of 2 to 16; each sentence vector is a shared news direction plus
its language's direction plus its story's direction plus noise, normalised, so scores land where
real e5 scores do. Only grouping is timed (embedding is the encoder's cost, measured by perf_bench).

    python -m eval.group_scaling [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import Counter

import numpy as np

from eval.common import cpu_description, step, table
from framing.match import group_documents

LANGUAGES = ("ru", "uk", "bg", "en")
DIM = 384


def synthetic_pile(n_articles: int, seed: int = 0) -> tuple[list[str], list[np.ndarray], list[str], list[Counter[str]], list[int]]:
    rng = np.random.default_rng(seed)
    common = rng.normal(size=DIM)
    common /= np.linalg.norm(common)
    language_direction = {lang: rng.normal(size=DIM) / np.sqrt(DIM) for lang in LANGUAGES}
    ids, vectors, languages, entities, stories = [], [], [], [], []
    story = 0
    while len(ids) < n_articles:
        size = int(rng.choice((2, 4, 8, 16)))
        centre = rng.normal(size=DIM) / np.sqrt(DIM)
        names = [f"name{story}-{k}" for k in range(3)]
        for _ in range(min(size, n_articles - len(ids))):
            language = str(rng.choice(LANGUAGES))
            n_sentences = int(rng.integers(3, 25))
            sentences = 2.2 * common + language_direction[language] + centre + rng.normal(size=(n_sentences, DIM)) * 0.9 / np.sqrt(DIM)
            vectors.append((sentences / np.linalg.norm(sentences, axis=1, keepdims=True)).astype(np.float32))
            ids.append(f"a{len(ids)}")
            languages.append(language)
            entities.append(Counter({n: 1 for n in names[: int(rng.integers(1, 4))]}))
            stories.append(story)
        story += 1
    return ids, vectors, languages, entities, stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        step(f"{n} articles: building the synthetic pile")
        ids, vectors, languages, entities, _ = synthetic_pile(n)
        sentences = sum(len(v) for v in vectors)
        step(f"{n} articles: grouping {sentences} sentences")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        events = group_documents(ids, None, entities, [None] * n, sentence_vectors=vectors, languages=languages)
        seconds = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        rows.append([n, sentences, len(events), round(seconds, 2), round(seconds / n * 1000, 2), round(after / 1024), round((after - before) / 1024)])
    print(f"CPU: {cpu_description()}")
    print(table(["articles", "sentences", "events", "group s", "ms per article", "peak RSS MB", "RSS growth MB"], rows))


if __name__ == "__main__":
    main()
