"""Problem types are specific and stable: a client tells reasons apart by `type` alone."""

import ast
import re
from pathlib import Path

import api.main  # noqa: F401  (imports every domain, so every Problem subclass is defined)
from api.core.errors import Conflict, Forbidden, Problem

API = Path(api.main.__file__).parent
SLUG = re.compile(r"^[a-z]+(-[a-z]+)*$")
# The permission gate's refusal is generic by design: the detail names the missing permission.
GENERIC_ALLOWED = {("auth/deps.py", "Forbidden")}


def _subclasses(cls: type[Problem]) -> list[type[Problem]]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def test_every_problem_class_has_its_own_kebab_case_slug():
    classes = _subclasses(Problem)
    slugs: dict[str, type[Problem]] = {}
    for cls in classes:
        assert SLUG.match(cls.slug), f"{cls.__qualname__}: slug {cls.slug!r} is not kebab-case"
        assert "slug" in vars(cls), f"{cls.__module__}.{cls.__qualname__} inherits its parent's slug: give it its own"
        assert cls.slug not in slugs, f"{cls.__qualname__} and {slugs[cls.slug].__qualname__} share {cls.slug!r}"
        slugs[cls.slug] = cls


def test_no_service_raises_a_generic_forbidden_or_conflict():
    """`raise Forbidden(...)` or `raise Conflict(...)` hides the reason: raise a named subclass."""
    offenders = []
    for path in sorted(API.rglob("*.py")):
        relative = path.relative_to(API).as_posix()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and isinstance(node.exc.func, ast.Name):
                name = node.exc.func.id
                if name in (Forbidden.__name__, Conflict.__name__) and (relative, name) not in GENERIC_ALLOWED:
                    offenders.append(f"{relative}:{node.lineno} raise {name}(...)")
    assert not offenders, "raise a specific Problem subclass (with its slug) instead:\n" + "\n".join(offenders)
