"""The `upr` command on a throw-away SQLite file: migrate, seed (idempotent), create-user."""

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from api.audit.models import AuditEntry
from api.auth import service
from api.auth.models import Organisation, User
from api.auth.service import LoginFailed
from api.cli import app
from api.cycle.models import State
from api.db import engine_for
from api.seed import DEMO_ACCOUNTS
from api.settings import Settings, get_settings

runner = CliRunner()


def _point_cli_at(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("COLUMNS", "200")  # rich wraps tables at the terminal width
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """One real `upr migrate` + `upr seed` (argon2 makes seeding slow); tests get copies of the file."""
    path = tmp_path_factory.mktemp("cli-template") / "template.db"
    url = f"sqlite:///{path}"
    with pytest.MonkeyPatch.context() as monkeypatch:
        _point_cli_at(monkeypatch, url)
        try:
            assert runner.invoke(app, ["migrate"]).exit_code == 0
            result = runner.invoke(app, ["seed"])
            assert result.exit_code == 0, result.output
        finally:
            get_settings.cache_clear()
            engine_for(url).dispose()  # the last connection checkpoints the WAL into the file
    yield path, result.output


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    _point_cli_at(monkeypatch, url)
    try:
        yield url
    finally:
        get_settings.cache_clear()
        engine_for(url).dispose()


@pytest.fixture
def seeded(seeded_template: tuple[Path, str], db_url: str, tmp_path: Path) -> str:
    """A migrated and seeded database at `db_url`; returns the output of its first seed."""
    template, output = seeded_template
    shutil.copyfile(template, tmp_path / "cli.db")
    return output


def run(*args: str):
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def demo_passwords(output: str) -> dict[str, str]:
    """email → password, from the rows of the demo-accounts table."""
    rows = {}
    for line in output.splitlines():
        cells = [c.strip() for c in re.split(r"[│|]", line) if c.strip()]
        if len(cells) == 3 and "@" in cells[0]:
            rows[cells[0]] = cells[2]
    return rows


def test_migrate_creates_the_schema(db_url: str) -> None:
    result = run("migrate")
    assert result.exit_code == 0, result.output
    tables = set(inspect(engine_for(db_url)).get_table_names())
    assert {
        "state",
        "organisation",
        "user",
        "service_token",
        "audit_entry",
        "login_throttle",
        "alembic_version",
    } <= tables
    assert run("migrate").exit_code == 0  # already at head: nothing to do, no error


def test_seed_loads_states_and_demo_accounts_once(db_url: str, seeded: str) -> None:
    assert "Seeded 195 new states." in seeded
    passwords = demo_passwords(seeded)
    assert set(passwords) == {a.email for a in DEMO_ACCOUNTS}
    assert all(len(p) >= 12 for p in passwords.values())

    with Session(engine_for(db_url)) as session:
        assert session.exec(select(func.count()).select_from(State)).one() == 195
        assert session.exec(select(func.count()).select_from(User)).one() == len(DEMO_ACCOUNTS)
        audited = session.exec(select(func.count()).select_from(AuditEntry)).one()
        assert audited >= 195 + 2 * len(DEMO_ACCOUNTS)  # the seed is a (system) write like any other
        # The printed password is the real one.
        token, _ = service.login(
            session,
            "admin@demo.upr-tracker.org",
            passwords["admin@demo.upr-tracker.org"],
            Settings(database_url=db_url),
        )
        assert token

    again = run("seed")
    assert again.exit_code == 0, again.output
    assert "Seeded 0 new states." in again.output
    assert demo_passwords(again.output) == {}
    assert not any(p in again.output for p in passwords.values())
    assert "@demo.upr-tracker.org" not in again.output
    with Session(engine_for(db_url)) as session:
        assert session.exec(select(func.count()).select_from(State)).one() == 195
        assert session.exec(select(func.count()).select_from(User)).one() == len(DEMO_ACCOUNTS)
        assert session.exec(select(func.count()).select_from(AuditEntry)).one() == audited


def test_reset_demo_passwords_prints_new_working_ones(db_url: str, seeded: str) -> None:
    old = demo_passwords(seeded)
    result = run("seed", "--reset-demo-passwords")
    assert result.exit_code == 0, result.output
    new = demo_passwords(result.output)
    assert set(new) == set(old)
    assert all(new[email] != old[email] for email in old)
    settings = Settings(database_url=db_url)
    with Session(engine_for(db_url)) as session:
        assert service.login(session, "cso@demo.upr-tracker.org", new["cso@demo.upr-tracker.org"], settings)
        with pytest.raises(LoginFailed):
            service.login(session, "cso@demo.upr-tracker.org", old["cso@demo.upr-tracker.org"], settings)


def test_create_user_who_can_then_log_in(db_url: str, seeded: str) -> None:
    result = run(
        "create-user",
        "--email",
        "Jana.Novak@Example.org",
        "--organisation",
        "UPR Tracker operators",
        "--full-name",
        "Jana Novak",
        "--password",
        "a long enough passphrase",
        "--admin",
    )
    assert result.exit_code == 0, result.output
    assert "jana.novak@example.org" in result.output
    assert "UPR Tracker operators" in result.output

    settings = Settings(database_url=db_url)
    with Session(engine_for(db_url)) as session:
        user = session.exec(select(User).where(User.email == "jana.novak@example.org")).one()
        assert user.is_admin and user.full_name == "Jana Novak"
        assert user.password_hash != "a long enough passphrase"
        token, expires_in = service.login(session, "JANA.NOVAK@example.org", "a long enough passphrase", settings)
        assert token and expires_in > 0
        with pytest.raises(LoginFailed):
            service.login(session, "jana.novak@example.org", "the wrong passphrase", settings)
        session.rollback()


def test_create_user_by_organisation_id_without_admin(db_url: str, seeded: str) -> None:
    with Session(engine_for(db_url)) as session:
        org = session.exec(select(Organisation).where(Organisation.kind == "nhri")).one()
    result = run(
        "create-user",
        "--email",
        "staff@ombudsman.example",
        "--organisation",
        str(org.id),
        "--full-name",
        "Staff",
        "--password",
        "another long passphrase",
    )
    assert result.exit_code == 0, result.output
    with Session(engine_for(db_url)) as session:
        user = session.exec(select(User).where(User.email == "staff@ombudsman.example")).one()
        assert user.organisation_id == org.id and not user.is_admin


def test_create_user_with_a_duplicate_email_fails_clearly(db_url: str, seeded: str) -> None:
    result = run(
        "create-user",
        "--email",
        "ADMIN@demo.upr-tracker.org",
        "--organisation",
        "UPR Tracker operators",
        "--full-name",
        "Impostor",
        "--password",
        "a long enough passphrase",
    )
    assert result.exit_code != 0
    assert "already exists" in result.output
    assert "admin@demo.upr-tracker.org" in result.output
    with Session(engine_for(db_url)) as session:
        assert session.exec(select(func.count()).select_from(User)).one() == len(DEMO_ACCOUNTS)


def test_create_user_with_an_unknown_organisation_fails_clearly(db_url: str, seeded: str) -> None:
    result = run(
        "create-user",
        "--email",
        "x@example.org",
        "--organisation",
        "Nobody Ltd",
        "--full-name",
        "X",
        "--password",
        "a long enough passphrase",
    )
    assert result.exit_code != 0
    assert "No organisation 'Nobody Ltd'" in result.output


def test_create_user_with_a_short_password_fails_clearly(db_url: str, seeded: str) -> None:
    result = run(
        "create-user",
        "--email",
        "short@example.org",
        "--organisation",
        "UPR Tracker operators",
        "--full-name",
        "Short",
        "--password",
        "short",
    )
    assert result.exit_code != 0
    assert "password: String should have at least 12 characters" in result.output
    assert "'short'" not in result.output  # the rejected password is not echoed
    with Session(engine_for(db_url)) as session:
        assert session.exec(select(User).where(User.email == "short@example.org")).first() is None


def test_create_user_error_output_is_not_eaten_as_markup(db_url: str, seeded: str) -> None:
    result = run(
        "create-user",
        "--email",
        "markup@example.org",
        "--organisation",
        "[/red] Ltd",
        "--full-name",
        "M",
        "--password",
        "a long enough passphrase",
    )
    assert result.exit_code == 1
    assert "No organisation '[/red] Ltd'" in result.output

    bad_email = run(
        "create-user",
        "--email",
        "[b]not-an-email",
        "--organisation",
        "UPR Tracker operators",
        "--full-name",
        "B",
        "--password",
        "a long enough passphrase",
    )
    assert bad_email.exit_code == 1
    assert bad_email.output.startswith("email: ")


def test_alembic_config_keeps_percent_encoded_passwords() -> None:
    from api.cli import alembic_config

    url = "postgresql+psycopg://upr:p%40ss@db.example.org/upr"
    assert alembic_config(url).get_main_option("sqlalchemy.url") == url


def test_export_writes_every_seeded_recommendation(db_url: str, seeded: str, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "svn.csv"
    result = run("export", str(out), "--state", "svn", "--position", "noted")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 35 and {r["current_position"] for r in rows} == {"noted"}
    assert run("export", str(tmp_path / "x.csv"), "--state", "XXX").exit_code == 1


def test_export_takes_a_theme_by_code_or_name_as_the_api_does(db_url: str, seeded: str, tmp_path: Path) -> None:
    """`--theme` is read as `GET /recommendations?theme=` reads it: an id, a code or a name in any case,
    the parent with its children; an unknown one is an error naming it, not an empty file."""
    import csv

    def rows(*args: str) -> list[dict[str, str]]:
        out = tmp_path / "themed.csv"
        result = run("export", str(out), *args)
        assert result.exit_code == 0, result.output
        return list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))

    everything = rows()
    by_letter = rows("--theme", "D")  # civil and political rights, with every D theme under it
    assert 0 < len(by_letter) < len(everything)
    by_name = rows("--theme", "civil AND political Rights")
    assert {r["id"] for r in by_name} == {r["id"] for r in by_letter}
    unknown = run("export", str(tmp_path / "none.csv"), "--theme", "no such theme at all")
    assert unknown.exit_code != 0 and "no such theme at all" in unknown.output
