"""Development evaluation: the shared gold sets, the scorer, and refitting the link model.

Not part of the product and never imported by it. The gold files and the scorer live in
the steering folder beside the project (`../shared`, or `FACT_TIMELINE_SHARED`); the
rebuilt `nl_news` texts at `.eval/nl_news_dev.jsonl` (never committed).
"""
