from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analysis_read import AnalysisRead
from ...models.analysis_request import AnalysisRequest
from ...models.problem_detail import ProblemDetail
from ...types import Response


def _get_kwargs(
    *,
    body: AnalysisRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/recommendations/analyse",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AnalysisRead | ProblemDetail | None:
    if response.status_code == 200:
        response_200 = AnalysisRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

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
) -> Response[AnalysisRead | ProblemDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AnalysisRequest,
) -> Response[AnalysisRead | ProblemDetail]:
    """Analyse Recommendation

     SMART analysis of a draft recommendation: action, measurable element, time frame, addressee, with
    the
    words behind each, and the classifier's likely action category, themes and affected persons
    (English).

    Args:
        body (AnalysisRequest): A draft recommendation to analyse: read, never stored or logged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalysisRead | ProblemDetail]
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
    body: AnalysisRequest,
) -> AnalysisRead | ProblemDetail | None:
    """Analyse Recommendation

     SMART analysis of a draft recommendation: action, measurable element, time frame, addressee, with
    the
    words behind each, and the classifier's likely action category, themes and affected persons
    (English).

    Args:
        body (AnalysisRequest): A draft recommendation to analyse: read, never stored or logged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalysisRead | ProblemDetail
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AnalysisRequest,
) -> Response[AnalysisRead | ProblemDetail]:
    """Analyse Recommendation

     SMART analysis of a draft recommendation: action, measurable element, time frame, addressee, with
    the
    words behind each, and the classifier's likely action category, themes and affected persons
    (English).

    Args:
        body (AnalysisRequest): A draft recommendation to analyse: read, never stored or logged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnalysisRead | ProblemDetail]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AnalysisRequest,
) -> AnalysisRead | ProblemDetail | None:
    """Analyse Recommendation

     SMART analysis of a draft recommendation: action, measurable element, time frame, addressee, with
    the
    words behind each, and the classifier's likely action category, themes and affected persons
    (English).

    Args:
        body (AnalysisRequest): A draft recommendation to analyse: read, never stored or logged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnalysisRead | ProblemDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
