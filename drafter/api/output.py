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
        # The target's name, cut so that a name near the file system's 255 bytes still fits.
        prefix = f".{path.name[:100]}."
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    except FileNotFoundError as error:
        raise OutputError(f"the folder {path.parent} does not exist") from error
    except PermissionError as error:
        raise OutputError(f"the folder {path.parent} is not writable") from error
    except OSError as error:
        raise OutputError(f"cannot write in the folder {path.parent}: {error.strerror}") from error
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
    write_all_atomically({path: data})


def write_all_atomically(files: dict[Path, bytes]) -> None:
    """Replace every file, or none when writing one fails (a full disk) or is interrupted.

    Every file is written to its temporary copy first; only when all are complete are they
    renamed into place, one after the other (a rename in the same folder does not fail for
    want of space). Whatever happens, no temporary file is left behind.
    """
    temporaries: list[tuple[Path, Path]] = []
    target = None
    try:
        for target, data in files.items():
            temporaries.append((_temporary_copy(target, data), target))
        for temporary, target in temporaries:
            os.replace(temporary, target)
    except BaseException as error:
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {target}: {error.strerror}") from error
        raise


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
