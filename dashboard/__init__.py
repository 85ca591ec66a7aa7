"""The Streamlit dashboard over the extractor's events (`streamlit run streamlit_app.py`).

Pure, tested functions do the work; the pages only wire them to widgets:

- `data`: sample corpora and uploads, prepared once (`prepare_events`), cached
- `filters`: `FilterState` and vectorised masks, counts of what each filter hides
- `state`: the view as URL query parameters and back
- `lanes`: where events go: lane order, stacking rows, merged reports, rows to draw
- `figures`: the Plotly timeline (markers, uncertainty bars, aggregation when large)
- `evidence`: the sentence with date and person marked, always HTML-escaped
- `summary`: the per-person summary and the events table
- `controls`: the sidebar (the only Streamlit code outside the pages)
- `exports`, `uploads`: downloads and the 'Your articles' page
"""
