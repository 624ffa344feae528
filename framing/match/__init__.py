"""Stages 3 and 4, matching: documents -> events, sentences -> claim clusters; pure functions on arrays.

``events`` groups documents into events, ``align`` pairs sentences across documents by ratio margin
and clusters them, ``entities`` gives names cross-script keys (Блинкен = Блінкен = Blinken).
Nothing here reads files, prints or loads a model.
"""

from . import entities
from .align import AlignmentParams, ClusterIndex, Pair, align, connected_components
from .events import Event, PairEvidence, group_documents, parse_date

__all__ = [
    "AlignmentParams",
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
