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
from .classify import Classifier, EmbeddingZeroShot, Labelling, resolve_classifier
from .differences import compare_claims
from .documents import Document, InputError
from .encoders import CachedEncoder, Encoder, resolve_encoder
from .events import Event, group_documents
from .ingest import documents_from_texts, load_documents
from .labels import LabelSet, load_labels

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
    frames: Labelling | None = None  # one row per body sentence, in document then sentence order
    frame_rows: dict[tuple[str, int], int] = field(default_factory=dict)
    label_set: LabelSet | None = None

    def __repr__(self) -> str:
        # The default dataclass repr would print every article's full text in a REPL or notebook.
        return (f"ComparisonResult({len(self.documents)} documents, {len(self.events)} events, "
                f"{len(self.clusters)} claim clusters, {len(self.errors)} errors)")

    def document(self, doc_id: str) -> Document:
        # Reports look documents up once per cell; a dict keeps that linear in the pile's size.
        index = self.__dict__.get("_documents_by_id")
        if index is None or len(index) != len(self.documents):
            index = self.__dict__["_documents_by_id"] = {d.id: d for d in self.documents}
        return index[doc_id]

    def _frame_rows_of(self, doc: Document) -> list[int]:
        return [self.frame_rows[(doc.id, s.id)] for s in doc.sentences if (doc.id, s.id) in self.frame_rows]

    def sentence_frames(self, doc_id: str, sentence_id: int, n: int = 3) -> list[tuple[str, float]]:
        """The sentence's top frames with scores, best first ([] when frames were not computed)."""
        row = self.frame_rows.get((doc_id, sentence_id))
        return [] if self.frames is None or row is None else self.frames.top(row, n)

    def sentence_frame(self, doc_id: str, sentence_id: int) -> str | None:
        """The sentence's single frame, or None where the classifier abstained."""
        row = self.frame_rows.get((doc_id, sentence_id))
        return None if self.frames is None or row is None else self.frames.best(row)

    def document_frames(self, doc_id: str) -> dict[str, float]:
        """Mean frame scores over the document's body sentences, best first."""
        if self.frames is None:
            return {}
        return self.frames.distribution(self._frame_rows_of(self.document(doc_id)))

    def outlet_frames(self) -> dict[str, dict[str, float]]:
        """Mean frame scores per outlet (documents without an outlet count under their id)."""
        if self.frames is None:
            return {}
        by_outlet: dict[str, list[int]] = {}
        for d in self.documents:
            by_outlet.setdefault(d.outlet or d.id, []).extend(self._frame_rows_of(d))
        return {outlet: self.frames.distribution(rows) for outlet, rows in by_outlet.items()}

    def cluster_frames(self, cluster: Cluster) -> dict[str, str | None]:
        """Per document in a claim cluster: the frame it gives that claim (its first sentence's)."""
        out: dict[str, str | None] = {}
        for m in cluster.members:
            out.setdefault(m.document, self.sentence_frame(m.document, m.sentence))
        return out

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
    classifier: Classifier | str | None = None,
    labels: LabelSet | str | Path | None = None,
    frames: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
) -> ComparisonResult:
    """Compare articles: paths (files, folders, globs) or (text, metadata) pairs.

    ``classifier``: None or "embedding" (zero-shot on the same encoder, reusing its vectors),
    "nli:MODEL", or a :class:`~framing.classify.Classifier`. ``labels``: a label TOML path or
    :class:`~framing.labels.LabelSet` (default: the 14 Policy Frames). ``frames=False`` skips labelling.
    ``on_progress(done, total)`` reports embedding progress (sentences not found in the cache).
    """
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
    clusters = [c for e in events for c in _event_clusters(e, by_id, vectors, params or AlignmentParams())]
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
    return ComparisonResult(documents, events, clusters, errors, timings, stats, labelling, frame_rows, label_set)


__all__ = ["Cluster", "ClusterMember", "ComparisonResult", "compare"]
