"""Where the corpus work runs: in this process (``local``) or on Ray (``ray``).

An engine does two things, and the corpus builder (:mod:`framing.corpus.build`) never asks how:

* ``prepare(rows, settings)``: article rows through :class:`~framing.corpus.prepare.ArticleWorker`
  (clean, embed, label, write parts), yielding one status row per article as they finish;
* ``map_windows(method, items, settings)``: a :class:`~framing.corpus.prepare.WindowWorker` method on each
  window (grouping, then alignment), yielding results in the order given.

The local engine holds one worker. The Ray engine streams articles through a Ray Data pipeline
(``map_batches`` on an actor pool: each actor loads the model once) and runs windows on a pool of
actors; without ``address`` it starts a local Ray with this machine's cores, with one it joins that
cluster (the corpus folder must then be on storage every node sees). Both write the same tables:
the encoder gives a sentence the same vector in any batch, and everything after it is deterministic.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from itertools import islice
from typing import Any, Protocol

from .prepare import ArticleWorker, Settings, WindowWorker

log = logging.getLogger(__name__)

BATCH_ARTICLES = 32  # articles per worker call: big enough to amortise a call, small enough to show progress
CHUNK_ARTICLES = 2000  # articles handed to Ray Data at once: the driver never holds more rows than this
# where models and data are (a test's or a user's own folders), passed on to the workers
PASSED_ON = ("FRAMING_CACHE_DIR", "FRAMING_DATA", "HF_HOME", "HF_HUB_OFFLINE", "HF_HUB_CACHE", "SENTENCE_TRANSFORMERS_HOME")


class Engine(Protocol):
    name: str

    def prepare(self, rows: Iterable[dict], settings: Settings) -> Iterator[dict]: ...

    def map_windows(self, method: str, items: Sequence[tuple], settings: Settings) -> Iterator[Any]: ...

    def close(self) -> None: ...


def _batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


class LocalEngine:
    """Everything in this process, one worker (the encoder uses the machine's cores)."""

    name = "local"

    def __init__(self) -> None:
        self._article: ArticleWorker | None = None
        self._window: WindowWorker | None = None

    def prepare(self, rows: Iterable[dict], settings: Settings) -> Iterator[dict]:
        self._article = self._article or ArticleWorker(settings)
        for batch in _batches(rows, BATCH_ARTICLES):
            yield from self._article(batch)

    def map_windows(self, method: str, items: Sequence[tuple], settings: Settings) -> Iterator[Any]:
        if self._window is None:
            self._window = WindowWorker(settings)
            if self._article is not None:  # one model in memory, not two
                self._window._encoder = self._article._encoder
                self._window._centroids = self._article._centroids
        for item in items:
            yield getattr(self._window, method)(*item)

    def close(self) -> None:
        self._article = self._window = None


class RayEngine:
    """Ray Data for the articles, an actor pool for the windows; ``workers`` actors of ``threads`` cores each."""

    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None, threads: int = 1) -> None:
        try:
            import ray
        except ImportError:
            raise RuntimeError("--engine ray needs Ray: pip install 'framing[ray]'") from None
        self.ray = ray
        self.threads = threads
        self._window_actors: list | None = None
        env = {"FRAMING_THREADS": str(threads), "OMP_NUM_THREADS": str(threads), "OPENBLAS_NUM_THREADS": "1",
               "TOKENIZERS_PARALLELISM": "false"}
        env.update({k: os.environ[k] for k in PASSED_ON if k in os.environ})
        self._started_here = not ray.is_initialized()  # a Ray the caller started is left running
        if self._started_here:
            options: dict[str, Any] = {"runtime_env": {"env_vars": env}, "log_to_driver": False, "include_dashboard": False,
                                       "logging_level": logging.ERROR}
            if address:
                options["address"] = address
            else:
                options["num_cpus"] = os.cpu_count() or 1
            ray.init(**options)
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.workers = workers or max(1, cpus // threads)
        from ray.data import DataContext

        context = DataContext.get_current()
        context.enable_progress_bars = False  # the CLI shows its own
        context.execution_options.verbose_progress = False

    def prepare(self, rows: Iterable[dict], settings: Settings) -> Iterator[dict]:
        ray = self.ray
        for chunk in _batches(rows, CHUNK_ARTICLES):
            data = ray.data.from_items(chunk).map_batches(
                _RayArticleWorker, fn_constructor_kwargs={"settings": asdict(settings)}, batch_size=BATCH_ARTICLES,
                concurrency=self.workers, num_cpus=self.threads, batch_format="pyarrow",
            )
            for batch in data.iter_batches(batch_size=None, batch_format="pyarrow"):
                yield from batch.to_pylist()

    def map_windows(self, method: str, items: Sequence[tuple], settings: Settings) -> Iterator[Any]:
        if not items:
            return
        from ray.util import ActorPool

        if self._window_actors is None:  # started once, used for grouping and then for aligning
            actor = self.ray.remote(num_cpus=self.threads)(_RayWindowWorker)
            self._window_actors = [actor.remote(asdict(settings)) for _ in range(self.workers)]
        yield from ActorPool(self._window_actors).map(lambda a, item: a.run.remote(method, item), list(items))

    def close(self) -> None:
        self._window_actors = None
        if self._started_here and self.ray.is_initialized():
            self.ray.shutdown()


class _RayArticleWorker:
    def __init__(self, settings: dict) -> None:
        self.worker = ArticleWorker(Settings(**settings))

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        return pa.Table.from_pylist(self.worker(batch.to_pylist()),
                                    schema=pa.schema([("doc_id", pa.string()), ("block", pa.string()),
                                                      ("sentences", pa.int64()), ("error", pa.string())]))


class _RayWindowWorker:
    def __init__(self, settings: dict) -> None:
        self.worker = WindowWorker(Settings(**settings))

    def run(self, method: str, item: tuple) -> Any:
        return getattr(self.worker, method)(*item)


def make_engine(name: str = "local", address: str | None = None, workers: int | None = None) -> Engine:
    if name == "local":
        if address:
            raise ValueError("--address needs --engine ray")
        return LocalEngine()
    if name == "ray":
        return RayEngine(address=address, workers=workers)
    raise ValueError(f"unknown engine {name!r} (local or ray)")
