"""Snapshot tests: the seed report rendered with a fixed-width Console and the deterministic fake
encoder. Regenerate after an intended change with FRAMING_UPDATE_SNAPSHOTS=1 and review the diff."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from framing.pipeline import compare
from framing.render import render, to_html, to_json, to_markdown

from .conftest import SEEDS, FakeEncoder, fake_grouping

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture(scope="module")
def seed_result(tmp_path_factory):
    os.environ.setdefault("FRAMING_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    return compare([str(SEEDS)], encoder=FakeEncoder(), grouping=fake_grouping(), use_cache=False)


def rendered(result, width: int) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, legacy_windows=False).print(render(result, width=width))
    return buffer.getvalue()


@pytest.mark.parametrize("width", [80, 160])
def test_seed_report_matches_snapshot(seed_result, width):
    text = rendered(seed_result, width)
    assert all(len(line) <= width for line in text.splitlines())
    snapshot = SNAPSHOTS / f"seeds_{width}.txt"
    if os.environ.get("FRAMING_UPDATE_SNAPSHOTS") or not snapshot.exists():
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8")


def test_narrow_terminal_stacks_and_wide_terminal_uses_columns(seed_result):
    narrow, wide = rendered(seed_result, 80), rendered(seed_result, 160)
    assert "╭─ e1.c" in narrow and "┃ claim" not in narrow.split("event e2")[0]
    assert "┃ claim" in wide and "— not reported —" in wide
    assert "legend:" in narrow and "claims:" in narrow


def test_event_and_outlet_filters_narrow_every_report(seed_result):
    buffer = io.StringIO()
    Console(file=buffer, width=160, color_system=None).print(render(seed_result, events=["e1"], outlets=["000", "002"]))
    text = buffer.getvalue()
    assert "event e1" in text and "event e2" not in text
    assert "Общественная служба" not in text.split("set apart")[-1]
    # the header still lists the event's three documents, the two shown marked, and says so
    assert "shown below: 2 of 3 document(s), the ones marked (--outlets)" in text
    marked = [line.split()[1] for line in text.splitlines() if line.lstrip().startswith("• ")]
    assert len(marked) == 2 and all(m.startswith(("000", "002")) for m in marked)
    markdown = to_markdown(seed_result, events=["e2"])
    assert "## Event e2" in markdown and "## Event e1" not in markdown
    page = to_html(seed_result, outlets=["001"])
    assert "Общественная служба новостей" in page and "Bulgarian outlet" not in page


def test_html_is_standalone_with_legend_and_missing_cells(seed_result):
    page = to_html(seed_result)
    assert page.startswith("<!doctype html>") and "<style>" in page and "http" not in page.split("<body>")[0]
    assert "— not reported —" in page and "class='legend'" in page


@pytest.mark.skipif(__import__("shutil").which("chromium") is None, reason="Debian's chromium is not installed")
def test_html_opens_in_headless_chromium(seed_result, tmp_path):
    from eval.html_check import browse

    page = tmp_path / "report.html"
    page.write_text(to_html(seed_result), encoding="utf-8")
    dom = browse(page, tmp_path / "report.png", height=1200)
    assert dom.count("<table") >= 3 and 'class="missing"' in dom
    assert (tmp_path / "report.png").stat().st_size > 20_000  # a real page was drawn, not a blank one


@pytest.mark.parametrize("kind", ["json", "html", "md"])
def test_seed_exports_match_snapshot(kind, monkeypatch):
    """The JSON contract, HTML page and Markdown report byte for byte (input given as "seeds", as a user types it)."""
    monkeypatch.chdir(SEEDS.parent)
    result = compare(["seeds"], encoder=FakeEncoder(), grouping=fake_grouping(), use_cache=False)
    text = {"json": to_json, "html": to_html, "md": to_markdown}[kind](result)
    snapshot = SNAPSHOTS / f"seeds.{kind}"
    if os.environ.get("FRAMING_UPDATE_SNAPSHOTS") or not snapshot.exists():
        snapshot.write_text(text, encoding="utf-8")
    assert text == snapshot.read_text(encoding="utf-8")
