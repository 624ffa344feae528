"""What every report shows, without Rich: per event the documents and claims, changed words, summaries.

The terminal, HTML and Markdown reports all read these, so the three show the same thing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..findings import LEAVES_OUT, Finding, compare_claims
from ..frames import find_signals
from ..ingest.documents import outlet_names
from ..match.events import APART

if TYPE_CHECKING:
    from ..ingest import Document
    from ..match import Event
    from ..result import Cluster, ComparisonResult

# Signal kinds and the changed-word mark, with their terminal styles; the HTML maps them to classes.
SIGNAL_STYLE = {"attribution": "cyan", "quote": "green", "hedging": "yellow", "certainty": "magenta", "loaded": "bold red"}
CHANGED_STYLE = "underline bold"
LEGEND = [("attribution", "cyan"), ("quote", "green"), ("hedging", "yellow"), ("certainty", "magenta"),
          ("loaded wording", "bold red"), ("differs from the aligned claim", CHANGED_STYLE)]


def short_label(name: str) -> str:
    """A frame name short enough for a cell: "Security and defense" -> "Security"."""
    head = name.split(",")[0]
    for joint in (" and ", " / "):
        if joint in head and len(head) > 18:
            head = head.split(joint)[0]
    return head


def changed_words(result: ComparisonResult, cluster: Cluster) -> dict[tuple[str, int], list[str]]:
    """Per member sentence: the numbers, names, dates and cues it has that an aligned claim lacks."""
    members = [(m.document, m.sentence) for m in cluster.members]
    text = {(d, s): result.document(d).sentences[s].text for d, s in members}
    out: dict[tuple[str, int], list[str]] = {key: [] for key in members}
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a[0] == b[0]:
                continue
            for diff in compare_claims(text[a], text[b], result.lexicon):
                if diff.kind in ("number", "entity", "date", "attribution", "loaded", "hedging"):
                    side = a if diff.only_in == "a" else b
                    if diff.value not in out[side]:
                        out[side].append(diff.value)
    return out


@dataclass(frozen=True)
class ClaimCounts:
    """How many of an event's shown claims the shown outlets share: computed once, read by every report."""

    claims: int
    outlets: int  # shown documents
    by_all: int  # reported by every shown document (two or more)
    by_some: int  # by two or more, not all
    by_one: int  # by exactly one shown document

    def summary(self) -> str:
        """"claims: N; shared by all 3: a; by some: b; by one outlet only: c" (a single outlet: its claim count)."""
        if self.outlets < 2:
            return f"claims: {self.claims} (one outlet)"
        return (f"claims: {self.claims}; shared by all {self.outlets}: {self.by_all}; by some: {self.by_some}; "
                f"by one outlet only: {self.by_one}")


def reporting(cluster: Cluster, docs: list[Document]) -> list[str]:
    """The shown documents that report a claim (in a sentence of its own or inside a longer one), in column order."""
    members = set(cluster.reporting)
    return [d.id for d in docs if d.id in members]


def cell_sentences(cluster: Cluster, doc_id: str) -> tuple[list[int], bool]:
    """A document's sentences in a claim's cell, and whether they state it only inside a longer sentence that
    belongs to another claim (shown as such, since its other half is another claim's)."""
    own = [m.sentence for m in cluster.members if m.document == doc_id]
    if own:
        return own, False
    return [m.sentence for m in cluster.parts if m.document == doc_id], True


def inside_label(result: ComparisonResult, doc_id: str, sentence: int) -> str:
    """"inside c4:": the prefix of a cell whose sentence states the claim inside another claim's sentence."""
    home = result.claim_of(doc_id, sentence)
    return f"inside {home.id.split('.')[-1]}:" if home is not None else "inside a longer sentence:"


def claim_counts(clusters: list[Cluster], docs: list[Document]) -> ClaimCounts:
    per_claim = [len(reporting(c, docs)) for c in clusters]
    n = len(docs)
    by_all = sum(1 for k in per_claim if n >= 2 and k == n)
    by_one = sum(1 for k in per_claim if k == 1)
    return ClaimCounts(len(per_claim), n, by_all, len(per_claim) - by_all - by_one, by_one)


