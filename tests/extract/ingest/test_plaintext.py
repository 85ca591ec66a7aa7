import datetime as dt

import pytest

from extract.ingest import plaintext, read_paths
from tests.conftest import SAMPLE_ARTICLES

SEED = """date 2022-05 Kroos duidt onderonsje langs de zijlijn met Ancelotti

Donderdag, 5 mei 2022 om 15:34 • Mart Oude Nijeweeme • Laatste update: 15:49

Carlo Ancelotti kan op 28 mei geschiedenis schrijven.
"""


def test_seed_shape_gives_headline_byline_and_body():
    article = plaintext.parse(SEED)
    assert article.title == "Kroos duidt onderonsje langs de zijlijn met Ancelotti"
    assert article.published == dt.datetime(2022, 5, 5, 15, 34)
    assert article.author == "Mart Oude Nijeweeme"
    assert article.date_tag == "2022-05"
    assert article.text == ("Kroos duidt onderonsje langs de zijlijn met Ancelotti\n\n"
                            "Carlo Ancelotti kan op 28 mei geschiedenis schrijven.")
    assert article.lang == "nl"


def test_english_byline():
    article = plaintext.parse("Storm hits coast\n\nMarch 3, 2012 | Jane Doe\n\nThe storm came.")
    assert article.published.date() == dt.date(2012, 3, 3)
    assert article.author == "Jane Doe"
    assert article.lang == "en"


def test_article_without_byline_keeps_all_text_and_has_no_date():
    article = plaintext.parse("Kop\n\nEen tekst zonder regel met de datum.\nNog een zin.")
    assert article.published is None
    assert article.text == "Kop\n\nEen tekst zonder regel met de datum.\nNog een zin."


def test_full_date_tag_is_used_when_there_is_no_byline():
    article = plaintext.parse("date 2022-05-03 Kop\n\nDe tekst van het artikel.")
    assert article.published == dt.datetime(2022, 5, 3)


@pytest.mark.parametrize("crlf", [False, True])
def test_windows_line_ends(crlf):
    text = SEED.replace("\n", "\r\n") if crlf else SEED
    assert plaintext.parse(text).published == dt.datetime(2022, 5, 5, 15, 34)


def test_bundled_seeds_read_with_publication_times():
    articles, problems = read_paths([SAMPLE_ARTICLES])
    assert problems == []
    by_title = {a.title[:20]: a for a in articles}
    assert by_title["Kroos duidt onderons"].published == dt.datetime(2022, 5, 5, 15, 34)
    assert by_title["Ancelotti kijkt naar"].published == dt.datetime(2022, 5, 3, 14, 38)
    assert all(not a.text.startswith("date ") for a in articles)


def test_byline_in_a_language_without_resources_falls_back_to_dateparser():
    article = plaintext.parse("Titre\n\n5 mai 2022 • Jean Dupont\n\nLe texte.", lang="fr")
    assert article.published == dt.datetime(2022, 5, 5)
