"""Language identification with lingua, per document and per sentence."""

from __future__ import annotations

import functools
import logging
import re

log = logging.getLogger(__name__)

# Languages a news pile in this region is likely to hold; a closed set keeps lingua fast and
# avoids exotic guesses for short lines. Sentences below the confidence floor take the
# document's language, since short Cyrillic sentences are where ru/uk/bg get confused.
LANGUAGES = (
    "RUSSIAN", "UKRAINIAN", "BULGARIAN", "ENGLISH", "BELARUSIAN", "MACEDONIAN", "SERBIAN", "KAZAKH",
    "GERMAN", "FRENCH", "POLISH", "SPANISH", "ITALIAN", "ROMANIAN", "TURKISH",
)
# A sentence in another language than its article's is, in this region's news, a quote in one of
# these (or in the article's own language, which is always added): fewer candidates, fewer models
# to load (0.5 s instead of 1 s) and no exotic guesses (a Ukrainian line once came out Kazakh).
SENTENCE_LANGUAGES = ("RUSSIAN", "UKRAINIAN", "BULGARIAN", "ENGLISH")
SENTENCE_CONFIDENCE_FLOOR = 0.6


@functools.lru_cache(maxsize=1)
def _document_detector():  # noqa: ANN202 - lingua's type
    """All LANGUAGES in lingua's low-accuracy mode (trigrams only): as sure as the full mode on texts of
    a paragraph or more, and it loads in 0.05 s instead of 1 s (eval/sentence_language.py measures both)."""
    from lingua import Language, LanguageDetectorBuilder

    log.debug("building lingua's document detector for %d languages", len(LANGUAGES))
    return LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES)).with_low_accuracy_mode().build()


@functools.lru_cache(maxsize=8)
def _sentence_detector(names: frozenset[str]):  # noqa: ANN202 - lingua's type
    """Low-accuracy mode here too: its trigram models load in 0.05 s where the full models take 0.5 s
    for ru/uk/bg, and on held-out FLORES halves it loses at most 0.002 against the full mode for the
    sentences that reach a detector (eval/sentence_language.py; still above the old detector)."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in sorted(names))).with_low_accuracy_mode().build()


def _top(values: list) -> tuple[str | None, float]:  # noqa: ANN001 - lingua's confidence values
    if not values:
        return None, 0.0
    return values[0].language.iso_code_639_1.name.lower(), float(values[0].value)


def detect(text: str) -> tuple[str | None, float]:
    """A document's language: ISO 639-1 code (lower case) and confidence, or (None, 0)."""
    if not any(c.isalpha() for c in text):
        return None, 0.0
    return _top(_document_detector().compute_language_confidence_values(text))


@functools.lru_cache(maxsize=64)
def _lingua_name(code: str | None) -> str | None:
    from lingua import IsoCode639_1, Language

    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).name if code else None
    except (AttributeError, ValueError):
        return None


def detect_sentence(text: str, document_language: str | None) -> str | None:
    """A sentence's language among SENTENCE_LANGUAGES and its document's; the document's when unsure."""
    if not any(c.isalpha() for c in text):
        return document_language
    own = _lingua_name(document_language)
    language, confidence = _top(_sentence_detector(frozenset(SENTENCE_LANGUAGES) | ({own} if own else set()))
                                .compute_language_confidence_values(text))
    if language is None or confidence < SENTENCE_CONFIDENCE_FLOOR or len(text) < 25:
        return document_language or language
    return language


# Letters a language's alphabet lacks (or that it uses and a neighbour does not): a sentence that
# shows one is not plainly in the document's language and is detected on its own.
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z]")
_FOREIGN_LETTERS = {
    "ru": set("іїєґўъІЇЄҐЎЪ"),  # ъ: rare in Russian (объявил), in most Bulgarian sentences
    "uk": set("ыэёъЫЭЁЪ"),
    "bg": set("ыэёіїєґўЫЭЁІЇЄҐЎ"),
    "be": set("иъщИЪЩіїєґ"),
}
# Letters a language's prose shows in nearly every sentence of a few words: Ukrainian і, ї, є, ґ;
# Russian ы, э, ё; Bulgarian ъ. A longer sentence without them is likely a quote in a neighbour language.
_OWN_LETTERS = {"uk": set("іїєґІЇЄҐ"), "ru": set("ыэёЫЭЁ"), "bg": set("ъЪ")}
OWN_LETTER_MIN_WORDS = 6


def plainly_in(text: str, language: str) -> bool:
    """Whether a sentence can take its document's language without a detector: its script is the
    language's and it shows no letter the language lacks (nor, for Ukrainian, lacks all it uses)."""
    cyrillic, latin = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    if language in _FOREIGN_LETTERS:
        if latin > cyrillic or any(c in _FOREIGN_LETTERS[language] for c in text):
            return False
        own = _OWN_LETTERS.get(language)
        return own is None or len(text.split()) < OWN_LETTER_MIN_WORDS or any(c in own for c in text)
    return cyrillic == 0  # a Latin-script document: any Cyrillic sentence is detected


def sentence_languages(sentences: list[str], document_language: str | None) -> list[str | None]:
    """Each sentence's language: the document's where the sentence is plainly in it (no detector run,
    see :func:`plainly_in`), else detected on its own (a quote in another language)."""
    return [
        document_language if document_language and plainly_in(text, document_language) else detect_sentence(text, document_language)
        for text in sentences
    ]
