"""A client library for accessing UPR Tracker — cycle API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
