"""Runtime configuration, read from the environment (and an optional `.env`)."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEMO_SECRET_KEY = "demo-secret-key-change-me-in-production-0123456789"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    env: str = Field(default="development", description="`production` enforces a real secret key.")
    database_url: str = "sqlite:///./upr.db"
    secret_key: str = DEMO_SECRET_KEY
    jwt_algorithm: str = "HS256"
    jwt_issuer: str = "upr-tracker"
    jwt_audience: str = "upr-tracker-api"
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    service_token_days: int = Field(default=365, ge=1, description="Default lifetime of a service token.")
    login_max_failures: int = Field(default=5, ge=1, description="Failed logins for one account before a lockout.")
    login_failure_window_seconds: int = Field(default=15 * 60, ge=1)
    login_lockout_seconds: int = Field(default=5 * 60, ge=1)
    cors_origins: list[str] = Field(default_factory=list, description="Dashboard origins allowed by CORS.")
    upload_dir: Path = Path("./uploads")
    max_upload_bytes: int = 20 * 1024 * 1024

    @model_validator(mode="after")
    def _production_needs_a_real_key(self) -> "Settings":
        if self.env == "production" and (self.secret_key == DEMO_SECRET_KEY or len(self.secret_key) < 32):
            raise ValueError("SECRET_KEY must be set to a random value of at least 32 characters in production")
        if self.jwt_algorithm.lower() == "none":
            raise ValueError("JWT_ALGORITHM 'none' is not allowed")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
