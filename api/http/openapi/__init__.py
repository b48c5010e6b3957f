"""The OpenAPI documents' last pass (see `document`)."""

from api.http.openapi.document import install_document_openapi

__all__ = ["install_document_openapi"]
