"""The data the figures are measured on: a fresh SQLite database, migrated, seeded with the reference
data, then the real UPR Info and DIHR exports imported through the importer's own pipeline.

Each file is imported in-process with `run_import` in one session and one commit, as `upr import`
does; the UPR Info file's wall time (detection, reading, writing, commit) is the import figure.
"""

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.servers import ROOT

IMPORT_GOAL_S = 10.0
FILES = (
    ("import_upr_info", "upr_info/upr_info_recommendations_sessions01-20.csv.gz"),
    ("import_dihr_cycle1", "dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle1.csv.gz"),
    ("import_dihr_cycle2", "dihr_sdg_explorer/dihr_sdg_explorer_upr_cycle2.csv.gz"),
)


@dataclass
class Imported:
    name: str
    path: Path
    seconds: float | None = None
    cpu_seconds: float | None = None  # this process's CPU time: less sensitive to a busy machine
    counts: dict[str, int] = field(default_factory=dict)
    skipped: str | None = None  # why there is no figure


def default_data_dir() -> Path:
    return Path(os.environ.get("BENCH_DATA_DIR") or ROOT.parent / "shared" / "data")


def migrate(database_url: str) -> None:
    upr = Path(sys.executable).with_name("upr")
    command = (
        [str(upr), "migrate"] if upr.exists() else [sys.executable, "-c", "from api.cli import app; app()", "migrate"]
    )
    done = subprocess.run(
        command, cwd=ROOT, env={**os.environ, "DATABASE_URL": database_url}, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        raise RuntimeError(f"upr migrate failed:\n{done.stdout}\n{done.stderr}")


def seed(database_url: str) -> None:
    from sqlmodel import Session

    import api.models  # noqa: F401  (every table: foreign keys between domains, e.g. a source's import job)
    from api.db import engine_for
    from api.seed import seed_reference_and_demo

    with Session(engine_for(database_url)) as session:
        seed_reference_and_demo(session)
        session.commit()


def import_files(database_url: str, data_dir: Path, say: Callable[[str], None]) -> list[Imported]:
    results = [Imported(name, data_dir / relative) for name, relative in FILES]
    for item in results:
        if not item.path.is_file():
            item.skipped = f"{item.path} is missing"
            say(f"  skip {item.name}: {item.skipped}")
            continue
        try:
            _import_one(database_url, item, say)
        except ImportError as exc:  # a reader not written yet
            item.skipped = f"reader not importable: {exc}"
            say(f"  skip {item.name}: {item.skipped}")
    return results


def _import_one(database_url: str, item: Imported, say: Callable[[str], None]) -> None:
    from sqlmodel import Session

    from api.db import engine_for
    from api.imports.pipeline import run_import

    mark = [0]

    def progress(rows: int) -> None:
        if rows >= mark[0] + 10_000:
            mark[0] = rows - rows % 10_000
            say(f"    {item.name}: {rows:,} rows, {time.perf_counter() - started:.1f} s")

    say(f"  importing {item.path.name} …")
    with Session(engine_for(database_url)) as session:
        started, cpu = time.perf_counter(), time.process_time()
        report = run_import(session, item.path, progress=progress)
        session.commit()
        item.seconds = time.perf_counter() - started
        item.cpu_seconds = time.process_time() - cpu
    item.counts = {
        "rows": report.rows,
        "inserted": report.inserted,
        "updated": report.updated,
        "merged": report.merged,
        "unchanged": report.unchanged,
        "pledges": report.pledges,
        "rejected": report.rejected_count,
    }
    counts = ", ".join(f"{k} {v:,}" for k, v in item.counts.items())
    say(f"  {item.name}: {item.seconds:.1f} s ({item.cpu_seconds:.1f} s CPU), {counts}")


@dataclass
class Targets:
    """What the HTTP figures ask for, chosen from the data actually loaded."""

    recommendations: int
    big_review: int | None
    big_review_label: str
    big_review_size: int
    common_theme: int | None
    common_theme_label: str
    common_theme_size: int
    filter_state: str


def targets(database_url: str) -> Targets:
    from sqlalchemy import func
    from sqlmodel import Session, select

    from api.cycle.models import Review
    from api.db import engine_for
    from api.recommendations.models import Recommendation, RecommendationTheme
    from api.taxonomy.models import Theme

    with Session(engine_for(database_url)) as session:
        total = session.scalar(select(func.count()).select_from(Recommendation)) or 0
        n = func.count().label("n")
        big = session.exec(
            select(Review.id, Review.state_code, Review.session_number, n)
            .join(Recommendation, Recommendation.review_id == Review.id)
            .group_by(Review.id)
            .order_by(n.desc(), Review.id)
            .limit(1)
        ).first()
        theme = session.exec(
            select(Theme.id, Theme.name, n)
            .join(RecommendationTheme, RecommendationTheme.theme_id == Theme.id)
            .group_by(Theme.id)
            .order_by(n.desc(), Theme.id)
            .limit(1)
        ).first()
        has_china = session.exec(select(Review.id).where(Review.state_code == "CHN").limit(1)).first()
    return Targets(
        recommendations=total,
        big_review=big[0] if big else None,
        big_review_label=f"{big[1]} session {big[2]}" if big else "-",
        big_review_size=big[3] if big else 0,
        common_theme=theme[0] if theme else None,
        common_theme_label=theme[1] if theme else "-",
        common_theme_size=theme[2] if theme else 0,
        filter_state="CHN" if has_china or not big else big[1],
    )


def require_empty(database_url: str) -> None:
    """BENCH_DATABASE_URL must name an empty database: the bench imports into it and measures that."""
    from sqlalchemy import func
    from sqlmodel import Session, select

    from api.db import engine_for
    from api.recommendations.models import Recommendation

    with Session(engine_for(database_url)) as session:
        rows = session.scalar(select(func.count()).select_from(Recommendation)) or 0
    if rows:
        raise RuntimeError(f"the database already holds {rows:,} recommendations: the bench needs an empty one")
