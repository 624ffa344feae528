"""Per-article work that needs no other article: clean, split, embed, label, write.

:class:`ArticleWorker` is what each engine worker holds: the model loads once, on its first batch.
It turns :class:`~framing.corpus.sources.Article` rows into rows of the documents, sentences and
frames tables, written as parts of the corpus folder, and returns one small status row per article.
:class:`WindowWorker` finds the events of one date window and aligns their claims.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..embed import Encoder, centroids_for, resolve_encoder
from ..frames import Classifier, EmbeddingZeroShot, Labelling, LabelSet, load_labels, resolve_classifier, resolve_lexicon
from ..ingest import Document, InputError, Sentence, Span, build_document
from ..ingest.outlets import OutletTable, shipped_table, table_for
from ..match import ClaimParams, GroupingParams
from ..match.claims import claim_units
from ..pipeline import align_events, group_events, sentence_rows, with_frame_findings
from .sources import Article
from .store import CorpusStore
from .windows import block_of, window_blocks

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """What every worker needs to know, as plain values (it travels to other processes)."""

    root: str
    encoder: str | None = None
    frames: bool = True
    labels: str | None = None
    classifier: str | None = None
    signals: str | None = None
    window_days: int = 7
    grouping: dict = field(default_factory=dict)  # GroupingParams fields that differ from the defaults


def make_model_files(settings: Settings) -> None:
    """Make the encoder's files (the bundled model converts on first use) without loading it."""
    model = resolve_encoder(settings.encoder)
    if callable(getattr(model, "prepare", None)):
        model.prepare()  # type: ignore[attr-defined]


@lru_cache(maxsize=8)
def _outlets(folder: str | None) -> OutletTable:
    return table_for(Path(folder)) if folder else shipped_table()


def document_row(doc: Document) -> dict:
    return {
        "id": doc.id, "path": doc.path, "title": doc.title, "language": doc.language, "date": doc.date,
        "date_without_year": doc.date_without_year,
        "outlet": doc.outlet, "country": doc.country, "encoding": doc.encoding, "format": doc.format,
        "n_sentences": len(doc.sentences), "text": doc.text,
        "text_sha1": hashlib.sha1(doc.text.encode("utf-8")).hexdigest(),
        "removed": json.dumps([s.__dict__ for s in doc.removed], ensure_ascii=False),
        "metadata_source": json.dumps(doc.metadata_source, ensure_ascii=False),
    }


def document_from_rows(row: Mapping, sentences: Sequence[Mapping]) -> Document:
    """The :class:`~framing.ingest.Document` a documents row and its sentence rows were written from."""
    return Document(
        id=row["id"], path=row["path"], text=row["text"], title=row["title"], language=row["language"],
        date=row["date"], outlet=row["outlet"], country=row["country"], encoding=row["encoding"], format=row["format"],
        date_without_year=row.get("date_without_year"),
        sentences=[Sentence(s["sentence"], s["text"], s["start"], s["end"], s["language"], s["paragraph"], s["is_title"])
                   for s in sorted(sentences, key=lambda s: s["sentence"])],
        removed=[Span(**span) for span in json.loads(row["removed"])],
        metadata_source=json.loads(row["metadata_source"]),
    )


SENTENCE_COLUMNS = ("document", "sentence", "text", "start", "end", "language", "paragraph", "is_title")  # vectors apart


def stored_documents(store: CorpusStore, blocks: Sequence[str], ids: set[str] | None = None) -> list[Document]:
    """The documents stored in ``blocks`` (only ``ids`` when given), with their sentences, by id."""
    doc_rows = store.read("documents", blocks, where=("id", ids) if ids is not None else None)
    sentence_rows = store.read("sentences", blocks, columns=SENTENCE_COLUMNS, where=("document", {r["id"] for r in doc_rows}))
    by_doc: dict[str, list[dict]] = {}
    for row in sentence_rows:
        by_doc.setdefault(row["document"], []).append(row)
    return [document_from_rows(r, by_doc.get(r["id"], [])) for r in sorted(doc_rows, key=lambda r: r["id"])]


