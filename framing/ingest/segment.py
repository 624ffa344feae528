"""Split kept paragraphs into sentences with offsets (ru, uk, bg, en).

razdel does the splitting; a few repairs follow for what it gets wrong in news text:
abbreviations it does not know ("млрд.", "т. д.", "Mr."), initials ("В. В. Путин"), and a quote
ending in «…!» or "…?" followed by a lower-case attribution ("— заявил он"), and a piece of bare
punctuation (a dash left after a full stop), which joins the sentence before it. A paragraph
boundary is always a sentence boundary, so titles without final punctuation stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import STAMP

# Lower-cased abbreviations after which a full stop does not end a sentence when more follows.
ABBREVIATIONS = {
    # ru / uk / bg
    "г", "гг", "р", "рр", "год", "млн", "млрд", "трлн", "тыс", "тис", "хил", "руб", "грн", "долл", "дол",
    "лв", "ул", "вул", "пр", "просп", "им", "ім", "обл", "р-н", "с", "стр", "ст", "см", "т", "д", "др",
    "п", "пп", "напр", "проф", "акад", "ген", "полк", "гл", "ред", "вкл", "прим", "км", "кв",
    "т.е", "т.д", "т.п", "т.н", "т.к", "т.ч", "н.э", "и.о", "в.о", "ж", "бул", "чл", "сп", "авт",
    # en
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "jr", "sr", "vs", "etc", "inc",
    "ltd", "co", "corp", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "e.g", "i.e", "approx", "est", "fig",
}
_LAST_TOKEN = re.compile(r"([\w.-]+)\.\s*$", re.U)
_INITIAL = re.compile(r"(?:^|[\s(«\"])([A-ZА-ЯЁІЇЄҐ])\.\s*$", re.U)
_QUOTE_END = re.compile(r"[!?…][»\"”“]\s*$")
_ATTRIBUTION_START = re.compile(r"^\s*(?:[-–—]+\s*)?[a-zа-яёіїєґ]", re.U)
_STARTS_LOWER = re.compile(r"^\s*[(«\"„“]?[a-zа-яёіїєґ0-9]", re.U)
# "as of 5 a.m. Eastern time Sunday": a clock time followed by its time zone goes on
_CLOCK_END = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.m\.\s*$", re.I)
_TIME_ZONE = re.compile(r"^\s*(?:Eastern|Central|Mountain|Pacific|Atlantic|local|GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|"
                        r"MST|MDT|PST|PDT|ET|PT|Moscow|Kyiv|Kiev)\b")


# A wire dateline opening a paragraph ("ФРАНКФУРТ-НА-МАЙНЕ, 12 сентября. /ДП/.", "Київ. 30 вересня. /Дніпро-Інфо/.",
# "КИЕВ, 16 окт - РИА Новости.", and a live page's "09:53." before its entry):
# razdel cuts it into pieces of its own, which then sat in the claims as sentences ("/ДП/." told by three outlets);
# joined to the lead, it pulled the lead away from the other outlets' leads (claim recall on the ecb_rate_cut pile
# 0.42 -> 0.38). Reading sets it aside as clutter, listed, and metadata still reads its date (see dateline_length).
_CAPITALISED = r"[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:[ -][A-ZА-ЯЁІЇЄҐ][\w'’-]*){0,2}"
_MONTH = (r"(?i:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|"
          r"груд|януари|феб|юни|юли|септ|ноем|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[\w]*")
_DATELINE = re.compile(
    rf"^\s*(?:{_CAPITALISED}[,.]?\s+)?(?:(?P<date>\d{{1,2}}\s+{_MONTH})\.?\s*)?"
    r"(?:(?P<tag>/[^/\n]{1,40}/\.?|\([A-ZА-ЯЁІЇЄҐ][^()\n]{0,30}\)\.?)|[-–—]\s*"
    # an agency after a dash: a name in quotes or capitalised words ("— «Русский курьер».", "- РИА Новости."), not a
    # timeline's entry ("19 марта — Срок предписания истёк.": page shape AT, stop 44)
    r"(?:[«\"„“][^»\"”“\n]{1,30}[»\"”“]|[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]*){0,3})\.)?\s*$",
    re.U,
)
DATELINE_REASON = "wire dateline"
_AGENCY_TAG = re.compile(r"^\s*\([A-Z][A-Za-z]{1,15}\)\s*[-–—]")
_TIME_ONLY = re.compile(r"^\s*\d{1,2}:\d{2}\.\s*$")  # "09:53." before a live page's entry
_PLACE_ONLY = re.compile(rf"^\s*{_CAPITALISED}\.\s*$", re.U)


def is_dateline(piece: str) -> bool:
    """Whether a piece razdel cut off is a wire dateline (a place, a day and month, an agency's tag), nothing else; an
    agency after a dash counts only after a date ("Он сказал - Нет." is a sentence)."""
    found = _DATELINE.match(piece)
    return bool(found and (found.group("date") or found.group("tag"))) or bool(_TIME_ONLY.match(piece))


def dateline_reason(opening: str) -> str:
    """The clutter reason of what :func:`dateline_length` set aside: a live page's time is a stamp."""
    return STAMP if _TIME_ONLY.match(opening) else DATELINE_REASON


def dateline_length(pieces: list[str]) -> int:
    """How many of a paragraph's first sentences (as razdel cut them) make a wire dateline, with a sentence after it
    ("Київ." "30 вересня." "/Дніпро-Інфо/." then the lead: 3)."""
    count = 0
    for i in range(len(pieces) - 1):
        opening = " ".join(pieces[: i + 1])
        if is_dateline(opening):
            count = i + 1
        elif not (i == 0 and _PLACE_ONLY.match(opening)):  # "Київ." alone says nothing until a date follows
            break
    return count


# A round-up's run-in head: one capitalised word and a full stop opening a paragraph, the paragraph's text after it
# ("Україна. Міненерго пояснило ...", "Washington. The White House said ...", "Рисковете. Хърватия ..."). As a sentence
# it made claims of one word that the coverage view listed as rows and the findings as omissions (gas_transit_end,
# stop 42); joined to the sentence after it, it pulled that sentence away from the other outlets' (stop 42, not
# adopted). Reading sets it aside as clutter, listed, where an article has RUN_IN_HEADS of them. Words of four letters
# or more: "Ні." and "Yes." are answers.
_RUN_IN_HEAD = re.compile(r"^\s*[A-ZА-ЯЁІЇЄҐ][\w'’-]{3,}\.\s*$", re.U)
_OPENS_SENTENCE = re.compile(r"^\s*[«\"„“(]?[A-ZА-ЯЁІЇЄҐ]", re.U)
RUN_IN_HEAD_REASON = "run-in head (a section title opening a paragraph, not a claim)"
RUN_IN_HEADS = 2  # an article's one-word run-in heads are set aside when it has this many (one alone may be an answer: "Дуже.")
# A live page's or an explainer's run-in heads of a few words ("The talks.", "Morning: the first meetings.", "Що далі.",
# "Kyiv's version."): set aside where at least RUN_IN_PHRASES of them open RUN_IN_SHARE or more of the article's
# paragraphs of two sentences or more. Fewer, or a smaller share, and they are the writer's short sentences ("Markets
# shuddered.", "The arithmetic is tight."), which an analysis sets at a paragraph's head now and then.
_RUN_IN_PHRASE = re.compile(r"^\s*[A-ZА-ЯЁІЇЄҐ][^.!?…«»\"]*\.\s*$", re.U)
RUN_IN_WORDS = 4
RUN_IN_PHRASES = 3
RUN_IN_SHARE = 0.6


def _opens_with_head(pieces: list[str], head: re.Pattern[str]) -> bool:
    """Whether a paragraph's first sentence (as razdel cut it) is a head of this shape and a sentence follows it."""
    return len(pieces) >= 2 and bool(head.match(pieces[0])) and bool(_OPENS_SENTENCE.match(pieces[1]))


def run_in_head_length(pieces: list[str]) -> int:
    """1 when a paragraph's first sentence (as razdel cut it) is a one-word run-in head followed by a sentence; else 0."""
    return int(_opens_with_head(pieces, _RUN_IN_HEAD))


def _opens_with_phrase(pieces: list[str]) -> bool:
    return _opens_with_head(pieces, _RUN_IN_PHRASE) and len(pieces[0].split()) <= RUN_IN_WORDS


def run_in_heads(paragraphs: list[list[str]]) -> set[int]:
    """The paragraphs (by index, the first, the headline's, aside) that open with a run-in head, each paragraph given as
    its sentences as razdel cut them: one-word heads where RUN_IN_HEADS paragraphs have one, and heads of up to
    RUN_IN_WORDS words where RUN_IN_PHRASES or more open RUN_IN_SHARE of the paragraphs of two sentences or more."""
    one_word = {i for i, pieces in enumerate(paragraphs) if i and run_in_head_length(pieces)}
    phrases = {i for i, pieces in enumerate(paragraphs) if i and _opens_with_phrase(pieces)}
    longer = sum(1 for i, pieces in enumerate(paragraphs) if i and len(pieces) >= 2)
    heads = one_word if len(one_word) >= RUN_IN_HEADS else set()
    if len(phrases) >= RUN_IN_PHRASES and len(phrases) >= RUN_IN_SHARE * longer:
        heads |= phrases
    return heads


@dataclass(frozen=True)
class SentenceSpan:
    start: int
    end: int
    text: str


def _joins_next(sentence: str, following: str) -> bool:
    """Whether razdel's boundary after ``sentence`` should be undone."""
    if not re.search(r"\w", following):
        return True  # a lone dash or ellipsis after the full stop tells nothing on its own
    if _QUOTE_END.search(sentence) and _ATTRIBUTION_START.match(following):
        return True  # «…!» — заявил он
    if _CLOCK_END.search(sentence) and _TIME_ZONE.match(following):
        return True  # 5 a.m. Eastern time
    if _AGENCY_TAG.match(following):
        return True  # "BUTLER, Pa. (AP) — Donald Trump ...": the state's abbreviation ends no sentence before a wire's tag
    initial = _INITIAL.search(sentence)
    if initial and following[:1].isupper():
        return True  # В. В. Путин, J. Biden
    token = _LAST_TOKEN.search(sentence)
    if token:
        word = token.group(1).lower()
        if word in ABBREVIATIONS or word.rsplit(".", 1)[-1] in ABBREVIATIONS:
            # "в 2024 г. Блинкен ..." ends only if what follows is clearly a new sentence; keep
            # the split when the abbreviation closes a number phrase and a capitalised word
            # that is not a name follows. Lower-case continuation always joins.
            if _STARTS_LOWER.match(following):
                return True
            return word in {"т.е", "т.д", "т.п", "т.н", "т.к", "т.ч", "e.g", "i.e", "mr", "mrs", "ms", "dr",
                            "prof", "gen", "col", "lt", "sgt", "st", "ген", "проф", "акад", "полк"}
    return False


def split_sentences(text: str, offset: int = 0) -> list[SentenceSpan]:
    """Sentences of one paragraph, with offsets into the enclosing text (``offset`` is added)."""
    from razdel import sentenize

    pieces = [(s.start, s.stop) for s in sentenize(text) if s.text.strip()]
    merged: list[tuple[int, int]] = []
    for start, stop in pieces:
        if merged and _joins_next(text[merged[-1][0] : merged[-1][1]], text[start:stop]):
            merged[-1] = (merged[-1][0], stop)
        else:
            merged.append((start, stop))
    return [SentenceSpan(offset + a, offset + b, text[a:b]) for a, b in merged]
