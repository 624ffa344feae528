"""The encoder contract every stage relies on, and helpers shared by the encoders and the ONNX export.

An encoder has a ``name`` and ``encode(texts) -> (n, d) float32`` array, rows L2-normalised, in input
order; a text's vector does not depend on the other texts in the call; any prefix the model wants
("query: " for e5) is added once, by the encoder.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from importlib import resources
from typing import Protocol, runtime_checkable

import numpy as np

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


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


# Model families whose per-language centroids ship in data/language_centroids.npz
# (computed by eval/language_centroids.py from SIB-200 sentences).
_CENTROID_FAMILIES = ("multilingual-e5-small",)


class ModelNotFoundError(RuntimeError):
    """A model named by the user that is neither on disk nor downloadable now."""


def _hub_host() -> tuple[str, int]:
    from urllib.parse import urlparse

    url = urlparse(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    return url.hostname or "huggingface.co", url.port or (80 if url.scheme == "http" else 443)


def require_model(reference: str, what: str = "model", timeout: float = 3.0) -> None:
    """Fail in seconds, with one line, when ``reference`` is neither a folder, nor in the Hugging Face
    cache, nor reachable: otherwise transformers retries for minutes and prints dozens of warnings."""
    import socket
    from pathlib import Path

    path = Path(reference).expanduser()
    if path.exists():
        return
    if reference.startswith((".", "/", "~")) or reference.count("/") > 1:
        raise ModelNotFoundError(f"no {what} folder {reference}")
    try:
        from huggingface_hub.constants import HF_HUB_CACHE

        if (Path(HF_HUB_CACHE) / f"models--{reference.replace('/', '--')}").is_dir():
            return  # downloaded before; transformers finds it offline too
    except ImportError:  # pragma: no cover - sentence-transformers brings huggingface_hub
        pass
    advice = (f"{what} {reference!r} is not on disk and {{why}}: pass a local folder, or run once with network "
              "access (the download is then cached); see README, 'Working offline'")
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on"):
        raise ModelNotFoundError(advice.format(why="HF_HUB_OFFLINE is set"))
    host, port = _hub_host()
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError:
        raise ModelNotFoundError(advice.format(why=f"{host} cannot be reached")) from None


@functools.lru_cache(maxsize=8)
def language_centroids(encoder_name: str) -> dict[str, np.ndarray]:
    """Shipped per-language mean vectors for the encoder's model family ({} when none ship).

    Subtracting them leaves what a text is about on a scale that does not depend on the pile.
    """
    family = next((f for f in _CENTROID_FAMILIES if f in encoder_name), None)
    if family is None:
        return {}
    with resources.files(__package__).joinpath("data/language_centroids.npz").open("rb") as handle:
        stored = np.load(handle)
        return {key.split("/", 1)[1]: stored[key].astype(np.float32) for key in stored.files if key.startswith(family + "/")}


def reference_centroids(encoder: Encoder) -> dict[str, np.ndarray]:
    """Per-language mean vectors of the shipped reference sentences (data/reference_sentences.toml), for any encoder."""
    raw = resources.files(__package__).joinpath("data/reference_sentences.toml").read_text(encoding="utf-8")
    sentences: dict[str, list[str]] = tomllib.loads(raw)
    return {language: np.asarray(encoder.encode(texts), dtype=np.float32).mean(axis=0) for language, texts in sentences.items()}


def centroids_for(encoder: Encoder) -> dict[str, np.ndarray]:
    """The encoder's per-language centroids: shipped statistics where they exist, else from the reference sentences."""
    return language_centroids(getattr(encoder, "name", "")) or reference_centroids(encoder)
