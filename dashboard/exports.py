"""Exports of the current view: the chart as PNG/SVG/PDF/HTML, the events as CSV/JSON/TimelineJS.

Pure functions (figure or DataFrame in, bytes/str/dict out) so that the Streamlit pages stay
thin and every format is unit-tested without a browser session.

Two guarantees shape this module:

* Speed. Chart images are rendered by kaleido in a headless Chromium. Starting Chromium
  costs about two seconds, so one browser is started on first use and kept for the life of
  the process (`_PersistentRenderer`); every later export takes a fraction of a second.
* Offline and safety. The machine has no internet: Chromium is Debian's (never a download),
  MathJax is disabled (kaleido would fetch it from a CDN), the HTML export inlines plotly.js,
  and article text - untrusted input - is HTML-escaped wherever a consumer renders HTML
  (TimelineJS) and neutralised where a spreadsheet would run it as a formula (CSV).
"""
from __future__ import annotations

import asyncio
import atexit
import html
import json
import os
import re
import shutil
import threading
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.evidence import cell_text, safe_url
from extract import tables

CHROMIUM_ENV = "FACT_TIMELINE_CHROMIUM"
"""Environment variable naming the Chromium binary; else BROWSER_PATH, else Debian's."""
DEFAULT_CHROMIUM = "/usr/bin/chromium"
RENDER_TIMEOUT_S = 60.0
IMAGE_FORMATS = ("png", "svg", "pdf")
NO_NETWORK_PROXY = "127.0.0.1:9"
"""The render browser's proxy: a closed local port, so any web fetch a figure might try
(an external image, a font) fails at once instead of leaving the machine."""


class ExportUnavailable(RuntimeError):
    """A chart image cannot be made on this machine; the message says what to install."""


# --------------------------------------------------------------------------- Chromium


def chromium_path() -> str | None:
    """The Chromium binary to render with, or None when there is none.

    Never returns a browser that kaleido/choreographer would download: only an explicit
    setting or a system package.
    """
    for candidate in (os.environ.get(CHROMIUM_ENV), os.environ.get("BROWSER_PATH"),
                      DEFAULT_CHROMIUM, shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


class _PersistentRenderer:
    """One kaleido Chromium kept alive in a background thread with its own event loop.

    kaleido's own `start_sync_server` blocks forever if the browser dies and mixes up
    results when two threads (two Streamlit sessions) export at once; this wrapper adds a
    lock, a timeout and a restart after a failure.
    """

    def __init__(self, browser: str) -> None:
        import kaleido  # imported late: it is slow to import and only needed here

        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever,
                                        name="kaleido-chromium", daemon=True)
        self._thread.start()
        try:
            self._kaleido = kaleido.Kaleido(path=browser, mathjax=False,
                                            timeout=RENDER_TIMEOUT_S,
                                            proxy_server=NO_NETWORK_PROXY)
            self._call(self._kaleido.open())
        except BaseException:
            self._stop_loop()
            raise

    def _call(self, coroutine: Any) -> Any:
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        return future.result(timeout=RENDER_TIMEOUT_S + 10)

    def render(self, fig: go.Figure, opts: dict[str, Any]) -> bytes:
        return self._call(self._kaleido.calc_fig(fig, opts=opts))

    def close(self) -> None:
        try:
            self._call(self._kaleido.close())
        finally:
            self._stop_loop()

    def _stop_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)


_renderer: _PersistentRenderer | None = None
_renderer_lock = threading.Lock()


def without_webgl(fig: go.Figure) -> go.Figure:
    """The figure with WebGL scatter traces redrawn as SVG scatter traces.

    The dashboard draws large aggregated views with `Scattergl` (fast in a browser with a
    GPU). Headless Chromium has no GPU: WebGL falls back to a slow software renderer, and
    SVG/PDF exports would hold those traces as a blurry bitmap. As SVG traces the export
    is vector and several times faster.
    """
    if not any(trace.type == "scattergl" for trace in fig.data):
        return fig
    static = go.Figure(layout=fig.layout)
    for trace in fig.data:
        if trace.type == "scattergl":
            spec = trace.to_plotly_json()
            spec.pop("type", None)
            static.add_trace(go.Scatter(**spec))
        else:
            static.add_trace(trace)
    return static


def without_patterns(fig: go.Figure) -> go.Figure:
    """The figure with pattern (hatch) fills removed from bars; colour and outline stay.

    Chromium prints each hatched bar into a PDF as a separate bitmap: 22 hatched bars make
    a 6.7 MB PDF in 8 s, a hundred time out. Only the PDF export uses this; PNG and SVG
    keep the hatching the dashboard uses for vague dates.
    """
    if not any(trace.type == "bar" and trace.marker.pattern.shape for trace in fig.data):
        return fig
    plain = go.Figure(fig)
    plain.update_traces(marker_pattern_shape="", selector={"type": "bar"})
    return plain


