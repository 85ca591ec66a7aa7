"""The extraction worker (`python -m dashboard.worker_process`), started by
`dashboard.worker`: reads request frames on stdin ("extract" articles; "add" them to a
store; "remove" a batch or source from one), answers progress frames and then the result
(or the error) on stdout, for as long as its parent keeps it."""
from __future__ import annotations

import datetime as dt
import sys

from dashboard.worker import send


def _warm_up() -> None:
    """Load the extractor and its lexicons now, so that the first upload is not slower."""
    from extract import extract_articles
    from extract.records import Article

    for lang, text in (("nl", "Op 3 mei 2022 zei trainer Jan Jansen dat hij morgen tekent."),
                       ("en", "On 3 May 2022 coach John Smith said he would sign tomorrow.")):
        extract_articles([Article("warm-up", text, dt.datetime(2022, 5, 4), lang)])


def _extract(answers, articles, problems):
    from extract import extract_articles

    def progress(done, total, article) -> None:
        send(answers, ("progress", done, total, article.title or article.doc_id))
    return extract_articles(articles, problems, progress)


def _add(answers, articles, problems, store, note):
    from pathlib import Path

    from extract.store import ingest

    done, total = [0], len(articles)

    def progress(n: int) -> None:
        done[0] += n
        send(answers, ("progress", done[0], total, ""))
    return ingest.add_batches([(articles, problems)], Path(store), jobs=1, wait=30.0,
                              progress=progress, note=note)


def _remove(answers, store, batch, source):
    from pathlib import Path

    from extract.store import ingest
    return ingest.remove(Path(store), batch=batch, source=source, wait=30.0)


def main() -> None:
    from dashboard.worker import receive

    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the frames
    _warm_up()
    handlers = {"extract": _extract, "add": _add, "remove": _remove}
    while True:
        try:
            kind, *arguments = receive(requests)
        except EOFError:
            return
        try:
            send(answers, ("done", handlers[kind](answers, *arguments)))
        except Exception as err:  # noqa: BLE001 - reported to the page, never lost
            send(answers, ("error", f"{type(err).__name__}: {err}"))


if __name__ == "__main__":
    main()
