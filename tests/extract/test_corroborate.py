"""group_facts: one timeline fact for the same fact in several articles."""
from __future__ import annotations

import pandas as pd

from extract.corroborate import group_facts


def frame(rows):
    cols = ["doc_id", "person", "start", "end", "label", "event_type"]
    return pd.DataFrame(rows, columns=cols)


def test_same_fact_in_two_articles_is_one_fact():
    df = frame([
        ("a", "Carlo Ancelotti", "2022-05-28", "2022-05-28", "Champions League-finale tegen Liverpool", "match"),
        ("b", "Carlo Ancelotti", "2022-05-28", "2022-05-28", "finale tegen Liverpool", "match"),
        ("b", "Carlo Ancelotti", "2022-01-01", "2022-12-31", "WK in Qatar", "tournament"),
        ("a", "Kylian Mbappé", "2022-05-28", "2022-05-28", "finale", "match"),
    ])
    out = group_facts(df)
    assert list(out.columns[-3:]) == ["fact_id", "sources", "n_sources"]
    assert out.loc[0, "fact_id"] == out.loc[1, "fact_id"]
    assert out.loc[0, "sources"] == "a;b" and out.loc[0, "n_sources"] == 2
    assert out.loc[2, "fact_id"] != out.loc[0, "fact_id"]  # a year is not 28 May
    assert out.loc[3, "fact_id"] != out.loc[0, "fact_id"]  # another person
    assert out.loc[3, "n_sources"] == 1


def test_accents_and_case_do_not_split_a_person():
    df = frame([
        ("a", "Kylian Mbappé", "2022-06-30", "2022-06-30", "transfervrij naar Real", "transfer"),
        ("b", "kylian mbappe", "2022-06-30", "2022-06-30", "overstap naar Real Madrid", "transfer"),
    ])
    out = group_facts(df)
    assert out["fact_id"].nunique() == 1 and set(out["n_sources"]) == {2}


def test_different_things_on_one_day_stay_apart():
    df = frame([
        ("a", "X Y", "2022-06-30", "2022-06-30", "contract loopt af", "contract"),
        ("b", "X Y", "2022-06-30", "2022-06-30", "geblesseerd aan de knie", "injury"),
    ])
    assert group_facts(df)["fact_id"].nunique() == 2


def test_empty_and_missing_dates():
    out = group_facts(frame([]))
    assert list(out.columns[-3:]) == ["fact_id", "sources", "n_sources"] and out.empty
    df = frame([("a", "X Y", None, None, "iets", "other"), ("b", "X Y", None, None, "iets", "other")])
    out = group_facts(df)
    assert out["fact_id"].nunique() == 2
    assert list(out["n_sources"]) == [1, 1]


def test_ids_are_stable():
    df = frame([("a", "X Y", "2022-01-01", "2022-01-01", "iets", "other")])
    assert group_facts(df)["fact_id"][0] == group_facts(df.copy())["fact_id"][0]


def _repeated(n: int) -> pd.DataFrame:
    """One article repeating a name and two dates n times, plus n distinct days."""
    rows = []
    for k in range(n):
        rows.append(("a", "Jan Jansen", "2022-05-03", "2022-05-03", "tekent bij Ajax", "other"))
        rows.append(("a", "Jan Jansen", "2022-05-05", "2022-05-05", f"morgen {k}", "other"))
        day = pd.Timestamp("2000-01-01") + pd.Timedelta(days=k)
        rows.append(("b", "Jan Jansen", day.date().isoformat(), "2030-12-31", "lang", "contract"))
    return frame(rows)


def test_grouping_time_is_linear_in_the_rows():
    """One article that repeats a person and a date thousands of times was quadratic."""
    import time

    def cost(n):
        start = time.process_time()
        out = group_facts(_repeated(n))
        return time.process_time() - start, out

    small, _ = cost(500)
    large, out = cost(4_000)
    assert large < 30 * max(small, 0.01), (small, large)  # linear: 8x; quadratic: 64x
    same = out[out.start == "2022-05-03"]
    assert same.fact_id.nunique() == 1 and same.n_sources.iloc[0] == 1
