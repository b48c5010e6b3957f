from tests.factories import PASSWORD
from tests.matrix.base import Call, Scenario, _role

AUTH: dict[tuple[str, str], Scenario] = {
    ("GET", "/healthz"): Scenario(lambda w, r, s: Call("/healthz")),
    ("GET", "/livez"): Scenario(lambda w, r, s: Call("/livez")),
    ("GET", "/readyz"): Scenario(lambda w, r, s: Call("/readyz")),
    ("POST", "/auth/token"): Scenario(
        lambda w, r, s: Call("/auth/token", data={"username": w.user(_role(r), s).email, "password": PASSWORD})
    ),
    ("GET", "/auth/me"): Scenario(lambda w, r, s: Call("/auth/me")),
    ("POST", "/auth/me/password"): Scenario(
        lambda w, r, s: Call(
            "/auth/me/password", json={"current_password": PASSWORD, "new_password": "another long passphrase"}
        )
    ),
    ("POST", "/auth/service-tokens"): Scenario(lambda w, r, s: Call("/auth/service-tokens", json={"name": "m"})),
    ("GET", "/auth/service-tokens"): Scenario(lambda w, r, s: Call("/auth/service-tokens")),
    ("DELETE", "/auth/service-tokens/{token_id}"): Scenario(
        lambda w, r, s: Call(f"/auth/service-tokens/{w.service_tokens[(_role(r).value, s)][0].id}"), targets_row=True
    ),
    ("GET", "/organisations"): Scenario(lambda w, r, s: Call(f"/organisations?state={s}")),
    ("GET", "/organisations/{organisation_id}"): Scenario(
        lambda w, r, s: Call(f"/organisations/{w.org(_role(r), s).id}"), targets_row=True
    ),
    ("POST", "/organisations"): Scenario(
        lambda w, r, s: Call("/organisations", json={"name": "Matrix NHRI", "kind": "nhri", "state_code": s})
    ),
    ("PATCH", "/organisations/{organisation_id}"): Scenario(
        lambda w, r, s: Call(f"/organisations/{w.org(_role(r), s).id}", json={"public_name": "Renamed"}),
        targets_row=True,
    ),
    ("GET", "/users"): Scenario(lambda w, r, s: Call(f"/users?organisation_id={w.org(_role(r), s).id}")),
    ("GET", "/users/{user_id}"): Scenario(lambda w, r, s: Call(f"/users/{w.user(_role(r), s).id}"), targets_row=True),
    ("POST", "/users"): Scenario(
        lambda w, r, s: Call(
            "/users",
            json={
                "email": "matrix@example.org",
                "full_name": "Matrix",
                "password": "a long enough password",
                "organisation_id": w.org(_role(r), s).id,
            },
        )
    ),
    ("PATCH", "/users/{user_id}"): Scenario(
        lambda w, r, s: Call(f"/users/{w.user(_role(r), s).id}", json={"full_name": "Renamed"}), targets_row=True
    ),
    ("GET", "/states"): Scenario(lambda w, r, s: Call("/states")),
    ("GET", "/states/{code}"): Scenario(lambda w, r, s: Call(f"/states/{s}"), targets_row=True),
    ("POST", "/states"): Scenario(lambda w, r, s: Call("/states", json={"code": "XKX", "name": "Matrixland"})),
    ("PATCH", "/states/{code}"): Scenario(
        lambda w, r, s: Call(f"/states/{s}", json={"name": "Renamed"}), targets_row=True
    ),
    ("GET", "/audit-log"): Scenario(lambda w, r, s: Call("/audit-log")),
}
