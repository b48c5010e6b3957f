from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_action import AuditAction
from ...models.audit_entry_page import AuditEntryPage
from ...models.problem_detail import ProblemDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    entity: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor: int | None | Unset = UNSET,
    organisation_id: int | None | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_entity: None | str | Unset
    if isinstance(entity, Unset):
        json_entity = UNSET
    else:
        json_entity = entity
    params["entity"] = json_entity

    json_entity_id: None | str | Unset
    if isinstance(entity_id, Unset):
        json_entity_id = UNSET
    else:
        json_entity_id = entity_id
    params["entity_id"] = json_entity_id

    json_actor: int | None | Unset
    if isinstance(actor, Unset):
        json_actor = UNSET
    else:
        json_actor = actor
    params["actor"] = json_actor

    json_organisation_id: int | None | Unset
    if isinstance(organisation_id, Unset):
        json_organisation_id = UNSET
    else:
        json_organisation_id = organisation_id
    params["organisation_id"] = json_organisation_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    elif isinstance(action, AuditAction):
        json_action = action.value
    else:
        json_action = action
    params["action"] = json_action

    params["limit"] = limit

    params["offset"] = offset

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/audit-log",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditEntryPage | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = AuditEntryPage.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = None
        return response_304

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetail.from_dict(response.json())

        return response_403

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
) -> Response[AuditEntryPage | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    entity: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor: int | None | Unset = UNSET,
    organisation_id: int | None | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AuditEntryPage | ProblemDetail]:
    """List Audit Entries

     Newest first. `entity` is the table name (`user`, `organisation`, ...); `actor` a user id.

    Args:
        entity (None | str | Unset): Only changes to this table, e.g. `recommendation`.
        entity_id (None | str | Unset): Only changes to this row (its primary key; `a:b` for
            composite keys).
        actor (int | None | Unset): Only changes made by this user id.
        organisation_id (int | None | Unset): Only changes made on behalf of this organisation.
        action (AuditAction | None | Unset): Only creates, updates or deletes.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEntryPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        entity=entity,
        entity_id=entity_id,
        actor=actor,
        organisation_id=organisation_id,
        action=action,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    entity: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor: int | None | Unset = UNSET,
    organisation_id: int | None | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AuditEntryPage | ProblemDetail | None:
    """List Audit Entries

     Newest first. `entity` is the table name (`user`, `organisation`, ...); `actor` a user id.

    Args:
        entity (None | str | Unset): Only changes to this table, e.g. `recommendation`.
        entity_id (None | str | Unset): Only changes to this row (its primary key; `a:b` for
            composite keys).
        actor (int | None | Unset): Only changes made by this user id.
        organisation_id (int | None | Unset): Only changes made on behalf of this organisation.
        action (AuditAction | None | Unset): Only creates, updates or deletes.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEntryPage | ProblemDetail
    """

    return sync_detailed(
        client=client,
        entity=entity,
        entity_id=entity_id,
        actor=actor,
        organisation_id=organisation_id,
        action=action,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    entity: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor: int | None | Unset = UNSET,
    organisation_id: int | None | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[AuditEntryPage | ProblemDetail]:
    """List Audit Entries

     Newest first. `entity` is the table name (`user`, `organisation`, ...); `actor` a user id.

    Args:
        entity (None | str | Unset): Only changes to this table, e.g. `recommendation`.
        entity_id (None | str | Unset): Only changes to this row (its primary key; `a:b` for
            composite keys).
        actor (int | None | Unset): Only changes made by this user id.
        organisation_id (int | None | Unset): Only changes made on behalf of this organisation.
        action (AuditAction | None | Unset): Only creates, updates or deletes.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEntryPage | ProblemDetail]
    """

    kwargs = _get_kwargs(
        entity=entity,
        entity_id=entity_id,
        actor=actor,
        organisation_id=organisation_id,
        action=action,
        limit=limit,
        offset=offset,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    entity: None | str | Unset = UNSET,
    entity_id: None | str | Unset = UNSET,
    actor: int | None | Unset = UNSET,
    organisation_id: int | None | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    cursor: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> AuditEntryPage | ProblemDetail | None:
    """List Audit Entries

     Newest first. `entity` is the table name (`user`, `organisation`, ...); `actor` a user id.

    Args:
        entity (None | str | Unset): Only changes to this table, e.g. `recommendation`.
        entity_id (None | str | Unset): Only changes to this row (its primary key; `a:b` for
            composite keys).
        actor (int | None | Unset): Only changes made by this user id.
        organisation_id (int | None | Unset): Only changes made on behalf of this organisation.
        action (AuditAction | None | Unset): Only creates, updates or deletes.
        limit (int | Unset): Page size; values above 500 are clamped. Default: 50.
        offset (int | Unset): Rows to skip; use `cursor` instead for deep paging. Default: 0.
        cursor (None | str | Unset): Opaque `next_cursor` from the previous page of the same list
            (any other value is a 422); not together with a non-zero `offset`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEntryPage | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            entity=entity,
            entity_id=entity_id,
            actor=actor,
            organisation_id=organisation_id,
            action=action,
            limit=limit,
            offset=offset,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
