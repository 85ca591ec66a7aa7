import sys

try:
    from extract.cli import main
except KeyboardInterrupt:  # Ctrl-C while the libraries load: one line, no traceback
    print("extract: interrupted before anything was read; previous results (if any) kept "
          "unchanged", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
