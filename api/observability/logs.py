"""Logging: one configuration for the API, `upr serve` (uvicorn's own loggers) and `upr worker`.

`LOG_FORMAT=json` (the default) writes one JSON object a line — `time` (ISO 8601, UTC), `level`,
`logger`, `message`, the `request_id` of the request being served when there is one, and whatever a
call passes in `extra` (the access log's route, status, duration and caller ids). `text` is for a
terminal. Nothing here logs a header, a query string or a body: the access log names the route's
template, never the raw path.
"""

import logging
import logging.config
from contextvars import ContextVar
from typing import Any

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

from api.settings import Settings

# The request's ASGI `state` (the request id is set there by api/http/request_id.py, inside our middleware).
current_request_state: ContextVar[dict[str, Any] | None] = ContextVar("upr_request_state", default=None)

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JSON_FIELDS = "%(levelname)s %(name)s %(message)s"


class RequestIdFilter(logging.Filter):
    """Adds the request id of the request being served (if any) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            state = current_request_state.get()
            record.request_id = state.get("request_id") if state else None
        return True


def json_formatter() -> logging.Formatter:
    return JsonFormatter(
        JSON_FIELDS,
        rename_fields={"levelname": "level", "name": "logger"},
        timestamp="time",  # record.created as ISO 8601 in UTC
        # uvicorn adds an ANSI-coloured copy of its messages: not a field of ours.
        reserved_attrs=[*RESERVED_ATTRS, "color_message"],
    )


def logging_config(settings: Settings) -> dict[str, Any]:
    """A `logging.config.dictConfig` mapping; also uvicorn's `log_config`, so its own loggers ("Started
    server process", errors) share the format. uvicorn's plain access log is always off (`upr serve`
    passes `access_log=False`) and its logger kept quiet: `ACCESS_LOG=false` means no access lines at all."""
    formatter: dict[str, Any] = {"()": json_formatter} if settings.log_format == "json" else {"format": TEXT_FORMAT}
    handler = {"class": "logging.StreamHandler", "formatter": "default", "filters": ["request_id"]}
    level = settings.log_level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": formatter},
        "handlers": {"default": handler},
        "root": {"handlers": ["default"], "level": level},
        "loggers": {
            "uvicorn": {"handlers": [], "level": level, "propagate": True},
            "uvicorn.error": {"handlers": [], "level": level, "propagate": True},
            # Ours replaces uvicorn's plain access line, which logs query strings and client addresses:
            # `upr serve` turns it off, and it stays quiet whatever ACCESS_LOG says.
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": True},
        },
    }


_configured = False


def configure_logging(settings: Settings, *, force: bool = False) -> None:
    """Once per process (an app built again, as tests do, keeps the handlers pytest added meanwhile)."""
    global _configured
    if _configured and not force:
        return
    logging.config.dictConfig(logging_config(settings))
    _configured = True
