"""Every export format, checked the way a user's program would read it."""
from __future__ import annotations

import io
import json
import re
import time
import xml.etree.ElementTree as ET

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import exports

HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'

needs_chromium = pytest.mark.skipif(exports.chromium_path() is None,
                                    reason="Debian's Chromium (/usr/bin/chromium) is not installed")


def events_frame() -> pd.DataFrame:
    """A few events shaped like the extractor's, with the awkward text real articles have."""
    rows = [
        dict(event_id="nu-1#1", doc_id="nu-1", person="Carlo Ancelotti", start="2022-05-28",
             end="2022-05-28", grain="day", value="2022-05-28", mod="", type="DATE",
             time_text="28 mei", time_start_char=120, time_end_char=126, label="finale",
             event_type="match", confidence=0.9, link_rule="named in clause",
             sentence="Carlo Ancelotti kan op 28 mei geschiedenis schrijven.",
             sentence_start=97, published="2022-05-05T15:34", title="Kroos duidt onderonsje",
             source="voetbalzone.nl", url="https://www.voetbalzone.nl/a", fact_id="f1",
             sources="nu-1", n_sources=1),
        dict(event_id="nu-1#2", doc_id="nu-1", person="Toni Kroos", start="2022-05-01",
             end="2022-05-31", grain="month", value="2022-05", mod="", type="DATE",
             time_text="mei", time_start_char=10, time_end_char=13, label=HOSTILE,
             event_type="statement", confidence=0.5, link_rule="pronoun",
             sentence='"Hij twijfelde", zei Kroos in mei; = 1+1, café, "quotes"\nnew line',
             sentence_start=0, published="2022-05-05T15:34", title=HOSTILE,
             source="x", url="javascript:alert(1)", fact_id="f2", sources="nu-1", n_sources=1),
        dict(event_id="nu-2#1", doc_id="nu-2", person="Toni Kroos", start="2014-01-01",
             end="2014-12-31", grain="year", value="2014", mod="", type="DATE",
             time_text="in 2014", time_start_char=0, time_end_char=7, label="transfer",
             event_type="transfer", confidence=0.8, link_rule="named in clause",
             sentence="=HYPERLINK(\"http://evil\",\"klik\") in 2014", sentence_start=0,
             published="2022-05-06", title="Transfer", source="nos.nl", url="", fact_id="f3",
             sources="nu-2", n_sources=1),
        dict(event_id="nu-2#2", doc_id="nu-2", person="Toni Kroos", start="", end="",
             grain="", value="P3Y", mod="", type="DURATION", time_text="drie jaar",
             time_start_char=0, time_end_char=9, label="contract", event_type="contract",
             confidence=0.4, link_rule="pronoun", sentence="drie jaar", sentence_start=0,
             published="2022-05-06", title="Transfer", source="nos.nl", url="",
             fact_id="f4", sources="nu-2", n_sources=1),
    ]
    return pd.DataFrame(rows)


def small_figure() -> go.Figure:
    fig = go.Figure(go.Scatter(x=["2022-05-01", "2022-05-28"], y=["Toni Kroos", "Carlo Ancelotti"],
                               mode="markers", hovertext=[HOSTILE, "finale"]))
    fig.update_layout(title="Fact timeline")
    return fig


# --------------------------------------------------------------------------- images


