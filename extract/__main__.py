import os
import sys


def _leave(code: int) -> None:
    """Exit at once with `code`. After a Ctrl-C that interrupted a library's import, a
    normal exit can end the process by SIGINT instead (CPython remembers the interrupt
    if it left C code that ran Python code), which a caller would read as a crash."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


try:
    from extract.cli import EXIT_INTERRUPTED, main
except KeyboardInterrupt:  # Ctrl-C while the libraries load: one line, no traceback
    print("extract: interrupted before anything was read; previous results (if any) kept "
          "unchanged", file=sys.stderr)
    _leave(130)

code = main()
if code == EXIT_INTERRUPTED:
    _leave(code)
sys.exit(code)
