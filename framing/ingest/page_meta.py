"""What an HTML page says about itself: outlet, date, address, title and language, each with its source.

Read in order of trust (the way htmldate and trafilatura read pages): ``<meta>`` tags
(og:site_name, article:published_time, og:url, og:locale, ...), JSON-LD ``NewsArticle`` objects
(datePublished, publisher.name, url, headline), ``<link rel=canonical>``, ``<time datetime>``
inside the article, the ``<title>``'s "Headline | Outlet" tail, and the address itself
(/2024/11/13/ in the path). Each finding is a :class:`Clue`; :mod:`framing.ingest.build` picks one
per field, most trusted first, and records where it came from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

# confidence by source: markup written for machines beats what a reader sees
CONFIDENCE = {
    "json-ld": 0.95, "meta": 0.9, "canonical address": 0.85, "time element": 0.75,
    "address path": 0.7, "title tail": 0.6, "copyright line": 0.55, "masthead": 0.5,
}
_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "publication_date", "date", "dc.date.issued", "dc.date", "dcterms.created", "parsely-pub-date", "sailthru.date",
    "article.published", "published_time", "cxenseparse:recs:publishtime",
)
_OUTLET_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_]|$)|/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|[-_]|$)")
_ISO_START = re.compile(r"^\s*((?:19|20)\d{2})-(\d{2})-(\d{2})")
_TITLE_TAIL = re.compile(r"^(?P<head>.{12,}?)\s+[|—–·:-]\s+(?P<tail>[^|—–·]{2,40})$")
_MASTHEAD_CLASS = re.compile(r"logo|brand|masthead|site-?name|site-?title|sitename|publication|paper-?name|paper-?title", re.I)
# "© 2024 Outlet Name. All rights reserved", "© Outlet, 2010-2024", "Copyright 2024 Outlet"
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*)?[,.]?\s*"
    r"(?P<name>[^\d©|,.;:\n][^©|,;:\n]{1,80}?)\s*(?:[,.]?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?))?\s*"
    r"(?:[.,|]|all rights|все права|всі права|всички права|$)",
    re.I,
)
_NOT_A_MASTHEAD = re.compile(r"^(?:logo|лого|логотип|home|главная|головна|начало|menu|меню)\b", re.I)


COPYRIGHT_NAME_CHARS = 41


def copyright_name(text: str, header_lines: Sequence[str] = ()) -> str | None:
    """The holder named in a "© 2024 Outlet. All rights reserved" line: a name, capitalised, not the boilerplate.
    A name longer than COPYRIGHT_NAME_CHARS only where one of ``header_lines`` (the page's masthead) opens it: an
    institution's full name ("© 2024 Ministry of Foreign Affairs of the Republic of Latvia", held-out page shape S,
    stop 39), not a sentence of terms ("© Использование материалов разрешено только ...")."""
    m = COPYRIGHT.search(text)
    if not m or (len(m.group("name")) > COPYRIGHT_NAME_CHARS
                 and not any(len(h.split()) >= 2 and m.group("name").startswith(h) for h in header_lines)):
        return None
    name = m.group("name").strip(" .-–")
    if re.fullmatch(r"[\d\s–-]+", name):
        # "Струма ТВ © 2024 | Всички права запазени": the holder stands before the sign, the year after it
        before = re.match(r"\s*([^\W\d_][^©|,;:\n]{1,40}?)\s*©", text)
        return before.group(1) if before else None
    if not name[:1].isupper() and not name[:1].isdigit() or re.match(r"(?:all rights|все права|всі права|всички права)", name, re.I):
        return None
    return name


_NEWS_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "webpage", "liveblogposting"}


@dataclass(frozen=True)
class Clue:
    """One thing the page says about one field, and where."""

    field: str  # "outlet", "date", "url", "title" or "language"
    value: str
    source: str  # a key of CONFIDENCE, with the tag or key after a colon
    confidence: float


def iso_date(value: str) -> str | None:
    """YYYY-MM-DD from an ISO-like timestamp ("2024-11-13T15:22:00+02:00"), else None."""
    m = _ISO_START.match(value or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def url_date(url: str) -> str | None:
    """The date in an article address's path: /2024/11/13/ or /20241113/."""
    m = _URL_DATE.search(urlparse(url).path if "://" in url else url)
    if not m:
        return None
    year, month, day = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def domain_of(url: str) -> str | None:
    host = urlparse(url if "://" in url else f"http://{url}").hostname
    if not host or "." not in host:
        return None
    return host.lower().removeprefix("www.").removeprefix("m.")


