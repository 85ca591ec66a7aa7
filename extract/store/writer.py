"""The one writer of a store: plan a batch, stage it, commit it atomically.

    with Writer.open(root, wait) as w:
        plan = w.plan(articles, problems)        # skip, replace or rename against the store
        ...extract plan.items into w.staging(plan)...   (any process, `rows.write_part`)
        w.commit(plan, part_folders)             # corpus steps, files, then the manifest

A batch is committed whole or not at all: its files and the corrections of earlier
batches are written and synced first, the manifest naming them replaces the old one last.
"""
from __future__ import annotations

import shutil
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import pandas as pd

from extract.records import Article, Problem, split_origin
from extract.store import corpus, layout, rows, views
from extract.store.columns import STAGED, stored_select
from extract.store.layout import BATCH_TABLES, Batch, Manifest, StoreError
from extract.store.rows import Item, arrow_table, content_hash

Mode = str  # "add" (replaced articles bring their own reading problems) or "reextract"


@dataclass(frozen=True)
class Plan:
    """What one batch will do to the store."""
    token: str
    items: tuple[Item, ...]
    removed: frozenset[str]             # doc_ids leaving the store in this batch
    problems: tuple[Problem, ...]       # reading problems and the store's own warnings
    skipped: int = 0
    mode: Mode = "add"


@dataclass(frozen=True)
class CommitSummary:
    batch: str
    n_articles: int
    n_events: int
    skipped: int
    replaced: int
    changes: corpus.Changes
    problems: tuple[Problem, ...] = field(default=())