class _Models:
    """The encoder and the frame labeller, loaded on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._encoder: Encoder | None = None
        self._labels: LabelSet | None = None
        self._classifier: Classifier | None = None
        self._centroids: dict[str, np.ndarray] | None = None

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = resolve_encoder(self.settings.encoder)
        return self._encoder

    @property
    def labels(self) -> LabelSet:
        if self._labels is None:
            self._labels = load_labels(self.settings.labels)
        return self._labels

    @property
    def centroids(self) -> dict[str, np.ndarray]:
        """Per-language centroids (shipped for the bundled model; else embedded once per worker)."""
        if self._centroids is None:
            self._centroids = centroids_for(self.encoder)
        return self._centroids

    def label(self, texts: list[str], vectors: np.ndarray) -> Labelling:
        if self._classifier is None:  # once per worker: the label vectors are computed on first use, then kept
            self._classifier = resolve_classifier(self.settings.classifier, self.encoder)
        chosen = self._classifier
        if isinstance(chosen, EmbeddingZeroShot):
            return chosen.classify_vectors(vectors, self.labels)  # the sentence vectors exist already
        return chosen.classify(texts, self.labels)


class ArticleWorker(_Models):
    """Articles in, table parts out (one per date block the batch touches)."""

    def __call__(self, rows: Sequence[Mapping]) -> list[dict]:
        status: list[dict] = []
        built: list[Document] = []
        for row in rows:
            article = Article.from_row(dict(row))
            try:
                doc = build_document(article.raw, article.doc_id, article.known, _outlets(article.folder), article.template)
            except InputError as exc:
                status.append({"doc_id": article.doc_id, "block": "", "sentences": 0, "error": str(exc)})
                continue
            built.append(doc)
        texts = [s.text for d in built for s in d.sentences]
        # The claim aligner's sub-sentence units depend on the sentence alone: embedded here, with the
        # articles and in parallel, instead of again each time a window's events are aligned.
        units = [(d.id, s.id, unit) for d in built for s in d.sentences for unit in (claim_units(s.text) if ClaimParams().units else [])]
        unique = list(dict.fromkeys(texts + [u for _, _, u in units]))  # wire rewrites repeat sentences: each is embedded once
        matrix = self.encoder.encode(unique) if unique else np.zeros((0, 1), dtype=np.float32)
        where = {t: i for i, t in enumerate(unique)}
        vectors = matrix[[where[t] for t in texts]] if texts else matrix
        labelling = self.label(texts, vectors) if self.settings.frames and texts else None
        dim = int(matrix.shape[1]) if unique else 1
        store = CorpusStore(self.settings.root)
        by_block: dict[str, tuple[list[dict], list[dict], list[dict], list[dict]]] = {}
        units_of: dict[str, list[dict]] = {}
        for doc_id, sentence, unit in units:
            units_of.setdefault(doc_id, []).append({"document": doc_id, "sentence": sentence, "unit": unit,
                                                    "vector": matrix[where[unit]].astype(np.float32).tolist()})
        row = 0
        for doc in built:
            block = block_of(doc.date, self.settings.window_days)
            documents, sentences, frames, unit_rows = by_block.setdefault(block, ([], [], [], []))
            documents.append(document_row(doc))
            unit_rows.extend(units_of.get(doc.id, []))
            for s in doc.sentences:
                best = labelling.best(row) if labelling is not None else None
                sentences.append({
                    "document": doc.id, "sentence": s.id, "text": s.text, "start": s.start, "end": s.end,
                    "language": s.language, "paragraph": s.paragraph, "is_title": s.is_title, "frame": best,
                    "frame_score": float(labelling.scores[row].max()) if labelling is not None else None,
                    "vector": vectors[row].astype(np.float32).tolist(),
                })
                if labelling is not None:
                    frames.extend({"document": doc.id, "sentence": s.id, "label": name, "score": float(labelling.scores[row, j]),
                                   "raw": float(labelling.raw[row, j]), "abstained": bool(labelling.abstained[row])}
                                  for j, name in enumerate(labelling.labels))
                row += 1
            status.append({"doc_id": doc.id, "block": block, "sentences": len(doc.sentences), "error": ""})
        for block, (documents, sentences, frames, unit_rows) in by_block.items():
            store.write_article_part(block, store.new_part_name(), documents, sentences, frames, unit_rows, dim)
        return status


class StoredUnits:
    """An encoder that answers from the units embedded with the articles, and asks the model only for
    what is not there (an article written by an older version)."""

    def __init__(self, vectors: dict[str, np.ndarray], fallback: Encoder) -> None:
        self.vectors = vectors
        self.fallback = fallback
        self.name = fallback.name

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, self.fallback.encode(missing)))
        return np.stack([self.vectors[t] for t in texts]).astype(np.float32) if texts else np.zeros((0, 1), dtype=np.float32)


def stored_labelling(rows: list[dict], frame_rows: dict[tuple[str, int], int], labels: list[str]) -> Labelling:
    """The labelling of stored frame rows ({"document", "sentence", "label", "score", "raw", "abstained"})."""
    column = {name: j for j, name in enumerate(labels)}
    scores = np.zeros((len(frame_rows), len(labels)))
    raw = np.zeros_like(scores)
    abstained = np.zeros(len(frame_rows), dtype=bool)
    for r in rows:
        i = frame_rows.get((r["document"], r["sentence"]))
        if i is None or r["label"] not in column:
            continue
        scores[i, column[r["label"]]] = r["score"]
        raw[i, column[r["label"]]] = r["raw"]
        abstained[i] = r["abstained"]
    return Labelling(labels, scores, raw, abstained, "stored")


class WindowWorker(_Models):
    """One date window: its events (grouping) or its events' claims and findings (alignment)."""

    def _documents(self, window: str, ids: set[str] | None = None) -> tuple[list[Document], dict[str, np.ndarray]]:
        store = CorpusStore(self.settings.root)
        blocks = window_blocks(window, self.settings.window_days)
        documents = stored_documents(store, blocks, ids)
        return documents, store.vectors(blocks, {d.id for d in documents})

    def group(self, window: str) -> dict:
        """The events found in the window's blocks: {"window", "documents", "groups", "evidence"}."""
        documents, vectors = self._documents(window)
        grouping = GroupingParams(**self.settings.grouping)
        with_text = [d for d in documents if d.id in vectors]
        events = group_events(with_text, vectors, self.centroids, grouping) if with_text else []
        return {"window": window, "documents": sorted(d.id for d in documents),
                "groups": [e.documents for e in events], "evidence": [e.evidence for e in events]}

    def align(self, window: str, events: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
        """Rows of the events, clusters and findings tables for the events this window keeps."""
        from ..match import Event

        wanted = {d for e in events for d in e["documents"]}
        documents, vectors = self._documents(window, wanted)
        found = [Event(e["id"], e["documents"], e["evidence"]) for e in events]
        lexicon = resolve_lexicon(self.settings.signals)
        store, blocks = CorpusStore(self.settings.root), window_blocks(window, self.settings.window_days)
        stored = StoredUnits(store.unit_vectors(blocks, wanted), self.encoder)
        clusters, findings = align_events(found, documents, vectors, stored, self.centroids, lexicon, ClaimParams())
        by_id = {d.id: d for d in documents}
        if self.settings.frames:
            frame_rows = sentence_rows(documents)
            rows = store.read("frames", blocks, where=("document", wanted))
            labelling = stored_labelling(rows, frame_rows, load_labels(self.settings.labels).names)
            findings = with_frame_findings(findings, found, clusters, by_id, labelling, frame_rows)
        event_rows = []
        for event in found:
            members = [by_id[d] for d in event.documents]
            dates = sorted(d.date for d in members if d.date)
            event_rows.append({
                "event": event.id, "window": window, "documents": event.documents, "n_documents": len(members),
                "outlets": sorted({d.outlet or d.id for d in members}), "languages": sorted({d.language or "?" for d in members}),
                "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
                "title": members[0].title, "evidence": json.dumps(event.evidence, ensure_ascii=False, default=str),
            })
        cluster_rows = [{
            "cluster": c.id, "event": c.event, "window": window, "documents": [m.document for m in c.members],
            "sentences": [m.sentence for m in c.members], "scores": [m.score for m in c.members],
            "n_documents": len(c.documents), "text": by_id[c.members[0].document].sentences[c.members[0].sentence].text,
            "differences": json.dumps(c.differences, ensure_ascii=False, default=str),
            "parts": json.dumps([[m.document, m.sentence] for m in c.parts]),  # told inside another claim's sentence
        } for c in clusters]
        finding_rows = [{**f.to_dict(), "window": window, "evidence": json.dumps(f.evidence, ensure_ascii=False, default=str)}
                        for f in findings]
        return event_rows, cluster_rows, finding_rows
