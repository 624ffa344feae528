"""The result types every view reads: :class:`ComparisonResult`, its claim :class:`Cluster` objects.

The CLI, the JSON export, the reports and notebooks all read these. This module imports no renderer:
:mod:`framing.render` registers its views here (``register_view``) when it is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .findings import Finding
from .frames import Labelling, LabelSet, Lexicon
from .frames.classify import article_shares
from .ingest import Document, InputError
from .match import Event


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
    # sentences of other claims that state this one too, inside a longer sentence (an outlet that joined two
    # claims into one sentence); a sentence's own claim is the one whose members hold it
    parts: list[ClusterMember] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(m.document for m in self.members))

    @property
    def reporting(self) -> list[str]:
        """The documents that state the claim, in a sentence of its own or inside a longer one."""
        return list(dict.fromkeys([*self.documents, *(m.document for m in self.parts)]))


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
    lexicon: Lexicon | None = None  # the signal cues the findings and views use (shipped + --signals)
    findings: list[Finding] = field(default_factory=list)  # per event, most important first
    passed_over: list[InputError] = field(default_factory=list)  # files in the folders given that are not articles (a PDF)

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

    def claim_of(self, doc_id: str, sentence_id: int) -> Cluster | None:
        """The claim whose members hold the sentence (None for a heading or a sentence left out of alignment)."""
        index = self.__dict__.get("_claim_by_sentence")
        if index is None or index[0] != len(self.clusters):
            index = self.__dict__["_claim_by_sentence"] = (
                len(self.clusters), {(m.document, m.sentence): c for c in self.clusters for m in c.members})
        return index[1].get((doc_id, sentence_id))

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

    def document_frame_set(self, doc_id: str) -> list[str]:
        """The frames the article uses (a multi-label decision, see :meth:`Labelling.used`), most used first."""
        if self.frames is None:
            return []
        return self.frames.used(self._frame_rows_of(self.document(doc_id)))

    def outlet_frame_shares(self) -> dict[str, dict[str, dict[str, float]]]:
        """Per outlet and frame: the share of the outlet's articles that use the frame, with its 95% Wilson
        interval and the number of articles ({"share", "low", "high", "articles"}); wide with few articles."""
        if self.frames is None:
            return {}
        sets: dict[str, list[list[str]]] = {}
        for d in self.documents:
            if d.sentences:
                sets.setdefault(d.outlet or d.id, []).append(self.document_frame_set(d.id))
        return {outlet: article_shares(used) for outlet, used in sets.items()}

    def cluster_frames(self, cluster: Cluster) -> dict[str, str | None]:
        """Per document in a claim cluster: the frame it gives that claim (its first sentence's)."""
        out: dict[str, str | None] = {}
        for m in cluster.members:
            out.setdefault(m.document, self.sentence_frame(m.document, m.sentence))
        return out

    def event_of(self, doc_id: str) -> str | None:
        return next((e.id for e in self.events if doc_id in e.documents), None)

    def to_dict(self) -> dict:
        """The JSON contract (README.md); needs :mod:`framing.render`, which :mod:`framing.pipeline` loads."""
        return _hook("dict")(self)

    def to_pandas(self):  # noqa: ANN201 - pandas.DataFrame
        """One row per body sentence: document, outlet, language, event, cluster, frames, signals."""
        return _hook("pandas")(self)

    def __rich__(self):  # noqa: ANN204 - a rich renderable
        return _hook("rich")(self)

    def _repr_html_(self) -> str:
        return _hook("html")(self)


# Views of a result live in framing.render, which imports this module; so that this module never
# imports a renderer (no import circle), render registers its views here when it is imported.
_VIEWS: dict[str, Callable[[ComparisonResult], Any]] = {}


def register_view(kind: str, view: Callable[[ComparisonResult], Any]) -> None:
    """Make ``view(result)`` what ``to_dict`` ("dict"), ``to_pandas`` ("pandas"), Rich ("rich") or Jupyter ("html") shows."""
    _VIEWS[kind] = view


def _hook(kind: str) -> Callable[[ComparisonResult], Any]:
    if kind not in _VIEWS:
        raise RuntimeError(f"no {kind} view registered: import framing.render first")
    return _VIEWS[kind]


__all__ = ["Cluster", "ClusterMember", "ComparisonResult", "register_view"]
