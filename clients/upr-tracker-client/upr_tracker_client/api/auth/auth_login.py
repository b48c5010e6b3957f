from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.login_form import LoginForm
from ...models.o_auth_error import OAuthError
from ...models.problem_detail import ProblemDetail
from ...models.token import Token
from ...types import Response


def _get_kwargs(
    *,
    body: LoginForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthError | ProblemDetail | Token | None:
    if response.status_code == 200:
        response_200 = Token.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = ProblemDetail.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetail.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemDetail.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ProblemDetail.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ProblemDetail.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OAuthError | ProblemDetail | Token]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm,
) -> Response[OAuthError | ProblemDetail | Token]:
    """Login

     OAuth2 password flow: `username` is the email. A refused request is an RFC 6749 error (400
    `invalid_grant` for wrong credentials; see `api/auth/token_errors.py`), not a problem. Repeated
    failures lock that account from that client address (and many from one address lock the address)
    for a while that doubles (429, a problem with `Retry-After`).

    Args:
        body (LoginForm): The OAuth 2.0 password grant's form (RFC 6749 §4.3.2); `username` is the
            account's email.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | ProblemDetail | Token]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm,
) -> OAuthError | ProblemDetail | Token | None:
    """Login

     OAuth2 password flow: `username` is the email. A refused request is an RFC 6749 error (400
    `invalid_grant` for wrong credentials; see `api/auth/token_errors.py`), not a problem. Repeated
    failures lock that account from that client address (and many from one address lock the address)
    for a while that doubles (429, a problem with `Retry-After`).

    Args:
        body (LoginForm): The OAuth 2.0 password grant's form (RFC 6749 §4.3.2); `username` is the
            account's email.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | ProblemDetail | Token
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm,
) -> Response[OAuthError | ProblemDetail | Token]:
    """Login

     OAuth2 password flow: `username` is the email. A refused request is an RFC 6749 error (400
    `invalid_grant` for wrong credentials; see `api/auth/token_errors.py`), not a problem. Repeated
    failures lock that account from that client address (and many from one address lock the address)
    for a while that doubles (429, a problem with `Retry-After`).

    Args:
        body (LoginForm): The OAuth 2.0 password grant's form (RFC 6749 §4.3.2); `username` is the
            account's email.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | ProblemDetail | Token]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginForm,
) -> OAuthError | ProblemDetail | Token | None:
    """Login

     OAuth2 password flow: `username` is the email. A refused request is an RFC 6749 error (400
    `invalid_grant` for wrong credentials; see `api/auth/token_errors.py`), not a problem. Repeated
    failures lock that account from that client address (and many from one address lock the address)
    for a while that doubles (429, a problem with `Retry-After`).

    Args:
        body (LoginForm): The OAuth 2.0 password grant's form (RFC 6749 §4.3.2); `username` is the
            account's email.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | ProblemDetail | Token
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
