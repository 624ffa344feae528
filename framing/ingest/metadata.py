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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .boilerplate import PRINT_LINE, REPUBLISHED, RUNNING_HEAD, republished_from, running_head_name
from .documents import Span

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MANIFEST_NAME = "manifest.toml"
FIELDS = ("outlet", "country", "language", "date", "title")

# Whole month words (ru/uk genitive and nominative, bg, en with abbreviations): a stem alone would
# read "5 машин" as 5 May.
_MONTH_WORDS = [
    re.compile(pattern, re.I)
    for pattern in (
        r"январ[ья]|янв|січ(?:ня|ень)|януари|jan(?:uary)?",
        r"феврал[ья]|фев|лют(?:ого|ий)|февруари|feb(?:ruary)?",
        r"марта?|берез(?:ня|ень)|mar(?:ch)?",
        r"апрел[ья]|апр|квіт(?:ня|ень)|април|apr(?:il)?",
        r"ма[йя]|трав(?:ня|ень)|may",
        r"июн[ья]|черв(?:ня|ень)|юни|june?",
        r"июл[ья]|лип(?:ня|ень)|юли|july?",
        r"августа?|авг|серп(?:ня|ень)|aug(?:ust)?",
        r"сентябр[ья]|сент?|верес(?:ня|ень)|септември|sept?(?:ember)?",
        r"октябр[ья]|окт|жовт(?:ня|ень)|октомври|oct(?:ober)?",
        r"ноябр[ья]|ноя|листопада?|ноември|nov(?:ember)?",
        r"декабр[ья]|дек|груд(?:ня|ень)|декември|dec(?:ember)?",
    )
]
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")
_LETTERS = r"[A-Za-zА-Яа-яЁёІіЇїЄєҐґ]{3,}"
_ORDINAL = r"(?:st|nd|rd|th|-?го|-?е|-?ти|-?ви|-?ри)?"
# "13 ноября 2024", "13th November 2024", "13 ноября" (no year)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){_ORDINAL}\s+({_LETTERS})\.?,?(?:\s+(\d{{4}}))?(?!\d)")
# "November 13, 2024", "Nov. 13th 2024", "Nov 13" (no year)
_MONTH_DAY = re.compile(rf"\b({_LETTERS})\.?\s+(\d{{1,2}}){_ORDINAL}\b,?(?:\s+(\d{{4}}))?(?![\d:])")
_WEEKDAY_OR_TODAY = re.compile(
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|понеділок|вівторок|середа|четвер|п.ятниця|субота|"
    r"неділя|понеделник|сряда|четвъртък|петък|събота|неделя|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"сегодня|сьогодні|днес|today|погода|weather|курс|°",
    re.I,
)
_DOMAIN = re.compile(r"(?<![\w.@-])((?:[a-z0-9-]+\.)+"
                     r"(?:net|com|ua|ru|bg|org|info|news|eu|uk|media|io|ie|gov|edu|us|tv|md|lv|by|kz|ge|ro|pl|de|fr))\b", re.I)
# Clutter that speaks for the page's own outlet; lists of other stories name other outlets.
_OWN_CLUTTER = ("byline, credit, ad or promotion", "masthead or label", "site header before the headline", "menu or breadcrumb",
                PRINT_LINE)  # the article's own address names its outlet
# a line that names the outlet a copy came from ("Source: ...", "Read the full story at awsnews.com", "Джерело: ..."): its
# address is the original's, not the page's (held-out page shape Q, stop 38: an aggregator's copy took the agency's name)
_ANOTHER_OUTLET = re.compile(r"(?:source|източник|источник|джерело|read the full (?:story|article)|оригинал|original)\b", re.I)
# A masthead is a name, not a button or a person: a few words, no digits, not a menu word.
_NOT_A_NAME = re.compile(
    r"^(?:skip|перейти|пропустить|пропустити|прескочи|читать|читати|четете|read|войти|увійти|вход|login|log in|sign|post$|"
    r"меню|menu|поиск|пошук|търсене|search|"
    r"главная|головна|начало|home|новости|новини|news|актуально|популярное|top|online|онлайн|english|русский|"
    r"українська|български|видео|відео|video|фото|photo|readout|подписаться|subscribe|"
    # a live page's labels: "Live", "Key points", "Главное" above its entries
    r"live|share|key points|key moments|key events|latest|breaking|updated|summary|главное|головне|накратко|коротко|ключов\w*|"
    r"на живо|прямой эфир|пряма трансляція|трансляци\w*|"
    # an explainer's subheads: "Что произошло", "What we know"
    r"что произошло|что известно|що відомо|що сталося|какво се случи|какво знаем|what happened|what we know)\b",
    re.I,
)


