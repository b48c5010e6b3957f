"""The lock files cannot drift from pyproject.toml unnoticed: every requirement (the app's in both, the dev
extra's in requirements-dev.lock) is pinned there at a version it allows, with hashes; the two agree; and
the Dockerfile and `make install` install from them in hash-checking mode. (`make verify-lock` installs
requirements.lock into a fresh venv as the image's build does.)"""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)", re.M)


def pins(lock: str) -> dict[str, Version]:
    text = (ROOT / lock).read_text()
    found: dict[str, Version] = {canonicalize_name(n): Version(v) for n, v in PIN.findall(text)}
    assert found, f"{lock} pins nothing"
    # Each pin carries its hashes (a requirement line continues with `--hash=sha256:…`).
    for block in re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[-1]):
        if PIN.match(block):
            assert "--hash=sha256:" in block, f"{lock}: no hash for {block.splitlines()[0]}"
    return found


def requirements(extra: str | None = None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    listed = project["optional-dependencies"][extra] if extra else project["dependencies"]
    return [Requirement(line) for line in listed]


@pytest.mark.parametrize(("lock", "groups"), [("requirements.lock", [None]), ("requirements-dev.lock", [None, "dev"])])
def test_every_requirement_is_pinned_at_a_version_it_allows(lock: str, groups: list[str | None]) -> None:
    pinned = pins(lock)
    missing, outside = [], []
    for group in groups:
        for requirement in requirements(group):
            name = canonicalize_name(requirement.name)
            if name not in pinned:
                missing.append(str(requirement))
            elif not requirement.specifier.contains(pinned[name], prereleases=True):
                outside.append(f"{requirement} (locked {pinned[name]})")
    assert not missing, f"{lock} lacks {missing}: run `make lock`"
    assert not outside, f"{lock} pins versions pyproject.toml no longer allows: {outside}; run `make lock`"


def test_the_app_lock_agrees_with_the_dev_lock() -> None:
    app, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: version for name, version in app.items() if dev.get(name) != version} == {}


def test_the_image_and_make_install_install_from_the_locks() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"pip install --require-hashes --no-deps -r requirements\.lock", dockerfile)
    assert re.search(r"pip install --no-deps \.", dockerfile)
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --require-hashes -r requirements-dev.lock" in makefile
    assert re.search(r"^STAMP := .*requirements-dev\.lock", makefile, re.M)
    assert re.search(r"^lock:", makefile, re.M)
