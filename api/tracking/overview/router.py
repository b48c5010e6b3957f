"""HTTP for the implementation matrix, the mid-term report and the dashboard."""

from fastapi import APIRouter

routers: list[APIRouter] = []
