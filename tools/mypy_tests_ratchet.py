"""Type errors in tests/ only go down: `make lint` fails when mypy finds more than the recorded
baseline, and also when it finds fewer (lower `tests/mypy-baseline.txt` to the new count, so the
gain is kept). api/ itself is held at zero by plain `mypy` in `make lint`."""

import re
import subprocess
import sys
from pathlib import Path

BASELINE = Path(__file__).resolve().parent.parent / "tests" / "mypy-baseline.txt"


def main() -> int:
    run = subprocess.run([sys.executable, "-m", "mypy", "tests"], capture_output=True, text=True)
    found = re.search(r"Found (\d+) errors? in", run.stdout)
    if found is None and "Success" not in run.stdout:
        print(run.stdout + run.stderr)
        return 1
    count = int(found.group(1)) if found else 0
    baseline = int(BASELINE.read_text().strip())
    if count > baseline:
        print(run.stdout)
        print(f"mypy finds {count} errors in tests/, more than the baseline {baseline}: fix the new ones.")
        return 1
    if count < baseline:
        print(f"mypy finds {count} errors in tests/, fewer than the baseline {baseline}: write {count} to {BASELINE}.")
        return 1
    print(f"tests/: {count} type errors, as recorded (the baseline only goes down)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