def _json_ld_objects(data: object) -> list[dict]:
    """Every dict in a JSON-LD document, @graph and lists included."""
    found: list[dict] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage") and isinstance(v, (list, dict)))
    return found


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", "")
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}


def _name(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(str(value).split()) if value else None


def page_clues(html: str) -> list[Clue]:
    """Every clue the page's markup carries, in no particular order (see :func:`best_clue`)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises several kinds on broken markup: no clues then
        return []
    clues: list[Clue] = []

    def add(field: str, value: str | None, source: str) -> None:
        value = " ".join((value or "").split())
        if value:
            clues.append(Clue(field, value, source, CONFIDENCE[source.split(":")[0]]))

    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content") or ""
        if key in _DATE_META:
            add("date", iso_date(content), f"meta:{key}")
        elif key in _OUTLET_META and not content.startswith("@"):
            add("outlet", content, f"meta:{key}")
        elif key in ("og:url", "twitter:url"):
            add("url", content, f"meta:{key}")
        elif key == "og:title":
            add("title", content, f"meta:{key}")
        elif key in ("og:locale", "content-language", "language"):
            add("language", content.replace("_", "-").split("-")[0].lower(), f"meta:{key}")
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for obj in _json_ld_objects(data):
            if not _types(obj) & _NEWS_TYPES:
                continue
            add("date", iso_date(str(obj.get("datePublished") or obj.get("dateCreated") or "")), "json-ld:datePublished")
            add("outlet", _name(obj.get("publisher")), "json-ld:publisher")
            add("url", str(obj.get("url") or "") if isinstance(obj.get("url"), str) else None, "json-ld:url")
            add("title", str(obj.get("headline") or ""), "json-ld:headline")
            add("language", str(obj.get("inLanguage") or "").split("-")[0].lower(), "json-ld:inLanguage")
    for link in root.xpath("//link[@rel='canonical']"):
        add("url", link.get("href"), "canonical address")
    html_lang = root.get("lang") or ""
    add("language", html_lang.split("-")[0].lower(), "meta:html lang")
    # <time datetime> inside the article first: a "today" header's <time> sits outside it
    times = root.xpath("//article//time[@datetime] | //main//time[@datetime]") or root.xpath("//time[@datetime]")
    for time in times[:1]:
        add("date", iso_date(time.get("datetime") or ""), "time element")
    for element in root.xpath("//header//*[@class or @id] | //*[@class or @id][not(ancestor::article)]")[:400]:
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        if _MASTHEAD_CLASS.search(marks) and not re.search(r"footer|author|byline|partner|sponsor", marks, re.I):
            text = " ".join(element.text_content().split()) or next((img.get("alt") or "" for img in element.iter("img")), "")
            if 1 <= len(text.split()) <= 5 and not re.search(r"\d{3}", text) and not _NOT_A_MASTHEAD.match(text):
                add("outlet", text, "masthead")
                break
    for footer in root.xpath("//footer | //*[contains(@class, 'footer') or contains(@id, 'footer')]"):
        name = copyright_name(" ".join(footer.text_content().split()))
        if name:
            add("outlet", name, "copyright line")
            break
    title = " ".join((root.findtext(".//title") or "").split())
    m = _TITLE_TAIL.match(title)
    if m:
        add("outlet", m.group("tail"), "title tail")
    for clue in [c for c in clues if c.field == "url"]:
        add("date", url_date(clue.value), "address path")
    return clues


def best_clue(clues: list[Clue], field: str) -> Clue | None:
    """The most trusted clue for ``field`` (the first of equals, in page order)."""
    candidates = [c for c in clues if c.field == field]
    return max(candidates, key=lambda c: c.confidence) if candidates else None
