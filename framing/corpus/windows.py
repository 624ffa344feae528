"""Sliding date windows: how a long corpus is cut so that events are found in bounded pieces.

Dates fall into *blocks* of ``days`` days (aligned to Mondays, so a block never moves when articles
are added). Window ``k`` holds blocks ``k`` and ``k + 1``: every dated article sits in two windows,
and a story that crosses a block boundary is whole in one of them. Events are found in each window
on its own (a task per window), then :func:`resolve` keeps each article in exactly one event:

* a window keeps the events whose earliest article lies in its first block (the others start in the
  next block and are that window's to keep);
* windows are taken in date order, and an article an earlier window's event kept is taken out of
  later windows' events.

So an event spans at most two blocks, and adding articles to one block changes only the two windows
that hold it (the engine regroups those and re-resolves, which is cheap). Articles without a date
form one window of their own ("undated"): a missing date is no reason to join a dated story, and the
report says which events are undated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from ..match.events import parse_date

UNDATED = "undated"
DEFAULT_DAYS = 7
_MONDAY = date(1970, 1, 5)


def block_of(value: str | None, days: int = DEFAULT_DAYS) -> str:
    """The block (its first day, ISO) an article's date falls in, or ``UNDATED``."""
    day = parse_date(value)
    if day is None:
        return UNDATED
    start = _MONDAY + timedelta(days=((day - _MONDAY).days // days) * days)
    return start.isoformat()


def next_block(block: str, days: int = DEFAULT_DAYS) -> str:
    return UNDATED if block == UNDATED else (date.fromisoformat(block) + timedelta(days=days)).isoformat()


def windows_of(blocks: Iterable[str], days: int = DEFAULT_DAYS) -> list[str]:
    """The windows (named by their first block) that hold any of ``blocks``, in date order, undated last."""
    found: set[str] = set()
    for block in blocks:
        if block == UNDATED:
            found.add(UNDATED)
        else:
            found.add(block)
            found.add((date.fromisoformat(block) - timedelta(days=days)).isoformat())
    return sorted(w for w in found if w != UNDATED) + ([UNDATED] if UNDATED in found else [])


def window_blocks(window: str, days: int = DEFAULT_DAYS) -> list[str]:
    """The blocks a window holds: its own and the next (just one for the undated window)."""
    return [UNDATED] if window == UNDATED else [window, next_block(window, days)]


def resolve(
    groups: Mapping[str, Sequence[Sequence[str]]], block: Mapping[str, str]
) -> dict[str, list[list[str]]]:
    """Each window's kept events, every article in exactly one (see the module docstring).

    ``groups``: window -> the events found in it (lists of document ids); ``block``: document -> block.
    """
    taken: set[str] = set()
    kept: dict[str, list[list[str]]] = {}
    for window in sorted(w for w in groups if w != UNDATED) + ([UNDATED] if UNDATED in groups else []):
        own: list[list[str]] = []
        for members in groups[window]:
            left = [d for d in members if d not in taken]
            if left and (window == UNDATED or min(block[d] for d in left) == window):
                own.append(left)
        for members in own:
            taken.update(members)
        kept[window] = own
    return kept
