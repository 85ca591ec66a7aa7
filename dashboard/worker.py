"""Extraction of uploads in a worker process, so that one visitor's upload never holds
the server: Streamlit runs every session in a thread of one process, and CPU-bound
extraction on the script thread kept the GIL from every other session (a 100 KB upload
made another visitor's first chart take 24 s instead of 5 s).

    tables = extract_in_worker(articles, problems, progress)

The worker is forked from a forkserver that has the extractor imported already, so it
starts in well under a second; progress (done, total, title) comes back over a queue and
the calling thread waits on that queue, holding no GIL while it waits.
"""
from __future__ import annotations

import multiprocessing
import os
import queue as queue_module
from collections.abc import Callable

from extract.records import Article, Problem

Progress = Callable[[int, int, str], None]
POLL_SECONDS = 0.25
PRELOAD = ["dashboard.worker_warmup"]


class WorkerFailed(RuntimeError):
    """The worker process died or raised; the message says how."""


def _context():
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


def _work(articles: list[Article], problems: list[Problem], channel) -> None:
    from extract import extract_articles

    def progress(done: int, total: int, article: Article) -> None:
        channel.put(("progress", done, total, article.title or article.doc_id, os.getpid()))

    try:
        channel.put(("done", extract_articles(articles, problems, progress)))
    except BaseException as err:  # noqa: BLE001 - reported to the page, never lost
        channel.put(("error", f"{type(err).__name__}: {err}"))


def extract_in_worker(articles: list[Article], problems: list[Problem],
                      progress: Progress | None = None, on_pid: Callable[[int], None] | None = None,
                      tick: Callable[[], None] | None = None):
    """The Tables of `extract_articles(articles, problems)`, computed in another process.

    `progress(done, total, title)` after each article; `tick()` every POLL_SECONDS while
    waiting, so that a page can show the time passing inside one long article."""
    ctx = _context()
    channel = ctx.Queue()
    proc = ctx.Process(target=_work, args=(list(articles), list(problems), channel), daemon=True)
    proc.start()
    try:
        while True:
            try:
                message = channel.get(timeout=POLL_SECONDS)
            except queue_module.Empty:
                if not proc.is_alive():
                    raise WorkerFailed(f"the extraction process stopped (exit code {proc.exitcode})") from None
                if tick:
                    tick()
                continue
            if message[0] == "progress":
                _, done, total, title, pid = message
                if on_pid:
                    on_pid(pid)
                if progress:
                    progress(done, total, title)
            elif message[0] == "done":
                return message[1]
            else:
                raise WorkerFailed(f"extraction failed: {message[1]}")
    finally:
        proc.join(timeout=5)
        if proc.is_alive():
            proc.kill()
            proc.join()
