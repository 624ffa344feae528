"""The terminal report: per event, a header and a side-by-side table of claims (Rich renderables).

Three or more outlets on a narrow terminal switch to a stacked layout instead of crushing columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from .signals import find_signals

if TYPE_CHECKING:
    from .documents import Document
    from .pipeline import Cluster, ComparisonResult

MIN_COLUMN = 34
_STYLE = {"attribution": "cyan", "quote": "green", "hedging": "yellow", "certainty": "magenta", "loaded": "bold red"}


def _styled(text: str) -> Text:
    out = Text(text)
    for signal in find_signals(text):
        out.stylize(_STYLE.get(signal.kind, ""), signal.start, signal.end)
    return out


def _header(doc: Document) -> str:
    return " · ".join(x for x in (doc.outlet or doc.id, doc.country, doc.language, doc.date) if x)


def _event_header(result: ComparisonResult, event_id: str) -> RenderableType:
    event = next(e for e in result.events if e.id == event_id)
    docs = [result.document(d) for d in event.documents]
    lines = [Text(f"Event {event.id}: {len(docs)} document(s)", style="bold")]
    for d in docs:
        lines.append(Text(f"  {d.id}  {_header(d)}  — {d.title or ''}"[:300]))
    apart = [e for e in event.evidence.get("pairs", []) if not e["linked"]]
    for pair in apart[:6]:
        why = []
        if pair["date_gap_days"] is not None and pair["date_gap_days"] > 4:
            why.append(f"{pair['date_gap_days']} days apart")
        why.append(f"entity overlap {pair['entity_overlap']:.2f}, aligned share {pair['aligned_share']:.2f}")
        lines.append(Text(f"  set apart: {pair['a']} / {pair['b']}: {'; '.join(why)}", style="dim"))
    return Group(*lines)


def _cell(doc: Document, cluster: Cluster) -> Text:
    texts = [doc.sentences[m.sentence].text for m in cluster.members if m.document == doc.id]
    if not texts:
        return Text("— not reported —", style="dim italic")
    return Text("\n").join(_styled(t) for t in texts)


def _table(result: ComparisonResult, docs: list[Document], clusters: list[Cluster]) -> Table:
    table = Table(show_lines=True, expand=True)
    for d in docs:
        table.add_column(_header(d), overflow="fold", ratio=1)
    for cluster in clusters:
        table.add_row(*(_cell(d, cluster) for d in docs))
    return table


def _stacked(docs: list[Document], clusters: list[Cluster]) -> RenderableType:
    blocks = []
    for cluster in clusters:
        lines = []
        for d in docs:
            lines.append(Text.assemble((f"{d.outlet or d.id}: ", "bold"), _cell(d, cluster)))
        blocks.append(Panel(Group(*lines), title=cluster.id, title_align="left"))
    return Group(*blocks)


def render(result: ComparisonResult, width: int | None = None, only_differences: bool = False) -> RenderableType:
    parts: list[RenderableType] = []
    for event in result.events:
        docs = [result.document(d) for d in event.documents]
        clusters = [c for c in result.clusters if c.event == event.id]
        if only_differences:
            clusters = [c for c in clusters if c.differences or len(c.documents) < len(docs)]
        parts.append(Rule(f"event {event.id}"))
        parts.append(_event_header(result, event.id))
        if len(docs) > 1:
            shared_all = sum(1 for c in clusters if len(c.documents) == len(docs))
            single = sum(1 for c in clusters if len(c.documents) == 1)
            parts.append(Text(f"claims: {len(clusters)}; shared by all: {shared_all}; "
                              f"by some: {len(clusters) - shared_all - single}; by one outlet only: {single}"))
        narrow = width is not None and len(docs) >= 3 and width < MIN_COLUMN * len(docs)
        parts.append(_stacked(docs, clusters) if narrow else _table(result, docs, clusters))
    if result.errors:
        parts.append(Text("\n".join(f"skipped {e}" for e in result.errors), style="red"))
    return Group(*parts)
