"""Stage 7, render: views of a :class:`~framing.result.ComparisonResult`; they read results, never compute stages.

``views`` is what every report shows (Rich-free), ``terminal`` the Rich report and ``framing label``'s
table, ``html`` and ``markdown`` the same report as files, ``json_contract`` the versioned JSON,
``tables`` pandas frames, ``files`` atomic writes. Importing this package registers the result's
``to_dict``/``to_pandas``/Rich/Jupyter views; Rich itself loads only when a terminal view is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..result import ComparisonResult, register_view
from .files import OutputPathError, check_writable, write_atomic
from .html import to_html
from .json_contract import SCHEMA_VERSION, to_dict, to_json
from .markdown import to_markdown
from .tables import to_pandas
from .views import ClaimCounts, EventView, SelectionError, check_selection, claim_counts, event_views

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..frames import LabelResult

__all__ = [
    "SCHEMA_VERSION",
    "ClaimCounts",
    "EventView",
    "OutputPathError",
    "SelectionError",
    "check_selection",
    "check_writable",
    "claim_counts",
    "event_views",
    "label_table",
    "render",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
    "to_pandas",
    "write_atomic",
]


def render(result: ComparisonResult, width: int | None = None, **selection: Any) -> RenderableType:
    """The terminal report as a Rich renderable (see :func:`framing.render.terminal.render`)."""
    from .terminal import render as render_terminal

    return render_terminal(result, width=width, **selection)


def label_table(result: LabelResult, top: int = 3) -> RenderableType:
    """``framing label``'s terminal table."""
    from .terminal import label_table as table

    return table(result, top)


register_view("dict", to_dict)
register_view("pandas", to_pandas)
register_view("rich", render)
register_view("html", lambda result: to_html(result, standalone=False))
