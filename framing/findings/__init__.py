"""Stage 6, findings: what differs between aligned claims, ranked findings per event, who is named near loaded words.

``differences`` compares two claims (numbers as values, names by cross-script keys, dates,
attribution, quoting, hedging); ``ranking`` lists an event's findings (numbers, speakers, omissions,
rewrites, sources, loaded words, frames, quotes, additions) most important first; ``tone`` lists
actors next to loaded wording, without claiming a polarity.
"""

from .differences import Difference, compare_claims, dates, numbers
from .ranking import HEADLINE_PART, LEAVES_OUT, Claim, Finding, Member, event_findings, frame_findings, ranked, speakers
from .tone import NOT_DERIVED, ActorEvidence, actors_near_loaded_words, is_attributed

__all__ = [
    "HEADLINE_PART",
    "LEAVES_OUT",
    "NOT_DERIVED",
    "ActorEvidence",
    "Claim",
    "Finding",
    "Member",
    "event_findings",
    "frame_findings",
    "ranked",
    "speakers",
    "Difference",
    "actors_near_loaded_words",
    "compare_claims",
    "dates",
    "is_attributed",
    "numbers",
]
