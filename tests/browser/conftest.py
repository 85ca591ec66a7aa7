"""A real `streamlit run` of the dashboard on a free localhost port, for browser tests.

Also `browser`: Debian's Chromium driven by Playwright, never a downloaded browser. Tests
that use it skip, with the reason, only when /usr/bin/chromium is missing (CI installs it,
and there a skip counts as a failure: see tests/conftest.py).
"""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
START_TIMEOUT_S = 60


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n"
                               f"{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer within {START_TIMEOUT_S}s:\n"
                       f"{log.read_text(errors='replace')}")


@contextlib.contextmanager
def serve(store: Path, log: Path):
    """`streamlit run streamlit_app.py -- --store STORE` on a free port; yields its URL."""
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", "--", "--store", str(store)]
    with log.open("ab") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """A store of the two bundled seed articles (never the user's own `store/`)."""
    from dashboard.corpus import create_store
    root = tmp_path_factory.mktemp("browser-store") / "store"
    create_store(root, (ROOT / "data" / "articles",))
    return root


@pytest.fixture(scope="session")
def streamlit_url(tmp_path_factory, seed_store) -> str:
    """URL of the dashboard served by `streamlit run streamlit_app.py` on localhost."""
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    with serve(seed_store, log) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright (skips only when it is not installed)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make browser)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
