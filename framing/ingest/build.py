"""The document stage: input paths (or texts) to :class:`Document` objects.

Bad inputs do not stop the others: each becomes an :class:`InputError` in the result.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import boilerplate, langid, metadata
from .documents import Document, InputError, Sentence, Span
from .reading import RawText, expand_inputs, read_text
from .segment import split_sentences

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"[.!?…][»\"”'’)]?\s*$")


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def build_document(raw: RawText, doc_id: str, known: dict[str, str] | None = None) -> Document:
    """Clean, segment and describe one decoded text. ``known`` holds manifest fields."""
    known = known or {}
    text = raw.text
    cleaned = boilerplate.clean(text, raw.outside_main)
    if not cleaned.kept:
        raise InputError(raw.path, "no article text left after removing page clutter")
    first_kept = cleaned.kept[0]
    first_line = text[first_kept[0] : first_kept[1]].strip()
    title_is_headline = first_kept[2] == 0 and not _SENTENCE_END.search(first_line)

    spans: list[tuple[int, int, int]] = []
    for start, end, paragraph in cleaned.kept:
        for piece in split_sentences(text[start:end], offset=start):
            spans.append((piece.start, piece.end, paragraph))
    body_text = " ".join(text[a:b] for a, b, _ in spans)
    language, _ = langid.detect(body_text)
    source: dict[str, str] = {"language": "detected"}
    if known.get("language") and known["language"] != language:
        log.warning("%s: manifest says %s, text looks %s; using the manifest", raw.path, known["language"], language)
    doc_language = known.get("language") or language

    sentences = [
        Sentence(
            id=i,
            text=" ".join(text[a:b].split()),
            start=a,
            end=b,
            language=langid.detect_sentence(text[a:b], doc_language),
            paragraph=p,
            is_title=title_is_headline and p == 0,
        )
        for i, (a, b, p) in enumerate(spans)
    ]
    body_start = next((a for a, b, _ in cleaned.kept if _SENTENCE_END.search(text[a:b])), len(text))
    header = [s for s in cleaned.removed if s.start < body_start]
    guessed_outlet, outlet_source = metadata.guess_outlet(cleaned.removed, raw.path)
    guesses = {
        "title": (first_line, "first line"),
        "date": (metadata.guess_date(header, body_text), "text"),
        "outlet": (guessed_outlet, outlet_source),
        "country": (None, "unknown"),
    }
    values: dict[str, str | None] = {}
    for name, (guess, where) in guesses.items():
        if known.get(name):
            values[name], source[name] = known[name], "manifest"
        else:
            values[name], source[name] = guess, where
    if known.get("language"):
        source["language"] = "manifest"
    return Document(
        id=doc_id,
        path=raw.path,
        text=text,
        title=values["title"],
        language=doc_language,
        date=values["date"],
        outlet=values["outlet"],
        country=values["country"],
        encoding=raw.encoding,
        format=raw.format,
        sentences=sentences,
        removed=sorted(cleaned.removed, key=lambda s: s.start),
        metadata_source=source,
    )


def _unique_id(path: str, taken: set[str]) -> str:
    base = Path(path).stem or "document"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def load_documents(
    paths: Iterable[str],
    on_document: Callable[[str], None] | None = None,
) -> IngestResult:
    """Read every input; a bad one becomes an error in the result and the rest go on."""
    files, errors = expand_inputs(list(paths))
    result = IngestResult(errors=list(errors))
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    taken: set[str] = set()
    for path in files:
        if on_document:
            on_document(path)
        folder = Path(path).parent
        if folder not in manifests:
            try:
                manifests[folder] = metadata.load_manifest(folder)
            except (OSError, ValueError) as exc:
                result.errors.append(InputError(str(folder / metadata.MANIFEST_NAME), f"unreadable manifest ({exc})"))
                manifests[folder] = {}
        try:
            raw = read_text(path)
            doc = build_document(raw, _unique_id(path, taken), manifests[folder].get(Path(path).name))
        except InputError as exc:
            log.warning("%s", exc)
            result.errors.append(exc)
            continue
        result.documents.append(doc)
    return result


def documents_from_texts(items: Iterable[tuple[str, dict[str, str]]]) -> list[Document]:
    """Documents from (text, metadata) pairs, for notebook use; metadata may carry ``id``."""
    documents = []
    taken: set[str] = set()
    for n, (text, meta) in enumerate(items):
        name = meta.get("id") or meta.get("path") or f"text-{n}"
        raw = RawText(path=meta.get("path", name), text=text, encoding="utf-8", format="text")
        documents.append(build_document(raw, _unique_id(name, taken), meta))
    return documents


__all__ = ["IngestResult", "Span", "build_document", "documents_from_texts", "load_documents"]
