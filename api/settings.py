"""Runtime configuration, read from the environment (and an optional `.env`)."""

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MIN_SECRET_KEY_LENGTH = 32
MIN_DISTINCT_KEY_CHARACTERS = 10  # a random hex key of 32+ characters has ~16


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    env: str = Field(default="development", description="`production` requires SECRET_KEY to be set.")
    database_url: str = "sqlite:///./upr.db"
    # Waits end: a request never hangs on a lock or a stuck session (a timeout is a 503 problem).
    db_pool_size: int = Field(
        default=10,
        ge=1,
        description="PostgreSQL connections kept per process; size "
        "workers × (pool_size + max_overflow) below the server's max_connections.",
    )
    db_max_overflow: int = Field(default=10, ge=0, description="Extra PostgreSQL connections under load, per process.")
    db_pool_timeout_seconds: float = Field(default=10, gt=0, description="Wait for a free pooled connection, then 503.")
    db_lock_timeout_ms: int = Field(default=10_000, ge=1, description="PostgreSQL lock_timeout of request sessions.")
    db_statement_timeout_ms: int = Field(default=60_000, ge=1, description="PostgreSQL statement_timeout.")
    db_idle_in_transaction_timeout_ms: int = Field(
        default=120_000,
        ge=1,
        description="PostgreSQL idle_in_transaction_session_timeout: a stuck session's locks end.",
    )
    job_heartbeat_seconds: float = Field(default=5, gt=0, description="How often a worker says it is alive.")
    job_stalled_seconds: float = Field(
        default=20,
        gt=0,
        description="A worker silent this long is presumed dead: "
        "its jobs are retried (or failed after their attempts).",
    )
    job_sqlite_busy_timeout_seconds: float = Field(
        default=900,
        gt=0,
        description="How long the task engine waits "
        "for SQLite's write lock; an import holds it for its whole file, so "
        "longer than the longest import (else its worker restarts).",
    )
    sqlite_max_waiting_writers: int = Field(
        default=24,
        ge=1,
        description="Writing requests per process that may "
        "wait for SQLite's write lock (of the threadpool's 40 threads); more "
        "are a 503 at once, so reads never starve.",
    )
    sqlite_busy_timeout_ms: int = Field(
        default=60_000,
        ge=1,
        description="How long a SQLite writer waits for the "
        "write lock (an import holds it for its whole file) before a 503.",
    )
    secret_key: str | None = Field(
        default=None,
        description="Signs access tokens. Outside production, when "
        "unset, a random key is generated once into `secret_key_file`.",
    )
    secret_key_file: Path = Path("./.upr-secret-key")
    jwt_algorithm: str = "HS256"
    jwt_issuer: str = "upr-tracker"
    jwt_audience: str = "upr-tracker-api"
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    service_token_days: int = Field(default=365, ge=1, le=365, description="Default lifetime of a service token.")
    # Login throttling (api/auth/throttle.py): per account *and client address*, so guesses from one place
    # never lock the owner out from another; per address across accounts, against password spraying.
    login_max_failures: int = Field(
        default=5,
        ge=1,
        description="Failed logins (or wrong current passwords) for one account from one address in a window "
        "before a lockout.",
    )
    login_client_max_failures: int = Field(
        default=20,
        ge=1,
        description="Failed logins from one address, whatever the accounts, in a window before a lockout.",
    )
    login_failure_window_seconds: int = Field(default=15 * 60, ge=1)
    login_lockout_seconds: int = Field(
        default=60, ge=1, description="The first lockout; each one earned again before a success or quiet day doubles."
    )
    login_lockout_max_seconds: int = Field(default=60 * 60, ge=1, description="The longest lockout.")
    cors_origins: list[str] = Field(default_factory=list, description="Dashboard origins allowed by CORS.")
    upload_dir: Path = Path("./uploads")
    max_upload_bytes: int = 20 * 1024 * 1024
    # Bounded imports (api/imports/limits.py): a small upload may expand enormously, so every import is
    # checked while it is read, and the file fails with the limit named. Real files for scale: 11 MB
    # uncompressed (the biggest .csv.gz), 22 MB (the biggest XLSX), 41,067 rows, cells of 2,321 characters.
    import_max_uncompressed_bytes: int = Field(
        default=200_000_000,
        ge=1,
        description="Largest import once decompressed: a CSV, a .csv.gz's stream, all the parts of an XLSX or DOCX.",
    )
    import_max_rows: int = Field(
        default=500_000,
        ge=1,
        description="Most rows an import file may hold (blank rows and every sheet of a workbook count).",
    )
    import_max_cell_chars: int = Field(
        default=100_000,
        ge=1,
        le=131_072,
        description="Longest cell, in characters "
        "(at most the csv module's own 131,072); a row (a CSV record, a sheet row's "
        "XML) may hold ten times as much.",
    )
    import_max_docx_bytes: int = Field(
        default=10_000_000,
        ge=1,
        description="Largest DOCX, uncompressed: "
        "python-docx holds the whole document in memory (the real matrices: 2 MB).",
    )
    import_max_xlsx_loaded_bytes: int = Field(
        default=32_000_000,
        ge=1,
        description="An XLSX's parts other than "
        "its sheets (shared strings, styles …), uncompressed: openpyxl loads "
        "them whole and streams only the sheets (the real exports: 6.6 MB).",
    )
    evidence_dir: Path = Field(
        default=Path("./uploads/evidence"), description="Where uploaded evidence files are stored (random names)."
    )
    max_evidence_bytes: int = Field(
        default=10 * 1024 * 1024, ge=1, description="Largest evidence file accepted (413 above)."
    )
    analyse_rate_limit_per_minute: int = Field(
        default=30,
        ge=1,
        description="Requests per client and minute to the public `POST /recommendations/analyse` (429 above), "
        "counted in the database across workers. The client is the address uvicorn sees: behind a proxy, "
        "the proxy's unless `--forwarded-allow-ips` trusts it to forward the real one.",
    )

    # Operations (api/observability): logs, metrics, tracing.
    log_format: Literal["json", "text"] = Field(
        default="json",
        description="`json`: one JSON object a line (time, level, logger, message, request id …); `text` for a "
        "terminal.",
    )
    log_level: str = Field(default="INFO", description="The root logger's level (DEBUG, INFO, WARNING …).")
    access_log: bool = Field(
        default=True,
        description="One log line per request (route template, status, duration, user and organisation ids; "
        "never a query string, header or body).",
    )
    metrics_enabled: bool = Field(
        default=True,
        description="Serve Prometheus metrics at `/metrics` on the API's port, to clients on this machine only "
        "unless METRICS_TOKEN is set (they tell when each route answered: not for the public).",
    )
    shared_cache_seconds: int = Field(
        default=0,
        ge=0,
        le=3600,
        description="How long a reverse proxy or CDN may serve a public, data-versioned page (recommendations, "
        "champions, review summaries) without asking again (`s-maxage`); 0: it must revalidate every time "
        "(`no-cache`), which costs the API one read of the data version.",
    )
    metrics_token: SecretStr | None = Field(
        default=None,
        description="A secret a scraper on another machine sends as `Authorization: Bearer <token>` to read "
        "`/metrics`; then only it may (a local client too needs it).",
    )
    otel_enabled: bool = Field(
        default=False,
        description="OpenTelemetry tracing (spans of requests and SQL, exported over OTLP/HTTP); also on when "
        "OTEL_EXPORTER_OTLP_ENDPOINT is set. The exporter reads the standard OTEL_* variables.",
    )
    otel_service_name: str = Field(default="upr-tracker", description="The traces' service.name.")

    @field_validator("env")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.strip().lower()

    @model_validator(mode="after")
    def _a_real_key(self) -> "Settings":
        """No key ships with the code: a known default would let anyone forge an admin token."""
        if self.jwt_algorithm.lower() == "none":
            raise ValueError("JWT_ALGORITHM 'none' is not allowed")
        if self.secret_key is None:
            if self.env == "production":
                raise ValueError("SECRET_KEY must be set in production (a random value of 32+ characters)")
            self.secret_key = _local_key(self.secret_key_file)
        if len(self.secret_key) < MIN_SECRET_KEY_LENGTH:
            raise ValueError(f"SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters")
        if self.env == "production" and len(set(self.secret_key)) < MIN_DISTINCT_KEY_CHARACTERS:
            raise ValueError("SECRET_KEY looks like a placeholder, not a random value (e.g. `openssl rand -hex 32`)")
        return self


def _local_key(path: Path) -> str:
    """A per-installation key for development, shared by the workers of one checkout."""
    try:
        key = path.read_text().strip()
    except FileNotFoundError:
        key = ""
    if len(key) >= MIN_SECRET_KEY_LENGTH:
        return key
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    return key


@lru_cache
def get_settings() -> Settings:
    return Settings()
