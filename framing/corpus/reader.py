"""``framing.open(DIR)``: a built corpus, read back as tables and as the same result objects
``framing.compare`` returns (one :class:`~framing.result.ComparisonResult` per event)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..findings import Finding
from ..frames import load_labels, resolve_lexicon
from ..match import Event
from ..pipeline import sentence_rows
from ..result import Cluster, ClusterMember, ComparisonResult
from .prepare import stored_documents, stored_labelling
from .store import CorpusError, CorpusStore
from .windows import window_blocks

if TYPE_CHECKING:
    import pandas


class Corpus:
    """A corpus folder. Tables come back as pandas frames; :meth:`event` gives one event's full result."""

    def __init__(self, root: str | Path) -> None:
        self.store = CorpusStore(root)
        self.manifest = self.store.manifest()
        self.settings = self.manifest["settings"]

    def __repr__(self) -> str:
        return f"Corpus({str(self.store.root)!r}, {self.manifest.get('documents', '?')} documents, {self.manifest.get('events', '?')} events)"

    def table(self, name: str) -> pandas.DataFrame:
        """``documents``, ``sentences``, ``frames``, ``events``, ``clusters`` or ``findings`` as a DataFrame."""
        import pandas as pd

        rows = self.store.read(name)
        return pd.DataFrame(rows)

    def events(self) -> list[dict[str, Any]]:
        """Every event's row (id, window, documents, dates, outlets, languages, title), largest first."""
        rows = self.store.read("events", columns=["event", "window", "documents", "n_documents", "outlets",
                                                                 "languages", "first_date", "last_date", "title"])
        return sorted(rows, key=lambda r: (-r["n_documents"], r["event"]))

    def event(self, event_id: str) -> ComparisonResult:
        """The event as ``framing.compare`` would return it for its articles alone: documents,
        claim clusters, frames and findings, ready for every view (terminal, HTML, Markdown, JSON)."""
        window = event_id.rsplit(".", 1)[0]
        rows = [r for r in self.store.read("events", [window]) if r["event"] == event_id]
        if not rows:
            known = [r["event"] for r in self.events()[:8]]
            raise CorpusError(f"no event {event_id} in {self.store.root} (largest: {', '.join(known) or 'none'})")
        row = rows[0]
        ids = set(row["documents"])
        blocks = window_blocks(window, self.settings["window_days"])
        order = {d: k for k, d in enumerate(row["documents"])}
        documents = sorted(stored_documents(self.store, blocks, ids), key=lambda d: order[d.id])
        event = Event(event_id, list(row["documents"]), json.loads(row["evidence"]))
        clusters = [
            Cluster(c["cluster"], c["event"], [ClusterMember(d, s, sc) for d, s, sc in zip(c["documents"], c["sentences"], c["scores"])],
                    json.loads(c["differences"]), [ClusterMember(d, s, 0.0) for d, s in json.loads(c.get("parts") or "[]")])
            for c in self.store.read("clusters", [window]) if c["event"] == event_id
        ]
        clusters.sort(key=lambda c: int(c.id.rsplit(".c", 1)[1]))
        findings = [
            Finding(f["id"], f["event"], f["kind"], list(f["clusters"]), list(f["documents"]), f["summary"],
                    json.loads(f["evidence"]), f["weight"])
            for f in self.store.read("findings", [window]) if f["event"] == event_id
        ]
        labelling, frame_rows, label_set = None, {}, None
        if self.settings.get("frames"):
            label_set = load_labels(self.settings.get("labels"))
            frame_rows = sentence_rows(documents)
            labelling = stored_labelling(self.store.read("frames", blocks, where=("document", ids)), frame_rows, label_set.names)
        lexicon = resolve_lexicon(self.settings.get("signals"))
        return ComparisonResult(documents, [event], clusters, [], {}, {}, labelling, frame_rows, label_set, lexicon, findings)


def open_corpus(root: str | Path) -> Corpus:
    return Corpus(root)
