"""``compare()``: runs the stages in order and returns one :class:`~framing.result.ComparisonResult`.

ingest (read, clean, split) -> embed -> match (group events, align claims) -> findings (differences)
-> frames (label); the CLI, the JSON export and notebooks all read the result this returns.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from . import render  # noqa: F401 - registers the result's views (JSON, pandas, Rich, HTML)
from .embed import CachedEncoder, Encoder, resolve_encoder
from .findings import compare_claims
from .frames import Classifier, EmbeddingZeroShot, LabelSet, Lexicon, load_labels, resolve_classifier, resolve_lexicon
from .ingest import Document, documents_from_texts, load_documents
from .match import AlignmentParams, Event, align, entities, group_documents
from .result import Cluster, ClusterMember, ComparisonResult

log = logging.getLogger(__name__)


def _event_clusters(
    event: Event,
    documents: dict[str, Document],
    vectors: dict[str, np.ndarray],
    params: AlignmentParams,
    lexicon: Lexicon,
) -> list[Cluster]:
    members = [d for d in event.documents if documents[d].sentences]
    rows = [(d, s.id) for d in members for s in documents[d].sentences]
    if not rows:
        return []
    matrix = np.concatenate([vectors[d] for d in members])
    owner = [members.index(d) for d, _ in rows]
    index = align(matrix, owner, params)
    best = {}
    for pair in index.pairs:
        for row in (pair.a, pair.b):
            best[row] = max(best.get(row, 0.0), pair.margin)
    # Reading order across outlets: by each claim's mean relative position in its articles, so a
    # claim only the third outlet reports sits where that outlet tells it, not after everything else.
    length = {d: len(documents[d].sentences) for d in members}

    def position(cluster_rows: list[int]) -> tuple[float, int]:
        spots = [rows[r][1] / max(length[rows[r][0]], 1) for r in cluster_rows]
        return sum(spots) / len(spots), cluster_rows[0]

    clusters = []
    for number, cluster_rows in enumerate(sorted(index.members, key=position), start=1):
        cluster = Cluster(
            id=f"{event.id}.c{number}",
            event=event.id,
            members=[ClusterMember(rows[r][0], rows[r][1], round(best.get(r, 1.0), 4)) for r in cluster_rows],
        )
        first = cluster.members[0]
        for other in cluster.members[1:]:
            if other.document == first.document:
                continue
            a = documents[first.document].sentences[first.sentence].text
            b = documents[other.document].sentences[other.sentence].text
            for diff in compare_claims(a, b, lexicon):
                cluster.differences.append(
                    {"a": first.document, "b": other.document, **diff.to_dict()}
                )
        clusters.append(cluster)
    return clusters


def compare(
    inputs: Sequence[str | Path | tuple[str, dict]],
    encoder: Encoder | str | None = None,
    params: AlignmentParams | None = None,
    use_cache: bool = True,
    on_stage: Callable[[str], None] | None = None,
    classifier: Classifier | str | None = None,
    labels: LabelSet | str | Path | None = None,
    frames: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
    signals: Lexicon | str | Path | None = None,
) -> ComparisonResult:
    """Compare articles: paths (files, folders, globs) or (text, metadata) pairs.

    ``classifier``: None or "embedding" (zero-shot on the same encoder, reusing its vectors),
    "nli:MODEL", or a :class:`~framing.frames.Classifier`. ``labels``: a label TOML path or
    :class:`~framing.frames.LabelSet` (default: the 14 Policy Frames). ``frames=False`` skips labelling.
    ``on_progress(done, total)`` reports embedding progress (sentences not found in the cache).
    ``signals``: a lexicon file whose cues are added to the shipped signal lexicon (``--signals``), or a
    :class:`~framing.frames.Lexicon`; the result keeps it, so every view reads the same cues.
    """
    timings: dict[str, float] = {}
    lexicon = resolve_lexicon(signals)  # a bad lexicon file fails here, before any work

    def stage(name: str) -> None:
        if on_stage:
            on_stage(name)

    paths = [str(x) for x in inputs if isinstance(x, (str, Path))]
    pairs = [x for x in inputs if isinstance(x, tuple)]
    stage("ingest")
    t0 = time.perf_counter()
    ingested = load_documents(paths) if paths else None
    documents = (ingested.documents if ingested else []) + documents_from_texts(pairs)
    errors = ingested.errors if ingested else []
    timings["ingest"] = time.perf_counter() - t0

    model = resolve_encoder(encoder, on_progress=on_progress) if encoder is None or isinstance(encoder, str) else encoder
    cached = CachedEncoder(model) if use_cache else None
    active: Encoder = cached or model
    all_texts = [s.text for d in documents for s in d.sentences]
    loader = getattr(model, "load", None)
    if callable(loader) and all_texts and (cached is None or cached.missing(all_texts)):
        # Only when something must be embedded: a fully cached run never loads the model.
        stage("load")
        t0 = time.perf_counter()
        loader()
        timings["load"] = time.perf_counter() - t0

    stage("embed")
    t0 = time.perf_counter()
    matrix = active.encode(all_texts) if all_texts else np.zeros((0, 1), dtype=np.float32)
    vectors: dict[str, np.ndarray] = {}
    start = 0
    for d in documents:
        vectors[d.id] = matrix[start : start + len(d.sentences)]
        start += len(d.sentences)
    timings["embed"] = time.perf_counter() - t0

    stage("group")
    t0 = time.perf_counter()
    usable = [d for d in documents if d.sentences]
    texts = [[s.text for s in d.sentences] for d in usable]
    events = group_documents(
        [d.id for d in usable],
        None,
        [entities.document_entities(t) for t in texts],
        [d.date for d in usable],
        entity_names=[entities.surface_forms(t) for t in texts],
        sentence_vectors=[vectors[d.id] for d in usable],
        languages=[d.language for d in usable],
    )
    timings["group"] = time.perf_counter() - t0

    stage("align")
    t0 = time.perf_counter()
    by_id = {d.id: d for d in documents}
    clusters = [c for e in events for c in _event_clusters(e, by_id, vectors, params or AlignmentParams(), lexicon)]
    timings["align"] = time.perf_counter() - t0

    labelling, frame_rows, label_set = None, {}, None
    if frames and all_texts:
        stage("classify")
        t0 = time.perf_counter()
        label_set = labels if isinstance(labels, LabelSet) else load_labels(labels)
        chosen = classifier if classifier is not None and not isinstance(classifier, str) else resolve_classifier(classifier, active)
        if isinstance(chosen, EmbeddingZeroShot) and chosen.encoder is active:
            labelling = chosen.classify_vectors(matrix, label_set)  # the sentence vectors exist already
        else:
            labelling = chosen.classify(all_texts, label_set)
        frame_rows = {(d.id, s.id): i for i, (d, s) in enumerate((d, s) for d in documents for s in d.sentences)}
        timings["classify"] = time.perf_counter() - t0
    stats = {"computed": cached.computed, "from_cache": cached.hits} if cached else {}
    return ComparisonResult(documents, events, clusters, errors, timings, stats, labelling, frame_rows, label_set, lexicon)


__all__ = ["ComparisonResult", "compare"]
