"""Framing signals a reader can check: attribution, quotes, hedging, certainty, loaded wording.

Each signal carries the words that triggered it, from lexicons shipped as data
(``framing/data/signals.toml``) that a user can replace with a file of the same shape.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KINDS = ("attribution", "hedging", "certainty", "loaded")
_QUOTE = re.compile(r"[«„“\"][^«»„“”\"]{3,}[»“”\"]")


@dataclass(frozen=True)
class Signal:
    kind: str  # attribution, quote, hedging, certainty, loaded
    trigger: str  # the words in the sentence that made the call
    start: int
    end: int


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> dict[str, list[str]]:
    """Kind -> cue strings (all languages together; a cue rarely means something else elsewhere)."""
    raw = Path(path).read_bytes() if path else resources.files("framing").joinpath("data/signals.toml").read_bytes()
    data = tomllib.loads(raw.decode("utf-8"))
    return {kind: sorted({c.lower() for cues in data.get(kind, {}).values() for c in cues}, key=len, reverse=True)
            for kind in KINDS}


def find_signals(text: str, lexicon: dict[str, list[str]] | None = None) -> list[Signal]:
    """Signals in ``text`` with their trigger words, in text order (default lexicon results are cached)."""
    if lexicon is None:
        return list(_default_signals(text))
    return _find(text, lexicon)


@functools.lru_cache(maxsize=65536)
def _default_signals(text: str) -> tuple[Signal, ...]:
    # The report asks for a sentence's signals several times (cell, summary, differences).
    return tuple(_find(text, load_lexicon()))


def _find(text: str, lexicon: dict[str, list[str]]) -> list[Signal]:
    lowered = text.lower()
    found: list[Signal] = []
    taken = bytearray(len(text))  # characters already claimed by a longer cue
    for kind in KINDS:
        for cue in lexicon.get(kind, []):
            for m in re.finditer(r"(?<!\w)" + re.escape(cue.strip()), lowered):
                end = m.end()
                while end < len(text) and text[end].isalnum():
                    end += 1  # extend a prefix cue to the whole word
                if any(taken[m.start() : end]):
                    continue  # "режима" inside "украинского режима" is the same finding
                taken[m.start() : end] = b"\x01" * (end - m.start())
                found.append(Signal(kind, text[m.start() : end], m.start(), end))
    for m in _QUOTE.finditer(text):
        found.append(Signal("quote", m.group(0), m.start(), m.end()))
    return sorted(found, key=lambda s: s.start)
