"""Advocacy: uptake. Registers its guard on recommendation deletes (`references`)."""

from api.advocacy.uptake import references

references.register()
