"""The terminal report: per event, a header and a side-by-side table of claims (Rich renderables).

Three or more outlets on a narrow terminal switch to a stacked layout instead of crushing columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..findings import is_attributed
from ..frames import Lexicon, find_signals
from .views import (
    CHANGED_STYLE,
    COVERAGE_LEGEND,
    DIFFERS,
    FINDINGS_SHOWN,
    INSIDE,
    LEGEND,
    MISSING,
    SIGNAL_STYLE,
    EventView,
    cell_sentences,
    changed_words,
    column_letters,
    coverage_rows,
    document_cues,
    event_views,
    finding_lines,
    findings_header,
    grouping_lines,
    inside_label,
    place_and_date,
    removed_line,
    short_label,
    use_coverage,
)

FINDING_STYLE = {"number": "bold red", "speaker": "bold red", "omission": "yellow", "lineage": "cyan", "attribution": "cyan",
                 "loaded": "bold red", "quote": "green", "number only in one": "yellow", "addition": "dim"}

if TYPE_CHECKING:
    from ..frames import LabelResult
    from ..ingest import Document
    from ..result import Cluster, ComparisonResult

MIN_COLUMN = 34
BAR_WIDTH = 20


def _styled(text: str, changed: list[str] | None = None, lexicon: Lexicon | None = None) -> Text:
    out = Text(text)
    for signal in find_signals(text, lexicon):
        out.stylize(SIGNAL_STYLE.get(signal.kind, ""), signal.start, signal.end)
    for value in changed or []:
        start = text.find(value)
        if start >= 0:
            out.stylize(CHANGED_STYLE, start, start + len(value))
    return out


def _header(doc: Document, name: str) -> str:
    return " · ".join(x for x in (name, place_and_date(doc)) if x)


GIVEN_SOURCES = ("manifest", "front matter", "metadata.csv", "metadata.jsonl")


def _described(doc: Document) -> str:
    """Outlet and date with where each came from, unless the user gave them (then they need no note)."""
    def value(field: str, shown: str | None, missing: str) -> str:
        where = doc.metadata_source.get(field, "")
        if not shown:
            return missing
        return shown if where in GIVEN_SOURCES or not where else f"{shown} [{where}]"

    undated = (f"date unknown ({doc.date_or_day} [{doc.metadata_source.get('date_without_year', 'text')}])"
               if doc.date_without_year else "date unknown")
    parts = [value("outlet", doc.outlet, "outlet unknown"), doc.country, doc.language, value("date", doc.date, undated)]
    return " · ".join(x for x in parts if x)


def _event_header(result: ComparisonResult, event_id: str, columns: dict[str, str] | None = None,
                  shown: set[str] | None = None) -> RenderableType:
    """The event's documents (all of them: those ``shown`` below, when the user chose some, marked •), languages,
    dates, and why the nearest others are apart."""
    event = next(e for e in result.events if e.id == event_id)
    docs = [result.document(d) for d in event.documents]
    chosen = shown if shown is not None and len(shown) < len(docs) else None
    if chosen is not None and columns is None:
        columns = dict.fromkeys(chosen, "•")
    languages = sorted({d.language for d in docs if d.language})
    dates = sorted({d.date for d in docs if d.date})
    lines = [Text(f"Event {event.id}: {len(docs)} document(s); languages {', '.join(languages) or '?'}; "
                  f"dates {' to '.join(dict.fromkeys([dates[0], dates[-1]])) if dates else '?'}", style="bold")]
    # a document's line wraps under its description, not under its letter and id (a hanging indent)
    listing = Table.grid(padding=(0, 2, 0, 0), pad_edge=False)
    listing.add_column(no_wrap=True)
    listing.add_column(overflow="fold")
    for d in docs:
        column = f"{columns.get(d.id, ' ')} " if columns is not None else ""
        listing.add_row(f"{column}{d.id}", f"{_described(d)}  — {_shorten(d.title or '', 100)}")
    parts: list[RenderableType] = [*lines, Padding(listing, (0, 0, 0, 2))]
    if chosen is not None:
        parts.append(Padding(Text(f"shown below: {len(chosen)} of {len(docs)} document(s), the ones marked (--outlets)", style="dim"),
                             (0, 0, 0, 2)))
    parts += [Padding(Text(line, style="dim"), (0, 0, 0, 2)) for line in grouping_lines(event)]
    removed = removed_line(docs, "--json")
    if removed:
        parts.append(Padding(Text(removed, style="dim"), (0, 0, 0, 2)))
    return Group(*parts)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _frame_line(result: ComparisonResult, doc_id: str, sentence: int) -> Text | None:
    top = result.sentence_frames(doc_id, sentence, 1)
    if not top:
        return None
    name, score = top[0]
    if result.sentence_frame(doc_id, sentence) is None:
        return Text(f"[{short_label(name)}? {score:.2f}]", style="dim")
    return Text(f"[{short_label(name)} {score:.2f}]", style="dim bold")


def _cell(result: ComparisonResult, doc: Document, cluster: Cluster, changed: dict[tuple[str, int], list[str]]) -> Text:
    sentences, inside = cell_sentences(cluster, doc.id)
    if not sentences:
        return Text("— not reported —", style="dim italic")
    parts = []
    for sid in sentences:
        part = _styled(doc.sentences[sid].text, changed.get((doc.id, sid)), result.lexicon)
        if inside:  # the sentence is another claim's row too: marked so it is not read as a claim of its own
            part = Text.assemble((inside_label(result, doc.id, sid) + " ", "italic cyan"), part)
        frame = _frame_line(result, doc.id, sid)
        if frame is not None:
            part.append(" ")
            part.append_text(frame)
        parts.append(part)
    return Text("\n").join(parts)


def _row_label(view: EventView, cluster: Cluster) -> Text:
    number = cluster.id.split(".")[-1]
    if len(view.docs) < 2:
        return Text(number, style="dim")
    shown = len(view.reporting(cluster))
    if shown < 2:
        return Text(f"{number}\nonly 1", style="dim")
    best = max(m.score for m in cluster.members)
    return Text(f"{number}\n{shown}/{len(view.docs)}\nm{best:.2f}", style="dim")


def _table(result: ComparisonResult, view: EventView) -> Table:
    table = Table(show_lines=True, expand=True)
    table.add_column("claim", no_wrap=True, width=6)
    for d in view.docs:
        table.add_column(_header(d, view.name(d)), overflow="fold", ratio=1)
    for cluster in view.shared:
        changed = changed_words(result, cluster)
        table.add_row(_row_label(view, cluster), *(_cell(result, d, cluster, changed) for d in view.docs))
    return table


def _alone(result: ComparisonResult, view: EventView) -> RenderableType:
    """Claims only one shown outlet reports, gathered under that outlet (not rows of "not reported" cells)."""
    blocks: list[RenderableType] = []
    alone = view.alone()
    for doc in view.docs:
        own = alone.get(doc.id, [])
        if not own:
            continue
        # a grid, so that a long claim wraps under its own text, not under the claim ids
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(overflow="fold")
        for cluster in own:
            grid.add_row(f" {cluster.id.split('.')[-1]}", _cell(result, doc, cluster, changed_words(result, cluster)))
        blocks.append(Group(Text(f"only in {view.alone_label(doc, len(own))}:", style="bold"), grid))
    return Group(*blocks)


def _stacked(result: ComparisonResult, view: EventView) -> RenderableType:
    blocks = []
    for cluster in view.shared:
        changed = changed_words(result, cluster)
        lines = []
        for d in view.docs:
            lines.append(Text.assemble((f"{view.name(d)}: ", "bold"), _cell(result, d, cluster, changed)))
        shared = len(view.reporting(cluster))
        margin = max(m.score for m in cluster.members)
        title = f"{cluster.id} · {shared}/{len(view.docs)} outlets" + (f" · margin {margin:.2f}" if shared > 1 else "")
        blocks.append(Panel(Group(*lines), title=title, title_align="left"))
    return Group(*blocks)


LABEL_WIDTH = 16  # a frame's short label in the outlets' table ("External regulat" for External regulation ...)
SUMMARY_BAR_WIDTH = 12  # a share of 1.0 as 12 cells: the bar, label and share fit a third of 80 columns


def _bar(share: float, width: int = BAR_WIDTH) -> str:
    full = share * width
    return "█" * int(full) + ("▌" if full - int(full) >= 0.5 else "")


def _summary(result: ComparisonResult, view: EventView) -> RenderableType:
    """Claims shared by all / some / one; each outlet's frame profile as bars; its loaded words and sources."""
    parts: list[RenderableType] = [Text(view.counts.summary(), style="bold")]
    docs = view.docs
    profiles = {d.id: list(result.document_frames(d.id).items())[:3] for d in docs}
    label_width = max((len(short_label(name)[:LABEL_WIDTH]) for p in profiles.values() for name, _ in p), default=0)
    # a frame's line (label, bar, share) never wraps: a share alone on the next line reads as another frame's. A fixed
    # width, not a minimum: Rich shrinks the other columns to fit the console only around a column of fixed width (with
    # a minimum it kept every column wide and cropped the table's right edge at 80 columns, "8/9" of "no source or
    # quote: 8/9 sentences" with it)
    line_width = max((label_width + 1 + len(_bar(share, SUMMARY_BAR_WIDTH)) + 5 for p in profiles.values() for _, share in p),
                     default=0)
    table = Table(box=None, show_header=True, expand=False, padding=(0, 1))
    table.add_column("outlet", overflow="fold", max_width=28)
    table.add_column("frames (mean share)", overflow="fold", width=line_width or None)
    table.add_column("loaded / attribution", overflow="fold", max_width=40)
    for d in docs:
        profile = profiles[d.id]
        bars = Text()
        for i, (name, share) in enumerate(profile):
            bars.append(f"{short_label(name)[:LABEL_WIDTH]:<{label_width}} ", style="bold" if i == 0 else "")
            bars.append(_bar(share, SUMMARY_BAR_WIDTH), style="blue")
            bars.append(f" {share:.2f}" + ("\n" if i < len(profile) - 1 else ""))
        cues = document_cues(result, d)
        words = Text()
        for kind in ("loaded", "attribution"):
            if cues.get(kind):
                words.append(f"{kind}: ", style=SIGNAL_STYLE[kind])
                words.append(", ".join(cues[kind]) + "\n")
        unattributed = sum(1 for sentence in d.sentences if not is_attributed(sentence.text, result.lexicon))
        words.append(f"no source or quote: {unattributed}/{len(d.sentences)} sentences", style="dim")
        words.rstrip()
        table.add_row(view.name(d), bars if profile else Text("(frames not computed)", style="dim"), words if words.plain else Text("—"))
    parts.append(table)
    return Group(*parts)


