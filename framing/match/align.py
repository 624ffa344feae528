"""Claim alignment inside an event: pure functions on embedding arrays, plus a thin model wrapper.

Scoring follows LASER's bitext mining: the *ratio margin* of a pair is its cosine divided by the
mean cosine of each side's k nearest neighbours among the other documents' sentences (leaving out
its best match in each document, so that many outlets reporting one claim do not drown it), so a
pair counts only when it stands out from what each sentence is generally similar to. e5 cosines of
unrelated sentences sit near 0.78; the margin does not care where the floor lies.

Decision rule (thresholds tuned on the NTREX comparable-coverage benchmark, ``eval/ntrex_bench.py``):
* a pair of sentences from two documents is kept when each is the other's best match in that
  document and the margin clears ``mutual_margin``;
* a sentence may also join a non-mutual best match when the margin clears ``extra_margin``
  (one sentence carrying two of another's, which is not one-to-one);
* kept pairs are joined into claim clusters (union-find); a sentence with no pair is a claim
  only its outlet reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

DEFAULT_K = 4
DEFAULT_MUTUAL_MARGIN = 1.03
DEFAULT_EXTRA_MARGIN = 1.1


@dataclass(frozen=True)
class AlignmentParams:
    k: int = DEFAULT_K
    mutual_margin: float = DEFAULT_MUTUAL_MARGIN
    extra_margin: float = DEFAULT_EXTRA_MARGIN


@dataclass(frozen=True)
class Pair:
    """Two aligned sentences, as row indices into the stacked sentence matrix."""

    a: int
    b: int
    cosine: float
    margin: float
    mutual: bool


@dataclass
class ClusterIndex:
    """Claim clusters as lists of row indices, in reading order of their first member."""

    members: list[list[int]] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)


def neighbour_means(similarity: np.ndarray, owner: np.ndarray, k: int) -> np.ndarray:
    """Each row's background: mean cosine to its k nearest rows in other documents, leaving out
    its best match in each document.

    Why leave those out: pooled over all other documents, a claim that ten outlets report has nine
    true matches among its nearest neighbours, and its margin would sink toward 1 however exact they
    are. Without each document's best match, the background is what the sentence is merely close to.
    """
    masked = np.where(owner[:, None] == owner[None, :], -np.inf, similarity)
    rows = np.arange(len(owner))
    for document in np.unique(owner):
        columns = np.flatnonzero(owner == document)
        if len(columns) == 0:
            continue
        best = columns[np.argmax(masked[:, columns], axis=1)]
        masked[rows, best] = np.where(owner != document, -np.inf, masked[rows, best])
    finite = np.isfinite(masked).sum(axis=1)
    k_eff = int(max(1, min(k, finite.max() if len(finite) else 1)))
    top = -np.partition(-masked, k_eff - 1, axis=1)[:, :k_eff]
    finite_top = np.isfinite(top)
    count = finite_top.sum(axis=1)
    means = np.where(finite_top, top, 0.0).sum(axis=1) / np.maximum(count, 1)
    # A row with nothing left to compare (two one-sentence documents): its mean over other documents.
    others = owner[:, None] != owner[None, :]
    fallback = np.where(others, similarity, 0.0).sum(axis=1) / np.maximum(others.sum(axis=1), 1)
    return np.where(count > 0, means, np.where(others.any(axis=1), fallback, 1.0))


def ratio_margin(similarity: np.ndarray, owner: np.ndarray, k: int = DEFAULT_K) -> np.ndarray:
    """LASER's ratio margin for every pair of rows: cos(x, y) / ((knn(x) + knn(y)) / 2)."""
    means = neighbour_means(similarity, owner, k)
    return similarity / ((means[:, None] + means[None, :]) / 2)


def align_pairs(
    vectors: np.ndarray, owner: Sequence[int], params: AlignmentParams | None = None
) -> list[Pair]:
    """Aligned sentence pairs across documents. ``owner[i]`` is the document of row ``i``."""
    params = params or AlignmentParams()
    owner_arr = np.asarray(owner)
    if len(owner_arr) == 0 or len(set(owner_arr.tolist())) < 2:
        return []
    similarity = vectors @ vectors.T
    margin = ratio_margin(similarity, owner_arr, params.k)
    pairs: dict[tuple[int, int], Pair] = {}
    documents = sorted(set(owner_arr.tolist()))
    rows_of = {d: np.flatnonzero(owner_arr == d) for d in documents}
    for n, da in enumerate(documents):
        for db in documents[n + 1 :]:
            ra, rb = rows_of[da], rows_of[db]
            block = margin[np.ix_(ra, rb)]
            best_b = block.argmax(axis=1)
            best_a = block.argmax(axis=0)
            for i, j in enumerate(best_b):
                mutual = best_a[j] == i
                score = float(block[i, j])
                if score >= (params.mutual_margin if mutual else params.extra_margin):
                    a, b = int(ra[i]), int(rb[j])
                    pairs[(a, b)] = Pair(a, b, float(similarity[a, b]), score, bool(mutual))
            for j, i in enumerate(best_a):
                if best_b[i] == j:
                    continue  # mutual pairs were handled above
                score = float(block[i, j])
                if score >= params.extra_margin:
                    a, b = int(ra[i]), int(rb[j])
                    pairs[(a, b)] = Pair(a, b, float(similarity[a, b]), score, False)
    return sorted(pairs.values(), key=lambda p: (p.a, p.b))


def connected_components(n_rows: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Groups of rows joined by ``edges`` (union-find), every row in one group, ordered by first row."""
    parent = list(range(n_rows))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for row in range(n_rows):
        groups.setdefault(find(row), []).append(row)
    return sorted(groups.values(), key=lambda rows: rows[0])


def cluster_pairs(n_rows: int, pairs: Sequence[Pair]) -> ClusterIndex:
    """Join pairs into clusters; every row ends in exactly one cluster (singletons included)."""
    members = connected_components(n_rows, ((pair.a, pair.b) for pair in pairs))
    return ClusterIndex(members=members, pairs=list(pairs))


def align(vectors: np.ndarray, owner: Sequence[int], params: AlignmentParams | None = None) -> ClusterIndex:
    """Pairs and claim clusters for the sentences of one event."""
    return cluster_pairs(len(owner), align_pairs(vectors, owner, params))
