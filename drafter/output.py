"""Writing files safely: either the whole new file is in place, or nothing changed.

Every output goes to a temporary file in the target's own directory and is then renamed
(or, when an existing file must never be replaced, hard-linked) into place, so an
interrupted or failed write never leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """A file could not be written; the message is a plain sentence."""


def _permissions() -> int:
    """Read/write for everyone the umask allows, as a plain `open()` would create."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temporary_copy(path: Path, data: bytes) -> Path:
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError as error:
        raise OutputError(f"the folder {path.parent} does not exist") from error
    except PermissionError as error:
        raise OutputError(f"the folder {path.parent} is not writable") from error
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(stream.fileno(), _permissions())
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {path}: {error.strerror}") from error
        raise
    return temporary


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step."""
    temporary = _temporary_copy(path, data)
    try:
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror}") from error


def create_new(path: Path, data: bytes) -> None:
    """Write `path` with `data`, refusing to replace a file that already exists."""
    if path.exists():
        raise OutputError(f"{path} already exists; drafter never overwrites it")
    temporary = _temporary_copy(path, data)
    try:
        os.link(temporary, path)
    except FileExistsError as error:
        raise OutputError(f"{path} already exists; drafter never overwrites it") from error
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}") from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
