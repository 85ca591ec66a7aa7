"""A real browser downloads the chart as PNG from the running dashboard's Export page."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_png_download_from_the_export_page_is_a_png(streamlit_url, browser, tmp_path):
    page = browser.new_page(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{streamlit_url}/export")
        button = page.get_by_role("button", name="PNG image")
        button.wait_for(state="visible", timeout=60_000)
        with page.expect_download(timeout=60_000) as info:
            button.click()
        download = info.value
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        data = target.read_bytes()
        assert target.suffix == ".png"
        assert data.startswith(PNG_SIGNATURE), data[:40]
        width = int.from_bytes(data[16:20], "big")
        height = int.from_bytes(data[20:24], "big")
        assert width >= 600 and height >= 300, (width, height)  # a chart, not an empty pixel
    finally:
        page.close()
