"""Extraction of uploads in a worker process, so that one visitor's upload never holds
the server: Streamlit runs every session in a thread of one process, and CPU-bound
extraction on the script thread kept the GIL from every other session (a 100 KB upload
made another visitor's first chart take 24 s instead of 5 s).

    tables = extract_in_worker(articles, problems, progress)
    summary = add_in_worker(articles, problems, store, note, progress)   # into a store

The worker is a long-lived `python -m dashboard.worker_process` started on first use
(the extractor warm in it from then on), spoken to over its stdin/stdout with pickled
frames. Not `multiprocessing`: its forkserver and spawn children re-run the parent's
`__main__`, which under `streamlit run` is the app script itself. One worker serves one
extraction at a time; a second upload waits for the first. The calling thread waits on a
queue (holding no GIL), so other sessions run meanwhile.
"""
from __future__ import annotations

import os
import pickle
import queue as queue_module
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from extract.records import Article, Problem

Progress = Callable[[int, int, str], None]
POLL_SECONDS = 0.25
ROOT = Path(__file__).resolve().parent.parent
_HEADER = struct.Struct("!Q")


class WorkerFailed(RuntimeError):
    """The worker process died or raised; the message says how."""


def send(stream, message) -> None:
    """One pickled frame: its length, then the bytes."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def receive(stream):
    """The next frame's object; EOFError when the other side has gone."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    size = _HEADER.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)  # noqa: S301 - frames from our own child process only


class _Worker:
    """The child process and a thread that moves its frames onto a queue."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        self.proc = subprocess.Popen([sys.executable, "-m", "dashboard.worker_process"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT,
                                     env=env)
        self.messages: queue_module.Queue = queue_module.Queue()
        threading.Thread(target=self._read, daemon=True, name="extract-worker-reader").start()

    def _read(self) -> None:
        try:
            while True:
                self.messages.put(receive(self.proc.stdout))
        except (EOFError, OSError, pickle.UnpicklingError):
            self.messages.put(("gone",))

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None


_lock = threading.Lock()
_worker: _Worker | None = None


def _get_worker() -> _Worker:
    global _worker
    if _worker is None or not _worker.alive():
        _worker = _Worker()
    return _worker


def _drop_worker(worker: _Worker) -> None:
    global _worker
    if worker.alive():
        worker.proc.kill()
    worker.proc.wait()
    if _worker is worker:
        _worker = None


def extract_in_worker(articles: list[Article], problems: list[Problem],
                      progress: Progress | None = None, on_pid: Callable[[int], None] | None = None,
                      tick: Callable[[], None] | None = None):
    """The Tables of `extract_articles(articles, problems)`, computed in the worker.

    `progress(done, total, title)` after each article; `tick()` every POLL_SECONDS while
    waiting (for the worker, or inside one long article)."""
    return _ask(("extract", list(articles), list(problems)), progress, on_pid, tick)


def add_in_worker(articles: list[Article], problems: list[Problem], store: Path, note: str,
                  progress: Progress | None = None, on_pid: Callable[[int], None] | None = None,
                  tick: Callable[[], None] | None = None):
    """Add the articles to the store as one batch called `note`, in the worker; the
    `extract.store.ingest.RunSummary`. `progress(done, total, "")` as parts are written."""
    return _ask(("add", list(articles), list(problems), str(store), note), progress, on_pid,
                tick)


def remove_in_worker(store: Path, *, batch: str | None = None, source: str | None = None,
                     tick: Callable[[], None] | None = None):
    """Take a batch or a source out of the store, in the worker (the corpus-wide name and
    fact regrouping that follows is CPU work too); the `CommitSummary`."""
    return _ask(("remove", str(store), batch, source), None, None, tick)


def _ask(request: tuple, progress, on_pid, tick):
    """Send one request to the worker and wait for its answer, reporting progress."""
    while not _lock.acquire(timeout=POLL_SECONDS):
        if tick:
            tick()
    try:
        worker = _get_worker()
        if on_pid:
            on_pid(worker.pid)
        try:
            send(worker.proc.stdin, request)
        except OSError as err:
            _drop_worker(worker)
            raise WorkerFailed(f"the extraction process could not be reached ({err})") from None
        return _answer(worker, progress, tick)
    finally:
        _lock.release()


def _answer(worker: _Worker, progress, tick):
    while True:
        try:
            message = worker.messages.get(timeout=POLL_SECONDS)
        except queue_module.Empty:
            if tick:
                tick()
            continue
        if message[0] == "progress":
            if progress:
                progress(*message[1:])
        elif message[0] == "done":
            return message[1]
        elif message[0] == "error":
            raise WorkerFailed(f"extraction failed: {message[1]}")
        else:
            code = worker.proc.poll()
            _drop_worker(worker)
            raise WorkerFailed(f"the extraction process stopped (exit code {code})")
