"""Tone toward named actors, as far as it can be derived honestly offline.

What is derived: which named actors appear in a sentence together with loaded or evaluative
wording (the lexicon of :mod:`framing.frames.signals`), with the words, so a reader can judge. What is
not: whether that wording is aimed at the actor and with which polarity. That needs a targeted
sentiment model for Russian, Ukrainian and Bulgarian; none can be installed offline here, and a
co-occurrence count labelled "negative" would claim more than it knows. ``tone`` is therefore
always "not derived" and the evidence is given instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..frames import Lexicon, find_signals
from ..match import entities

NOT_DERIVED = "not derived (no targeted sentiment model offline); see the words and judge"


@dataclass
class ActorEvidence:
    actor: str  # surface form as first seen
    sentences: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    tone: str = NOT_DERIVED


def actors_near_loaded_words(sentences: Iterable[tuple[int, str]], lexicon: Lexicon | None = None) -> list[ActorEvidence]:
    """Per actor: the sentences where it meets loaded wording, and that wording."""
    found: dict[str, ActorEvidence] = {}
    for sentence_id, text in sentences:
        loaded = [s.trigger for s in find_signals(text, lexicon) if s.kind == "loaded"]
        if not loaded:
            continue
        for mention in entities.mentions(text):
            if any(mention.surface in word or word in mention.surface for word in loaded):
                continue  # the loaded phrase itself ("украинского режима") is not an actor mentioned near it
            evidence = found.setdefault(mention.key, ActorEvidence(mention.surface))
            if sentence_id not in evidence.sentences:
                evidence.sentences.append(sentence_id)
            evidence.words.extend(w for w in loaded if w not in evidence.words)
    return sorted(found.values(), key=lambda e: (-len(e.sentences), e.actor))


def is_attributed(text: str, lexicon: Lexicon | None = None) -> bool:
    """Whether a claim names a source or quotes someone (attribution cue or direct quote)."""
    return any(s.kind in ("attribution", "quote") for s in find_signals(text, lexicon))
