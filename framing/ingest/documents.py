"""The document stage's result: articles as text, metadata, body sentences and removed spans."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A stretch of ``Document.text`` (``text[start:end]``) that was set aside, and why."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    """One body sentence; ``document.text[start:end]`` is the sentence up to whitespace."""

    id: int
    text: str
    start: int
    end: int
    language: str | None = None
    paragraph: int = 0
    is_title: bool = False


@dataclass
class Document:
    """An article read from one input.

    ``text`` is what the offsets point into: the decoded file for plain text; for an HTML page, its
    visible text with one block per paragraph (markup, scripts and styles go before anything is
    measured; blocks outside the article are in ``removed``).
    """

    id: str
    path: str
    text: str = field(repr=False)
    title: str | None
    language: str | None
    date: str | None
    outlet: str | None
    country: str | None = None
    encoding: str = "utf-8"
    format: str = "text"
    sentences: list[Sentence] = field(default_factory=list, repr=False)
    removed: list[Span] = field(default_factory=list, repr=False)
    metadata_source: dict[str, str] = field(default_factory=dict)
    # "MM-DD" when ``date`` is unknown but the text gives a day and month without a year (a wire dateline): grouping
    # compares it with other dates in whichever year comes closest
    date_without_year: str | None = None

    @property
    def date_or_day(self) -> str | None:
        """The date grouping compares: ``date``, else the day and month without a year as "--MM-DD" (ISO 8601's form
        for a date without a year, which :mod:`framing.match.events` reads)."""
        return self.date or (f"--{self.date_without_year}" if self.date_without_year else None)

    @property
    def body(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def sentence(self, sentence_id: int) -> Sentence:
        return self.sentences[sentence_id]


class InputError(Exception):
    """An input that cannot be used; the message is one readable line naming the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def outlet_names(documents: Iterable[Document]) -> dict[str, str]:
    """How a report names each document: its outlet, with its id where another of ``documents`` has the same outlet (two
    articles of one agency in one event: "Новый поток (a6n4)", "Новый поток (d5t1)"), its id where it has no outlet."""
    documents = list(documents)
    count = Counter(d.outlet for d in documents if d.outlet)
    return {d.id: d.id if not d.outlet else f"{d.outlet} ({d.id})" if count[d.outlet] > 1 else d.outlet for d in documents}
