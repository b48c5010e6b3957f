"""The token endpoint speaks OAuth 2.0 (RFC 6749 §4.3, §5.2), not problem+json: OAuth clients and
libraries read `{"error": "invalid_grant", "error_description": "..."}` with a 400, so that is what
`POST /auth/token` answers for a refused request. Every other error of the API (the throttling 429,
a body too large, an unknown query parameter) stays a problem.

- `invalid_request`: `username` or `password` missing or malformed (an email longer than any
  account's, a NUL character), or a parameter sent more than once;
- `unsupported_grant_type`: a `grant_type` other than `password` (an empty one included). Omitting
  `grant_type` is accepted as `password`, as the API always has (Swagger UI and most clients send it);
- `invalid_grant`: wrong email or password, or a deactivated account or organisation.

Each with `Cache-Control: no-store` and `Pragma: no-cache` (§5.1, §5.2).
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Depends, Form, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

MAX_EMAIL = 320  # api.auth.models.User.email
FormText = Annotated[str | None, WithJsonSchema({"type": "string"})]  # a form field is text or absent


class OAuthErrorCode(StrEnum):
    """The RFC 6749 §5.2 codes this endpoint sends (no client authentication, scopes ignored)."""

    invalid_request = "invalid_request"
    invalid_grant = "invalid_grant"
    unsupported_grant_type = "unsupported_grant_type"


class OAuthError(BaseModel):
    """An error of the token endpoint (RFC 6749 §5.2)."""

    error: OAuthErrorCode
    error_description: str | None = Field(default=None, description="Why, for the developer (not localised).")


class LoginForm(BaseModel):
    """The OAuth 2.0 password grant's form (RFC 6749 §4.3.2); `username` is the account's email."""

    model_config = ConfigDict(json_schema_extra={"required": ["username", "password"]})

    grant_type: Annotated[FormText, Field(description="`password` (the default when omitted).")] = None
    username: Annotated[FormText, Field(description="The account's email (any case).")] = None
    password: FormText = None
    scope: Annotated[FormText, Field(description="Ignored: a token carries its account's permissions.")] = None
    client_id: Annotated[FormText, Field(description="Ignored.")] = None
    client_secret: Annotated[FormText, Field(description="Ignored.")] = None


@dataclass(frozen=True)
class PasswordGrant:
    username: str
    password: str


OAUTH_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {
        "model": OAuthError,
        "description": "RFC 6749 §5.2: `invalid_request` (a field missing or repeated), `unsupported_grant_type` "
        "(not `password`) or `invalid_grant` (wrong email or password, or a deactivated account).",
    }
}


def oauth_error(error: OAuthErrorCode, description: str) -> JSONResponse:
    return JSONResponse(
        OAuthError(error=error, error_description=description).model_dump(mode="json"),
        status_code=400,
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


async def password_grant(request: Request, form: Annotated[LoginForm, Form()]) -> PasswordGrant | JSONResponse:
    """The grant, or the error to answer. The raw form is read (FastAPI has parsed and cached it) because
    FastAPI takes an empty field for an absent one, and `grant_type=` is an error, not the default."""
    del form  # declared for the document (and the body's media type); its parsed values lose "" and repeats
    raw = await request.form()
    repeated = sorted(name for name in set(raw.keys()) if len(raw.getlist(name)) > 1)
    if repeated:
        return oauth_error(OAuthErrorCode.invalid_request, f"Send each parameter once: {', '.join(repeated)}.")
    grant_type = raw.get("grant_type")
    if grant_type is not None and grant_type != "password":
        return oauth_error(
            OAuthErrorCode.unsupported_grant_type, "Only the `password` grant is supported (or omit `grant_type`)."
        )
    missing = [name for name in ("username", "password") if not isinstance(raw.get(name), str)]
    if missing:
        return oauth_error(OAuthErrorCode.invalid_request, f"Missing: {', '.join(missing)}.")
    username, password = str(raw["username"]), str(raw["password"])
    if len(username) > MAX_EMAIL or "\x00" in username or "\x00" in password:
        malformed = f"`username` is an email of at most {MAX_EMAIL} characters; neither field holds a NUL."
        return oauth_error(OAuthErrorCode.invalid_request, malformed)
    return PasswordGrant(username=username, password=password)


PasswordGrantDep = Annotated[PasswordGrant | JSONResponse, Depends(password_grant)]
