"""A person in a real Chromium: open the app, filter by person, click an event, read evidence.

Runs against `streamlit run streamlit_app.py` on the bundled sample articles, and checks
on the way that the page never asks anything of a host other than the local server.
"""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOAD_TIMEOUT_MS = 90_000


def lane_labels(page) -> list[str]:
    """Person names on the timeline's lanes, as drawn in the SVG."""
    texts = page.locator(".js-plotly-plot .ytick text").evaluate_all(
        "ticks => ticks.map(t => t.textContent)")
    return [re.sub(r" \(\d+\)$", "", t.strip()) for t in texts]


@pytest.fixture
def page(browser, streamlit_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.requested_hosts = set()
    page.on("request", lambda request: page.requested_hosts.add(urlparse(request.url).netloc)
            if request.url.startswith(("http:", "https:", "ws:", "wss:")) else None)
    page.goto(streamlit_url)
    page.wait_for_selector(".js-plotly-plot .ytick text", timeout=LOAD_TIMEOUT_MS)
    yield page
    context.close()


def choose_person(page, name: str) -> None:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    box.locator("input").click()
    box.locator("input").fill(name)
    page.get_by_role("option", name=re.compile(rf"^{re.escape(name)} \(\d+\)$")).click()
    page.keyboard.press("Escape")


def test_filter_by_person_then_click_an_event_to_see_its_evidence(page, streamlit_url):
    everyone = lane_labels(page)
    assert len(everyone) >= 2, everyone
    person = everyone[1]

    choose_person(page, person)
    page.wait_for_function(
        """name => {
             const ticks = [...document.querySelectorAll('.js-plotly-plot .ytick text')];
             return ticks.length === 1 && ticks[0].textContent.startsWith(name);
           }""", arg=person, timeout=LOAD_TIMEOUT_MS)
    assert lane_labels(page) == [person]
    page.wait_for_function("location.search.includes('person=')")  # the view is in the link

    # Click the first event drawn for that person (marker or period bar).
    point = page.locator(".js-plotly-plot .point").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    evidence = page.locator(".ft-evidence")
    evidence.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert evidence.locator("mark.ft-date").count() >= 1
    assert person in evidence.inner_text()
    page.wait_for_function("location.search.includes('event=')")  # and so is the event

    local = urlparse(streamlit_url).netloc
    assert page.requested_hosts == {local}, page.requested_hosts


def x_range(page) -> list[str]:
    return page.evaluate("document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range")


def test_a_dragged_zoom_is_kept_when_a_filter_changes(page):
    full = x_range(page)
    page.locator('.js-plotly-plot .modebar-btn[data-title="Box Select"]').click()
    area = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
    y = area["y"] + area["height"] / 2
    page.mouse.move(area["x"] + area["width"] * 0.10, y)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] * 0.35, y, steps=8)
    page.mouse.up()
    page.wait_for_function("location.search.includes('zoom=')", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function(
        "r => JSON.stringify(document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range)"
        " !== JSON.stringify(r)", arg=full, timeout=LOAD_TIMEOUT_MS)
    zoomed = x_range(page)
    assert full[0] < zoomed[0] < zoomed[1] < full[1]

    person = lane_labels(page)[1]
    choose_person(page, person)                    # a filter change redraws the chart
    page.wait_for_function("location.search.includes('person=')", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function(
        """name => {
             const ticks = [...document.querySelectorAll('.js-plotly-plot .ytick text')];
             return ticks.length === 1 && ticks[0].textContent.startsWith(name);
           }""", arg=person, timeout=LOAD_TIMEOUT_MS)
    assert x_range(page) == zoomed

    page.get_by_role("button", name=re.compile("Reset zoom")).click()
    page.wait_for_function("!location.search.includes('zoom=')", timeout=LOAD_TIMEOUT_MS)
