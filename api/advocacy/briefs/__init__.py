"""Advocacy: briefs."""
