from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.outreach_read import OutreachRead
from ...models.outreach_update import OutreachUpdate
from ...models.problem_detail import ProblemDetail
from ...types import Response


def _get_kwargs(
    outreach_id: int,
    *,
    body: OutreachUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/advocacy/outreach/{outreach_id}".format(
            outreach_id=quote(str(outreach_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OutreachRead | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = OutreachRead.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = ProblemDetail.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ProblemDetail.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetail.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ProblemDetail.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = ProblemDetail.from_dict(response.json())

        return response_428

    if response.status_code == 503:
        response_503 = ProblemDetail.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OutreachRead | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    outreach_id: int,
    *,
    client: AuthenticatedClient,
    body: OutreachUpdate,
    if_match: str,
) -> Response[OutreachRead | ProblemDetail]:
    """Update Outreach

     Send `If-Match` with the ETag you read (428 without, 412 when stale). `briefs`, when given,
    replaces the briefs presented; `follow_up_done: true` marks the follow-up done.

    Args:
        outreach_id (int):
        if_match (str): ETag from your last read (required: without it, 428); a stale one gets
            412.
        body (OutreachUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutreachRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        outreach_id=outreach_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    outreach_id: int,
    *,
    client: AuthenticatedClient,
    body: OutreachUpdate,
    if_match: str,
) -> OutreachRead | ProblemDetail | None:
    """Update Outreach

     Send `If-Match` with the ETag you read (428 without, 412 when stale). `briefs`, when given,
    replaces the briefs presented; `follow_up_done: true` marks the follow-up done.

    Args:
        outreach_id (int):
        if_match (str): ETag from your last read (required: without it, 428); a stale one gets
            412.
        body (OutreachUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutreachRead | ProblemDetail
    """

    return sync_detailed(
        outreach_id=outreach_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    outreach_id: int,
    *,
    client: AuthenticatedClient,
    body: OutreachUpdate,
    if_match: str,
) -> Response[OutreachRead | ProblemDetail]:
    """Update Outreach

     Send `If-Match` with the ETag you read (428 without, 412 when stale). `briefs`, when given,
    replaces the briefs presented; `follow_up_done: true` marks the follow-up done.

    Args:
        outreach_id (int):
        if_match (str): ETag from your last read (required: without it, 428); a stale one gets
            412.
        body (OutreachUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutreachRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        outreach_id=outreach_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    outreach_id: int,
    *,
    client: AuthenticatedClient,
    body: OutreachUpdate,
    if_match: str,
) -> OutreachRead | ProblemDetail | None:
    """Update Outreach

     Send `If-Match` with the ETag you read (428 without, 412 when stale). `briefs`, when given,
    replaces the briefs presented; `follow_up_done: true` marks the follow-up done.

    Args:
        outreach_id (int):
        if_match (str): ETag from your last read (required: without it, 428); a stale one gets
            412.
        body (OutreachUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutreachRead | ProblemDetail
    """

    return (
        await asyncio_detailed(
            outreach_id=outreach_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
