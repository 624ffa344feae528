"""Tables for notebooks: one row per sentence as a pandas DataFrame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..findings import is_attributed
from ..frames import find_signals

if TYPE_CHECKING:
    from ..result import ComparisonResult


def to_pandas(result: ComparisonResult):  # noqa: ANN201 - pandas.DataFrame
    """One row per body sentence: document, outlet, language, event, cluster (and ``also_in``: the claims it tells
    inside itself besides its own, see ``Cluster.parts``), frames, signals."""
    import pandas as pd

    also_in: dict[tuple[str, int], list[str]] = {}
    for c in result.clusters:
        for m in c.parts:
            also_in.setdefault((m.document, m.sentence), []).append(c.id)
    rows = []
    for d in result.documents:
        for s in d.sentences:
            cluster = result.claim_of(d.id, s.id)
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
                    "also_in": also_in.get((d.id, s.id), []),
                    "sentence": s.id,
                    "text": s.text,
                    "frame": result.sentence_frame(d.id, s.id),
                    "frames": result.sentence_frames(d.id, s.id),
                    "attributed": is_attributed(s.text, result.lexicon),
                    "signals": [f"{g.kind}:{g.trigger}" for g in find_signals(s.text, result.lexicon)],
                }
            )
    return pd.DataFrame(rows)
