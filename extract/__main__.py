import os
import sys

try:
    from extract.cli import main
except KeyboardInterrupt:  # Ctrl-C while the libraries load: one line, no traceback
    print("extract: interrupted before anything was read; previous results (if any) kept "
          "unchanged", file=sys.stderr, flush=True)
    # Straight out: finalising half-imported libraries (numpy, pyarrow) can itself end
    # the process by SIGINT instead of with this exit code.
    os._exit(130)

sys.exit(main())
