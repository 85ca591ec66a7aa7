"""Where articles are extracted: in this process, a process pool, or a Dask cluster.

    with executor(jobs=4) as ex:              # or executor(dask="tcp://host:8786")
        job = ex.submit(items, folder, version, on_done)   # starts at once
        parts = job.result()                  # the part folders, in item order

    results, failures = extract_articles(articles, jobs=4, progress=bar.update)
                                              # `python -m extract INPUT --out DIR`

Every executor runs the same function (`extract.store.rows.write_part`) on parts of a
batch, so the tables are identical whichever runs it. Submitting returns at once, so the
caller can commit one batch while the next is being extracted; at most the batches the
caller holds are in memory.

On Dask each worker writes its Parquet parts straight into the store's staging folder:
the store must be on a filesystem every worker mounts at the same path.

Results do not depend on the process (nor its string-hash seed: a test runs the command
line under several seeds), so any worker of any deployment gives the same tables.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from pathlib import Path

from extract.records import Article, Problem
from extract.store.rows import Item, PartSummary, write_part

OnDone = Callable[[PartSummary], None]
SMALL_INPUT = 40
"""Fewer articles than this are extracted in this process: starting workers costs more."""


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def split(items: tuple[Item, ...], workers: int, most: int = 250, least: int = 20) -> list[tuple[Item, ...]]:
    """Parts small enough to keep every worker busy and the progress bar moving, large
    enough that per-part overhead (a Parquet file per table) stays small."""
    if not items:
        return []
    size = min(most, max(least, math.ceil(len(items) / (4 * workers))))
    return [items[i:i + size] for i in range(0, len(items), size)]


class Job:
    """Parts of one batch being extracted; `result()` waits and returns their folders."""

    def __init__(self, futures: list, folders: list[Path], wait: Callable) -> None:
        self._futures, self._folders, self._wait = futures, folders, wait

    def result(self) -> list[Path]:
        self._wait(self._futures)
        return self._folders


class Inline:
    """One job: extraction in this process, when asked for the result."""
    workers = 1

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def map(self, fn: Callable, parts: Sequence, on_done: Callable | None = None) -> list:
        out = []
        for part in parts:
            out.append(fn(part))
            if on_done:
                on_done(out[-1])
        return out

    def submit(self, items, folder: Path, version: str, on_done: OnDone | None = None) -> Job:
        parts = split(items, 1)
        folders = [folder / f"part-{n:05d}" for n in range(len(parts))]

        def run(_):
            for part, out in zip(parts, folders):
                summary = write_part(list(part), str(out), version)
                if on_done:
                    on_done(summary)
        return Job([], folders, run)


class Pool:
    """A process pool. Spawned workers (the default) inherit nothing of the parent's threads
    or DuckDB state and load the extractor themselves; forked ones (`start="fork"`, for a
    parent that holds no such state) start at once with the parent's loaded extractor."""

    def __init__(self, jobs: int, start: str = "spawn") -> None:
        self.workers = jobs
        if start == "fork":
            _warm()                 # once here, inherited by every worker
        self._pool = multiprocessing.get_context(start).Pool(
            jobs, initializer=_worker_start, initargs=(start != "fork",))

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._pool.terminate() if exc[0] else self._pool.close()
        self._pool.join()

    def submit(self, items, folder: Path, version: str, on_done: OnDone | None = None) -> Job:
        parts = split(items, self.workers)
        folders = [folder / f"part-{n:05d}" for n in range(len(parts))]
        futures = [self._pool.apply_async(write_part, (list(p), str(f), version),
                                          callback=on_done)
                   for p, f in zip(parts, folders)]
        return Job(futures, folders, lambda fs: [f.get() for f in fs])

    def map(self, fn: Callable, parts: Sequence, on_done: Callable | None = None) -> list:
        """fn over the parts in the workers; results in part order, on_done as each ends."""
        out = []
        for result in self._pool.imap(fn, parts):
            out.append(result)
            if on_done:
                on_done(result)
        return out


