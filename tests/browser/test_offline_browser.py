"""Nothing is loaded from the internet: not by the dashboard, not by its HTML export.

The app runs on machines with no internet access and shows article text that nobody
should be able to track; a single CDN font, favicon or script would break both. Every
request the browser makes (pages, scripts, fonts, images, websockets, workers) is
recorded and must go to this machine; data: and blob: URLs never leave the browser.
"""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
IN_BROWSER_SCHEMES = {"data", "blob", "about", "chrome-extension", "file"}
PAGES = ["", "table", "people", "export", "upload"]


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in IN_BROWSER_SCHEMES:
        return True
    return parsed.hostname in LOCAL_HOSTS


def record_requests(context) -> list[str]:
    """Every URL the context asks for; anything off this machine is also blocked."""
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    context.route(lambda url: not is_local(url), lambda route: route.abort())
    return seen


def test_is_local_tells_this_machine_from_the_internet():
    assert is_local("http://127.0.0.1:8501/_stcore/stream")
    assert is_local("ws://localhost:8501/_stcore/stream")
    assert is_local("data:image/png;base64,AAAA")
    assert not is_local("https://fonts.googleapis.com/css2?family=Inter")
    assert not is_local("https://cdn.plot.ly/plotly-3.0.0.min.js")
    assert not is_local("http://127.0.0.1.evil.example/")


def test_every_page_loads_only_from_localhost(streamlit_url, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    seen = record_requests(context)
    try:
        page = context.new_page()
        for path in PAGES:
            page.goto(f"{streamlit_url}/{path}")
            page.get_by_test_id("stSidebar").wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            page.mouse.move(700, 400)           # hover the chart: tooltips, no fetch
            page.wait_for_timeout(1_500)
    finally:
        context.close()
    assert any(urlparse(u).path.startswith("/static/") for u in seen), "app did not load"
    outside = sorted({u for u in seen if not is_local(u)})
    assert outside == [], f"requests left the machine: {outside}"


def test_exported_html_opens_with_no_network(streamlit_url, browser, tmp_path):
    context = browser.new_context(accept_downloads=True)
    seen = record_requests(context)
    try:
        page = context.new_page()
        page.goto(f"{streamlit_url}/export")
        button = page.get_by_role("button", name="Interactive HTML")
        button.wait_for(timeout=60_000)
        with page.expect_download(timeout=60_000) as info:
            button.click()
        exported = tmp_path / "chart.html"
        info.value.save_as(exported)
        seen.clear()
        page.goto(exported.as_uri())
        page.locator(".main-svg").first.wait_for(timeout=30_000)  # plotly drew the chart
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    outside = sorted({u for u in seen if not is_local(u)})
    assert outside == [], f"the exported HTML fetched: {outside}"


def test_uploaded_articles_with_hostile_text_load_nothing_from_outside(streamlit_url, browser,
                                                                       tmp_path):
    """Untrusted article text (Markdown images, HTML, links) must render as text only."""
    import json
    hostile = "![x](https://tracker.example/p.png) <img src=https://tracker.example/i.png>"
    upload = tmp_path / "hostile.jsonl"
    upload.write_text(json.dumps({
        "text": f"Op 3 mei 2022 tekende Frenkie de Jong bij Barcelona. {hostile}",
        "published": hostile, "title": hostile,
        "url": "https://tracker.example/article", "lang": "nl"}) + "\n", encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    seen = record_requests(context)
    try:
        page = context.new_page()
        page.goto(f"{streamlit_url}/upload")
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
        page.get_by_text("What was read").wait_for(timeout=120_000)
        page.get_by_role("link", name="See them on the timeline").click()
        page.get_by_text("Showing").first.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.mouse.move(700, 330)
        page.wait_for_timeout(1_500)
    finally:
        context.close()
    outside = sorted({u for u in seen if not is_local(u)})
    assert outside == [], f"requests left the machine: {outside}"
