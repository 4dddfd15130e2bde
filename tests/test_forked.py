"""The galley laid out on two cores: a forked child's work comes back exactly, and a child
that fails or dies costs nothing but the time (the work is then done here)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

import drafter
from drafter.render.html import forked, pdf
from drafter.render.html.pdf import render_pdf
from tests.conftest import MINIMAL

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="this system does not fork")


def test_a_child_gives_back_what_it_computed_with_what_this_process_had() -> None:
    prepared = {"words": ["overwegende", "considérant"]}
    with forked.Forked(lambda: (os.getpid(), [w.upper() for w in prepared["words"]])) as child:
        pid, words = child.result()  # type: ignore[misc]
    assert pid != os.getpid()
    assert words == ["OVERWEGENDE", "CONSIDÉRANT"]


def test_a_child_that_fails_or_dies_gives_none_and_nothing_else(tmp_path: Path) -> None:
    log = tmp_path / "log"

    def fail() -> int:
        raise ValueError("the child's own error")

    def die() -> int:
        os.kill(os.getpid(), signal.SIGKILL)
        return 1

    for work in (fail, die):
        try:
            with forked.Forked(work) as child:
                assert child.result() is None
        finally:
            # The child never runs the caller's code: this line is written once per work.
            with log.open("a") as file:
                file.write("parent\n")
    assert log.read_text() == "parent\n" * 2


def test_a_child_that_cannot_be_started_gives_none(monkeypatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    opened = len(os.listdir("/proc/self/fd"))
    with forked.Forked(lambda: 1) as child:
        assert child.result() is None
    assert len(os.listdir("/proc/self/fd")) == opened  # the pipe is closed


def test_a_child_left_waiting_is_stopped_when_the_caller_fails() -> None:
    def wait() -> int:
        signal.pause()
        return 1

    with pytest.raises(RuntimeError), forked.Forked(wait) as child:
        pid = child._pid
        raise RuntimeError("the caller's own error")
    with pytest.raises(ChildProcessError):  # reaped already
        os.waitpid(pid, 0)


def _render(monkeypatch, fork: bool, blocks_per_galley: int | None = 600) -> tuple[bytes, int]:
    """MINIMAL's PDF, with its galley on two cores or one; and how many children it forked."""
    children: list[object] = []

    class CountedForked(forked.Forked):  # type: ignore[type-arg]
        def __init__(self, work):  # type: ignore[no-untyped-def]
            children.append(work)
            super().__init__(work)

    monkeypatch.setattr(forked, "available", lambda: fork)
    monkeypatch.setattr(forked, "Forked", CountedForked)
    monkeypatch.setattr(pdf, "BLOCKS_TO_SHARE", 2)
    monkeypatch.setattr(pdf, "BLOCKS_PER_GALLEY", blocks_per_galley)
    return render_pdf(drafter.load(MINIMAL)), len(children)


def test_the_galley_on_two_cores_gives_the_bytes_of_one(monkeypatch) -> None:
    alone = _render(monkeypatch, fork=False)
    assert alone[1] == 0
    assert _render(monkeypatch, fork=True) == (alone[0], 1)
    # a long document's (packed, in parts) too
    assert _render(monkeypatch, fork=True, blocks_per_galley=3) == (alone[0], 1)


def test_when_the_child_fails_its_half_is_laid_out_here(monkeypatch) -> None:
    alone = _render(monkeypatch, fork=False)
    laid_out_in_child: list[int] = []

    def failing(*arguments: object) -> object:
        laid_out_in_child.append(1)  # in the child's memory: not seen here
        raise MemoryError("the child ran out of memory")

    monkeypatch.setattr(pdf, "_measured_for_transfer", failing)
    assert _render(monkeypatch, fork=True) == (alone[0], 1)
    assert laid_out_in_child == []
