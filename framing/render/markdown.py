"""The report as Markdown: per event, a table with one column per outlet, then a summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .views import (
    COVERAGE_LEGEND,
    EventView,
    cell_sentences,
    changed_words,
    column_letters,
    coverage_rows,
    event_views,
    finding_lines,
    findings_count,
    grouping_lines,
    inside_label,
    place_and_date,
    removed_line,
    short_label,
    use_coverage,
)

if TYPE_CHECKING:
    from ..result import ComparisonResult


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _coverage(result: ComparisonResult, view: EventView) -> list[str]:
    """The coverage grid (as in the terminal): one row per claim, one narrow column per outlet."""
    letters = column_letters(len(view.docs))
    column_of = {d.id: letter for d, letter in zip(view.docs, letters)}
    rows, alone = coverage_rows(result, view)
    lines = ["", "| claim | " + " | ".join(letters) + " | as one outlet puts it |", "|---|" + ":-:|" * len(letters) + "---|"]
    lines += [f"| {row.cluster.split('.')[-1]} {row.outlets}/{len(view.docs)} | " + " | ".join(row.marks)
              + f" | {'*headlines* · ' if row.headlines else ''}**{column_of[row.reference]}**: {_md(row.text)} |" for row in rows]
    single = ", ".join(f"{column_of[d]} {n}" for d, n in alone.items() if n)
    lines += [""] + ([f"Claims only one outlet reports (not shown above): {single}.", ""] if single else [])
    lines += [f"Columns: {', '.join(f'{column_of[d.id]} = {_md(view.name(d))}' for d in view.docs)}.", "", COVERAGE_LEGEND + "."]
    return lines


def _columns(result: ComparisonResult, view: EventView) -> list[str]:
    """The side-by-side table and, per outlet, the claims only it reports."""
    docs = view.docs
    lines: list[str] = []
    lines += ["", "| claim | " + " | ".join(_md(view.name(d)) for d in docs) + " |",
              "|---|" + "---|" * len(docs)]
    for cluster in view.shared:
        changed = changed_words(result, cluster)
        cells = []
        for d in docs:
            members, inside = cell_sentences(cluster, d.id)
            if not members:
                cells.append("*— not reported —*")
                continue
            texts = []
            for s in members:
                text = (f"*{inside_label(result, d.id, s)}* " if inside else "") + _md(d.sentences[s].text)
                for value in changed.get((d.id, s), []):
                    text = text.replace(_md(value), f"**{_md(value)}**", 1)
                top = result.sentence_frames(d.id, s, 1)
                if top:
                    mark = "" if result.sentence_frame(d.id, s) else "?"
                    text += f" `{short_label(top[0][0])}{mark} {top[0][1]:.2f}`"
                texts.append(text)
            cells.append("<br>".join(texts))
        lines.append(f"| {cluster.id.split('.')[-1]} ({len(view.reporting(cluster))}/{len(docs)}) | " + " | ".join(cells) + " |")
    alone = view.alone()
    for d in docs:
        own = alone.get(d.id, [])
        if own:
            lines += ["", f"**Only in {_md(view.alone_label(d, len(own)))}**", ""]
            lines += [f"- {c.id.split('.')[-1]}: " + " ".join(_md(d.sentences[s].text) for s in cell_sentences(c, d.id)[0])
                      for c in own]
    return lines


def to_markdown(result: ComparisonResult, events: list[str] | None = None, outlets: list[str] | None = None,
                view: str = "auto", claims_in: str | None = None) -> str:
    """The report as Markdown: per event, a table with one column per outlet (a coverage grid from five outlets
    on, as in the terminal; ``view`` as in :func:`framing.render.render`), then a summary."""
    lines = ["# framing: side-by-side coverage", ""]
    for shown in event_views(result, events, outlets, claims_in=claims_in):
        event, docs = shown.event, shown.docs
        lines += [f"## Event {event.id}: {len(docs)} document(s)", ""]
        lines += [f"- **{_md(shown.name(d))}** ({place_and_date(d)}): {_md(d.title or '')}"
                  for d in docs]
        reasons = grouping_lines(event) + [line for line in [removed_line(docs)] if line]
        if reasons:  # a line break ends each ("  "), so they stay one block under the list
            lines += [""] + [f"*{_md(line)}*  " for line in reasons]
        found = shown.findings(result)
        if len(docs) > 1:
            rows = finding_lines(found)
            lines += ["", f"**Findings ({findings_count(found, rows)})**", ""]
            lines += [f"{n}. *{f.kind}*: {_md(f.summary)}" + (f" ({', '.join(c.split('.')[-1] for c in f.clusters[:4])})" if f.clusters else "")
                      for n, f in enumerate(rows, 1)]
        if use_coverage(docs, view):
            lines += _coverage(result, shown)
        else:
            lines += _columns(result, shown)
        summary = shown.counts.summary()
        lines += ["", f"{summary[0].upper()}{summary[1:]}.", ""]
        for d in docs:
            profile = ", ".join(f"{short_label(n)} {v:.2f}" for n, v in list(result.document_frames(d.id).items())[:3])
            lines.append(f"- {_md(shown.name(d))}: {profile or 'frames not computed'}")
        lines.append("")
    lines.append("**Bold**: a number, name, date or cue that the aligned claim lacks."
                 + (" `Frame score` per sentence; `?` = the classifier abstains." if result.frames is not None else ""))
    return "\n".join(lines) + "\n"
