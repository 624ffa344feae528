"""Exports of a :class:`~framing.pipeline.ComparisonResult`: the JSON contract, pandas, HTML."""

from __future__ import annotations

import html
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .signals import find_signals

if TYPE_CHECKING:
    from .pipeline import ComparisonResult

SCHEMA_VERSION = 1


def to_dict(result: ComparisonResult) -> dict:
    """The JSON contract (documented in README.md)."""
    cluster_of = {(m.document, m.sentence): c.id for c in result.clusters for m in c.members}
    documents = []
    for d in result.documents:
        documents.append(
            {
                "id": d.id,
                "path": d.path,
                "language": d.language,
                "outlet": d.outlet,
                "country": d.country,
                "date": d.date,
                "title": d.title,
                "event": result.event_of(d.id),
                "encoding": d.encoding,
                "format": d.format,
                "metadata_source": d.metadata_source,
                "sentences": [
                    {
                        "id": s.id,
                        "text": s.text,
                        "start": s.start,
                        "end": s.end,
                        "language": s.language,
                        "paragraph": s.paragraph,
                        "is_title": s.is_title,
                        "cluster": cluster_of.get((d.id, s.id)),
                        "signals": [
                            {"kind": g.kind, "trigger": g.trigger, "start": g.start, "end": g.end}
                            for g in find_signals(s.text)
                        ],
                    }
                    for s in d.sentences
                ],
                "removed": [{"start": r.start, "end": r.end, "text": r.text, "reason": r.reason} for r in d.removed],
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": documents,
        "events": [{"id": e.id, "documents": e.documents, "evidence": e.evidence} for e in result.events],
        "clusters": [
            {
                "id": c.id,
                "event": c.event,
                "members": [{"document": m.document, "sentence": m.sentence, "score": m.score} for m in c.members],
                "differences": c.differences,
            }
            for c in result.clusters
        ],
        "errors": [{"path": e.path, "reason": e.reason} for e in result.errors],
    }


def write_atomic(path: str | Path, content: str) -> None:
    """Write via a temporary file, so a failed run never leaves half a file behind."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_json(result: ComparisonResult) -> str:
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2)


def to_pandas(result: ComparisonResult):  # noqa: ANN201 - pandas.DataFrame
    """One row per body sentence: document, outlet, language, event, cluster, signals."""
    import pandas as pd

    cluster_of = {(m.document, m.sentence): c for c in result.clusters for m in c.members}
    rows = []
    for d in result.documents:
        for s in d.sentences:
            cluster = cluster_of.get((d.id, s.id))
            rows.append(
                {
                    "document": d.id,
                    "outlet": d.outlet,
                    "country": d.country,
                    "language": s.language,
                    "date": d.date,
                    "event": result.event_of(d.id),
                    "cluster": cluster.id if cluster else None,
                    "cluster_outlets": len(cluster.documents) if cluster else 0,
                    "sentence": s.id,
                    "text": s.text,
                    "signals": [f"{g.kind}:{g.trigger}" for g in find_signals(s.text)],
                }
            )
    return pd.DataFrame(rows)


def to_html(result: ComparisonResult, standalone: bool = True) -> str:
    """A side-by-side table per event, one column per document (standalone page or fragment)."""
    parts = []
    for event in result.events:
        docs = [result.document(d) for d in event.documents]
        head = "".join(
            f"<th>{html.escape(d.outlet or d.id)}<br><small>{html.escape(' · '.join(x for x in (d.country, d.language, d.date) if x))}</small></th>"
            for d in docs
        )
        body = []
        for cluster in (c for c in result.clusters if c.event == event.id):
            cells = []
            for d in docs:
                texts = [d.sentences[m.sentence].text for m in cluster.members if m.document == d.id]
                cells.append(
                    f"<td>{'<br>'.join(html.escape(t) for t in texts)}</td>" if texts
                    else '<td class="missing">not reported</td>'
                )
            body.append(f"<tr>{''.join(cells)}</tr>")
        parts.append(f"<h2>Event {event.id}</h2><table><tr>{head}</tr>{''.join(body)}</table>")
    fragment = "\n".join(parts)
    if not standalone:
        return fragment
    style = ("body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
             "padding:4px;vertical-align:top}.missing{color:#999;font-style:italic}")
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head><body>{fragment}</body></html>"
