"""Language identification with lingua, per document and per sentence."""

from __future__ import annotations

import functools
import logging

log = logging.getLogger(__name__)

# Languages a news pile in this region is likely to hold; a closed set keeps lingua fast and
# avoids exotic guesses for short lines. Sentences below the confidence floor take the
# document's language, since short Cyrillic sentences are where ru/uk/bg get confused.
LANGUAGES = (
    "RUSSIAN", "UKRAINIAN", "BULGARIAN", "ENGLISH", "BELARUSIAN", "MACEDONIAN", "SERBIAN", "KAZAKH",
    "GERMAN", "FRENCH", "POLISH", "SPANISH", "ITALIAN", "ROMANIAN", "TURKISH",
)
SENTENCE_CONFIDENCE_FLOOR = 0.6


@functools.lru_cache(maxsize=1)
def _detector():  # noqa: ANN202 - lingua's type
    from lingua import Language, LanguageDetectorBuilder

    log.debug("building lingua detector for %d languages", len(LANGUAGES))
    return LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES)).build()


def detect(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code (lower case) and confidence of the most likely language, or (None, 0)."""
    if not any(c.isalpha() for c in text):
        return None, 0.0
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return None, 0.0
    top = values[0]
    return top.language.iso_code_639_1.name.lower(), float(top.value)


def detect_sentence(text: str, document_language: str | None) -> str | None:
    language, confidence = detect(text)
    if language is None or confidence < SENTENCE_CONFIDENCE_FLOOR or len(text) < 25:
        return document_language or language
    return language
