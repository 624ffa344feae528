"""Writing output files: atomically, with the user's usual permissions."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputPathError(OSError):
    """An output file that cannot be written (checked before the work, so no run is wasted)."""


def check_writable(path: str | Path) -> None:
    """Raise :class:`OutputPathError` unless ``path`` could be written: its folder exists (or can be made)
    and is writable, and the path is not a folder."""
    path = Path(path)
    if path.is_dir():
        raise OutputPathError(f"{path} is a folder, not a file")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputPathError(f"cannot write {path}: permission denied")
    folder = path.parent
    while not folder.exists():  # the nearest folder that exists must let us create the rest
        folder = folder.parent
    if not folder.is_dir():
        raise OutputPathError(f"cannot write {path}: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputPathError(f"cannot write {path}: no permission to write in {folder}")


def write_atomic(path: str | Path, content: str) -> None:
    """Write via a temporary file, so a failed run never leaves half a file behind."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    # mkstemp makes the file private (0600); the result should get the user's usual permissions.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
