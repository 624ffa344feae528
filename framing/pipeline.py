"""``compare()``: runs the stages in order and returns one :class:`~framing.result.ComparisonResult`.

ingest (read, clean, split) -> embed -> match (group events, align claims) -> findings (differences)
-> frames (label); the CLI, the JSON export and notebooks all read the result this returns.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

from . import render  # noqa: F401 - registers the result's views (JSON, pandas, Rich, HTML)
from .embed import CachedEncoder, Encoder, centroids_for, resolve_encoder
from .embed.cache import DocumentCacheDB
from .findings import HEADLINE_PART, Claim, Finding, Member, compare_claims, event_findings, frame_findings, ranked
from .frames import Classifier, EmbeddingZeroShot, Labelling, LabelSet, Lexicon, load_labels, resolve_classifier, resolve_lexicon
from .ingest import Document, Sentence, documents_from_texts, load_documents, outlet_names
from .match import ClaimParams, Event, GroupingParams, align_event, entities, group_documents
from .match.claims import claim_units, clauses
from .match.events import centred_by, centroid_table
from .result import Cluster, ClusterMember, ComparisonResult

log = logging.getLogger(__name__)


def _event_clusters(
    event: Event,
    documents: dict[str, Document],
    vectors: dict[str, np.ndarray],
    params: ClaimParams,
    lexicon: Lexicon,
    encoder: Encoder | None,
    centroids: Mapping[str, np.ndarray],
) -> list[Cluster]:
    members = [d for d in event.documents if documents[d].sentences]
    if not members:
        return []
    found = align_event(
        [[s.text for s in documents[d].sentences] for d in members],
        [vectors[d] for d in members],
        [documents[d].language for d in members],
        params,
        encoder=encoder,
        centroids=centroids,
        titles=[documents[d].sentences[0].is_title for d in members],
    )
    # Reading order across outlets: by each claim's mean relative position in its articles, so a
    # claim only the third outlet reports sits where that outlet tells it, not after everything else.
    length = {d: len(documents[d].sentences) for d in members}

    def position(cluster: list[tuple[int, int]]) -> tuple[float, int, int]:
        spots = [s / max(length[members[d]], 1) for d, s in cluster]
        return sum(spots) / len(spots), cluster[0][0], cluster[0][1]

    clusters = []
    parts = found.parts or [[] for _ in found.clusters]
    for number, (rows, part) in enumerate(sorted(zip(found.clusters, parts), key=lambda pair: position(pair[0])), start=1):
        cluster = Cluster(
            id=f"{event.id}.c{number}",
            event=event.id,
            members=[ClusterMember(members[d], s, round(found.margins.get((d, s), 0.0), 4)) for d, s in rows],
            parts=[ClusterMember(members[d], s, 0.0) for d, s in part],
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


def _event_findings(
    event: Event,
    documents: dict[str, Document],
    clusters: list[Cluster],
    lexicon: Lexicon,
    vectors: Mapping[str, np.ndarray],
    centroids: Mapping[str, np.ndarray],
    unit_encoder: Encoder | None = None,
) -> list[Finding]:
    # centred the way the claim aligner centres them (shipped centroids, else the event's own)
    own = [vectors[d] for d in event.documents]
    languages = [documents[d].language for d in event.documents]
    table = centroid_table(own, languages, centroids)
    centred = dict(zip(event.documents, centred_by(own, languages, table)))
    units = _unit_vectors(event.documents, documents, unit_encoder, table) if unit_encoder is not None else {}
    # How close each sentence comes to each claim its document does not report: a close one where the claim
    # would stand, and the aligner missed a counterpart; none, and the document leaves the claim out.
    claims = _claims(clusters, documents)
    closeness = {}
    rows_of = {}
    for c in claims:
        rows = rows_of[c.id] = np.stack([centred[m.document][m.sentence] for m in c.members])
        for d in event.documents:
            if d not in c.documents and len(centred[d]):
                close = (centred[d] @ rows.T).max(axis=1)
                if d in units:  # a sentence that tells two claims: one of its parts may be this claim
                    parts, sentence_of = units[d]
                    np.maximum.at(close, sentence_of, (parts @ rows.T).max(axis=1))
                closeness[(c.id, d)] = close.tolist()
    # And how close a document's closest clause comes to a claim, wherever it stands (a claim told in passing,
    # inside a sentence on something else): asked only of a document about to be said to leave a claim out, so
    # that only those documents' clauses are embedded (they are as many as all the sentences)
    clause_vectors: dict[str, np.ndarray] = {}

    def clause_closeness(claim_id: str, d: str) -> float:
        if unit_encoder is None:
            return -1.0
        if d not in clause_vectors:
            found = _unit_vectors([d], documents, unit_encoder, table, _body_clauses)
            clause_vectors[d] = found[d][0] if d in found else np.zeros((0, centred[d].shape[1]), dtype=np.float32)
        pieces = clause_vectors[d]
        return float((pieces @ rows_of[claim_id].T).max()) if len(pieces) else -1.0

    counts = {d: len(documents[d].sentences) for d in event.documents}
    names = outlet_names(documents[d] for d in event.documents)
    dates = {d: documents[d].date for d in event.documents}
    found = event_findings(event.id, event.documents, claims, counts, names, lexicon, closeness, clause_closeness, dates)
    for finding in found:  # a claim's headline part is the claim
        finding.clusters = list(dict.fromkeys(c.removesuffix(HEADLINE_PART) for c in finding.clusters))
    return found


def _joined_units(sentence: Sentence) -> list[str]:
    return claim_units(sentence.text, joined=True)


def _body_clauses(sentence: Sentence) -> list[str]:
    # not the headline's: it sums up the lead by design, and an outlet that tells a claim only there leaves it out
    # of its text ("in its headline only")
    return [] if sentence.is_title else clauses(sentence.text)


def _unit_vectors(
    ids: Sequence[str], documents: dict[str, Document], encoder: Encoder, table: Mapping[str | None, np.ndarray],
    split: Callable[[Sentence], list[str]] = _joined_units,
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per document of ``ids``, the centred vectors of its sentences' parts and the sentence each part comes from. ``split``:
    a sentence's parts; by default :func:`claim_units` with ``joined`` (quoted spans, halves of long sentences, a
    short closing clause), which the aligner embedded too, so they come from the cache; or the clauses of a body
    sentence (:func:`clauses`)."""
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for d in ids:
        wanted = [(s, unit) for s, sentence in enumerate(documents[d].sentences) for unit in split(sentence)]
        if wanted:
            raw = np.asarray(encoder.encode([u for _, u in wanted]), dtype=np.float32)
            out[d] = (centred_by([raw], [documents[d].language], table)[0], np.array([s for s, _ in wanted]))
    return out


