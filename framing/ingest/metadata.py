"""Document metadata: from a manifest beside the inputs when there is one, else read off the text.

A manifest (``manifest.toml`` in an input's folder) lists what is known about each file::

    [[article]]
    file = "000_79bbd20387ac76b2.txt"
    outlet = "Вести (vesti-ua.net)"
    country = "UA"
    language = "ru"
    date = "2024-11-13"
    title = "Блинкен пообещал ..."

Without one, the title is the first body line, the date is parsed from the text, and the outlet
is taken from a web address in the removed clutter, a masthead line, or the file name.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .documents import Span

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MANIFEST_NAME = "manifest.toml"
FIELDS = ("outlet", "country", "language", "date", "title")

_MONTH_NUMBERS = {
    **dict.fromkeys(["январ", "січ", "януар", "jan"], 1),
    **dict.fromkeys(["феврал", "лют", "февруар", "feb"], 2),
    **dict.fromkeys(["март", "берез", "mar"], 3),
    **dict.fromkeys(["апрел", "квіт", "април", "apr"], 4),
    **dict.fromkeys(["ма", "травн", "май", "may"], 5),
    **dict.fromkeys(["июн", "черв", "юни", "jun"], 6),
    **dict.fromkeys(["июл", "лип", "юли", "jul"], 7),
    **dict.fromkeys(["август", "серп", "aug"], 8),
    **dict.fromkeys(["сентябр", "верес", "септемв", "sep"], 9),
    **dict.fromkeys(["октябр", "жовт", "октомв", "oct"], 10),
    **dict.fromkeys(["ноябр", "листопад", "ноемв", "nov"], 11),
    **dict.fromkeys(["декабр", "груд", "декемв", "dec"], 12),
}
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_WORD_DATE = re.compile(r"\b(\d{1,2})\s+([A-Za-zА-Яа-яЁёІіЇїЄєҐґ]{3,})\.?,?\s+(\d{4})\b")
_DOMAIN = re.compile(r"(?<![\w.-])((?:[a-z0-9-]+\.)+(?:net|com|ua|ru|bg|org|info|news|eu|uk))\b", re.I)
# Clutter that speaks for the page's own outlet; lists of other stories name other outlets.
_OWN_CLUTTER = ("byline, credit, ad or promotion", "masthead or label")


def load_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """File name -> known fields, from ``folder/manifest.toml``; empty when there is none."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    entries: dict[str, dict[str, str]] = {}
    for entry in data.get("article", []):
        if "file" in entry:
            entries[str(entry["file"])] = {k: str(v) for k, v in entry.items() if k in FIELDS}
    return entries


def _month(word: str) -> int | None:
    word = word.lower()
    for stem, number in sorted(_MONTH_NUMBERS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return number
    return None


def find_dates(text: str) -> list[str]:
    """Full dates (with a year) in the text, ISO formatted, in order of appearance."""
    found: list[tuple[int, str]] = []
    for m in _NUMERIC_DATE.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= day <= 31 and 1 <= month <= 12:
            found.append((m.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    for m in _ISO_DATE.finditer(text):
        year, month = int(m.group(1)), int(m.group(2))
        if 1900 < year < 2100 and 1 <= month <= 12:
            day = f"-{m.group(3)}" if m.group(3) else ""
            found.append((m.start(), f"{year:04d}-{month:02d}{day}"))
    for m in _WORD_DATE.finditer(text):
        month = _month(m.group(2))
        if month:
            found.append((m.start(), f"{int(m.group(3)):04d}-{month:02d}-{int(m.group(1)):02d}"))
    return [d for _, d in sorted(found)]


def guess_date(header_spans: list[Span], body: str) -> str | None:
    """The article's date: a stamp or dateline before the body, else the first full date in it."""
    for span in header_spans:
        dates = find_dates(span.text)
        if dates:
            return dates[0]
    dates = find_dates(body)
    return dates[0] if dates else None


def guess_outlet(removed: list[Span], path: str) -> tuple[str, str]:
    """(outlet, where it came from): a web address in the clutter, a masthead, or the file name."""
    counts: dict[str, int] = {}
    for span in removed:
        if span.reason not in _OWN_CLUTTER:
            continue
        for domain in _DOMAIN.findall(span.text):
            counts[domain.lower()] = counts.get(domain.lower(), 0) + 1
    if counts:
        return max(counts, key=lambda d: counts[d]), "web address in the removed text"
    for span in removed:
        if span.reason == "masthead or label" and not re.search(r"\d", span.text):
            return span.text, "masthead line"
    return Path(path).stem, "file name"