def document_cues(result: ComparisonResult, doc: Document, kinds: tuple[str, ...] = ("loaded", "attribution")) -> dict[str, list[str]]:
    """The distinct trigger words of each signal kind in a document, kinds in order of first appearance."""
    cues: dict[str, list[str]] = {}
    for sentence in doc.sentences:
        for signal in find_signals(sentence.text, result.lexicon):
            if signal.kind in kinds and signal.trigger not in cues.setdefault(signal.kind, []):
                cues[signal.kind].append(signal.trigger)
    return cues


def shown_date(doc: Document) -> str | None:
    """The date a report shows: the article's, else a day and month the text gives without a year."""
    return doc.date or (f"{doc.date_or_day} (no year)" if doc.date_without_year else None)


def place_and_date(doc: Document) -> str:
    """"UA · uk · 2024-11-13": the country, language and date a report shows beside an outlet's name."""
    return " · ".join(x for x in (doc.country, doc.language, shown_date(doc)) if x)


def removed_line(docs: Sequence[Document], where: str = "the JSON") -> str | None:
    """What reading set aside as clutter in these documents (datelines, bylines, "read also" links ...), counted by
    reason, so that nothing leaves a report unsaid; ``where`` lists each piece with its text (JSON
    ``documents[].removed``)."""
    pieces = [span for d in docs for span in d.removed]
    if not pieces:
        return None
    reasons = "; ".join(f"{reason} {n}" for reason, n in sorted(Counter(s.reason for s in pieces).items(), key=lambda x: (-x[1], x[0])))
    articles = sum(1 for d in docs if d.removed)
    return (f"set aside as clutter in {articles} of {len(docs)} article(s), {len(pieces)} piece(s): {reasons} "
            f"({where} lists each with its text)")


def grouping_lines(event: Event, limit: int = 4) -> list[str]:
    """The grouping's reasons a reader needs: documents that joined as a story's brief, members joined on topic alone
    with no date to compare, members of a large event that share claims with few of it, then the nearest documents set
    apart."""
    return joined_lines(event) + unsure_lines(event) + few_shared_lines(event) + set_apart_lines(event, limit)


def few_shared_lines(event: Event) -> list[str]:
    """Members of a large event that share claims with few of the others: an occasion of the same days with the same
    people joins on topic and names, and through the lines that recall the story; an article of the story shares
    claims with most of it, though a piece with an angle of its own may not."""
    return [f"check: {doc}: shares claims with only {why['shares_claims_with']} of the {why['of']} other articles (an "
            "article of the story shares claims with most of them): another occasion with the same people, or an angle "
            "of its own?" for doc, why in sorted(event.evidence.get("few_shared_claims", {}).items())]


def unsure_lines(event: Event) -> list[str]:
    """Members joined on topic and names alone, with no date to compare or dated days apart: a story on the same people
    on another day scores as high, so the reader should check. Two members unsure of each other get one line."""
    unsure = event.evidence.get("unsure", {})
    lines, said = [], set()
    for doc, why in sorted(unsure.items()):
        if doc in said:
            continue
        other = why["with"]
        mutual = unsure.get(other, {}).get("with") == doc
        said |= {doc, other} if mutual else {doc}
        pair = f"{doc} and {other}" if mutual else f"{doc} (best link: {other})"
        dates, check = ((f"they are dated {why['days_apart']} days apart", "check that they report one occasion") if "days_apart" in why
                        else ("no date could be compared", "check the dates (a manifest can give them)"))
        lines.append(f"unsure: {pair}: {why['best_shared_claims']:.0%} of the shorter one's sentences have a counterpart in the "
                     f"other, and {dates}; articles on the same people on other days score as high: {check}")
    return lines


def joined_lines(event: Event) -> list[str]:
    """Documents that average linkage left alone and that joined because the event tells most of their sentences."""
    return [f"joined: {doc}: the event tells {why['coverage']:.0%} of its sentences (topic {why['topic']:.2f}), "
            "though its average over the event's documents falls short"
            for doc, why in sorted(event.evidence.get("attached", {}).items())] + [
        f"joined: {', '.join(docs)}: {len(docs)} articles in {language} that formed an event of their own, averaging "
        f"{average:.2f} with the rest (pairs in one language score higher than pairs across two)"
        for (language, average), docs in _halves(event.evidence.get("language_half", {})).items()]


