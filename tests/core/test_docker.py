"""The container: what can be tested without a Docker daemon — the entrypoint script with the
image's environment, and the Dockerfile's promises (multi-stage, slim, non-root, health check)."""

import os
import re
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"


def run_entrypoint(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    """Run the entrypoint as the image does, with `python -c print('serving')` standing in for `upr serve`."""
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL", "ENV")}
    clean["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{clean.get('PATH', '')}"
    return subprocess.run(
        ["sh", str(ENTRYPOINT), sys.executable, "-c", "print('serving')"],
        env={**clean, "ENV": "production", "EVIDENCE_DIR": str(tmp_path / "evidence"), **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def tables(db: Path) -> set[str]:
    if not db.exists():
        return set()
    with sqlite3.connect(db) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


@pytest.mark.parametrize(
    ("key", "reason"), [(None, "SECRET_KEY must be set"), ("short", "at least 32"), ("k" * 48, "placeholder")]
)
def test_production_without_a_real_key_stops_before_migrating_or_serving(tmp_path, key, reason):
    db = tmp_path / "upr.db"
    result = run_entrypoint(tmp_path, DATABASE_URL=f"sqlite:///{db}", **({"SECRET_KEY": key} if key else {}))
    assert result.returncode != 0
    assert reason in result.stdout + result.stderr
    assert "serving" not in result.stdout and not tables(db)
    if key:
        assert key not in result.stdout + result.stderr  # the key itself is never printed


def test_a_configured_container_migrates_then_runs_its_command(tmp_path):
    db = tmp_path / "upr.db"
    key = secrets.token_hex(32)
    result = run_entrypoint(tmp_path, DATABASE_URL=f"sqlite:///{db}", SECRET_KEY=key)
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("serving")
    assert {"alembic_version", "recommendation", "assessment"} <= tables(db)
    assert key not in result.stdout + result.stderr
    again = run_entrypoint(tmp_path, DATABASE_URL=f"sqlite:///{db}", SECRET_KEY=key)  # a restart
    assert again.returncode == 0 and again.stdout.rstrip().endswith("serving")


def test_the_dockerfile_keeps_its_promises():
    text = (ROOT / "Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+)", text, re.M)
    assert len(stages) >= 2 and all(base.startswith("python:3.11-slim") for base in stages)
    assert re.search(r"^USER upr$", text, re.M) and "useradd --system" in text
    assert re.search(r"^HEALTHCHECK .*\n.*/healthz", text, re.M)
    assert 'ENTRYPOINT ["upr-entrypoint"]' in text and "docker/entrypoint.sh" in text
    assert "ENV=production" in text and "SECRET_KEY=" not in text.replace("-e SECRET_KEY=", "")  # no baked-in key
    assert os.access(ENTRYPOINT, os.X_OK)
