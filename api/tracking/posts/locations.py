"""The `Location` of what a POST created."""

from fastapi import Request, Response


def set_location(request: Request, response: Response, path: str) -> None:
    """`Location` of a created post, under whatever path the tracking app is mounted at (`/tracking`)."""
    response.headers["Location"] = request.scope.get("root_path", "") + path
