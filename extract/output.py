"""Writing an output folder so that it switches from one complete run to the next at once.

A run writes a complete new folder beside the output folder (`.<name>.staging-<pid>`),
with a `manifest.json` naming every file it holds, and then swaps it with the old folder
in one rename (Linux `renameat2(RENAME_EXCHANGE)`; elsewhere two renames, repaired by the
next run). Readers therefore see either the old run's files or the new run's, never a
mix, whatever signal arrives when. Stale staging folders of a killed run are removed by
the next run, which holds a lock (`.<name>.lock`, beside the folder) so that two runs
never write one folder at once.

The tool never deletes what it did not write: an existing folder must be empty, or hold
only the files its manifest names (or, from runs before manifests, only the tool's own
file names); anything else is refused before any extraction work starts.
"""
from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import json
import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd

from extract.tables import Tables, neutralise_formulas

CSV_FILES = ("timexes", "events", "persons", "documents", "problems")
MANIFEST = "manifest.json"
TOOL = "fact-timeline"
# What a folder written before manifests existed may hold (recognised, so it can be replaced).
LEGACY_FILES = {f"{n}.csv" for n in CSV_FILES} | {f"{n}.parquet" for n in CSV_FILES}
LEGACY_FOLDER, LEGACY_SUFFIX = "timeml", ".tml"

Writer = Callable[[Path], None]


class OutputError(Exception):
    """The output folder cannot be used; the message names it and says why."""


def _step(label: str, action: Callable, *args):
    """Every change on disk goes through here (one seam for the kill-at-every-step tests)."""
    return action(*args)


# --------------------------------------------------------------------------- checks


def _entries(folder: Path) -> Iterator[tuple[str, bool]]:
    """(relative path, is a real folder) of everything under `folder`; links not followed."""
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            yield path.relative_to(folder).as_posix(), path.is_dir() and not path.is_symlink()


def _manifest_files(folder: Path) -> set[str] | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("tool") != TOOL:
        return None
    return {str(f) for f in data.get("files", [])} | {MANIFEST}


def _is_ours(rel: str, is_dir: bool, files: set[str] | None) -> bool:
    if files is not None:
        return (not is_dir and rel in files) or (is_dir and any(f.startswith(rel + "/") for f in files))
    if is_dir:
        return rel == LEGACY_FOLDER
    head, _, tail = rel.partition("/")
    return rel in LEGACY_FILES or (head == LEGACY_FOLDER and "/" not in tail
                                   and tail.endswith(LEGACY_SUFFIX))