class Dask:
    """A Dask cluster: `address` of a scheduler, or "local" for a LocalCluster here."""

    def __init__(self, address: str, jobs: int) -> None:
        from dask.distributed import Client, LocalCluster
        self._cluster = None
        if address == "local":
            self._cluster = LocalCluster(n_workers=jobs, threads_per_worker=1,
                                         processes=True, dashboard_address=None)
            self._client = Client(self._cluster)
        else:
            self._client = Client(address)
        self.workers = max(1, sum(self._client.nthreads().values()))

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._client.close()
        if self._cluster:
            self._cluster.close()

    def submit(self, items, folder: Path, version: str, on_done: OnDone | None = None) -> Job:
        parts = split(items, self.workers)
        folders = [folder / f"part-{n:05d}" for n in range(len(parts))]
        futures = [self._client.submit(write_part, list(p), str(f), version, pure=False)
                   for p, f in zip(parts, folders)]
        if on_done:
            for fut in futures:
                fut.add_done_callback(lambda f: f.status == "finished" and on_done(f.result()))

        def wait(fs):
            from dask.distributed import wait as dask_wait
            dask_wait(fs)
            for f in fs:
                f.result()          # raises a worker's error here
        return Job(futures, folders, wait)

    def map(self, fn: Callable, parts: Sequence, on_done: Callable | None = None) -> list:
        from dask.distributed import as_completed
        futures = self._client.map(fn, list(parts), pure=False)
        for fut in as_completed(futures):
            if on_done:
                on_done(fut.result())
        return self._client.gather(futures)


def executor(jobs: int | None = None, dask: str | None = None, start: str = "spawn"):
    """The executor for `--jobs N` / `--dask ADDRESS|local` (jobs: all cores by default)."""
    jobs = jobs or default_jobs()
    if dask:
        return Dask(dask, jobs)
    return Inline() if jobs == 1 else Pool(jobs, start)


def article_parts(articles: Sequence[Article], workers: int) -> list[list[Article]]:
    """Parts of a few dozen articles: many per worker, so that none waits long at the end
    for another's last part, and the progress bar moves often."""
    if not articles:
        return []
    size = max(1, min(50, math.ceil(len(articles) / (16 * workers))))
    return [list(articles[i:i + size]) for i in range(0, len(articles), size)]


def _process_part(part: list[Article]):
    from extract.pipeline import process_all
    return process_all(part)


def extract_articles(articles: Sequence[Article], jobs: int | None = None,
                     dask: str | None = None, progress: Callable[[int], None] | None = None
                     ) -> tuple[list, list[Problem]]:
    """`pipeline.process_all(articles)` spread over `jobs` processes (or a Dask cluster):
    the same results and failures, in article order. `progress(n)` as n more are done.

    The pool's workers are forked from this process after it loaded the extractor, so
    they start at once (the caller must hold no threads or DuckDB state)."""
    from extract.pipeline import process_all
    jobs = jobs or default_jobs()
    if dask is None and (jobs == 1 or len(articles) < SMALL_INPUT):
        tick = (lambda n, total, article: progress(1)) if progress else None
        return process_all(articles, tick, len(articles))
    start = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with executor(jobs, dask, start) as ex:
        parts = article_parts(articles, ex.workers)
        done = (lambda result: progress(len(result[0]) + len(result[1]))) if progress else None
        outcomes = ex.map(_process_part, parts, done)
    return ([r for results, _ in outcomes for r in results],
            [p for _, failures in outcomes for p in failures])


def _worker_start(warm: bool) -> None:
    """A worker leaves Ctrl-C to its parent (which ends the pool) and dies quietly when the
    pool ends it; a spawned one loads the extractor first."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if warm:
        _warm()


def _warm() -> None:
    """Load lexicons and models once per worker, before the first article counts."""
    from extract.pipeline import process_article
    from extract.records import Article
    process_article(Article("warm", "Jan de Vries tekende op 3 mei 2022 bij Ajax.", None, "nl"))