def _claims(clusters: Sequence[Cluster], documents: Mapping[str, Document]) -> list[Claim]:
    """The claims as the findings read them. A claim that outlets tell in their headline and again in their lead
    (the aligner joins the two: :func:`framing.match.claims.join_close_claims`) is read as two, its headlines (id
    ending in HEADLINE_PART) and its text: a headline sums up what the text tells, so an outlet that says it only in
    its headline leaves out what the others tell in the text, and the numbers and names are compared text to text."""
    claims = []
    for c in clusters:
        members = [Member(m.document, m.sentence, documents[m.document].sentences[m.sentence].text) for m in c.members]
        inside = frozenset(m.document for m in c.parts)
        title = [documents[m.document].sentences[m.sentence].is_title for m in members]
        told_twice = {m.document for m, t in zip(members, title) if t} & {m.document for m, t in zip(members, title) if not t}
        if not told_twice:
            claims.append(Claim(c.id, tuple(members), inside))
            continue
        claims.append(Claim(c.id, tuple(m for m, t in zip(members, title) if not t), inside))
        claims.append(Claim(c.id + HEADLINE_PART, tuple(m for m, t in zip(members, title) if t)))
    return claims


def vectors_by_document(matrix: np.ndarray, documents: Sequence[Document]) -> dict[str, np.ndarray]:
    """Each document's rows of ``matrix``, which holds the vectors of all the documents' sentences in order."""
    bounds = np.cumsum([len(d.sentences) for d in documents])[:-1]
    return {d.id: rows for d, rows in zip(documents, np.split(matrix, bounds))}


def sentence_rows(documents: Sequence[Document]) -> dict[tuple[str, int], int]:
    """(document id, sentence id) -> the sentence's row in a labelling of all the documents' sentences, in order."""
    return {(d.id, s.id): i for i, (d, s) in enumerate((d, s) for d in documents for s in d.sentences)}


def with_frame_findings(
    findings: Sequence[Finding],
    events: Sequence[Event],
    clusters: Sequence[Cluster],
    documents: Mapping[str, Document],
    labelling: Labelling | None,
    frame_rows: Mapping[tuple[str, int], int],
) -> list[Finding]:
    """The findings with each event's "same claim, different frame" findings ranked in (frames come last in
    the pipeline, after the other findings; ``frame_rows[(document, sentence id)]`` is the labelling's row)."""
    if labelling is None:
        return list(findings)
    frame_of = {
        (d.id, i): (labelling.raw[frame_rows[(d.id, s.id)]], bool(labelling.abstained[frame_rows[(d.id, s.id)]]))
        for d in documents.values() for i, s in enumerate(d.sentences) if (d.id, s.id) in frame_rows
    }
    findings_of: dict[str, list[Finding]] = {}
    for f in findings:
        findings_of.setdefault(f.event, []).append(f)
    clusters_of: dict[str, list[Cluster]] = {}
    for c in clusters:
        clusters_of.setdefault(c.event, []).append(c)
    out: list[Finding] = []
    for event in events:
        own, in_event = findings_of.get(event.id, []), clusters_of.get(event.id, [])
        names = outlet_names(documents[d] for d in event.documents if d in documents)
        extra = frame_findings(event.id, _claims(in_event, documents), frame_of, labelling.labels, names)
        out.extend(ranked(event.id, own + extra, [c.id for c in in_event]) if extra else own)
    return out


