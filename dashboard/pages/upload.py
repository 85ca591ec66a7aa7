"""'Your articles' page: upload files or paste one article; they join the open corpus.

Thin layer over `dashboard.uploads` (limits, safe names, reports), `extract.ingest` (all
parsing) and the store (`dashboard.worker.add_in_worker`): each file becomes one batch of
the corpus store, on disk, so it is still there after a reload or a server restart, and
can be taken out again (a batch, or every article of a source).
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import corpus as store_corpus
from dashboard import uploads, worker
from dashboard.evidence import data_text

TIMELINE_PAGE = "dashboard/pages/timeline.py"
LANGUAGE_CHOICES = {"": "Detect automatically", **uploads.LANGUAGES}


def _add(name: str, articles, problems) -> uploads.FileReport:
    """One file's articles into the store as one batch, with its own progress bar."""
    report = uploads.FileReport(name, len(articles), tuple(problems))
    if not articles:
        return report
    bar = st.progress(0.0, text=f"{name}: starting the extraction…")
    meter = uploads.ProgressMeter(articles)
    articles, problems = uploads.prefixed(articles, problems)
    path = store_corpus.store_path()
    try:
        run = worker.add_in_worker(
            articles, problems, path, name,
            progress=lambda done, total, _: bar.progress(*_labelled(name, meter.done(done))),
            tick=lambda: bar.progress(*_labelled(name, meter.tick())))
    except worker.WorkerFailed as err:
        bar.empty()
        return uploads.FileReport(name, 0, report.problems + (
            uploads.Problem(name, None, "", "error", str(err)),))
    bar.empty()
    batch = run.commits[-1].batch if run.commits else ""
    return uploads.stored_report(report, run, store_corpus.extraction_failures(path, batch))


def _labelled(name: str, value: tuple[float, str]) -> tuple[float, str]:
    return value[0], f"{name}: {value[1]}"


def _files_tab() -> None:
    limit_mb = max(1, -(-uploads.MAX_FILE_BYTES // (1024 * 1024)))  # whole MB, rounded up
    files = st.file_uploader(
        "Article files", type=list(uploads.ACCEPTED_SUFFIXES), accept_multiple_files=True,
        max_upload_size=limit_mb, key="upload_files",
        help=f"Plain text shaped like the samples (title, blank line, date line, body), "
             f"JSON Lines or CSV with 'text' and 'published' columns, or saved web pages "
             f"(.html). At most {uploads.human_size(uploads.MAX_FILE_BYTES)} per file.")
    seen: set[str] = st.session_state.setdefault(uploads.SEEN_KEY, set())
    new = [f for f in files or [] if f.file_id not in seen]
    if not new:
        return
    reports = []
    for uploaded in new:
        seen.add(uploaded.file_id)
        name = uploads.safe_upload_name(uploaded.name)
        found, trouble = uploads.read_uploaded_file(uploaded.name, uploaded.getvalue())
        reports.append(_add(name, found, trouble))
    _finish(reports)


def _finish(reports: list[uploads.FileReport]) -> None:
    uploads.add_reports(reports)
    if any(r.n_articles for r in reports):
        st.rerun()  # the sidebar was drawn before this page: redraw it with the new batch


def _paste_tab() -> None:
    text = st.text_area("Article text", height=220, key="paste_text",
                        placeholder="Headline\n\nThe article's text…")
    title_col, date_col, lang_col = st.columns([2, 1, 1])
    title = title_col.text_input("Title (optional)", key="paste_title",
                                 help="Defaults to the first line of the text")
    published = date_col.date_input("Publication date", value=None, key="paste_date",
                                    min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31),
                                    format="YYYY-MM-DD",
                                    help="Needed to read 'gisteren', 'next Sunday', …")
    lang = lang_col.selectbox("Language", list(LANGUAGE_CHOICES), key="paste_lang",
                              format_func=LANGUAGE_CHOICES.get)
    if not st.button("Extract facts from this text", key="paste_submit", type="primary"):
        return
    article, problems = uploads.pasted_article(text, published, lang or None, title)
    if article is None:
        uploads.add_reports([uploads.FileReport("pasted text", 0, tuple(problems))])
        return
    _finish([_add("pasted text", [article], problems)])


def _reports() -> None:
    reports = uploads.file_reports()
    if not reports:
        return
    st.subheader("What was read")
    for report in reversed(reports):
        box = st.error if not report.n_articles else st.warning if report.problems else \
            st.success
        box(data_text(report.summary))
        if report.problems:
            with st.expander(f"Problems in {report.name} ({len(report.problems)})"):
                st.markdown("\n".join(f"- **{p.severity}**"
                                      + (f" (line {p.line})" if p.line else "")
                                      + f": {data_text(p.message)}" for p in report.problems))


def _remove(**what) -> None:
    try:
        worker.remove_in_worker(store_corpus.store_path(), **what)
    except worker.WorkerFailed as err:
        st.session_state["_upload_remove_error"] = str(err)


def _in_the_corpus() -> None:
    """The store's batches (each upload is one), and taking a batch or a source out."""
    corpus = store_corpus.open_store()
    size, path = corpus.size, corpus.path
    st.subheader("In the corpus")
    st.markdown(f"“{data_text(corpus.name)}” holds **{size.articles:,}** articles with "
                f"**{size.events:,}** dated facts about **{size.persons:,}** persons, "
                f"in {size.batches:,} batches, stored in `{path}`.")
    error = st.session_state.pop("_upload_remove_error", "")
    if error:
        st.error(data_text(error))
    table = store_corpus.batches(path)
    if table.empty:
        st.info("The corpus is empty: upload files above, or run "
                f"`python -m extract add FOLDER --store {path}`.")
        return
    st.dataframe(table.rename(columns={"note": "what"}), hide_index=True, key="upload_batches")
    left, right = st.columns(2)
    labels = {row.batch: f"{row.batch}: {row.note or 'added from the command line'} "
                         f"({_count(row.articles, 'article')}, {row.created})"
              for row in table.itertuples()}
    batch = left.selectbox("Batch", list(labels), format_func=labels.get, key="upload_batch")
    left.button("Remove this batch", key="upload_remove_batch", on_click=_remove,
                kwargs={"batch": batch}, help="Its articles and their facts leave the corpus")
    sources = store_corpus.sources(corpus)
    if sources:
        source = right.selectbox("Source", sources, key="upload_source")
        right.button("Remove this source", key="upload_remove_source", on_click=_remove,
                     kwargs={"source": source},
                     help="Every article of this source and their facts leave the corpus")


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def main() -> None:
    st.title("Your articles")
    st.caption("Bring your own news articles (Dutch or English). They are added to the "
               "open corpus on this server and stay there until you remove them.")
    files_tab, paste_tab = st.tabs(["Upload files", "Paste an article"])
    with files_tab:
        _files_tab()
    with paste_tab:
        _paste_tab()
    _reports()
    _in_the_corpus()
    st.page_link(TIMELINE_PAGE, label="See them on the timeline")


main()
