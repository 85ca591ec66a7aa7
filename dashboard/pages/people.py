"""People page: per person, the first and last dated event and the events by type."""
from __future__ import annotations

import streamlit as st

from dashboard import controls
from dashboard.figures import type_bars_figure
from dashboard.filters import describe_hidden
from dashboard.summary import type_table


def main() -> None:
    explore = controls.current()
    st.title("People")
    st.caption(describe_hidden(explore.outcome))
    # Counted in DuckDB over the store: one row per person, whatever the number of events.
    summary = controls.ask(explore, "person_summary", explore.lanes)
    if summary.empty:
        st.info("No events match the filters.")
        return
    st.dataframe(summary, hide_index=True, width="stretch", key="people_table",
                 column_config={
                     "person": st.column_config.TextColumn("Person", pinned=True),
                     "events": st.column_config.NumberColumn("Events"),
                     "first date": st.column_config.TextColumn("First date"),
                     "first event": st.column_config.TextColumn("First event"),
                     "last date": st.column_config.TextColumn("Last date"),
                     "last event": st.column_config.TextColumn("Last event"),
                     "sources": st.column_config.NumberColumn(
                         "Sources", help="Publications reporting this person's events")})
    st.caption("Columns after 'Sources' count the events of each type.")
    st.subheader("Events by type")
    st.plotly_chart(type_bars_figure(type_table(summary), explore.lanes[:40]), theme=None,
                    key="people_types", config={"displaylogo": False})


main()