def _halves(half: dict[str, dict]) -> dict[tuple[str, float], list[str]]:
    """The members of one-language halves that joined an event, by half (language and the two events' average)."""
    out: dict[tuple[str, float], list[str]] = {}
    for doc, why in sorted(half.items()):
        out.setdefault((why["language"], why["events_average"]), []).append(doc)
    return out


def set_apart_lines(event: Event, limit: int = 4) -> list[str]:
    """Why the nearest other documents are not in this event: one line per document, closest first; documents of one
    other event kept out for one reason (the two events' average, or this event's member that left theirs) share a
    line, so a story's articles near a brief do not fill the header with one reason each."""
    members = set(event.documents)
    closest: dict[str, dict] = {}
    for pair in event.evidence.get("pairs", []):
        if pair["linked"]:
            continue
        other = pair["b"] if pair["a"] in members else pair["a"]
        if other not in closest or pair["score"] > closest[other]["score"]:
            closest[other] = pair
    left = event.evidence.get("set_apart", {})
    came = event.evidence.get("set_apart_from", {})
    lines = [f"set apart: {doc}: {_left_because(why, 'this')} (event {why['event']})" for doc, why in sorted(left.items())]
    threshold = event.evidence.get("threshold", 0.0)
    # (member, other event, reason) -> [(document, score)], in the order of each key's closest document; a reason of
    # one document alone (dates, a score under the threshold) has no member: ("", document, reason)
    shared: dict[tuple[str, str, str], list[tuple[str, float]]] = {}
    for other, pair in sorted(((o, p) for o, p in closest.items() if o not in left), key=lambda item: -item[1]["score"]):
        gap = pair["date_gap_days"]
        parts = (f"topic {pair['similarity']:.2f}, shared claims {pair['aligned_share']:.2f}, "
                 f"shared names {pair['entity_overlap']:.2f}")
        if gap is not None and pair["score"] == APART:
            why = (f"dated at least {gap} days apart (a day and month without a year, in the closest year)"
                   if pair.get("date_without_year") else f"published {gap} days apart")
        elif pair["score"] < threshold:
            why = f"score {pair['score']:.2f} < {threshold:.2f} ({parts})"
        else:  # the pair clears the threshold, but the document is far from the rest of the event
            mine, their_event = pair["a"] if pair["b"] == other else pair["b"], pair.get("other_event", "?")
            average = pair.get("events_average", pair["score"])
            if came.get(mine, {}).get("event") == their_event:  # this event's member was set apart from that event
                reason = (f"{mine} was set apart from its event {their_event}: it "
                          f"{_as_predicate(_left_because(came[mine], 'that'))}")
            elif average >= threshold:  # true only as the events stand after briefs joined and members were set apart
                reason = (f"its event {their_event} and this one average {average:.2f} over "
                          f"{pair.get('events_pairs_scored', 1)} pair(s) only as they stand now: when average linkage "
                          "compared them, before briefs joined and members were set apart, they fell short")
            else:
                reason = (f"its event {their_event} and this one average {average:.2f} < {threshold:.2f} over "
                          f"{pair.get('events_pairs_scored', 1)} pair(s)"
                          + (f", {pair['events_pairs_dated_apart']} of them dated too far apart to be one event"
                             if pair.get("events_pairs_dated_apart") else ""))
            shared.setdefault((mine, their_event, reason), []).append((other, pair["score"]))
            continue
        shared[("", other, why)] = [(other, pair["score"])]
    for (mine, their_event, reason), documents in list(shared.items())[:limit]:
        if not mine:
            lines.append(f"set apart: {their_event}: {reason}")
            continue
        scores = sorted(score for _, score in documents)
        if len(documents) == 1:
            lines.append(f"set apart: {documents[0][0]}: score {scores[0]:.2f} >= {threshold:.2f} with {mine}, but {reason}")
        else:
            names = ", ".join(doc for doc, _ in documents[:limit]) + (f" and {len(documents) - limit} more" if len(documents) > limit else "")
            spread = f"{scores[0]:.2f}" if f"{scores[0]:.2f}" == f"{scores[-1]:.2f}" else f"{scores[0]:.2f}-{scores[-1]:.2f}"
            lines.append(f"set apart: {names} (event {their_event}): scores {spread} >= {threshold:.2f} with {mine}, but {reason}")
    return lines


