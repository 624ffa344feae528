"""``compare()``: documents -> embeddings -> events -> claim clusters, as one result object.

The CLI, the JSON export and notebooks all read the :class:`ComparisonResult` this returns.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import entities
from .align import AlignmentParams, align
from .differences import compare_claims
from .documents import Document, InputError
from .encoders import CachedEncoder, Encoder, resolve_encoder
from .events import Event, group_documents
from .ingest import documents_from_texts, load_documents

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClusterMember:
    document: str
    sentence: int
    score: float  # best ratio margin to another member (1.0 for a claim only one outlet reports)


@dataclass
class Cluster:
    id: str
    event: str
    members: list[ClusterMember]
    differences: list[dict] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(m.document for m in self.members))


@dataclass
class ComparisonResult:
    documents: list[Document]
    events: list[Event]
    clusters: list[Cluster]
    errors: list[InputError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    embedding_stats: dict[str, int] = field(default_factory=dict)

    def document(self, doc_id: str) -> Document:
        return next(d for d in self.documents if d.id == doc_id)

    def event_of(self, doc_id: str) -> str | None:
        return next((e.id for e in self.events if doc_id in e.documents), None)

    def to_dict(self) -> dict:
        from .export import to_dict

        return to_dict(self)

    def to_pandas(self):  # noqa: ANN201 - pandas.DataFrame
        from .export import to_pandas

        return to_pandas(self)

    def __rich__(self):  # noqa: ANN204 - a rich renderable
        from .report import render

        return render(self)

    def _repr_html_(self) -> str:
        from .export import to_html

        return to_html(self, standalone=False)


def _event_clusters(
    event: Event, documents: dict[str, Document], vectors: dict[str, np.ndarray], params: AlignmentParams
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
    clusters = []
    for number, cluster_rows in enumerate(index.members, start=1):
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
            for diff in compare_claims(a, b):
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
) -> ComparisonResult:
    """Compare articles: paths (files, folders, globs) or (text, metadata) pairs."""
    timings: dict[str, float] = {}

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

    stage("embed")
    t0 = time.perf_counter()
    model = resolve_encoder(encoder) if encoder is None or isinstance(encoder, str) else encoder
    cached = CachedEncoder(model) if use_cache else None
    active: Encoder = cached or model
    all_texts = [s.text for d in documents for s in d.sentences]
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
    clusters = [c for e in events for c in _event_clusters(e, by_id, vectors, params or AlignmentParams())]
    timings["align"] = time.perf_counter() - t0
    stats = {"computed": cached.computed, "from_cache": cached.hits} if cached else {}
    return ComparisonResult(documents, events, clusters, errors, timings, stats)


__all__ = ["Cluster", "ClusterMember", "ComparisonResult", "compare"]