class Writer:
    def __init__(self, root: Path, wait: float = 0.0) -> None:
        self.root = Path(root)
        self.lock = layout.WriterLock(self.root, wait)
        self.version = rows.extractor_version()
        self.manifest = Manifest()
        self._claimed: set[str] = set()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._defined: Manifest | None = None

    @classmethod
    def open(cls, root: Path, wait: float = 0.0) -> Writer:
        root = Path(root)
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root}: not a folder")
        if root.is_dir() and any(root.iterdir()) and not (root / layout.MANIFEST).exists():
            raise StoreError(f"{root}: the folder holds other files and no store; "
                             "give an empty or new folder")
        root.mkdir(parents=True, exist_ok=True)
        return cls(root, wait)

    def __enter__(self) -> Writer:
        self.lock.__enter__()
        try:
            if (self.root / layout.MANIFEST).exists():
                self.manifest = layout.read_manifest(self.root)
            else:
                self.manifest = Manifest(name=self.root.resolve().name)
                layout.write_manifest(self.root, self.manifest)
            self.manifest = layout.collect_garbage(self.root, self.manifest)
        except BaseException:
            self.lock.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        shutil.rmtree(self.root / "staging", ignore_errors=True)
        self.lock.__exit__()

    def connect(self) -> duckdb.DuckDBPyConnection:
        """The writer's one connection, its views on the current manifest."""
        if self._con is None:
            self._con = duckdb.connect()
            self._defined = None
        if self._defined is not self.manifest:
            views.define(self._con, self.root, self.manifest)
            self._defined = self.manifest
        return self._con

    # ------------------------------------------------------------------ planning
    def _existing(self, con, doc_ids: list[str]) -> dict[str, tuple[str, str, str]]:
        con.register("wanted", pd.DataFrame({"doc_id": doc_ids}, dtype="object"))
        rows = con.execute("SELECT doc_id, content_hash, extractor_version, origin FROM base_articles "
                       "WHERE doc_id IN (SELECT doc_id FROM wanted)").fetchall()
        con.unregister("wanted")
        return {d: (h, v, o) for d, h, v, o in rows}

    def _free_id(self, con, article: Article) -> tuple[str, bool]:
        """A doc_id for an article whose id another article holds: (id, already stored)."""
        n = 2
        while True:
            candidate = f"{article.doc_id}~{n}"
            found = self._existing(con, [candidate]).get(candidate)
            if found is None and candidate not in self._claimed:
                return candidate, False
            if found and found[0] == content_hash(replace(article, doc_id=candidate)) \
                    and found[1] == self.version:
                return candidate, True
            n += 1

    def plan(self, articles: list[Article], problems: list[Problem], mode: Mode = "add",
             keep_seq: dict[str, int] | None = None) -> Plan:
        con = self.connect()
        existing = self._existing(con, [a.doc_id for a in articles])
        items, removed, notes, skipped = [], set(), list(problems), 0
        skipped_docs = set()
        for a in articles:
            h = content_hash(a)
            old = existing.get(a.doc_id)
            if old and old[0] == h and old[1] == self.version and mode == "add":
                skipped += 1
                skipped_docs.add(a.doc_id)
                continue
            if old and old[0] != h and split_origin(old[2])[0] != a.origin_file:
                new_id, stored = self._free_id(con, a)
                if stored:
                    skipped += 1
                    continue
                notes.append(Problem(a.origin_file, a.origin_line, a.doc_id, "warning",
                                     f"doc_id {a.doc_id!r} is taken in the store by another "
                                     f"article ({old[2]}); stored as {new_id}"))
                a, h = replace(a, doc_id=new_id), content_hash(replace(a, doc_id=new_id))
            elif old:
                removed.add(a.doc_id)
                if old[0] != h:
                    notes.append(Problem(a.origin_file, a.origin_line, a.doc_id,
                                         "warning", f"article {a.doc_id!r} changed since it "
                                         "was stored; the stored version is replaced"))
            self._claimed.add(a.doc_id)
            seq = (keep_seq or {}).get(a.doc_id)
            if seq is None:
                seq = self.manifest.next_seq
                self.manifest = replace(self.manifest, next_seq=seq + 1)
            items.append(Item(seq, a, h))
        # a skipped article's reading problems were stored with it the first time
        notes = [p for p in notes if p.doc_id not in skipped_docs]
        return Plan(uuid.uuid4().hex[:12], tuple(items), frozenset(removed), tuple(notes),
                    skipped, mode)

    def staging(self, plan: Plan) -> Path:
        return self.root / "staging" / plan.token

    # ------------------------------------------------------------------ committing
    def _stage_views(self, con, plan: Plan, parts: list[Path]) -> None:
        for table in BATCH_TABLES:
            files = [p / f"{table}.parquet" for p in parts]
            con.execute(f"CREATE OR REPLACE VIEW s_{table} AS {views.scan(files, STAGED[table])}")
        con.register("removed_frame", pd.DataFrame({"doc_id": sorted(plan.removed)}, dtype="object"))
        con.execute("CREATE OR REPLACE TEMP TABLE removed AS SELECT * FROM removed_frame")
        con.unregister("removed_frame")

    def _read_problems(self, plan: Plan, batch_no: int) -> object:
        rows = [{"file": p.file, "line": p.line, "doc_id": p.doc_id, "severity": p.severity,
                 "message": p.message, "_batch": batch_no, "_stage": "read", "_seq": 0,
                 "_row": n} for n, p in enumerate(plan.problems)]
        return arrow_table("problems", rows)

    def _copy(self, con, sql: str, path: Path) -> str:
        path.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"COPY ({sql}) TO {views.quote(path)} (FORMAT parquet)")
        return path.relative_to(self.root).as_posix()

    def _write_batch(self, con, plan: Plan, batch_no: int, folder: Path) -> dict[str, str]:
        con.register("read_problems", self._read_problems(plan, batch_no))
        sources = {"articles": "s_articles", "timexes": "s_timexes", "events": "n_events",
                   "persons": "n_persons", "documents": "s_documents"}
        files = {t: self._copy(con, f"SELECT {stored_select(t, batch_no)} FROM {src} ORDER BY _seq"
                               + (", _row" if t in ("timexes", "events") else ""),
                               folder / f"{t}.parquet") for t, src in sources.items()}
        files["problems"] = self._copy(
            con, f"SELECT {stored_select('problems')} FROM read_problems UNION ALL "
            f"SELECT * REPLACE ({batch_no} AS _batch) FROM s_problems", folder / "problems.parquet")
        con.unregister("read_problems")
        return files

    def _rewrite_without(self, con, plan: Plan) -> tuple[Batch, ...]:
        """Earlier batches without the documents this batch removes (new files)."""
        if not plan.removed:
            return self.manifest.batches
        touched = {d for (d,) in con.execute("SELECT DISTINCT doc_id FROM base_articles WHERE doc_id "
                                         "IN (SELECT doc_id FROM removed)").fetchall()}
        out = []
        for b in self.manifest.batches:
            src = self.root / b.files["articles"]
            hit = con.execute(f"SELECT count(*) FROM read_parquet({views.quote(src)}) WHERE doc_id "
                          "IN (SELECT doc_id FROM removed)").fetchone()[0] if touched else 0
            if not hit:
                out.append(b)
                continue
            folder = self.root / "batches" / f"{b.id}.v{self.manifest.version + 1}"
            keep = "doc_id NOT IN (SELECT doc_id FROM removed)"
            files = {}
            for t in BATCH_TABLES:
                cond = keep
                if t == "problems" and plan.mode == "reextract":
                    cond = f"({keep} OR _stage = 'read')"
                files[t] = self._copy(con, f"SELECT * FROM read_parquet("
                                      f"{views.quote(self.root / b.files[t])}) WHERE {cond}",
                                      folder / f"{t}.parquet")
            left = con.execute(f"SELECT (SELECT count(*) FROM read_parquet({views.quote(self.root / files['articles'])}))"
                           f" + (SELECT count(*) FROM read_parquet({views.quote(self.root / files['problems'])}))").fetchone()[0]
            if left:
                out.append(replace(b, files=files, n_articles=b.n_articles - hit))
        return tuple(out)

    def _write_overrides(self, con, version: int) -> dict[str, str]:
        out = {}
        for name in ("events", "names"):
            n = con.execute(f"SELECT count(*) FROM next_ov_{name}").fetchone()[0]
            if n:
                out[name] = self._copy(con, f"SELECT * FROM next_ov_{name}",
                                       self.root / "corpus" / f"{name}-v{version}.parquet")
        return out

    def commit(self, plan: Plan, parts: list[Path], note: str = "") -> CommitSummary:
        """Corpus steps over the staged parts, then the batch becomes part of the store."""
        con = self.connect()
        self._stage_views(con, plan, parts)
        changes = corpus.update(con)
        version = self.manifest.version + 1
        batch_no = self.manifest.next_batch
        batch_id = f"b{batch_no:06d}"
        folder = self.root / "batches" / f"{batch_id}.v{version}"
        files = self._write_batch(con, plan, batch_no, folder)
        batches = self._rewrite_without(con, plan)
        overrides = self._write_overrides(con, version)
        n_events = con.execute("SELECT count(*) FROM n_events").fetchone()[0]
        for path in {self.root / Path(f).parent for f in [*files.values(), *overrides.values()]} \
                | {self.root / Path(f).parent for b in batches for f in b.files.values()}:
            layout.fsync_tree(path)
        has_rows = bool(plan.items or plan.problems)
        batch = Batch(batch_id, time.time(), len(plan.items), files, note)
        new = replace(self.manifest, version=version, next_batch=batch_no + 1,
                      batches=batches + ((batch,) if has_rows else ()), overrides=overrides)
        new = layout.retire(new, self.manifest)
        _crash_point("before-manifest")
        layout.write_manifest(self.root, new)
        self.manifest = new
        shutil.rmtree(self.staging(plan), ignore_errors=True)
        return CommitSummary(batch_id if has_rows else "", len(plan.items), n_events,
                             plan.skipped, len(plan.removed), changes, plan.problems)


def _crash_point(name: str) -> None:
    """Tests kill the writer here (FACT_TIMELINE_CRASH_AT=name) to prove atomicity."""
    import os
    import signal
    if os.environ.get("FACT_TIMELINE_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