def _as_predicate(reason: str) -> str:
    """A reason of :func:`_left_because` after "it": "it is dated 2 days before ...", "it shares claims with ..."."""
    return f"is {reason}" if reason.startswith("dated ") else reason


def _left_because(why: dict, event: str) -> str:
    """Why a member left an event (``event``: "this" or "that"), from its ``set_apart`` record."""
    if "days_before" in why and "mean_shared_claims" not in why:
        return (f"dated {why['days_before']} days before most of {event} event's articles, so it cannot report what they "
                "report: an earlier occasion with the same people")
    if "days_before" in why or "days_after" in why:
        days, side, kind = (why["days_after"], "after", "a later") if "days_after" in why else (why["days_before"], "before", "an earlier")
        return (f"dated {days} day{'s' if days != 1 else ''} {side} most of {event} event's articles, and shares on average only "
                f"{why['mean_shared_claims']:.0%} of its sentences with the {why['of']} others: {kind} occasion with the "
                "same people")
    if "lead_told_by" in why:
        return (f"scores {why['mean_score']:.2f} with the others on average, and only {why['lead_told_by']} of the {why['of']} "
                "others tell its headline or lead (an article of a story leads with what the others tell): another occasion "
                "with the same people?")
    return (f"shares claims with only {why['shares_claims_with']} of the {why['of']} other articles it was compared with "
            "(an article of a story shares claims with most of it): another occasion with the same people?")


@dataclass(frozen=True)
class EventView:
    """What a report shows of one event: its shown documents and claims, and their counts."""

    event: Event
    docs: list[Document]
    clusters: list[Cluster]
    claims_in: str | None = None  # a coverage row gives a claim in an outlet writing in this language, where one tells it

    def reporting(self, cluster: Cluster) -> list[str]:
        return reporting(cluster, self.docs)

    @cached_property
    def _names(self) -> dict[str, str]:
        return outlet_names(self.docs)

    def name(self, doc: Document) -> str:
        """How the report names a shown document: its outlet, with its id where two shown documents share the outlet."""
        return self._names[doc.id]

    @property
    def counts(self) -> ClaimCounts:
        return claim_counts(self.clusters, self.docs)

    @property
    def shared(self) -> list[Cluster]:
        """Claims two or more shown outlets report (all claims when one outlet is shown): the table's rows."""
        return self.clusters if len(self.docs) < 2 else [c for c in self.clusters if len(self.reporting(c)) >= 2]

    def alone(self) -> dict[str, list[Cluster]]:
        """Per shown document, the claims only it reports among those shown: listed under the outlet, not as
        table rows of "not reported" cells. Empty when one outlet is shown (its table holds them)."""
        if len(self.docs) < 2:
            return {}
        out: dict[str, list[Cluster]] = {}
        for cluster in self.clusters:
            present = self.reporting(cluster)
            if len(present) == 1:
                out.setdefault(present[0], []).append(cluster)
        return out

    def alone_label(self, doc: Document, count: int) -> str:
        """What follows "only in" over a document's claims that no other shown outlet reports: "X (2)", or with
        --outlets picking some of the event's outlets "X of the 3 shown (2)" (others of the event may report them: the
        findings count those)."""
        among = f" of the {len(self.docs)} shown" if len(self.docs) < len(self.event.documents) else ""
        return f"{self.name(doc)}{among} ({count})"

    def findings(self, result: ComparisonResult) -> list[Finding]:
        """The event's findings about shown documents only, most important first."""
        shown = {d.id for d in self.docs}
        return [f for f in result.findings if f.event == self.event.id and set(f.documents) <= shown]


@dataclass(frozen=True)
class FindingLine:
    """One line of a report's findings: one finding, or the outlets that leave out one claim."""

    kind: str
    summary: str
    clusters: list[str]
    findings: tuple[Finding, ...]