def check_target(out: Path) -> None:
    """Raise OutputError unless `out` is missing, empty, or a folder this tool wrote."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file, not a folder; give a folder for --out")
    cwd = Path.cwd().resolve()
    if out.parent == out or out.resolve() in (cwd, *cwd.parents):
        raise OutputError(f"{out} is the folder you are working in (or holds it); the output "
                          "folder is replaced as a whole, so give a folder of its own")
    if not out.exists():
        return
    files = _manifest_files(out)
    foreign = sorted(rel for rel, is_dir in _entries(out) if not _is_ours(rel, is_dir, files))
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise OutputError(f"{out} holds files this tool did not write ({shown}); it replaces "
                          "the whole folder, so give a new or empty folder, or one an earlier "
                          "run wrote")


def _existing_ancestor(path: Path) -> Path:
    while not path.exists():
        path = path.parent
    return path


# --------------------------------------------------------------------------- switching


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one rename; False when the system cannot (then two renames)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _signals_blocked():
    """Hold back Ctrl-C and SIGTERM while the folder switches (they arrive right after)."""
    mask = {signal.SIGINT, signal.SIGTERM}
    old = signal.pthread_sigmask(signal.SIG_BLOCK, mask)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class OutputFolder:
    """The output folder of one run: checked and locked on entry, switched by `commit`.

        with OutputFolder(out) as folder:    # OutputError here, before any extraction
            ...extract...
            folder.commit(tables, extra)     # the old results until this returns
    """

    def __init__(self, out: Path) -> None:
        self.out = Path(os.path.abspath(out))
        if self.out.is_symlink() and self.out.is_dir():
            self.out = self.out.resolve()
        name = self.out.name
        self._lock_path = self.out.parent / f".{name}.lock"
        self._staging = self.out.parent / f".{name}.staging-{os.getpid()}"
        self._old = self.out.parent / f".{name}.old-{os.getpid()}"
        self._lock_fd: int | None = None
        self.switched = False

    # ------------------------------------------------------------------ entry and exit
    def __enter__(self) -> OutputFolder:
        ancestor = _existing_ancestor(self.out.parent)
        if not ancestor.is_dir() or not os.access(ancestor, os.W_OK | os.X_OK):
            raise OutputError(f"cannot write the output folder {self.out}: "
                              f"{ancestor} is not a writable folder")
        check_target(self.out)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        with _signals_blocked():  # a lock file is either ours and recorded, or not made
            self._lock()
        try:
            self._clean_stale()
            check_target(self.out)  # again: a repaired folder is back now
        except BaseException:
            self._unlock()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            shutil.rmtree(self._staging, ignore_errors=True)
        finally:
            self._unlock()

    def _lock(self) -> None:
        while True:
            fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                os.close(fd)
                raise OutputError(f"another run (process {holder}) is writing to {self.out}; "
                                  "wait for it to finish or choose another --out") from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self._lock_path).st_ino
            except FileNotFoundError:
                same = False
            if same:  # not a lock file that its last holder removed meanwhile
                os.ftruncate(fd, 0)
                os.pwrite(fd, str(os.getpid()).encode(), 0)
                self._lock_fd = fd
                return
            os.close(fd)

    def _unlock(self) -> None:
        if self._lock_fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self._lock_path)
        os.close(self._lock_fd)
        self._lock_fd = None

    def _clean_stale(self) -> None:
        """Remove what killed runs left beside the folder; put back a folder set aside."""
        parent, name = self.out.parent, self.out.name
        for leftover in sorted(parent.glob(f".{name}.old-*")):
            if not self.out.exists():
                _step("restore old folder", os.rename, leftover, self.out)
            else:
                _step("remove stale old folder", shutil.rmtree, leftover)
        for leftover in parent.glob(f".{name}.staging-*"):
            _step("remove stale staging", shutil.rmtree, leftover)

    # ------------------------------------------------------------------ commit
    def commit(self, tables: Tables, extra: dict[str, Writer] | None = None) -> list[Path]:
        """Write every file into a new folder, then make it the output folder at once."""
        _step("create staging", self._staging.mkdir)
        for name in CSV_FILES:
            _step(f"write {name}.csv", _write_csv, getattr(tables, name), self._staging / f"{name}.csv")
        for name, writer in (extra or {}).items():
            _step(f"write {name}", writer, self._staging / name)
        files = sorted(rel for rel, is_dir in _entries(self._staging) if not is_dir)
        _step("write manifest", _write_manifest, self._staging / MANIFEST, files)
        _step("sync", self._sync, files)
        with _signals_blocked():
            self._switch()
            self.switched = True
        _step("remove old folder", shutil.rmtree, self._staging, True)
        _step("remove old folder", shutil.rmtree, self._old, True)
        return [self.out / f for f in files]

    def _sync(self, files: list[str]) -> None:
        for rel in files + [MANIFEST]:
            _fsync(self._staging / rel)
        _fsync(self._staging)

    def _switch(self) -> None:
        if not self.out.exists():
            _step("switch", os.rename, self._staging, self.out)
        elif not _step("switch", _exchange, self._staging, self.out):
            _step("set old folder aside", os.rename, self.out, self._old)
            _step("switch", os.rename, self._staging, self.out)
        _fsync(self.out.parent)


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    neutralise_formulas(df).to_csv(path, index=False)


def _write_manifest(path: Path, files: list[str]) -> None:
    path.write_text(json.dumps({"tool": TOOL, "files": files}, indent=1) + "\n", encoding="utf-8")


def write_outputs(tables: Tables, out: Path, extra: dict[str, Writer] | None = None) -> list[Path]:
    """Write the five CSV files (and any `extra` writers, name -> writer(path)) as `out`."""
    with OutputFolder(out) as folder:
        return folder.commit(tables, extra)
