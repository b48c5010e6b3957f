"""The committed contracts: `openapi/*.json` and the Python client generated from them.

`python -m api.contracts` (`make openapi`) writes both documents, then the client;
`python -m api.contracts --clients` (`make client`) regenerates the client in
`clients/upr-tracker-client/` from the committed documents only, then builds its wheel and sdist into
`dist/` (the build itself writes nothing into the tree: no `build/`, no `*.egg-info`).
Tests regenerate everything and compare with what is committed, so a code change that alters the
API without regenerating the contracts fails the suite.

One package, `upr_tracker_client`, covers both APIs: it is generated from one document made of
`cycle.json` and `tracking.json`, the tracking paths under the tracking app's mount point
(`merged_document`). That document is an input to the generator only, not a third contract.
"""

import argparse
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from api.http.openapi.names import rewrite_refs

ROOT = Path(__file__).resolve().parent.parent
OPENAPI_DIR = ROOT / "openapi"
CLIENTS_DIR = ROOT / "clients"
DIST_DIR = ROOT / "dist"
# A tracking component whose name the cycle document uses for something else is renamed with this prefix.
TRACKING_PREFIX = "Tracking"
DOCUMENTS = ("cycle", "tracking")  # the committed openapi/<name>.json, one per app


@dataclass(frozen=True)
class ClientPackage:
    """The pip-installable client of both documents; `package` is what partners import."""

    directory: Path  # the generated project: pyproject.toml, README.md and the package
    package: str
    config: Path  # openapi-python-client's configuration
    templates: Path  # our overrides of its templates (pyproject.toml: the hatchling build)
    extras: Path  # hand-written modules copied into the package beside the generated code
    readme: Path  # the package's README (its long description)

    @property
    def source(self) -> Path:
        """Where the package's modules are."""
        return self.directory / self.package


# Base URL: the server's root for both APIs, e.g. http://127.0.0.1:8000.
CLIENT = ClientPackage(
    directory=CLIENTS_DIR / "upr-tracker-client",
    package="upr_tracker_client",
    config=CLIENTS_DIR / "config.yml",
    templates=CLIENTS_DIR / "templates",
    extras=CLIENTS_DIR / "extras",
    readme=CLIENTS_DIR / "README.md",
)


def apps() -> dict[str, FastAPI]:
    from api.main import app

    return {"cycle": app, "tracking": app.state.tracking}


