import pytest

from tests.extract.store.corpora import CRAFTED, write_jsonl


@pytest.fixture
def crafted(tmp_path):
    """One JSONL file per crafted article: a1.jsonl ... a4.jsonl."""
    folder = tmp_path / "in"
    folder.mkdir()
    return {d: write_jsonl(folder / f"{d}.jsonl", [d]) for d in CRAFTED}
