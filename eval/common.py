"""Shared helpers for the eval commands: where the reference data lies, progress on stderr, cached embedding, F1."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import numpy as np

DATA_ENV = "FRAMING_DATA"
_START = time.perf_counter()

_SIB200_FILES = tuple(f"{lang}/{split}.tsv" for lang in ("rus_Cyrl", "ukr_Cyrl", "bul_Cyrl", "eng_Latn") for split in ("train", "dev", "test"))
# Folder under the data folder -> (dataset name, where to get it, files the eval commands read).
DATASETS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "ntrex": (
        "NTREX-128",
        "github.com/MicrosoftTranslator/NTREX, folder NTREX-128",
        ("DOCUMENT_IDS.tsv", "newstest2019-src.eng.txt", "newstest2019-ref.rus.txt", "newstest2019-ref.ukr.txt", "newstest2019-ref.bul.txt"),
    ),
    "sib200": (
        "SIB-200",
        "github.com/dadelani/sib-200, data/annotated",
        _SIB200_FILES,
    ),
}


def data_dir(given: str | None = None) -> Path:
    """``--data``, else ``$FRAMING_DATA``, else ``../shared/data`` beside the repository."""
    if given:
        return Path(given)
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def fail(message: str) -> NoReturn:
    """One line ``error: message`` on stderr, then exit status 2 (as argparse does for a bad option)."""
    sys.stderr.write(f"error: {message}\n")
    sys.stderr.flush()
    raise SystemExit(2)


def missing_data(folder: Path, *names: str) -> str | None:
    """What of the datasets ``names`` (folders of DATASETS) is missing under ``folder``, in words; None if nothing."""
    problems, sources = [], []
    for name in names:
        title, source, files = DATASETS[name]
        where = folder / name
        if not where.is_dir():
            problems.append(f"no {title} under {where}")
        else:
            absent = [f for f in files if not (where / f).is_file()]
            if not absent:
                continue
            shown = ", ".join(absent[:3]) + (f" and {len(absent) - 3} more" if len(absent) > 3 else "")
            problems.append(f"{title} under {where} lacks {shown}")
        sources.append(f"{title} comes from {source}")
    if not problems:
        return None
    holding = " and ".join(f"{n}/" for n in DATASETS)
    return (f"{'; '.join(problems)}: pass --data DIR or set {DATA_ENV} to the folder holding {holding} "
            f"(the repository expects it at ../shared/data; {'; '.join(sources)})")


def require_data(folder: Path, *names: str) -> Path:
    """``folder`` if it holds every dataset in ``names`` ("ntrex", "sib200"); otherwise exit 2 with one line on stderr."""
    problem = missing_data(folder, *names)
    if problem:
        fail(problem)
    return folder


def step(message: str) -> None:
    """Progress on stderr (``[eval +12.3s] message``), so a run whose stdout goes to a file is not silent."""
    sys.stderr.write(f"[eval +{time.perf_counter() - _START:.1f}s] {message}\n")
    sys.stderr.flush()


def embed(texts: list[str], encoder_spec: str | None) -> np.ndarray:
    from framing.embed.encoders import CachedEncoder, resolve_encoder

    encoder = CachedEncoder(resolve_encoder(encoder_spec))
    unique = list(dict.fromkeys(texts))
    vectors = encoder.encode(unique)
    index = {t: i for i, t in enumerate(unique)}
    return vectors[[index[t] for t in texts]]


def embed_documents(documents: list[list[str]], encoder_spec: str | None) -> list[np.ndarray]:
    """One (sentences, d) array per document, all embedded in one cached pass."""
    matrix = embed([s for sentences in documents for s in sentences], encoder_spec)
    return np.split(matrix, np.cumsum([len(sentences) for sentences in documents])[:-1]) if documents else []


def prf(predicted: Iterable, gold: Iterable) -> tuple[float, float, float]:
    p, g = set(predicted), set(gold)
    tp = len(p & g)
    precision = tp / len(p) if p else 0.0
    recall = tp / len(g) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def table(header: list[str], rows: list[list]) -> str:
    cells = [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths)), "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    return "\n".join(lines)


def cpu_description() -> str:
    """The CPU model and the SIMD flags that change speed (printed beside every timing)."""
    model, flags = "unknown CPU", set()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name") and model == "unknown CPU":
                model = line.split(":", 1)[1].strip()
            elif line.startswith("flags") and not flags:
                flags = set(line.split(":", 1)[1].split())
    except OSError:
        pass
    shown = [f for f in ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8") if f in flags]
    return f"{model}, {os.cpu_count()} cores, flags: {' '.join(shown) or 'none of avx2/avx512/vnni'}"
