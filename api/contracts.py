"""The committed contracts: `openapi/*.json` and the generated Python client (`make openapi`).

Tests regenerate both and compare with what is committed, so a code change that alters the API
without regenerating them fails the suite.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from fastapi import FastAPI

ROOT = Path(__file__).resolve().parent.parent
OPENAPI_DIR = ROOT / "openapi"
CLIENTS_DIR = ROOT / "clients"
CLIENT_DIR = CLIENTS_DIR / "upr-tracker-client"
CLIENT_CONFIG = CLIENTS_DIR / "config.yml"


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


def generate_client(spec: Path, out_dir: Path) -> None:
    """Run openapi-python-client on `spec`, writing a pip-installable package to `out_dir`."""
    bin_dir = Path(sys.executable).parent  # the post hooks call this environment's ruff
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "RUFF_NO_CACHE": "true"}
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "client"
        subprocess.run(
            [str(bin_dir / "openapi-python-client"), "generate", "--path", str(spec),
             "--output-path", str(target), "--config", str(CLIENT_CONFIG), "--meta", "setup", "--overwrite"],
            check=True, capture_output=True, text=True, cwd=tmp, env=env,
        )
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(target, out_dir)


def main() -> None:
    write_openapi()
    generate_client(OPENAPI_DIR / "cycle.json", CLIENT_DIR)


if __name__ == "__main__":
    main()
