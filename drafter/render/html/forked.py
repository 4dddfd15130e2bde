"""Work done in a forked child process, on another core, while this process goes on.

In: a function without arguments, whose result pickles. Out: `Forked.result()`, that result
as the child computed it, or None when the child could not give it (it failed, was killed,
or could not be started): the caller then does the work itself.

The child is a copy of this process made by `fork`: it starts with everything already
imported and set up (WeasyPrint, the fonts, the plan), so it costs no start-up. It writes
its result into a pipe and exits without running anything of this process's own (no
`atexit`, no `finally` of the caller): only the parent writes files. A Ctrl-C stops the
child at once (it does not raise `KeyboardInterrupt` in a copy of the caller's code).

Forking is safe only while this process runs a single thread (another thread may hold a
lock the copy would wait for forever): `available()` says whether to fork now.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

Result = TypeVar("Result")


def available() -> bool:
    """Whether forking a child pays and is safe here: on a system that forks, with more than
    one core for this process, and no other thread running."""
    if not hasattr(os, "fork") or not hasattr(os, "sched_getaffinity"):
        return False
    return len(os.sched_getaffinity(0)) > 1 and threading.active_count() == 1


class Forked(Generic[Result]):
    """A child process computing `work()`; `result()` waits for it. Use it in a `with`
    block, which reaps the child however the block ends."""

    def __init__(self, work: Callable[[], Result]) -> None:
        for stream in (sys.stdout, sys.stderr):  # or the child would write it out again
            with contextlib.suppress(ValueError, OSError):  # closed
                stream.flush()
        self._reader, writer = os.pipe()
        # No Ctrl-C between fork and the child's own handler: it would raise in the child
        # inside a copy of the caller's code.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._pid = os.fork()
            if self._pid == 0:
                _run_child(work, self._reader, writer)
        except OSError:  # no process to spare (a limit on processes, or memory)
            self._pid = -1
            os.close(self._reader)
            self._reader = -1
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            os.close(writer)

    def result(self) -> Result | None:
        """What the child computed, once it has exited; None if it failed."""
        if self._reader < 0:  # it could not be started
            return None
        reader, self._reader = self._reader, -1
        with os.fdopen(reader, "rb") as pipe:
            data = pipe.read()
        status = self._reap()
        if status != 0 or not data:
            return None
        result: Result = pickle.loads(data)
        return result

    def _reap(self) -> int | None:
        if self._pid <= 0:
            return None
        _, status = os.waitpid(self._pid, 0)
        self._pid = -1
        return os.waitstatus_to_exitcode(status)

    def __enter__(self) -> Forked[Result]:
        return self

    def __exit__(self, *exception: object) -> None:
        # The caller failed before it had the result (or while it waited for it).
        if self._reader >= 0:
            os.close(self._reader)
            self._reader = -1
        if self._pid > 0:
            os.kill(self._pid, signal.SIGKILL)
            self._reap()


def _run_child(work: Callable[[], Result], reader: int, writer: int) -> None:
    """The child's whole life: compute, write the result, exit (never returns)."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        os.close(reader)
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)
