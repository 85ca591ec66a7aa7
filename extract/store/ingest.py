"""Runs that change a store: add, reextract, remove. Each batch commits on its own.

While batch k is committed, batch k+1 is already being extracted: the workers never wait
for the store, and at most two batches are held in memory.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract import parallel
from extract.records import Article, Problem
from extract.store import reading
from extract.store.layout import StoreError
from extract.store.writer import CommitSummary, Plan, Writer

DEFAULT_BATCH = 2000


@dataclass
class RunSummary:
    """What a run did, batch by batch."""
    commits: list[CommitSummary] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(c.n_articles for c in self.commits)

    @property
    def skipped(self) -> int:
        return sum(c.skipped for c in self.commits)

    @property
    def events(self) -> int:
        return sum(c.n_events for c in self.commits)

    @property
    def problems(self) -> list:
        return [p for c in self.commits for p in c.problems]


def _pipelined(writer: Writer, ex, plans: Iterator[Plan], on_done, on_commit,
               note: str = "") -> RunSummary:
    summary, pending = RunSummary(), None
    for plan in plans:
        job = ex.submit(plan.items, writer.staging(plan), writer.version, on_done)
        if pending:
            summary.commits.append(on_commit(writer.commit(pending[0], pending[1].result(),
                                                           note)))
        pending = (plan, job)
    if pending:
        summary.commits.append(on_commit(writer.commit(pending[0], pending[1].result(), note)))
    return summary


def add(paths: Iterable[str | Path], store: Path, *, jobs: int | None = None,
        dask: str | None = None, batch_size: int = DEFAULT_BATCH, wait: float = 0.0,
        progress: Callable | None = None, on_commit: Callable = lambda c: c,
        executor=None, note: str = "") -> RunSummary:
    """Read `paths` into the store (created when new), skipping articles already there.
    `executor`: a ready `extract.parallel` executor instead of jobs/dask; `note`: what
    the batches are called in the store's list (e.g. the uploaded file's name)."""
    paths = list(paths)
    return add_batches(reading.batches(paths, batch_size), store, jobs=jobs, dask=dask,
                       wait=wait, progress=progress, on_commit=on_commit, executor=executor,
                       note=note)


def add_batches(batches: Iterable[tuple[list[Article], list[Problem]]], store: Path, *,
                jobs: int | None = None, dask: str | None = None, wait: float = 0.0,
                progress: Callable | None = None, on_commit: Callable = lambda c: c,
                executor=None, note: str = "") -> RunSummary:
    """`add` for articles already read (the dashboard's uploads): one batch per item of
    `batches`, each an (articles, problems) pair."""
    with Writer.open(store, wait) as writer, executor or parallel.executor(jobs, dask) as ex:
        plans = (writer.plan(articles, problems) for articles, problems in batches)
        return _pipelined(writer, ex, _counting(plans, progress), _ticker(progress), on_commit,
                          note)


def _counting(plans: Iterator[Plan], progress) -> Iterator[Plan]:
    for plan in plans:
        if progress and plan.skipped:
            progress(plan.skipped)
        yield plan


def _ticker(progress):
    return (lambda part: progress(part.n_articles)) if progress else None


def _stale_batches(writer: Writer, batch_size: int) -> Iterator[Plan]:
    """Articles extracted by another extractor version, read back from the store."""
    con = writer.connect()
    rows = con.execute("SELECT doc_id, _seq FROM base_articles WHERE extractor_version <> ? "
                   "ORDER BY _seq", [writer.version]).fetchall()
    for start in range(0, len(rows), batch_size):
        chunk = rows[start:start + batch_size]
        seqs = {d: s for d, s in chunk}
        yield writer.plan(_articles(writer, list(seqs)), [], mode="reextract", keep_seq=seqs)


def _articles(writer: Writer, doc_ids: list[str]) -> list[Article]:
    import datetime as dt

    import pandas as pd
    con = writer.connect()
    con.register("wanted", pd.DataFrame({"doc_id": doc_ids}, dtype="object"))
    rows = con.execute("SELECT doc_id, text, published, lang, title, source, url, author, origin "
                   "FROM base_articles WHERE doc_id IN (SELECT doc_id FROM wanted) "
                   "ORDER BY _seq").fetchall()
    con.unregister("wanted")
    return [Article(d, t, dt.datetime.fromisoformat(p) if p else None, lang, title, source, url,
                    author, origin)
            for d, t, p, lang, title, source, url, author, origin in rows]


def count_stale(store: Path) -> int:
    from extract.store import Store
    return Store.open(store).count_stale()


def reextract(store: Path, *, jobs: int | None = None, dask: str | None = None,
              batch_size: int = DEFAULT_BATCH, wait: float = 0.0,
              progress: Callable | None = None, on_commit: Callable = lambda c: c,
              executor=None) -> RunSummary:
    """Extract again what an earlier extractor version wrote; keep each article's place."""
    if not (Path(store) / "manifest.json").exists():
        raise StoreError(f"{store}: no store here")
    with Writer.open(store, wait) as writer, executor or parallel.executor(jobs, dask) as ex:
        return _pipelined(writer, ex, _stale_batches(writer, batch_size), _ticker(progress),
                          on_commit)


def remove(store: Path, *, batch: str | None = None, source: str | None = None,
           wait: float = 0.0) -> CommitSummary:
    """Take a batch's articles, or a source's, out of the store (with what they gave)."""
    if not (Path(store) / "manifest.json").exists():
        raise StoreError(f"{store}: no store here")
    with Writer.open(store, wait) as writer:
        con = writer.connect()
        if batch is not None:
            known = [b for b in writer.manifest.batches if b.id == batch]
            if not known:
                raise StoreError(f"{store}: no batch {batch!r} (`python -m extract info "
                                 f"--store {store}` lists them)")
            from extract.store.views import quote
            sql = f"SELECT doc_id FROM read_parquet({quote(writer.root / known[0].files['articles'])})"
            docs = {d for (d,) in con.execute(sql).fetchall()}
        else:
            docs = {d for (d,) in con.execute("SELECT doc_id FROM base_articles WHERE source = ?",
                                          [source]).fetchall()}
            if not docs:
                raise StoreError(f"{store}: no article has source {source!r}")
        plan = Plan("remove", (), frozenset(docs), (), 0, "add")
        summary = writer.commit(plan, [])
        if batch is not None:   # a batch of file-level problems only goes too
            _drop_empty(writer, batch)
        return summary


def _drop_empty(writer: Writer, batch_id: str) -> None:
    from dataclasses import replace

    from extract.store import layout
    kept = tuple(b for b in writer.manifest.batches if b.id != batch_id)
    if len(kept) != len(writer.manifest.batches):
        new = layout.retire(replace(writer.manifest, version=writer.manifest.version + 1,
                                    batches=kept), writer.manifest)
        layout.write_manifest(writer.root, new)
        writer.manifest = new