DATELINE_REACH = 60  # characters into the body where a dateline's date may start


@dataclass(frozen=True)
class FoundDate:
    position: int
    iso: str  # YYYY-MM-DD, or MM-DD when the text gives no year
    has_year: bool
    end: int = 0  # where the date's text ends


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
            entries[str(entry["file"])] = {**{k: str(v) for k, v in entry.items() if k in (*FIELDS, "url")}, "given_by": "manifest"}
    return entries


TABLE_NAMES = ("metadata.csv", "metadata.jsonl")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n((?:[A-Za-z_]+[ \t]*:[^\n]*\n)+)---[ \t]*\n")


def load_metadata_tables(folder: Path) -> dict[str, dict[str, str]]:
    """File name -> known fields from ``metadata.csv`` / ``metadata.jsonl`` in ``folder``.

    Each row names its file by ``path`` or ``file`` (relative to the folder, or just the name) and
    may give ``url``, ``outlet``, ``date``, ``language``, ``title``, ``country``. Raises ValueError
    on a row that cannot be read.
    """
    import csv
    import json

    entries: dict[str, dict[str, str]] = {}
    for name in TABLE_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8-sig")
        if name.endswith(".csv"):
            rows = list(csv.DictReader(text.splitlines()))
        else:
            rows = []
            for number, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except ValueError:
                        raise ValueError(f"{path}: line {number} is not JSON") from None
        for row in rows:
            file = str(row.get("path") or row.get("file") or "").strip()
            if not file:
                raise ValueError(f"{path}: a row without path or file")
            fields = {k: str(v).strip() for k, v in row.items() if k in (*FIELDS, "url") and v not in (None, "")}
            entries[Path(file).name] = {**fields, "given_by": name}
    return entries


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """Fields of a ``---`` block at the top of a text file, and where the text after it starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    fields = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        key = key.strip().lower()
        if key in (*FIELDS, "url") and value.strip():
            fields[key] = value.strip().strip("\"'")
    return fields, m.end()


def month_number(word: str) -> int | None:
    """1-12 for a month's name or its short form in ru, uk, bg or en ("Sep", "вересня", "януари"), else None."""
    return next((n for n, pattern in enumerate(_MONTH_WORDS, 1) if pattern.fullmatch(word)), None)


def find_dates(text: str, years: tuple[int, int] = (1901, 2099)) -> list[FoundDate]:
    """Dates in the text, in order of appearance; a date without a year has ``has_year`` False. A date whose
    year lies outside ``years`` (a page's stamps; an article may tell of 1882) is no date."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, year: int | None, month: int | None, day: int) -> None:
        if not month or not 1 <= day <= 31 or (year is not None and not years[0] <= year <= years[1]):
            return
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        iso = f"{year:04d}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
        found.append(FoundDate(m.start(), iso, year is not None, m.end()))

    for m in _NUMERIC_DATE.finditer(text):
        month = int(m.group(2))
        add(m, int(m.group(3)), month if 1 <= month <= 12 else None, int(m.group(1)))
    for m in _ISO_DATE.finditer(text):
        year, month = int(m.group(1)), int(m.group(2))
        if m.group(3) and 1 <= month <= 12:
            add(m, year, month, int(m.group(3)))
    for m in _DAY_MONTH.finditer(text):
        add(m, int(m.group(3)) if m.group(3) else None, month_number(m.group(2)), int(m.group(1)))
    for m in _MONTH_DAY.finditer(text):
        add(m, int(m.group(3)) if m.group(3) else None, month_number(m.group(1)), int(m.group(2)))
    return sorted(found, key=lambda d: d.position)


def _with_year(date: FoundDate, years: list[int]) -> str | None:
    """A full date: as found, or a year-less one given the year that the page's other dates show."""
    if date.has_year:
        return date.iso
    return f"{years[0]:04d}-{date.iso}" if years else None


# a stamp that says when the page was updated, not when the article came out ("Last updated 19 May 2025 02:10",
# "Обновлено: 19 мая"): a live page's last update can fall on the next day (a helper writing romania_dan_win found the
# update line under the first stamp taken for the article's date)
_UPDATED = re.compile(r"\b(?:updated|обновлен\w*|оновлен\w*|обновен\w*|актуализиран\w*)", re.I)


