"""The package is laid out as its pipeline, and its imports go one way.

Every ``import`` statement in framing/ counts, at module level and inside functions alike; only
imports under ``if TYPE_CHECKING:`` are left out (they never run). Importing ``framing.a.b`` from
outside package ``framing.a`` also runs ``framing/a/__init__.py``, so that counts as an edge too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "framing"
# Stages left to right; a stage package may import only packages to its left (and itself).
STAGES = ["ingest", "embed", "match", "frames", "findings", "result", "render"]
TOP = {"pipeline", "cli", "corpus"}  # run the stages (corpus: over a long corpus); may import anything


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(n) for child in node.body for n in ast.walk(child)}
    return skipped


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The framing modules that running ``name`` can import, resolved to module or package names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_nodes(tree)
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            targets |= {alias.name for alias in node.names if alias.name.split(".")[0] == "framing"}
        elif isinstance(node, ast.ImportFrom):
            base = (here[: len(here) - node.level + 1] if node.level else []) + (node.module.split(".") if node.module else [])
            base_name = ".".join(base)
            if not base_name.startswith("framing"):
                continue
            for alias in node.names:
                sub = f"{base_name}.{alias.name}"
                targets.add(sub if sub in modules else base_name)
    edges = set()
    for target in targets:
        parts = target.split(".")
        # every package on the way is executed too, unless the importer lives inside it
        for i in range(2, len(parts) + 1):
            prefix = ".".join(parts[:i])
            if prefix in modules and not (name == prefix or name.startswith(prefix + ".")) or prefix == target:
                edges.add(prefix)
    edges.discard(name)
    return edges


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    colour: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        colour[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if colour.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if colour.get(nxt) is None and (found := visit(nxt)):
                return found
        stack.pop()
        colour[node] = 2
        return None

    for node in sorted(graph):
        if colour.get(node) is None and (found := visit(node)):
            return found
    return None


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "framing"


def test_no_import_circle_among_framing_modules():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_planted_circle():
    graph = import_graph()
    graph["framing.result"] = graph["framing.result"] | {"framing.render"}  # what a lazy `from .render import ...` in __rich__ would add
    assert find_cycle(graph) is not None


def test_stages_import_only_to_their_left():
    wrong = []
    for module, targets in import_graph().items():
        stage = stage_of(module)
        if stage not in STAGES:
            continue
        allowed = set(STAGES[: STAGES.index(stage) + 1])
        wrong += [f"{module} -> {t}" for t in sorted(targets) if stage_of(t) not in allowed]
    assert not wrong, "imports to the right: " + "; ".join(wrong)


def test_a_handful_of_modules_at_the_top_and_one_folder_per_stage():
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == ["__init__", "cli", "pipeline", "result"]
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert folders == sorted(set(STAGES) - {"result"} | {"corpus"})


def test_results_load_neither_rich_nor_torch():
    code = ("import sys, framing.result, framing.pipeline; "
            "print(sorted(m for m in ('rich', 'torch', 'onnxruntime', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
