"""The corpus folder: a Parquet dataset that DuckDB, pandas and polars read as it is.

::

    DIR/corpus.json                           encoder, labels, window length, what has been built
    DIR/documents/block=2024-11-11/part-*.parquet   one row per article (text, metadata, removed spans)
    DIR/sentences/block=2024-11-11/part-*.parquet   one row per body sentence, with its vector and best frame
    DIR/frames/block=2024-11-11/part-*.parquet      one row per sentence and label (score, raw score)
    DIR/units/block=2024-11-11/part-*.parquet       quoted spans and halves of long sentences, with vectors
                                                    (the claim aligner's sub-sentence units, embedded with the articles)
    DIR/events/window=2024-11-11.parquet      one row per event: its documents, dates, outlets, evidence
    DIR/clusters/window=2024-11-11.parquet    one row per claim: its members, their differences, its parts (JSON)
    DIR/findings/window=2024-11-11.parquet    one row per finding
    DIR/state/window=2024-11-11.json          what a window's grouping saw and found (for incremental runs)

Articles are partitioned by date block (see :mod:`framing.corpus.windows`) so that a window reads
only its own blocks. Every file is written to a temporary name and renamed, so an interrupted run
leaves whole files only and the next run goes on from them.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

MANIFEST = "corpus.json"
FORMAT_VERSION = 1
ARTICLE_TABLES = ("documents", "sentences", "frames", "units")
EVENT_TABLES = ("events", "clusters", "findings")


class CorpusError(Exception):
    """A corpus folder that cannot be used as asked (one readable line)."""


class NoUsableInput(CorpusError):
    """Not one article could be read, and there is no corpus yet to add to."""


def _atomic(path: Path, write) -> None:  # noqa: ANN001 - write(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    os.close(handle)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(path: Path, value: object) -> None:
    _atomic(path, lambda tmp: Path(tmp).write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8"))


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write_table(path: Path, rows: list[dict], schema=None) -> None:  # noqa: ANN001 - a pyarrow schema
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=schema)
    _atomic(path, lambda tmp: pq.write_table(table, tmp, compression="zstd"))


def vector_schema(dim: int):  # noqa: ANN201 - a pyarrow schema
    import pyarrow as pa

    return pa.schema([
        ("document", pa.string()), ("sentence", pa.int32()), ("text", pa.string()), ("start", pa.int32()),
        ("end", pa.int32()), ("language", pa.string()), ("paragraph", pa.int32()), ("is_title", pa.bool_()),
        ("frame", pa.string()), ("frame_score", pa.float32()), ("vector", pa.list_(pa.float32(), dim)),
    ])


def unit_schema(dim: int):  # noqa: ANN201 - a pyarrow schema
    import pyarrow as pa

    return pa.schema([("document", pa.string()), ("sentence", pa.int32()), ("unit", pa.string()), ("vector", pa.list_(pa.float32(), dim))])


class CorpusStore:
    """Reads and writes one corpus folder; knows nothing about models or grouping."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    # -- the manifest ---------------------------------------------------------------------------
    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST

    def exists(self) -> bool:
        return self.manifest_path.is_file()

    def manifest(self) -> dict:
        if not self.exists():
            raise CorpusError(f"{self.root}: not a corpus folder (no {MANIFEST}; build one with framing corpus INPUT --out {self.root})")
        value = read_json(self.manifest_path)
        if value.get("format") != FORMAT_VERSION:
            raise CorpusError(f"{self.root}: corpus format {value.get('format')} is not {FORMAT_VERSION}; rebuild it")
        return value

    def write_manifest(self, value: dict) -> None:
        write_json(self.manifest_path, {**value, "format": FORMAT_VERSION})

    # -- article parts (written by workers) -----------------------------------------------------
    def write_article_part(self, block: str, part: str, documents: list[dict], sentences: list[dict], frames: list[dict],
                           units: list[dict], dim: int) -> None:
        """One part of each article table for one block. Documents go last: a part counts as written
        once its documents file exists (that is what :meth:`document_ids` reads)."""
        folder = f"block={block}"
        self._write_rows(self.root / "sentences" / folder / f"part-{part}.parquet", sentences, vector_schema(dim))
        self._write_rows(self.root / "frames" / folder / f"part-{part}.parquet", frames)
        self._write_rows(self.root / "units" / folder / f"part-{part}.parquet", units, unit_schema(dim))
        self._write_rows(self.root / "documents" / folder / f"part-{part}.parquet", documents)

    @staticmethod
    def _write_rows(path: Path, rows: list[dict], schema=None) -> None:  # noqa: ANN001
        if rows or schema is not None:
            write_table(path, rows, schema)

    @staticmethod
    def new_part_name() -> str:
        return uuid.uuid4().hex[:16]

    def _files(self, table: str, partitions: Iterable[str] | None = None) -> list[Path]:
        """Article tables are folders of parts per block (``block=X/part-*.parquet``), event tables one
        file per window (``window=X.parquet``): which one follows from the table's name."""
        base = self.root / table
        if not base.is_dir():
            return []
        by_block = table in ARTICLE_TABLES
        if partitions is None:
            found = sorted(base.glob("*/*.parquet" if by_block else "*.parquet"))
        else:
            found = []
            for value in partitions:
                if by_block:
                    found += sorted((base / f"block={value}").glob("*.parquet"))
                elif (base / f"window={value}.parquet").is_file():
                    found.append(base / f"window={value}.parquet")
        return [f for f in found if not f.name.startswith(".tmp-")]  # a file an interrupted write left half-done

    def read(self, table: str, partitions: Iterable[str] | None = None, columns: Sequence[str] | None = None,
             where: tuple[str, Iterable] | None = None) -> list[dict]:
        """Rows of ``table`` (in the given blocks, or windows for an event table), optionally only where
        ``where[0]`` is one of ``where[1]``."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        rows: list[dict] = []
        wanted = set(where[1]) if where else None
        for file in self._files(table, partitions):
            data = pq.read_table(file, columns=list(columns) if columns else None)
            if where and len(data):
                data = data.filter(pc.is_in(data[where[0]], value_set=pa.array(sorted(wanted))))
            rows.extend(data.to_pylist())
        return rows

    def blocks(self) -> list[str]:
        base = self.root / "documents"
        return sorted(p.name.split("=", 1)[1] for p in base.glob("block=*") if p.is_dir()) if base.is_dir() else []

    def document_ids(self) -> dict[str, str]:
        """Every stored document's id -> its text's hash (what incremental runs skip)."""
        return {r["id"]: r["text_sha1"] for r in self.read("documents", columns=["id", "text_sha1"])}

    def _vector_rows(self, table: str, blocks: Iterable[str], documents: set[str], key: str) -> Iterator[tuple[dict, np.ndarray]]:
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        for file in self._files(table, blocks):
            data = pq.read_table(file, columns=["document", key, "vector"])
            data = data.filter(pc.is_in(data["document"], value_set=pa.array(sorted(documents))))
            if not len(data):
                continue
            dim = data.schema.field("vector").type.list_size
            flat = data["vector"].combine_chunks().flatten().to_numpy(zero_copy_only=False)
            matrix = np.asarray(flat, dtype=np.float32).reshape(-1, dim)
            for row, item in enumerate(data.select(["document", key]).to_pylist()):
                yield item, matrix[row]

    def vectors(self, blocks: Iterable[str], documents: set[str]) -> dict[str, np.ndarray]:
        """Sentence vectors of ``documents`` (in sentence order), read from their blocks only."""
        by_doc: dict[str, list[tuple[int, np.ndarray]]] = {}
        for item, vector in self._vector_rows("sentences", blocks, documents, "sentence"):
            by_doc.setdefault(item["document"], []).append((item["sentence"], vector))
        return {d: np.stack([v for _, v in sorted(items, key=lambda x: x[0])]) for d, items in by_doc.items()}

    def unit_vectors(self, blocks: Iterable[str], documents: set[str]) -> dict[str, np.ndarray]:
        """Unit text -> vector for the sub-sentence units of ``documents``."""
        return {item["unit"]: vector for item, vector in self._vector_rows("units", blocks, documents, "unit")}

    # -- window parts (written by the driver after grouping) -------------------------------------
    def state_path(self, window: str) -> Path:
        return self.root / "state" / f"window={window}.json"

    def write_window_tables(self, window: str, events: list[dict], clusters: list[dict], findings: list[dict]) -> None:
        for table, rows in (("clusters", clusters), ("findings", findings), ("events", events)):
            path = self.root / table / f"window={window}.parquet"
            if rows:
                write_table(path, rows)
            else:
                path.unlink(missing_ok=True)


def table_digests(root: str | Path) -> dict[str, str]:
    """Per table, a hash of its rows in a canonical order: two corpus folders hold the same tables
    exactly when these are equal (how the engines are compared; part files and names may differ)."""
    import hashlib

    store = CorpusStore(root)
    out = {}
    for table in ARTICLE_TABLES + EVENT_TABLES:
        rows = store.read(table)
        lines = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False, default=str) for r in rows)
        out[table] = f"{len(lines)} rows, " + hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()[:16]
    return out
