"""`make bench` builds its database the way this test does, in a fresh interpreter: a seed that works
only once the app has imported every domain would stop the benchmark (it did once)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_bench_migrates_and_seeds_a_fresh_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    script = (
        "from bench.dataset import migrate, seed\n"
        f"migrate({url!r})\n"
        f"seed({url!r})\n"
        "from sqlalchemy import create_engine, text\n"
        f"print(create_engine({url!r}).connect().execute(text('select count(*) from recommendation')).scalar())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip().splitlines()[-1]) > 0  # the demo review's recommendations