def _render(fig: go.Figure, fmt: str, width: int | None, height: int | None,
            scale: float) -> bytes:
    """Render with the shared browser; start it on first use, restart it once after a crash."""
    global _renderer
    fig = without_webgl(fig)
    if fmt == "pdf":
        fig = without_patterns(fig)
    opts: dict[str, Any] = {"format": fmt, "scale": scale}
    if width:
        opts["width"] = width
    if height:
        opts["height"] = height
    with _renderer_lock:
        for attempt in (1, 2):
            if _renderer is None:
                browser = chromium_path()
                if browser is None:
                    raise ExportUnavailable(
                        "Chart images need Chromium, and none was found at "
                        f"{DEFAULT_CHROMIUM} (or ${CHROMIUM_ENV}). Install it with "
                        "`apt-get install chromium`, or download the chart as HTML instead.")
                try:
                    _renderer = _PersistentRenderer(browser)
                    atexit.unregister(shutdown_renderer)
                    atexit.register(shutdown_renderer)  # no Chromium left behind on exit
                except Exception as err:  # noqa: BLE001 - any start failure means the same
                    raise ExportUnavailable(
                        f"Chromium at {browser} could not be started to draw the chart: {err}"
                    ) from err
            try:
                return _renderer.render(fig, opts)
            except Exception as err:  # noqa: BLE001
                broken, _renderer = _renderer, None   # a stuck or dead browser: start anew
                try:
                    broken.close()
                except Exception:  # noqa: BLE001 - it is already broken
                    pass
                if isinstance(err, TimeoutError):     # the chart itself is too heavy: no retry
                    raise ExportUnavailable(
                        f"The chart took more than {RENDER_TIMEOUT_S:.0f} s to draw; narrow "
                        "the filters or download it as HTML.") from err
                if attempt == 2:
                    raise ExportUnavailable(f"Chromium failed to draw the chart: {err}") from err
    raise AssertionError("unreachable")


def shutdown_renderer() -> None:
    """Stop the shared Chromium (tests and benchmarks use it to measure a cold start)."""
    global _renderer
    with _renderer_lock:
        if _renderer is not None:
            broken, _renderer = _renderer, None
            broken.close()


TALL_CHART_PX = 1200


def figure_to_png(fig: go.Figure, *, width: int | None = None, height: int | None = None,
                  scale: float | None = None) -> bytes:
    """PNG bytes of the chart.

    By default at scale 2, so it stays sharp in slides and print, except for charts over
    TALL_CHART_PX high (many lanes): those are large images already, and doubling them
    makes a 2800x4800 PNG that takes seconds to encode.
    """
    if scale is None:
        tall = (height or fig.layout.height or 0) > TALL_CHART_PX
        scale = 1 if tall else 2
    return _render(fig, "png", width, height, scale)


def figure_to_svg(fig: go.Figure, *, width: int | None = None,
                  height: int | None = None) -> bytes:
    """SVG bytes of the chart (vector, editable in Inkscape/Illustrator)."""
    return _render(fig, "svg", width, height, 1)


def figure_to_pdf(fig: go.Figure, *, width: int | None = None,
                  height: int | None = None) -> bytes:
    """PDF bytes of the chart (vector, for reports; bars without hatching, see
    `without_patterns`)."""
    return _render(fig, "pdf", width, height, 1)


# --------------------------------------------------------------------------- HTML


def figure_to_html(fig: go.Figure, title: str = "Fact timeline") -> str:
    """A standalone interactive HTML page that works with no network at all.

    plotly.js is inlined (about 4.5 MB) instead of loaded from a CDN, MathJax is left out,
    and plotly serialises the figure's JSON with `<` escaped, so article text in hover
    labels cannot close the script element.
    """
    page = fig.to_html(full_html=True, include_plotlyjs=True, include_mathjax=False,
                       config={"displaylogo": False})
    head = f'<meta charset="utf-8" />\n    <title>{html.escape(title)}</title>'
    return page.replace('<meta charset="utf-8" />', head, 1)


# --------------------------------------------------------------------------- data

def public_columns(df: pd.DataFrame) -> pd.DataFrame:
    """The events without the dashboard's helper columns (search index, day numbers ...).

    By the dashboard's convention those names start with an underscore; the extractor's
    columns never do.
    """
    internal = [c for c in df.columns if str(c).startswith("_")]
    return df.drop(columns=internal) if internal else df


