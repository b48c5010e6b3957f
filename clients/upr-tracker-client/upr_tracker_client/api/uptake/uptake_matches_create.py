from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.uptake_match_create import UptakeMatchCreate
from ...models.uptake_match_read import UptakeMatchRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: UptakeMatchCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/advocacy/uptake-matches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | UptakeMatchRead | None:
    if response.status_code == 201:
        response_201 = UptakeMatchRead.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetail.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetail.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemDetail.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetail.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetail.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemDetail.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ProblemDetail.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProblemDetail | UptakeMatchRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UptakeMatchCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetail | UptakeMatchRead]:
    """Create Match

     A match the suggestions missed, confirmed at once: the recommendation must be one of the ask's
    brief's review. A pair already matched is a 409 (decide it with PATCH). For the brief's working
    group and the coalition's leads.

    Args:
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (UptakeMatchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | UptakeMatchRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: UptakeMatchCreate,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetail | UptakeMatchRead | None:
    """Create Match

     A match the suggestions missed, confirmed at once: the recommendation must be one of the ask's
    brief's review. A pair already matched is a 409 (decide it with PATCH). For the brief's working
    group and the coalition's leads.

    Args:
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (UptakeMatchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | UptakeMatchRead
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UptakeMatchCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemDetail | UptakeMatchRead]:
    """Create Match

     A match the suggestions missed, confirmed at once: the recommendation must be one of the ask's
    brief's review. A pair already matched is a 409 (decide it with PATCH). For the brief's working
    group and the coalition's leads.

    Args:
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (UptakeMatchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | UptakeMatchRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UptakeMatchCreate,
    idempotency_key: str | Unset = UNSET,
) -> ProblemDetail | UptakeMatchRead | None:
    """Create Match

     A match the suggestions missed, confirmed at once: the recommendation must be one of the ask's
    brief's review. A pair already matched is a 409 (decide it with PATCH). For the brief's working
    group and the coalition's leads.

    Args:
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (UptakeMatchCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | UptakeMatchRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
