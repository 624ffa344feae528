"""The corpus at a glance: :func:`overview` computes it once; :func:`corpus_page` draws it as one
standalone HTML page (inline SVG, no script, no web font: it opens offline) and
:func:`corpus_summary` as a Rich renderable for the terminal.

What a researcher looks at first (the Ground News and Media Cloud views): frame shares per outlet
over time, which outlet covers which event, what each outlet leaves out and which loaded words it
uses, and blindspots: events that outlets of only one language (or one country) cover.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..frames.classify import article_shares, frames_used
from ..render.views import short_label
from .windows import UNDATED, block_of

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .reader import Corpus

BLINDSPOT_MIN_ARTICLES = 3  # an event one or two articles cover is not a blindspot, just small
OUTLETS_SHOWN = 20
EVENTS_SHOWN = 40
FRAMES_SHOWN = 6
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]


@dataclass
class Overview:
    documents: int = 0
    outlets: list[str] = field(default_factory=list)  # by articles, most first
    articles_per_outlet: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)
    first_date: str | None = None
    last_date: str | None = None
    undated: int = 0
    events: list[dict] = field(default_factory=list)  # events rows, largest first
    blocks: list[str] = field(default_factory=list)
    frame_names: list[str] = field(default_factory=list)  # the most used frames, most first
    frame_shares: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)  # outlet -> block -> frame -> share
    # outlet -> (the frame most of its articles use, how many do, of how many, 95% Wilson interval low, high)
    main_frames: dict[str, tuple[str, int, int, float, float]] = field(default_factory=dict)
    coverage: dict[str, set[str]] = field(default_factory=dict)  # outlet -> events it covers
    omissions: Counter = field(default_factory=Counter)  # outlet -> omission findings
    loaded_words: dict[str, Counter] = field(default_factory=dict)  # outlet -> loaded word -> uses
    blindspots: list[dict] = field(default_factory=list)  # events rows with "only": the one language or country


def _ranked(counts: Counter, n: int | None = None) -> list[tuple[str, int]]:
    """Most common first, ties by name: the order must not depend on which part file was read first."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]


def overview(corpus: Corpus) -> Overview:
    """Everything the page and the summary show, computed once from the corpus tables."""
    store = corpus.store
    days = corpus.settings["window_days"]
    docs = store.read("documents", columns=["id", "outlet", "language", "date", "country"])
    result = Overview(documents=len(docs))
    outlet_of = {d["id"]: d["outlet"] or "(outlet unknown)" for d in docs}
    result.articles_per_outlet = Counter(outlet_of.values())
    result.outlets = [o for o, _ in _ranked(result.articles_per_outlet)]
    result.languages = Counter(d["language"] or "?" for d in docs)
    dates = sorted(d["date"] for d in docs if d["date"])
    result.first_date, result.last_date = (dates[0], dates[-1]) if dates else (None, None)
    result.undated = sum(1 for d in docs if not d["date"])
    block_of_doc = {d["id"]: block_of(d["date"], days) for d in docs}
    result.blocks = sorted({b for b in block_of_doc.values() if b != UNDATED})

    if corpus.settings.get("frames"):
        counts: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        totals: Counter = Counter()
        decided: dict[str, list[str | None]] = defaultdict(list)
        for row in store.read("sentences", columns=["document", "frame"]):
            decided[row["document"]].append(row["frame"])
            if row["frame"]:
                counts[outlet_of.get(row["document"], "?")][block_of_doc.get(row["document"], UNDATED)][row["frame"]] += 1
                totals[row["frame"]] += 1
        sets: dict[str, list[list[str]]] = defaultdict(list)  # per outlet, the frames each of its articles uses
        for document, frames in decided.items():
            sets[outlet_of.get(document, "?")].append(frames_used(frames))
        for outlet, used in sets.items():
            shares = article_shares(used)
            if shares:
                frame = min(shares, key=lambda f: (-shares[f]["share"], f))  # ties by name, as _ranked
                top = shares[frame]
                result.main_frames[outlet] = (frame, round(top["share"] * top["articles"]), int(top["articles"]), top["low"], top["high"])
        result.frame_names = [f for f, _ in _ranked(totals, FRAMES_SHOWN)]
        result.frame_shares = {
            outlet: {block: {f: n / sum(c.values()) for f, n in c.items()} for block, c in by_block.items()}
            for outlet, by_block in counts.items()
        }

    result.events = corpus.events()
    country_of = {d["id"]: d["country"] for d in docs}
    for event in result.events:
        for d in event["documents"]:
            result.coverage.setdefault(outlet_of.get(d, "?"), set()).add(event["event"])
        if event["n_documents"] >= BLINDSPOT_MIN_ARTICLES and len(set(event["outlets"])) >= 2:
            countries = {country_of.get(d) for d in event["documents"]}
            if len(event["languages"]) == 1:
                result.blindspots.append({**event, "only": f"language {event['languages'][0]}"})
            elif len(countries) == 1 and None not in countries:
                result.blindspots.append({**event, "only": f"country {next(iter(countries))}"})

    for finding in store.read("findings", columns=["kind", "documents", "evidence"]):
        subject = outlet_of.get(finding["documents"][0], "?") if finding["documents"] else "?"
        if finding["kind"] == "omission":
            result.omissions[subject] += 1
        elif finding["kind"] == "loaded":
            words = result.loaded_words.setdefault(subject, Counter())
            for item in json.loads(finding["evidence"]):
                if item.get("document") == finding["documents"][0]:
                    words.update(item.get("words") or [])
    return result


