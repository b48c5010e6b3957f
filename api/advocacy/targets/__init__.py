"""Advocacy: targets."""