@pytest.mark.browser
@needs_chromium
def test_png_is_a_png_and_later_exports_are_fast():
    first = exports.figure_to_png(small_figure())
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    started = time.perf_counter()
    second = exports.figure_to_png(small_figure(), width=800, height=400, scale=1)
    elapsed = time.perf_counter() - started
    assert second[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(second[16:20], "big"), int.from_bytes(second[20:24], "big")
    assert (width, height) == (800, 400)
    assert elapsed < 1.0, f"an export with a running Chromium took {elapsed:.2f}s"


@pytest.mark.browser
@needs_chromium
def test_svg_is_xml_with_an_svg_root():
    svg = exports.figure_to_svg(small_figure())
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert b"<svg" in svg[:200]


@pytest.mark.browser
@needs_chromium
def test_pdf_starts_with_the_pdf_signature():
    assert exports.figure_to_pdf(small_figure()).startswith(b"%PDF")


def test_missing_chromium_is_a_clear_error_not_a_crash(monkeypatch):
    monkeypatch.setattr(exports, "_renderer", None)
    monkeypatch.setattr(exports, "chromium_path", lambda: None)
    with pytest.raises(exports.ExportUnavailable, match="Chromium.*apt-get install chromium"):
        exports.figure_to_png(small_figure())


def test_chromium_path_prefers_the_configured_binary(monkeypatch, tmp_path):
    fake = tmp_path / "my-chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv(exports.CHROMIUM_ENV, str(fake))
    assert exports.chromium_path() == str(fake)


# --------------------------------------------------------------------------- HTML


def test_html_is_standalone_with_nothing_loaded_from_the_network():
    page = exports.figure_to_html(small_figure(), title="Kroos <&> Ancelotti")
    assert page.lstrip().lower().startswith("<html") or page.lstrip().lower().startswith("<!doctype")
    assert not re.search(r"<script[^>]+src=", page, re.IGNORECASE)
    assert not re.search(r"<link[^>]+href=", page, re.IGNORECASE)
    assert not re.search(r"@import|fonts\.googleapis", page)
    assert "Plotly.newPlot" in page and len(page) > 1_000_000  # plotly.js inlined
    assert "<title>Kroos &lt;&amp;&gt; Ancelotti</title>" in page


def test_html_keeps_hostile_hover_text_inside_the_data():
    page = exports.figure_to_html(small_figure())
    assert HOSTILE not in page
    assert '<script>alert("x")' not in page


# --------------------------------------------------------------------------- CSV / JSON


def test_csv_round_trips_with_accents_quotes_and_newlines():
    df = events_frame()
    data = exports.events_to_csv(df)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads UTF-8
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert list(back.columns) == list(df.columns)
    assert len(back) == len(df)
    assert back.loc[1, "sentence"] == df.loc[1, "sentence"]
    assert back.loc[0, "time_start_char"] == "120"
    assert back.loc[0, "person"] == "Carlo Ancelotti"


def test_csv_neutralises_spreadsheet_formulas():
    back = pd.read_csv(io.BytesIO(exports.events_to_csv(events_frame())), encoding="utf-8-sig",
                       keep_default_na=False, dtype=str)
    assert back.loc[2, "sentence"].startswith("'=HYPERLINK")
    raw = pd.read_csv(io.BytesIO(exports.events_to_csv(events_frame(), neutralise_formulas=False)),
                      encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert raw.loc[2, "sentence"].startswith("=HYPERLINK")


def test_csv_of_categorical_sources_starting_like_a_formula():
    """The dashboard keeps sources as categories; '@NOS' or '+972 Magazine' broke the CSV."""
    df = events_frame()
    df["source"] = pd.Categorical(["@NOS", "+972 Magazine", "NU.nl", "@NOS"])
    back = pd.read_csv(io.BytesIO(exports.events_to_csv(df)), encoding="utf-8-sig",
                       keep_default_na=False, dtype=str)
    assert back["source"].tolist() == ["'@NOS", "'+972 Magazine", "NU.nl", "'@NOS"]


def test_csv_joins_list_cells():
    df = events_frame()
    df["sources"] = [["nu-1", "nos-3"], ["nu-1"], ["nu-2"], ["nu-2"]]
    back = pd.read_csv(io.BytesIO(exports.events_to_csv(df)), encoding="utf-8-sig", dtype=str)
    assert back.loc[0, "sources"] == "nu-1 | nos-3"


def test_json_is_a_list_of_records_with_the_same_values():
    df = events_frame()
    records = json.loads(exports.events_to_json(df).decode("utf-8"))
    assert len(records) == len(df)
    assert records[0]["person"] == "Carlo Ancelotti"
    assert records[1]["sentence"] == df.loc[1, "sentence"]
    assert records[0]["time_start_char"] == 120
    assert "café" in exports.events_to_json(df).decode("utf-8")


# --------------------------------------------------------------------------- TimelineJS


def test_timelinejs_has_one_slide_per_dated_event_grouped_by_person():
    doc = exports.events_to_timelinejs(events_frame(), title="Kroos & co")
    assert doc["title"]["text"]["headline"] == "Kroos &amp; co"
    slides = doc["events"]
    assert len(slides) == 3  # the undated duration cannot be placed
    assert [s["group"] for s in slides] == ["Carlo Ancelotti", "Toni Kroos", "Toni Kroos"]
    assert slides[0]["start_date"] == {"year": "2022", "month": "5", "day": "28"}
    assert "end_date" not in slides[0]  # a single day
    assert slides[1]["start_date"] == {"year": "2022", "month": "5"}  # month precision
    assert "end_date" not in slides[1]  # the month is one span on the timeline
    assert slides[2]["start_date"] == {"year": "2014"}
    ids = [s["unique_id"] for s in slides]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    assert "<strong>28 mei</strong>" in slides[0]["text"]["text"]
    json.loads(exports.timelinejs_to_bytes(doc))


def test_timelinejs_escapes_article_text_and_links_only_http_urls():
    slides = exports.events_to_timelinejs(events_frame())["events"]
    hostile = slides[1]
    rendered = hostile["text"]["headline"] + hostile["text"]["text"]
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;" in rendered
    assert "javascript:" not in rendered
    assert 'href="https://www.voetbalzone.nl/a"' in slides[0]["text"]["text"]


def test_timelinejs_of_no_events_is_an_empty_timeline():
    doc = exports.events_to_timelinejs(events_frame().iloc[0:0])
    assert doc["events"] == []


def test_data_exports_leave_out_the_dashboards_helper_columns():
    df = events_frame().assign(_search="carlo ancelotti kan op 28 mei", _day0=1)
    header = exports.events_to_csv(df).decode("utf-8-sig").splitlines()[0]
    assert "_search" not in header and "_day0" not in header and "sentence" in header
    assert "_search" not in json.loads(exports.events_to_json(df))[0]


def test_csv_of_mixed_type_cells_still_exports():
    df = pd.DataFrame({"line": [3, "", None], "message": ["a", "=b", "c"]})
    back = pd.read_csv(io.BytesIO(exports.events_to_csv(df)), encoding="utf-8-sig",
                       keep_default_na=False, dtype=str)
    assert back["line"].tolist() == ["3", "", ""]
    assert back["message"].tolist() == ["a", "'=b", "c"]


def test_webgl_traces_are_exported_as_vector_scatter_traces():
    fig = go.Figure(go.Scattergl(x=["2022-05-01", "2022-06-01"], y=["A", "B"], mode="markers",
                                 marker=dict(size=[10, 20], color=[1, 2])))
    fig.add_trace(go.Bar(x=[1], y=["A"], orientation="h"))
    static = exports.without_webgl(fig)
    assert [t.type for t in static.data] == ["scatter", "bar"]
    assert list(static.data[0].marker.size) == [10, 20]
    assert fig.data[0].type == "scattergl"  # the dashboard's figure is left alone


@pytest.mark.browser
@needs_chromium
def test_svg_of_a_webgl_figure_has_no_embedded_bitmap():
    fig = go.Figure(go.Scattergl(x=[1, 2, 3], y=[3, 1, 2], mode="markers"))
    svg = exports.figure_to_svg(fig)
    assert b"<image" not in svg and b"<path" in svg


def test_a_browser_that_cannot_start_is_a_clear_error(monkeypatch, tmp_path):
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setattr(exports, "_renderer", None)
    monkeypatch.setattr(exports, "chromium_path", lambda: str(broken))
    monkeypatch.setattr(exports, "RENDER_TIMEOUT_S", 5)
    with pytest.raises(exports.ExportUnavailable, match="could not be started"):
        exports.figure_to_png(small_figure())


def hatched_bars(n: int) -> go.Figure:
    """n hatched bars, as the timeline draws periods and vague dates."""
    return go.Figure(go.Bar(orientation="h", base=[f"2022-{1 + i % 12:02d}-01" for i in range(n)],
                            x=[86_400_000 * 40] * n, y=list(range(n)),
                            marker=dict(color="#1f77b4", opacity=0.45,
                                        pattern=dict(shape="/", size=7, solidity=0.25))))


def test_pdf_drops_hatching_but_png_and_svg_keep_it():
    fig = hatched_bars(3)
    plain = exports.without_patterns(fig)
    assert plain.data[0].marker.pattern.shape == "" and plain.data[0].marker.opacity == 0.45
    assert fig.data[0].marker.pattern.shape == "/"  # the dashboard's figure is left alone
    unhatched = go.Figure(go.Bar(x=[1], y=[1]))
    assert exports.without_patterns(unhatched) is unhatched


@pytest.mark.browser
@needs_chromium
def test_pdf_of_many_vague_periods_is_small_and_quick():
    exports.figure_to_png(small_figure())  # Chromium running: time the PDF alone
    started = time.perf_counter()
    pdf = exports.figure_to_pdf(hatched_bars(60))
    elapsed = time.perf_counter() - started
    assert pdf.startswith(b"%PDF")
    assert len(pdf) < 500_000, f"{len(pdf):,} bytes: bars were rasterised"
    assert elapsed < 5, f"{elapsed:.1f} s"


class FakeRenderer:
    """Stands in for the Chromium renderer: plays back a script of results."""
    script: list = []
    started = 0

    def __init__(self, browser):
        FakeRenderer.started += 1

    def render(self, fig, opts):
        outcome = FakeRenderer.script.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def close(self):
        pass


@pytest.fixture
def fake_renderer(monkeypatch):
    monkeypatch.setattr(exports, "_renderer", None)
    monkeypatch.setattr(exports, "chromium_path", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(exports, "_PersistentRenderer", FakeRenderer)
    FakeRenderer.started = 0
    return FakeRenderer


def test_a_crashed_browser_is_restarted_once(fake_renderer):
    fake_renderer.script = [ConnectionError("browser closed"), b"\x89PNG..."]
    assert exports.figure_to_png(small_figure()) == b"\x89PNG..."
    assert fake_renderer.started == 2


def test_a_chart_too_heavy_to_draw_is_not_retried(fake_renderer):
    fake_renderer.script = [TimeoutError(), b"never reached"]
    with pytest.raises(exports.ExportUnavailable, match="took more than .* narrow the filters"):
        exports.figure_to_png(small_figure())
    assert fake_renderer.started == 1 and fake_renderer.script == [b"never reached"]


def test_later_exports_reuse_the_running_browser(fake_renderer):
    fake_renderer.script = [b"one", b"two", b"three"]
    assert [exports.figure_to_png(small_figure()) for _ in range(3)] == [b"one", b"two", b"three"]
    assert fake_renderer.started == 1


def test_png_scale_is_2_except_for_tall_charts(fake_renderer, monkeypatch):
    scales = []
    monkeypatch.setattr(FakeRenderer, "render",
                        lambda self, fig, opts: scales.append(opts["scale"]) or b"png")
    exports.figure_to_png(small_figure())
    exports.figure_to_png(small_figure().update_layout(height=2400))
    exports.figure_to_png(small_figure().update_layout(height=2400), scale=3)
    assert scales == [2, 1, 3]


@pytest.mark.browser
@needs_chromium
def test_svg_keeps_hostile_text_as_text():
    hostile = HOSTILE + '<a href="javascript:alert(2)">klik</a>'
    fig = go.Figure(go.Scatter(x=[1, 2], y=[hostile, "b"], name=hostile))
    svg = exports.figure_to_svg(fig.update_layout(title=hostile))
    assert b"<script" not in svg and b"<img" not in svg and b"javascript:" not in svg
    assert b"&#60;script&#62;" in svg  # still there, as visible text
