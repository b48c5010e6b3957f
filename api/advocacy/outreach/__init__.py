"""Advocacy: outreach."""
