"""Imported once by the worker's forkserver: loads the extractor and its lexicons there,
so that each extraction process forked from it starts warm (not ~1 s of loading)."""
import datetime as _dt

from extract import extract_articles as _extract
from extract.records import Article as _Article

for _lang, _text in (("nl", "Op 3 mei 2022 zei trainer Jan Jansen dat hij morgen tekent."),
                     ("en", "On 3 May 2022 coach John Smith said he would sign tomorrow.")):
    _extract([_Article("warm-up", _text, _dt.datetime(2022, 5, 4), _lang)])
