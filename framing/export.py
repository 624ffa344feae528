"""Exports of a :class:`~framing.pipeline.ComparisonResult`: the JSON contract, pandas, HTML."""

from __future__ import annotations

import html
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .signals import find_signals
from .tone import actors_near_loaded_words, is_attributed

if TYPE_CHECKING:
    from .pipeline import ComparisonResult

SCHEMA_VERSION = 1


def to_dict(result: ComparisonResult) -> dict:
    """The JSON contract (documented in README.md)."""
    cluster_of = {(m.document, m.sentence): c.id for c in result.clusters for m in c.members}
    documents = []
    for d in result.documents:
        documents.append(
            {
                "id": d.id,
                "path": d.path,
                "language": d.language,
                "outlet": d.outlet,
                "country": d.country,
                "date": d.date,
                "title": d.title,
                "event": result.event_of(d.id),
                "encoding": d.encoding,
                "format": d.format,
                "metadata_source": d.metadata_source,
                "sentences": [
                    {
                        "id": s.id,
                        "text": s.text,
                        "start": s.start,
                        "end": s.end,
                        "language": s.language,
                        "paragraph": s.paragraph,
                        "is_title": s.is_title,
                        "cluster": cluster_of.get((d.id, s.id)),
                        "frames": [{"label": name, "score": round(score, 4)} for name, score in result.sentence_frames(d.id, s.id)],
                        "frame": result.sentence_frame(d.id, s.id),
                        "attributed": is_attributed(s.text),
                        "signals": [
                            {"kind": g.kind, "trigger": g.trigger, "start": g.start, "end": g.end}
                            for g in find_signals(s.text)
                        ],
                    }
                    for s in d.sentences
                ],
                "removed": [{"start": r.start, "end": r.end, "text": r.text, "reason": r.reason} for r in d.removed],
                "frames": {name: round(score, 4) for name, score in result.document_frames(d.id).items()},
                "actors_near_loaded_words": [
                    {"actor": e.actor, "sentences": e.sentences, "words": e.words, "tone": e.tone}
                    for e in actors_near_loaded_words((s.id, s.text) for s in d.sentences)
                ],
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": documents,
        "events": [{"id": e.id, "documents": e.documents, "evidence": e.evidence} for e in result.events],
        "clusters": [
            {
                "id": c.id,
                "event": c.event,
                "members": [{"document": m.document, "sentence": m.sentence, "score": m.score} for m in c.members],
                "differences": c.differences,
                "frames": result.cluster_frames(c) if result.frames is not None else {},
            }
            for c in result.clusters
        ],
        "labels": {
            "set": result.label_set.name if result.label_set else None,
            "names": result.label_set.names if result.label_set else [],
            "classifier": result.frames.method if result.frames is not None else None,
        },
        "errors": [{"path": e.path, "reason": e.reason} for e in result.errors],
    }


def write_atomic(path: str | Path, content: str) -> None:
    """Write via a temporary file, so a failed run never leaves half a file behind."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    # mkstemp makes the file private (0600); the result should get the user's usual permissions.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_json(result: ComparisonResult) -> str:
    return json.dumps(to_dict(result), ensure_ascii=False, indent=2)


def to_pandas(result: ComparisonResult):  # noqa: ANN201 - pandas.DataFrame
    """One row per body sentence: document, outlet, language, event, cluster, frames, signals."""
    import pandas as pd

    cluster_of = {(m.document, m.sentence): c for c in result.clusters for m in c.members}
    rows = []
    for d in result.documents:
        for s in d.sentences:
            cluster = cluster_of.get((d.id, s.id))
            rows.append(
                {
                    "document": d.id,
                    "outlet": d.outlet,
                    "country": d.country,
                    "language": s.language,
                    "date": d.date,
                    "event": result.event_of(d.id),
                    "cluster": cluster.id if cluster else None,
                    "cluster_outlets": len(cluster.documents) if cluster else 0,
                    "sentence": s.id,
                    "text": s.text,
                    "frame": result.sentence_frame(d.id, s.id),
                    "frames": result.sentence_frames(d.id, s.id),
                    "attributed": is_attributed(s.text),
                    "signals": [f"{g.kind}:{g.trigger}" for g in find_signals(s.text)],
                }
            )
    return pd.DataFrame(rows)


def _cell_html(result: ComparisonResult, doc_id: str, sentence: int, changed: list[str]) -> str:
    text = result.document(doc_id).sentences[sentence].text
    marks: list[tuple[int, int, str]] = [(g.start, g.end, g.kind) for g in find_signals(text)]
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
.apart{color:#777;font-size:13px}.legend span{margin-right:1em}
.bar{display:inline-block;height:10px;background:#4c72b0;vertical-align:middle}
"""


def to_html(
    result: ComparisonResult, standalone: bool = True, events: list[str] | None = None, outlets: list[str] | None = None
) -> str:
    """The report as HTML: per event, header, side-by-side table with colours, summary, legend."""
    from .report import LEGEND, changed_words, claim_summary, document_cues, event_views, set_apart_lines, short_label

    parts = []
    for event, docs, clusters in event_views(result, events, outlets):
        parts.append(f"<h2>Event {html.escape(event.id)}: {len(docs)} document(s)</h2><ul>")
        for d in docs:
            meta = " · ".join(html.escape(x) for x in (d.outlet or d.id, d.country, d.language, d.date) if x)
            parts.append(f"<li><b>{meta}</b> — {html.escape(d.title or '')}</li>")
        parts.append("</ul>")
        for line in set_apart_lines(event):
            parts.append(f"<div class='apart'>{html.escape(line)}</div>")
        head = "".join(
            f"<th>{html.escape(d.outlet or d.id)}<br><small>{html.escape(' · '.join(x for x in (d.country, d.language, d.date) if x))}</small></th>"
            for d in docs
        )
        rows = []
        for cluster in clusters:
            changed = changed_words(result, cluster)
            cells = []
            for d in docs:
                members = [m.sentence for m in cluster.members if m.document == d.id]
                if members:
                    cells.append("<td>" + "<br>".join(_cell_html(result, d.id, s, changed.get((d.id, s), [])) for s in members) + "</td>")
                else:
                    cells.append('<td class="missing">— not reported —</td>')
            number = cluster.id.split(".")[-1]
            rows.append(f"<tr><td class='claim'>{number}<br>{len(cluster.documents)}/{len(docs)}</td>{''.join(cells)}</tr>")
        parts.append(f"<table><tr><th style='width:5em'>claim</th>{head}</tr>{''.join(rows)}</table>")
        parts.append(f"<p><b>{claim_summary(clusters, len(docs))}</b></p><table>")
        parts.append("<tr><th>outlet</th><th>frames (mean share over sentences)</th><th>loaded / attribution</th></tr>")
        for d in docs:
            profile = list(result.document_frames(d.id).items())[:3]
            bars = "<br>".join(
                f"{html.escape(short_label(n))} <span class='bar' style='width:{v * 200:.0f}px'></span> {v:.2f}" for n, v in profile
            )
            words = "<br>".join(
                f"<span class='{k}'>{k}</span>: {html.escape(', '.join(v))}" for k, v in document_cues(d).items()
            )
            parts.append(f"<tr><td>{html.escape(d.outlet or d.id)}</td><td>{bars}</td><td>{words or '—'}</td></tr>")
        parts.append("</table>")
    css_class = {"loaded wording": "loaded", "differs from the aligned claim": "changed"}
    legend = "".join(f"<span class='{css_class.get(name, name)}'>{html.escape(name)}</span>" for name, _ in LEGEND)
    parts.append(f"<p class='legend'>legend: {legend} <span class='frame'>[Frame score] per sentence; grey = the classifier abstains</span></p>")
    fragment = "\n".join(parts)
    if not standalone:
        return fragment
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>framing report</title><style>{_HTML_STYLE}</style>"
            f"</head><body><h1>framing: side-by-side coverage</h1>{fragment}</body></html>")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(result: ComparisonResult, events: list[str] | None = None, outlets: list[str] | None = None) -> str:
    """The report as Markdown: per event, a table with one column per outlet, then a summary."""
    from .report import changed_words, claim_summary, event_views, short_label

    lines = ["# framing: side-by-side coverage", ""]
    for event, docs, clusters in event_views(result, events, outlets):
        lines += [f"## Event {event.id}: {len(docs)} document(s)", ""]
        lines += [f"- **{_md(d.outlet or d.id)}** ({' · '.join(x for x in (d.country, d.language, d.date) if x)}): {_md(d.title or '')}"
                  for d in docs]
        lines += ["", "| claim | " + " | ".join(_md(d.outlet or d.id) for d in docs) + " |",
                  "|---|" + "---|" * len(docs)]
        for cluster in clusters:
            changed = changed_words(result, cluster)
            cells = []
            for d in docs:
                members = [m.sentence for m in cluster.members if m.document == d.id]
                if not members:
                    cells.append("*— not reported —*")
                    continue
                texts = []
                for s in members:
                    text = _md(d.sentences[s].text)
                    for value in changed.get((d.id, s), []):
                        text = text.replace(_md(value), f"**{_md(value)}**", 1)
                    top = result.sentence_frames(d.id, s, 1)
                    if top:
                        mark = "" if result.sentence_frame(d.id, s) else "?"
                        text += f" `{short_label(top[0][0])}{mark} {top[0][1]:.2f}`"
                    texts.append(text)
                cells.append("<br>".join(texts))
            lines.append(f"| {cluster.id.split('.')[-1]} ({len(cluster.documents)}/{len(docs)}) | " + " | ".join(cells) + " |")
        summary = claim_summary(clusters, len(docs))
        lines += ["", f"{summary[0].upper()}{summary[1:]}.", ""]
        for d in docs:
            profile = ", ".join(f"{short_label(n)} {v:.2f}" for n, v in list(result.document_frames(d.id).items())[:3])
            lines.append(f"- {_md(d.outlet or d.id)}: {profile or 'frames not computed'}")
        lines.append("")
    lines.append("**Bold**: a number, name, date or cue that the aligned claim lacks. `Frame score` per sentence; `?` = the classifier abstains.")
    return "\n".join(lines) + "\n"
