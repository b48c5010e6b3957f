"""Advocacy: coalitions."""
