"""Findings: what a fact-checker reads first, per event, ranked.

Built over the claim clusters of one event (pure functions on texts; the pipeline calls
:func:`event_findings`). Kinds, most weighty first:

* ``number``: one claim, different numbers (values compared across languages and scales:
  "$6 bn" = "6 млрд долларов"); lower: a number only one outlet gives;
* ``speaker``: one statement given to different people (the named person next to a verb of saying);
* ``omission``: a claim most outlets report (at least half, at least two) that one leaves out;
* ``lineage``: an article whose sentences nearly all line up with another's (a translation or a
  rewrite of one source), with what each adds;
* ``attribution``: one outlet names a source (an agency, a ministry) for a claim that another gives
  with none, or a different one;
* ``loaded``: loaded wording in one outlet's telling of a claim that the others tell without it;
* ``quote``: a direct quote in one outlet, a paraphrase in another;
* ``addition``: the claims one outlet alone reports, one finding per outlet.

Names are compared by cross-script keys (:mod:`framing.match.entities`); places and titles
(Брюссель, Secretary) are not speakers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from ..frames import Lexicon, find_signals
from ..ingest.outlets import shipped_table
from ..match import entities
from .differences import numbers

WEIGHT = {"number": 6.0, "speaker": 5.5, "omission": 4.0, "lineage": 3.5, "attribution": 3.0, "loaded": 3.0,
          "quote": 2.0, "number only in one": 1.5, "addition": 1.0}
# a speaker is the person named this close (characters) to a verb of saying
SPEAKER_REACH = 45
# an article is a rewrite of another when this share of its sentences lines up with the other's
LINEAGE_SHARE = 0.7
_PLACES = (
    "Россия России Росія Росії Русия Russia Украина Украины Україна України Украйна Ukraine США САЩ USA "
    "Брюссель Брюсселе Брюсселі Брюксел Brussels Киев Киеве Київ Києві Kyiv Kiev Москва Москве Moscow "
    "Вашингтон Washington Европа Європа Europe Корея Корее Корея Korea Китай Китаю China Германия Німеччина "
    "Германия Germany Франция Франція Франция France Великобритания Великобританії Британия Британії "
    "Britain Польша Польща Полша Poland Иран Іран Iran Израиль Ізраїль Израел Israel Газа Gaza Крым Крим "
    "Crimea Донбасс Донбас Donbas Харьков Харків Kharkiv Одесса Одеса Odesa София Софія Sofia Болгария "
    "Болгарія България Bulgaria Бельгия Бельгія Белгия Belgium Запад Захід Запада West Кремль Кремль Kremlin"
).split()
_PLACE_KEYS = {entities.entity_key(w) for w in _PLACES}
_TITLES = {w.lower() for w in (
    "Secretary State General President Minister Prime Foreign Chancellor Ambassador Mr Mrs Ms Dr Senator "
    "Deputy Chief Commander Spokesman Spokeswoman Press Office Department Ministry House White Council"
).split()}
_SAYING = re.compile(
    r"заяв|сказа|сообщ|отмети|подчерк|добави|признал|пообещ|said|says|told|stated|added|warned|promised|"
    r"повідом|наголос|зазнач|додав|пообіця|каза|посочи|съобщи|обеща",
    re.I,
)


@dataclass(frozen=True)
class Member:
    document: str
    sentence: int
    text: str


@dataclass(frozen=True)
class Claim:
    id: str
    members: tuple[Member, ...]

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(m.document for m in self.members))

    def text_of(self, document: str) -> str:
        return " ".join(m.text for m in self.members if m.document == document)


@dataclass
class Finding:
    """One thing worth a reader's attention, with what it rests on."""

    id: str
    event: str
    kind: str
    clusters: list[str]
    documents: list[str]
    summary: str
    evidence: list[dict] = field(default_factory=list)  # {"document", "sentence", "text", "words"}
    weight: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def speakers(text: str, lexicon: Lexicon | None = None) -> dict[str, str]:
    """Key -> surface of each person named next to a verb of saying in ``text``."""
    verbs = [m.start() for m in _SAYING.finditer(text)]
    verbs += [s.start for s in find_signals(text, lexicon) if s.kind == "attribution"]
    found: dict[str, str] = {}
    mentioned = entities.mentions(text)
    opening = re.match(r"\s*([A-ZА-ЯЁІЇЄҐ][\w'’-]+)", text)
    if opening and any(_SAYING.match(word) for word in text[opening.end():].split()[:2]):
        # a name opening the sentence right before its verb of saying ("Блинкен сообщил", "Blinken said")
        mentioned.append(entities.Mention(opening.group(1), entities.entity_key(opening.group(1)), opening.start(1)))
    people = [m for m in mentioned
              if not m.surface.isupper() and m.key not in _PLACE_KEYS and m.surface.lower() not in _TITLES]
    for verb in verbs:
        near = [m for m in people if abs(m.start - verb) <= SPEAKER_REACH]
        if near:
            closest = min(near, key=lambda m: abs(m.start - verb))
            found.setdefault(closest.key, closest.surface)
    return found


def _sources(text: str) -> set[str]:
    """Named sources a sentence cites: the wire agencies of the outlet table."""
    found = set()
    for wire in shipped_table().wires:
        m = re.search(rf"(?<!\w){re.escape(wire)}(?!\w)", text, re.I) if len(wire) > 2 else None
        if m:
            found.add(m.group(0))  # as the article writes it
    return found


def _evidence(claim: Claim, documents: Sequence[str], words: dict[str, list[str]] | None = None) -> list[dict]:
    return [{"document": m.document, "sentence": m.sentence, "text": m.text, "words": (words or {}).get(m.document, [])}
            for m in claim.members if m.document in documents]


