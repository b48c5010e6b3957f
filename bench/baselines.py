"""The limit the list endpoints are held to: FastAPI itself, with no database and no middleware.

`bytes_app` answers pre-serialised bytes (the cost of FastAPI + uvicorn alone); `dict_app` answers a
constant dict of 50 items, which FastAPI encodes on every request (what any page of 50 costs to
serialise). The page is the app's own first page of `GET /recommendations`, saved to the file named
by BENCH_PAGE_FILE, so both baselines send the very body the app sends; without it (no data), a
synthetic page of the same shape.
"""

import json
import os

from fastapi import FastAPI, Response


def _page() -> dict:
    path = os.environ.get("BENCH_PAGE_FILE")
    if path:
        with open(path, "rb") as handle:
            return json.load(handle)
    state = {"code": "FRA", "name": "France", "regional_group": "weog"}
    item = {
        "id": 0,
        "review_id": 1,
        "state_under_review": "SVN",
        "session": 34,
        "cycle": 3,
        "paragraph": "121.1",
        "text": "Consider ratifying the International Convention on the Protection of the Rights of All Migrant "
        "Workers and Members of Their Families and bring national legislation into line with it.",
        "recommending_states": [state],
        "themes": [{"id": 1, "name": "International instruments", "code": "A12"}],
        "affected_persons": [{"id": 1, "name": "Migrants"}],
        "sdg_targets": ["8.8", "10.7"],
        "action_category": 4,
        "source_document": "A/HRC/43/15",
        "external_key": "SVN:c3:0123456789abcdef0123456789abcdef",
        "current_position": "supported",
        "rank": None,
    }
    return {"items": [{**item, "id": i + 1} for i in range(50)], "total": 98000, "next_cursor": "WzEsNTBd"}


PAGE = _page()
PRE = json.dumps(PAGE, ensure_ascii=False, separators=(",", ":")).encode()

bytes_app = FastAPI()
dict_app = FastAPI()


@bytes_app.get("/")
def pre_serialised() -> Response:
    return Response(content=PRE, media_type="application/json")


@dict_app.get("/")
def constant_dict() -> dict:
    return PAGE
