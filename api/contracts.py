"""The committed contracts: `openapi/*.json` and the Python clients generated from them.

`python -m api.contracts` (`make openapi`) writes both documents, then both clients;
`python -m api.contracts --clients` (`make client`) regenerates the clients from the committed
documents only. Tests regenerate everything and compare with what is committed, so a code change
that alters the API without regenerating the contracts fails the suite.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI

ROOT = Path(__file__).resolve().parent.parent
OPENAPI_DIR = ROOT / "openapi"
CLIENTS_DIR = ROOT / "clients"


@dataclass(frozen=True)
class ClientPackage:
    """A pip-installable client of one document; `package` is what partners import."""

    document: str
    directory: Path
    package: str
    config: Path

    @property
    def spec(self) -> Path:
        return OPENAPI_DIR / f"{self.document}.json"


CLIENTS = (
    # Base URL: the server's root, e.g. http://127.0.0.1:8000.
    ClientPackage("cycle", CLIENTS_DIR / "upr-tracker-client", "upr_tracker_client", CLIENTS_DIR / "config.yml"),
    # Base URL: where the tracking app is mounted, e.g. http://127.0.0.1:8000/tracking.
    ClientPackage(
        "tracking", CLIENTS_DIR / "upr-tracking-client", "upr_tracking_client", CLIENTS_DIR / "tracking-config.yml"
    ),
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


def generate_client(client: ClientPackage, out_dir: Path | None = None) -> Path:
    """Run openapi-python-client on the client's committed document, writing the package to
    `out_dir` (default: its place under clients/); returns where it went."""
    out_dir = out_dir or client.directory
    bin_dir = Path(sys.executable).parent  # the post hooks call this environment's ruff
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "RUFF_NO_CACHE": "true"}
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "client"
        done = subprocess.run(
            [
                str(bin_dir / "openapi-python-client"),
                "generate",
                "--path",
                str(client.spec.resolve()),
                "--output-path",
                str(target),
                "--config",
                str(client.config.resolve()),
                "--meta",
                "setup",
                "--overwrite",
            ],
            capture_output=True,
            text=True,
            cwd=tmp,
            env=env,
        )
        if done.returncode != 0 or not target.is_dir():
            raise RuntimeError(f"openapi-python-client failed on {client.spec.name}:\n{done.stdout}{done.stderr}")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(target, out_dir)
    return out_dir


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m api.contracts", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--clients", action="store_true", help="Only regenerate the clients from the committed openapi/*.json."
    )
    args = parser.parse_args(argv)
    if not args.clients:
        for path in write_openapi():
            print(f"wrote {path.relative_to(ROOT)}")
    for client in CLIENTS:
        print(f"wrote {generate_client(client).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
