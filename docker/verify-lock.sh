#!/bin/sh
# What the image's build stage does, without Docker: a fresh virtual environment installs the app's
# lock file in hash-checking mode, then the project without dependencies, then imports the app and
# answers /livez in-process. Usage: docker/verify-lock.sh [python] (default python3; run from anywhere).
# Exit 0 when the lock installs and the app imports; .ci/run runs it (make verify-lock) before the suites.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${1:-python3}
WORK=$(mktemp -d /tmp/upr-verify-lock.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --upgrade pip
"$WORK/venv/bin/pip" install --quiet --require-hashes --no-deps -r "$ROOT/requirements.lock"
# A copy of the sources, as the image's COPY does (no stray build/ or egg-info from the checkout).
mkdir "$WORK/src"
cp -R "$ROOT/pyproject.toml" "$ROOT/README.md" "$ROOT/api" "$WORK/src/"
[ -f "$ROOT/LICENSE" ] && cp "$ROOT/LICENSE" "$WORK/src/"
"$WORK/venv/bin/pip" install --quiet --no-deps "$WORK/src"
"$WORK/venv/bin/pip" check
cd "$WORK"  # not the checkout: the installed package is what is imported
SECRET_KEY_FILE="$WORK/key" DATABASE_URL="sqlite:///$WORK/upr.db" "$WORK/venv/bin/python" - <<'PY'
import httpx, asyncio
import api
assert "/site-packages/" in api.__file__, api.__file__
from api.main import app

async def main() -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        live = await client.get("/livez")
        docs = await client.get("/docs/assets/swagger-ui-bundle.js")
    assert live.status_code == 200 and docs.status_code == 200, (live.text, docs.status_code)

asyncio.run(main())
print("the lock installs in hash-checking mode and the app imports and answers /livez")
PY
