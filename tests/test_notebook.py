"""The example notebook (tests/notebooks/seeds.ipynb) runs top to bottom on the real bundled model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

NOTEBOOK = Path(__file__).parent / "notebooks" / "seeds.ipynb"


def test_example_notebook_runs_top_to_bottom(model_cache, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(model_cache))  # the kernel inherits it
    monkeypatch.setenv("OMP_NUM_THREADS", os.environ.get("OMP_NUM_THREADS", "2"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    def shown(cell: int) -> dict:
        # The cell's displayed value; a first run may also print the model conversion's messages.
        return next(o for o in notebook.cells[cell].outputs if o.output_type in ("execute_result", "display_data"))["data"]

    first = shown(1)["text/plain"]
    assert "'000', '001', '002'" in first  # the three Brussels articles form one event
    html = shown(3)["text/html"]
    assert "not reported" in html
    import ast

    sizes = ast.literal_eval(shown(len(notebook.cells) - 2)["text/plain"])
    assert max(sizes) == 2  # the English and Russian sentences line up across the two texts
