"""Organisations and users: the accounts an admin manages."""
