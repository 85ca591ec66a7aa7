"""'Your articles' page: upload files or paste one article; its facts join the timeline.

Thin layer over `dashboard.uploads` (limits, safe names, session storage) and
`extract.ingest` (all parsing). Extracted uploads become two sidebar corpora through
`dashboard.data.register_corpus`: the uploads alone, and the uploads together with the
sample corpus the user was looking at.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import controls, data, uploads, worker

UPLOADS_CORPUS = "Your articles"
TIMELINE_PAGE = "dashboard/pages/timeline.py"
LANGUAGE_CHOICES = {"": "Detect automatically", **uploads.LANGUAGES}


def _merged_name(base: str) -> str:
    return f"Your articles + {base}"


def _base_sample_corpus() -> str:
    """The sample corpus the uploads are merged into: the one in view, else the default."""
    chosen = st.session_state.get(controls.K["corpus"], "")
    return chosen if chosen in data.SAMPLE_CORPORA else data.DEFAULT_CORPUS


def _register(tables) -> None:
    """Make the uploads (alone, and merged with the sample in view) selectable corpora."""
    corpora = data.session_corpora()
    for name in [n for n in corpora if n == UPLOADS_CORPUS or n.startswith("Your articles + ")]:
        del corpora[name]
    if tables is None:
        return
    data.register_corpus(UPLOADS_CORPUS, tables)
    base = _base_sample_corpus()
    sample = data.load_sample_corpus(base)
    # The sample's events are prepared for the dashboard; its helper columns (named
    # "_...") are rebuilt by register_corpus for the merged table.
    sample_events = sample.events[[c for c in sample.events.columns if not c.startswith("_")]]
    sample_tables = type(tables)(timexes=tables.timexes.iloc[0:0], events=sample_events,
                                 persons=tables.persons.iloc[0:0], documents=sample.documents,
                                 problems=sample.problems)
    data.register_corpus(_merged_name(base), uploads.merge_tables(sample_tables, tables))


def _extract(articles, problems, reports, counts) -> None:
    """Run extraction over all uploads in a worker process, with a progress bar that
    moves (by characters done, the seconds shown while one long article is extracted),
    then register the corpora."""
    bar = st.progress(0.0, text="Starting the extraction…")
    meter = uploads.ProgressMeter(uploads.uploaded_articles() + list(articles))
    try:
        tables = uploads.add_articles(
            articles, problems, progress=lambda done, total, title: bar.progress(*meter.done(done, title)),
            extractor=lambda a, p, progress: worker.extract_in_worker(
                a, p, progress, tick=lambda: bar.progress(*meter.tick())))
    except worker.WorkerFailed as err:
        bar.empty()
        uploads.add_reports([uploads.FileReport(r.name, 0, r.problems + (
            uploads.Problem(r.name, None, "", "error", str(err)),)) for r in reports])
        return
    bar.empty()
    new_ids = [a.doc_id for a in uploads.uploaded_articles()[-len(articles):]]
    uploads.add_reports(uploads.with_failures(reports, counts, new_ids, tables))
    _register(tables)
    st.rerun()  # the sidebar was drawn before this page: redraw it with the new corpora


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
    articles, problems, reports, counts = [], [], [], []
    for uploaded in new:
        seen.add(uploaded.file_id)
        name = uploads.safe_upload_name(uploaded.name)
        found, trouble = uploads.read_uploaded_file(uploaded.name, uploaded.getvalue())
        fitting, refused = uploads.over_session_limit(articles + found, name)
        found, trouble = fitting[len(articles):], trouble + refused
        articles += found
        problems += trouble
        reports.append(uploads.FileReport(name, len(found), tuple(trouble)))
        counts.append(len(found))
    if articles:
        _extract(articles, problems, reports, counts)
    else:
        uploads.add_reports(reports)


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
    report = uploads.FileReport("pasted text", 1 if article else 0, tuple(problems))
    if article is None:
        uploads.add_reports([report])
        return
    _extract([article], problems, [report], [1])


def _reports() -> None:
    reports = uploads.file_reports()
    if not reports:
        return
    st.subheader("What was read")
    for report in reversed(reports):
        box = st.error if not report.n_articles else st.warning if report.problems else \
            st.success
        box(_plain(report.summary))
        if report.problems:
            with st.expander(f"Problems in {report.name} ({len(report.problems)})"):
                st.markdown("\n".join(f"- **{p.severity}**"
                                      + (f" (line {p.line})" if p.line else "")
                                      + f": {_plain(p.message)}" for p in report.problems))


def _plain(text: str) -> str:
    """Text from a file shown as text: Markdown and HTML characters escaped.

    Problem messages quote the file (e.g. a bad date value); unescaped, a value such as
    `![x](https://tracker/p.png)` would make the browser fetch an image from outside.
    """
    for ch in "\\`*_{}[]()#+-.!<>|":
        text = text.replace(ch, "\\" + ch)
    return text


def _count(n: int, noun: str) -> str:
    return f"**{n:,}** {noun}{'' if n == 1 else 's'}"


def _select_uploads() -> None:
    st.session_state[controls.K["corpus"]] = UPLOADS_CORPUS
    st.session_state["_upload_go_to_timeline"] = True


def _clear() -> None:
    uploads.clear_uploads()
    _register(None)


def _summary() -> None:
    tables = uploads.uploaded_tables()
    if tables is None:
        return
    n_articles, n_events = len(uploads.uploaded_articles()), len(tables.events)
    st.subheader("On the timeline")
    n_persons = tables.events["person"].nunique() if n_events else 0
    st.markdown(f"Your {_count(n_articles, 'article')} gave {_count(n_events, 'dated fact')} "
                f"about {_count(n_persons, 'person')}. Pick “{UPLOADS_CORPUS}” or "
                f"“{_merged_name(_base_sample_corpus())}” as the corpus in the sidebar.")
    go, clear = st.columns(2)
    go.button("Show them on the timeline", key="upload_show", type="primary",
              on_click=_select_uploads)
    clear.button("Remove my articles", key="upload_clear", on_click=_clear)


def main() -> None:
    if st.session_state.pop("_upload_go_to_timeline", False):
        st.switch_page(TIMELINE_PAGE)
    st.title("Your articles")
    st.caption("Bring your own news articles (Dutch or English). They stay in this browser "
               "session only and are never written to disk on the server.")
    files_tab, paste_tab = st.tabs(["Upload files", "Paste an article"])
    with files_tab:
        _files_tab()
    with paste_tab:
        _paste_tab()
    _summary()
    _reports()


main()
