from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    review_id: int,
    *,
    force: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["force"] = force

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/reviews/{review_id}".format(
            review_id=quote(str(review_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetail | None:
    if response.status_code == 204:
        response_204 = None
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    review_id: int,
    *,
    client: AuthenticatedClient,
    force: bool | Unset = False,
) -> Response[ProblemDetail]:
    """Delete Review

     Deletes the review with its documents, troika and submissions. A review with recommendations is
    refused with 409 unless an admin passes `force=true`; then they go too, all in one transaction.

    Args:
        review_id (int):
        force (bool | Unset): Also delete its recommendations and their positions (admins).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        force=force,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    review_id: int,
    *,
    client: AuthenticatedClient,
    force: bool | Unset = False,
) -> ProblemDetail | None:
    """Delete Review

     Deletes the review with its documents, troika and submissions. A review with recommendations is
    refused with 409 unless an admin passes `force=true`; then they go too, all in one transaction.

    Args:
        review_id (int):
        force (bool | Unset): Also delete its recommendations and their positions (admins).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail
    """

    return sync_detailed(
        review_id=review_id,
        client=client,
        force=force,
    ).parsed


async def asyncio_detailed(
    review_id: int,
    *,
    client: AuthenticatedClient,
    force: bool | Unset = False,
) -> Response[ProblemDetail]:
    """Delete Review

     Deletes the review with its documents, troika and submissions. A review with recommendations is
    refused with 409 unless an admin passes `force=true`; then they go too, all in one transaction.

    Args:
        review_id (int):
        force (bool | Unset): Also delete its recommendations and their positions (admins).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        force=force,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    review_id: int,
    *,
    client: AuthenticatedClient,
    force: bool | Unset = False,
) -> ProblemDetail | None:
    """Delete Review

     Deletes the review with its documents, troika and submissions. A review with recommendations is
    refused with 409 unless an admin passes `force=true`; then they go too, all in one transaction.

    Args:
        review_id (int):
        force (bool | Unset): Also delete its recommendations and their positions (admins).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail
    """

    return (
        await asyncio_detailed(
            review_id=review_id,
            client=client,
            force=force,
        )
    ).parsed