def _list_cells_to_text(df: pd.DataFrame) -> pd.DataFrame:
    """Join list-valued cells (e.g. `sources`) with ' | ' so a CSV cell stays readable."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object:
            sample = out[column].dropna().head(50)
            if any(isinstance(v, (list, tuple)) for v in sample):
                out[column] = out[column].map(
                    lambda v: " | ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return out


def events_to_csv(df: pd.DataFrame, *, neutralise_formulas: bool = True) -> bytes:
    """UTF-8 CSV of the events, with a byte-order mark so Excel shows é and ü correctly."""
    out = _list_cells_to_text(public_columns(df))
    if neutralise_formulas:
        out = tables.neutralise_formulas(out)
    return "\ufeff".encode("utf-8") + _csv_bytes(out)


def _csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV via pyarrow's writer (25x faster than pandas at a million rows), pandas else.

    pyarrow quotes every text cell and none of the numbers; both read back the same.
    """
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    try:
        table = pa.Table.from_pandas(df, preserve_index=False)
        buffer = pa.BufferOutputStream()
        pa_csv.write_csv(table, buffer)
        return buffer.getvalue().to_pybytes()
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return df.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8")


def events_to_json(df: pd.DataFrame) -> bytes:
    """JSON array of event records: ISO dates, null for missing values, UTF-8 text."""
    text = public_columns(df).to_json(orient="records", date_format="iso", force_ascii=False, indent=1)
    return text.encode("utf-8")


# --------------------------------------------------------------------------- TimelineJS

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def _timelinejs_date(value: Any, grain: str) -> dict[str, str] | None:
    """A TimelineJS date object at the precision the source gave: no day for a month."""
    if cell_text(value) == "":
        return None
    day = pd.Timestamp(value)
    date = {"year": str(day.year)}
    if grain in ("year", "decade", "century"):
        return date
    date["month"] = str(day.month)
    if grain in ("month", "season", "quarter", "half"):
        return date
    date["day"] = str(day.day)
    return date


def _highlighted_sentence(row: pd.Series) -> str:
    """The sentence, escaped, with the time expression in bold when its offsets fit."""
    sentence = cell_text(row.get("sentence"))
    try:
        start = int(row.get("time_start_char")) - int(row.get("sentence_start"))
        end = int(row.get("time_end_char")) - int(row.get("sentence_start"))
    except (TypeError, ValueError):
        return html.escape(sentence)
    if not 0 <= start < end <= len(sentence):
        return html.escape(sentence)
    return (html.escape(sentence[:start]) + "<strong>" + html.escape(sentence[start:end])
            + "</strong>" + html.escape(sentence[end:]))


def _source_line(row: pd.Series) -> str:
    """'Source: title (published)' with a link only for http(s) URLs, all escaped."""
    title = cell_text(row.get("title")) or cell_text(row.get("source")) or cell_text(row.get("doc_id"))
    url = cell_text(row.get("url"))
    published = cell_text(row.get("published"))[:10]
    label = html.escape(title) + (f" ({html.escape(published)})" if published else "")
    if safe_url(url):
        label = f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">{label}</a>'
    return f"<p><em>Source: {label}</em></p>" if label else ""


def events_to_timelinejs(df: pd.DataFrame, title: str = "Fact timeline",
                         description: str = "") -> dict[str, Any]:
    """A Knight Lab TimelineJS document: one slide per dated event, grouped by person.

    TimelineJS renders `headline` and `text` as HTML, so every piece of article text is
    escaped here; the only markup is ours (<p>, <strong>, <em>, a safe <a>). Events without
    a start date cannot be placed on a timeline and are left out.
    """
    events: list[dict[str, Any]] = []
    used_ids: set[str] = set()
    for _, row in df.iterrows():
        grain = cell_text(row.get("grain"))
        start = _timelinejs_date(row.get("start"), grain)
        if start is None:
            continue
        person = cell_text(row.get("person"))
        label = cell_text(row.get("label")) or cell_text(row.get("event_type"))
        headline = html.escape(f"{person}: {label}" if label else person)
        text = "<p>" + _highlighted_sentence(row) + "</p>" + _source_line(row)
        slide: dict[str, Any] = {
            "start_date": start,
            "text": {"headline": headline, "text": text},
            "group": html.escape(person),
            "unique_id": _unique_id(cell_text(row.get("event_id")) or "event", used_ids),
        }
        end = _timelinejs_date(row.get("end"), grain)
        if end is not None and end != start:
            slide["end_date"] = end
        time_text = cell_text(row.get("time_text"))
        if time_text:
            slide["display_date"] = html.escape(time_text)
        events.append(slide)
    document: dict[str, Any] = {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(description)}},
        "events": events,
    }
    return document


def _unique_id(raw: str, used: set[str]) -> str:
    """An id TimelineJS can use as an HTML id and URL hash: [A-Za-z0-9_-], unique."""
    base = _ID_UNSAFE.sub("-", raw).strip("-") or "event"
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def timelinejs_to_bytes(document: dict[str, Any]) -> bytes:
    """The TimelineJS document as the UTF-8 JSON file TimelineJS loads."""
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
