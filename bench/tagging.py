"""The classifier in `make bench`: train on the imported database and tag what the sources left untagged
(what `upr classify tag` does), timed, before the HTTP figures — a real deployment serves its pages with
the inferred tags in them."""

import time
from collections.abc import Callable

from bench.report import Figure


def tag_figures(database_url: str, say: Callable[[str], None]) -> list[Figure]:
    from sqlmodel import Session

    from api.classify.tagging import NoModel, retag
    from api.db import engine_for

    say("  training the classifier on the database and tagging what the sources left untagged …")
    with Session(engine_for(database_url)) as session:
        started = time.perf_counter()
        try:
            report = retag(session, retrain=True)
        except (NoModel, ValueError) as error:  # ValueError: too few labelled texts to train on (no data files)
            return [Figure("classify_tag", None, "s", skipped=f"{type(error).__name__}: {error}")]
        session.commit()
        seconds = time.perf_counter() - started
    labels = dict(report.labels)
    say(
        f"  classify_tag: {seconds:.1f} s; {report.with_theme:,} of {report.with_text:,} recommendations with a theme "
        f"({report.theme_share:.1%}); inferred labels {labels}"
    )
    return [
        Figure(
            "classify_tag",
            seconds,
            "s",
            detail=f"train + tag; {report.theme_share:.1%} of recommendations with text have a theme",
            data={"with_theme": report.with_theme, "with_text": report.with_text, "labels": labels},
        )
    ]
