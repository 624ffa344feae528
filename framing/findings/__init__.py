"""Stage 6, findings: what differs between aligned claims, and who is named near loaded words.

``differences`` compares two claims (numbers as values, names by cross-script keys, dates,
attribution, quoting, hedging); ``tone`` lists actors next to loaded wording, without claiming a polarity.
"""

from .differences import Difference, compare_claims, dates, numbers
from .tone import NOT_DERIVED, ActorEvidence, actors_near_loaded_words, is_attributed

__all__ = [
    "NOT_DERIVED",
    "ActorEvidence",
    "Difference",
    "actors_near_loaded_words",
    "compare_claims",
    "dates",
    "is_attributed",
    "numbers",
]
