"""Shared test set-up."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLES = ROOT / "data" / "articles"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (REQUIRE_BROWSER=1) a skipped browser test is a failure, not a pass."""
    outcome = yield
    report = outcome.get_result()
    if (report.skipped and os.environ.get("REQUIRE_BROWSER") == "1"
            and item.get_closest_marker("browser")):
        report.outcome = "failed"
        report.longrepr = f"browser test skipped but REQUIRE_BROWSER=1: {report.longrepr}"
