"""The pinned Node tools of tools/node (Spectral, openapi-typescript, openapi-fetch, tsc) for the
document tests: installed from the lock with `npm ci` when missing (as `make node-tools` does).

Without node and npm these tests fail rather than skip: CI must never pass a contract it did not check.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from api.contracts import ROOT

NODE_DIR = ROOT / "tools" / "node"
RULESET = ROOT / "openapi" / ".spectral.yaml"


def node_tool(name: str) -> Path:
    """`node_modules/.bin/<name>`, after `npm ci` if tools/node is not installed yet."""
    missing = [program for program in ("node", "npm") if shutil.which(program) is None]
    if missing:
        pytest.fail(f"{' and '.join(missing)} not found: install Node.js 20+ (Debian: apt install nodejs npm)")
    tool = NODE_DIR / "node_modules" / ".bin" / name
    if not tool.exists():
        done = subprocess.run(
            ["npm", "ci", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"npm ci failed:\n{done.stdout}{done.stderr}"
    assert tool.exists(), f"{tool} is missing after npm ci"
    return tool
