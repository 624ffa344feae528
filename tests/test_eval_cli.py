"""The eval commands as a user meets them: one clear line when the reference data is missing, and
``eval.all`` writing a report with the commit, the CPU and each command's output. No model, no network."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from eval import all as eval_all
from eval.common import cpu_description, missing_data, require_data

from .conftest import ROOT


def run_module(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize(
    ("module", "dataset"),
    [
        ("eval.many_outlets", "NTREX-128"),
        ("eval.ntrex_bench", "NTREX-128"),
        ("eval.flores_retrieval", "SIB-200"),
        ("eval.sib200_zero_shot", "SIB-200"),
        ("eval.perf_bench", "SIB-200"),
        ("eval.corpus_bench", "NTREX-128"),
        ("eval.sentence_language", "SIB-200"),
        ("eval.frame_invariance", "SIB-200"),
        ("eval.ntrex_frames", "NTREX-128"),
        ("eval.entity_differences", "NTREX-128"),
    ],
)
def test_a_missing_data_folder_gives_one_line_and_status_2(tmp_path: Path, module: str, dataset: str) -> None:
    done = run_module(module, "--data", str(tmp_path))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    line = lines[0]
    assert line.startswith("error: ") and dataset in line and str(tmp_path) in line
    assert "--data DIR" in line and "FRAMING_DATA" in line and "../shared/data" in line


def test_an_incomplete_dataset_names_the_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ntrex").mkdir()
    (tmp_path / "ntrex" / "DOCUMENT_IDS.tsv").write_text("bbc.1\n", encoding="utf-8")
    problem = missing_data(tmp_path, "ntrex")
    assert problem is not None and "lacks newstest2019-src.eng.txt" in problem and "DOCUMENT_IDS.tsv" not in problem.split(":")[0]
    with pytest.raises(SystemExit) as stopped:
        require_data(tmp_path, "ntrex", "sib200")
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "NTREX-128 under" in err and "no SIB-200 under" in err


def test_complete_data_passes_the_check(tmp_path: Path) -> None:
    ntrex = tmp_path / "ntrex"
    ntrex.mkdir()
    for name in ("DOCUMENT_IDS.tsv", "newstest2019-src.eng.txt", "newstest2019-ref.rus.txt", "newstest2019-ref.ukr.txt",
                 "newstest2019-ref.bul.txt"):
        (ntrex / name).write_text("", encoding="utf-8")
    assert missing_data(tmp_path, "ntrex") is None and require_data(tmp_path, "ntrex") == tmp_path
    assert missing_data(tmp_path, "sib200") is not None


def test_every_eval_command_that_reads_the_data_folder_checks_it() -> None:
    for path in sorted((ROOT / "eval").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        if path.name not in ("common.py", "all.py") and "data_dir(" in source:  # eval.all leaves the check to each command
            assert "require_data(" in source, f"{path.name} reads data_dir() without require_data()"


def test_the_command_table_names_real_modules_and_options() -> None:
    names = [c.name for c in eval_all.COMMANDS]
    assert len(names) == len(set(names))
    modules = {c.module for c in eval_all.COMMANDS}
    for expected in ("many_outlets", "real_piles", "seed_alignment", "ntrex_bench", "group_scaling", "flores_retrieval",
                     "sib200_zero_shot", "seed_frames", "perf_bench"):
        assert f"eval.{expected}" in modules
    seeds = {c.args[:2] for c in eval_all.COMMANDS if c.module == "eval.many_outlets"}
    from eval.many_outlets import HELD_OUT_SEEDS, LARGE_SEEDS, TUNING_SEEDS

    assert seeds == {("--seeds", ",".join(map(str, s))) for s in (HELD_OUT_SEEDS, TUNING_SEEDS, LARGE_SEEDS)}
    assert not set(HELD_OUT_SEEDS) & set(TUNING_SEEDS) and not set(LARGE_SEEDS) & set(TUNING_SEEDS)
    for command in eval_all.COMMANDS:
        source = (ROOT / Path(*command.module.split("."))).with_suffix(".py").read_text(encoding="utf-8")
        for option in (a for a in command.args if a.startswith("--")):
            assert f'add_argument("{option}"' in source, f"{command.module} has no option {option}"


def test_only_selects_by_entry_or_module_name_and_refuses_unknown_names() -> None:
    assert [c.name for c in eval_all.select(eval_all.COMMANDS, "many_outlets")] == ["many_outlets_held_out", "many_outlets_tuning",
                                                                                   "many_outlets_gold_events", "many_outlets_large"]
    assert [c.name for c in eval_all.select(eval_all.COMMANDS, "perf_bench,many_outlets_tuning")] == ["many_outlets_tuning", "perf_bench"]
    with pytest.raises(SystemExit) as stopped:
        eval_all.select(eval_all.COMMANDS, "no_such_bench")
    assert stopped.value.code == 2


def test_eval_all_writes_a_report_with_commit_cpu_and_output(tmp_path: Path) -> None:
    done = run_module("eval.all", "--only", "align_speed", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.strip().splitlines()[-1])
    assert path.parent == tmp_path and re.fullmatch(r"report-\d{4}-\d{2}-\d{2}\.md", path.name)
    text = path.read_text(encoding="utf-8")
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode == 0:
        assert f"**Commit**: {head.stdout.strip()}" in text
    assert f"**CPU**: {cpu_description()}" in text
    assert re.search(r"numpy \d", text) and "framing " in text
    assert "`python -m eval.align_speed`" in text and "eval.many_outlets" not in text
    # the command's table, verbatim inside a fence
    output = re.search(r"```text\n(.*?)\n```", text, re.S)
    assert output and output.group(1).startswith("articles x sentences | rows | align ms")
    assert "40 x 40" in output.group(1) and re.search(r"Wall time: \d+\.\d s; exit status 0", text)
    assert "[align_speed] [eval +" in done.stderr  # progress passed through on stderr


def test_a_failing_command_is_recorded_and_the_run_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "no-data"
    empty.mkdir()
    table = (
        eval_all.EvalCommand("broken", "eval.many_outlets", ("--data", str(empty))),
        eval_all.EvalCommand("listing", "eval.all", ("--list",)),
    )
    out = tmp_path / "reports"
    assert eval_all.main(["--out", str(out)], commands=table) == 1
    first = Path(capsys.readouterr().out.strip())
    text = first.read_text(encoding="utf-8")
    assert "| broken |" in text and "**failed** (exit 2)" in text and "error: no NTREX-128 under" in text
    assert "many_outlets_held_out" in text.split("## listing", 1)[1]  # the second command still ran
    assert "1 failed" in text
    assert eval_all.main(["--out", str(out), "--only", "listing"], commands=table) == 0
    second = Path(capsys.readouterr().out.strip())
    assert second != first and second.name.endswith("-2.md") and first.exists()


def test_fences_outgrow_backticks_in_the_output() -> None:
    block = eval_all.fenced("a ``` b")
    assert block.startswith("````text\n") and block.endswith("\n````")


def test_entity_differences_counts_names_one_side_of_a_translation_lacks() -> None:
    from eval.entity_differences import name_differences

    same = {"en": ["Scholz met Merz in Berlin on Monday."], "ru": ["Шольц встретился с Мерцем в Берлине в понедельник."],
            "uk": ["Шольц зустрівся з Мерцом у Берліні в понеділок."], "bg": ["Шолц се срещна с Мерц в Берлин в понеделник."]}
    counts, names = name_differences(same, held_out=set())
    assert sum(found for _, found in counts.values()) == 0 and counts["en-ru"] == (1, 0)
    missing = {**same, "bg": ["Шолц се срещна с Мерц в понеделник."]}
    counts, names = name_differences(missing, held_out={0})
    assert names == {"Berlin": 1, "Берліні": 1, "Берлине": 1} and counts["uk-bg"] == (1, 1)
    # the one line pair is held out: the halves' rows count it there
    assert counts["all, held-out half"] == (6, 3) and counts["all, tuning half"] == (0, 0)
