"""The real request session (no test override): commit on success, roll back on error."""

import httpx
from sqlmodel import Session, select

from api.auth.models import User
from api.auth.security import create_access_token
from api.cycle.models import State
from api.db import engine_for
from api.main import create_app
from api.settings import get_settings
from tests.factories import PASSWORD, bearer, build_world
from tests.helpers import migrate


async def test_success_commits_and_an_error_rolls_back_everything(settings, tmp_path):
    url = f"sqlite:///{tmp_path / 'real.db'}"
    migrate(url)
    own = settings.model_copy(update={"database_url": url})
    engine = engine_for(url)
    with Session(engine) as session:
        world = build_world(session)
        session.commit()
        admin, cso_id, cso_email = world.user("admin").id, world.user("cso").id, world.user("cso").email
    app = create_app(own)
    app.dependency_overrides[get_settings] = lambda: own
    headers = bearer(create_access_token(admin, own)[0])
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            created = await client.post("/states", headers=headers, json={"code": "XKX", "name": "Kosovo"})
            assert created.status_code == 201
            # The password hash is changed in the session before the null is refused.
            failed = await client.patch(
                f"/users/{cso_id}", headers=headers, json={"password": "a brand new passphrase", "is_active": None}
            )
            assert failed.status_code == 422
            old = await client.post("/auth/token", data={"username": cso_email, "password": PASSWORD})
            assert old.status_code == 200
        with Session(engine) as session:
            assert session.get(State, "XKX").name == "Kosovo"
            assert session.exec(select(User).where(User.id == cso_id)).one().is_active
    finally:
        engine.dispose()
