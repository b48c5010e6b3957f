"""The `upr` command: serve, worker, migrate, seed, create-user, import, export, classify, calendar."""

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlmodel import Session, select

app = typer.Typer(help="UPR Tracker: the UN Universal Periodic Review as a JSON API.", no_args_is_help=True)
console = Console()
ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def _session(*, writes: bool = True) -> Iterator[Session]:
    """A session for a command; one that writes takes SQLite's write lock at BEGIN, so it waits for a
    running import instead of failing half-way with "database is locked"."""
    import api.models  # noqa: F401  (every table known, so foreign keys resolve whichever code runs)
    from api.db import engine_for
    from api.request_context import writing
    from api.settings import get_settings

    with writing() if writes else nullcontext(), Session(engine_for(get_settings().database_url)) as session:
        yield session


def alembic_config(url: str | None = None):
    from alembic.config import Config

    from api.settings import get_settings

    config = Config(str(ROOT / "alembic.ini"))
    # ConfigParser interpolates '%': a percent-encoded password (p%40ss) must be doubled.
    config.set_main_option("sqlalchemy.url", (url or get_settings().database_url).replace("%", "%%"))
    return config


@app.command()
def migrate(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Bring the database schema to REVISION (default: the latest) with Alembic."""
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config()
    command.upgrade(config, revision)
    if revision in ("head", ScriptDirectory.from_config(config).get_current_head()):
        from api.derived import refresh_now  # what the upgrade made stale (a new read model: all), built now

        with _session() as session:
            refresh_now(session)
            session.commit()


@app.command()
def seed(
    reset_demo_passwords: Annotated[
        bool, typer.Option(help="Give the demo accounts new passwords and print them.")
    ] = False,
) -> None:
    """Load all UN states, the UPR cycles and sessions, the SDG targets, the vocabulary of themes and groups
    (merging duplicates into it), a real review (Slovenia, 2019) with
    all its recommendations, and the demo organisations and users (idempotent)."""
    from api.advocacy.demo import seed_demo_advocacy
    from api.seed import seed_demo_accounts, seed_reference_and_demo
    from api.tracking.demo import seed_demo_tracking

    with _session() as session:
        report = seed_reference_and_demo(session)
        created = seed_demo_accounts(session, reset_passwords=reset_demo_passwords)
        tracking = seed_demo_tracking(session)
        advocacy = seed_demo_advocacy(session)
        session.commit()
    demo = report.demo
    console.print(f"Seeded {report.states} new states.")
    console.print(f"Seeded {report.cycles} cycles, {report.sessions} sessions, {report.sdg_targets} SDG targets.")
    themes, groups = report.vocabulary.themes, report.vocabulary.affected_persons
    console.print(
        f"Vocabulary: {themes.created} new themes ({themes.renamed} under a distinct name), {groups.created} new "
        f"affected-person groups ({groups.renamed} under a distinct name), {themes.synonyms + groups.synonyms} "
        "new synonyms; nothing of what exists is renamed or merged."
    )
    console.print(
        f"Demo review (Slovenia, session 34): seeded {demo.reviews} new review, {demo.documents} "
        f"documents, {demo.themes} themes, {demo.affected_persons} affected-person groups and "
        f"{demo.recommendations} recommendations with their positions."
    )
    console.print(
        f"Demo tracking: seeded {tracking.actions} actions and {tracking.assessments} assessments "
        "(see /tracking/matrix?state=SVN)."
    )
    console.print(
        f"Demo advocacy: seeded {advocacy.coalitions} coalition, {advocacy.briefs} brief, {advocacy.targets} "
        f"targets, {advocacy.outreach} outreach entries, {advocacy.matches} uptake suggestions and "
        f"{advocacy.incidents} reprisal incident (private: log in as the demo CSO or NHRI)."
    )
    if created:
        table = Table(
            title="Demo accounts (passwords are shown this once; `upr seed --reset-demo-passwords` makes new ones)"
        )
        for column in ("email", "role", "password"):
            table.add_column(column)
        for row in created:
            table.add_row(*row)
        console.print(table)


@app.command("import")
def import_file(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help=".csv, .csv.gz, .xlsx or .docx")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="upr-info, dihr or ohchr-matrix (detected from the header when omitted)."),
    ] = None,
    state: Annotated[str | None, typer.Option(help="ISO3 of the state under review, if the file does not say.")] = None,
    session: Annotated[int | None, typer.Option(help="UPR session number, if the file does not say.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Read and check everything, write nothing.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first row that cannot be read.")] = False,
    rejects: Annotated[
        Path | None,
        typer.Option(help="Where to write rejected rows (CSV); default PATH.rejects.csv when there are any."),
    ] = None,
) -> None:
    """Import recommendations from a UPR Info, DIHR or OHCHR-matrix file, in one transaction."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from api.imports.limits import UnreadableFile
    from api.imports.pipeline import StrictStop, run_import
    from api.imports.records import ImportFormat
    from api.imports.report import write_rejects

    try:
        chosen = ImportFormat(fmt) if fmt else None
    except ValueError:
        console.print(f"[red]Unknown format {escape(fmt or '')!s}: use upr-info, dihr or ohchr-matrix.[/red]")
        raise typer.Exit(2) from None
    with (
        _session() as db,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            disable=not console.is_terminal,
        ) as progress,
    ):
        task = progress.add_task(f"Importing {path.name}", total=None)
        try:
            report = run_import(
                db,
                path,
                fmt=chosen,
                state=state.upper() if state else None,
                upr_session=session,
                strict=strict,
                dry_run=dry_run,
                progress=lambda n: progress.update(task, description=f"Importing {path.name}: {n:,} rows"),
            )
        except (UnreadableFile, StrictStop, UnicodeDecodeError) as exc:
            db.rollback()
            progress.stop()
            console.print(f"[red]Nothing was imported: {escape(str(exc))}[/red]")
            raise typer.Exit(1) from None
        tagged = None
        if dry_run:
            db.rollback()
        else:
            from api.classify.tasks import tag_file

            tagged = tag_file(db, path.name)  # what the file left untagged, with the stored model, if any
            db.commit()
    table = Table(title=f"{path.name} ({report.format}){' — dry run, nothing written' if dry_run else ''}")
    counts = report.counts()
    for column in counts:
        table.add_column(column, justify="right")
    table.add_row(*(f"{v:,}" for v in counts.values()))
    console.print(table)
    if tagged is not None:
        console.print(f"The stored classifier added {tagged:,} inferred labels to what the file left untagged.")
    elif not dry_run:
        console.print("No classifier is stored: `upr classify tag` infers what the file left untagged.")
    if report.rejected:
        target = rejects or path.with_name(path.name + ".rejects.csv")
        write_rejects(report, target)
        console.print(f"{report.rejected_count:,} rejected rows are listed in {escape(str(target))}.")


