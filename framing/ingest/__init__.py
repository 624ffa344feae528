"""Stage 1, ingest: input paths or texts -> :class:`Document` objects with sentences and metadata.

``reading`` decodes files and pages, ``boilerplate`` removes (and lists) clutter, ``segment`` splits
sentences, ``metadata`` finds outlet, date and language, ``langid`` detects languages, ``documents``
holds the types, and ``build`` puts them together (``load_documents``, ``documents_from_texts``).
"""

from .build import IngestResult, build_document, documents_from_texts, load_documents
from .documents import Document, InputError, Sentence, Span, outlet_names
from .reading import RawText, expand_inputs, read_text
from .segment import split_sentences

__all__ = [
    "Document",
    "IngestResult",
    "InputError",
    "RawText",
    "Sentence",
    "Span",
    "build_document",
    "documents_from_texts",
    "expand_inputs",
    "load_documents",
    "outlet_names",
    "read_text",
    "split_sentences",
]