def _by_preference(plain: list[tuple[Span, list[FoundDate]]]) -> list[tuple[Span, list[FoundDate]]]:
    """The stamps to read, best first: nearest the body first, an update's stamp after every other."""
    return sorted(reversed(plain), key=lambda item: bool(_UPDATED.search(item[0].text)))


def guess_date(header_spans: list[Span], body: str, known_years: list[int] | None = None) -> tuple[str | None, str]:
    """(the article's date, where it came from): a stamp before the body, else a dateline opening it.

    Among stamps before the body, the one nearest the body wins, skipping lines with a weekday, a
    "today" or a weather or currency box: that is a site's header date, not the article's; a stamp of the
    page's last update counts only where no other stamp gives a date. A date without a year takes its year
    from the page's other dates, or stays unknown.
    """
    header = [(span, find_dates(span.text)) for span in header_spans]
    years = list(known_years or [])
    years += [int(d.iso[:4]) for _, dates in header for d in dates if d.has_year]
    lead = body[:160]
    years += [int(d.iso[:4]) for d in find_dates(lead) if d.has_year]
    plain = [(span, dates) for span, dates in header if dates and not _WEEKDAY_OR_TODAY.search(span.text)]
    for _, dates in _by_preference(plain or [(s, d) for s, d in header if d]):
        for date in dates:
            value = _with_year(date, years)
            if value:
                return value, "date line before the article"
    for date in find_dates(lead):
        value = _with_year(date, years)
        # a dateline opens the article; a date deep in its first sentence is what the story is about
        if value and date.position <= DATELINE_REACH:
            return value, "dateline"
    return None, "unknown"


def year_less_date(header_spans: list[Span], first_sentence: str) -> tuple[str | None, str]:
    """("MM-DD", where it came from) for an article whose text gives its day and month but no year, as wire datelines
    do ("BRUSSELS, Nov 13 (Reuters) -", "КИЕВ, 16 октября. /..."): a stamp before the body, a dateline, else a date in
    the first sentence (the day the story tells of: "провів розмову ... 1 лютого"). Call it when :func:`guess_date`
    found no date. Grouping compares such a day with other dates in whichever year comes closest."""
    header = [(span, find_dates(span.text)) for span in header_spans]
    plain = [(span, dates) for span, dates in header if dates and not _WEEKDAY_OR_TODAY.search(span.text)]
    for _, dates in _by_preference(plain):
        for date in dates:
            if not date.has_year:
                return date.iso, "date line before the article, no year"
    for date in find_dates(first_sentence):
        if not date.has_year:
            return date.iso, "dateline, no year" if date.position <= DATELINE_REACH else "first sentence, no year"
    return None, "unknown"


def outlet_from_clutter(removed: list[Span], is_wire: Callable[[str], bool]) -> tuple[str | None, str]:
    """(outlet, where it came from) from the page's own clutter: a web address, or a masthead-like line; first, the
    outlet a partner site's republication note names (the article is that outlet's, the host only republished it)."""
    for span in removed:
        first = republished_from(span.text) if span.reason == REPUBLISHED else None
        if first and not is_wire(first):
            return first, "republication note"
    counts: dict[str, int] = {}
    for span in removed:
        if span.reason not in _OWN_CLUTTER or _ANOTHER_OUTLET.match(span.text.strip()):
            continue
        for domain in _DOMAIN.findall(span.text):
            counts[domain.lower().removeprefix("www.")] = counts.get(domain.lower().removeprefix("www."), 0) + 1
    if counts:
        return max(counts, key=lambda d: counts[d]), "web address in the removed text"
    from .page_meta import copyright_name

    header = [span.text.strip() for span in removed if span.reason in ("masthead or label", "site header before the headline")]
    for span in removed:
        name = copyright_name(span.text, header)
        if name and not is_wire(name):
            return name, "copyright line"
    for span in removed:
        name = running_head_name(span.text) if span.reason == RUNNING_HEAD else None
        if name and not _NOT_A_NAME.match(name) and not is_wire(name):
            return name, "running head"
    for span in removed:
        text = span.text.strip(" ·|—-")
        # a name has letters: a menu button ("☰") is the masthead's first line on a phone's copy of a page
        if (span.reason == "masthead or label" and not re.search(r"\d", text) and re.search(r"[^\W\d_]", text) and not _NOT_A_NAME.match(text)
                and not is_wire(text) and 1 <= len(text.split()) <= 4):
            return text, "masthead line"
    return None, "unknown"
