"""Turn input paths into decoded text: folders and globs expanded, encodings detected, HTML extracted.

Every failure is an :class:`~framing.documents.InputError` with one readable reason, so that the
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

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ""}
# Older Cyrillic files come in these; cp1251 decodes nearly any byte string, so each candidate is
# judged by how Cyrillic-like the decoded letters look, not by whether decoding succeeds.
CYRILLIC_ENCODINGS = ("cp1251", "koi8_u", "koi8_r", "mac_cyrillic", "cp866")
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<article|<div|<p[ >])", re.I)


@dataclass(frozen=True)
class RawText:
    path: str
    text: str
    encoding: str
    format: str  # "text" or "html"


def expand_inputs(paths: list[str]) -> tuple[list[str], list[InputError]]:
    """Files named, found in folders (not recursing into hidden ones) or matched by globs, in order."""
    files: list[str] = []
    errors: list[InputError] = []
    for given in paths:
        if os.path.isdir(given):
            found = sorted(
                str(p)
                for p in Path(given).rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(given).parts)
                and p.name.lower() not in {"readme", "license", "readme.txt"}
            )
            if not found:
                errors.append(InputError(given, "folder holds no article files (.txt, .html)"))
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


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 50)


def html_to_text(html: str, path: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise InputError(path, "HTML page with no article text that could be extracted")
    return text


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
    if looks_binary(data):
        raise InputError(path, "binary file, not text (expected UTF-8 or Cyrillic plain text, or HTML)")
    text, encoding = decode(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    is_html = Path(path).suffix.lower() in {".html", ".htm", ".xhtml"} or bool(_HTML_START.match(data[:512]))
    if is_html:
        return RawText(path, html_to_text(text, path), encoding, "html")
    return RawText(path, text, encoding, "text")
