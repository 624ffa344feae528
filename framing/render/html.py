"""The report as an HTML page (or a fragment, for Jupyter): the same views as the terminal report."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..frames import find_signals
from .views import (
    COVERAGE_LEGEND,
    DIFFERS,
    INSIDE,
    LEGEND,
    MISSING,
    REPORTED,
    EventView,
    cell_sentences,
    changed_words,
    column_letters,
    coverage_rows,
    document_cues,
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


MARK_CLASS = {REPORTED: "reported", DIFFERS: "differs", INSIDE: "inside", MISSING: "missing"}


def _cell_html(result: ComparisonResult, doc_id: str, sentence: int, changed: list[str]) -> str:
    text = result.document(doc_id).sentences[sentence].text
    marks: list[tuple[int, int, str]] = [(g.start, g.end, g.kind) for g in find_signals(text, result.lexicon)]
    for value in changed:
        start = text.find(value)
        if start >= 0:
            marks.append((start, start + len(value), "changed"))
    # Wrap marked stretches; overlapping marks nest by start, later ones inside earlier ones skipped.
    out, cursor = [], 0
    for start, end, kind in sorted(marks):
        if start < cursor:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f'<span class="{kind}" title="{kind}">{html.escape(text[start:end])}</span>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    frames = result.sentence_frames(doc_id, sentence, 2)
    if frames:
        abstained = result.sentence_frame(doc_id, sentence) is None
        label = " / ".join(f"{html.escape(n)} {v:.2f}" for n, v in frames)
        out.append(f' <span class="frame{" abstained" if abstained else ""}">[{label}]</span>')
    return "".join(out)


_HTML_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border:1px solid #ccc;padding:6px;vertical-align:top;font-size:14px}
th{background:#f3f3f3;text-align:left}
td.claim{width:5em;color:#888;font-size:12px}
.missing{color:#999;font-style:italic;background:#fafafa}
.attribution{color:#0a7d8c}.quote{color:#1a7f37}.hedging{color:#9a6700;background:#fff8c5}
.certainty{color:#8250df}.loaded{color:#cf222e;font-weight:bold}.changed{text-decoration:underline;font-weight:bold}
.frame{color:#555;font-size:12px}.frame.abstained{color:#aaa}
.apart{color:#777;font-size:13px}.findings .kind{font-weight:bold;margin-right:.4em}.legend span{margin-right:1em}
td.mark,th.mark{width:1.6em;text-align:center;padding:6px 2px}.mark.reported{color:#1a7f37}.mark.differs{color:#9a6700;font-weight:bold}
.mark.inside{color:#0a7d8c}.mark.missing{color:#bbb;font-style:normal;background:none}
.bar{display:inline-block;height:10px;background:#4c72b0;vertical-align:middle}
"""


def _columns(result: ComparisonResult, view: EventView) -> list[str]:
    """The side-by-side table and, per outlet, the claims only it reports."""
    docs = view.docs
    parts: list[str] = []
    head = "".join(
        f"<th>{html.escape(view.name(d))}<br><small>{html.escape(place_and_date(d))}</small></th>"
        for d in docs
    )
    rows = []
    for cluster in view.shared:
        changed = changed_words(result, cluster)
        cells = []
        for d in docs:
            members, inside = cell_sentences(cluster, d.id)
            if members:
                cells.append("<td>" + "<br>".join(
                    (f"<i class='inside'>{html.escape(inside_label(result, d.id, s))}</i> " if inside else "")
                    + _cell_html(result, d.id, s, changed.get((d.id, s), [])) for s in members) + "</td>")
            else:
                cells.append('<td class="missing">— not reported —</td>')
        number = cluster.id.split(".")[-1]
        shown = len(view.reporting(cluster))
        rows.append(f"<tr id='{html.escape(cluster.id)}'><td class='claim'>{number}<br>{shown}/{len(docs)}</td>{''.join(cells)}</tr>")
    parts.append(f"<table><tr><th style='width:5em'>claim</th>{head}</tr>{''.join(rows)}</table>")
    alone = view.alone()
    for d in docs:
        own = alone.get(d.id, [])
        if own:
            items = "".join(
                f"<li id='{html.escape(c.id)}'><span class='claim'>{c.id.split('.')[-1]}</span> "
                + "<br>".join(_cell_html(result, d.id, s, changed_words(result, c).get((d.id, s), []))
                              for s in cell_sentences(c, d.id)[0]) + "</li>"
                for c in own
            )
            parts.append(f"<h4>Only in {html.escape(view.alone_label(d, len(own)))}</h4><ul class='alone'>{items}</ul>")
    return parts


