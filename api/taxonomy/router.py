"""HTTP for the vocabularies: themes, affected persons, SDG targets (filled in by the cycle API work)."""

from fastapi import APIRouter

routers: list[APIRouter] = []
