"""A corpus, not a folder: ``framing corpus INPUT... --out DIR`` and ``framing.open(DIR)``.

Inputs (files, folders, JSONL/CSV/Parquet exports) -> :mod:`sources` (articles) -> an :mod:`engine`
(local or Ray) runs :mod:`prepare`'s workers -> :mod:`store` (a Parquet dataset, partitioned by date
block) -> events per sliding date window (:mod:`windows`) -> :mod:`reader` gives back tables and
per-event results; :mod:`page` draws the corpus page and the terminal summary.
"""

from .build import BuildReport, build_corpus
from .reader import Corpus, open_corpus
from .store import CorpusError, NoUsableInput

__all__ = ["BuildReport", "Corpus", "CorpusError", "NoUsableInput", "build_corpus", "open_corpus"]
