import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.evidence import (corroborating, date_span, evidence_html, highlighted_sentence,
                                person_spans, safe_url)

XSS = '<img src=x onerror="alert(1)">'


def marked(html_text: str, css: str) -> list[str]:
    return re.findall(rf'<mark class="{css}"[^>]*>(.*?)</mark>', html_text)


def row(events, event_id):
    return events.set_index("event_id", drop=False).loc[event_id]


def test_sentence_marks_the_date_as_written_and_the_person(events):
    html_text = highlighted_sentence(row(events, "a#1"))
    assert marked(html_text, "ft-date") == ["28 mei"]
    assert marked(html_text, "ft-person") == ["Carlo Ancelotti"]


def test_surname_alone_is_marked_when_the_full_name_is_not_in_the_sentence(events):
    assert marked(highlighted_sentence(row(events, "b#1")), "ft-person") == ["Ancelotti"]


def test_offsets_are_used_when_they_point_at_the_date():
    sentence = "Op 4 mei en opnieuw op 4 mei speelde Kroos."
    second = sentence.rindex("4 mei")
    assert date_span(sentence, "4 mei", 1000 + second, 1000) == (second, second + 5)


def test_wrong_offsets_fall_back_to_finding_the_date_text():
    sentence = "Kroos speelde op 4 mei."
    assert date_span(sentence, "4 mei", 3, 0) == (17, 22)
    assert date_span(sentence, "5 juni", 3, 0) is None


def test_article_text_is_escaped_never_rendered_as_html(events):
    event = row(events, "c#2")
    html_text = evidence_html(event, corroborating(events, event))
    assert "<img" not in html_text
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html_text
    assert "onerror=\"" not in html_text


def test_unsafe_links_are_not_linked(events):
    html_text = evidence_html(row(events, "c#1"))
    assert "javascript:" not in html_text
    assert "<a " not in html_text
    assert safe_url("javascript:alert(1)") == "" and safe_url("data:text/html,x") == ""
    assert safe_url("https://nos.nl/a?b=1") == "https://nos.nl/a?b=1"
    assert safe_url(None) == "" and safe_url("nos.nl/a") == ""


def test_evidence_lists_every_other_article_with_the_same_fact(events):
    event = row(events, "a#1")
    others = corroborating(events, event)
    assert list(others["event_id"]) == ["b#1"]
    html_text = evidence_html(event, others)
    assert "Also reported by 1 other article" in html_text
    assert 'href="https://nos.example/finale"' in html_text and "Finale in Parijs" in html_text
    assert "Voetbalzone" in html_text and "2022-05-03" in html_text


def test_evidence_shows_date_as_written_and_as_read(events):
    html_text = evidence_html(row(events, "a#2"))
    assert "tot medio 2024" in html_text
    assert "2024-05-01 – 2024-08-31 (year, MID)" in html_text
    assert "No other article reports this fact" in html_text


def test_person_spans_ignore_short_name_parts():
    assert person_spans("Di speelt, Di Maria scoort", "Ángel Di María") == []
    assert person_spans("Marcelo bleef op de bank", "Marcelo") == [(0, 7)]

untrusted = st.lists(st.sampled_from(list("<>&\"' /=abcjs:()") + ["<script>", "</mark>",
                                                                    "<img src=x>", "Kroos"]),
                     max_size=30).map("".join)


def no_markup_but_ours(html_text: str, ours: str) -> bool:
    return "<" not in re.sub(ours, "", html_text) and ">" not in re.sub(ours, "", html_text)


@settings(max_examples=200, deadline=None)
@given(sentence=untrusted, time_text=untrusted, person=untrusted, title=untrusted,
       label=untrusted, url=untrusted)
def test_no_article_text_ever_becomes_markup(sentence, time_text, person, title, label, url):
    event = {"sentence": sentence, "time_text": time_text, "person": person, "title": title,
             "label": label, "url": url, "time_start_char": 0, "sentence_start": 0,
             "event_id": "x", "source": title, "published": label}
    ours = (r'<mark class="ft-(date|person)" style="[^"]*">|</mark>|</?(div|h4|blockquote|'
            r'small|ul|li)[^>]*>')
    assert no_markup_but_ours(highlighted_sentence(event), ours)
    assert no_markup_but_ours(evidence_html(event), ours)
