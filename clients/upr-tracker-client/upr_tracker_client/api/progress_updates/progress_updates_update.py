from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_detail import ProblemDetail
from ...models.progress_update_read import ProgressUpdateRead
from ...models.progress_update_update import ProgressUpdateUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    update_id: int,
    *,
    body: ProgressUpdateUpdate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/tracking/progress-updates/{update_id}".format(
            update_id=quote(str(update_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | ProgressUpdateRead | None:
    if response.status_code == 200:
        response_200 = ProgressUpdateRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ProblemDetail.from_dict(response.json())

        return response_409

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

    if response.status_code == 503:
        response_503 = ProblemDetail.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProblemDetail | ProgressUpdateRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    update_id: int,
    *,
    client: AuthenticatedClient,
    body: ProgressUpdateUpdate,
    if_match: str | Unset = UNSET,
) -> Response[ProblemDetail | ProgressUpdateRead]:
    """Correct Progress Update

     A correction by the posting organisation (or an admin): appends a revision, keeps the earlier ones.
    A government's update once shared or public is never made less visible (409
    `published-post-stays-visible`); a withdrawn one is not changed (409 `post-withdrawn`).

    Args:
        update_id (int):
        if_match (str | Unset): ETag from your last read; a stale one gets 412.
        body (ProgressUpdateUpdate): A correction: appends a revision, the earlier text stays in
            the revisions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | ProgressUpdateRead]
    """

    kwargs = _get_kwargs(
        update_id=update_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    update_id: int,
    *,
    client: AuthenticatedClient,
    body: ProgressUpdateUpdate,
    if_match: str | Unset = UNSET,
) -> ProblemDetail | ProgressUpdateRead | None:
    """Correct Progress Update

     A correction by the posting organisation (or an admin): appends a revision, keeps the earlier ones.
    A government's update once shared or public is never made less visible (409
    `published-post-stays-visible`); a withdrawn one is not changed (409 `post-withdrawn`).

    Args:
        update_id (int):
        if_match (str | Unset): ETag from your last read; a stale one gets 412.
        body (ProgressUpdateUpdate): A correction: appends a revision, the earlier text stays in
            the revisions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | ProgressUpdateRead
    """

    return sync_detailed(
        update_id=update_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    update_id: int,
    *,
    client: AuthenticatedClient,
    body: ProgressUpdateUpdate,
    if_match: str | Unset = UNSET,
) -> Response[ProblemDetail | ProgressUpdateRead]:
    """Correct Progress Update

     A correction by the posting organisation (or an admin): appends a revision, keeps the earlier ones.
    A government's update once shared or public is never made less visible (409
    `published-post-stays-visible`); a withdrawn one is not changed (409 `post-withdrawn`).

    Args:
        update_id (int):
        if_match (str | Unset): ETag from your last read; a stale one gets 412.
        body (ProgressUpdateUpdate): A correction: appends a revision, the earlier text stays in
            the revisions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | ProgressUpdateRead]
    """

    kwargs = _get_kwargs(
        update_id=update_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    update_id: int,
    *,
    client: AuthenticatedClient,
    body: ProgressUpdateUpdate,
    if_match: str | Unset = UNSET,
) -> ProblemDetail | ProgressUpdateRead | None:
    """Correct Progress Update

     A correction by the posting organisation (or an admin): appends a revision, keeps the earlier ones.
    A government's update once shared or public is never made less visible (409
    `published-post-stays-visible`); a withdrawn one is not changed (409 `post-withdrawn`).

    Args:
        update_id (int):
        if_match (str | Unset): ETag from your last read; a stale one gets 412.
        body (ProgressUpdateUpdate): A correction: appends a revision, the earlier text stays in
            the revisions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | ProgressUpdateRead
    """

    return (
        await asyncio_detailed(
            update_id=update_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
