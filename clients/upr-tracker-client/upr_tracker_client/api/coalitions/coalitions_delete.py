from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...types import Response


def _get_kwargs(
    coalition_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/advocacy/coalitions/{coalition_id}".format(
            coalition_id=quote(str(coalition_id), safe=""),
        ),
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
    coalition_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetail]:
    """Delete Coalition

     Leads delete a coalition that holds no working groups, contacts or outreach (409
    `coalition-not-empty` otherwise).

    Args:
        coalition_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail]
    """

    kwargs = _get_kwargs(
        coalition_id=coalition_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    coalition_id: int,
    *,
    client: AuthenticatedClient,
) -> ProblemDetail | None:
    """Delete Coalition

     Leads delete a coalition that holds no working groups, contacts or outreach (409
    `coalition-not-empty` otherwise).

    Args:
        coalition_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail
    """

    return sync_detailed(
        coalition_id=coalition_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    coalition_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetail]:
    """Delete Coalition

     Leads delete a coalition that holds no working groups, contacts or outreach (409
    `coalition-not-empty` otherwise).

    Args:
        coalition_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail]
    """

    kwargs = _get_kwargs(
        coalition_id=coalition_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    coalition_id: int,
    *,
    client: AuthenticatedClient,
) -> ProblemDetail | None:
    """Delete Coalition

     Leads delete a coalition that holds no working groups, contacts or outreach (409
    `coalition-not-empty` otherwise).

    Args:
        coalition_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail
    """

    return (
        await asyncio_detailed(
            coalition_id=coalition_id,
            client=client,
        )
    ).parsed
