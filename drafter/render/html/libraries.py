"""WeasyPrint, imported without the library search that costs every PDF build 0.3 s.

WeasyPrint opens Pango, HarfBuzz and fontconfig through cffi, trying several names for each
(Windows', macOS', Linux'); most fail, and on each failure cffi asks
`ctypes.util.find_library`, which on Linux runs `ldconfig` and `gcc`: 54 processes, about
0.3 s of wall time and 0.17 s of CPU in them before a PDF is started (measured on the
2-core test machine; the speed issue measured 1.6 s of CPU elsewhere). On Linux the list
also holds each library's soname ("libpango-1.0.so.0"), which the dynamic loader opens
directly from the same places `find_library` looks, so the search can only find what the
soname finds: it is skipped for this import. Elsewhere WeasyPrint is imported as it is.

Import this module before anything from `weasyprint`.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def _without_library_search() -> Iterator[None]:
    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = search


if sys.platform.startswith("linux"):
    with _without_library_search():
        import weasyprint  # noqa: F401
