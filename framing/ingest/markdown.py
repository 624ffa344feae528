"""Articles saved as Markdown by a web clipper (Obsidian Web Clipper, MarkDownload, Joplin, Notion: page shape BF).

A clip opens with a front matter block between two ``---`` lines (``title:``, ``source:``, ``published:``,
``created:``, ``tags:``) and carries the page in Markdown: ``# `` headings, ``![alt](url)`` images, ``[words](url)``
links, ``> `` quotes, ``- `` lists, ``**bold**``. :func:`markdown_to_text` turns it into the plain text the reader
cleans, line for line, so that nothing is dropped unlisted: the front matter's lines stay in the text, marked as
outside the article (the cleaner lists them as removed), and what the front matter says about the page becomes
clues, as an HTML page's meta tags do. The clip's own date (``created:``, ``clipped:``) is the reader's, never the
article's.
"""

from __future__ import annotations

import re

from .page_meta import Clue, iso_date

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<block>(?:.*\n)*?)---[ \t]*(?:\n|\Z)")
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
# front matter keys, by what they tell; the clip's own day ("created", "clipped", "saved") tells nothing of the article
_DATE_KEYS = ("published", "date", "pubdate", "publish_date", "date_published", "published_at")
_URL_KEYS = ("source", "url", "original_url", "link", "canonical")
_OUTLET_KEYS = ("site", "site_name", "publisher", "publication", "outlet")
_TITLE_KEYS = ("title",)

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_WIKI_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?!\s)|(?<![\w_])_(?!\s))(.+?)\1")
_MARKERS = re.compile(r"^(?:#{1,6}\s+|>\s?(?:>\s?)*|[-*+]\s+(?=\S)|\d{1,3}[.)]\s+(?=\S))")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})\s*$")


_CLIPPER_KEYS = re.compile(r"^(?:source|published|created|clipped|tags)\s*:", re.M)
_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)


def looks_like_markdown(text: str, suffix: str) -> bool:
    """A clip: a ``.md`` file, or a text whose front matter a clipper wrote (a ``source:`` or ``created:`` key) over
    Markdown headings. (A ``---`` block of framing's own fields over plain text is a text file's front matter, read as
    given fields: :func:`framing.ingest.metadata.front_matter`.)"""
    if suffix.lower() in {".md", ".markdown"}:
        return True
    match = _FRONT_MATTER.match(text)
    return bool(match and _CLIPPER_KEYS.search(match.group("block")) and _HEADING.search(text[match.end():]))


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), value).strip()


def front_matter_clues(block: str) -> list[Clue]:
    """What a front matter block says about the page: its title, date, address and outlet."""
    clues: list[Clue] = []
    for line in block.splitlines():
        field = _FIELD.match(line)
        if not field or not field.group("value").strip():
            continue
        key, value = field.group("key").lower(), _unquote(field.group("value"))
        if key in _DATE_KEYS and iso_date(value):
            clues.append(Clue("date", iso_date(value) or "", f"meta:front matter {key}", 0.9))
        elif key in _URL_KEYS and value.startswith(("http://", "https://")):
            clues.append(Clue("url", value, f"meta:front matter {key}", 0.9))
        elif key in _OUTLET_KEYS:
            clues.append(Clue("outlet", value, f"meta:front matter {key}", 0.9))
        elif key in _TITLE_KEYS:
            clues.append(Clue("title", value, f"meta:front matter {key}", 0.5))
    return clues


def plain_line(line: str) -> str:
    """One Markdown line as the words a reader sees: no heading, quote or list marker, images by their alt text,
    links by their words, no emphasis marks. A rule (``---``) is an empty line."""
    if _RULE.match(line.strip()):
        return ""
    text = _MARKERS.sub("", line.strip())
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(lambda m: m.group(2), text)
    return text


def markdown_to_text(text: str) -> tuple[str, frozenset[int], tuple[Clue, ...]]:
    """(plain text, start offsets of the lines outside the article, the front matter's clues). The front matter's lines
    and an image alone on its line stay as they are, outside the article; every other line reads as its words."""
    match = _FRONT_MATTER.match(text)
    head_lines = match.group(0).rstrip("\n").split("\n") if match else []
    rest = text[match.end():] if match else text
    out: list[str] = []
    outside: set[int] = set()
    offset = 0
    for line in head_lines:
        words = _unquote(line) if _FIELD.match(line) is None else line
        if words.strip() and not _RULE.match(words.strip()):
            outside.add(offset)
            out.append(words.strip())
            offset += len(words.strip()) + 1
    if out:
        out.append("")
        offset += 1
    for line in rest.split("\n"):
        # an image alone on its line stays as it is, outside the article (its alt text is no sentence of it)
        image = _IMAGE.fullmatch(line.strip())
        plain = line.strip() if image else plain_line(line)
        if image:
            outside.add(offset)
        out.append(plain)
        offset += len(plain) + 1
    clues = tuple(front_matter_clues(match.group("block"))) if match else ()
    return "\n".join(out), frozenset(outside), clues
