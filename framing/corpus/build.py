"""``build_corpus``: inputs -> a corpus folder, incrementally and resumably.

1. articles already in the folder are skipped (by id); the new ones go through the engine's
   article workers (clean, embed, label) and land as table parts, each written whole;
2. every window whose articles differ from what its last grouping saw is grouped again;
3. :func:`~framing.corpus.windows.resolve` keeps each article in one event, across all windows;
4. windows whose kept events changed are aligned again (claims, differences, findings).

An interrupted run leaves whole files; the next run finds what is missing in 2 and 4 by comparing,
not by trusting a log, so nothing written is redone and nothing half-done is kept.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import chain
from pathlib import Path

from ..ingest import InputError
from ..match import GroupingParams
from .engine import Engine, make_engine
from .prepare import Settings, make_model_files
from .sources import Article, count_articles, read_articles
from .store import CorpusError, CorpusStore, NoUsableInput, read_json, write_json
from .windows import DEFAULT_DAYS, UNDATED, resolve, window_blocks, windows_of

log = logging.getLogger(__name__)

# What a corpus is built with: adding articles with other settings would mix incomparable vectors.
FIXED_SETTINGS = ("encoder", "frames", "labels", "classifier", "window_days", "grouping")


@dataclass
class BuildReport:
    """What one ``framing corpus`` run did."""

    root: str
    added: int = 0
    skipped_known: int = 0
    changed_known: list[str] = field(default_factory=list)  # ids already stored whose text now differs (kept as stored)
    errors: list[InputError] = field(default_factory=list)
    windows_grouped: int = 0
    windows_aligned: int = 0
    events: int = 0
    documents: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def _settings_for(store: CorpusStore, given: Settings) -> Settings:
    if not store.exists():
        return given
    stored = store.manifest()["settings"]
    for name in FIXED_SETTINGS:
        if stored.get(name) != getattr(given, name):
            raise CorpusError(f"{store.root} was built with {name} = {stored.get(name)!r}, not {getattr(given, name)!r}: "
                              "add articles with the same settings, or build a new corpus (another --out)")
    return given


def _fingerprint(ids: Sequence[str]) -> str:
    return hashlib.sha1("\n".join(sorted(ids)).encode()).hexdigest()


def build_corpus(
    inputs: Sequence[str],
    out: str | Path,
    engine: Engine | str = "local",
    address: str | None = None,
    workers: int | None = None,
    encoder: str | None = None,
    frames: bool = True,
    labels: str | None = None,
    classifier: str | None = None,
    signals: str | None = None,
    window_days: int = DEFAULT_DAYS,
    grouping: GroupingParams | None = None,
    on_stage: Callable[[str, int | None], None] | None = None,
    on_advance: Callable[[int], None] | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> BuildReport:
    """Add ``inputs`` (files, folders, JSONL/CSV/Parquet exports) to the corpus folder ``out``.

    ``on_stage(name, total)`` announces a stage (total = units of work, when known), ``on_advance(n)``
    reports n more units done, ``on_error`` each input that could not be used.
    """
    store = CorpusStore(out)
    defaults = GroupingParams()
    changed = {k: v for k, v in asdict(grouping or defaults).items() if v != getattr(defaults, k)}
    settings = _settings_for(store, Settings(root=str(Path(out)), encoder=encoder, frames=frames, labels=labels,
                                             classifier=classifier, signals=signals, window_days=window_days, grouping=changed))
    report = BuildReport(root=str(out))
    stage = on_stage or (lambda name, total: None)
    advance = on_advance or (lambda n: None)
    t0 = time.perf_counter()
    known = store.document_ids()
    stage("reading", None)
    total = count_articles(list(inputs))  # for progress: every row and file, known ones included
    seen: set[str] = set()
    skipped_early = 0

    def fresh_rows() -> Iterator[dict]:
        """New articles as rows, streamed: the engine takes them in chunks, so no run holds a whole export."""
        nonlocal skipped_early
        for item in read_articles(list(inputs)):
            if isinstance(item, InputError):
                report.errors.append(item)
                if on_error:
                    on_error(item)
            elif item.doc_id in known or item.doc_id in seen:
                report.skipped_known += 1
                if item.doc_id in known and known[item.doc_id] != hashlib.sha1(item.raw.text.encode("utf-8")).hexdigest():
                    report.changed_known.append(item.doc_id)
            else:
                seen.add(item.doc_id)
                yield item.to_row()
                continue
            if seen:  # the progress bar is up once the first new article is found; before, count
                advance(1)
            else:
                skipped_early += 1

    rows = fresh_rows()
    first = next(rows, None)
    report.timings["read"] = time.perf_counter() - t0
    if first is None and not store.exists():  # nothing to build: no folder is made
        raise NoUsableInput(f"no usable article in {', '.join(map(str, inputs)) or 'the inputs'}; {out} was not created")

    runner = make_engine(engine, address, workers) if isinstance(engine, str) else engine
    manifest = store.manifest() if store.exists() else {"created": time.strftime("%Y-%m-%dT%H:%M:%S")}
    store.write_manifest({**manifest, "settings": {k: v for k, v in asdict(settings).items() if k != "root"},
                          "engine_last_used": runner.name})
    try:
        t0 = time.perf_counter()
        if first is not None:
            make_model_files(settings)  # once, here: parallel workers would all convert the bundled model at once
        stage("articles", total)
        advance(skipped_early)
        for status in runner.prepare(chain([first], rows) if first is not None else [], settings):
            if status["error"]:
                error = InputError(status["doc_id"], status["error"].split(": ", 1)[-1])
                report.errors.append(error)
                if on_error:
                    on_error(error)
            else:
                report.added += 1
            advance(1)
        report.timings["articles"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        blocks: dict[str, str] = {}  # every stored document -> the date block its part sits in
        for block in store.blocks():
            for row in store.read("documents", [block], columns=["id"]):
                blocks[row["id"]] = block
        report.documents = len(blocks)
        by_window: dict[str, list[str]] = {}
        for window in windows_of(set(blocks.values()), window_days):
            held = set(window_blocks(window, window_days))
            by_window[window] = sorted(d for d, b in blocks.items() if b in held)
        groups: dict[str, list[list[str]]] = {}  # only the groups stay in memory; evidence is read back per window
        regroup = []
        for window, ids in by_window.items():
            path = store.state_path(window)
            state = read_json(path) if path.is_file() else None
            if state is None or state.get("fingerprint") != _fingerprint(ids):
                regroup.append(window)
            else:
                groups[window] = state["groups"]
        stage("grouping", len(regroup))
        for found in runner.map_windows("group", [(w,) for w in regroup], settings):
            found["fingerprint"] = _fingerprint(found["documents"])
            write_json(store.state_path(found["window"]), found)
            groups[found["window"]] = found["groups"]
            advance(1)
        report.windows_grouped = len(regroup)
        report.timings["group"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        kept = resolve(groups, blocks)
        final: dict[str, list[dict]] = {}
        event_of: dict[str, str] = {}
        for window, groups in kept.items():
            for number, members in enumerate(sorted(groups, key=lambda m: (-len(m), min(m))), start=1):
                event_id = f"{window}.e{number}"
                event_of.update((d, event_id) for d in members)
                final.setdefault(window, []).append({"id": event_id, "documents": sorted(members)})
        realign = []
        for window in by_window:
            wanted = [(e["id"], e["documents"]) for e in final.get(window, [])]
            stored = store.read("events", [window], columns=["event", "documents"])
            if sorted((r["event"], list(r["documents"])) for r in stored) != sorted(wanted) or not _all_tables(store, window, wanted):
                realign.append(window)
        for window in realign:  # the grouping's evidence, for the events about to be written
            state = read_json(store.state_path(window))
            evidence_by_doc = {d: evidence for members, evidence in zip(state["groups"], state["evidence"]) for d in members}
            for event in final.get(window, []):
                event["evidence"] = _evidence_for(evidence_by_doc[event["documents"][0]], set(event["documents"]), event_of)
        stale = {p.name.split("=", 1)[1].removesuffix(".parquet") for p in (store.root / "events").glob("window=*.parquet")} - set(by_window)
        for window in stale:  # a window that holds no articles any more
            store.write_window_tables(window, [], [], [])
        stage("aligning", len(realign))
        items = [(w, final.get(w, [])) for w in realign]
        for (window, _), (event_rows, cluster_rows, finding_rows) in zip(items, runner.map_windows("align", items, settings)):
            store.write_window_tables(window, event_rows, cluster_rows, finding_rows)
            advance(1)
        report.windows_aligned = len(realign)
        report.events = sum(len(v) for v in final.values())
        report.timings["align"] = time.perf_counter() - t0
    finally:
        runner.close()
    store.write_manifest({**store.manifest(), "documents": report.documents, "events": report.events,
                          "updated": time.strftime("%Y-%m-%dT%H:%M:%S"), "undated_window": UNDATED})
    return report


def _all_tables(store: CorpusStore, window: str, wanted: list) -> bool:
    """An empty window needs no files; one with events needs its events file (clusters may be empty)."""
    return not wanted or (store.root / "events" / f"window={window}.parquet").is_file()


def _evidence_for(evidence: dict, members: set[str], event_of: dict[str, str]) -> dict:
    """A window grouping's evidence, kept to the pairs that touch this event, with final event ids."""
    pairs = []
    for pair in evidence.get("pairs", []):
        inside = (pair["a"] in members) + (pair["b"] in members)
        if inside == 2 and "other_event" not in pair:
            pairs.append(pair)
        elif inside == 1:
            other = pair["b"] if pair["a"] in members else pair["a"]
            pairs.append({**pair, "linked": False, "other_event": event_of.get(other, "?")})
    return {**evidence, "pairs": pairs}


__all__ = ["Article", "BuildReport", "build_corpus"]
