from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.group_member_write import GroupMemberWrite
from ...models.problem_detail import ProblemDetail
from ...models.working_group_read import WorkingGroupRead
from ...types import Response


def _get_kwargs(
    working_group_id: int,
    organisation_id: int,
    *,
    body: GroupMemberWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/advocacy/working-groups/{working_group_id}/members/{organisation_id}".format(
            working_group_id=quote(str(working_group_id), safe=""),
            organisation_id=quote(str(organisation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemDetail | WorkingGroupRead | None:
    if response.status_code == 200:
        response_200 = WorkingGroupRead.from_dict(response.json())

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
) -> Response[ProblemDetail | WorkingGroupRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    working_group_id: int,
    organisation_id: int,
    *,
    client: AuthenticatedClient,
    body: GroupMemberWrite,
) -> Response[ProblemDetail | WorkingGroupRead]:
    """Put Group Member

     Co-chairs and leads add an active member organisation of the coalition to the group (else 422 on
    `organisation_id`) or change whether it co-chairs; a third co-chair is a 409 `too-many-co-chairs`.
    Answers the group.

    Args:
        working_group_id (int):
        organisation_id (int):
        body (GroupMemberWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | WorkingGroupRead]
    """

    kwargs = _get_kwargs(
        working_group_id=working_group_id,
        organisation_id=organisation_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    working_group_id: int,
    organisation_id: int,
    *,
    client: AuthenticatedClient,
    body: GroupMemberWrite,
) -> ProblemDetail | WorkingGroupRead | None:
    """Put Group Member

     Co-chairs and leads add an active member organisation of the coalition to the group (else 422 on
    `organisation_id`) or change whether it co-chairs; a third co-chair is a 409 `too-many-co-chairs`.
    Answers the group.

    Args:
        working_group_id (int):
        organisation_id (int):
        body (GroupMemberWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | WorkingGroupRead
    """

    return sync_detailed(
        working_group_id=working_group_id,
        organisation_id=organisation_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    working_group_id: int,
    organisation_id: int,
    *,
    client: AuthenticatedClient,
    body: GroupMemberWrite,
) -> Response[ProblemDetail | WorkingGroupRead]:
    """Put Group Member

     Co-chairs and leads add an active member organisation of the coalition to the group (else 422 on
    `organisation_id`) or change whether it co-chairs; a third co-chair is a 409 `too-many-co-chairs`.
    Answers the group.

    Args:
        working_group_id (int):
        organisation_id (int):
        body (GroupMemberWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetail | WorkingGroupRead]
    """

    kwargs = _get_kwargs(
        working_group_id=working_group_id,
        organisation_id=organisation_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    working_group_id: int,
    organisation_id: int,
    *,
    client: AuthenticatedClient,
    body: GroupMemberWrite,
) -> ProblemDetail | WorkingGroupRead | None:
    """Put Group Member

     Co-chairs and leads add an active member organisation of the coalition to the group (else 422 on
    `organisation_id`) or change whether it co-chairs; a third co-chair is a 409 `too-many-co-chairs`.
    Answers the group.

    Args:
        working_group_id (int):
        organisation_id (int):
        body (GroupMemberWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetail | WorkingGroupRead
    """

    return (
        await asyncio_detailed(
            working_group_id=working_group_id,
            organisation_id=organisation_id,
            client=client,
            body=body,
        )
    ).parsed
