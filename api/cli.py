"""The `upr` command: serve, migrate, seed, create-user."""

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


def _session() -> Session:
    from api.db import engine_for
    from api.settings import get_settings

    return Session(engine_for(get_settings().database_url))


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

    command.upgrade(alembic_config(), revision)


@app.command()
def seed(
    reset_demo_passwords: Annotated[bool, typer.Option(help="Give the demo accounts new passwords and print them.")]
    = False,
) -> None:
    """Load all UN states, the UPR cycles and sessions, the SDG targets, a real review (Slovenia, 2019) with
    all its recommendations, and the demo organisations and users (idempotent)."""
    from api.seed import seed_demo_accounts, seed_reference_and_demo

    with _session() as session:
        report = seed_reference_and_demo(session)
        created = seed_demo_accounts(session, reset_passwords=reset_demo_passwords)
        session.commit()
    demo = report.demo
    console.print(f"Seeded {report.states} new states.")
    console.print(f"Seeded {report.cycles} cycles, {report.sessions} sessions, {report.sdg_targets} SDG targets.")
    console.print(f"Demo review (Slovenia, session 34): seeded {demo.reviews} new review, {demo.documents} "
                  f"documents, {demo.themes} themes, {demo.affected_persons} affected-person groups and "
                  f"{demo.recommendations} recommendations with their positions.")
    if created:
        table = Table(title="Demo accounts (passwords are shown this once; `upr seed --reset-demo-passwords` "
                            "makes new ones)")
        for column in ("email", "role", "password"):
            table.add_column(column)
        for row in created:
            table.add_row(*row)
        console.print(table)


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

    from api.auth import accounts
    from api.auth.models import Organisation, UserCreate
    from api.errors import Problem

    with _session() as session:
        by_id = organisation.isascii() and organisation.isdecimal()
        stmt = select(Organisation).where(
            Organisation.id == int(organisation) if by_id else Organisation.name == organisation)
        org = session.exec(stmt).first()
        if org is None:
            console.print(f"[red]No organisation {escape(repr(organisation))}.[/red]")
            raise typer.Exit(1)
        try:
            data = UserCreate(email=email, full_name=full_name, password=password, organisation_id=org.id,
                              is_admin=admin)
            user = accounts.create_user(session, data)
            session.commit()
        except (ValidationError, Problem) as exc:
            # Field and reason only: str(ValidationError) would echo the rejected password back.
            message = ("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
                       if isinstance(exc, ValidationError) else str(exc))
            console.print(f"[red]{escape(message)}[/red]")  # escaped: a stray "[/x]" would crash rich
            raise typer.Exit(1) from None
        # Inside the session: the commit expired `user`, and a closed session cannot reload it.
        console.print(escape(f"Created user {user.id} <{user.email}> in {org.name}."))


@app.command()
def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: Annotated[int, typer.Option(help="uvicorn worker processes (state lives in the database).")] = 1,
    reload: bool = False,
) -> None:
    """Serve the API with uvicorn."""
    import uvicorn

    uvicorn.run("api.main:app", host=host, port=port, workers=workers, reload=reload, proxy_headers=True)


if __name__ == "__main__":
    app()
