"""Corpus inputs: article files and folders as ``framing compare`` reads them, and exports with one
article per row (JSONL, CSV, Parquet: Media Cloud, GDELT full-text dumps, a crawler's output).

Everything becomes an :class:`Article`: a decoded text with the fields the row or the folder gives.
Articles are plain rows (:meth:`Article.to_row`) so that an engine can ship them to other processes.
A bad file or row is an :class:`~framing.ingest.InputError` (one line) and the rest go on.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import InputError, RawText, expand_inputs, read_text
from ..ingest.boilerplate import template_lines
from ..ingest.build import folder_metadata
from ..ingest.page_meta import Clue, iso_date

log = logging.getLogger(__name__)

TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".parquet"}
METADATA_TABLES = {"metadata.csv", "metadata.jsonl"}  # a folder's metadata, not articles
# Column names exports use for each field, first match wins (Media Cloud: media_name, publish_date;
# many crawlers: content, published).
COLUMNS = {
    "text": ("text", "content", "body", "article", "maintext"),
    "id": ("id", "stories_id", "article_id", "doc_id", "guid"),
    "url": ("url", "link", "source_url"),
    "outlet": ("outlet", "media_name", "source", "media", "publisher", "site"),
    "date": ("date", "publish_date", "published", "published_at", "pubdate", "datetime", "seendate"),
    "language": ("language", "lang"),
    "title": ("title", "headline"),
    "country": ("country",),
}


@dataclass(frozen=True)
class Article:
    """One article on its way into a corpus: what to build a :class:`~framing.ingest.Document` from."""

    doc_id: str
    raw: RawText
    known: dict[str, str] = field(default_factory=dict)  # fields the export or folder gives
    folder: str | None = None  # where an outlets.toml may sit
    template: frozenset[str] = frozenset()  # lines that recur across the pile's files (site template)

    def to_row(self) -> dict:
        return {
            "doc_id": self.doc_id, "path": self.raw.path, "text": self.raw.text, "encoding": self.raw.encoding,
            "format": self.raw.format, "outside_main": sorted(self.raw.outside_main),
            "clues": json.dumps([c.__dict__ for c in self.raw.clues], ensure_ascii=False),
            "known": json.dumps(self.known, ensure_ascii=False), "folder": self.folder or "",
            "template": sorted(self.template),
        }

    @classmethod
    def from_row(cls, row: dict) -> Article:
        raw = RawText(
            path=row["path"], text=row["text"], encoding=row["encoding"], format=row["format"],
            outside_main=frozenset(int(x) for x in row["outside_main"]),
            clues=tuple(Clue(**c) for c in json.loads(row["clues"])),
        )
        return cls(row["doc_id"], raw, json.loads(row["known"]), row["folder"] or None, frozenset(row["template"]))


def content_id(text: str) -> str:
    return "t" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _pick(row: dict, name: str) -> str | None:
    lowered = {str(k).lower(): v for k, v in row.items()}
    for column in COLUMNS[name]:
        value = lowered.get(column)
        if value is not None and str(value).strip() and str(value).lower() != "nan":
            return str(value).strip()
    return None


def article_from_row(row: dict, origin: str) -> Article:
    """An export's row as an :class:`Article`; ``origin`` ("export.jsonl:12") names it in errors."""
    text = _pick(row, "text")
    if text is None:
        raise InputError(origin, f"no article text (a column named one of {', '.join(COLUMNS['text'])})")
    known: dict[str, str] = {"given_by": "export"}
    for name in ("url", "outlet", "language", "country", "title"):
        value = _pick(row, name)
        if value:
            known[name] = value
    date = _pick(row, "date")
    if date:
        known["date"] = iso_date(date) or date[:10]
    title = known.get("title")
    if title and not text.lstrip().startswith(title[:40]):
        text = f"{title}\n\n{text}"  # the headline is part of what an outlet says (it pairs with the lead)
    given_id = _pick(row, "id")
    doc_id = given_id or (content_id(known["url"]) if known.get("url") else content_id(text))
    return Article(doc_id, RawText(path=origin, text=text.replace("\r\n", "\n"), encoding="utf-8", format="text"), known)


