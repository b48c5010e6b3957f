"""The OpenAPI documents carry each operation's permission (`x-permission`) and who holds it
(`x-roles`), taken from the same gates the server enforces."""

from api.auth.permissions import ROLE_GRANTS, Permission, Role, grants_for
from api.contracts import apps
from tests.matrix.routes import ROUTES, gates_of


def _operations():
    for name, app in apps().items():
        prefix = "/tracking" if name == "tracking" else ""
        for path, item in app.openapi()["paths"].items():
            for method, operation in item.items():
                yield method.upper(), prefix + path, operation


def test_every_operation_names_the_permission_its_gate_enforces():
    gates = {(method, path): gates_of(route)[0].permission for method, path, route in ROUTES}
    operations = list(_operations())
    assert len(operations) == len(gates)
    for method, path, operation in operations:
        permission = gates[(method, path)]
        assert operation["x-permission"] == (permission.value if permission else "public"), (method, path)
        roles = operation["x-roles"]
        if permission is None:
            assert set(roles) == {r.value for r in Role}
        else:
            assert roles == {
                r.value: grants_for(r)[permission].value for r in ROLE_GRANTS if permission in grants_for(r)
            }, (method, path)


def test_the_documents_read_as_an_access_matrix():
    operations = {(m, p): o for m, p, o in _operations()}
    assert operations[("DELETE", "/recommendations/{recommendation_id}")]["x-roles"] == {"admin": "any"}
    posting = operations[("GET", "/tracking/matrix")]
    assert posting["x-permission"] == "public" and posting["x-roles"]["anonymous"] == "any"
    assert Permission.implementation_write.value in {o["x-permission"] for o in operations.values()}
