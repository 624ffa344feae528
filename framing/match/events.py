"""Event grouping: which documents cover the same event, with the evidence for each decision.

Four signals, as a careful reader uses them:
* shared named actors and places (cross-script keys from :mod:`framing.match.entities`), weighted by
  how rare each is in the pile (Блинкен in every article says little; Рютте says more);
* whole-document similarity: the mean of a document's sentence vectors after removing its
  language's centroid (e5 vectors carry a strong language direction: before centring, a Russian
  article's nearest document was often another Russian article on another story), scored as a
  margin over each document's nearest other documents (similarity minus their mean similarity),
  not as a raw cosine;
* the share of sentences with a mutual-best, high-margin counterpart in the other document;
* dates: two dated articles more than ``MAX_DATE_GAP_DAYS`` apart are never one event; two
  within a day get a small bonus.

Score = 0.5 x entity overlap + 0.5 x aligned share + 2 x document margin (+ 0.05 same day); documents join by
average-linkage clustering on it, so one strong link cannot chain two stories together. The
weights and threshold were tuned on the NTREX comparable case (eval/ntrex_bench.py --grid): they
sit on a plateau where 30, 60, 90 and all 118 stories each group with F1 >= 0.989.

Cost: each document is compared only with its ``CANDIDATES`` nearest documents (blocking, in row
blocks so memory stays linear), scores are kept sparse, and the linkage runs per connected
component of the above-threshold graph: two groups can only merge through a pair that clears the
threshold, so this gives the same result as one big linkage.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .align import connected_components

DEFAULT_THRESHOLD = 0.1
SHARE_WEIGHT = 0.5
ENTITY_WEIGHT = 0.5
MARGIN_WEIGHT = 2.0
# Two dated articles within a day of each other: weak support, as for a reader (not tuned on NTREX, which has no dates).
SAME_DAY_BONUS = 0.05
SAME_DAY_MAX_GAP = 1
DOC_MARGIN_K = 3
# Shrinks a language's centroid toward the pile's when the language has few sentences.
CENTROID_PRIOR_SENTENCES = 50
REJECTED_PAIRS_SHOWN = 5
PAIR_MARGIN = 1.06
MAX_DATE_GAP_DAYS = 4
CANDIDATES = 30


@dataclass(frozen=True)
class PairEvidence:
    a: str
    b: str
    similarity: float
    aligned_share: float
    document_margin: float
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


def language_centred(sentence_vectors: Sequence[np.ndarray], languages: Sequence[str | None]) -> list[np.ndarray]:
    """Subtract each language's centroid (shrunk toward the pile's centroid) and renormalise.

    In a small pile the centroid is mostly the story itself, so centred similarities turn small or
    negative there: that is why the document score uses a difference margin, not a ratio.
    """
    nonempty = [v for v in sentence_vectors if len(v)]
    if not nonempty:
        return [np.asarray(v, dtype=np.float32) for v in sentence_vectors]
    pile = np.concatenate(nonempty).mean(axis=0)
    sums: dict[str | None, np.ndarray] = {}
    counts: Counter[str | None] = Counter()
    for vectors, language in zip(sentence_vectors, languages):
        if len(vectors):
            sums[language] = sums.get(language, 0) + vectors.sum(axis=0)
            counts[language] += len(vectors)
    prior = CENTROID_PRIOR_SENTENCES
    centroid = {lang: (sums[lang] + prior * pile) / (counts[lang] + prior) for lang in sums}
    out = []
    for vectors, language in zip(sentence_vectors, languages):
        if not len(vectors):
            out.append(np.asarray(vectors, dtype=np.float32))
            continue
        centred = vectors - centroid[language]
        out.append(centred / np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-12))
    return out


def _normalise(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def nearest_documents(vectors: np.ndarray, k: int, block: int = 512) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` nearest other rows by cosine, best first, computed in row blocks (memory O(n k))."""
    n = len(vectors)
    k = min(k, n - 1)
    index = np.zeros((n, k), dtype=np.int64)
    value = np.zeros((n, k), dtype=np.float64)
    if k <= 0:
        return index, value
    for start in range(0, n, block):
        rows = np.arange(start, min(start + block, n))
        sim = vectors[rows] @ vectors.T
        sim[np.arange(len(rows)), rows] = -np.inf
        top = np.argpartition(-sim, k - 1, axis=1)[:, :k]
        top_values = np.take_along_axis(sim, top, axis=1)
        order = np.argsort(-top_values, axis=1)
        index[rows] = np.take_along_axis(top, order, axis=1)
        value[rows] = np.take_along_axis(top_values, order, axis=1)
    return index, value


