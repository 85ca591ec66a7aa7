"""Interface defects found by using the app as a new user (issue 10), in a real Chromium."""
from __future__ import annotations

import unicodedata

import pytest

from tests.browser.test_timeline_browser import LOAD_TIMEOUT_MS, page  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _overlap(a: dict, b: dict) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


def test_no_hover_box_covers_the_legend(page):  # noqa: F811
    legend = page.locator(".ft-legend").first.bounding_box()
    points = page.locator(".js-plotly-plot .point")
    hovered = 0
    for i in range(points.count()):
        box = points.nth(i).bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        label = page.locator(".hoverlayer .hovertext")
        try:
            label.first.wait_for(timeout=2_000)
        except Exception:  # noqa: BLE001 - a point hidden under another one
            continue
        shown = label.first.bounding_box()
        if shown is None:  # gone again (the pointer moved on)
            continue
        hovered += 1
        assert not _overlap(shown, legend), f"hover of point {i}"
    assert hovered >= 3


def test_a_chosen_date_fits_its_box(page, streamlit_url):  # noqa: F811
    """The whole date shows, left of the clear and calendar icons drawn over the box
    (two boxes side by side in the sidebar showed "2007·")."""
    page.goto(f"{streamlit_url}/?from=2007-05-28")
    field = page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]').first
    page.wait_for_function("""() => {
        const box = document.querySelector('[data-testid="stSidebar"] [data-testid="stDateInput"] input');
        return box !== null && box.value === '2007-05-28'; }""", timeout=LOAD_TIMEOUT_MS)
    # The date is drawn as segments (year, '-', month, ...) in leaf elements, the clear
    # and calendar buttons over the right end of the box.
    text_end = field.evaluate("""el => Math.max(...[...el.querySelectorAll('*')]
        .filter(e => !e.children.length && /^(\\d+|-)$/.test(e.textContent.trim()))
        .map(e => e.getBoundingClientRect().right))""")
    first_button = min(field.locator("button").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().left)"))
    assert text_end <= first_button, (text_end, first_button)


def test_page_names_carry_no_emoji(page):  # noqa: F811
    names = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
    assert [n.strip() for n in names] == ["Timeline", "Events table", "People", "Export",
                                          "Your articles"]
    assert not any(unicodedata.category(ch) == "So" for n in names for ch in n)