def _rows_jsonl(path: Path) -> Iterator[tuple[str, dict | InputError]]:
    with path.open(encoding="utf-8", errors="strict") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield origin, InputError(origin, f"not valid JSON ({exc.msg})")
                continue
            yield origin, value if isinstance(value, dict) else InputError(origin, "a JSON line must be an object")


def _rows_csv(path: Path) -> Iterator[tuple[str, dict | InputError]]:
    csv.field_size_limit(sys.maxsize // 2)  # article texts exceed csv's 128 KB default
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            yield f"{path}:{number}", row


def _rows_parquet(path: Path) -> Iterator[tuple[str, dict | InputError]]:
    import pyarrow.parquet as pq

    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            number += 1
            yield f"{path}:row {number}", row


def table_rows(path: Path) -> Iterator[tuple[str, dict | InputError]]:
    """(origin, row or error) for each row of a JSONL, CSV or Parquet export, streamed."""
    suffix = path.suffix.lower()
    reader = _rows_parquet if suffix == ".parquet" else _rows_csv if suffix == ".csv" else _rows_jsonl
    try:
        yield from reader(path)
    except UnicodeDecodeError as exc:
        yield str(path), InputError(str(path), f"not UTF-8 (byte {exc.start}); re-export it as UTF-8")
    except OSError as exc:
        yield str(path), InputError(str(path), f"cannot be read ({exc.strerror or exc})")
    except Exception as exc:  # pyarrow's and csv's own errors: the file, not the run, is bad
        yield str(path), InputError(str(path), f"not a readable {suffix[1:]} file ({' '.join(str(exc).split())[:160]})")


def split_inputs(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Export tables (named, or inside named folders) and everything else (article files, folders, globs)."""
    tables: list[Path] = []
    others: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
            tables.append(path)
            continue
        if path.is_dir():
            tables.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES
                                 and p.name.lower() not in METADATA_TABLES and not p.name.startswith(".")))
        others.append(given)
    return tables, others


def read_articles(paths: list[str]) -> Iterator[Article | InputError]:
    """Every article the inputs hold, in order, and an error for each that cannot be used.

    Article files are read up front (lines that recur across them are a site's template, as in
    ``framing compare``); export rows stream, so an export of any size is never held whole.
    """
    tables, others = split_inputs(paths)
    if others:
        files, errors = expand_inputs(others)
        if tables:  # a folder of exports only: not an error that it holds no .txt
            errors = [e for e in errors if not e.reason.startswith("folder holds no article files")]
        yield from errors
        raws: list[RawText] = []
        for path in files:
            try:
                raws.append(read_text(path))
            except InputError as exc:
                yield exc
        template = template_lines([raw.text for raw in raws])
        known_by_folder: dict[Path, dict[str, dict[str, str]]] = {}
        seen: set[str] = set()
        for raw in raws:
            folder = Path(raw.path).parent
            if folder not in known_by_folder:
                folder_errors: list[InputError] = []
                known_by_folder[folder], _ = folder_metadata(folder, folder_errors)
                yield from folder_errors
            known = dict(known_by_folder[folder].get(Path(raw.path).name, {}))
            stem = Path(raw.path).stem or "document"
            doc_id, n = stem, 2
            while doc_id in seen:
                doc_id, n = f"{stem}-{n}", n + 1
            seen.add(doc_id)
            yield Article(doc_id, raw, known, str(folder), template)
    for table in tables:
        for origin, row in table_rows(table):
            if isinstance(row, InputError):
                yield row
                continue
            try:
                yield article_from_row(row, origin)
            except InputError as exc:
                yield exc


def count_articles(paths: list[str]) -> int:
    """How many articles the inputs hold at most (rows of the exports, article files), counted
    cheaply and without building anything: the total a progress bar shows."""
    tables, others = split_inputs(paths)
    count = len(expand_inputs(others)[0]) if others else 0
    for table in tables:
        try:
            if table.suffix.lower() == ".parquet":
                import pyarrow.parquet as pq

                count += pq.ParquetFile(table).metadata.num_rows
            elif table.suffix.lower() == ".csv":
                csv.field_size_limit(sys.maxsize // 2)
                with table.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
                    count += max(0, sum(1 for _ in csv.reader(handle)) - 1)
            else:
                with table.open("rb") as handle:
                    count += sum(1 for line in handle if line.strip())
        except Exception:  # a bad file is reported, one line, when it is read
            continue
    return count
