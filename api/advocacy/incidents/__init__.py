"""Advocacy: incidents."""