# -- the terminal summary -----------------------------------------------------------------------------
def corpus_summary(corpus: Corpus, view: Overview | None = None) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    view = view or overview(corpus)
    dates = f"{view.first_date} to {view.last_date}" if view.first_date else "no dates"
    head = Text(f"{corpus.store.root}: {view.documents} articles, {len(view.outlets)} outlets, "
                f"{', '.join(f'{k} {v}' for k, v in _ranked(view.languages))}; {dates}"
                + (f" ({view.undated} undated)" if view.undated else "") + f"; {len(view.events)} events")
    events = Table(title="largest events", title_justify="left", expand=True, box=None, pad_edge=False)
    for name, options in (("event", {"no_wrap": True}), ("articles", {"justify": "right"}), ("outlets", {"justify": "right"}),
                          ("lang", {}), ("title", {"ratio": 1, "overflow": "ellipsis", "no_wrap": True})):
        events.add_column(name, **options)
    for e in view.events[:10]:
        events.add_row(e["event"], str(e["n_documents"]), str(len(e["outlets"])), ",".join(e["languages"]), e["title"] or "")
    outlets = Table(title="outlets", title_justify="left", expand=True, box=None, pad_edge=False)
    for name, options in (("outlet", {"ratio": 1, "overflow": "ellipsis", "no_wrap": True}), ("articles", {"justify": "right"}),
                          ("events", {"justify": "right"}), ("left out", {"justify": "right"}),
                          ("main frame, articles", {"no_wrap": True}),
                          ("loaded words", {"ratio": 1, "overflow": "ellipsis", "no_wrap": True})):
        outlets.add_column(name, **options)
    for o in view.outlets[:OUTLETS_SHOWN]:
        words = ", ".join(w for w, _ in _ranked(view.loaded_words.get(o, Counter()), 3))
        main = view.main_frames.get(o)
        # the frame most of the outlet's articles use, in how many of them, with the 95% interval of that share
        frame = f"{short_label(main[0])[:9].rstrip()} {main[1]}/{main[2]} {main[3] * 100:.0f}-{main[4]:.0%}" if main else ""
        outlets.add_row(o, str(view.articles_per_outlet[o]), str(len(view.coverage.get(o, ()))), str(view.omissions[o]), frame, words)
    parts: list = [head, Text(""), events, Text(""), outlets]
    if view.blindspots:
        parts += [Text(""), Text(f"blindspots (events of {BLINDSPOT_MIN_ARTICLES}+ articles that one language or country alone covers): "
                                 f"{len(view.blindspots)}")]
        parts += [Text(f"  {b['event']}  {b['only']}: {b['title'] or ''}", overflow="ellipsis", no_wrap=True) for b in view.blindspots[:5]]
    return Group(*parts)


