"""Fact timeline dashboard: `streamlit run streamlit_app.py [-- --store PATH]`.

It shows one corpus store (`dashboard.corpus`: the default `store/`, seeded with the
bundled samples on first run, or the store named after `--`).

A thin router: the sidebar (corpus, filters, view; see dashboard/controls.py) is drawn
here for every page so it keeps its state across pages, then the chosen page runs.
"""
import streamlit as st

from dashboard import controls



def main() -> None:
    # No page icons: emoji render as empty boxes on a machine without an emoji font, and a
    # :material/...: page icon makes the browser fetch the favicon from a font CDN (the app
    # must make no request off this machine). The titles say enough.
    st.set_page_config(page_title="Fact timeline", layout="wide")
    pages = [st.Page("dashboard/pages/timeline.py", title="Timeline", default=True),
             st.Page("dashboard/pages/table.py", title="Events table", url_path="events"),
             st.Page("dashboard/pages/people.py", title="People"),
             st.Page("dashboard/pages/export.py", title="Export"),
             st.Page("dashboard/pages/upload.py", title="Your articles")]
    page = st.navigation(pages)
    controls.render_sidebar()
    page.run()


# A process that multiprocessing spawns (a Dask or pool worker started from a process
# that ran this script as its main, e.g. under AppTest) re-imports it as "__mp_main__":
# it must not open, or create, the store.
if __name__ != "__mp_main__":
    main()
