"""The encoder contract every stage relies on, and helpers shared by the encoders and the ONNX export.

An encoder has a ``name`` and ``encode(texts) -> (n, d) float32`` array, rows L2-normalised, in input
order; a text's vector does not depend on the other texts in the call; any prefix the model wants
("query: " for e5) is added once, by the encoder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def thread_count() -> int:
    return max(1, int(os.environ.get("FRAMING_THREADS", os.cpu_count() or 1)))


def quiet_transformers() -> None:
    """transformers draws a progress bar for every model load; the CLI has its own progress."""
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
        pass