# -- the HTML page --------------------------------------------------------------------------------------
def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _frame_chart(view: Overview) -> str:
    """Per outlet, one stacked bar per date block: the shares of the most used frames."""
    if not view.frame_names or not view.blocks:
        return "<p>No frames (the corpus was built with --no-frames) or no dated articles.</p>"
    colour = {f: PALETTE[i % len(PALETTE)] for i, f in enumerate(view.frame_names)}
    bar, gap, height, label_w = 14, 3, 60, 220
    width = label_w + len(view.blocks) * (bar + gap) + 10
    rows = []
    for k, outlet in enumerate(view.outlets[:OUTLETS_SHOWN]):
        y0 = k * (height + 12)
        parts = [f'<text x="0" y="{y0 + height / 2 + 4}" font-size="11">{_e(outlet[:34])}</text>']
        for b, block in enumerate(view.blocks):
            shares = view.frame_shares.get(outlet, {}).get(block)
            x = label_w + b * (bar + gap)
            if not shares:
                parts.append(f'<rect x="{x}" y="{y0 + height - 1}" width="{bar}" height="1" fill="#ddd"/>')
                continue
            top = y0 + height
            for f in view.frame_names:
                h = shares.get(f, 0.0) * height
                if h > 0:
                    top -= h
                    parts.append(f'<rect x="{x}" y="{top:.1f}" width="{bar}" height="{h:.1f}" fill="{colour[f]}">'
                                 f'<title>{_e(outlet)}, week of {block}: {_e(f)} {shares[f]:.0%}</title></rect>')
        rows.append("".join(parts))
    axis_y = len(rows) * (height + 12) + 4
    total_h = axis_y + 64
    step = max(1, -(-len(view.blocks) // 40))  # at most 40 week labels, each under its bar, slanted
    axis = "".join(f'<text transform="translate({label_w + b * (bar + gap) + 4},{axis_y}) rotate(60)" font-size="9">{_e(block)}</text>'
                   for b, block in enumerate(view.blocks) if b % step == 0)
    legend = " ".join(f'<span class="key" style="background:{colour[f]}"></span>{_e(f)}' for f in view.frame_names)
    return (f'<p class="legend">{legend} (share of each week\'s labelled sentences; other frames left white)</p>'
            f'<svg width="{width}" height="{total_h}" role="img" aria-label="frame shares per outlet over time">{"".join(rows)}{axis}</svg>')


def _coverage_matrix(view: Overview) -> str:
    events = view.events[:EVENTS_SHOWN]
    outlets = view.outlets[:OUTLETS_SHOWN]
    if not events:
        return "<p>No events.</p>"
    cell, label_w, head_h = 14, 220, 90
    width, height = label_w + len(events) * cell + 10, head_h + len(outlets) * cell + 10
    parts = []
    for j, e in enumerate(events):
        x = label_w + j * cell + cell / 2
        parts.append(f'<text transform="translate({x + 4},{head_h - 4}) rotate(-60)" font-size="9">{_e(e["event"])}</text>')
    for i, o in enumerate(outlets):
        y = head_h + i * cell
        parts.append(f'<text x="0" y="{y + cell - 3}" font-size="11">{_e(o[:34])}</text>')
        for j, e in enumerate(events):
            covered = e["event"] in view.coverage.get(o, ())
            parts.append(f'<rect x="{label_w + j * cell}" y="{y}" width="{cell - 1}" height="{cell - 1}" '
                         f'fill="{"#4e79a7" if covered else "#eee"}"><title>{_e(o)} {"covers" if covered else "does not cover"} '
                         f'{_e(e["event"])}: {_e(e["title"] or "")}</title></rect>')
    return f'<svg width="{width}" height="{height}" role="img" aria-label="outlets by events">{"".join(parts)}</svg>'


def _outlet_bars(view: Overview) -> str:
    outlets = view.outlets[:OUTLETS_SHOWN]
    most = max([view.omissions[o] for o in outlets] + [1])
    rows = []
    for o in outlets:
        words = ", ".join(f"{w} ({n})" for w, n in _ranked(view.loaded_words.get(o, Counter()), 5)) or "none found"
        width = 200 * view.omissions[o] / most
        rows.append(f'<tr><td>{_e(o)}</td><td>{view.articles_per_outlet[o]}</td><td><svg width="210" height="12">'
                    f'<rect width="{width:.0f}" height="12" fill="#e15759"/></svg> {view.omissions[o]}</td><td>{_e(words)}</td></tr>')
    return ("<table><tr><th>outlet</th><th>articles</th><th>claims left out that most others report</th><th>loaded words</th></tr>"
            + "".join(rows) + "</table>")


def _blindspots(view: Overview) -> str:
    if not view.blindspots:
        return f"<p>None: every event of {BLINDSPOT_MIN_ARTICLES} or more articles is covered in more than one language and country.</p>"
    rows = "".join(f'<tr><td>{_e(b["event"])}</td><td>{_e(b["only"])}</td><td>{b["n_documents"]}</td>'
                   f'<td>{_e(", ".join(b["outlets"]))}</td><td>{_e(b["title"] or "")}</td></tr>' for b in view.blindspots)
    return "<table><tr><th>event</th><th>only</th><th>articles</th><th>outlets</th><th>title</th></tr>" + rows + "</table>"


def corpus_page(corpus: Corpus, view: Overview | None = None) -> str:
    """One standalone HTML page (no script, no web font, inline SVG)."""
    view = view or overview(corpus)
    dates = f"{view.first_date} to {view.last_date}" if view.first_date else "no dates"
    languages = ", ".join(f"{k} {v}" for k, v in _ranked(view.languages))
    events = "".join(f'<tr><td>{_e(e["event"])}</td><td>{e["first_date"] or "undated"}</td><td>{e["n_documents"]}</td>'
                     f'<td>{len(e["outlets"])}</td><td>{_e(", ".join(e["languages"]))}</td><td>{_e(e["title"] or "")}</td></tr>'
                     for e in view.events[:EVENTS_SHOWN])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>framing corpus: {_e(corpus.store.root.name)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5em; color: #222; max-width: 1200px; }}
table {{ border-collapse: collapse; margin: .5em 0 1.5em; font-size: 13px; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }}
h2 {{ margin-top: 1.6em; border-bottom: 2px solid #4e79a7; }}
.legend {{ font-size: 12px; }} .key {{ display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 10px; }}
svg text {{ font-family: system-ui, sans-serif; }}
</style></head><body>
<h1>Corpus {_e(corpus.store.root.name)}</h1>
<p>{view.documents} articles from {len(view.outlets)} outlets ({_e(languages)}), {dates}{f", {view.undated} undated" if view.undated else ""};
{len(view.events)} events found in {corpus.settings["window_days"]}-day blocks.</p>
<h2>Frames per outlet over time</h2>{_frame_chart(view)}
<h2>Coverage: outlets by events</h2><p>The {min(EVENTS_SHOWN, len(view.events))} largest events (columns) and the
{min(OUTLETS_SHOWN, len(view.outlets))} largest outlets (rows); a filled cell: the outlet has an article in the event.</p>{_coverage_matrix(view)}
<h2>Omissions and loaded words per outlet</h2>{_outlet_bars(view)}
<h2>Blindspots</h2><p>Events of {BLINDSPOT_MIN_ARTICLES} or more articles from two or more outlets that only one language's (or one
country's) outlets cover.</p>{_blindspots(view)}
<h2>Largest events</h2><table><tr><th>event</th><th>first date</th><th>articles</th><th>outlets</th><th>languages</th>
<th>title</th></tr>{events}</table>
<p>Any event in full: <code>framing compare --from {_e(corpus.store.root)} --event ID</code>.</p>
</body></html>
"""
