"""The document stage: input paths (or texts) to :class:`Document` objects.

Bad inputs do not stop the others: each becomes an :class:`InputError` in the result.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from . import boilerplate, langid, metadata
from .documents import Document, InputError, Sentence, Span
from .outlets import OutletTable, shipped_table, table_for
from .page_meta import Clue, best_clue, domain_of, url_date
from .reading import RawText, expand_inputs, passed_over, read_text
from .segment import RUN_IN_HEAD_REASON, dateline_length, dateline_reason, run_in_heads, split_sentences
from .unwrap import unwrap

log = logging.getLogger(__name__)

QUESTION_HEADLINE_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…][»\"”'’)]?\s*$")


class DocumentCache(Protocol):
    """Where built documents are kept between runs (``framing.embed.cache.DocumentCacheDB`` is one)."""

    def get(self, key: bytes) -> Document | None: ...

    def put(self, key: bytes, document: Document) -> None: ...


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of this stage's code and data: a cached document is reused only by the code that built it."""
    from importlib import metadata as package_metadata

    digest = hashlib.sha1()
    here = Path(__file__).resolve().parent
    for path in sorted([*here.glob("*.py"), *here.glob("data/*")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in ("razdel", "lingua-language-detector", "trafilatura", "simplemma"):
        try:
            digest.update(package_metadata.version(package).encode())
        except package_metadata.PackageNotFoundError:
            digest.update(b"-")
    return digest.hexdigest()


def document_key(raw: RawText, doc_id: str, known: dict[str, str] | None, template: frozenset[str], outlet_file: str) -> bytes:
    """Everything :func:`build_document` reads, hashed: the same key means the same document."""
    parts = [code_fingerprint(), doc_id, raw.path, raw.text, raw.encoding, raw.format, json.dumps(sorted(raw.outside_main)),
             json.dumps([c.__dict__ for c in raw.clues], ensure_ascii=False, sort_keys=True),
             json.dumps(known or {}, ensure_ascii=False, sort_keys=True), "\n".join(sorted(template)), outlet_file]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).digest()[:20]


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    passed_over: list[InputError] = field(default_factory=list)  # files in the folders given that are not articles


_WIRE_STAMP = re.compile(r"^(\d{2})\d{4}\s+GMT\s+([A-Z][a-z]{2})\s+(\d{2})$")
# "Read more at: https://...", "Читать далее на «...»: https://...", "Читати далі на ...: ...", "Прочетете повече на: ..."
_READ_ON_LINK = re.compile(
    r"^(?:read (?:more|the full (?:story|article)|it)(?: at| on)?|continue reading(?: at| on)?|читать (?:далее|полностью)(?: на)?|"
    r"читати (?:далі|повністю)(?: на)?|прочетете (?:повече|още|цялата статия)(?: на)?|още на|source|джерело|источник|източник)"
    r"\b[^:]{0,60}:\s*(https?://\S+)\s*$", re.I)


def describe(
    raw: RawText, header: list[Span], removed: list[Span], body: str, first_line: str, known: dict[str, str], outlets: OutletTable
) -> tuple[dict[str, str | None], dict[str, str]]:
    """Title, date, outlet and country, each with where it came from: what the user gave, then the
    page's markup (most trusted first), then the text. An outlet nothing names stays unknown."""
    given_by = known.get("given_by", "manifest")
    clues = list(raw.clues)
    if known.get("url"):
        clues.append(Clue("url", known["url"], "given address", 1.0))
    values: dict[str, str | None] = {}
    source: dict[str, str] = {}

    def pick(field: str, value: str | None, where: str) -> None:
        if known.get(field):
            values[field], source[field] = known[field], given_by
        else:
            values[field], source[field] = value, where if value else "unknown"

    title = best_clue(clues, "title")
    pick("title", title.value if title else first_line, title.source if title else "first line")

    dates = sorted((c for c in clues if c.field == "date"), key=lambda c: -c.confidence)
    urls = sorted((c for c in clues if c.field == "url"), key=lambda c: -c.confidence)
    for url in urls:
        if url_date(url.value):
            dates.append(Clue("date", url_date(url.value) or "", f"address path ({url.source})", 0.7))
    if dates:
        pick("date", dates[0].value, dates[0].source)
    else:
        years = [int(c.value[:4]) for c in clues if c.field == "date"]
        pick("date", *metadata.guess_date(header, body, years))
        if values["date"] is None:
            # a post's own "6:42 PM · Mar 6, 2025" line stands under its text and card (page shape AE's X post, whose
            # date went unread since stop 40); an embed's line in an article is the embed's, not the page's
            posted = next((d for span in removed if span.reason not in (boilerplate.EMBEDDED_POST, boilerplate.OTHER_POST)
                           and boilerplate.POST_TIME.match(span.text.strip())
                           for d in metadata.find_dates(span.text) if d.has_year), None)
            if posted:
                pick("date", posted.iso, "the post's time line")
        if values["date"] is None:
            # the link a pasted or forwarded article ends on ("Прочетете повече на: https://.../2025/04/17/...": page
            # shape BB, stop 47, whose pasted text carried no date of its own)
            linked = next((day for span in removed if (m := _READ_ON_LINK.match(span.text.strip()))
                           and (day := url_date(m.group(1)))), None)
            if linked:
                pick("date", linked, "address path (the article's read-on link)")
        if values["date"] is None:
            # a wire copy's transmission stamp under its text ("171432 GMT Sep 25": the 17th, 14:32 GMT, September 2025),
            # where its dateline gives no year (page shape BH, stop 47)
            sent = next((m for span in removed if (m := _WIRE_STAMP.match(span.text.strip()))), None)
            month = metadata.month_number(sent.group(2)) if sent else None
            if sent and month:
                pick("date", f"20{sent.group(3)}-{month:02d}-{int(sent.group(1)):02d}", "the wire's transmission stamp")

    domain = next((domain_of(u.value) for u in urls if domain_of(u.value)), None)
    own_wire = outlets.name_for(domain) if domain else None
    outlet, where = None, "unknown"
    for clue in sorted((c for c in clues if c.field == "outlet"), key=lambda c: -c.confidence):
        if outlets.is_wire(clue.value) and clue.value != own_wire:
            continue  # a credited agency, not this site
        if clue.source == "title tail" and domain is None and outlets.known_name(clue.value) is None and len(clue.value.split()) > 3:
            continue
        outlet, where = outlets.known_name(clue.value) or clue.value, clue.source
        break
    if outlet is None and domain:
        outlet, where = outlets.name_for(domain) or domain, f"address {domain}" + (" (outlet table)" if outlets.name_for(domain) else "")
    if outlet is None:
        found, where = metadata.outlet_from_clutter(removed, outlets.is_wire)
        if found:
            named = outlets.name_for(found) if "." in found else outlets.known_name(found)
            outlet = named or found
            where += " (outlet table)" if named else ""
    pick("outlet", outlet, where)
    pick("country", None, "unknown")
    return values, source


def build_document(
    raw: RawText,
    doc_id: str,
    known: dict[str, str] | None = None,
    outlets: OutletTable | None = None,
    template: frozenset[str] = frozenset(),
) -> Document:
    """Clean, segment and describe one decoded text. ``known`` holds given fields (manifest, table, front matter);
    ``template`` the short lines that recur across the pile (see :func:`boilerplate.template_lines`)."""
    known = dict(known or {})
    text = raw.text
    outside = set(raw.outside_main)
    if raw.format == "text":
        given, body_at = metadata.front_matter(text)
        text = text[:body_at] + unwrap(text[body_at:])  # a PDF page's lines joined into its paragraphs again
        if body_at:
            # the block stays in the text (offsets hold) and is listed as removed, its fields given
            outside |= {m.start() for m in re.finditer(r"(?m)^(?=.)", text[:body_at])}
            known = {**given, "given_by": "front matter", **known}  # a manifest or table row still wins
    cleaned = boilerplate.clean(text, frozenset(outside), template)
    if not cleaned.kept:
        raise InputError(raw.path, "no article text left after removing page clutter")
    first_kept = cleaned.kept[0]
    first_line = text[first_kept[0] : first_kept[1]].strip()
    # a headline ends without a full stop; one that asks or exclaims ("How did a gunman get so close to Trump?") is a
    # headline too when it is one short sentence
    title_is_headline = first_kept[2] == 0 and (not _SENTENCE_END.search(first_line) or (
        first_line[-1:] in "?!" and len(first_line.split()) <= QUESTION_HEADLINE_WORDS and len(split_sentences(first_line)) == 1))

    spans: list[tuple[int, int, int]] = []
    # by paragraph: a wire dateline (set aside, but read for the date like the rest of the body) or a run-in head
    datelines: dict[int, Span] = {}
    body_pieces: list[str] = []
    split = [split_sentences(text[start:end], offset=start) for start, end, _ in cleaned.kept]
    sentences_of = [[piece.text for piece in pieces] for pieces in split]
    heads = run_in_heads(sentences_of)
    for number, ((_, _, paragraph), pieces, sentences) in enumerate(zip(cleaned.kept, split, sentences_of)):
        dateline = dateline_length(sentences)
        opening = dateline or int(number in heads)
        if opening:
            piece = text[pieces[0].start : pieces[opening - 1].end]
            reason = dateline_reason(piece) if dateline else RUN_IN_HEAD_REASON
            datelines[paragraph] = Span(pieces[0].start, pieces[opening - 1].end, piece, reason)
        body_pieces += sentences
        spans += [(piece.start, piece.end, paragraph) for piece in pieces[opening:]]
    if not spans:
        raise InputError(raw.path, "no article text left after removing page clutter")
    body_text = " ".join(body_pieces)
    language, _ = langid.detect(body_text)
    source: dict[str, str] = {"language": "detected"}
    if known.get("language") and known["language"] != language:
        log.warning("%s: manifest says %s, text looks %s; using the manifest", raw.path, known["language"], language)
    doc_language = known.get("language") or language

    # one detector run per sentence only where a sentence is not plainly in the document's language
    languages = langid.sentence_languages([text[a:b] for a, b, _ in spans], doc_language)
    sentences = [
        Sentence(
            id=i,
            text=" ".join(text[a:b].split()),
            start=a,
            end=b,
            language=language,
            paragraph=p,
            is_title=title_is_headline and p == 0,
        )
        for i, ((a, b, p), language) in enumerate(zip(spans, languages))
    ]
    told = list(itertools.islice((a for a, b, _ in cleaned.kept[1 if title_is_headline else 0 :] if _SENTENCE_END.search(text[a:b])), 2))
    body_start = told[0] if told else len(text)
    # a column's standfirst comes before its author and date ("... greener streets." / "Ruth Adeyemi, columnist" /
    # "March 6, 2025"): a stamp between the first two told paragraphs dates the page too (held-out page shape M had
    # its four columns undated)
    after_standfirst = told[1] if len(told) > 1 else len(text)
    # (another post of a channel's page, or a post embedded above the text, tells of its own days, not the article's; so
    # does the mail that forwarded an article: its "Date:" lines are the forward's, page shape BB)
    forward = boilerplate.FORWARD in {s.reason for s in cleaned.removed}
    header = [s for s in cleaned.removed if (s.start < body_start or (s.start < after_standfirst and s.reason == boilerplate.STAMP))
              and s.reason not in (boilerplate.OTHER_POST, boilerplate.EMBEDDED_POST)
              and not (forward and s.reason in (boilerplate.MAIL_HEADER, boilerplate.FORWARD))]
    values, found = describe(raw, header, cleaned.removed, body_text, first_line, known, outlets or shipped_table())
    source.update(found)
    date_without_year = None
    if values["date"] is None:
        first = next((s for s in sentences if not s.is_title), None)
        first_sentence = first.text if first else ""
        if first and first.paragraph in datelines:
            first_sentence = f"{datelines[first.paragraph].text} {first_sentence}"  # the dateline set aside opened it
        date_without_year, where = metadata.year_less_date(header, first_sentence)
        if date_without_year:
            source["date_without_year"] = where
    if known.get("language"):
        source["language"] = known.get("given_by", "manifest")
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
        removed=sorted([*cleaned.removed, *datelines.values()], key=lambda s: s.start),
        metadata_source=source,
        date_without_year=date_without_year,
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
    cache: DocumentCache | None = None,
) -> IngestResult:
    """Read every input; a bad one becomes an error in the result and the rest go on.

    With ``cache``, a file read before (same bytes, same metadata, same pile template, same code) is
    not cleaned, split and language-detected again: a re-run does not even load the language detector.
    """
    files, errors = expand_inputs(list(paths))
    result = IngestResult(errors=list(errors), passed_over=passed_over(list(paths)))
    given: dict[Path, dict[str, dict[str, str]]] = {}
    tables: dict[Path, OutletTable] = {}
    raws: list[RawText] = []
    for path in files:  # read everything first: lines that recur across pages are a site's template
        if on_document:
            on_document(path)
        try:
            raws.append(read_text(path))
        except InputError as exc:
            log.warning("%s", exc)
            result.errors.append(exc)
    template = boilerplate.template_lines([raw.text for raw in raws])
    taken: set[str] = set()
    for raw in raws:
        path = raw.path
        folder = Path(path).parent
        if folder not in given:
            given[folder], tables[folder] = folder_metadata(folder, result.errors)
        doc_id, known = _unique_id(path, taken), given[folder].get(Path(path).name)
        key = document_key(raw, doc_id, known, template, _outlet_file(folder)) if cache is not None else b""
        doc = cache.get(key) if cache is not None else None
        if doc is not None:
            result.documents.append(doc)
            continue
        try:
            doc = build_document(raw, doc_id, known, tables[folder], template)
            if cache is not None:
                cache.put(key, doc)
        except InputError as exc:
            log.warning("%s", exc)
            result.errors.append(exc)
            continue
        result.documents.append(doc)
    return result


def _outlet_file(folder: Path) -> str:
    from .outlets import TABLE_NAME

    path = folder / TABLE_NAME
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def folder_metadata(folder: Path, errors: list[InputError]) -> tuple[dict[str, dict[str, str]], OutletTable]:
    """What a folder's manifest.toml, metadata.csv / metadata.jsonl and outlets.toml say; a broken one is an error line."""
    known: dict[str, dict[str, str]] = {}
    for name, read in ((metadata.MANIFEST_NAME, metadata.load_manifest), ("metadata.csv/.jsonl", metadata.load_metadata_tables)):
        try:
            for file, fields in read(folder).items():
                known[file] = {**fields, **known.get(file, {})}  # the manifest, read first, wins
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            errors.append(InputError(str(folder / name), f"unreadable metadata ({exc})"))
    try:
        table = table_for(folder)
    except (OSError, ValueError) as exc:
        errors.append(InputError(str(folder / "outlets.toml"), f"unreadable outlet table ({exc})"))
        table = shipped_table()
    return known, table


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
