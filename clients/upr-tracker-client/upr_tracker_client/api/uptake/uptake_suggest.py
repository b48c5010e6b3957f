from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.uptake_suggestions import UptakeSuggestions
from ...types import Response


def _get_kwargs(
    brief_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/advocacy/briefs/{brief_id}/uptake-suggestions".format(
            brief_id=quote(str(brief_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | UptakeSuggestions | None:
    if response.status_code == 200:
        response_200 = UptakeSuggestions.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetail.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetail.from_dict(response.json())

        return response_404

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
) -> Response[ProblemDetail | UptakeSuggestions]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    brief_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetail | UptakeSuggestions]:
    """Suggest

     Computes again, by text similarity, which recommendations of the brief's review may carry each
    of its asks: at most `top_n` per ask scoring `threshold` or more, stored as `suggested` matches.
    Confirmed and rejected matches are never touched nor suggested again; earlier suggestions that no
    longer qualify are removed. Answers every match of the brief. For the brief's working group and
    the coalition's leads.

    Args:
        brief_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | UptakeSuggestions]
    """

    kwargs = _get_kwargs(
        brief_id=brief_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    brief_id: int,
    *,
    client: AuthenticatedClient,
) -> ProblemDetail | UptakeSuggestions | None:
    """Suggest

     Computes again, by text similarity, which recommendations of the brief's review may carry each
    of its asks: at most `top_n` per ask scoring `threshold` or more, stored as `suggested` matches.
    Confirmed and rejected matches are never touched nor suggested again; earlier suggestions that no
    longer qualify are removed. Answers every match of the brief. For the brief's working group and
    the coalition's leads.

    Args:
        brief_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | UptakeSuggestions
    """

    return sync_detailed(
        brief_id=brief_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    brief_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemDetail | UptakeSuggestions]:
    """Suggest

     Computes again, by text similarity, which recommendations of the brief's review may carry each
    of its asks: at most `top_n` per ask scoring `threshold` or more, stored as `suggested` matches.
    Confirmed and rejected matches are never touched nor suggested again; earlier suggestions that no
    longer qualify are removed. Answers every match of the brief. For the brief's working group and
    the coalition's leads.

    Args:
        brief_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | UptakeSuggestions]
    """

    kwargs = _get_kwargs(
        brief_id=brief_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    brief_id: int,
    *,
    client: AuthenticatedClient,
) -> ProblemDetail | UptakeSuggestions | None:
    """Suggest

     Computes again, by text similarity, which recommendations of the brief's review may carry each
    of its asks: at most `top_n` per ask scoring `threshold` or more, stored as `suggested` matches.
    Confirmed and rejected matches are never touched nor suggested again; earlier suggestions that no
    longer qualify are removed. Answers every match of the brief. For the brief's working group and
    the coalition's leads.

    Args:
        brief_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | UptakeSuggestions
    """

    return (
        await asyncio_detailed(
            brief_id=brief_id,
            client=client,
        )
    ).parsed