def legend(frames: bool = True) -> Text:
    """The colours used; the frame-score note only when frames were computed."""
    out = Text("legend: ", style="dim")
    for name, style in LEGEND:
        out.append(name, style=style)
        out.append("  ")
    if frames:
        out.append("[Frame score] per sentence; '?' = the classifier abstains", style="dim")
    out.rstrip()
    return out


def _coverage(result: ComparisonResult, view: EventView) -> RenderableType:
    """One row per claim two or more outlets report, one narrow column per outlet, the claim in one outlet's words."""
    docs = view.docs
    letters = column_letters(len(docs))
    rows, alone = coverage_rows(result, view)
    table = Table(box=None, show_header=True, pad_edge=False, padding=(0, 1, 0, 0), expand=True)
    table.add_column("claim", no_wrap=True, style="dim")
    for letter in letters:
        table.add_column(letter, no_wrap=True, justify="center", width=1)
    table.add_column("as one outlet puts it", overflow="ellipsis", no_wrap=True, ratio=1)
    column_of = {d.id: letters[n] for n, d in enumerate(docs)}
    style = {DIFFERS: "bold yellow", INSIDE: "cyan", MISSING: "dim"}
    for row in rows:
        marks = [Text(mark, style=style.get(mark, "green")) for mark in row.marks]
        table.add_row(f"{row.cluster.split('.')[-1]} {row.outlets}/{len(docs)}", *marks,
                      Text.assemble(("headlines · " if row.headlines else "", "dim"), (f"{column_of[row.reference]}: ", "bold"), row.text))
    parts: list[RenderableType] = [table]
    single = ", ".join(f"{column_of[d]} {n}" for d, n in alone.items() if n)
    if single:
        parts.append(Text(f"claims only one outlet reports (not shown above): {single}", style="dim"))
    parts.append(Text(COVERAGE_LEGEND + "; --outlets ID,ID,... shows chosen outlets side by side", style="dim"))
    return Group(*parts)


