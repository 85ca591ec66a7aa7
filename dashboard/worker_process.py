"""The extraction worker (`python -m dashboard.worker_process`), started by
`dashboard.worker`: reads (articles, problems) frames on stdin, answers progress frames
and then the Tables (or the error) on stdout, for as long as its parent keeps it."""
from __future__ import annotations

import datetime as dt
import sys


def _warm_up() -> None:
    """Load the extractor and its lexicons now, so that the first upload is not slower."""
    from extract import extract_articles
    from extract.records import Article

    for lang, text in (("nl", "Op 3 mei 2022 zei trainer Jan Jansen dat hij morgen tekent."),
                       ("en", "On 3 May 2022 coach John Smith said he would sign tomorrow.")):
        extract_articles([Article("warm-up", text, dt.datetime(2022, 5, 4), lang)])


def main() -> None:
    from dashboard.worker import receive, send
    from extract import extract_articles

    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the frames
    _warm_up()
    while True:
        try:
            articles, problems = receive(requests)
        except EOFError:
            return

        def progress(done, total, article) -> None:
            send(answers, ("progress", done, total, article.title or article.doc_id))

        try:
            send(answers, ("done", extract_articles(articles, problems, progress)))
        except Exception as err:  # noqa: BLE001 - reported to the page, never lost
            send(answers, ("error", f"{type(err).__name__}: {err}"))


if __name__ == "__main__":
    main()
