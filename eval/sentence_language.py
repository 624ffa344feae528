"""Languages with fewer detector runs: documents in lingua's fast mode, sentences only where needed.

Every FLORES sentence (SIB-200, 1,004 per language, parallel ru/uk/bg/en) is placed, in turn, in a
document of each of the four languages; its language is found the old way (lingua, all 15 languages,
high accuracy, on every sentence) and the new way (:func:`framing.ingest.langid.sentence_languages`: the
document's language where :func:`~framing.ingest.langid.plainly_in` says so, else lingua in its low-accuracy
mode over ru/uk/bg/en and the document's language). Documents (10 consecutive FLORES sentences) are detected with the old
detector and the new one (low-accuracy mode). The letter rules were set on the first half of the
sentences (index order); the second half is held out.

    python -m eval.sentence_language [--data DIR]
"""

from __future__ import annotations

import argparse
import time

from eval.common import cpu_description, data_dir, require_data, step, table
from eval.flores_retrieval import load_flores
from framing.ingest import langid

LANGUAGES = ("ru", "uk", "bg", "en")


def old_detector():  # noqa: ANN201 - lingua's type
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in langid.LANGUAGES)).build()


def old_sentence(detector, text: str, document_language: str) -> str | None:  # noqa: ANN001
    """What framing did before: lingua on every sentence, with the same confidence floor."""
    language, confidence = langid._top(detector.compute_language_confidence_values(text))
    if language is None or confidence < langid.SENTENCE_CONFIDENCE_FLOOR or len(text) < 25:
        return document_language or language
    return language


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    args = parser.parse_args()
    flores = load_flores(require_data(data_dir(args.data), "sib200"))
    n = len(flores["ru"])
    print(f"machine: {cpu_description()}")
    step("loading detectors (timed: what a run pays once)")
    # lingua keeps loaded models for every detector of the process: the new one is timed first
    t0 = time.perf_counter()
    langid.detect("Президентът Байдън ще засили подкрепата за Украйна.")
    langid.detect_sentence("Президентът Байдън ще засили подкрепата за Украйна.", "ru")
    new_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    old = old_detector()
    old.compute_language_confidence_values("Президентът Байдън ще засили подкрепата за Украйна.")
    old_load = time.perf_counter() - t0
    print(f"first Cyrillic detection (models loading): new (document + sentence detectors) {new_load:.2f} s, "
          f"then old (the models the new ones did not load) {old_load:.2f} s")
    halves = (("first half (the letter rules were set on it)", range(0, n // 2)), ("second half (held out)", range(n // 2, n)))
    for half, rows_of in halves:
        step(f"{half}: {len(rows_of)} sentences x 4 languages x 4 document languages")
        rows, seconds = [], {"old": 0.0, "new": 0.0}
        for doc_language in LANGUAGES:
            for language in LANGUAGES:
                texts = [flores[language][i] for i in rows_of]
                t0 = time.perf_counter()
                before = [old_sentence(old, t, doc_language) for t in texts]
                seconds["old"] += time.perf_counter() - t0
                t0 = time.perf_counter()
                after = langid.sentence_languages(texts, doc_language)
                seconds["new"] += time.perf_counter() - t0
                kept = sum(langid.plainly_in(t, doc_language) for t in texts) / len(texts)
                rows.append([doc_language, language, sum(x == language for x in before) / len(texts),
                             sum(x == language for x in after) / len(texts), kept])
        print(f"\n{half}: accuracy of each sentence's language")
        print(table(["document", "sentence", "old: lingua on every sentence", "new", "new: no detector run"], rows))
        print(f"time for {len(rows_of) * 16} sentences: old {seconds['old']:.1f} s, new {seconds['new']:.1f} s")
        documents = {lang: [" ".join(flores[lang][i : i + 10]) for i in range(rows_of.start, rows_of.stop - 9, 10)] for lang in LANGUAGES}
        doc_rows = []
        for lang, texts in documents.items():
            before = [langid._top(old.compute_language_confidence_values(t))[0] for t in texts]
            after = [langid.detect(t)[0] for t in texts]
            doc_rows.append([lang, len(texts), sum(x == lang for x in before) / len(texts), sum(x == lang for x in after) / len(texts)])
        print(f"{half}: documents of 10 sentences, accuracy")
        print(table(["language", "documents", "old: high accuracy", "new: low-accuracy mode"], doc_rows))


if __name__ == "__main__":
    main()
