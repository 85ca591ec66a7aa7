"""The store folder on disk: its manifest, its writer lock, atomic replacement.

    DIR/manifest.json          the committed state: batches and their Parquet files
    DIR/batches/<id>.v<N>/     one batch's tables, one Parquet file each
    DIR/corpus/                corpus-level corrections (canonical names, fact groups)
    DIR/staging/               work of the running writer; never read
    DIR/.lock                  held (flock) by the one writer

Readers trust only the manifest: a file it does not name is not part of the store. The
manifest is replaced with one atomic rename after every file it names is written and
synced, so a writer killed at any moment leaves the previous manifest, and the files it
was writing are unreferenced leftovers the next writer deletes. Files a new manifest
drops are kept for a grace period, so that a reader that read the old manifest just
before can finish its query.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

FORMAT = 2
"""1: the first stores; 2 adds the derived columns (`extract.store.columns.DERIVED`) and
the corpus name. `python -m extract compact --store DIR` brings a format 1 store to 2."""
MANIFEST = "manifest.json"
RETIRED_GRACE_S = 600.0
BATCH_TABLES = ("articles", "timexes", "events", "persons", "documents", "problems")


class StoreError(Exception):
    """A store that cannot be used as asked; the message says why and what to do."""


@dataclass(frozen=True)
class Batch:
    """One committed batch: its id, what it holds, and its table files (relative paths)."""
    id: str
    created: float
    n_articles: int
    files: dict[str, str]
    note: str = ""


@dataclass(frozen=True)
class Manifest:
    name: str = ""                                            # the corpus, as people call it
    version: int = 0
    next_seq: int = 1
    next_batch: int = 1
    batches: tuple[Batch, ...] = ()
    overrides: dict[str, str] = field(default_factory=dict)   # table -> relative path
    retired: tuple[tuple[str, float], ...] = ()                # (relative path, when)

    def files(self) -> set[str]:
        named = {f for b in self.batches for f in b.files.values()}
        return named | set(self.overrides.values())

    def table_files(self, table: str) -> list[str]:
        return [b.files[table] for b in self.batches]

    def to_json(self) -> str:
        data = asdict(self)
        data["format"] = FORMAT
        return json.dumps(data, indent=1, ensure_ascii=False)

    @staticmethod
    def from_json(text: str, where: Path, formats: tuple[int, ...] = (FORMAT,)) -> Manifest:
        """The manifest in `where`; a format not in `formats` is a StoreError saying what
        to do (only compaction reads an older format, to upgrade it)."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise StoreError(f"{where}: not a store manifest ({err.msg})") from None
        if data.get("format") not in formats:
            found = data.get("format")
            hint = (f"; `python -m extract compact --store {where.parent}` upgrades it"
                    if isinstance(found, int) and found < FORMAT else "")
            raise StoreError(f"{where}: store format {found!r}; this version reads format "
                             f"{FORMAT}{hint}")
        batches = tuple(Batch(**b) for b in data["batches"])
        return Manifest(data.get("name") or where.parent.name, data["version"],
                        data["next_seq"], data["next_batch"], batches,
                        dict(data["overrides"]), tuple(tuple(r) for r in data["retired"]))


def read_manifest(root: Path, formats: tuple[int, ...] = (FORMAT,)) -> Manifest:
    path = root / MANIFEST
    try:
        return Manifest.from_json(path.read_text(encoding="utf-8"), path, formats)
    except FileNotFoundError:
        raise StoreError(f"{root}: no store here (no {MANIFEST}); "
                         "`python -m extract add PATH --store DIR` creates one") from None


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(path: Path) -> None:
    """Flush every file under `path` (and the folders) to disk before they are named."""
    for item in sorted(path.rglob("*")):
        if item.is_file():
            with open(item, "rb") as fh:
                os.fsync(fh.fileno())
    for folder in [path, *(p for p in path.rglob("*") if p.is_dir())]:
        fsync_dir(folder)


def write_manifest(root: Path, manifest: Manifest) -> None:
    """The commit point: the new manifest replaces the old one in one rename."""
    tmp = root / f".{MANIFEST}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(manifest.to_json())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, root / MANIFEST)
    fsync_dir(root)


def retire(manifest: Manifest, old: Manifest) -> Manifest:
    """`manifest` with the files `old` named and it no longer does marked as retired."""
    gone = old.files() - manifest.files()
    now = time.time()
    return replace(manifest, retired=manifest.retired + tuple((p, now) for p in sorted(gone)))


def collect_garbage(root: Path, manifest: Manifest) -> Manifest:
    """Delete leftovers of killed writers and retired files past their grace period.

    Only a writer holding the lock calls this, so nothing unnamed is being written.
    """
    shutil.rmtree(root / "staging", ignore_errors=True)
    now = time.time()
    keep = tuple((p, t) for p, t in manifest.retired if now - t < RETIRED_GRACE_S)
    alive = manifest.files() | {p for p, _ in keep}
    for folder in ("batches", "corpus"):
        for item in sorted((root / folder).glob("*")) if (root / folder).exists() else []:
            rel = item.relative_to(root).as_posix()
            if item.is_dir():
                if not any(f.startswith(rel + "/") for f in alive):
                    shutil.rmtree(item, ignore_errors=True)
            elif rel not in alive:
                item.unlink(missing_ok=True)
    return replace(manifest, retired=keep)


class WriterLock:
    """The store's one writer: a second one waits up to `wait` seconds, then stops with a
    message naming the holder. The lock dies with its process (flock), so a killed
    writer never blocks the next."""

    def __init__(self, root: Path, wait: float = 0.0) -> None:
        self.path = root / ".lock"
        self.wait = wait
        self._fh = None

    def __enter__(self) -> WriterLock:
        fh = open(self.path, "a+", encoding="utf-8")
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another process"
                    fh.close()
                    raise StoreError(f"{self.path.parent}: the store is being written by "
                                     f"{holder}; try again when it is done (or pass --wait "
                                     "SECONDS)") from None
                time.sleep(0.2)
        fh.seek(0)
        fh.truncate()
        fh.write(f"process {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc) -> None:
        if self._fh:
            self._fh.truncate(0)
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None