def group_documents(
    doc_ids: Sequence[str],
    doc_vectors: np.ndarray | None,
    doc_entities: Sequence[Counter[str]],
    doc_dates: Sequence[str | None],
    threshold: float = DEFAULT_THRESHOLD,
    entity_names: Sequence[dict[str, str]] | None = None,
    sentence_vectors: Sequence[np.ndarray] | None = None,
    languages: Sequence[str | None] | None = None,
) -> list[Event]:
    """Group documents into events (a pure function on vectors, entity counts, dates and languages).

    ``doc_vectors`` is used only when ``sentence_vectors`` is not given; with them, each document's
    vector is the mean of its language-centred sentence vectors.
    """
    n = len(doc_ids)
    if n == 0:
        return []
    if sentence_vectors is not None:
        centred = language_centred(sentence_vectors, languages or [None] * n)
        vectors = _normalise(np.stack([v.mean(axis=0) if len(v) else np.zeros(sentence_vectors[0].shape[-1]) for v in centred]))
    else:
        assert doc_vectors is not None, "give doc_vectors or sentence_vectors"
        vectors = _normalise(np.asarray(doc_vectors, dtype=np.float64))
    df: Counter[str] = Counter()
    for counts in doc_entities:
        df.update(set(counts))
    idf = {k: math.log((n + 1) / (v + 0.5)) for k, v in df.items()}

    nearest, nearest_sim = nearest_documents(vectors, max(CANDIDATES, DOC_MARGIN_K))
    # The ratio margin's denominator: how close a document's nearest neighbours are on average.
    background = nearest_sim[:, :DOC_MARGIN_K].mean(axis=1) if nearest_sim.shape[1] else np.ones(n)
    scores: dict[tuple[int, int], float] = {}
    evidence: dict[tuple[int, int], PairEvidence] = {}
    for i in range(n):
        for j, similarity in zip(nearest[i][:CANDIDATES], nearest_sim[i][:CANDIDATES]):
            pair = (min(i, int(j)), max(i, int(j)))
            if pair in scores:
                continue
            a, b = pair
            share = aligned_share(sentence_vectors[a], sentence_vectors[b]) if sentence_vectors is not None else 0.0
            overlap = entity_overlap(doc_entities[a], doc_entities[b], idf)
            margin = float(similarity) - (background[a] + background[b]) / 2 if n > 2 else 0.0
            gap = _date_gap(doc_dates[a], doc_dates[b])
            value = ENTITY_WEIGHT * overlap + SHARE_WEIGHT * share + MARGIN_WEIGHT * margin
            if gap is not None and gap > MAX_DATE_GAP_DAYS:
                value = -1.0
            elif gap is not None and gap <= SAME_DAY_MAX_GAP:
                value += SAME_DAY_BONUS
            scores[pair] = value
            shared = sorted(set(doc_entities[a]) & set(doc_entities[b]), key=lambda key: (-idf.get(key, 0), key))
            names = entity_names[a] if entity_names else {}
            evidence[pair] = PairEvidence(
                a=doc_ids[a],
                b=doc_ids[b],
                similarity=round(float(similarity), 4),
                aligned_share=round(share, 4),
                document_margin=round(margin, 4),
                shared_entities=[names.get(key, key) for key in shared][:12],
                entity_overlap=round(overlap, 4),
                date_gap_days=gap,
                score=round(float(value), 4),
                linked=False,
            )
    clusters = _sparse_average_linkage(n, scores, threshold)
    events: list[Event] = []
    member_of: dict[int, str] = {}
    for number, members in enumerate(sorted(clusters, key=lambda m: (-len(m), m[0])), start=1):
        event_id = f"e{number}"
        for m in members:
            member_of[m] = event_id
        events.append(Event(event_id, [doc_ids[m] for m in members]))
    by_event: dict[str, list[PairEvidence]] = {e.id: [] for e in events}
    rejected: dict[str, list[PairEvidence]] = {e.id: [] for e in events}
    for (a, b), item in evidence.items():
        if member_of[a] == member_of[b]:
            by_event[member_of[a]].append(PairEvidence(**{**item.__dict__, "linked": True}))
        else:
            rejected[member_of[a]].append(item)
            rejected[member_of[b]].append(item)
    for event in events:
        # Keep the strongest pairs that were set apart: the report shows why they are not this event.
        closest_apart = sorted(rejected[event.id], key=lambda e: -e.score)[:REJECTED_PAIRS_SHOWN]
        event.evidence = {
            "threshold": threshold,
            "rule": f"average over member pairs of ({ENTITY_WEIGHT} x entity overlap + {SHARE_WEIGHT} x aligned sentence share "
            f"+ {MARGIN_WEIGHT} x document margin + {SAME_DAY_BONUS} if published within a day) "
            f">= threshold; dated articles more than {MAX_DATE_GAP_DAYS} days apart never join",
            "pairs": [p.__dict__ for p in by_event[event.id] + closest_apart],
        }
    return events


def _sparse_average_linkage(n: int, scores: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average linkage per connected component of the pairs that clear the threshold."""
    components = connected_components(n, (pair for pair, value in scores.items() if value >= threshold))
    component_of = {m: k for k, members in enumerate(components) for m in members}
    edges: dict[int, list[tuple[int, int, float]]] = {}
    for (a, b), value in scores.items():
        if component_of[a] == component_of[b]:
            edges.setdefault(component_of[a], []).append((a, b, value))
    groups: list[list[int]] = []
    for root, members in enumerate(components):
        if len(members) == 1:
            groups.append(members)
            continue
        local = {m: k for k, m in enumerate(members)}
        score = np.full((len(members), len(members)), -1.0)
        for a, b, value in edges.get(root, []):
            score[local[a], local[b]] = score[local[b], local[a]] = value
        groups.extend([[members[k] for k in group] for group in _average_linkage(score, threshold)])
    return groups


def _average_linkage(score: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage clusters whose mean pair score clears the threshold.

    Pairs never compared (outside the blocking window) count as unrelated (score -1).
    """
    n = score.shape[0]
    if n == 1:
        return [[0]]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    # Scores lie in [-1, ~2.5]; distance = ceiling - score keeps them non-negative.
    ceiling = 4.0
    filled = np.where(np.isfinite(score), score, -1.0)
    distance = ceiling - np.clip(filled, -1.0, ceiling)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=ceiling - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return list(groups.values())
