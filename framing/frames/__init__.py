"""Stage 5, frames: zero-shot frame labels and the signals a reader can check.

``labels`` reads label files (the shipped 14 Policy Frames in ``data/frames.toml``), ``classify``
holds the :class:`Classifier` protocol and its embedding and NLI backends, ``labelling`` is the
library side of ``framing label``, ``signals`` finds attribution, quotes, hedging and loaded words
from a user-extendable lexicon (``data/signals.toml``).
"""

from .classify import Classifier, EmbeddingZeroShot, Labelling, NLIZeroShot, resolve_classifier
from .labelling import Item, LabelResult, label
from .labels import Label, LabelFileError, LabelSet, load_labels, parse_labels
from .signals import KINDS, Lexicon, LexiconError, Signal, find_signals, load_lexicon, resolve_lexicon

__all__ = [
    "KINDS",
    "Classifier",
    "EmbeddingZeroShot",
    "Item",
    "Label",
    "LabelFileError",
    "LabelResult",
    "LabelSet",
    "Labelling",
    "Lexicon",
    "LexiconError",
    "NLIZeroShot",
    "Signal",
    "find_signals",
    "label",
    "load_labels",
    "load_lexicon",
    "parse_labels",
    "resolve_classifier",
    "resolve_lexicon",
]
