"""Turn input paths into decoded text: folders and globs expanded, encodings detected, HTML extracted.

Every failure is an :class:`~framing.ingest.documents.InputError` with one readable reason, so that the
caller can report it and go on with the other inputs.
"""

from __future__ import annotations

import glob
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .documents import InputError
from .markdown import looks_like_markdown, markdown_to_text
from .page_meta import Clue, page_clues

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown", ""}
# Older Cyrillic files come in these; cp1251 decodes nearly any byte string, so each candidate is
# judged by how Cyrillic-like the decoded letters look, not by whether decoding succeeds.
CYRILLIC_ENCODINGS = ("cp1251", "koi8_u", "koi8_r", "mac_cyrillic", "cp866")
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<article|<div|<p[ >])", re.I)
# Files people save articles as that framing cannot read, told by their first bytes (named on the command line) or by
# their suffix (found in a folder), with what to do instead. RTF is text, so without this its markup would be read as
# the article.
_SAVE_AS_TEXT = "save the article's text as a .txt file, or the page as .html"
_FILE_KINDS = (
    (b"%PDF", ".pdf", f"a PDF file, which framing cannot read: {_SAVE_AS_TEXT} (pdftotext makes one)"),
    (b"PK\x03\x04", ".docx", f"a Word, OpenDocument or ZIP file, which framing cannot read: {_SAVE_AS_TEXT}"),
    (b"{\\rtf", ".rtf", f"an RTF file, which framing cannot read: {_SAVE_AS_TEXT}"),
    (b"\xd0\xcf\x11\xe0", ".doc", f"an old Word file, which framing cannot read: {_SAVE_AS_TEXT}"),
)
_OTHER_SUFFIXES = {".odt": ".docx", ".epub": ".docx", ".pages": ".docx"}
# what else people save an article as, that framing cannot read either (a folder's other files, a data table, a TOML,
# a script, are no article anyone expects read, and go unmentioned)
_SAVED_AS = {
    ".mht": "a saved web page archive (MHTML), which framing cannot read: save the page as HTML only, or its text as .txt",
    ".mhtml": "a saved web page archive (MHTML), which framing cannot read: save the page as HTML only, or its text as .txt",
    ".webarchive": "a Safari web archive, which framing cannot read: save the page as HTML (page source), or its text as .txt",
    ".eml": "an e-mail file, which framing cannot read: save the message's text as a .txt file",
    ".msg": "an Outlook message file, which framing cannot read: save the message's text as a .txt file",
    **{suffix: "an image, which framing cannot read: a screenshot holds no text to compare; save the article's text as .txt"
       for suffix in (".png", ".jpg", ".jpeg", ".gif", ".webp", ".tif", ".tiff", ".heic", ".bmp")},
}
# files beside the articles that framing reads for what they say about them, or that hold no article
COMPANION_NAMES = {"manifest.toml", "outlets.toml", "metadata.csv", "metadata.jsonl"}
_NOT_ARTICLES = ("readme", "license", "licence", "changelog")


@dataclass(frozen=True)
class RawText:
    path: str
    text: str
    encoding: str
    format: str  # "text", "html" or "markdown"
    # For HTML: start offsets of the lines (page blocks) outside the main text trafilatura found.
    outside_main: frozenset[int] = frozenset()
    clues: tuple[Clue, ...] = ()  # what the page's markup says about itself (HTML's meta tags, a Markdown clip's front matter)


def _folder_files(folder: str) -> list[Path]:
    """The files inside ``folder``, not inside hidden folders and not hidden themselves: what a folder given as input
    offers, to read (:func:`expand_inputs`) or to name as not read (:func:`passed_over`)."""
    return [p for p in Path(folder).rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)]


def expand_inputs(paths: list[str]) -> tuple[list[str], list[InputError]]:
    """Files named, found in folders (not recursing into hidden ones) or matched by globs, in order."""
    files: list[str] = []
    errors: list[InputError] = []
    for given in paths:
        if os.path.isdir(given):
            found = sorted(str(p) for p in _folder_files(given)
                           if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.lower().startswith(_NOT_ARTICLES))
            if not found:
                errors.append(InputError(given, "folder holds no article files (.txt, .html, .md)"))
            files.extend(found)
        elif os.path.exists(given):
            files.append(given)
        elif glob.has_magic(given):
            matched = sorted(glob.glob(given, recursive=True))
            if not matched:
                errors.append(InputError(given, "no file matches this pattern"))
            files.extend(m for m in matched if os.path.isfile(m))
        else:
            errors.append(InputError(given, "no such file or folder"))
    seen: set[str] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]
    return unique, errors


