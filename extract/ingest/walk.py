"""Finding article files in a folder without leaving it, and opening them without blocking.

A link inside a folder is followed only when it points to a regular file inside the
same folder (a link to /etc/shadow is reported, never read); FIFOs, sockets and devices
are reported and never opened, since reading a FIFO would block for ever.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


class NotRegular(OSError):
    """The path is not a regular file (FIFO, socket, device, folder)."""


@dataclass(frozen=True)
class Found:
    path: Path            # as found in the folder
    real: Path            # what it is read from (the link's target, or itself)
    problem: str = ""     # why it is not read
    severity: str = "error"


def kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _link(path: Path, root: Path, suffixes: set[str]) -> Found | None:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return Found(path, path, "a symbolic link to nothing (broken link); skipped", "warning")
    if not _inside(target, root):
        return Found(path, target, f"a symbolic link out of the folder (to {target}); "
                     "not followed")
    if target.is_dir():
        return Found(path, target, "a symbolic link to a folder; not followed (its files "
                     "are read where they lie)", "warning")
    if target.suffix.lower() not in suffixes and path.suffix.lower() not in suffixes:
        return None
    return Found(path, target)


def article_files(root: Path, suffixes: set[str]) -> Iterator[Found]:
    """Files with a known suffix under `root` (hidden ones skipped), sorted; links and
    special files as Found with a problem."""
    root_real = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        for name in sorted(dirnames + filenames):
            path = here / name
            if name.startswith("."):
                continue
            try:
                mode = path.lstat().st_mode
            except OSError:
                continue
            if stat.S_ISLNK(mode):
                found = _link(path, root_real, suffixes)
                if found:
                    yield found
            elif stat.S_ISREG(mode):
                if path.suffix.lower() in suffixes:
                    yield Found(path, path.resolve())
            elif not stat.S_ISDIR(mode):
                yield Found(path, path, f"{kind(mode)}, not a file; skipped")
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and not (here / d).is_symlink())


def read_regular(path: Path, follow: bool) -> bytes:
    """The bytes of a regular file, opened so that a FIFO cannot block and (unless
    `follow`) a link swapped in since the folder was listed is not followed."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(f"{kind(mode)}, not a file; skipped")
        os.set_blocking(fd, True)
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read()
    finally:
        os.close(fd)