def event_findings(
    event: str,
    documents: Sequence[str],
    claims: Sequence[Claim],
    sentence_counts: dict[str, int],
    names: dict[str, str] | None = None,
    lexicon: Lexicon | None = None,
) -> list[Finding]:
    """The event's findings, most important first. ``names``: how to call each document in summaries."""
    names = names or {}

    def name(d: str) -> str:
        return names.get(d) or d

    found: list[Finding] = []

    def add(kind: str, claim_ids: list[str], docs: list[str], summary: str, evidence: list[dict], extra: float = 0.0) -> None:
        found.append(Finding("", event, kind, claim_ids, docs, summary, evidence, WEIGHT[kind] + extra))

    n = len(documents)
    for claim in claims:
        docs = claim.documents
        if len(docs) >= 2:
            values = {d: numbers(claim.text_of(d)) for d in docs}
            with_numbers = [d for d in docs if values[d]]
            for i, a in enumerate(with_numbers):
                for b in with_numbers[i + 1 :]:
                    only_a = [values[a][k] for k in values[a] if k not in values[b]]
                    only_b = [values[b][k] for k in values[b] if k not in values[a]]
                    if only_a and only_b:
                        add("number", [claim.id], [a, b],
                            f"{name(a)} says {', '.join(only_a)}; {name(b)} says {', '.join(only_b)}: {_short(claim.text_of(a))}",
                            _evidence(claim, [a, b], {a: only_a, b: only_b}))
            if len(with_numbers) == 1 and len(docs) >= 2:
                d = with_numbers[0]
                add("number only in one", [claim.id], [d],
                    f"only {name(d)} gives {', '.join(values[d].values())}: {_short(claim.text_of(d))}",
                    _evidence(claim, docs, {d: list(values[d].values())}))
            said = {d: speakers(claim.text_of(d), lexicon) for d in docs}
            named = [d for d in docs if said[d]]
            for i, a in enumerate(named):
                for b in named[i + 1 :]:
                    if not set(said[a]) & set(said[b]):
                        who_a, who_b = ", ".join(said[a].values()), ", ".join(said[b].values())
                        add("speaker", [claim.id], [a, b], f"{name(a)} gives it to {who_a}, {name(b)} to {who_b}: {_short(claim.text_of(a))}",
                            _evidence(claim, [a, b], {a: list(said[a].values()), b: list(said[b].values())}))
            cited = {d: _sources(claim.text_of(d)) for d in docs}
            for i, a in enumerate(docs):
                for b in docs[i + 1 :]:
                    if cited[a] != cited[b]:
                        first, second = (a, b) if cited[a] else (b, a)
                        what = ", ".join(sorted(cited[second])) or "no source"
                        add("attribution", [claim.id], [first, second],
                            f"{name(first)} cites {', '.join(sorted(cited[first]))}; {name(second)}: {what}: {_short(claim.text_of(first))}",
                            _evidence(claim, [first, second], {first: sorted(cited[first]), second: sorted(cited[second])}))
            signals = {d: find_signals(claim.text_of(d), lexicon) for d in docs}
            loaded = {d: sorted({s.trigger for s in signals[d] if s.kind == "loaded"}) for d in docs}
            plain = [d for d in docs if not loaded[d]]
            for d in docs:
                if loaded[d] and plain:
                    add("loaded", [claim.id], [d, *plain], f"{name(d)} says {', '.join(loaded[d])} where {', '.join(map(name, plain))} do not: "
                        f"{_short(claim.text_of(d))}", _evidence(claim, docs, {d: loaded[d]}))
            quoted = [d for d in docs if any(s.kind == "quote" for s in signals[d])]
            if quoted and len(quoted) < len(docs):
                others = [d for d in docs if d not in quoted]
                add("quote", [claim.id], docs, f"{', '.join(map(name, quoted))} quote directly, {', '.join(map(name, others))} paraphrase: "
                    f"{_short(claim.text_of(quoted[0]))}", _evidence(claim, docs))
        if n >= 3 and max(2, (n + 1) // 2) <= len(docs) < n:
            for missing in (d for d in documents if d not in docs):
                add("omission", [claim.id], [missing, *docs],
                    f"{name(missing)} leaves out what {len(docs)} of {n} report: {_short(claim.text_of(docs[0]))}",
                    _evidence(claim, docs), extra=len(docs) / n)
    if n >= 2:
        alone: dict[str, list[Claim]] = {}
        for claim in claims:
            if len(claim.documents) == 1:
                alone.setdefault(claim.documents[0], []).append(claim)
        for d, own in alone.items():
            add("addition", [c.id for c in own], [d], f"{name(d)} alone reports {len(own)} claim(s), e.g. {_short(own[0].text_of(d))}",
                [e for c in own[:3] for e in _evidence(c, [d])])
        shared: dict[tuple[str, str], int] = {}
        for claim in claims:
            docs = claim.documents
            for i, a in enumerate(docs):
                for b in docs[i + 1 :]:
                    shared[(a, b)] = shared.get((a, b), 0) + 1
        for (a, b), k in shared.items():
            shorter, longer = sorted((a, b), key=lambda d: sentence_counts.get(d, 0))
            if sentence_counts.get(shorter) and k / sentence_counts[shorter] >= LINEAGE_SHARE:
                add("lineage", [], [shorter, longer],
                    f"{name(shorter)} reads as a translation or rewrite of {name(longer)}: {k} of its {sentence_counts[shorter]} "
                    f"sentences line up; {name(longer)} has {sentence_counts[longer] - k} more", [])
    order = {c.id: i for i, c in enumerate(claims)}
    found.sort(key=lambda f: (-f.weight, f.kind, [order.get(c, 0) for c in f.clusters], f.documents))
    for number, finding in enumerate(found, 1):
        finding.id = f"{event}.f{number}"
    return found
