"""Framing signals a reader can check: attribution, quotes, hedging, certainty, loaded wording.

Each signal carries the words that triggered it, from lexicons shipped as data
(``framing/frames/data/signals.toml``) that a user can extend with a file of the same shape (``--signals``).
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
# phrases that hold a loaded cue and load nothing: a legal term ("counter-terrorism regime"), a hypothesis ruled out
# ("исключили версию о теракте"); a cue inside one is no loaded word
NOT_LOADED = "not_loaded"
_QUOTE = re.compile(r"[«„“\"][^«»„“”\"]{3,}[»“”\"]")


@dataclass(frozen=True)
class Signal:
    kind: str  # attribution, quote, hedging, certainty, loaded
    trigger: str  # the words in the sentence that made the call
    start: int
    end: int


class LexiconError(ValueError):
    """A signal lexicon that cannot be used, with a message fit for one line."""


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Cue strings per signal kind, all languages together (a cue rarely means something else elsewhere).

    Built by :func:`load_lexicon`; compared and hashed by identity, so results can be cached per lexicon.
    """

    cues: tuple[tuple[str, tuple[str, ...]], ...]  # (kind, cues longest first) in KINDS order
    sources: tuple[str, ...] = ()  # the files it was read from, for the record

    def get(self, kind: str) -> tuple[str, ...]:
        return next((cues for k, cues in self.cues if k == kind), ())


def _read_lexicon(raw: bytes, name: str) -> dict[str, set[str]]:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise LexiconError(f"{name}: not a valid TOML lexicon ({error})") from None
    out: dict[str, set[str]] = {}
    for kind in (*KINDS, NOT_LOADED):
        table = data.get(kind, {})
        if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()):
            raise LexiconError(f"{name}: [{kind}] must hold lists of cue strings by language")
        # a whole-word cue is matched as written, so its case stays ("AP " is the agency, not "apparently")
        out[kind] = {str(c) if _whole_word(str(c)) else str(c).lower() for cues in table.values() for c in cues}
    return out


def _whole_word(cue: str) -> bool:
    """A cue written with a trailing space is a whole word, matched as written, case included, or capitalised where
    it opens the sentence ("AP " is not "April" or "applied", "may " not the month "May"); any other cue is a word
    prefix, matched in any case."""
    return cue.endswith(" ") and bool(cue.strip())


@functools.lru_cache(maxsize=8)
def load_lexicon(path: str | None = None, extra: str | None = None) -> Lexicon:
    """The shipped lexicon (or the one at ``path``), plus a user's ``extra`` cues.

    ``extra`` is a file of the same shape, e.g. ``[loaded] ru = ["киевский режим"]``; the CLI's
    ``--signals`` and ``compare(signals=...)`` pass it here.
    """
    raw = Path(path).read_bytes() if path else resources.files(__package__).joinpath("data/signals.toml").read_bytes()
    cues = _read_lexicon(raw, path or "signals.toml")
    if extra:
        try:
            added = _read_lexicon(Path(extra).read_bytes(), extra)
        except FileNotFoundError:
            raise LexiconError(f"{extra}: no such lexicon file") from None
        for kind in (*KINDS, NOT_LOADED):
            cues[kind] |= added[kind]
    return Lexicon(
        tuple((kind, tuple(sorted(cues[kind], key=len, reverse=True))) for kind in (*KINDS, NOT_LOADED)),
        tuple(x for x in (path or "signals.toml", extra) if x),
    )


def resolve_lexicon(signals: Lexicon | str | Path | None) -> Lexicon:
    """A :class:`Lexicon` as given, the shipped one plus the cues in file ``signals``, or the shipped one."""
    if isinstance(signals, Lexicon):
        return signals
    return load_lexicon(None, str(signals) if signals else None)


def find_signals(text: str, lexicon: Lexicon | None = None) -> list[Signal]:
    """Signals in ``text`` with their trigger words, in text order (default: the shipped lexicon)."""
    return list(_cached_signals(text, lexicon or load_lexicon()))


@functools.lru_cache(maxsize=65536)
def _cached_signals(text: str, lexicon: Lexicon) -> tuple[Signal, ...]:
    # The report asks for a sentence's signals several times (cell, summary, differences).
    return tuple(_find(text, lexicon))


def _whole_word_pattern(word: str) -> re.Pattern[str]:
    """``word`` as written, or capitalised where it opens the sentence ("Уж ...", "May it ...")."""
    capital = word[:1].upper() + word[1:]
    opening = f"|^{re.escape(capital)}" if capital != word else ""
    return re.compile(rf"(?:(?<!\w){re.escape(word)}{opening})(?!\w)")


@functools.lru_cache(maxsize=8)
def _patterns(lexicon: Lexicon) -> dict[str, tuple[re.Pattern[str] | None, list[tuple[re.Pattern[str], bool]]]]:
    """Per kind, compiled once per lexicon: one pattern for any of its cues in lower case (most sentences have none,
    and one search of the lowered text tells), and each cue's own pattern with whether it is a whole word (matched
    in the text as written, see :func:`_whole_word`; a prefix is matched in the lowered text), in lexicon order
    (which decides overlaps)."""
    compiled = {}
    for kind in (NOT_LOADED, *KINDS):
        cues = [cue for cue in lexicon.get(kind) if cue.strip()]
        lowered = sorted({re.escape(cue.strip().lower()) for cue in cues}, key=len, reverse=True)
        any_cue = re.compile(r"(?<!\w)(?:" + "|".join(lowered) + ")") if cues else None
        own = [(_whole_word_pattern(cue.strip()) if _whole_word(cue) else re.compile(r"(?<!\w)" + re.escape(cue.strip())),
                _whole_word(cue)) for cue in cues]
        compiled[kind] = (any_cue, own)
    return compiled


def _find(text: str, lexicon: Lexicon) -> list[Signal]:
    lowered = text.lower()
    found: list[Signal] = []
    taken = bytearray(len(text))  # characters already claimed by a longer cue
    neutral = bytearray(len(text))  # characters inside a phrase that loads nothing (NOT_LOADED)
    for kind, (any_cue, cues) in _patterns(lexicon).items():
        if any_cue is None or any_cue.search(lowered) is None:
            continue
        for cue, whole in cues:
            for m in cue.finditer(text if whole else lowered):
                end = m.end()
                while not whole and end < len(text) and text[end].isalnum():
                    end += 1  # extend a prefix cue to the whole word
                if kind == NOT_LOADED:
                    neutral[m.start() : end] = b"\x01" * (end - m.start())
                    continue
                if any(taken[m.start() : end]) or (kind == "loaded" and any(neutral[m.start() : end])):
                    continue  # "режима" inside "украинского режима" is the same finding
                taken[m.start() : end] = b"\x01" * (end - m.start())
                found.append(Signal(kind, text[m.start() : end], m.start(), end))
    for m in _QUOTE.finditer(text):
        found.append(Signal("quote", m.group(0), m.start(), m.end()))
    return sorted(found, key=lambda s: s.start)
