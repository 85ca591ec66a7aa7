"""`python -m extract INPUT... --out DIR` (extract.cli), or a store command:
`python -m extract add|reextract|export|remove|info ... --store DIR` (extract.store.cli).

A store command is recognised by its name first and `--store` among the arguments, so an
input folder that happens to be called "add" still works the old way.
"""
import sys


def main(argv: list[str]) -> int:
    from extract.store.cli import COMMANDS
    if argv and argv[0] in COMMANDS and any(a == "--store" or a.startswith("--store=")
                                            for a in argv):
        from extract.store.cli import main as store_main
        return store_main(argv)
    from extract.cli import main as cli_main
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
