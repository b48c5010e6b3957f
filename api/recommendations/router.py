"""HTTP for recommendations and their positions (filled in by the cycle API work)."""

from fastapi import APIRouter

routers: list[APIRouter] = []
