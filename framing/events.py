"""Event grouping: which documents cover the same event, with the evidence for each decision.

Three signals, as a careful reader uses them:
* shared named actors and places (cross-script keys from :mod:`framing.entities`), weighted by
  how rare each is in the pile (Блинкен in every article says little; Рютте says more);
* text similarity of the documents' mean sentence vectors, as a ratio margin against each
  document's nearest other documents (raw e5 cosines of same-topic articles all sit near 0.95);
* dates: two dated articles more than ``max_date_gap_days`` apart are never one event.

Documents are joined by average-linkage clustering on the combined score, so one strong link
cannot chain two stories together. For large piles, each document is compared only with its
``candidates`` nearest documents by vector (blocking), which keeps the cost near-linear.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

DEFAULT_THRESHOLD = 0.15
SHARE_WEIGHT = 0.5
PAIR_MARGIN = 1.06
MAX_DATE_GAP_DAYS = 4
CANDIDATES = 30


@dataclass(frozen=True)
class PairEvidence:
    a: str
    b: str
    similarity: float
    aligned_share: float
    shared_entities: list[str]
    entity_overlap: float
    date_gap_days: int | None
    score: float
    linked: bool


@dataclass
class Event:
    id: str
    documents: list[str]
    evidence: dict = field(default_factory=dict)


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        year, month = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 15  # a month-only date sits mid-month
        return date(year, month, day)
    except (ValueError, IndexError):
        return None


def _date_gap(a: str | None, b: str | None) -> int | None:
    da, db = parse_date(a), parse_date(b)
    if da is None or db is None:
        return None
    gap = abs((da - db).days)
    partial = (a and a.count("-") < 2) or (b and b.count("-") < 2)
    return max(0, gap - 16) if partial else gap


def aligned_share(a: np.ndarray, b: np.ndarray, k: int = 4, min_margin: float | None = None) -> float:
    """Share of the shorter document's sentences with a mutual best match of high ratio margin."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    min_margin = PAIR_MARGIN if min_margin is None else min_margin
    sim = a @ b.T
    ka, kb = min(k, sim.shape[1]), min(k, sim.shape[0])
    mean_a = -np.sort(-sim, axis=1)[:, :ka].mean(axis=1)
    mean_b = -np.sort(-sim, axis=0)[:kb, :].mean(axis=0)
    margin = sim / ((mean_a[:, None] + mean_b[None, :]) / 2)
    best_b, best_a = margin.argmax(axis=1), margin.argmax(axis=0)
    hits = sum(1 for i, j in enumerate(best_b) if best_a[j] == i and margin[i, j] >= min_margin)
    return hits / min(len(a), len(b))


def entity_overlap(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    union = set(a) | set(b)
    if not union:
        return 0.0
    shared = set(a) & set(b)
    return sum(idf.get(k, 1.0) for k in shared) / sum(idf.get(k, 1.0) for k in union)


def group_documents(
    doc_ids: Sequence[str],
    doc_vectors: np.ndarray,
    doc_entities: Sequence[Counter[str]],
    doc_dates: Sequence[str | None],
    threshold: float = DEFAULT_THRESHOLD,
    entity_names: Sequence[dict[str, str]] | None = None,
    sentence_vectors: Sequence[np.ndarray] | None = None,
) -> list[Event]:
    """Group documents into events (pure function on vectors, entity counts and dates)."""
    n = len(doc_ids)
    if n == 0:
        return []
    vectors = doc_vectors / np.maximum(np.linalg.norm(doc_vectors, axis=1, keepdims=True), 1e-12)
    df: Counter[str] = Counter()
    for counts in doc_entities:
        df.update(set(counts))
    idf = {k: math.log((n + 1) / (v + 0.5)) for k, v in df.items()}

    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -np.inf)
    candidates = min(CANDIDATES, n - 1)
    score = np.full((n, n), -np.inf)
    evidence: list[PairEvidence] = []
    for i in range(n):
        nearest = np.argsort(-similarity[i])[:candidates] if n > 1 else []
        for j in nearest:
            j = int(j)
            if np.isfinite(score[i, j]):
                continue
            share = aligned_share(sentence_vectors[i], sentence_vectors[j]) if sentence_vectors is not None else 0.0
            overlap = entity_overlap(doc_entities[i], doc_entities[j], idf)
            gap = _date_gap(doc_dates[i], doc_dates[j])
            value = overlap + SHARE_WEIGHT * share
            if gap is not None and gap > MAX_DATE_GAP_DAYS:
                value = -1.0
            score[i, j] = score[j, i] = value
            shared = sorted(set(doc_entities[i]) & set(doc_entities[j]), key=lambda key: -idf.get(key, 0))
            names = entity_names[i] if entity_names else {}
            evidence.append(
                PairEvidence(
                    a=doc_ids[min(i, j)],
                    b=doc_ids[max(i, j)],
                    similarity=round(float(similarity[i, j]), 4),
                    aligned_share=round(share, 4),
                    shared_entities=[names.get(key, key) for key in shared][:12],
                    entity_overlap=round(overlap, 4),
                    date_gap_days=gap,
                    score=round(float(value), 4),
                    linked=False,
                )
            )
    clusters = _average_linkage(score, threshold)
    events: list[Event] = []
    member_of = {}
    for number, members in enumerate(sorted(clusters, key=lambda m: (-len(m), m[0])), start=1):
        event_id = f"e{number}"
        for m in members:
            member_of[m] = event_id
        events.append(Event(event_id, [doc_ids[m] for m in members]))
    index = {d: i for i, d in enumerate(doc_ids)}
    for event in events:
        pairs = [
            PairEvidence(**{**e.__dict__, "linked": member_of[index[e.a]] == member_of[index[e.b]]})
            for e in evidence
            if event.id in (member_of[index[e.a]], member_of[index[e.b]])
        ]
        event.evidence = {
            "threshold": threshold,
            "rule": "average over member pairs of (entity overlap + 0.5 x aligned sentence share) >= threshold; "
            f"dated articles more than {MAX_DATE_GAP_DAYS} days apart never join",
            "pairs": [p.__dict__ for p in pairs],
        }
    return events


def _average_linkage(score: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage clusters whose mean pair score clears the threshold.

    Pairs never compared (outside the blocking window) count as unrelated (score -1).
    """
    n = score.shape[0]
    if n == 1:
        return [[0]]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    # Scores lie in [-1, ~1.5]; distance = ceiling - score keeps them non-negative.
    ceiling = 2.0
    filled = np.where(np.isfinite(score), score, -1.0)
    distance = ceiling - np.clip(filled, -1.0, ceiling)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=ceiling - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return list(groups.values())
