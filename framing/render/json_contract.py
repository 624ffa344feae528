"""The JSON contract of a :class:`~framing.result.ComparisonResult` (documented in README.md)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from ..findings import actors_near_loaded_words, is_attributed
from ..frames import find_signals
from .views import event_views

if TYPE_CHECKING:
    from ..result import ComparisonResult

SCHEMA_VERSION = 2


def to_dict(result: ComparisonResult) -> dict:
    """The JSON contract (documented in README.md)."""
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
                "date_without_year": d.date_without_year,
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
                        "cluster": getattr(result.claim_of(d.id, s.id), "id", None),
                        "frames": [{"label": name, "score": round(score, 4)} for name, score in result.sentence_frames(d.id, s.id)],
                        "frame": result.sentence_frame(d.id, s.id),
                        "attributed": is_attributed(s.text, result.lexicon),
                        "signals": [
                            {"kind": g.kind, "trigger": g.trigger, "start": g.start, "end": g.end}
                            for g in find_signals(s.text, result.lexicon)
                        ],
                    }
                    for s in d.sentences
                ],
                "removed": [{"start": r.start, "end": r.end, "text": r.text, "reason": r.reason} for r in d.removed],
                "frames": {name: round(score, 4) for name, score in result.document_frames(d.id).items()},
                "frame_set": result.document_frame_set(d.id),
                "actors_near_loaded_words": [
                    {"actor": e.actor, "sentences": e.sentences, "words": e.words, "tone": e.tone}
                    for e in actors_near_loaded_words(((s.id, s.text) for s in d.sentences), result.lexicon)
                ],
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": documents,
        "events": [
            {"id": view.event.id, "documents": view.event.documents, "evidence": view.event.evidence,
             "counts": asdict(view.counts)}
            for view in event_views(result)
        ],
        "clusters": [
            {
                "id": c.id,
                "event": c.event,
                "members": [{"document": m.document, "sentence": m.sentence, "score": m.score} for m in c.members],
                "parts": [{"document": m.document, "sentence": m.sentence} for m in c.parts],
                "differences": c.differences,
                "frames": result.cluster_frames(c) if result.frames is not None else {},
            }
            for c in result.clusters
        ],
        "findings": [{k: v for k, v in f.to_dict().items() if k != "weight"} for f in result.findings],
        "outlet_frames": {
            outlet: {frame: {k: round(v, 4) if isinstance(v, float) else v for k, v in share.items()} for frame, share in frames.items()}
            for outlet, frames in result.outlet_frame_shares().items()
        },
        "labels": {
            "set": result.label_set.name if result.label_set else None,
            "names": result.label_set.names if result.label_set else [],
            "classifier": result.frames.method if result.frames is not None else None,
        },
        "errors": [{"path": e.path, "reason": e.reason} for e in result.errors],
        "passed_over": [{"path": e.path, "reason": e.reason} for e in result.passed_over],
    }


def to_json(result: ComparisonResult) -> str:
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2)
