"""A client library for accessing UPR Tracker — implementation-tracking API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
