"""Framing signals a reader can check: attribution, quotes, hedging, certainty, loaded wording.

Each signal carries the words that triggered it, from lexicons shipped as data
(``framing/data/signals.toml``) that a user can replace with a file of the same shape.
"""

from __future__ import annotations

import functools
import os
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


EXTRA_LEXICON_ENV = "FRAMING_SIGNALS"


class LexiconError(ValueError):
    """A signal lexicon that cannot be used, with a message fit for one line."""


def _read_lexicon(raw: bytes, name: str) -> dict[str, set[str]]:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LexiconError(f"{name}: not a valid TOML lexicon ({error})") from None
    out: dict[str, set[str]] = {}
    for kind in KINDS:
        table = data.get(kind, {})
        if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()):
            raise LexiconError(f"{name}: [{kind}] must hold lists of cue strings by language")
        out[kind] = {str(c).lower() for cues in table.values() for c in cues}
    return out


@functools.lru_cache(maxsize=8)
def load_lexicon(path: str | None = None, extra: str | None = None) -> dict[str, list[str]]:
    """Kind -> cue strings (all languages together; a cue rarely means something else elsewhere).

    ``path`` replaces the shipped lexicon; ``extra`` (default: ``$FRAMING_SIGNALS``) adds a user's
    cues to it, e.g. a file with ``[loaded] ru = ["киевский режим"]``.
    """
    raw = Path(path).read_bytes() if path else resources.files("framing").joinpath("data/signals.toml").read_bytes()
    cues = _read_lexicon(raw, path or "signals.toml")
    if extra:
        try:
            added = _read_lexicon(Path(extra).read_bytes(), extra)
        except FileNotFoundError:
            raise LexiconError(f"{extra}: no such lexicon file") from None
        for kind in KINDS:
            cues[kind] |= added[kind]
    return {kind: sorted(cues[kind], key=len, reverse=True) for kind in KINDS}


def find_signals(text: str, lexicon: dict[str, list[str]] | None = None) -> list[Signal]:
    """Signals in ``text`` with their trigger words, in text order (default lexicon results are cached)."""
    if lexicon is None:
        return list(_default_signals(text, os.environ.get(EXTRA_LEXICON_ENV) or None))
    return _find(text, lexicon)


@functools.lru_cache(maxsize=65536)
def _default_signals(text: str, extra: str | None) -> tuple[Signal, ...]:
    # The report asks for a sentence's signals several times (cell, summary, differences).
    return tuple(_find(text, load_lexicon(None, extra)))


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
