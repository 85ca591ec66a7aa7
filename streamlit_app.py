"""Fact timeline dashboard: `streamlit run streamlit_app.py`.

A thin router: the sidebar (corpus, filters, view; see dashboard/controls.py) is drawn
here for every page so it keeps its state across pages, then the chosen page runs.
"""
import streamlit as st

from dashboard import controls

# Page icons are emoji on purpose: a :material/...: icon makes the browser fetch the
# favicon from a font CDN (the app must make no request off this machine).
st.set_page_config(page_title="Fact timeline", layout="wide")

pages = [st.Page("dashboard/pages/timeline.py", title="Timeline", icon="🗓️",
                 default=True),
         st.Page("dashboard/pages/table.py", title="Events table", icon="📋",
                 url_path="events"),
         st.Page("dashboard/pages/people.py", title="People", icon="👥"),
         st.Page("dashboard/pages/export.py", title="Export", icon="⬇️"),
         st.Page("dashboard/pages/upload.py", title="Your articles", icon="📤")]

page = st.navigation(pages)
controls.render_sidebar()
page.run()