def passed_over(paths: list[str]) -> list[InputError]:
    """The files inside the folders of ``paths`` that :func:`expand_inputs` does not read and that a user may have
    saved an article as (a PDF, a Word or RTF file, a web archive, an e-mail, a screenshot), each with why and what to
    do instead, so that no article a user put beside the others is dropped without a word; other files (the manifest,
    a gold or data table, a read-me, hidden files) go unmentioned."""
    found = []
    for given in paths:
        if not os.path.isdir(given):
            continue
        for p in sorted(_folder_files(given)):
            if (p.suffix.lower() in ARTICLE_SUFFIXES or p.name.lower() in COMPANION_NAMES
                    or p.name.lower().startswith(_NOT_ARTICLES)):
                continue
            suffix = _OTHER_SUFFIXES.get(p.suffix.lower(), p.suffix.lower())
            why = next((why for _, known, why in _FILE_KINDS if known == suffix), _SAVED_AS.get(suffix))
            if why:
                found.append(InputError(str(p), why))
    return found


_COMMON_CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")
_MIXED_WORD = re.compile(r"(?=\w*[a-zA-Z])(?=\w*[а-яА-ЯёЁіІїЇєЄґҐ])\w+")


def _cyrillic_plausibility(text: str) -> float:
    """How much the decoded text looks like real Cyrillic prose (1.0 = entirely).

    A wrong code page shows up as upper-case letters in mid-word, rare letters (Ѕ, ќ, Ў), box
    drawings, or Cyrillic letters inside Latin words ("Zьrich").
    """
    non_ascii = [c for c in text if not c.isascii()]
    if not non_ascii:
        return 0.0
    lower = sum(1 for c in non_ascii if c in _COMMON_CYRILLIC)
    upper = sum(1 for c in non_ascii if c.lower() in _COMMON_CYRILLIC and c.isupper())
    words = re.findall(r"\w+", text)
    mixed = len(_MIXED_WORD.findall(text)) / max(1, len(words))
    return (lower + 0.3 * upper) / len(non_ascii) - 2.0 * mixed


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes as UTF-8, else as the most plausible Cyrillic code page; raise if neither fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best: tuple[float, str, str] | None = None
    for encoding in CYRILLIC_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _cyrillic_plausibility(text)
        if best is None or score > best[0] + 1e-9:
            best = (score, encoding, text)
    if best is not None and best[0] >= 0.6:
        log.info("%s: decoded as %s", path, best[1])
        return best[2], best[1]
    raise InputError(
        path,
        f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
        "and not recognisable as Windows-1251 or KOI8 Cyrillic text",
    )


_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def decode_utf16(data: bytes, path: str) -> tuple[str, str]:
    """Text that starts with a UTF-16 byte-order mark; raise if the rest is not UTF-16 text."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        raise InputError(path, "starts with a UTF-16 byte-order mark but is not valid UTF-16 text") from None
    if not text.strip() or looks_binary(text.encode("utf-8")):
        raise InputError(path, "starts with a UTF-16 byte-order mark but holds no text")
    return text, "utf-16"


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 50)


_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dt", "dd", "figcaption",
    "caption", "div", "section", "article", "aside", "nav", "header", "footer", "ul", "ol", "dl", "table", "tr",
    "main", "form", "figure", "body", "title", "address", "details", "summary",
}
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head")


def _norm(text: str) -> str:
    return " ".join(text.split())


def page_blocks(html: str) -> list[str]:
    """The page's visible text as blocks in reading order: each innermost block element's text, and
    loose text between blocks (a nav bar's links, say). The <title> comes first."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises several kinds on broken markup; the caller falls back
        return []
    title = root.findtext(".//title") or ""
    for bad in root.xpath("|".join(f"//{t}" for t in _DROP_TAGS)):
        bad.drop_tree()
    headings = {_norm(h.text_content()) for h in root.xpath("//h1 | //h2")}
    # the <title> bar leads the text (it may carry the site's name) unless it only repeats a heading
    blocks: list[str] = [_norm(title)] if _norm(title) and _norm(title) not in headings else []

    def walk(element) -> None:  # noqa: ANN001 - an lxml element
        if not isinstance(element.tag, str):
            return
        if not any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in element.iterdescendants()):
            text = _norm(element.text_content())
            if text:
                blocks.append(text)
            return
        if element.text and _norm(element.text):
            blocks.append(_norm(element.text))
        for child in element:
            if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
                walk(child)
            elif isinstance(child.tag, str):
                text = _norm(child.text_content())
                if text:
                    blocks.append(text)
            if child.tail and _norm(child.tail):
                blocks.append(_norm(child.tail))

    walk(root)
    merged: list[str] = []
    for block in blocks:  # inline runs split by tags come out as neighbours; keep them apart, drop repeats in a row
        if not merged or merged[-1] != block:
            merged.append(block)
    return merged