def finding_lines(found: Sequence[Finding]) -> list[FindingLine]:
    """The report's finding lines, most important first. With many outlets, one claim that several leave out
    would fill the first lines with one omission each; they share a line instead ("A, B, C leave out what 9 of 16
    report: ..."), at the place of the first of them. The JSON keeps every finding."""
    lines: list[FindingLine] = []
    who: list[list[str]] = []
    line_of: dict[str, int] = {}  # an omitted claim -> its line
    for finding in found:
        outlet, _, rest = finding.summary.partition(LEAVES_OUT)
        claim = finding.clusters[0] if finding.kind == "omission" and rest and len(finding.clusters) == 1 else None
        if claim is not None and claim in line_of:
            k = line_of[claim]
            who[k].append(outlet)
            lines[k] = FindingLine(finding.kind, f"{', '.join(who[k])} leave out what {rest}", lines[k].clusters,
                                   (*lines[k].findings, finding))
            continue
        if claim is not None:
            line_of[claim] = len(lines)
        who.append([outlet])
        lines.append(FindingLine(finding.kind, finding.summary, list(finding.clusters), (finding,)))
    return lines


def findings_count(found: Sequence[Finding], lines: Sequence[FindingLine]) -> str:
    """"40, in 25 lines" (Markdown's and HTML's findings heading; "40" when no line holds two)."""
    return f"{len(found)}" + (f", in {len(lines)} lines" if len(lines) < len(found) else "")


def findings_header(found: Sequence[Finding], lines: Sequence[FindingLine], shown: int | None = None) -> str:
    """"findings: 40 in 25 lines (the first 10 shown; all in --json)"."""
    head = f"findings: {len(found)}" + (f" in {len(lines)} lines" if len(lines) < len(found) else "")
    return head + (f" (the first {shown} shown; all in --json)" if shown and len(lines) > shown else "")


class SelectionError(ValueError):
    """An asked-for event or outlet that the result does not hold."""


def event_views(
    result: ComparisonResult,
    events: list[str] | None = None,
    outlets: list[str] | None = None,
    only_differences: bool = False,
    claims_in: str | None = None,
) -> list[EventView]:
    """What a report shows: per event, its documents and claim clusters, narrowed as asked.

    ``events`` are event ids; ``outlets`` match outlet names or document ids (prefixes or parts); ``claims_in``: a
    language code in which the coverage grid gives each claim, where an outlet in it tells the claim.
    Shared by the terminal, HTML and Markdown reports, so all three show the same thing. A claim is
    shown when a shown document reports it; with ``only_differences``, when its shown members differ
    or a shown document leaves it out. Raises :class:`SelectionError` for an event or outlet that
    matches nothing.
    """
    check_selection(result, events, outlets)
    views = []
    for event in result.events:
        if events and event.id not in events:
            continue
        docs = [result.document(d) for d in event.documents]
        if outlets:
            docs = [d for d in docs if any(_matches(d, o) for o in outlets)]
            if not docs:
                continue
        clusters = [c for c in result.clusters if c.event == event.id and reporting(c, docs)]
        if only_differences:
            clusters = [c for c in clusters if c.differences or len(reporting(c, docs)) < len(docs)]
        views.append(EventView(event, docs, clusters, claims_in))
    return views


def check_selection(result: ComparisonResult, events: list[str] | None, outlets: list[str] | None) -> None:
    """One readable error for an event id or an outlet that matches nothing in ``result``."""
    known = [e.id for e in result.events]
    unknown = [e for e in events or [] if e not in known]
    if unknown:
        raise SelectionError(f"no event {', '.join(unknown)} (events: {', '.join(known)})")
    unmatched = [o for o in outlets or [] if not any(_matches(d, o) for d in result.documents)]
    if unmatched:
        names = sorted({d.outlet or d.id for d in result.documents})
        raise SelectionError(f"no outlet or document matches {', '.join(unmatched)} (outlets: {', '.join(names)})")
    if events and outlets and not any(
        _matches(result.document(d), o) for e in result.events if e.id in events for d in e.documents for o in outlets
    ):
        raise SelectionError(f"event {', '.join(events)} has none of the outlets {', '.join(outlets)}")


