"""Claim counts, hand-counted, under every filter (--event, --outlets, --only-differences) in every output."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from rich.console import Console

from framing.ingest.documents import Document, Sentence
from framing.match.events import Event
from framing.render import SelectionError, event_views, render, to_dict, to_html, to_markdown
from framing.result import Cluster, ClusterMember, ComparisonResult


def _doc(doc_id: str, outlet: str, n: int) -> Document:
    sentences = [Sentence(i, f"{outlet} sentence {i}.", 0, 0) for i in range(n)]
    return Document(doc_id, f"{doc_id}.txt", " ".join(s.text for s in sentences), None, "en", None, outlet, sentences=sentences)


def _cluster(cid: str, event: str, members: list[tuple[str, int]], differences: bool = False) -> Cluster:
    return Cluster(cid, event, [ClusterMember(d, s, 0.2) for d, s in members], [{"kind": "number"}] if differences else [])


@pytest.fixture
def result() -> ComparisonResult:
    """Event e1: outlets Alpha (a), Beta (b), Gamma (g); event e2: Delta (d) alone.

    e1's claims: c1 a+b+g; c2 a+b (differences); c3 a+g; c4 a; c5 b; c6 g.
    e2's claims: c7 d; c8 d.
    """
    docs = [_doc("a01", "Alpha", 4), _doc("b02", "Beta", 3), _doc("g03", "Gamma", 3), _doc("d04", "Delta", 2)]
    clusters = [
        _cluster("e1.c1", "e1", [("a01", 0), ("b02", 0), ("g03", 0)]),
        _cluster("e1.c2", "e1", [("a01", 1), ("b02", 1)], differences=True),
        _cluster("e1.c3", "e1", [("a01", 2), ("g03", 1)]),
        _cluster("e1.c4", "e1", [("a01", 3)]),
        _cluster("e1.c5", "e1", [("b02", 2)]),
        _cluster("e1.c6", "e1", [("g03", 2)]),
        _cluster("e2.c7", "e2", [("d04", 0)]),
        _cluster("e2.c8", "e2", [("d04", 1)]),
    ]
    events = [Event("e1", ["a01", "b02", "g03"]), Event("e2", ["d04"])]
    return ComparisonResult(docs, events, clusters)


# (selection, only_differences) -> per shown event: (claims, outlets, by_all, by_some, by_one), counted by hand
CASES = [
    ({}, False, {"e1": (6, 3, 1, 2, 3), "e2": (2, 1, 0, 0, 2)}),
    ({"events": ["e2"]}, False, {"e2": (2, 1, 0, 0, 2)}),
    # Alpha and Beta shown: c1 and c2 are by both; c3 and c4 by Alpha alone, c5 by Beta alone; c6 hidden
    ({"outlets": ["Alpha", "b02"]}, False, {"e1": (5, 2, 2, 0, 3)}),
    ({"outlets": ["gam"]}, False, {"e1": (3, 1, 0, 0, 3)}),
    # differing or left out by a shown outlet: c2 (differences), c3, c4, c5, c6; a lone outlet has neither
    ({}, True, {"e1": (5, 3, 0, 2, 3), "e2": (0, 1, 0, 0, 0)}),
    ({"outlets": ["Alpha", "Beta"]}, True, {"e1": (4, 2, 1, 0, 3)}),
]


@pytest.mark.parametrize(("selection", "only_differences", "expected"), CASES)
def test_counts_match_hand_counts(result: ComparisonResult, selection: dict, only_differences: bool, expected: dict) -> None:
    views = event_views(result, only_differences=only_differences, **selection)
    got = {v.event.id: (v.counts.claims, v.counts.outlets, v.counts.by_all, v.counts.by_some, v.counts.by_one) for v in views}
    assert got == expected


def _summaries(text: str) -> list[str]:
    return re.findall(r"claims: \d+[^\n<.]*", text, flags=re.IGNORECASE)


@pytest.mark.parametrize(("selection", "only_differences", "expected"), CASES)
def test_every_report_prints_the_same_counts(result: ComparisonResult, selection: dict, only_differences: bool, expected: dict) -> None:
    def line(claims: int, outlets: int, by_all: int, by_some: int, by_one: int) -> str:
        if outlets < 2:
            return f"claims: {claims} (one outlet)"
        return f"claims: {claims}; shared by all {outlets}: {by_all}; by some: {by_some}; by one outlet only: {by_one}"

    wanted = [line(*counts) for counts in expected.values()]
    console = Console(width=200, record=True, color_system=None)
    console.print(render(result, width=200, only_differences=only_differences, **selection))
    assert _summaries(console.export_text()) == wanted
    if not only_differences:  # the files have no --only-differences
        assert _summaries(to_html(result, **selection)) == wanted
        assert [s.lower() for s in _summaries(to_markdown(result, **selection))] == wanted


def test_row_labels_count_only_the_outlets_shown(result: ComparisonResult) -> None:
    markdown = to_markdown(result, outlets=["Alpha", "Beta"])
    rows = [line.split("|")[1].strip() for line in markdown.splitlines() if re.match(r"\| c\d", line)]
    assert rows == ["c1 (2/2)", "c2 (2/2)"]  # claims one shown outlet alone reports are listed under it
    # two of the event's three outlets shown: "only in" is among those shown (the third may report it)
    assert "**Only in Alpha of the 2 shown (2)**" in markdown and "**Only in Beta of the 2 shown (1)**" in markdown
    assert "Only in Alpha of the 2 shown (2)" in to_html(result, outlets=["Alpha", "Beta"])
    assert "- c3: Alpha sentence 2." in markdown and "- c5: Beta sentence 2." in markdown
    console = Console(width=120, record=True, color_system=None)
    console.print(render(result, width=120, outlets=["Alpha", "Beta"], view="coverage"))
    text = console.export_text()
    assert "c1 2/2" in text and "c2 2/2" in text and "3/2" not in text
    console = Console(width=120, record=True, color_system=None)
    console.print(render(result, width=120, outlets=["Alpha", "Beta"], view="columns"))
    assert "only in Alpha of the 2 shown (2):" in console.export_text()


def test_json_counts_are_the_full_events(result: ComparisonResult) -> None:
    events = {e["id"]: e["counts"] for e in to_dict(result)["events"]}
    assert events["e1"] == {"claims": 6, "outlets": 3, "by_all": 1, "by_some": 2, "by_one": 3}
    assert events["e2"] == {"claims": 2, "outlets": 1, "by_all": 0, "by_some": 0, "by_one": 2}


@pytest.mark.parametrize("selection", [{"outlets": ["nosuch"]}, {"events": ["e9"]}, {"events": ["e2"], "outlets": ["Alpha"]}])
def test_a_selection_that_matches_nothing_is_an_error(result: ComparisonResult, selection: dict) -> None:
    with pytest.raises(SelectionError):
        event_views(result, **selection)


def test_cli_unknown_outlet_is_one_line_and_writes_nothing(tmp_path, monkeypatch, result: ComparisonResult) -> None:
    import framing.pipeline
    from framing.cli import cli

    monkeypatch.setattr(framing.pipeline, "compare", lambda *args, **kwargs: result)
    out = tmp_path / "out.json"
    run = CliRunner().invoke(cli, ["compare", "x.txt", "--outlets", "nosuch", "--json", str(out), "-q"])
    assert run.exit_code == 1
    lines = [line for line in run.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "no outlet or document matches nosuch" in lines[0] and "Error" not in lines[0]
    assert not out.exists()
    ok = CliRunner().invoke(cli, ["compare", "x.txt", "--json", str(out), "-q"])
    assert ok.exit_code == 0 and json.loads(out.read_text())["events"][0]["counts"]["claims"] == 6


def test_cli_unwritable_output_fails_before_any_work(tmp_path, monkeypatch) -> None:
    import framing.pipeline
    from framing.cli import cli

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pipeline ran although the output cannot be written")

    monkeypatch.setattr(framing.pipeline, "compare", never)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for target in (blocker / "out.html", tmp_path):
        run = CliRunner().invoke(cli, ["compare", "x.txt", "--html", str(target)])
        assert run.exit_code == 1 and "Traceback" not in run.output
        assert len([line for line in run.output.splitlines() if line.strip()]) == 1


def test_a_model_name_not_on_disk_fails_in_seconds_with_one_line(tmp_path, monkeypatch) -> None:
    import time

    from framing.embed import ModelNotFoundError, require_model

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    start = time.perf_counter()
    with pytest.raises(ModelNotFoundError, match="not on disk and HF_HUB_OFFLINE is set"):
        require_model("someone/no-such-model", "encoder")
    with pytest.raises(ModelNotFoundError, match="no encoder folder"):
        require_model(str(tmp_path / "missing" / "model"), "encoder")
    assert time.perf_counter() - start < 2
    require_model(str(tmp_path), "encoder")  # a folder that exists is left to the loader


def test_the_seed_manifest_names_only_files_the_repository_has() -> None:
    import sys
    from pathlib import Path

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    manifest = (seeds / "manifest.toml").read_text(encoding="utf-8")
    files = [a["file"] for a in tomllib.loads(manifest)["article"]]
    assert files and all((seeds / f).is_file() for f in files)
    assert "../" not in manifest  # nothing outside the repository


def test_cli_progress_is_one_line_per_stage_when_stderr_is_not_a_terminal(monkeypatch, result: ComparisonResult) -> None:
    import framing.pipeline
    from framing.cli import cli

    def staged(*args: object, on_stage=None, **kwargs: object) -> ComparisonResult:  # noqa: ANN001
        for name in ("ingest", "embed", "group"):
            on_stage(name)
        return result

    monkeypatch.setattr(framing.pipeline, "compare", staged)
    run = CliRunner().invoke(cli, ["compare", "x.txt", "--width", "100"])
    assert run.exit_code == 0
    for label in ("reading articles…", "embedding sentences…", "grouping articles into events…"):
        assert label in run.output