def _coverage(result: ComparisonResult, view: EventView) -> list[str]:
    """The coverage grid (as in the terminal): one row per claim, one narrow column per outlet."""
    letters = column_letters(len(view.docs))
    column_of = {d.id: letter for d, letter in zip(view.docs, letters)}
    rows, alone = coverage_rows(result, view)
    head = "".join(f"<th class='mark' title='{html.escape(view.name(d))}'>{letter}</th>" for d, letter in zip(view.docs, letters))
    body = "".join(
        f"<tr id='{html.escape(row.cluster)}'><td class='claim'>{row.cluster.split('.')[-1]} {row.outlets}/{len(view.docs)}</td>"
        + "".join(f"<td class='mark {MARK_CLASS[mark]}'>{mark}</td>" for mark in row.marks)
        + f"<td>{'<i>headlines</i> · ' if row.headlines else ''}<b>{column_of[row.reference]}</b>: {html.escape(row.text)}</td></tr>"
        for row in rows
    )
    parts = [f"<table class='coverage'><tr><th style='width:5em'>claim</th>{head}<th>as one outlet puts it</th></tr>{body}</table>"]
    single = ", ".join(f"{column_of[d]} {n}" for d, n in alone.items() if n)
    if single:
        parts.append(f"<p class='apart'>claims only one outlet reports (not shown above): {html.escape(single)}</p>")
    key = ", ".join(f"{column_of[d.id]} = {html.escape(view.name(d))}" for d in view.docs)
    parts.append(f"<p class='apart'>columns: {key}<br>{html.escape(COVERAGE_LEGEND)}</p>")
    return parts


def to_html(
    result: ComparisonResult, standalone: bool = True, events: list[str] | None = None, outlets: list[str] | None = None,
    view: str = "auto", claims_in: str | None = None,
) -> str:
    """The report as HTML: per event, header, side-by-side table with colours (a coverage grid from five outlets on,
    as in the terminal; ``view`` as in :func:`framing.render.render`), summary, legend."""
    parts = []
    for shown in event_views(result, events, outlets, claims_in=claims_in):
        event, docs = shown.event, shown.docs
        parts.append(f"<h2>Event {html.escape(event.id)}: {len(docs)} document(s)</h2><ul>")
        for d in docs:
            meta = " · ".join(html.escape(x) for x in (shown.name(d), place_and_date(d)) if x)
            parts.append(f"<li><b>{meta}</b> — {html.escape(d.title or '')}</li>")
        parts.append("</ul>")
        for line in grouping_lines(event):
            parts.append(f"<div class='apart'>{html.escape(line)}</div>")
        removed = removed_line(docs, "this list")
        if removed:  # every piece, with its article and reason: set aside, not lost
            pieces = "".join(f"<li><b>{html.escape(shown.name(d))}</b> ({html.escape(span.reason)}): {html.escape(span.text)}</li>"
                             for d in docs for span in d.removed)
            parts.append(f"<details class='apart'><summary>{html.escape(removed)}</summary><ul>{pieces}</ul></details>")
        found = shown.findings(result)
        if len(docs) > 1:
            rows = finding_lines(found)
            items = "".join(
                f"<li><span class='kind'>{html.escape(f.kind)}</span> {html.escape(f.summary)} "
                + " ".join(f"<a href='#{html.escape(c)}'>{html.escape(c.split('.')[-1])}</a>" for c in f.clusters[:6]) + "</li>"
                for f in rows
            )
            parts.append(f"<h3>Findings ({findings_count(found, rows)})</h3><ol class='findings'>{items}</ol>")
        parts.extend(_coverage(result, shown) if use_coverage(docs, view) else _columns(result, shown))
        parts.append(f"<p><b>{html.escape(shown.counts.summary())}</b></p><table>")
        parts.append("<tr><th>outlet</th><th>frames (mean share over sentences)</th><th>loaded / attribution</th></tr>")
        for d in docs:
            profile = list(result.document_frames(d.id).items())[:3]
            bars = "<br>".join(
                f"{html.escape(short_label(n))} <span class='bar' style='width:{v * 200:.0f}px'></span> {v:.2f}" for n, v in profile
            )
            words = "<br>".join(
                f"<span class='{k}'>{k}</span>: {html.escape(', '.join(v))}" for k, v in document_cues(result, d).items()
            )
            parts.append(f"<tr><td>{html.escape(shown.name(d))}</td><td>{bars}</td><td>{words or '—'}</td></tr>")
        parts.append("</table>")
    css_class = {"loaded wording": "loaded", "differs from the aligned claim": "changed"}
    legend = "".join(f"<span class='{css_class.get(name, name)}'>{html.escape(name)}</span>" for name, _ in LEGEND)
    frames_note = " <span class='frame'>[Frame score] per sentence; grey = the classifier abstains</span>" if result.frames is not None else ""
    parts.append(f"<p class='legend'>legend: {legend}{frames_note}</p>")
    fragment = "\n".join(parts)
    if not standalone:
        return fragment
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>framing report</title><style>{_HTML_STYLE}</style>"
            f"</head><body><h1>framing: side-by-side coverage</h1>{fragment}</body></html>")