def openapi_text(app: FastAPI) -> str:
    return json.dumps(app.openapi(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def write_openapi(out_dir: Path = OPENAPI_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, app in apps().items():
        path = out_dir / f"{name}.json"
        path.write_text(openapi_text(app), encoding="utf-8")
        written.append(path)
    return written


def _ref(section: str, name: str) -> str:
    return f"#/components/{section}/{name}"


def _free_name(name: str, taken: set[str]) -> str:
    base = TRACKING_PREFIX + name[:1].upper() + name[1:]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}{n}", n + 1
    return candidate


def merged_document(cycle: dict[str, Any], tracking: dict[str, Any]) -> dict[str, Any]:
    """One document for both APIs, as the server serves them from its root: the tracking paths under
    the tracking document's server URL (its mount point, `/tracking`); the components of both, a
    tracking component identical to the cycle one of its name (its references followed) kept once,
    one that differs renamed `Tracking<Name>` with every reference to it; a tracking `operationId`
    the cycle document also uses prefixed `tracking.`; an optional token told apart for the generator
    (`_optional_security_for_the_generator`). Nothing in it is specific to an operation."""
    cycle, tracking = copy.deepcopy(cycle), copy.deepcopy(tracking)
    servers = tracking.get("servers") or [{"url": "/tracking"}]
    mount = servers[0]["url"].rstrip("/")
    ours: dict[str, dict[str, Any]] = cycle.setdefault("components", {})
    theirs: dict[str, dict[str, Any]] = tracking.get("components", {})

    # Which tracking components need a name of their own: those that differ from the cycle one of
    # their name, then (until nothing changes) those that only refer to a renamed one.
    renames: dict[str, str] = {}
    taken = {f"{s}/{n}" for s in ours for n in ours[s]} | {f"{s}/{n}" for s in theirs for n in theirs[s]}
    changed = True
    while changed:
        changed = False
        for section, components in theirs.items():
            for name, component in components.items():
                ref = _ref(section, name)
                if ref in renames or name not in ours.get(section, {}):
                    continue
                if rewrite_refs(component, renames) != ours[section][name]:
                    names = {t.split("/", 1)[1] for t in taken if t.startswith(f"{section}/")}
                    new = _free_name(name, names)
                    taken.add(f"{section}/{new}")
                    renames[ref] = _ref(section, new)
                    changed = True

    for section, components in theirs.items():
        target = ours.setdefault(section, {})
        for name, component in components.items():
            ref = _ref(section, name)
            if ref in renames:
                new = renames[ref].rsplit("/", 1)[1]
                target[new] = rewrite_refs(component, renames)
                if section == "schemas" and target[new].get("title") == name:
                    target[new]["title"] = new
            elif name not in target:
                target[name] = rewrite_refs(component, renames)

    paths = cycle.setdefault("paths", {})
    operation_ids = {op.get("operationId") for item in paths.values() for op in item.values() if isinstance(op, dict)}
    for path, item in tracking.get("paths", {}).items():
        item = rewrite_refs(item, renames)
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") in operation_ids:
                operation["operationId"] = f"tracking.{operation['operationId']}"
        full = f"{mount}{path}" if path != "/" else mount or "/"
        if full in paths:
            raise ValueError(f"{full} is in both documents")
        paths[full] = item
    _optional_security_for_the_generator(cycle)

    known_tags = {tag["name"] for tag in cycle.get("tags", [])}
    extra_tags = [tag for tag in tracking.get("tags", []) if tag["name"] not in known_tags]
    if extra_tags:
        cycle.setdefault("tags", []).extend(extra_tags)
    cycle.pop("servers", None)
    cycle["info"] = {
        **cycle.get("info", {}),
        "title": "UPR Tracker",
        "description": "\n\n".join(
            d.get("info", {}).get("description", "").strip() for d in (cycle, tracking) if d.get("info")
        ),
    }
    return cycle


def _optional_security_for_the_generator(document: dict[str, Any]) -> None:
    """openapi-python-client takes any `security` as required (the operation's `client` is then an
    `AuthenticatedClient`): an operation a token is optional for (`{}` among its requirements, a
    public read) goes to it without `security`, so it takes either client (a token is still sent)."""
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and {} in operation.get("security", []):
                del operation["security"]


# `Any` as a member of a union (`Any | X`, `X | Any | Y`, `X | Any`).
_ANY_MEMBER = re.compile(r"(?<=[\s\[(])Any \| | \| Any(?=[\]\s:,)]|$)")
_TYPE_ONLY = re.compile(r"\s*[\w\[\]., |]+")  # a docstring's `Returns:` line
_UNTYPED_JSON = re.compile(r"(?m)^\s+response_\w+ = response\.json\(\)$")  # a body of no schema: Any indeed


def _precise_return_types(package: Path) -> None:
    """openapi-python-client types an answer without a body (a 204, a 304 to `If-None-Match`) as
    `Any`, and so every operation that has one returns e.g. `Any | Page | ProblemDetail | None`,
    which erases the rest for a type checker (`iterate` and `unwrap` would give `Any`). Its value
    is None, which the types already allow: `Any` is dropped from the unions of return types (and
    of the docstrings that repeat them), and `cast(Any, None)` is None — unless an answer of the
    operation is JSON of no schema, which is `Any` indeed."""
    for module in sorted((package / "api").rglob("*.py")):
        text = module.read_text(encoding="utf-8")
        if _UNTYPED_JSON.search(text):
            continue
        lines = [
            _ANY_MEMBER.sub("", line) if " | " in line and ("-> " in line or _TYPE_ONLY.fullmatch(line)) else line
            for line in text.split("\n")
        ]
        fixed = "\n".join(lines).replace(" = cast(Any, None)\n", " = None\n")
        if fixed != text:
            module.write_text(fixed, encoding="utf-8")


def committed_documents(directory: Path = OPENAPI_DIR) -> dict[str, dict[str, Any]]:
    return {name: json.loads((directory / f"{name}.json").read_text(encoding="utf-8")) for name in DOCUMENTS}


def generate_client(
    client: ClientPackage = CLIENT, out_dir: Path | None = None, documents_dir: Path = OPENAPI_DIR
) -> Path:
    """Run openapi-python-client on the merged documents (default: the committed ones) and add the
    hand-written modules, writing the project to `out_dir` (default: its place under clients/);
    returns where it went."""
    out_dir = out_dir or client.directory
    documents = committed_documents(documents_dir)
    bin_dir = Path(sys.executable).parent  # the post hooks call this environment's ruff
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "RUFF_NO_CACHE": "true"}
    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / "upr-tracker.json"
        spec.write_text(json.dumps(merged_document(documents["cycle"], documents["tracking"]), indent=2), "utf-8")
        target = Path(tmp) / "client"
        done = subprocess.run(
            [
                str(bin_dir / "openapi-python-client"),
                "generate",
                "--path",
                str(spec),
                "--output-path",
                str(target),
                "--config",
                str(client.config.resolve()),
                "--custom-template-path",
                str(client.templates.resolve()),
                "--meta",
                "uv",  # pyproject.toml only, from our template (clients/templates/pyproject.toml.jinja)
                "--overwrite",
            ],
            capture_output=True,
            text=True,
            cwd=tmp,
            env=env,
        )
        if done.returncode != 0 or not target.is_dir() or "Error(s) encountered" in done.stdout:
            raise RuntimeError(f"openapi-python-client failed on the merged documents:\n{done.stdout}{done.stderr}")
        _precise_return_types(target / client.package)
        for hook in (["ruff", "check", ".", "--fix-only", "--quiet"], ["ruff", "format", ".", "--quiet"]):
            subprocess.run([str(bin_dir / hook[0]), *hook[1:]], cwd=target, env=env, check=True, capture_output=True)
        for module in sorted(client.extras.glob("*.py")):
            if (target / client.package / module.name).exists():
                raise RuntimeError(f"{module.name} is both generated and in {client.extras}")
            shutil.copyfile(module, target / client.package / module.name)
        shutil.copyfile(client.readme, target / "README.md")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(target, out_dir)
    return out_dir


def build_client(client: ClientPackage = CLIENT, dist: Path = DIST_DIR) -> list[Path]:
    """The wheel and sdist of the client project into `dist`, built with hatchling (PEP 517 hooks
    called in a process of this environment: no download, and nothing written beside the sources)."""
    dist.mkdir(parents=True, exist_ok=True)
    hooks = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1])); print(b.build_sdist(sys.argv[1]))"
    done = subprocess.run(
        [sys.executable, "-c", hooks, str(dist.resolve())],
        cwd=client.directory,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "SOURCE_DATE_EPOCH": "315532800"},
    )
    if done.returncode != 0:
        raise RuntimeError(f"building {client.directory.name} failed:\n{done.stdout}{done.stderr}")
    return [dist / name for name in done.stdout.split()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m api.contracts", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--clients",
        action="store_true",
        help="Only regenerate the client from the committed openapi/*.json, and build it into dist/.",
    )
    args = parser.parse_args(argv)
    if not args.clients:
        for path in write_openapi():
            print(f"wrote {path.relative_to(ROOT)}")
    print(f"wrote {generate_client().relative_to(ROOT)}")
    if args.clients:
        for path in build_client():
            print(f"built {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