@app.command("export")
def export_recommendations(
    output: Annotated[Path, typer.Argument(help="File to write; .xlsx writes a workbook, anything else CSV.")],
    state: Annotated[list[str] | None, typer.Option(help="State under review (ISO3); repeatable.")] = None,
    cycle: Annotated[list[int] | None, typer.Option(help="Cycle number; repeatable.")] = None,
    session: Annotated[list[int] | None, typer.Option(help="Session number; repeatable.")] = None,
    theme: Annotated[
        list[str] | None,
        typer.Option(help="Theme id, code (D23) or name, any case; a parent includes its children; repeatable."),
    ] = None,
    position: Annotated[list[str] | None, typer.Option(help="Current position; repeatable.")] = None,
    q: Annotated[str | None, typer.Option(help="Full-text search.")] = None,
) -> None:
    """Export every matching recommendation, as `GET /recommendations` does with Accept: text/csv or XLSX."""
    from api.core.errors import Problem
    from api.recommendations import export
    from api.recommendations.models import PositionKind
    from api.recommendations.service import RecommendationFilter

    try:
        filters = RecommendationFilter(
            state_under_review=[s.upper() for s in state or ()],
            cycle=cycle or (),
            session=session or (),
            theme=theme or (),
            position=[PositionKind(p) for p in position or ()],
            q=q,
        )
    except ValueError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from None
    xlsx = output.suffix.lower() == ".xlsx"
    with _session(writes=False) as db, output.open("wb") as handle:
        try:
            (export.write_xlsx if xlsx else export.write_csv)(db, filters, handle)
        except Problem as exc:
            console.print(f"[red]{escape(exc.detail)}[/red]")
            raise typer.Exit(1) from None
    console.print(f"Wrote {escape(str(output))}.")