def _findings(result: ComparisonResult, view: EventView, limit: int | None = FINDINGS_SHOWN) -> RenderableType:
    """The event's findings first: kind, one-line summary, the claims it concerns."""
    found = view.findings(result)
    rows = finding_lines(found)
    lines = [Text(findings_header(found, rows, limit), style="bold")]
    listing = Table.grid(padding=(0, 1, 0, 0), pad_edge=False)  # a finding wraps under its summary, not under its kind
    listing.add_column(no_wrap=True, min_width=12)
    listing.add_column(overflow="fold")
    for finding in rows[:limit] if limit else rows:
        claims = ", ".join(c.split(".")[-1] for c in finding.clusters[:4]) + ("…" if len(finding.clusters) > 4 else "")
        listing.add_row(Text(finding.kind, style=FINDING_STYLE.get(finding.kind, "")),
                        Text.assemble(finding.summary, (f"  [{claims}]" if claims else "", "dim")))
    return Group(*lines, Padding(listing, (0, 0, 0, 2))) if found else Group(*lines)


def render(
    result: ComparisonResult,
    width: int | None = None,
    only_differences: bool = False,
    events: list[str] | None = None,
    outlets: list[str] | None = None,
    view: str = "auto",
    findings_only: bool = False,
    claims_in: str | None = None,
) -> RenderableType:
    """The whole report; ``events`` and ``outlets`` narrow it, ``claims_in`` picks the coverage grid's language where it
    can (see :func:`event_views`).

    ``view``: "auto" (a coverage grid from five outlets on, side by side below), "coverage" or "columns".
    ``findings_only``: per event, the header and every finding, without the claim table.
    """
    parts: list[RenderableType] = []
    for view_of_event in event_views(result, events, outlets, only_differences, claims_in):
        event, docs = view_of_event.event, view_of_event.docs
        parts.append(Rule(f"event {event.id}"))
        coverage = use_coverage(docs, view)
        columns = dict(zip((d.id for d in docs), column_letters(len(docs)))) if coverage else None
        parts.append(_event_header(result, event.id, columns, {d.id for d in docs}))
        if len(docs) > 1:
            parts.append(_findings(result, view_of_event, None if findings_only else FINDINGS_SHOWN))
        if findings_only:
            continue
        narrow = width is not None and len(docs) >= 3 and width < MIN_COLUMN * len(docs)
        if coverage:
            parts.append(_coverage(result, view_of_event))
        else:
            parts.append(_stacked(result, view_of_event) if narrow else _table(result, view_of_event))
            parts.append(_alone(result, view_of_event))
        parts.append(_summary(result, view_of_event))
    if parts:
        parts.append(legend(result.frames is not None))
    if result.errors:
        parts.append(Text("\n".join(f"skipped {e}" for e in result.errors), style="red"))
    if result.passed_over:
        parts.append(Text("\n".join(f"not read {e}" for e in result.passed_over), style="yellow"))
    return Group(*parts)


def label_table(result: LabelResult, top: int = 3) -> Table:
    """``framing label``'s terminal view: each item with its best labels and scores."""
    table = Table(expand=True, title=f"{len(result.items)} item(s), labels: {result.label_set.name}")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("text", ratio=3, overflow="fold")
    table.add_column("labels (best first)", ratio=2, overflow="fold")
    for i, item in enumerate(result.items):
        best = result.labelling.top(i, top)
        labels = Text()
        for rank, (name, score) in enumerate(best):
            labels.append(f"{name} {score:.2f}", style="bold" if rank == 0 and not result.labelling.abstained[i] else "dim")
            labels.append("\n" if rank < len(best) - 1 else "")
        if result.labelling.abstained[i]:
            labels.append("\n(abstains: no label clearly best)", style="yellow")
        table.add_row(str(i + 1), _styled(item.text), labels)
    return table
