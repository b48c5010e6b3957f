"""HTTP for review summaries and champion states (filled in by the cycle API work)."""

from fastapi import APIRouter

routers: list[APIRouter] = []
