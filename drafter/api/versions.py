"""Versions for the redline command: a resolution's text at a git revision, and the date
its tracked changes carry.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from drafter.document.redline import RedlineError
from drafter.source.limits import MAX_FILE_BYTES


def _git(folder: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True)
    except FileNotFoundError as error:
        raise RedlineError("--since needs git, which is not installed") from error


def git_version(path: Path, revision: str) -> tuple[str, str]:
    """The text of `path` at `revision` of the git repository it is in, and its name in
    git's own notation ("HEAD~1:resolutions/x.yaml")."""
    if not revision or revision.startswith("-"):
        raise RedlineError(f"'{revision}' is not a git revision")
    if not path.is_file():
        raise RedlineError(f"{path}: no such file")
    folder = path.resolve().parent
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise RedlineError(f"{path} is not in a git repository, so --since has nothing to compare")
    root = Path(top.stdout.decode().strip()).resolve()
    relative = path.resolve().relative_to(root).as_posix()
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if commit.returncode != 0:
        raise RedlineError(f"unknown revision '{revision}' in the git repository at {root}")
    sha = commit.stdout.decode().strip()
    size = _git(root, "cat-file", "-s", f"{sha}:{relative}")
    if size.returncode != 0:
        raise RedlineError(f"{relative} does not exist at revision '{revision}'")
    if int(size.stdout) > MAX_FILE_BYTES:
        raise RedlineError(
            f"{relative} at revision '{revision}' is larger than a resolution may be"
        )
    blob = _git(root, "cat-file", "blob", f"{sha}:{relative}")
    try:
        text = blob.stdout.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RedlineError(f"{relative} at revision '{revision}' is not valid UTF-8") from error
    return text, f"{revision}:{relative}"


def revision_date(text: str | None) -> str:
    """The date of the tracked changes, as Word writes it ("2021-01-25T14:30:00Z"): `text`
    (ISO 8601; a date alone is midnight, a time without zone is UTC), or now."""
    if text is None:
        moment = datetime.datetime.now(datetime.UTC)
    else:
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError as error:
            raise RedlineError(
                f"'{text}' is not an ISO 8601 date, such as 2021-01-25 or 2021-01-25T14:30"
            ) from error
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
