"""The user's cache folder and the on-disk caches (SQLite): vectors keyed by model and text, and
built documents keyed by everything that built them (see :func:`framing.ingest.build.document_key`)."""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

CACHE_ENV = "FRAMING_CACHE_DIR"


def cache_dir() -> Path:
    """``$FRAMING_CACHE_DIR``, else the platform's user cache folder (``~/.cache/framing``)."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("framing"))


def _key(model: str, text: str) -> bytes:
    return hashlib.sha256(f"{model}\0{text}".encode()).digest()[:20]


class _SQLiteTable:
    """One table of the cache file, created on first use (``SCHEMA``); the connection opens lazily."""

    SCHEMA = ""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "embeddings.sqlite3"
        self._conn: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path)
            self._conn.execute(self.SCHEMA)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class EmbeddingCache(_SQLiteTable):
    """Vectors stored per (model name, text); a second run over the same texts embeds nothing."""

    SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, dim INTEGER, vector BLOB) WITHOUT ROWID"

    def get_many(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        conn = self._connect()
        keys = {_key(model, t): t for t in dict.fromkeys(texts)}
        found: dict[str, np.ndarray] = {}
        items = list(keys)
        for start in range(0, len(items), 500):
            chunk = items[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, dim, blob in conn.execute(f"SELECT key, dim, vector FROM vectors WHERE key IN ({marks})", chunk):
                found[keys[bytes(key)]] = np.frombuffer(blob, dtype=np.float32, count=dim).copy()
        return found

    def put_many(self, model: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        conn = self._connect()
        rows = [
            (_key(model, t), int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes())
            for t, v in zip(texts, vectors)
        ]
        with conn:
            conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)


class DocumentCacheDB(_SQLiteTable):
    """Built documents, pickled, in the same SQLite file as the vectors. Only this user's own runs
    write it (it lies in their cache folder); a row that does not unpickle is rebuilt."""

    SCHEMA = "CREATE TABLE IF NOT EXISTS documents (key BLOB PRIMARY KEY, value BLOB) WITHOUT ROWID"

    def get(self, key: bytes):  # noqa: ANN201 - a framing.ingest.Document or None
        row = self._connect().execute("SELECT value FROM documents WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # written by another version of the Document type: rebuild it
            return None

    def put(self, key: bytes, document: object) -> None:
        conn = self._connect()
        with conn:
            conn.execute("INSERT OR REPLACE INTO documents VALUES (?, ?)", (key, pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)))
