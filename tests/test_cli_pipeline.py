from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rich.console import Console

from framing import pipeline
from framing.cli import cli
from framing.pipeline import compare
from framing.render import render

from .conftest import FAKE_THRESHOLD, SEEDS, FakeEncoder, fake_grouping


@pytest.fixture
def fake_model(monkeypatch):
    encoder = FakeEncoder()
    monkeypatch.setattr(pipeline, "resolve_encoder", lambda spec=None, on_progress=None: encoder)
    return encoder


def test_json_contract_refers_to_real_sentences(fake_model, tmp_path):
    out = tmp_path / "r.json"
    result = CliRunner().invoke(cli, ["compare", str(SEEDS), "--group-threshold", str(FAKE_THRESHOLD), "--json", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    ids = [d["id"] for d in data["documents"]]
    assert len(ids) == len(set(ids)) == 5
    sentences = {(d["id"], s["id"]) for d in data["documents"] for s in d["sentences"]}
    members = [(m["document"], m["sentence"]) for c in data["clusters"] for m in c["members"]]
    assert sorted(members) == sorted(sentences)  # every sentence in exactly one cluster
    for d in data["documents"]:
        assert d["path"].startswith(str(SEEDS))
        assert d["event"] in {e["id"] for e in data["events"]}
        text = (SEEDS / d["path"].rsplit("/", 1)[1]).read_text(encoding="utf-8")
        for s in d["sentences"]:
            assert " ".join(text[s["start"] : s["end"]].split()) == s["text"]
        for r in d["removed"]:
            assert text[r["start"] : r["end"]] == r["text"]
    assert {d["language"] for d in data["documents"]} == {"ru", "bg", "uk"}
    # Frames: every sentence has its labels best first, from the declared label set.
    names = set(data["labels"]["names"])
    assert len(names) == 14 and data["labels"]["classifier"].startswith("embedding-zero-shot")
    for d in data["documents"]:
        assert abs(sum(d["frames"].values()) - 1) < 1e-3 and set(d["frames"]) <= names
        # the article's frame set: frames that top its sentences (each a decided sentence's frame)
        decided = [s["frame"] for s in d["sentences"] if s["frame"]]
        assert set(d["frame_set"]) <= set(decided) and (not decided or d["frame_set"])
    for shares in data["outlet_frames"].values():
        for share in shares.values():
            assert 0 <= share["low"] <= share["share"] <= share["high"] <= 1 and share["articles"] >= 1
        for s in d["sentences"]:
            scores = [f["score"] for f in s["frames"]]
            assert scores == sorted(scores, reverse=True) and s["frames"][0]["label"] in names
            assert s["frame"] in (None, s["frames"][0]["label"]) and isinstance(s["attributed"], bool)
    for c in data["clusters"]:
        assert set(c["frames"]) == {m["document"] for m in c["members"]}


def test_markdown_export_and_unknown_event(fake_model, tmp_path):
    out = tmp_path / "r.md"
    result = CliRunner().invoke(cli, ["compare", str(SEEDS), "--group-threshold", str(FAKE_THRESHOLD), "--markdown", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    markdown = out.read_text(encoding="utf-8")
    assert markdown.count("## Event ") == 3 and "*— not reported —*" in markdown
    missing = CliRunner().invoke(cli, ["compare", str(SEEDS), "--group-threshold", str(FAKE_THRESHOLD), "--event", "e9", "--quiet"])
    assert missing.exit_code == 1 and "no event e9" in missing.output
    # --claims-in reaches the coverage grid: each claim the Bulgarian outlet (002, column C) tells is given in its words
    grids = {}
    for language in ("", "bg"):
        grid = tmp_path / f"grid{language}.md"
        asked = CliRunner().invoke(cli, ["compare", str(SEEDS), "--group-threshold", str(FAKE_THRESHOLD), "--view", "coverage",
                                         "--event", "e1", "--markdown", str(grid), "--quiet", *(["--claims-in", language] if language else [])])
        assert asked.exit_code == 0, asked.output
        grids[language] = [line for line in grid.read_text(encoding="utf-8").splitlines() if line[:3] == "| c" and line[3].isdigit()]
    told_by_c = [k for k, line in enumerate(grids["bg"]) if line.split("|")[4].strip() != "·"]
    assert told_by_c and all("**C**:" in grids["bg"][k] for k in told_by_c if "◐" not in grids["bg"][k].split("|")[4])
    assert sum("**C**:" in line for line in grids[""]) < sum("**C**:" in line for line in grids["bg"])


def test_bad_inputs_get_one_line_each_and_the_rest_goes_on(fake_model, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    runner = CliRunner()
    result = runner.invoke(cli, ["compare", str(SEEDS / "000_79bbd20387ac76b2.txt"), str(empty), str(binary),
                                 str(tmp_path / "missing.txt"), "--quiet", "--json", str(tmp_path / "some.json")])
    assert result.exit_code == 3  # done, but some inputs were skipped: a script sees it
    lines = [line for line in result.output.splitlines() if line.startswith("skipped")]
    assert len(lines) == 3 and "Traceback" not in result.output
    assert json.loads((tmp_path / "some.json").read_text())["documents"]  # the readable input was still compared
    assert runner.invoke(cli, ["compare", str(SEEDS / "000_79bbd20387ac76b2.txt"), "--quiet"]).exit_code == 0
    result = runner.invoke(cli, ["compare", str(empty), str(binary), "--json", str(tmp_path / "x.json")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "x.json").exists()  # nothing written half-way


def test_a_pdf_beside_the_articles_is_named_and_does_not_fail_the_run(fake_model, tmp_path):
    for seed in sorted(SEEDS.glob("00[01]_*.txt")):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
    result = CliRunner().invoke(cli, ["compare", str(tmp_path), "--quiet", "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output  # nothing asked for was skipped
    assert [line for line in result.output.splitlines() if line.startswith("not read")] == [
        f"not read {tmp_path / 'scan.pdf'}: a PDF file, which framing cannot read: save the article's text as a .txt file, "
        "or the page as .html (pdftotext makes one)"]
    written = json.loads((tmp_path / "r.json").read_text())
    assert [e["path"] for e in written["passed_over"]] == [str(tmp_path / "scan.pdf")] and len(written["documents"]) == 2


def test_second_run_embeds_nothing(fake_model):
    first = compare([str(SEEDS)], grouping=fake_grouping())
    second = compare([str(SEEDS)], grouping=fake_grouping())
    assert first.embedding_stats["computed"] > 0
    seen = first.embedding_stats["computed"] + first.embedding_stats["from_cache"]
    assert second.embedding_stats == {"computed": 0, "from_cache": seen}


def test_report_fits_80_and_160_columns(fake_model):
    result = compare([str(SEEDS)], grouping=fake_grouping())
    for width in (80, 160):
        console = Console(width=width, record=True, color_system=None)
        console.print(render(result, width=width))
        text = console.export_text()
        assert max(len(line) for line in text.splitlines()) <= width
        assert "not reported" in text or "e1" in text


def test_notebook_objects(fake_model):
    result = compare([str(SEEDS)], grouping=fake_grouping())
    frame = result.to_pandas()
    assert len(frame) == sum(len(d.sentences) for d in result.documents)
    assert {"document", "outlet", "language", "event", "cluster", "signals"} <= set(frame.columns)
    assert "<table>" in result._repr_html_()


def test_written_files_get_the_usual_permissions(tmp_path):
    import os

    from framing.render import write_atomic

    target = tmp_path / "out.json"
    write_atomic(target, "{}")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_result_repr_is_a_summary_not_the_articles(fake_model):
    result = compare([str(SEEDS)], grouping=fake_grouping())
    assert repr(result).startswith("ComparisonResult(5 documents, 3 events,") and len(repr(result)) < 120
    assert "Администрация" not in repr(result.documents[0])  # the article text stays out of the repr
