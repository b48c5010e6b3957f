from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_create import ContactCreate
from ...models.contact_read import ContactRead
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ContactCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/advocacy/contacts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactRead | ProblemDetail | None:
    if response.status_code == 201:
        response_201 = ContactRead.from_dict(response.json())

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
) -> Response[ContactRead | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ContactCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ContactRead | ProblemDetail]:
    """Create Contact

     Any active member organisation of the coalition records a contact at a permanent mission or
    embassy; only the coalition sees it. A coalition you are not a member of is a 404.

    Args:
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (ContactCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactRead | ProblemDetail]
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
    body: ContactCreate,
    idempotency_key: str | Unset = UNSET,
) -> ContactRead | ProblemDetail | None:
    """Create Contact

     Any active member organisation of the coalition records a contact at a permanent mission or
    embassy; only the coalition sees it. A coalition you are not a member of is a 404.

    Args:
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (ContactCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactRead | ProblemDetail
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ContactCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ContactRead | ProblemDetail]:
    """Create Contact

     Any active member organisation of the coalition records a contact at a permanent mission or
    embassy; only the coalition sees it. A coalition you are not a member of is a 404.

    Args:
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (ContactCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactRead | ProblemDetail]
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
    body: ContactCreate,
    idempotency_key: str | Unset = UNSET,
) -> ContactRead | ProblemDetail | None:
    """Create Contact

     Any active member organisation of the coalition records a contact at a permanent mission or
    embassy; only the coalition sees it. A coalition you are not a member of is a 404.

    Args:
        idempotency_key (str | Unset): A unique value per intended create (e.g. a UUID): 1–255
            printable ASCII characters. Retrying with the same key and request returns the first
            result (with `Idempotent-Replayed: true`) instead of creating again; the same key with a
            different request is a 409; while the first request is still running, a 409 `idempotency-
            in-progress` with `Retry-After`. Kept for 24 hours, per organisation.
        body (ContactCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactRead | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
