"""framing: compare how news outlets in different languages cover the same event.

The package is laid out as its pipeline (README.md, "Architecture"): ``ingest`` -> ``embed`` -> ``match``
-> ``frames`` -> ``findings`` -> ``result`` -> ``render``; ``pipeline`` runs them, ``cli`` is the command.

    import framing
    result = framing.compare(["seeds/"])
    result.events, result.clusters, result.to_pandas()
    framing.label(texts=["Войска стягиваются к границе."]).to_list()

Nothing heavy loads at import; models load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["compare", "label", "open"]

if TYPE_CHECKING:
    from .corpus import open_corpus as open
    from .frames import label
    from .pipeline import compare


def __getattr__(name: str) -> Any:
    if name == "compare":
        from .pipeline import compare

        return compare
    if name == "label":
        from .frames import label

        return label
    if name == "open":  # framing.open(DIR): a corpus folder built by ``framing corpus``
        from .corpus import open_corpus

        return open_corpus
    raise AttributeError(name)
