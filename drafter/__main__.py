"""The `drafter` console script (and `python -m drafter`).

It imports nothing before its `try`, so a Ctrl-C at any moment, even while the program is
still loading, ends with a one-line message and exit status 130, never a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from drafter.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("drafter: interrupted; no file was left half-written\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