def _matches(doc: Document, wanted: str) -> bool:
    wanted = wanted.lower()
    return doc.id.lower().startswith(wanted) or (doc.outlet or "").lower().startswith(wanted) or wanted in (doc.outlet or "").lower()


# The terminal shows this many findings per event first; the rest are counted (all are in the JSON).
FINDINGS_SHOWN = 10


# Past this many outlets, side-by-side columns stop working: the reports switch to the coverage view.
COVERAGE_FROM_OUTLETS = 5
REPORTED, DIFFERS, INSIDE, MISSING = "●", "◆", "◐", "·"
COVERAGE_LEGEND = (f"{REPORTED} reported  {DIFFERS} reported, with other numbers, dates or quoting than the text shown  "
                   f"{INSIDE} inside a longer sentence  {MISSING} not reported")
# What makes a cell "reported with a difference": names and cues differ across languages too often to mark.
DIFFERENCE_KINDS = ("number", "date", "quote")


def column_letters(n: int) -> list[str]:
    """A, B, ... Z, then a, b, ...: one character per outlet column."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return [alphabet[i] if i < len(alphabet) else "?" for i in range(n)]


def use_coverage(docs: list[Document], view: str = "auto") -> bool:
    """Whether an event is shown as a coverage grid: asked for, or too many outlets for columns."""
    return view == "coverage" or (view == "auto" and len(docs) >= COVERAGE_FROM_OUTLETS)


@dataclass(frozen=True)
class CoverageRow:
    """One claim in the coverage view: what each shown document does with it, and its text from one of them."""

    cluster: str
    marks: tuple[str, ...]  # per shown document: REPORTED, DIFFERS, INSIDE or MISSING
    reference: str  # the document whose sentence stands for the claim
    text: str
    outlets: int  # how many shown documents report it
    headlines: bool = False  # every sentence of the claim is a headline: headlines that summarise the story alike


def _telling_sentence(result: ComparisonResult, doc_id: str, sentences: list[int]) -> int:
    """Of a document's sentences in one claim, the one that tells it in full: its lead rather than its headline,
    where an outlet states the claim in both."""
    return next((s for s in sentences if not result.document(doc_id).sentences[s].is_title), sentences[0])


def coverage_rows(result: ComparisonResult, view: EventView) -> tuple[list[CoverageRow], dict[str, int]]:
    """Claims reported by two or more shown documents, in reading order; and, per document id, how
    many claims only it reports (listed as counts, not dropped)."""
    shown = [d.id for d in view.docs]
    rows: list[CoverageRow] = []
    alone: dict[str, int] = dict.fromkeys(shown, 0)
    for cluster in view.clusters:
        present = view.reporting(cluster)
        if len(present) < 2:
            for d in present:
                alone[d] += 1
            continue
        own = set(cluster.documents)
        # the claim in the words of a shown outlet that tells it in a sentence of its own (else inside a longer one),
        # in the language asked for where one does
        in_language = (next((d for d in present if d in own and result.document(d).language == view.claims_in), None)
                       if view.claims_in else None)
        reference = in_language or next((d for d in present if d in own), present[0])
        sentence = _telling_sentence(result, reference, cell_sentences(cluster, reference)[0])
        text_of = {d: result.document(d).sentences[_telling_sentence(result, d, cell_sentences(cluster, d)[0])].text for d in own}
        differs = {
            d for d in present
            if d != reference and d in own and any(x.kind in DIFFERENCE_KINDS for x in compare_claims(text_of[reference], text_of[d], result.lexicon))
        }
        marks = tuple(MISSING if d not in present else INSIDE if d not in own else DIFFERS if d in differs else REPORTED
                      for d in shown)
        # outlets' headlines each summarise the whole story, so they come out as one "claim" although each may
        # stress another fact: the row says so, rather than passing them off as one statement that many made
        headlines = all(result.document(m.document).sentences[m.sentence].is_title for m in cluster.members)
        rows.append(CoverageRow(cluster.id, marks, reference, result.document(reference).sentences[sentence].text, len(present),
                                headlines))
    return rows, alone