@app.command("create-user")
def create_user(
    email: Annotated[str, typer.Option(prompt=True)],
    organisation: Annotated[str, typer.Option(prompt=True, help="Organisation id or exact name.")],
    full_name: Annotated[str, typer.Option(prompt=True)],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
    admin: Annotated[bool, typer.Option("--admin", help="Grant the admin role.")] = False,
) -> None:
    """Create a user (an organisation must exist: `upr seed` makes demo ones)."""
    from pydantic import ValidationError

    from api.accounts import service as accounts
    from api.accounts.schemas import UserCreate
    from api.auth.models import Organisation
    from api.core.errors import Problem

    with _session() as session:
        by_id = organisation.isascii() and organisation.isdecimal()
        stmt = select(Organisation).where(
            Organisation.id == int(organisation) if by_id else Organisation.name == organisation
        )
        org = session.exec(stmt).first()
        if org is None or org.id is None:
            console.print(f"[red]No organisation {escape(repr(organisation))}.[/red]")
            raise typer.Exit(1)
        try:
            data = UserCreate(
                email=email, full_name=full_name, password=password, organisation_id=org.id, is_admin=admin
            )
            user = accounts.create_user(session, data)
            session.commit()
        except (ValidationError, Problem) as exc:
            # Field and reason only: str(ValidationError) would echo the rejected password back.
            message = (
                "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
                if isinstance(exc, ValidationError)
                else str(exc)
            )
            console.print(f"[red]{escape(message)}[/red]")  # escaped: a stray "[/x]" would crash rich
            raise typer.Exit(1) from None
        # Inside the session: the commit expired `user`, and a closed session cannot reload it.
        console.print(escape(f"Created user {user.id} <{user.email}> in {org.name}."))


