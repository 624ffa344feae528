"""Hard-wrapped text: lines broken at a fixed width inside paragraphs, as a newspaper PDF page's text or an e-mail
gives them, joined again before the text is cleaned and split into sentences.

Line by line, such a text is read wrongly: every line is a paragraph of its own, a headline set on two lines is two
headlines, and a sentence broken over three lines is three pieces that the clutter rules judge one by one (held-out
page shape T, stop 39: of 52 body sentences on four PDF pages, 24 were lost). A text counts as hard-wrapped when many of
its lines end without a sentence's end and the next one goes on in lower case; then each such line is joined to the
next, as is a line that fills the text's width, and a word hyphenated across a line end is mended ("бюд-" / "жета").
A text whose paragraphs are one line each, as the piles' files and the seeds are, is left as it is.
"""

from __future__ import annotations

import functools
import re

# a line ending a sentence, a label or a list item: the next line starts something new
_ENDS = re.compile(r"[.!?…:;|]['\"»”’)]*$")
_GOES_ON = re.compile(r"^[a-zа-яёіїєґ]")  # a line going on in lower case
_STARTS_TEXT = re.compile(r"^[\w«„“\"'($€£₽]")
_HYPHENATED = re.compile(r"([^\W\d_]+)[-\u2010\u2011\u00ad]$")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# "five- / and six-year-olds": a hyphen that a conjunction follows is a suspended compound's, kept with a space
_CONJUNCTIONS = {"and", "or", "и", "или", "і", "й", "та", "або", "чи"}
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.I)

WRAPPED_LINES = 3  # a text is hard-wrapped when at least this many of its lines go on in the next ...
WRAPPED_SHARE = 0.2  # ... and they are at least this share of its lines
FULL_LINE = 0.85  # a line this long, against the text's width (its 90th-percentile line), was broken by the width


def is_hard_wrapped(lines: list[str]) -> bool:
    """Whether enough lines end mid-sentence and go on, in lower case, on the next line."""
    going_on = sum(1 for a, b in zip(lines, lines[1:]) if a and b and not _ENDS.search(a) and _GOES_ON.match(b))
    return going_on >= WRAPPED_LINES and going_on >= WRAPPED_SHARE * sum(1 for line in lines if line)


@functools.lru_cache(maxsize=4096)
def _known(word: str) -> bool:
    import simplemma  # loads its dictionaries on first use: only hard-wrapped texts pay for it

    languages = ("ru", "uk", "bg") if _CYRILLIC.search(word) else ("en",)
    return any(simplemma.is_known(word, lang=language) for language in languages)


def _mend(head: str, tail: str) -> str:
    """How a word broken as ``head`` + "-" / ``tail`` reads joined: without the hyphen when that is a word
    ("бюджета", "million"), with it when only its halves are ("заместник-кметът"), without it when neither is known."""
    if _known(head + tail):
        return ""
    return "-" if _known(head) and _known(tail) else ""


def unwrap(text: str) -> str:
    """``text`` with its hard-wrapped paragraphs joined again; other texts unchanged."""
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    if not is_hard_wrapped(stripped):
        return text
    lengths = sorted(len(line) for line in stripped if line)
    width = lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]
    out: list[str] = [lines[0].rstrip()]
    for previous, line in zip(stripped, stripped[1:]):
        hyphen = _HYPHENATED.search(previous)
        tail = _FIRST_WORD.match(line)
        if previous and line and hyphen and tail and _GOES_ON.match(line):
            if tail.group(0).lower() in _CONJUNCTIONS:
                out[-1] = out[-1] + " " + line
            else:
                out[-1] = out[-1][: -1] + _mend(hyphen.group(1), tail.group(0)) + line
        elif previous and line and not _ENDS.search(previous) and (
                _GOES_ON.match(line) or (len(previous) >= FULL_LINE * width and _STARTS_TEXT.match(line))):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return "\n".join(out)
