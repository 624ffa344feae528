"""Cross-lingual sentence retrieval on FLORES (the SIB-200 sentences): P@1 for every language pair.

Each of the 1,004 sentences (train + dev + test) in one language is matched to its nearest
sentence in another language; P@1 is the share matched to its own translation.

    python -m eval.flores_retrieval [--data DIR] [--encoder SPEC ...]

With several --encoder options, a last table gives each encoder's lowest P@1 and its largest
drop against the first encoder (used to check that int8 keeps the quality of fp32).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from eval.common import data_dir, embed, require_data, step, table

LANGUAGES = {"ru": "rus_Cyrl", "uk": "ukr_Cyrl", "bg": "bul_Cyrl", "en": "eng_Latn"}


def load_flores(data: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for code, folder in LANGUAGES.items():
        rows: list[tuple[int, str]] = []
        for split in ("train", "dev", "test"):
            lines = (data / "sib200" / folder / f"{split}.tsv").read_text(encoding="utf-8").splitlines()[1:]
            rows += [(int(line.split("\t")[0]), line.split("\t")[2]) for line in lines]
        out[code] = [text for _, text in sorted(rows)]  # index_id order: parallel across languages
    return out


def precision_at_1(source: np.ndarray, target: np.ndarray) -> float:
    return float((np.argmax(source @ target.T, axis=1) == np.arange(len(source))).mean())


def retrieval_table(vectors: dict[str, np.ndarray]) -> dict[tuple[str, str], float]:
    return {(a, b): precision_at_1(vectors[a], vectors[b]) for a in vectors for b in vectors if a != b}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding sib200/ (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--encoder", action="append", help="encoder spec; repeat to compare (default: e5-small)")
    args = parser.parse_args()
    texts = load_flores(require_data(data_dir(args.data), "sib200"))
    specs = args.encoder or ["e5-small"]
    results = {}
    for spec in specs:
        vectors = {}
        for code, sentences in texts.items():
            step(f"{spec}: embedding {len(sentences)} {code} sentences")
            vectors[code] = embed(sentences, spec)
        step(f"{spec}: scoring every language pair")
        results[spec] = retrieval_table(vectors)
        codes = list(texts)
        rows = [[a, *[results[spec][(a, b)] if a != b else "-" for b in codes]] for a in codes]
        print(f"FLORES P@1, {spec}: {len(texts['ru'])} sentences per language (row: query language)")
        print(table(["from \\ to", *codes], rows))
        print()
    if len(specs) > 1:
        base = results[specs[0]]
        rows = [[spec, min(r.values()), max(base[k] - r[k] for k in base)] for spec, r in results.items()]
        print(table(["encoder", "lowest P@1", f"largest drop vs {specs[0]}"], rows))


if __name__ == "__main__":
    main()
