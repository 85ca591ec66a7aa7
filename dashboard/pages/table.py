"""Table page: the filtered events, sortable, with links to the articles."""
from __future__ import annotations

import streamlit as st

from dashboard import controls, queries
from dashboard.evidence import evidence_html
from dashboard.filters import describe_hidden
from dashboard.summary import TABLE_COLUMNS, table_view

ROW_LIMIT = 20_000   # a browser table beyond this is slow and nobody scrolls that far


def main() -> None:
    explore = controls.current()
    st.title("Events")
    st.caption(describe_hidden(explore.outcome))
    outcome = explore.outcome
    # Events are kept in date order, so the first rows that pass are the earliest ones.
    table = table_view(outcome.head(ROW_LIMIT, TABLE_COLUMNS), limit=ROW_LIMIT)
    if outcome.count > ROW_LIMIT:
        st.warning(f"Showing the first {ROW_LIMIT:,} of {outcome.count:,} events "
                   "(by date). Narrow the filters, or download them all from the Timeline page.")
    st.caption("Click a column title to sort; pick a row to see the sentence it was read from.")
    chosen = st.dataframe(
        table, hide_index=True, width="stretch", height=600, key="events_table",
        on_select="rerun", selection_mode="single-row",
        column_config={
            "person": st.column_config.TextColumn("Person", pinned=True),
            "label": st.column_config.TextColumn("What", width="medium"),
            "source": st.column_config.TextColumn("Source"),
            "published": st.column_config.TextColumn("Published"),
            "title": st.column_config.TextColumn("Article"),
            "start": st.column_config.TextColumn("From", help="First day the date can mean"),
            "end": st.column_config.TextColumn("To", help="Last day the date can mean"),
            "time_text": st.column_config.TextColumn("Written as"),
            "event_type": st.column_config.TextColumn("Type"),
            "confidence": st.column_config.ProgressColumn("Confidence", min_value=0.0,
                                                          max_value=1.0, format="%.2f"),
            "n_sources": st.column_config.NumberColumn("Sources", format="%d"),
            "url": st.column_config.LinkColumn("Link", display_text="open article"),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
            "event_id": st.column_config.TextColumn("Event id"),
        })
    rows = chosen.selection.rows if chosen else []
    if rows:
        event_id = str(table.iloc[rows[0]]["event_id"])
        controls.select_event(event_id)
        event = controls.event_by_id(explore, event_id)
        if event is not None:
            st.subheader("Evidence")
            st.html(evidence_html(event, queries.corroborating(explore.store, event)))


main()