def _same_text(block: str, main_line: str) -> bool:
    """A page block and a line of the extracted text hold the same words (one may split the other)."""
    return block == main_line or (len(block) >= 20 and (block in main_line or main_line in block))


LEAD_REACH = 10  # page blocks after the headline where its lead may sit (share bars and bylines between)
_LEAD_CLASS = re.compile(r"lead|subtitle|sub-title|standfirst|summary|intro|excerpt|dek|description|anons", re.I)


def _keep_headline_and_lead(html: str, blocks: list[str], in_main: list[bool]) -> None:
    """trafilatura keeps the story's paragraphs but often leaves out its headline (the <h1>) and the
    lead set in a subtitle block above the body: they are the story too. The <title> bar, which
    repeats the headline with the site's name, stays out."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises several kinds on broken markup
        return
    headlines = [_norm(h.text_content()) for h in root.xpath("//h1") if _norm(h.text_content())]
    if not headlines:  # no <h1>: the first heading inside the article or main part
        headlines = [_norm(h.text_content()) for h in root.xpath("//article//h2 | //main//h2 | //*[contains(@class, 'heading')]")
                     if _norm(h.text_content())][:1]
    leads = {_norm(e.text_content()) for e in root.xpath("//*[@class or @itemprop]")
             if _LEAD_CLASS.search(f"{e.get('class', '')} {e.get('itemprop', '')}") and _norm(e.text_content())}
    leads |= {_norm(m.get("content") or "") for m in root.xpath("//meta[@name='description' or @property='og:description']")}
    # where the story's paragraphs begin (trafilatura may also keep a site's header lines above them)
    first_main = next((i for i, keep in enumerate(in_main) if keep and len(blocks[i].split()) >= 10), len(blocks))
    headline_at = next((i for i, b in enumerate(blocks) if headlines and b == headlines[0]), None)
    if headline_at is None or headline_at > first_main + 3:
        return
    in_main[headline_at] = True
    for i in range(headline_at + 1, min(len(blocks), headline_at + LEAD_REACH)):
        if blocks[i] in leads and len(blocks[i].split()) >= 6:
            in_main[i] = True


def html_to_text(html: str, path: str) -> tuple[str, frozenset[int]]:
    """The page's visible text, one block per paragraph, and which blocks lie outside the main text.

    trafilatura decides what the article is; the rest of the page is kept in the text and marked,
    so the clutter is listed in ``Document.removed`` instead of vanishing. If the page's blocks do
    not line up with trafilatura's text, the text is trafilatura's alone.
    """
    import trafilatura

    main = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not main or not main.strip():
        raise InputError(path, "HTML page with no article text that could be extracted")
    main_lines = [_norm(line) for line in main.splitlines() if line.strip()]
    blocks = page_blocks(html)
    in_main = [any(_same_text(b, m) for m in main_lines) for b in blocks]
    _keep_headline_and_lead(html, blocks, in_main)
    found = sum(1 for m in main_lines if any(_same_text(b, m) for b in blocks))
    if not blocks or found < 0.8 * len(main_lines):
        log.info("%s: page blocks do not line up with the extracted text; using the extracted text only", path)
        return main, frozenset()
    text, outside, offset = [], set(), 0
    for block, keep in zip(blocks, in_main):
        if not keep:
            outside.add(offset)
        text.append(block)
        offset += len(block) + 2
    return "\n\n".join(text), frozenset(outside)


def read_text(path: str) -> RawText:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(path, "empty file" if not data else "file holds only whitespace")
    kind = next((why for start, _, why in _FILE_KINDS if data.startswith(start)), None)
    if kind:
        raise InputError(path, kind)
    if data.startswith(_UTF16_MARKS):
        # Windows Notepad's "Unicode" and some exports save UTF-16 with a byte-order mark: every other byte of
        # Latin or Cyrillic text is zero, which reads as binary, yet the mark says how to read it
        text, encoding = decode_utf16(data, path)
        data = text.encode("utf-8")
    elif looks_binary(data):
        raise InputError(path, "binary file, not text (expected UTF-8, UTF-16 or Cyrillic plain text, or HTML)")
    else:
        text, encoding = decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    is_html = Path(path).suffix.lower() in {".html", ".htm", ".xhtml"} or bool(_HTML_START.match(data[:512]))
    if is_html:
        page_text, outside = html_to_text(text, path)
        return RawText(path, page_text, encoding, "html", outside, tuple(page_clues(text)))
    if looks_like_markdown(text, Path(path).suffix):
        plain, outside, clues = markdown_to_text(text)
        return RawText(path, plain, encoding, "markdown", outside, clues)
    return RawText(path, text, encoding, "text")