def group_events(
    documents: Sequence[Document],
    vectors: Mapping[str, np.ndarray],
    centroids: Mapping[str, np.ndarray],
    grouping: GroupingParams | None = None,
    id_prefix: str = "",
) -> list[Event]:
    """Group the documents that have sentences into events (``id_prefix`` + "e1", "e2", ...)."""
    usable = [d for d in documents if d.sentences]
    texts = [[s.text for s in d.sentences] for d in usable]
    return group_documents(
        [d.id for d in usable],
        None,
        [entities.document_entities(t) for t in texts],
        [d.date_or_day for d in usable],
        grouping,
        entity_names=[entities.surface_forms(t) for t in texts],
        sentence_vectors=[vectors[d.id] for d in usable],
        languages=[d.language for d in usable],
        centroids=centroids,
        id_prefix=id_prefix,
    )


def align_events(
    events: Sequence[Event],
    documents: Sequence[Document],
    vectors: Mapping[str, np.ndarray],
    encoder: Encoder | None,
    centroids: Mapping[str, np.ndarray],
    lexicon: Lexicon,
    params: ClaimParams | None = None,
) -> tuple[list[Cluster], list[Finding]]:
    """Each event's claim clusters (with their differences) and ranked findings."""
    by_id = {d.id: d for d in documents}
    params = params or ClaimParams()
    unit_encoder = encoder if params.units else None  # quoted spans and halves of long sentences get vectors too
    clusters: list[Cluster] = []
    findings: list[Finding] = []
    for event in events:
        found = _event_clusters(event, by_id, vectors, params, lexicon, unit_encoder, centroids)
        clusters.extend(found)
        findings.extend(_event_findings(event, by_id, found, lexicon, vectors, centroids, unit_encoder))
    return clusters, findings


def compare(
    inputs: Sequence[str | Path | tuple[str, dict]],
    encoder: Encoder | str | None = None,
    params: ClaimParams | None = None,
    use_cache: bool = True,
    on_stage: Callable[[str], None] | None = None,
    classifier: Classifier | str | None = None,
    labels: LabelSet | str | Path | None = None,
    frames: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
    signals: Lexicon | str | Path | None = None,
    grouping: GroupingParams | None = None,
) -> ComparisonResult:
    """Compare articles: paths (files, folders, globs) or (text, metadata) pairs.

    ``classifier``: None or "embedding" (zero-shot on the same encoder, reusing its vectors),
    "nli:MODEL", or a :class:`~framing.frames.Classifier`. ``labels``: a label TOML path or
    :class:`~framing.frames.LabelSet` (default: the 14 Policy Frames). ``frames=False`` skips labelling.
    ``on_progress(done, total)`` reports embedding progress (sentences not found in the cache).
    ``signals``: a lexicon file whose cues are added to the shipped signal lexicon (``--signals``), or a
    :class:`~framing.frames.Lexicon`; the result keeps it, so every view reads the same cues.
    ``params`` (:class:`~framing.match.ClaimParams`) and ``grouping`` (:class:`~framing.match.GroupingParams`)
    override the claim-alignment and event-grouping rules.
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
    ingested = load_documents(paths, cache=DocumentCacheDB() if use_cache else None) if paths else None
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
    vectors = vectors_by_document(matrix, documents)
    timings["embed"] = time.perf_counter() - t0

    stage("group")
    t0 = time.perf_counter()
    centroids = centroids_for(active)
    events = group_events(documents, vectors, centroids, grouping)
    timings["group"] = time.perf_counter() - t0

    stage("align")
    t0 = time.perf_counter()
    clusters, findings = align_events(events, documents, vectors, active, centroids, lexicon, params)
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
        frame_rows = sentence_rows(documents)
        findings = with_frame_findings(findings, events, clusters, {d.id: d for d in documents}, labelling, frame_rows)
        timings["classify"] = time.perf_counter() - t0
    stats = {"computed": cached.computed, "from_cache": cached.hits} if cached else {}
    return ComparisonResult(documents, events, clusters, errors, timings, stats, labelling, frame_rows, label_set, lexicon, findings,
                            passed_over=ingested.passed_over if ingested else [])


__all__ = ["ComparisonResult", "compare"]