@app.command("check-config")
def check_config() -> None:
    """Validate the settings from the environment (exit 1 with the reason, secrets never printed)."""
    from pydantic import ValidationError

    from api.settings import Settings

    try:
        settings = Settings()
    except ValidationError as error:
        for problem in error.errors():
            console.print(f"[red]configuration error:[/red] {problem['msg']}", highlight=False)
        raise typer.Exit(1) from None
    database = settings.database_url.split("://", 1)[0]
    console.print(
        f"configuration ok: ENV={settings.env}, database driver {database}, evidence in {settings.evidence_dir}"
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(envvar="HOST")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT")] = 8000,
    workers: Annotated[
        int, typer.Option(envvar="WORKERS", help="uvicorn worker processes (state lives in the database).")
    ] = 1,
    reload: bool = False,
    forwarded_allow_ips: Annotated[
        str | None,
        typer.Option(
            envvar="FORWARDED_ALLOW_IPS",
            help="Proxies (comma-separated addresses or networks, `*` for any) whose X-Forwarded-For and "
            "X-Forwarded-Proto uvicorn trusts for the client address: the key of login throttling and rate "
            "limits. Only your own proxies: a client trusted here can pick its own address. uvicorn's "
            "default: 127.0.0.1.",
        ),
    ] = None,
    with_worker: Annotated[
        bool,
        typer.Option(
            help="Also run one job worker (`upr worker`) beside the server, stopped with it: what `make run` uses."
        ),
    ] = False,
) -> None:
    """Serve the API with uvicorn: JSON logs (LOG_FORMAT), one access line per request from the app, and
    Prometheus metrics summed over the worker processes (a fresh PROMETHEUS_MULTIPROC_DIR per run)."""
    import os
    import shutil
    import signal
    import subprocess
    import sys
    import tempfile

    import uvicorn

    from api.observability.logs import logging_config
    from api.settings import get_settings

    settings = get_settings()
    # Before any worker starts, and before prometheus_client is imported (it reads the variable once): every
    # process writes its samples to files in this directory, and a scrape sums them. The operator's is kept.
    metrics_dir = None
    if settings.metrics_enabled and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        metrics_dir = tempfile.mkdtemp(prefix="upr-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    # uvicorn re-raises the SIGTERM it stopped on once it is done: exit through `finally` then, not at once.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    worker = subprocess.Popen([sys.executable, "-m", "api.cli", "worker"]) if with_worker else None
    try:
        uvicorn.run(
            "api.main:app",
            host=host,
            port=port,
            workers=workers,
            reload=reload,
            proxy_headers=True,
            forwarded_allow_ips=forwarded_allow_ips,
            timeout_graceful_shutdown=10,
            log_config=logging_config(settings),
            # Never uvicorn's own: its line holds the query string and the client's address (ours has neither).
            access_log=False,
        )
    finally:
        if metrics_dir is not None:
            shutil.rmtree(metrics_dir, ignore_errors=True)
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(timeout=35)
            except subprocess.TimeoutExpired:
                worker.kill()


@app.command()
def worker(
    once: Annotated[bool, typer.Option("--once", help="Run the jobs due now, then exit (tests, cron).")] = False,
    concurrency: Annotated[int, typer.Option(min=1, max=32, help="Jobs run at the same time.")] = 1,
) -> None:
    """Run background jobs (imports, recovery of jobs whose worker died) from the task engine."""
    import api.models  # noqa: F401  (every table known)
    from api.jobs.worker import run_worker
    from api.observability.logs import configure_logging
    from api.settings import get_settings

    configure_logging(get_settings())  # LOG_FORMAT: JSON lines by default, as the server's
    run_worker(once=once, concurrency=concurrency)


evidence_app = typer.Typer(help="Evidence files of the tracking API.", no_args_is_help=True)
app.add_typer(evidence_app, name="evidence")


@evidence_app.command("scrub")
def evidence_scrub() -> None:
    """Clean the evidence files stored before uploads were cleaned: identifying metadata removed in place,
    new size and hash recorded, a pseudonymous organisation's file names made neutral. Safe to repeat."""
    from api.settings import get_settings
    from api.tracking.posts.stored_scrub import scrub_stored

    with _session() as db:
        report = scrub_stored(db, get_settings().evidence_dir)
    console.print(
        f"Evidence files: {report.cleaned} cleaned, {report.unchanged} already clean, {report.renamed} renamed; "
        f"{len(report.missing)} missing on disk {report.missing or ''}, "
        f"{len(report.unreadable)} unreadable {report.unreadable or ''}."
    )
    if report.missing or report.unreadable:
        raise typer.Exit(1)


classify_app = typer.Typer(help="The text classifier that tags what the sources left untagged.", no_args_is_help=True)
app.add_typer(classify_app, name="classify")


@classify_app.command("evaluate")
def classify_evaluate(
    data: Annotated[
        Path, typer.Option(help="The real data folder (UPR Info, DIHR, OHCHR matrices), laid out as ../shared/data.")
    ] = ROOT.parent / "shared" / "data",
    seed: Annotated[int, typer.Option(help="Seed of the review split and the models.")] = 0,
) -> None:
    """Train on four fifths of the reviews of the real labelled data, and print precision, recall and F1 per
    label (micro, macro) on the rest, with each label's threshold and whether it is stored."""
    from api.classify.evaluation import evaluate
    from api.classify.examples import load_examples
    from api.classify.report import format_evaluation

    try:
        examples = load_examples(data)
    except FileNotFoundError as error:
        console.print(f"[red]{escape(str(error))}[/red]", soft_wrap=True)
        raise typer.Exit(1) from None
    console.print(format_evaluation(evaluate(examples, seed)), markup=False, highlight=False, soft_wrap=True)


@classify_app.command("tag")
def classify_tag(
    retrain: Annotated[
        bool,
        typer.Option(help="Train a new model on the database's labelled recommendations first (else the current one)."),
    ] = True,
    seed: Annotated[int, typer.Option(help="Seed of the validation split and the models.")] = 0,
) -> None:
    """Tag what the sources left untagged: train on the database's source-tagged recommendations, store the
    model, and replace every inferred tag with its predictions (one transaction)."""
    from api.classify.model import train
    from api.classify.tagging import TAG_FAMILIES, NoModel, labelled_examples, retag

    try:
        trained = None
        if retrain:
            # Read, end the transaction, then train: training takes a minute or more on the whole data, and
            # PostgreSQL ends a transaction left idle that long (`idle_in_transaction_session_timeout`).
            with _session(writes=False) as session:
                examples = labelled_examples(session)
                session.rollback()
            trained = train(examples, seed), len(examples)
        with _session() as session:
            report = retag(session, retrain=retrain, seed=seed, trained=trained)
            session.commit()
    except NoModel as error:
        console.print(f"[red]{escape(str(error))}[/red]", soft_wrap=True)
        raise typer.Exit(1) from None
    console.print(
        f"Model {report.model_version}: {report.considered} of {report.with_text} recommendations "
        "with text lacked a family of source tags."
    )
    for family in TAG_FAMILIES:
        console.print(f"  {family}: {report.labels[family]} inferred labels on {report.tagged[family]} recommendations")
    console.print(
        f"Recommendations with text that have a theme (source or inferred): {report.with_theme} of "
        f"{report.with_text} ({report.theme_share:.1%})."
    )


calendar_app = typer.Typer(
    help="The review calendar: sessions and the reviews scheduled in them.", no_args_is_help=True
)
app.add_typer(calendar_app, name="calendar")


@calendar_app.command("fill")
def calendar_fill() -> None:
    """Create the reviews of sessions 1–20 from the reference data (the states reviewed at each), undated: no
    dated list of sessions exists there; import dates with `POST /calendar/import`. Loads the states, cycles
    and sessions first if missing (as `upr seed`). Idempotent."""
    from api.cycle.calendar_service import fill_reviews
    from api.imports.dihr import reviewed_sessions
    from api.seed import seed_cycles, seed_sessions, seed_states

    with _session() as session:
        seed_states(session)
        seed_cycles(session)
        seed_sessions(session)
        report = fill_reviews(session, reviewed_sessions())
        session.commit()
    console.print(
        f"Calendar: {report.reviews_created} new reviews of the {report.reviews_known} the reference data "
        "knows (sessions 1–20)."
    )


if __name__ == "__main__":
    app()
