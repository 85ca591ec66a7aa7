"""`python -m extract INPUT... --out DIR` (extract.cli), or a store command:
`python -m extract add|reextract|export|remove|info ... --store DIR` (extract.store.cli).

A store command is recognised by its name first and `--store` among the arguments, so an
input folder that happens to be called "add" still works the old way.
"""
import os
import sys


def _leave(code: int) -> None:
    """Exit at once with `code`. After a Ctrl-C that interrupted a library's import, a
    normal exit can end the process by SIGINT instead (CPython remembers the interrupt
    if it left C code that ran Python code), which a caller would read as a crash."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: list[str]) -> int:
    try:
        from extract.store.cli import COMMANDS
        if argv and argv[0] in COMMANDS and any(a == "--store" or a.startswith("--store=") for a in argv):
            from extract.store.cli import main as store_main
            return store_main(argv)
        from extract.cli import EXIT_INTERRUPTED, main as cli_main
    except KeyboardInterrupt:  # Ctrl-C while the libraries load: one line, no traceback
        print("extract: interrupted before anything was read; previous results (if any) kept "
              "unchanged", file=sys.stderr)
        _leave(130)
    code = cli_main(argv)
    if code == EXIT_INTERRUPTED:
        _leave(code)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
