"""Sentence languages without a detector run where a sentence is plainly in its document's language.

Every FLORES sentence (SIB-200, 2,009 per language, parallel ru/uk/bg/en) is placed, in turn, in a
document of each of the four languages; its language is found the old way (lingua on every sentence,
:func:`framing.ingest.langid.detect_sentence`) and the new way (:func:`framing.ingest.langid.sentence_languages`:
the document's language where :func:`~framing.ingest.langid.plainly_in` says so, lingua otherwise).
The letter rules were set on the first half of the sentences (index order); the second half is held out.

    python -m eval.sentence_language [--data DIR]
"""

from __future__ import annotations

import argparse
import time

from eval.common import cpu_description, data_dir, require_data, step, table
from eval.flores_retrieval import load_flores
from framing.ingest import langid

LANGUAGES = ("ru", "uk", "bg", "en")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    args = parser.parse_args()
    flores = load_flores(require_data(data_dir(args.data), "sib200"))
    n = len(flores["ru"])
    langid.detect("warm up the detector")
    print(f"machine: {cpu_description()}")
    for half, rows_of in (("first half (the letter rules were set on it)", range(0, n // 2)), ("second half (held out)", range(n // 2, n))):
        step(f"{half}: {len(rows_of)} sentences x 4 languages x 4 document languages")
        rows, seconds = [], {"every sentence": 0.0, "plainly-in rule": 0.0}
        for doc_language in LANGUAGES:
            for language in LANGUAGES:
                texts = [flores[language][i] for i in rows_of]
                t0 = time.perf_counter()
                old = [langid.detect_sentence(t, doc_language) for t in texts]
                seconds["every sentence"] += time.perf_counter() - t0
                t0 = time.perf_counter()
                new = langid.sentence_languages(texts, doc_language)
                seconds["plainly-in rule"] += time.perf_counter() - t0
                kept = sum(langid.plainly_in(t, doc_language) for t in texts) / len(texts)
                rows.append([doc_language, language, sum(x == language for x in old) / len(texts),
                             sum(x == language for x in new) / len(texts), kept])
        print(f"\n{half}: accuracy of each sentence's language")
        print(table(["document", "sentence", "lingua on every sentence", "plainly-in rule", "no detector run"], rows))
        print(f"time for {len(rows_of) * 16} sentences: every sentence {seconds['every sentence']:.1f} s, "
              f"plainly-in rule {seconds['plainly-in rule']:.1f} s")


if __name__ == "__main__":
    main()
