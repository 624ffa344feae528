"""Stages 3 and 4, matching: documents -> events, sentences -> claim clusters; pure functions on arrays.

``events`` groups documents into events, ``claims`` clusters one event's sentences into claims
(language-centred margins, sub-sentence units, constrained merging), ``align`` is LASER's ratio
margin core it builds on, ``entities`` gives names cross-script keys (Блинкен = Блінкен = Blinken).
Nothing here reads files, prints or loads a model.
"""

from . import entities
from .align import AlignmentParams, ClusterIndex, Pair, align, connected_components
from .claims import ClaimParams, EventClaims, align_event, claim_units
from .events import Event, GroupingParams, PairEvidence, group_documents, parse_date

__all__ = [
    "AlignmentParams",
    "ClaimParams",
    "EventClaims",
    "GroupingParams",
    "align_event",
    "claim_units",
    "ClusterIndex",
    "Event",
    "Pair",
    "PairEvidence",
    "align",
    "connected_components",
    "entities",
    "group_documents",
    "parse_date",
]
